import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  DescribeImagesCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand
} from '@aws-sdk/client-ecr'
import {
  BatchGetAccountStatusCommand,
  Inspector2Client,
  ListCoverageCommand,
  ListFindingsCommand
} from '@aws-sdk/client-inspector2'
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { parseFunctionReference } from '../../src/domain/function-reference.js'
import { parseImageReference } from '../../src/domain/image-reference.js'
import { runGate, type GateConfig } from '../../src/gate/run.js'
import { DEFAULT_TIMING } from '../../src/gate/scan/deps.js'
import { testClients } from '../fixtures/aws-clients.js'
import { VirtualClock } from '../helpers/virtual-clock.js'

const sts = mockClient(STSClient)
const ecr = mockClient(ECRClient)
const inspector = mockClient(Inspector2Client)
const lambda = mockClient(LambdaClient)
const OTHER_ACCOUNT_IMAGE = `210987654321.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${'b'.repeat(64)}`

function config(overrides: Partial<GateConfig> = {}): GateConfig {
  return {
    images: [parseImageReference(OTHER_ACCOUNT_IMAGE)],
    functions: [],
    sboms: [],
    codeScanning: 'auto',
    policy: {
      failOn: 'high',
      maxFindings: {},
      untriagedAs: 'high',
      fixableOnly: false,
      failOnExploitable: false,
      onUnscannable: 'fail',
      onError: 'fail'
    },
    ignoreRules: [],
    timeoutMs: 15 * 60_000,
    timing: DEFAULT_TIMING,
    ensureEnabled: 'off',
    scanEvents: { kind: 'off' },
    ...overrides
  }
}

const warnings: string[] = []
const deps = () => ({
  clients: testClients(),
  clock: new VirtualClock(Date.parse('2026-11-22T12:00:00Z')),
  log: { info: () => undefined, warning: (m: string) => warnings.push(m), debug: () => undefined }
})

beforeEach(() => {
  for (const mock of [sts, ecr, inspector, lambda]) mock.reset()
  warnings.length = 0
  sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012' })
})

describe('runGate', () => {
  it('gates another account’s image through Inspector without reading that registry’s configuration', async () => {
    ecr.on(DescribeImagesCommand).resolves({
      imageDetails: [
        {
          imageDigest: `sha256:${'b'.repeat(64)}`,
          imagePushedAt: new Date('2026-11-22T10:00:00Z'),
          imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json'
        }
      ]
    })
    inspector.on(ListCoverageCommand).resolves({
      coveredResources: [
        {
          resourceId: `arn:aws:ecr:us-east-1:210987654321:repository/app/sha256:${'b'.repeat(64)}`,
          resourceType: 'AWS_ECR_CONTAINER_IMAGE',
          accountId: '210987654321',
          scanType: 'PACKAGE',
          scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
          lastScannedAt: new Date('2026-11-22T10:01:00Z')
        }
      ]
    })
    inspector.on(ListFindingsCommand).resolves({ findings: [] })

    const verdict = await runGate(config(), deps())

    expect(verdict.result).toBe('pass')
    expect(ecr.commandCalls(GetRegistryScanningConfigurationCommand)).toHaveLength(0)
    // From a delegated administrator every member's coverage and findings are visible: each read
    // names the registry's account, and ECR is asked about that registry, not the caller's.
    expect(ecr.commandCalls(DescribeImagesCommand)[0]?.args[0].input.registryId).toBe(
      '210987654321'
    )
    expect(
      inspector.commandCalls(ListCoverageCommand)[0]?.args[0].input.filterCriteria?.accountId
    ).toEqual([{ comparison: 'EQUALS', value: '210987654321' }])
    expect(
      inspector.commandCalls(ListFindingsCommand)[0]?.args[0].input.filterCriteria?.awsAccountId
    ).toEqual([{ comparison: 'EQUALS', value: '210987654321' }])
  })

  it('says which repository policy must let the caller read another account’s image when ECR denies it', async () => {
    ecr
      .on(DescribeImagesCommand)
      .rejects(
        Object.assign(
          new Error(
            'User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:us-east-1:210987654321:repository/app because no resource-based policy allows the ecr:DescribeImages action'
          ),
          { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }
        )
      )

    const verdict = await runGate(config(), deps())

    expect(verdict.result).toBe('error')
    expect(verdict.outcomes.map((o) => o.status === 'error' && o.message)).toEqual([
      "permission denied reading repository app of account 210987654321's registry (us-east-1) from account 123456789012: the repository policy in 210987654321 must allow 123456789012 ecr:DescribeImages and ecr:BatchGetImage (and the role needs them, as infra/iam/gate-ecr-policy.json grants) — AWS said: User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:us-east-1:210987654321:repository/app because no resource-based policy allows the ecr:DescribeImages action"
    ])
    expect(inspector.commandCalls(ListCoverageCommand)).toHaveLength(0)
  })

  it('turns a failure that concerns every target into an error outcome for each image and function', async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError'
      })
    )
    const functions = [parseFunctionReference('orders-api', 'us-east-1')]

    const verdict = await runGate(config({ functions }), deps())

    expect(verdict.result).toBe('error')
    expect(verdict.outcomes.map((o) => o.status === 'error' && o.reference)).toEqual([
      OTHER_ACCOUNT_IMAGE,
      'orders-api'
    ])
    expect(verdict.failures[0]).toContain('no AWS credentials found')
    expect(lambda.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(0)
  })

  it('warns, and gates package findings only, when it cannot tell whether code scanning is on', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }))
    lambda.on(GetFunctionConfigurationCommand).resolves({
      FunctionName: 'orders-api',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-api',
      CodeSha256: 'sha',
      LastModified: '2026-11-22T10:00:00.000+0000',
      LastUpdateStatus: 'Successful'
    })
    inspector.on(ListCoverageCommand).resolves({ coveredResources: [] })

    const verdict = await runGate(
      config({
        images: [],
        functions: [parseFunctionReference('orders-api', 'us-east-1')],
        timeoutMs: 60_000
      }),
      deps()
    )

    expect(
      warnings.some((w) => w.includes('could not tell whether Lambda code scanning is on'))
    ).toBe(true)
    expect(verdict.outcomes).toHaveLength(1)
    const scanTypes = inspector
      .commandCalls(ListCoverageCommand)
      .map((c) => c.args[0].input.filterCriteria?.scanType?.[0]?.value)
    expect(new Set(scanTypes)).toEqual(new Set(['PACKAGE']))
  })
})
