import { beforeEach, describe, expect, it } from '@jest/globals'
import { AccessDeniedException, EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2'
import { mockClient } from 'aws-sdk-client-mock'
import { enableInspector } from '../../src/aws/inspector-activation.js'

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

  it('names inspector2:Enable when access is denied', async () => {
    inspector
      .on(EnableCommand)
      .rejects(new AccessDeniedException({ message: 'not authorized', $metadata: {} }))
    await expect(enableInspector(client, ['ECR'], 't')).rejects.toThrow(
      /permission denied while enabling Amazon Inspector ECR scanning: the role needs inspector2:Enable/
    )
  })
})
