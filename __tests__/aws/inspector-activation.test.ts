import { beforeEach, describe, expect, it } from '@jest/globals'
import { AccessDeniedException, EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2'
import { mockClient } from 'aws-sdk-client-mock'
import { enableInspector } from '../../src/aws/inspector-activation.js'
import { AwsCallError } from '../../src/aws/errors.js'

const inspector = mockClient(Inspector2Client)
const client = new Inspector2Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
})

beforeEach(() => {
  inspector.reset()
})

describe('enableInspector', () => {
  it('sends the types and token for the own account and simplifies the answer', async () => {
    inspector.on(EnableCommand).resolves({
      accounts: [
        {
          accountId: '123456789012',
          status: 'ENABLING',
          resourceStatus: { ec2: 'DISABLED', ecr: 'ENABLING' }
        }
      ],
      failedAccounts: [
        {
          accountId: '123456789012',
          errorCode: 'SSM_THROTTLED',
          errorMessage: 'slow down'
        }
      ]
    })
    const result = await enableInspector(client, ['LAMBDA', 'LAMBDA_CODE'], 'token-1')
    expect(inspector.commandCalls(EnableCommand)[0]?.args[0].input).toEqual({
      resourceTypes: ['LAMBDA', 'LAMBDA_CODE'],
      clientToken: 'token-1'
    })
    expect(result).toEqual({
      accounts: [{ accountId: '123456789012', status: 'ENABLING' }],
      failedAccounts: [
        { accountId: '123456789012', errorCode: 'SSM_THROTTLED', errorMessage: 'slow down' }
      ]
    })
  })

  it('returns empty lists when the answer has none', async () => {
    inspector.on(EnableCommand).resolves({})
    await expect(enableInspector(client, ['ECR'], 't')).resolves.toEqual({
      accounts: [],
      failedAccounts: []
    })
  })

  it('says both causes of AccessDeniedException from Enable: the permission and the Region', async () => {
    inspector
      .on(EnableCommand)
      .rejects(new AccessDeniedException({ message: 'not authorized', $metadata: {} }))
    const error = await enableInspector(client, ['ECR'], 't', 'ap-southeast-5').catch(
      (e: unknown) => e as Error
    )

    expect(error).toBeInstanceOf(AwsCallError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    expect(message).toContain('the role lacks inspector2:Enable')
    expect(message).toContain('iam:CreateServiceLinkedRole')
    expect(message).toContain('infra/iam/ensure-enabled-policy.json')
    expect(message).toContain('not available in Region ap-southeast-5')
    expect(message).toContain('run in a Region that has it')
    expect(message).toContain('AWS said: not authorized')
  })
})
