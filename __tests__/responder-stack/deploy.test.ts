import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand
} from '@aws-sdk/client-cloudformation'
import { mockClient } from 'aws-sdk-client-mock'
import { buildResponderConfig } from '../../src/responder-stack/config.js'
import { deployResponder } from '../../src/responder-stack/deploy.js'
import { VirtualClock } from '../helpers/virtual-clock.js'
import { parseTemplateFile } from '../infra/cfn-yaml.js'

const cfn = mockClient(CloudFormationClient)
const client = new CloudFormationClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
})
const TEMPLATE = new URL('../../infra/responder.yaml', import.meta.url)

beforeEach(() => {
  cfn.reset()
  cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
  cfn.on(DescribeStacksCommand).resolves({
    Stacks: [
      {
        StackName: 'inspector-gate-responder',
        StackStatus: 'UPDATE_COMPLETE',
        CreationTime: new Date()
      }
    ]
  })
  cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [{}] })
  cfn.on(ExecuteChangeSetCommand).resolves({})
})

async function parametersSent(inputs: Record<string, string>): Promise<Record<string, string>> {
  const config = buildResponderConfig({ 'deploy-responder': 'true', ...inputs })
  if (config === undefined) throw new Error('no responder config')
  const clock = new VirtualClock()
  await deployResponder(config, 'Resources: {}', {
    cloudformation: client,
    clock,
    log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
    deadline: clock.now() + 60 * 60_000,
    pollMs: 5_000
  })
  const sent = cfn.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.Parameters ?? []
  return Object.fromEntries(sent.map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? '']))
}

describe('deployResponder', () => {
  it("sends only the template's own parameters, scan events on by default", async () => {
    const { template } = parseTemplateFile(TEMPLATE)
    const declared = Object.keys(template['Parameters'] as Record<string, unknown>)
    const sent = await parametersSent({})
    expect(Object.keys(sent).filter((key) => !declared.includes(key))).toEqual([])
    expect(sent).toMatchObject({ ScanEvents: 'Enabled', LogRetentionDays: '30' })
  })

  it('turns the scan-event log group off with responder-scan-events: false', async () => {
    expect(await parametersSent({ 'responder-scan-events': 'false' })).toMatchObject({
      ScanEvents: 'Disabled'
    })
  })
})
