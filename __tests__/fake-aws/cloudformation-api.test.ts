import { describe, expect, it } from '@jest/globals'
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { scenarios } from './scenarios.js'
import type { Scenario } from './scenario.js'
import { fakesClosedAfterEachTest, TEST_CREDENTIALS } from './test-support.js'

const fakes = fakesClosedAfterEachTest()

const withStack: Scenario = {
  ...scenarios.clean,
  stacks: [
    {
      name: 'inspector-gate-responder',
      outputs: {
        ScanEventLogGroup: '/aws/events/inspector-gate-responder/inspector-scans',
        TopicArn: 'arn:aws:sns:us-east-1:123456789012:inspector-gate-responder'
      }
    },
    { name: 'only-in-eu', region: 'eu-west-1' }
  ]
}

function client(url: string, region = 'us-east-1'): CloudFormationClient {
  return new CloudFormationClient({
    endpoint: url,
    region,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1
  })
}

describe('fake CloudFormation (AWS Query): DescribeStacks', () => {
  it("answers a scenario's stack with its status and outputs, as the SDK parses them", async () => {
    const fake = await fakes.start(withStack)
    const out = await client(fake.url).send(
      new DescribeStacksCommand({ StackName: 'inspector-gate-responder' })
    )
    const stack = out.Stacks?.[0]
    expect(stack?.StackName).toBe('inspector-gate-responder')
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE')
    expect(stack?.CreationTime).toBeInstanceOf(Date)
    expect(stack?.Outputs).toEqual([
      {
        OutputKey: 'ScanEventLogGroup',
        OutputValue: '/aws/events/inspector-gate-responder/inspector-scans'
      },
      {
        OutputKey: 'TopicArn',
        OutputValue: 'arn:aws:sns:us-east-1:123456789012:inspector-gate-responder'
      }
    ])
    // close() fails on any difference from AWS's model; the answer was checked, not skipped.
    expect(fake.conformance().responses).toBe(1)
    expect(fake.conformance().violations).toEqual([])
  })

  it('answers a stack that is not there (or is in another Region) with AWS ValidationError', async () => {
    const fake = await fakes.start(withStack)
    for (const name of ['nothing-here', 'only-in-eu']) {
      await expect(
        client(fake.url).send(new DescribeStacksCommand({ StackName: name }))
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message: `Stack with id ${name} does not exist`
      })
    }
    const eu = await client(fake.url, 'eu-west-1').send(
      new DescribeStacksCommand({ StackName: 'only-in-eu' })
    )
    expect(eu.Stacks?.[0]?.Outputs).toBeUndefined()
  })

  it('answers AccessDenied for a role without cloudformation:DescribeStacks', async () => {
    const fake = await fakes.start({
      ...withStack,
      faults: [{ operation: 'DescribeStacks', service: 'cloudformation', count: 1, status: 403 }]
    })
    await expect(
      client(fake.url).send(new DescribeStacksCommand({ StackName: 'inspector-gate-responder' }))
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })
  })
})
