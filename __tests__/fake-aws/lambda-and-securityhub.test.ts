import { describe, expect, it } from '@jest/globals'
import {
  BatchGetAccountStatusCommand,
  EnableCommand,
  Inspector2Client,
  ListCoverageCommand,
  ListFindingsCommand,
  ValidationException
} from '@aws-sdk/client-inspector2'
import type { CoveredResource, Finding } from '@aws-sdk/client-inspector2'
import {
  GetFunctionConfigurationCommand,
  InvalidParameterValueException,
  LambdaClient,
  ResourceNotFoundException,
  TooManyRequestsException,
  waitUntilFunctionUpdated
} from '@aws-sdk/client-lambda'
import {
  DescribeHubCommand,
  DisableImportFindingsForProductCommand,
  EnableImportFindingsForProductCommand,
  EnableSecurityHubCommand,
  InvalidAccessException,
  InvalidInputException,
  LimitExceededException,
  ListEnabledProductsForImportCommand,
  ResourceConflictException,
  SecurityHubClient,
  paginateListEnabledProductsForImport
} from '@aws-sdk/client-securityhub'
import {
  KNOWN_CODE_VULNERABILITIES,
  KNOWN_LAMBDA_VULNERABILITIES,
  inspectorRuntimeOf,
  lambdaCodeFinding,
  lambdaPackageFinding
} from './fixtures.js'
import type { LambdaArtifact } from './fixtures.js'
import { codeSha256For } from './scenario.js'
import type { LambdaFunctionSpec, Scenario } from './scenario.js'
import { FUNCTIONS, IMAGES, scenarioFunctions, scenarios } from './scenarios.js'
import type { ScenarioName } from './scenarios.js'
import type { FakeAws } from './server.js'
import { fakesClosedAfterEachTest, TEST_CREDENTIALS } from './test-support.js'

const credentials = TEST_CREDENTIALS
const { start, startAt } = fakesClosedAfterEachTest()

function clients(fake: FakeAws, maxAttempts = 1) {
  const config = { endpoint: fake.url, region: 'us-east-1', credentials, maxAttempts }
  return {
    lambda: new LambdaClient(config),
    inspector: new Inspector2Client(config),
    securityHub: new SecurityHubClient(config)
  }
}

const equals = (value: string) => [{ comparison: 'EQUALS' as const, value }]
const LAMBDA_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/
const parseLambdaTime = (text: string | undefined) =>
  new Date((text ?? '').replace(/\+0000$/, 'Z')).getTime()
const ORDERS_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders-api'
const INSPECTOR_PRODUCT = 'arn:aws:securityhub:us-east-1::product/aws/inspector'
const INSPECTOR_SUBSCRIPTION =
  'arn:aws:securityhub:us-east-1:123456789012:product-subscription/aws/inspector'

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error
  )
}

async function lambdaCoverage(
  inspector: Inspector2Client,
  name: string,
  scanType?: 'PACKAGE' | 'CODE'
): Promise<CoveredResource[]> {
  const filterCriteria = {
    resourceType: equals('AWS_LAMBDA_FUNCTION'),
    lambdaFunctionName: equals(name),
    ...(scanType === undefined ? {} : { scanType: equals(scanType) })
  }
  const result = await inspector.send(new ListCoverageCommand({ filterCriteria }))
  return result.coveredResources ?? []
}

async function activeLambdaFindings(
  inspector: Inspector2Client,
  name: string,
  findingType?: 'PACKAGE_VULNERABILITY' | 'CODE_VULNERABILITY'
): Promise<Finding[]> {
  const filterCriteria = {
    resourceType: equals('AWS_LAMBDA_FUNCTION'),
    lambdaFunctionName: equals(name),
    findingStatus: equals('ACTIVE'),
    ...(findingType === undefined ? {} : { findingType: equals(findingType) })
  }
  const result = await inspector.send(new ListFindingsCommand({ filterCriteria, maxResults: 100 }))
  return result.findings ?? []
}

describe('Lambda GetFunctionConfiguration', () => {
  it('reports the new deployment InProgress, then Successful, with the wire formats of Lambda', async () => {
    const { fake, clock } = await startAt(scenarios.lambdaPreviousDeployment)
    const { lambda } = clients(fake)
    const first = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'orders-api' })
    )
    expect(first).toMatchObject({
      FunctionName: 'orders-api',
      FunctionArn: ORDERS_ARN,
      Runtime: 'python3.11',
      CodeSha256: FUNCTIONS.ordersApiRedeployed.codeSha256,
      Version: '$LATEST',
      State: 'Active',
      LastUpdateStatus: 'InProgress',
      PackageType: 'Zip',
      Architectures: ['x86_64'],
      Role: 'arn:aws:iam::123456789012:role/orders-api-role'
    })
    expect(first.KMSKeyArn).toBeUndefined()
    expect(first.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    // LastModified is a plain string in Lambda's own format, 0.2 s before the start.
    expect(first.LastModified).toMatch(LAMBDA_TIMESTAMP)
    expect(parseLambdaTime(first.LastModified)).toBe(clock.now() - 200)
    expect(fake.calls[0]).toMatchObject({
      service: 'lambda',
      operation: 'GetFunctionConfiguration',
      status: 200,
      input: { FunctionName: 'orders-api' }
    })

    clock.advanceMs(1000)
    const done = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: ORDERS_ARN, Qualifier: '$LATEST' })
    )
    expect(done.LastUpdateStatus).toBe('Successful')
    expect(done.FunctionArn).toBe(`${ORDERS_ARN}:$LATEST`)
    expect(done.RevisionId).not.toBe(first.RevisionId)
    expect(fake.calls[1]?.input).toEqual({ FunctionName: ORDERS_ARN, Qualifier: '$LATEST' })
    const partial = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: '123456789012:function:orders-api' })
    )
    expect(partial.CodeSha256).toBe(done.CodeSha256)
  })

  it('works with the SDK waiter waitUntilFunctionUpdated', async () => {
    const fake = await start({ ...scenarios.lambdaPreviousDeployment, timeScale: 20 })
    const result = await waitUntilFunctionUpdated(
      { client: clients(fake).lambda, maxWaitTime: 10, minDelay: 1, maxDelay: 1 },
      { FunctionName: 'orders-api' }
    )
    expect(result.state).toBe('SUCCESS')
    expect(fake.callsTo('GetFunctionConfiguration').length).toBeGreaterThanOrEqual(2)
  })

  it('throws ResourceNotFoundException (404, Type User) for unknown functions and versions', async () => {
    const { fake } = await startAt(scenarios.lambdaPreviousDeployment)
    const { lambda } = clients(fake)
    const missing = await caught(
      lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'payments-api' }))
    )
    expect(missing).toBeInstanceOf(ResourceNotFoundException)
    expect(missing).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:payments-api',
      Type: 'User',
      $metadata: { httpStatusCode: 404 }
    })
    expect(fake.calls[0]).toMatchObject({ status: 404, errorCode: 'ResourceNotFoundException' })
    await expect(
      lambda.send(
        new GetFunctionConfigurationCommand({ FunctionName: 'orders-api', Qualifier: '7' })
      )
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ORDERS_ARN}:7`
    })
    await expect(
      lambda.send(
        new GetFunctionConfigurationCommand({
          FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-api'
        })
      )
    ).rejects.toBeInstanceOf(ResourceNotFoundException)
    await expect(
      lambda.send(
        new GetFunctionConfigurationCommand({ FunctionName: 'orders-api:$LATEST', Qualifier: '3' })
      )
    ).rejects.toBeInstanceOf(InvalidParameterValueException)
  })

  it('does not know a function before its first deployment', async () => {
    const fn: LambdaFunctionSpec = {
      name: 'late-fn',
      runtime: 'nodejs22.x',
      deployments: [{ codeSha256: codeSha256For('late'), lastModifiedSeconds: 2 }]
    }
    const { fake, clock } = await startAt({ name: 'late', repositories: [], functions: [fn] })
    const { lambda } = clients(fake)
    const get = () => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'late-fn' }))
    await expect(get()).rejects.toBeInstanceOf(ResourceNotFoundException)
    clock.advanceMs(2000)
    await expect(get()).resolves.toMatchObject({
      LastUpdateStatus: 'Successful',
      Runtime: 'nodejs22.x'
    })
  })

  it('reports a Failed update with its reason, State, layers and a customer-managed key', async () => {
    const fn: LambdaFunctionSpec = {
      name: 'broken-fn',
      runtime: 'python3.11',
      architectures: ['arm64'],
      layers: ['arn:aws:lambda:us-east-1:123456789012:layer:shared-deps:12'],
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      deployments: [
        {
          codeSha256: codeSha256For('broken'),
          lastModifiedSeconds: -1,
          updateStatus: [
            { atSeconds: -1, status: 'InProgress' },
            {
              atSeconds: 2,
              status: 'Failed',
              reason: 'The runtime parameter of python3.11 is no longer supported for updates.',
              reasonCode: 'InvalidRuntime'
            }
          ],
          state: [{ atSeconds: -1, state: 'Active' }]
        }
      ]
    }
    const { fake, clock } = await startAt({ name: 'failed', repositories: [], functions: [fn] })
    clock.advanceMs(2000)
    const config = await clients(fake).lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'broken-fn' })
    )
    expect(config).toMatchObject({
      LastUpdateStatus: 'Failed',
      LastUpdateStatusReason:
        'The runtime parameter of python3.11 is no longer supported for updates.',
      LastUpdateStatusReasonCode: 'InvalidRuntime',
      State: 'Active',
      Architectures: ['arm64'],
      Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shared-deps:12' }],
      KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
    })
  })

  it('injects Lambda faults as TooManyRequestsException with Retry-After', async () => {
    const { fake } = await startAt({
      ...scenarios.lambdaPreviousDeployment,
      faults: [
        { operation: 'GetFunctionConfiguration', count: 1, status: 429, retryAfterSeconds: 2 }
      ]
    })
    const error = await caught(
      clients(fake).lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders-api' }))
    )
    expect(error).toBeInstanceOf(TooManyRequestsException)
    expect(error).toMatchObject({
      retryAfterSeconds: '2',
      Reason: 'CallerRateLimitExceeded',
      $metadata: { httpStatusCode: 429 }
    })
  })
})

describe('Inspector coverage for Lambda', () => {
  it('lists PACKAGE and CODE rows with their own timelines when code scanning is on', async () => {
    const { fake, clock } = await startAt(scenarios.lambdaCodeScanning)
    const { inspector } = clients(fake)
    expect(await lambdaCoverage(inspector, 'orders-api')).toEqual([])
    clock.advanceMs(3000)
    const rows = await lambdaCoverage(inspector, 'orders-api')
    expect(rows.map((r) => [r.scanType, r.scanStatus?.reason])).toEqual([
      ['PACKAGE', 'SUCCESSFUL'],
      ['CODE', 'SCAN_IN_PROGRESS']
    ])
    expect(rows[0]).toMatchObject({
      resourceType: 'AWS_LAMBDA_FUNCTION',
      resourceId: `${ORDERS_ARN}:$LATEST`,
      accountId: '123456789012',
      scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
      resourceMetadata: {
        lambdaFunction: {
          functionName: 'orders-api',
          runtime: 'PYTHON_3_11',
          functionTags: { team: 'payments' }
        }
      }
    })
    expect(rows[0]?.lastScannedAt).toBeInstanceOf(Date)
    expect(rows[1]?.lastScannedAt).toBeUndefined()
    clock.advanceMs(1000)
    const [code] = await lambdaCoverage(inspector, 'orders-api', 'CODE')
    expect(code?.scanStatus?.reason).toBe('SUCCESSFUL')
    const byId = await inspector.send(
      new ListCoverageCommand({
        filterCriteria: { resourceId: equals(`${ORDERS_ARN}:$LATEST`), scanType: equals('PACKAGE') }
      })
    )
    expect(byId.coveredResources).toHaveLength(1)
    // ECR rows are listed beside the Lambda rows.
    const all = await inspector.send(new ListCoverageCommand({}))
    expect(new Set(all.coveredResources?.map((r) => r.resourceType))).toEqual(
      new Set(['AWS_ECR_REPOSITORY', 'AWS_ECR_CONTAINER_IMAGE', 'AWS_LAMBDA_FUNCTION'])
    )
  })

  it('keeps a stale SUCCESSFUL row (lastScannedAt < LastModified) until the new scan lands', async () => {
    const { fake, clock } = await startAt(scenarios.lambdaPreviousDeployment)
    const { inspector, lambda } = clients(fake)
    const { LastModified } = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'orders-api' })
    )
    const deployedAt = parseLambdaTime(LastModified)
    const rows = await lambdaCoverage(inspector, 'orders-api')
    // Code scanning is off in this scenario: only the PACKAGE row.
    expect(rows.map((r) => r.scanType)).toEqual(['PACKAGE'])
    expect(rows[0]?.scanStatus?.reason).toBe('SUCCESSFUL')
    expect(rows[0]?.lastScannedAt?.getTime()).toBeLessThan(deployedAt)
    clock.advanceMs(3000)
    const [fresh] = await lambdaCoverage(inspector, 'orders-api', 'PACKAGE')
    expect(fresh?.lastScannedAt?.getTime()).toBeGreaterThanOrEqual(deployedAt)
  })

  it('reports the unscannable reasons, and hides CODE rows while code scanning is off', async () => {
    const inactive = (
      name: string,
      reason:
        | 'UNSUPPORTED_RUNTIME'
        | 'EXCLUDED_BY_TAG'
        | 'ACCESS_DENIED_TO_ENCRYPTION_KEY'
        | 'SCAN_ELIGIBILITY_EXPIRED',
      extra: Partial<LambdaFunctionSpec> = {}
    ): LambdaFunctionSpec => ({
      name,
      runtime: 'python3.11',
      deployments: [{ codeSha256: codeSha256For(name), lastModifiedSeconds: -10 }],
      coverage: { package: [{ atSeconds: 1, statusCode: 'INACTIVE', reason }] },
      ...extra
    })
    const scenario: Scenario = {
      name: 'reasons',
      repositories: [],
      inspectorStatus: { lambdaCode: 'DISABLED' },
      functions: [
        inactive('legacy-go', 'UNSUPPORTED_RUNTIME', { runtime: 'provided.al2023' }),
        inactive('skipped', 'EXCLUDED_BY_TAG', {
          tags: { InspectorExclusion: 'LambdaStandardScanning' }
        }),
        inactive('encrypted', 'ACCESS_DENIED_TO_ENCRYPTION_KEY', {
          kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abcd'
        }),
        inactive('dormant', 'SCAN_ELIGIBILITY_EXPIRED')
      ]
    }
    const { fake, clock } = await startAt(scenario)
    clock.advanceMs(1000)
    const { coveredResources = [] } = await clients(fake).inspector.send(
      new ListCoverageCommand({ filterCriteria: { scanStatusCode: equals('INACTIVE') } })
    )
    expect(
      coveredResources.map((r) => [
        r.resourceMetadata?.lambdaFunction?.functionName,
        r.scanType,
        r.scanStatus?.reason,
        r.lastScannedAt
      ])
    ).toEqual([
      ['legacy-go', 'PACKAGE', 'UNSUPPORTED_RUNTIME', undefined],
      ['skipped', 'PACKAGE', 'EXCLUDED_BY_TAG', undefined],
      ['encrypted', 'PACKAGE', 'ACCESS_DENIED_TO_ENCRYPTION_KEY', undefined],
      ['dormant', 'PACKAGE', 'SCAN_ELIGIBILITY_EXPIRED', undefined]
    ])
    expect(coveredResources[0]?.resourceMetadata?.lambdaFunction?.runtime).toBe('UNSUPPORTED')
  })

  it('covers nothing of Lambda for inspectorOffForLambda, while ECR and Lambda itself work', async () => {
    const { fake, clock } = await startAt(scenarios.inspectorOffForLambda)
    clock.advanceMs(5000)
    const { inspector, lambda } = clients(fake)
    const status = await inspector.send(new BatchGetAccountStatusCommand({}))
    expect(status.accounts?.[0]?.resourceState).toMatchObject({
      ecr: { status: 'ENABLED' },
      lambda: { status: 'DISABLED' },
      lambdaCode: { status: 'DISABLED' }
    })
    expect(await lambdaCoverage(inspector, 'orders-api')).toEqual([])
    expect(await activeLambdaFindings(inspector, 'orders-api')).toEqual([])
    const ecr = await inspector.send(
      new ListCoverageCommand({
        filterCriteria: { resourceType: equals('AWS_ECR_CONTAINER_IMAGE') }
      })
    )
    expect(ecr.coveredResources?.[0]?.scanStatus?.reason).toBe('SUCCESSFUL')
    await expect(
      lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'orders-api' }))
    ).resolves.toMatchObject({ CodeSha256: FUNCTIONS.ordersApi.codeSha256 })
  })
})

describe('Inspector findings for Lambda', () => {
  it('tags each finding with the codeSha256 of its deployment; old findings stay ACTIVE', async () => {
    const { fake, clock } = await startAt(scenarios.lambdaPreviousDeployment)
    const { inspector, lambda } = clients(fake)
    const before = await activeLambdaFindings(inspector, 'orders-api')
    expect(before.map((f) => f.severity).sort()).toEqual(['CRITICAL', 'HIGH', 'MEDIUM'])
    clock.advanceMs(3000)
    const config = await lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'orders-api' })
    )
    const findings = await activeLambdaFindings(inspector, 'orders-api')
    expect(findings).toHaveLength(4)
    const sha = (f: Finding) => f.resources?.[0]?.details?.awsLambdaFunction?.codeSha256
    const current = findings.filter((f) => sha(f) === config.CodeSha256)
    expect(
      current.map((f) => [f.severity, f.packageVulnerabilityDetails?.vulnerabilityId])
    ).toEqual([['MEDIUM', 'CVE-2024-35195']])
    expect(findings.filter((f) => sha(f) !== config.CodeSha256).map((f) => sha(f))).toEqual([
      ...FUNCTIONS.ordersApiRedeployed.previousCodeSha256,
      ...FUNCTIONS.ordersApiRedeployed.previousCodeSha256,
      ...FUNCTIONS.ordersApiRedeployed.previousCodeSha256
    ])
    const [finding] = current
    expect(finding).toMatchObject({
      type: 'PACKAGE_VULNERABILITY',
      status: 'ACTIVE',
      awsAccountId: '123456789012',
      title: 'CVE-2024-35195 - requests',
      packageVulnerabilityDetails: {
        vulnerablePackages: [
          {
            name: 'requests',
            version: '2.31.0',
            fixedInVersion: '2.32.0',
            packageManager: 'PYTHONPKG',
            remediation: 'pip install requests==2.32.0'
          }
        ]
      },
      resources: [
        {
          type: 'AWS_LAMBDA_FUNCTION',
          id: `${ORDERS_ARN}:$LATEST`,
          partition: 'aws',
          region: 'us-east-1',
          details: {
            awsLambdaFunction: {
              functionName: 'orders-api',
              runtime: 'PYTHON_3_11',
              codeSha256: FUNCTIONS.ordersApiRedeployed.codeSha256,
              version: '$LATEST',
              executionRoleArn: 'arn:aws:iam::123456789012:role/orders-api-role',
              packageType: 'ZIP',
              architectures: ['X86_64']
            }
          }
        }
      ]
    })
    const lastModifiedAt = finding?.resources?.[0]?.details?.awsLambdaFunction?.lastModifiedAt
    expect(lastModifiedAt).toBeInstanceOf(Date)
    expect(lastModifiedAt?.getTime()).toBe(parseLambdaTime(config.LastModified))
  })

  it('returns code findings with codeVulnerabilityDetails and no package details', async () => {
    const { fake, clock } = await startAt(scenarios.lambdaCodeScanning)
    clock.advanceMs(4000)
    const { inspector } = clients(fake)
    const code = await activeLambdaFindings(inspector, 'orders-api', 'CODE_VULNERABILITY')
    expect(code.map((f) => `${f.severity} ${f.title}`).sort()).toEqual([
      'HIGH CWE-89 - SQL injection',
      'MEDIUM CWE-22 - Path traversal'
    ])
    const sqli = code.find((f) => f.codeVulnerabilityDetails?.cwes?.includes('CWE-89'))
    expect(sqli).toMatchObject({
      type: 'CODE_VULNERABILITY',
      codeVulnerabilityDetails: {
        filePath: {
          fileName: 'orders.py',
          filePath: 'src/handlers/orders.py',
          startLine: 42,
          endLine: 44
        },
        detectorId: 'python/sql-injection@v1.0',
        detectorName: 'SQL injection',
        cwes: ['CWE-89'],
        ruleId: 'python-sql-injection'
      },
      resources: [
        { details: { awsLambdaFunction: { codeSha256: FUNCTIONS.ordersApiCodeScan.codeSha256 } } }
      ]
    })
    expect(sqli?.codeVulnerabilityDetails?.detectorTags).toContain('cwe-89')
    expect(sqli?.codeVulnerabilityDetails?.referenceUrls?.length).toBeGreaterThan(0)
    expect(sqli?.description).toMatch(/SQL/)
    expect(sqli?.packageVulnerabilityDetails).toBeUndefined()
    expect(sqli?.inspectorScore).toBeUndefined()
    const pkg = await activeLambdaFindings(inspector, 'orders-api', 'PACKAGE_VULNERABILITY')
    expect(
      pkg.map((f) => [f.severity, f.packageVulnerabilityDetails?.vulnerablePackages?.[0]?.name])
    ).toEqual([['LOW', 'Werkzeug']])
  })

  it('applies resourceType, resourceId, lambdaFunctionName, findingType, findingStatus and awsAccountId', async () => {
    const { fake, clock } = await startAt(scenarios.mixedTargets)
    clock.advanceMs(6000)
    const { inspector } = clients(fake)
    const count = async (
      filterCriteria: Record<string, { comparison: 'EQUALS'; value: string }[]>
    ) => (await inspector.send(new ListFindingsCommand({ filterCriteria }))).findings?.length
    expect(await count({})).toBe(5)
    expect(await count({ resourceType: equals('AWS_LAMBDA_FUNCTION') })).toBe(2)
    expect(await count({ resourceType: equals('AWS_ECR_CONTAINER_IMAGE') })).toBe(3)
    expect(await count({ lambdaFunctionName: equals('billing-worker') })).toBe(1)
    expect(await count({ resourceId: equals(FUNCTIONS.billingWorker.resourceId) })).toBe(1)
    expect(await count({ findingType: equals('CODE_VULNERABILITY') })).toBe(0)
    expect(
      await count({ findingType: equals('PACKAGE_VULNERABILITY'), findingStatus: equals('ACTIVE') })
    ).toBe(5)
    expect(await count({ awsAccountId: equals('123456789012') })).toBe(5)
    expect(await count({ awsAccountId: equals('999999999999') })).toBe(0)
    const [billing] =
      (
        await inspector.send(
          new ListFindingsCommand({
            filterCriteria: { lambdaFunctionName: equals('billing-worker') }
          })
        )
      ).findings ?? []
    expect(billing?.resources?.[0]?.details?.awsLambdaFunction).toMatchObject({
      runtime: 'NODEJS_22_X',
      architectures: ['ARM64'],
      codeSha256: FUNCTIONS.billingWorker.codeSha256
    })
    expect(billing?.packageVulnerabilityDetails?.vulnerablePackages?.[0]).toMatchObject({
      name: 'axios',
      packageManager: 'NODEPKG',
      filePath: 'node_modules/axios/package.json'
    })
  })

  it('closes a finding at closedAtSeconds', async () => {
    const fn: LambdaFunctionSpec = {
      name: 'closing',
      runtime: 'python3.11',
      deployments: [
        {
          codeSha256: codeSha256For('closing'),
          lastModifiedSeconds: -10,
          findings: [
            {
              type: 'PACKAGE_VULNERABILITY',
              ...KNOWN_LAMBDA_VULNERABILITIES.urllib3High,
              visibleFromSeconds: -5,
              closedAtSeconds: 2
            }
          ]
        }
      ]
    }
    const { fake, clock } = await startAt({ name: 'closing', repositories: [], functions: [fn] })
    const { inspector } = clients(fake)
    expect(await activeLambdaFindings(inspector, 'closing')).toHaveLength(1)
    clock.advanceMs(2000)
    expect(await activeLambdaFindings(inspector, 'closing')).toHaveLength(0)
    const { findings = [] } = await inspector.send(
      new ListFindingsCommand({ filterCriteria: { findingStatus: equals('CLOSED') } })
    )
    expect(findings[0]?.status).toBe('CLOSED')
    expect(findings[0]?.updatedAt?.getTime()).toBe(clock.now())
  })
})

describe('Lambda finding factories', () => {
  const fn: LambdaArtifact = {
    account: '123456789012',
    region: 'us-east-1',
    functionName: 'orders-api',
    runtime: 'python3.11',
    codeSha256: codeSha256For('x'),
    lastModifiedAt: new Date('2026-11-22T10:00:00Z')
  }

  it('maps Lambda runtimes to Inspector spelling', () => {
    expect(
      ['python3.11', 'nodejs22.x', 'java8.al2', 'java21', 'ruby3.2', 'go1.x', 'provided.al2'].map(
        inspectorRuntimeOf
      )
    ).toEqual([
      'PYTHON_3_11',
      'NODEJS_22_X',
      'JAVA_8_AL2',
      'JAVA_21',
      'RUBY_3_2',
      'GO_1_X',
      'UNSUPPORTED'
    ])
    // A spelling Inspector's model lacks is a fixture error, never an answer AWS could not give.
    expect(() => inspectorRuntimeOf('python3.12')).toThrow("Inspector's model has no PYTHON_3_12")
  })

  it('gives distinct ARNs per deployment and titles code findings by CWE', () => {
    const a = lambdaPackageFinding(KNOWN_LAMBDA_VULNERABILITIES.lodashHigh, fn)
    const b = lambdaPackageFinding(KNOWN_LAMBDA_VULNERABILITIES.lodashHigh, {
      ...fn,
      codeSha256: codeSha256For('y')
    })
    expect(a.findingArn).toMatch(
      /^arn:aws:inspector2:us-east-1:123456789012:finding\/[0-9a-f]{32}$/
    )
    expect(a.findingArn).not.toBe(b.findingArn)
    expect(a.exploitabilityDetails?.lastKnownExploitAt).toBeInstanceOf(Date)
    expect(a.firstObservedAt?.getTime()).toBe(fn.lastModifiedAt.getTime() + 60_000)
    const creds = lambdaCodeFinding(KNOWN_CODE_VULNERABILITIES.hardcodedCredentials, fn)
    expect(creds.title).toBe('CWE-798 - Hardcoded credentials')
    expect(creds.severity).toBe('CRITICAL')
    expect(
      lambdaCodeFinding(
        {
          ...KNOWN_CODE_VULNERABILITIES.sqlInjection,
          cwes: ['CWE-117', 'CWE-93'],
          detectorName: 'Log injection'
        },
        fn
      ).title
    ).toBe('CWE-117,93 - Log injection')
  })
})

describe('Inspector Enable and BatchGetAccountStatus', () => {
  it('answers failedAccounts SSM_THROTTLED first, then enables (enableFailedAccounts)', async () => {
    const { fake, clock } = await startAt(scenarios.enableFailedAccounts)
    const { inspector } = clients(fake)
    const before = await inspector.send(new BatchGetAccountStatusCommand({}))
    expect(before.accounts?.[0]?.state?.status).toBe('DISABLED')
    const types = ['ECR', 'LAMBDA'] as const
    const first = await inspector.send(new EnableCommand({ resourceTypes: [...types] }))
    expect(first.accounts).toEqual([])
    expect(first.failedAccounts).toEqual([
      expect.objectContaining({
        accountId: '123456789012',
        errorCode: 'SSM_THROTTLED',
        errorMessage: expect.any(String),
        status: 'DISABLED',
        resourceStatus: expect.objectContaining({ ecr: 'DISABLED', lambda: 'DISABLED' })
      })
    ])
    expect(fake.inspectorStatus().ecr).toBe('DISABLED')
    const second = await inspector.send(new EnableCommand({ resourceTypes: [...types] }))
    expect(second.failedAccounts).toEqual([])
    expect(second.accounts?.[0]).toMatchObject({
      accountId: '123456789012',
      status: 'ENABLED',
      resourceStatus: { ecr: 'ENABLED', lambda: 'ENABLED', lambdaCode: 'DISABLED', ec2: 'DISABLED' }
    })
    expect(fake.inspectorEnables.map((e) => [e.resourceTypes, e.outcome, e.errorCode])).toEqual([
      [['ECR', 'LAMBDA'], 'failed', 'SSM_THROTTLED'],
      [['ECR', 'LAMBDA'], 'enabled', undefined]
    ])
    // The SDK fills in an idempotency token.
    expect(fake.inspectorEnables[0]?.clientToken).toEqual(expect.any(String))
    clock.advanceMs(3000)
    expect(await lambdaCoverage(inspector, 'orders-api')).toHaveLength(1)
    const image = await inspector.send(
      new ListCoverageCommand({
        filterCriteria: { resourceType: equals('AWS_ECR_CONTAINER_IMAGE') }
      })
    )
    expect(image.coveredResources?.[0]?.resourceId).toContain(IMAGES.clean.digest)
  })

  it('reports ENABLING for 3 status polls, then ENABLED (enablingTakesPolls)', async () => {
    const { fake, clock } = await startAt(scenarios.enablingTakesPolls)
    const { inspector } = clients(fake)
    clock.advanceMs(3000)
    const enabled = await inspector.send(
      new EnableCommand({ resourceTypes: ['ECR', 'LAMBDA', 'LAMBDA_CODE'] })
    )
    expect(enabled.accounts?.[0]).toMatchObject({
      status: 'ENABLING',
      resourceStatus: {
        ecr: 'ENABLING',
        lambda: 'ENABLING',
        lambdaCode: 'ENABLING',
        ec2: 'DISABLED'
      }
    })
    // Reading state without polling does not move it on.
    expect(fake.inspectorStatus().ecr).toBe('ENABLING')
    const poll = async () => {
      const status = await inspector.send(new BatchGetAccountStatusCommand({}))
      const account = status.accounts?.[0]
      return [
        account?.state?.status,
        account?.resourceState?.ecr?.status,
        account?.resourceState?.lambdaCode?.status
      ]
    }
    expect(await poll()).toEqual(['ENABLING', 'ENABLING', 'ENABLING'])
    expect(await lambdaCoverage(inspector, 'orders-api')).toEqual([])
    expect(await poll()).toEqual(['ENABLING', 'ENABLING', 'ENABLING'])
    expect(await poll()).toEqual(['ENABLING', 'ENABLING', 'ENABLING'])
    expect(await poll()).toEqual(['ENABLED', 'ENABLED', 'ENABLED'])
    expect(await lambdaCoverage(inspector, 'orders-api')).not.toEqual([])
    // Enabling again is harmless.
    const again = await inspector.send(new EnableCommand({ resourceTypes: ['ECR'] }))
    expect(again.accounts?.[0]?.resourceStatus?.ecr).toBe('ENABLED')
  })

  it('can take scenario seconds instead of polls', async () => {
    const { fake, clock } = await startAt({
      ...scenarios.enablingTakesPolls,
      inspectorEnable: { enablingSeconds: 4 }
    })
    const { inspector } = clients(fake)
    await inspector.send(new EnableCommand({ resourceTypes: ['LAMBDA'] }))
    clock.advanceMs(3900)
    expect(fake.inspectorStatus().lambda).toBe('ENABLING')
    clock.advanceMs(100)
    const status = await inspector.send(new BatchGetAccountStatusCommand({}))
    expect(status.accounts?.[0]?.resourceState?.lambda?.status).toBe('ENABLED')
  })

  it('rejects LAMBDA_CODE without LAMBDA with a ValidationException, but not alongside or after it', async () => {
    const { fake } = await startAt(scenarios.enablingTakesPolls)
    const { inspector } = clients(fake)
    const error = await caught(
      inspector.send(new EnableCommand({ resourceTypes: ['LAMBDA_CODE'] }))
    )
    expect(error).toBeInstanceOf(ValidationException)
    expect(error).toMatchObject({
      message: expect.stringContaining('LAMBDA'),
      reason: 'FIELD_VALIDATION_FAILED',
      $metadata: { httpStatusCode: 400 }
    })
    expect(fake.inspectorEnables[0]).toMatchObject({
      resourceTypes: ['LAMBDA_CODE'],
      outcome: 'rejected'
    })
    await expect(
      inspector.send(
        new EnableCommand({
          resourceTypes: ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE', 'CODE_REPOSITORY', 'EC2'] as never
        })
      )
    ).rejects.toBeInstanceOf(ValidationException)
    await inspector.send(new EnableCommand({ resourceTypes: ['LAMBDA'] }))
    // LAMBDA is ENABLING now, which is enough for LAMBDA_CODE.
    const code = await inspector.send(new EnableCommand({ resourceTypes: ['LAMBDA_CODE'] }))
    expect(code.accounts?.[0]?.resourceStatus?.lambdaCode).toBe('ENABLING')

    const { fake: lambdaOn } = await startAt(scenarios.lambdaPreviousDeployment)
    const ok = await clients(lambdaOn).inspector.send(
      new EnableCommand({ resourceTypes: ['LAMBDA_CODE'] })
    )
    expect(ok.accounts?.[0]?.resourceStatus?.lambdaCode).toBe('ENABLED')
  })

  it('replays a repeated clientToken and fails foreign accounts with ACCESS_DENIED', async () => {
    const { fake } = await startAt(scenarios.enableFailedAccounts)
    const { inspector } = clients(fake)
    const first = await inspector.send(
      new EnableCommand({ resourceTypes: ['ECR'], clientToken: 'attempt-1' })
    )
    const replay = await inspector.send(
      new EnableCommand({ resourceTypes: ['ECR'], clientToken: 'attempt-1' })
    )
    expect(replay.failedAccounts?.[0]?.errorCode).toBe('SSM_THROTTLED')
    expect(replay.failedAccounts).toEqual(first.failedAccounts)
    expect(fake.inspectorEnables.map((e) => e.outcome)).toEqual(['failed', 'replayed'])
    const both = await inspector.send(
      new EnableCommand({ resourceTypes: ['ECR'], accountIds: ['123456789012', '210987654321'] })
    )
    expect(both.accounts?.map((a) => a.accountId)).toEqual(['123456789012'])
    expect(both.failedAccounts).toEqual([
      expect.objectContaining({ accountId: '210987654321', errorCode: 'ACCESS_DENIED' })
    ])
  })
})

describe('Security Hub', () => {
  const hubOn = (Object.keys(scenarios) as ScenarioName[]).filter(
    (name) => scenarios[name].securityHub?.enabled !== false
  )
  it.each(hubOn)('%s: hub ON with the Inspector integration ON', async (name) => {
    const { fake } = await startAt(scenarios[name])
    const { securityHub } = clients(fake)
    const hub = await securityHub.send(new DescribeHubCommand({}))
    const account = scenarios[name].account ?? '123456789012'
    expect(hub.HubArn).toBe(`arn:aws:securityhub:us-east-1:${account}:hub/default`)
    const products = await securityHub.send(new ListEnabledProductsForImportCommand({}))
    expect(products.ProductSubscriptions).toContain(
      INSPECTOR_SUBSCRIPTION.replace('123456789012', account)
    )
  })

  it('describes the hub and refuses a second EnableSecurityHub with ResourceConflictException', async () => {
    const { fake, clock } = await startAt(scenarios.clean)
    const { securityHub } = clients(fake)
    const hub = await securityHub.send(new DescribeHubCommand({}))
    expect(hub).toMatchObject({
      HubArn: 'arn:aws:securityhub:us-east-1:123456789012:hub/default',
      AutoEnableControls: true,
      ControlFindingGenerator: 'SECURITY_CONTROL'
    })
    expect(typeof hub.SubscribedAt).toBe('string')
    expect(new Date(hub.SubscribedAt ?? '').getTime()).toBe(clock.now() - 30 * 86_400_000)
    const conflict = await caught(securityHub.send(new EnableSecurityHubCommand({})))
    expect(conflict).toBeInstanceOf(ResourceConflictException)
    expect(conflict).toMatchObject({
      message: 'Account is already subscribed to Security Hub',
      Code: 'ResourceConflictException',
      $metadata: { httpStatusCode: 409 }
    })
    await expect(
      securityHub.send(new EnableImportFindingsForProductCommand({ ProductArn: INSPECTOR_PRODUCT }))
    ).rejects.toBeInstanceOf(ResourceConflictException)
  })

  it('walks enablingTakesPolls from no hub to hub + Inspector import', async () => {
    const { fake } = await startAt(scenarios.enablingTakesPolls)
    const { securityHub } = clients(fake, 3)
    const notSubscribed = await caught(securityHub.send(new DescribeHubCommand({})))
    expect(notSubscribed).toBeInstanceOf(InvalidAccessException)
    expect(notSubscribed).toMatchObject({
      message: 'Account 123456789012 is not subscribed to AWS Security Hub',
      $metadata: { httpStatusCode: 401, attempts: 1 }
    })
    expect(fake.callsTo('DescribeHub')).toHaveLength(1)
    await expect(
      securityHub.send(new ListEnabledProductsForImportCommand({}))
    ).rejects.toBeInstanceOf(InvalidAccessException)
    await securityHub.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }))
    expect(fake.securityHub()).toEqual({
      enabled: true,
      products: [],
      enabledDefaultStandards: false
    })
    expect(fake.callsTo('EnableSecurityHub')[0]?.input).toEqual({ EnableDefaultStandards: false })
    await expect(securityHub.send(new DescribeHubCommand({}))).resolves.toMatchObject({
      HubArn: expect.any(String)
    })
    expect(
      (await securityHub.send(new ListEnabledProductsForImportCommand({}))).ProductSubscriptions
    ).toEqual([])
    const enabled = await securityHub.send(
      new EnableImportFindingsForProductCommand({ ProductArn: INSPECTOR_PRODUCT })
    )
    expect(enabled.ProductSubscriptionArn).toBe(INSPECTOR_SUBSCRIPTION)
    expect(fake.callsTo('EnableImportFindingsForProduct')[0]?.input).toEqual({
      ProductArn: INSPECTOR_PRODUCT
    })
    expect(
      (await securityHub.send(new ListEnabledProductsForImportCommand({}))).ProductSubscriptions
    ).toEqual([INSPECTOR_SUBSCRIPTION])
    await expect(
      securityHub.send(new EnableImportFindingsForProductCommand({ ProductArn: INSPECTOR_PRODUCT }))
    ).rejects.toMatchObject({
      name: 'ResourceConflictException',
      $metadata: { httpStatusCode: 409 }
    })
    await expect(
      securityHub.send(
        new EnableImportFindingsForProductCommand({
          ProductArn: 'arn:aws:securityhub:eu-west-1::product/aws/inspector'
        })
      )
    ).rejects.toBeInstanceOf(InvalidInputException)

    fake.resetTimeline()
    expect(fake.securityHub()).toEqual({ enabled: false, products: [] })
    expect(fake.inspectorEnables).toEqual([])
  })

  it('subscribes the AWS integrations on EnableSecurityHub by default, and can stop importing', async () => {
    const { fake } = await startAt({ ...scenarios.clean, securityHub: { enabled: false } })
    const { securityHub } = clients(fake)
    await securityHub.send(new EnableSecurityHubCommand({}))
    expect(fake.securityHub().products).toContain('aws/inspector')
    expect(fake.securityHub().enabledDefaultStandards).toBe(true)
    await securityHub.send(
      new DisableImportFindingsForProductCommand({ ProductSubscriptionArn: INSPECTOR_SUBSCRIPTION })
    )
    expect(fake.securityHub().products).not.toContain('aws/inspector')
  })

  it('pages ListEnabledProductsForImport with MaxResults/NextToken query parameters', async () => {
    const { fake } = await startAt(scenarios.clean)
    const { securityHub } = clients(fake)
    const arns: string[] = []
    for await (const page of paginateListEnabledProductsForImport(
      { client: securityHub, pageSize: 2 },
      {}
    )) {
      arns.push(...(page.ProductSubscriptions ?? []))
    }
    expect(arns).toHaveLength(7)
    expect(
      arns.every((arn) =>
        arn.startsWith('arn:aws:securityhub:us-east-1:123456789012:product-subscription/aws/')
      )
    ).toBe(true)
    expect(arns).toContain(INSPECTOR_SUBSCRIPTION)
    const calls = fake.callsTo('ListEnabledProductsForImport')
    expect(calls).toHaveLength(4)
    expect(calls[0]?.input).toEqual({ MaxResults: 2 })
    expect(calls[1]?.input).toEqual({ MaxResults: 2, NextToken: expect.any(String) })
    await expect(
      securityHub.send(new ListEnabledProductsForImportCommand({ MaxResults: 101 }))
    ).rejects.toBeInstanceOf(InvalidInputException)
  })

  it('injects Security Hub throttling as LimitExceededException', async () => {
    const { fake } = await startAt({
      ...scenarios.clean,
      faults: [{ operation: 'DescribeHub', service: 'securityhub', count: 1, status: 429 }]
    })
    await expect(clients(fake).securityHub.send(new DescribeHubCommand({}))).rejects.toBeInstanceOf(
      LimitExceededException
    )
    await expect(clients(fake).securityHub.send(new DescribeHubCommand({}))).resolves.toBeDefined()
  })
})

describe('scenario targets', () => {
  it('mixedTargets finishes its three scans at 3, 4 and 6 s, so waiting one by one costs 13 s', async () => {
    const { fake, clock } = await startAt(scenarios.mixedTargets)
    const { inspector } = clients(fake)
    const doneAt: Record<string, number> = {}
    for (let ms = 0; ms <= 7000; ms += 250) {
      const { coveredResources = [] } = await inspector.send(
        new ListCoverageCommand({ filterCriteria: { scanStatusReason: equals('SUCCESSFUL') } })
      )
      for (const row of coveredResources) {
        if (row.resourceType === 'AWS_ECR_REPOSITORY') continue
        const key = row.resourceMetadata?.lambdaFunction?.functionName ?? 'image'
        doneAt[key] ??= ms / 1000
      }
      clock.advanceMs(250)
    }
    expect(doneAt).toEqual({ image: 3, 'orders-api': 4, 'billing-worker': 6 })
    const waits = Object.values(doneAt)
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * Math.max(...waits))
  })

  it.each(Object.keys(scenarios) as ScenarioName[])(
    '%s: scenarioFunctions match GetFunctionConfiguration',
    async (name) => {
      const { fake } = await startAt(scenarios[name])
      const { lambda } = clients(fake)
      for (const ref of scenarioFunctions[name]) {
        const config = await lambda.send(
          new GetFunctionConfigurationCommand({ FunctionName: ref.name })
        )
        expect([config.FunctionArn, config.Runtime, config.CodeSha256]).toEqual([
          ref.arn,
          ref.runtime,
          ref.codeSha256
        ])
        expect(ref.resourceId).toBe(`${ref.arn}:$LATEST`)
      }
      expect(scenarioFunctions[name].length).toBe(scenarios[name].functions?.length ?? 0)
    }
  )
})
