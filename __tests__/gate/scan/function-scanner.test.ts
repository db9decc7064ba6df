import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  Inspector2Client,
  ListCoverageCommand,
  ListFindingsCommand,
  type Finding as InspectorFinding
} from '@aws-sdk/client-inspector2'
import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListVersionsByFunctionCommand
} from '@aws-sdk/client-lambda'
import { mockClient } from 'aws-sdk-client-mock'
import { parseFunctionReference } from '../../../src/domain/function-reference.js'
import { scanFunction } from '../../../src/gate/scan/function-scanner.js'
import { scanDeps } from '../../fixtures/aws-clients.js'
import { VirtualClock } from '../../helpers/virtual-clock.js'

const lambda = mockClient(LambdaClient)
const inspector = mockClient(Inspector2Client)
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:orders-api'
const ref = parseFunctionReference('orders-api', 'us-east-1')
const DEPLOYED = 'deployed-sha'

const deps = scanDeps

function configuration(overrides: Record<string, string> = {}) {
  return {
    FunctionName: 'orders-api',
    FunctionArn: ARN,
    CodeSha256: DEPLOYED,
    LastModified: '2026-11-22T10:00:00.000+0000',
    LastUpdateStatus: 'Successful' as const,
    State: 'Active' as const,
    Runtime: 'python3.11' as const,
    ...overrides
  }
}

function finding(id: string, severity: string, codeSha256: string | undefined): InspectorFinding {
  return {
    findingArn: `arn:aws:inspector2:us-east-1:123456789012:finding/${id}`,
    type: 'PACKAGE_VULNERABILITY',
    severity: severity as 'HIGH',
    title: id,
    packageVulnerabilityDetails: {
      vulnerabilityId: id,
      source: 'NVD',
      vulnerablePackages: [{ name: 'urllib3', version: '1.26.5' }]
    },
    resources: [
      {
        type: 'AWS_LAMBDA_FUNCTION',
        id: `${ARN}:$LATEST`,
        details: {
          awsLambdaFunction: {
            functionName: 'orders-api',
            runtime: 'PYTHON_3_11',
            version: '$LATEST',
            executionRoleArn: 'arn:aws:iam::123456789012:role/r',
            ...(codeSha256 !== undefined && { codeSha256 })
          } as never
        }
      }
    ]
  } as unknown as InspectorFinding
}

const done = {
  coveredResources: [
    {
      resourceId: `${ARN}:$LATEST`,
      resourceType: 'AWS_LAMBDA_FUNCTION' as const,
      accountId: '123456789012',
      scanType: 'PACKAGE' as const,
      scanStatus: { statusCode: 'ACTIVE' as const, reason: 'SUCCESSFUL' as const },
      lastScannedAt: new Date('2026-11-22T10:01:00Z')
    }
  ]
}

beforeEach(() => {
  lambda.reset()
  inspector.reset()
})

describe('scanFunction', () => {
  it('waits for the deployment to finish before reading its CodeSha256', async () => {
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolvesOnce(configuration({ LastUpdateStatus: 'InProgress', CodeSha256: 'half-deployed' }))
      .resolves(configuration())
    inspector.on(ListCoverageCommand).resolves(done)
    inspector.on(ListFindingsCommand).resolves({ findings: [] })

    const [outcome] = await scanFunction(
      ref,
      false,
      deps(new VirtualClock(Date.parse('2026-11-22T12:00:00Z')))
    )

    expect(outcome).toMatchObject({ status: 'scanned', artifact: { codeSha256: DEPLOYED } })
    expect(lambda.commandCalls(GetFunctionConfigurationCommand)).toHaveLength(2)
  })

  it('reports a failed deployment instead of gating half-deployed code', async () => {
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolves(
        configuration({ LastUpdateStatus: 'Failed', LastUpdateStatusReason: 'EniLimitExceeded' })
      )

    const [outcome] = await scanFunction(ref, false, deps(new VirtualClock()))

    expect(outcome).toMatchObject({ status: 'error' })
    expect(outcome?.status === 'error' && outcome.message).toContain('EniLimitExceeded')
  })

  it('reports a function that is being deleted instead of gating it (State Deleting)', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration({ State: 'Deleting' }))

    const [outcome] = await scanFunction(ref, false, deps(new VirtualClock()))

    expect(outcome).toMatchObject({ status: 'error' })
    expect(outcome?.status === 'error' && outcome.message).toContain('being deleted')
    expect(inspector.commandCalls(ListCoverageCommand)).toHaveLength(0)
  })

  it('gates an idle or not-yet-invocable function: its code is in place (State ActiveNonInvocable)', async () => {
    lambda
      .on(GetFunctionConfigurationCommand)
      .resolves(configuration({ State: 'ActiveNonInvocable' }))
    inspector.on(ListCoverageCommand).resolves(done)
    inspector.on(ListFindingsCommand).resolves({ findings: [] })

    const [outcome] = await scanFunction(
      ref,
      false,
      deps(new VirtualClock(Date.parse('2026-11-22T12:00:00Z')))
    )

    expect(outcome).toMatchObject({ status: 'scanned' })
  })

  it('waits on a Lambda State it does not know, then names it when the wait runs out', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration({ State: 'Hibernating' }))

    const [outcome] = await scanFunction(ref, false, deps(new VirtualClock()))

    expect(outcome).toMatchObject({ status: 'error' })
    expect(outcome?.status === 'error' && outcome.message).toContain(
      'unrecognised Lambda State Hibernating'
    )
    expect(inspector.commandCalls(ListCoverageCommand)).toHaveLength(0)
  })

  it('keeps findings of the deployed code, drops other deployments’, and counts findings that do not say', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration())
    inspector.on(ListCoverageCommand).resolves(done)
    inspector.on(ListFindingsCommand).resolves({
      findings: [
        finding('CVE-NEW', 'HIGH', DEPLOYED),
        finding('CVE-OLD', 'CRITICAL', 'previous-sha'),
        finding('CVE-UNSAID', 'LOW', undefined)
      ]
    })

    const [outcome] = await scanFunction(
      ref,
      false,
      deps(new VirtualClock(Date.parse('2026-11-22T12:00:00Z')))
    )

    expect(
      outcome?.status === 'scanned' && outcome.findings.map((f) => f.vulnerabilityId).sort()
    ).toEqual(['CVE-NEW', 'CVE-UNSAID'])
  })

  it('asks for the package and the code scan of $LATEST when code scanning applies', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration())
    inspector.on(ListCoverageCommand).resolves(done)
    inspector.on(ListFindingsCommand).resolves({ findings: [] })

    const outcomes = await scanFunction(
      ref,
      true,
      deps(new VirtualClock(Date.parse('2026-11-22T12:00:00Z')))
    )

    expect(
      outcomes.map(
        (o) => o.status === 'scanned' && o.artifact.kind === 'function' && o.artifact.scanType
      )
    ).toEqual(['package', 'code'])
    const scanTypes = inspector
      .commandCalls(ListCoverageCommand)
      .map((c) => c.args[0].input.filterCriteria?.scanType?.[0]?.value)
    expect(scanTypes.sort()).toEqual(['CODE', 'PACKAGE'])
    const findingTypes = inspector
      .commandCalls(ListFindingsCommand)
      .map((c) => c.args[0].input.filterCriteria?.findingType?.[0]?.value)
    expect(new Set(findingTypes)).toEqual(new Set(['CODE_VULNERABILITY', 'PACKAGE_VULNERABILITY']))
  })

  it('says so when the function does not exist', async () => {
    lambda
      .on(GetFunctionConfigurationCommand)
      .rejects(
        Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException' })
      )

    const [outcome] = await scanFunction(ref, false, deps(new VirtualClock()))

    expect(outcome?.status === 'error' && outcome.message).toContain(
      'function orders-api does not exist'
    )
  })
})

describe('scanFunction: which coverage rows and findings are this function', () => {
  const row = (resourceId: string, lastScannedAt: string, reason = 'SUCCESSFUL') => ({
    resourceType: 'AWS_LAMBDA_FUNCTION' as const,
    accountId: '123456789012',
    scanType: 'PACKAGE' as const,
    resourceId,
    scanStatus: { statusCode: 'ACTIVE' as const, reason: reason as 'SUCCESSFUL' },
    lastScannedAt: new Date(lastScannedAt)
  })
  const withId = (f: InspectorFinding, id: string): InspectorFinding => ({
    ...f,
    resources: (f.resources ?? []).map((r) => ({ ...r, id }))
  })

  it('queries by function name, resource type and account, and accepts the unqualified id form', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration())
    inspector.on(ListCoverageCommand).resolves({
      coveredResources: [
        // Rows a name filter could also return: never this function's.
        row(`${ARN}:7`, '2026-11-22T10:01:00Z'),
        row(ARN.replace('us-east-1', 'eu-west-1'), '2026-11-22T10:01:00Z'),
        row(`${ARN}-v2`, '2026-11-22T10:01:00Z'),
        row(ARN, '2026-11-22T10:02:00Z')
      ]
    })
    inspector.on(ListFindingsCommand).resolves({
      findings: [
        withId(finding('CVE-MINE', 'HIGH', DEPLOYED), ARN),
        withId(finding('CVE-MINE-LATEST', 'LOW', DEPLOYED), `${ARN}:$LATEST`),
        withId(finding('CVE-OTHER-FUNCTION', 'CRITICAL', DEPLOYED), `${ARN}-v2`),
        withId(finding('CVE-VERSION', 'CRITICAL', DEPLOYED), `${ARN}:7`)
      ]
    })

    const [outcome] = await scanFunction(
      ref,
      false,
      deps(new VirtualClock(Date.parse('2026-11-22T12:00:00Z')))
    )

    expect(outcome).toMatchObject({
      status: 'scanned',
      scannedAt: new Date('2026-11-22T10:02:00Z')
    })
    expect(
      outcome?.status === 'scanned' && outcome.findings.map((f) => f.vulnerabilityId).sort()
    ).toEqual(['CVE-MINE', 'CVE-MINE-LATEST'])
    const equals = (value: string) => [{ comparison: 'EQUALS', value }]
    expect(inspector.commandCalls(ListCoverageCommand)[0]?.args[0].input.filterCriteria).toEqual({
      lambdaFunctionName: equals('orders-api'),
      resourceType: equals('AWS_LAMBDA_FUNCTION'),
      accountId: equals('123456789012'),
      scanType: equals('PACKAGE')
    })
    expect(
      inspector.commandCalls(ListFindingsCommand)[0]?.args[0].input.filterCriteria
    ).toMatchObject({
      lambdaFunctionName: equals('orders-api'),
      resourceType: equals('AWS_LAMBDA_FUNCTION'),
      awsAccountId: equals('123456789012')
    })
  })
})

describe('scanFunction after an update of configuration only (LastModified moved, code did not)', () => {
  // The only scan is from 09:00, before the update at 10:00 that changed configuration only.
  const oldScan = {
    coveredResources: [
      {
        resourceId: `${ARN}:$LATEST`,
        resourceType: 'AWS_LAMBDA_FUNCTION' as const,
        accountId: '123456789012',
        scanType: 'PACKAGE' as const,
        scanStatus: { statusCode: 'ACTIVE' as const, reason: 'SUCCESSFUL' as const },
        lastScannedAt: new Date('2026-11-22T09:00:00Z')
      }
    ]
  }
  const version = (Version: string, CodeSha256: string, LastModified: string) => ({
    Version,
    CodeSha256,
    LastModified
  })

  it('counts the scan when a published version shows this code was in place before it', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration())
    lambda.on(ListVersionsByFunctionCommand).resolves({
      Versions: [
        version('$LATEST', DEPLOYED, '2026-11-22T10:00:00.000+0000'),
        version('6', 'older-sha', '2026-11-20T08:00:00.000+0000'),
        version('7', DEPLOYED, '2026-11-22T08:30:00.000+0000')
      ]
    })
    inspector.on(ListCoverageCommand).resolves(oldScan)
    inspector.on(ListFindingsCommand).resolves({ findings: [] })
    const log: string[] = []

    const [outcome] = await scanFunction(ref, false, {
      ...deps(new VirtualClock(Date.parse('2026-11-22T12:00:00Z'))),
      log: { info: (l) => log.push(l), warning: (l) => log.push(l), debug: () => {} }
    })

    expect(outcome).toMatchObject({
      status: 'scanned',
      scannedAt: oldScan.coveredResources[0]?.lastScannedAt
    })
    expect(log.join('\n')).toContain('changed configuration only')
  })

  it("counts the scan when Inspector's findings name the deployed CodeSha256", async () => {
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration())
    lambda.on(ListVersionsByFunctionCommand).resolves({ Versions: [] })
    inspector.on(ListCoverageCommand).resolves(oldScan)
    inspector.on(ListFindingsCommand).resolves({ findings: [finding('CVE-1', 'HIGH', DEPLOYED)] })

    const [outcome] = await scanFunction(
      ref,
      false,
      deps(new VirtualClock(Date.parse('2026-11-22T12:00:00Z')))
    )

    expect(outcome).toMatchObject({ status: 'scanned' })
    expect(outcome?.status === 'scanned' && outcome.findings.map((f) => f.vulnerabilityId)).toEqual(
      ['CVE-1']
    )
  })

  it('fails closed, saying why and what to do, when nothing shows the scanned code is the deployed code', async () => {
    lambda.on(GetFunctionConfigurationCommand).resolves(configuration())
    lambda.on(ListVersionsByFunctionCommand).resolves({
      Versions: [version('3', 'older-sha', '2026-11-20T08:00:00.000+0000')]
    })
    inspector.on(ListCoverageCommand).resolves(oldScan)
    inspector
      .on(ListFindingsCommand)
      .resolves({ findings: [finding('CVE-OLD', 'HIGH', 'older-sha')] })

    const [outcome] = await scanFunction(ref, false, deps(new VirtualClock()))

    expect(outcome).toMatchObject({ status: 'error', timedOut: true })
    const message = outcome?.status === 'error' ? outcome.message : ''
    expect(message).toContain(`nothing shows it scanned CodeSha256 ${DEPLOYED}`)
    expect(message).toContain('publish a version with each deployment')
    expect(message).not.toContain('\n')
  })
})
