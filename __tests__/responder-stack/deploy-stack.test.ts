import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand
} from '@aws-sdk/client-cloudformation'
import { mockClient } from 'aws-sdk-client-mock'
import { deployStack, DeployError } from '../../src/responder-stack/deploy-stack.js'
import { VirtualClock } from '../helpers/virtual-clock.js'

const cfn = mockClient(CloudFormationClient)
const client = new CloudFormationClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
})
const deployment = {
  stackName: 'inspector-gate-responder',
  templateBody: 'Resources: {}',
  parameters: { NotificationEmail: '' }
}
const notFound = Object.assign(new Error('Stack with id inspector-gate-responder does not exist'), {
  name: 'ValidationError'
})
const stack = (status: string, outputs: Record<string, string> = {}) => ({
  Stacks: [
    {
      StackName: 'inspector-gate-responder',
      StackStatus: status as 'CREATE_COMPLETE',
      CreationTime: new Date(),
      Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({
        OutputKey,
        OutputValue
      }))
    }
  ]
})
const event = (id: string, logical: string, status: string, reason?: string) => ({
  EventId: id,
  StackId: 's',
  StackName: 'inspector-gate-responder',
  Timestamp: new Date(),
  LogicalResourceId: logical,
  ResourceType: 'AWS::Lambda::Function',
  ResourceStatus: status as 'CREATE_FAILED',
  ...(reason && { ResourceStatusReason: reason })
})

let logs: string[]
function deps() {
  const clock = new VirtualClock()
  logs = []
  return {
    cloudformation: client,
    clock,
    log: {
      info: (m: string) => logs.push(m),
      warning: (m: string) => logs.push(`warning: ${m}`),
      debug: () => undefined
    },
    deadline: clock.now() + 30 * 60_000,
    pollMs: 5_000
  }
}

beforeEach(() => {
  cfn.reset()
  cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
})

describe('deployStack', () => {
  it('creates a new stack through a CREATE change set and returns its outputs', async () => {
    cfn
      .on(DescribeStacksCommand)
      .rejectsOnce(notFound)
      .resolvesOnce(stack('CREATE_IN_PROGRESS'))
      .resolves(stack('CREATE_COMPLETE', { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t' }))
    cfn
      .on(DescribeChangeSetCommand)
      .resolvesOnce({ Status: 'CREATE_PENDING' })
      .resolves({ Status: 'CREATE_COMPLETE', Changes: [{}, {}] })

    const result = await deployStack(deployment, deps())

    expect(result).toEqual({
      outcome: 'created',
      outputs: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t' }
    })
    const request = cfn.commandCalls(CreateChangeSetCommand)[0]?.args[0].input
    expect(request).toMatchObject({
      ChangeSetType: 'CREATE',
      Capabilities: ['CAPABILITY_IAM'],
      Parameters: [{ ParameterKey: 'NotificationEmail', ParameterValue: '' }]
    })
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1)
  })

  it('treats a change set without changes as success and removes it', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE', { TopicArn: 'arn:t' }))
    cfn.on(DescribeChangeSetCommand).resolves({
      Status: 'FAILED',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set."
    })

    const result = await deployStack(deployment, deps())

    expect(result).toEqual({ outcome: 'unchanged', outputs: { TopicArn: 'arn:t' } })
    expect(cfn.commandCalls(CreateChangeSetCommand)[0]?.args[0].input.ChangeSetType).toBe('UPDATE')
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0)
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1)
    expect(logs).toContain('stack inspector-gate-responder is up to date: no changes')
  })

  it('refuses a stack in ROLLBACK_COMPLETE and says to delete it first', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('ROLLBACK_COMPLETE'))

    const attempt = deployStack(deployment, deps())

    await expect(attempt).rejects.toBeInstanceOf(DeployError)
    await expect(attempt).rejects.toThrow(
      'aws cloudformation delete-stack --stack-name inspector-gate-responder'
    )
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0)
  })

  it('prints the failing resources’ events and explains the state when the update rolls back', async () => {
    cfn
      .on(DescribeStacksCommand)
      .resolvesOnce(stack('UPDATE_COMPLETE'))
      .resolvesOnce(stack('UPDATE_IN_PROGRESS'))
      .resolves(stack('UPDATE_ROLLBACK_COMPLETE'))
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [{}] })
    cfn
      .on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [event('old', 'Topic', 'CREATE_FAILED', 'an old failure')] })
      .resolves({
        StackEvents: [
          event(
            'e2',
            'ResponderFunction',
            'UPDATE_FAILED',
            'Resource handler returned message: "Invalid runtime"'
          ),
          event('old', 'Topic', 'CREATE_FAILED', 'an old failure')
        ]
      })

    const attempt = deployStack(deployment, deps())

    await expect(attempt).rejects.toThrow(
      /ended UPDATE_ROLLBACK_COMPLETE: .*rolled back to its previous working state.*ResponderFunction/
    )
    expect(logs.some((l) => l.startsWith('warning:') && l.includes('Invalid runtime'))).toBe(true)
    expect(logs.some((l) => l.includes('an old failure') && l.startsWith('warning:'))).toBe(false)
  })

  it('passes on a refusal from CloudFormation in words', async () => {
    cfn.on(DescribeStacksCommand).rejects(notFound)
    cfn.on(DescribeChangeSetCommand).resolves({
      Status: 'FAILED',
      StatusReason: 'Template format error: Unresolved resource dependencies [Topic]'
    })

    await expect(deployStack(deployment, deps())).rejects.toThrow(
      'CloudFormation refused the changes to inspector-gate-responder: Template format error'
    )
  })
})
