import { afterEach, describe, expect, it } from '@jest/globals'
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { scenarios } from './scenarios.js'
import { startFakeAws } from './server.js'
import type { FakeAws } from './server.js'
import { manualNow } from './timeline.js'

const running: FakeAws[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()))
})

function logsClient(fake: FakeAws): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    endpoint: fake.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1
  })
}

describe('CloudWatch Logs wiring', () => {
  it('routes FilterLogEvents by its signing name and target, and holds it to the model', async () => {
    const fake = await startFakeAws(scenarios.trickle, { now: manualNow().now })
    running.push(fake)
    await expect(
      logsClient(fake).send(new FilterLogEventsCommand({ logGroupName: '/nope' }))
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.'
    })
    expect(fake.callsTo('FilterLogEvents')).toMatchObject([
      { service: 'logs', status: 400, errorCode: 'ResourceNotFoundException' }
    ])
    expect(fake.conformance().violations).toEqual([])
  })
})
