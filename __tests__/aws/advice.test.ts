import { describe, expect, it } from '@jest/globals'
import { STSClient } from '@aws-sdk/client-sts'
import { CredentialsProviderError } from '@smithy/core/config'
import { ACTION_ADVICE } from '../../src/action/advice.js'
import { createAwsClients } from '../../src/aws/clients.js'
import { createInspectorScanClient, scanSbom } from '../../src/aws/inspector-scan.js'
import { getCallerAccount } from '../../src/aws/sts.js'
import { SDK_ADVICE, type AwsAdvice } from '../../src/runtime/aws-advice.js'

/** Settings whose credential provider finds none: a call fails while signing, before sending. */
const withoutCredentials = () => ({
  region: 'us-east-1',
  // Nothing listens here: a request that went out would fail with ECONNREFUSED instead.
  endpoint: 'http://127.0.0.1:9',
  credentials: () =>
    Promise.reject(new CredentialsProviderError('Could not load credentials from any providers'))
})

/** A client whose credential provider finds none. */
async function noCredentials(advice?: AwsAdvice): Promise<string> {
  const clients = createAwsClients({
    classes: { sts: STSClient },
    maxAttempts: 1,
    ...(advice === undefined ? {} : { advice }),
    overrides: withoutCredentials
  })
  return getCallerAccount(clients.sts()).then(
    () => 'no error',
    (error: unknown) => (error as Error).message
  )
}

describe('the advice for missing credentials is the door’s', () => {
  it('the CLI’s says how the AWS SDK finds credentials, with no GitHub step in it', async () => {
    const message = await noCredentials(SDK_ADVICE)
    expect(message).toMatch(/^no AWS credentials found: the AWS SDK looks for AWS_ACCESS_KEY_ID/)
    for (const way of ['AWS_PROFILE', 'sso', 'web identity', 'instance role']) {
      expect(message).toContain(way)
    }
    expect(message).not.toContain('configure-aws-credentials')
  })

  it('the action’s says which workflow step provides them', async () => {
    expect(await noCredentials(ACTION_ADVICE)).toBe(
      'no AWS credentials found: run aws-actions/configure-aws-credentials (OIDC) before this step, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY'
    )
  })

  it('a client built without advice says how the SDK looks', async () => {
    expect(await noCredentials()).toBe(`no AWS credentials found: ${SDK_ADVICE.credentials}`)
  })
})

describe('the Inspector Scan adapter carries the door’s advice too', () => {
  it('an SBOM gate without credentials gets the action’s advice in the action', async () => {
    const clients = createAwsClients({
      classes: { inspectorScan: createInspectorScanClient },
      maxAttempts: 1,
      advice: ACTION_ADVICE,
      overrides: withoutCredentials
    })
    const message = await scanSbom(clients.inspectorScan('us-east-1'), {
      file: 'sbom.cdx.json',
      sbom: { bomFormat: 'CycloneDX', specVersion: '1.5', components: [] }
    }).then(
      () => 'no error',
      (error: unknown) => (error as Error).message
    )

    expect(message).toBe(`no AWS credentials found: ${ACTION_ADVICE.credentials}`)
  })
})
