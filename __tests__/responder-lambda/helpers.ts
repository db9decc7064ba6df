/** The responder under test, wired to mocked SNS, Security Hub and per-region EC2 clients. */
import { jest } from '@jest/globals'
import { EC2Client } from '@aws-sdk/client-ec2'
import { SecurityHubClient } from '@aws-sdk/client-securityhub'
import { SNSClient } from '@aws-sdk/client-sns'
import { mockClient } from 'aws-sdk-client-mock'
import { createHandler } from '../../src/responder-lambda/responder.js'
import { REGION, TOPIC_ARN } from './fixtures.js'

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }

export const sns = mockClient(SNSClient)
export const securityHub = mockClient(SecurityHubClient)
export const ec2 = mockClient(EC2Client)

/** Just after the event's import: a first delivery, not a retry. */
export const FRESH = new Date('2025-11-03T09:14:31Z')

export interface Harness {
  handler: ReturnType<typeof createHandler>
  /** The region of each EC2 client the handler asked for, in order. */
  ec2Regions: string[]
  logs: () => Array<Record<string, unknown>>
}

export function harness(options: { now?: Date; topicArn?: string | undefined } = {}): Harness {
  const ec2Regions: string[] = []
  const clients = new Map<string, EC2Client>()
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  const handler = createHandler({
    sns: new SNSClient({ region: REGION, credentials }),
    securityHub: new SecurityHubClient({ region: REGION, credentials }),
    ec2: (region) => {
      ec2Regions.push(region)
      const client = clients.get(region) ?? new EC2Client({ region, credentials })
      clients.set(region, client)
      return client
    },
    topicArn: 'topicArn' in options ? options.topicArn : TOPIC_ARN,
    region: REGION,
    now: () => options.now ?? FRESH
  })
  const logs = (): Array<Record<string, unknown>> =>
    log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
  return { handler, ec2Regions, logs }
}

/** The region an SDK call was sent to (the client it was sent with). */
export async function regionOf(call: { thisValue: unknown }): Promise<string> {
  return (call.thisValue as EC2Client).config.region()
}

export function resetMocks(): void {
  jest.restoreAllMocks()
  sns.reset()
  securityHub.reset()
  ec2.reset()
  sns.resolves({ MessageId: 'm-1' })
  securityHub.resolves({ ProcessedFindings: [], UnprocessedFindings: [] })
  ec2.resolves({})
}
