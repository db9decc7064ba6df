/**
 * Lambda functions over time: which deployment `$LATEST` runs, its update status, and what
 * Inspector reports about it (coverage rows per scan type, findings per deployment).
 */
import type { CoveredResource, Finding, FindingStatus } from '@aws-sdk/client-inspector2'
import { inspectorRuntimeOf, lambdaCodeFinding, lambdaPackageFinding } from './fixtures.js'
import type { LambdaArtifact } from './fixtures.js'
import type {
  CoverageStep,
  LambdaDeploymentSpec,
  LambdaFunctionSpec,
  TimedLambdaFinding
} from './scenario.js'
import { inspectorStatusOf } from './state.js'
import type { FakeState } from './state.js'
import { currentStep } from './timeline.js'

/** Unqualified function ARN: `arn:aws:lambda:<region>:<account>:function:<name>`. */
export function functionArn(state: FakeState, name: string): string {
  return `arn:aws:lambda:${state.catalog.region}:${state.catalog.account}:function:${name}`
}

function byLastModified(fn: LambdaFunctionSpec): LambdaDeploymentSpec[] {
  return [...fn.deployments].sort((a, b) => a.lastModifiedSeconds - b.lastModifiedSeconds)
}

/** The deployment `$LATEST` runs at `nowSeconds`; undefined before the function exists. */
export function currentDeployment(
  fn: LambdaFunctionSpec,
  nowSeconds: number
): LambdaDeploymentSpec | undefined {
  let current: LambdaDeploymentSpec | undefined
  for (const deployment of byLastModified(fn)) {
    if (deployment.lastModifiedSeconds <= nowSeconds) current = deployment
  }
  return current
}

/** What a finding factory needs to know about one deployment. */
export function lambdaArtifact(
  state: FakeState,
  fn: LambdaFunctionSpec,
  deployment: LambdaDeploymentSpec
): LambdaArtifact {
  const artifact: LambdaArtifact = {
    account: state.catalog.account,
    region: state.catalog.region,
    functionName: fn.name,
    runtime: fn.runtime,
    codeSha256: deployment.codeSha256,
    lastModifiedAt: state.clock.dateAt(deployment.lastModifiedSeconds),
    executionRoleArn: executionRole(state, fn),
    layers: fn.layers ?? [],
    packageType: fn.packageType === 'Image' ? 'IMAGE' : 'ZIP',
    architectures: (fn.architectures ?? ['x86_64']).map((a) => (a === 'arm64' ? 'ARM64' : 'X86_64'))
  }
  if (fn.tags !== undefined) artifact.tags = fn.tags
  return artifact
}

export function executionRole(state: FakeState, fn: LambdaFunctionSpec): string {
  return fn.role ?? `arn:aws:iam::${state.catalog.account}:role/${fn.name}-role`
}

/** Inspector's coverage rows for every function that exists now (PACKAGE, and CODE if on). */
export function lambdaCoverage(state: FakeState, nowSeconds: number): CoveredResource[] {
  if (inspectorStatusOf(state, 'lambda') !== 'ENABLED') return []
  const codeOn = inspectorStatusOf(state, 'lambdaCode') === 'ENABLED'
  return [...state.functions.values()].flatMap((fn) => {
    if (currentDeployment(fn, nowSeconds) === undefined) return []
    const rows: CoveredResource[] = []
    const packageSteps = fn.coverage?.package
    const pkg = coverageRow(state, fn, 'PACKAGE', packageSteps, nowSeconds)
    if (pkg !== undefined) rows.push(pkg)
    if (codeOn) {
      const code = coverageRow(state, fn, 'CODE', fn.coverage?.code ?? packageSteps, nowSeconds)
      if (code !== undefined) rows.push(code)
    }
    return rows
  })
}

function coverageRow(
  state: FakeState,
  fn: LambdaFunctionSpec,
  scanType: 'PACKAGE' | 'CODE',
  steps: CoverageStep[] | undefined,
  nowSeconds: number
): CoveredResource | undefined {
  const step = currentStep(steps, nowSeconds)
  if (step === undefined) return undefined
  const row: CoveredResource = {
    resourceType: 'AWS_LAMBDA_FUNCTION',
    resourceId: `${functionArn(state, fn.name)}:$LATEST`,
    accountId: state.catalog.account,
    scanType,
    scanStatus: { statusCode: step.statusCode, reason: step.reason },
    resourceMetadata: {
      lambdaFunction: {
        functionName: fn.name,
        runtime: inspectorRuntimeOf(fn.runtime),
        ...(fn.layers !== undefined && fn.layers.length > 0 && { layers: fn.layers }),
        functionTags: fn.tags ?? {}
      }
    }
  }
  const lastScanned =
    step.lastScannedAtSeconds ?? (step.reason === 'SUCCESSFUL' ? step.atSeconds : undefined)
  if (lastScanned !== undefined) row.lastScannedAt = state.clock.dateAt(lastScanned)
  return row
}

export interface TimedFinding {
  visibleFromSeconds: number
  finding: Finding
}

/**
 * Findings on every deployment that has happened, each with its own codeSha256: package findings
 * while Inspector `lambda` is ENABLED, code findings while `lambdaCode` is ENABLED too.
 */
export function lambdaFindings(state: FakeState, nowSeconds: number): TimedFinding[] {
  if (inspectorStatusOf(state, 'lambda') !== 'ENABLED') return []
  const codeOn = inspectorStatusOf(state, 'lambdaCode') === 'ENABLED'
  return [...state.functions.values()].flatMap((fn) =>
    fn.deployments
      .filter((deployment) => deployment.lastModifiedSeconds <= nowSeconds)
      .flatMap((deployment) =>
        (deployment.findings ?? [])
          .filter((timed) => timed.visibleFromSeconds <= nowSeconds)
          .filter((timed) => timed.type === 'PACKAGE_VULNERABILITY' || codeOn)
          .map((timed) => ({
            visibleFromSeconds: timed.visibleFromSeconds,
            finding: materializeLambdaFinding(state, fn, deployment, timed, nowSeconds)
          }))
      )
  )
}

export function materializeLambdaFinding(
  state: FakeState,
  fn: LambdaFunctionSpec,
  deployment: LambdaDeploymentSpec,
  timed: TimedLambdaFinding,
  nowSeconds: number
): Finding {
  const artifact = lambdaArtifact(state, fn, deployment)
  artifact.observedAt = state.clock.dateAt(timed.visibleFromSeconds)
  const closed = timed.closedAtSeconds !== undefined && timed.closedAtSeconds <= nowSeconds
  const status: FindingStatus = closed ? 'CLOSED' : (timed.status ?? 'ACTIVE')
  const finding =
    timed.type === 'CODE_VULNERABILITY'
      ? lambdaCodeFinding({ ...timed, status }, artifact)
      : lambdaPackageFinding({ ...timed, status }, artifact)
  if (closed && timed.closedAtSeconds !== undefined) {
    finding.updatedAt = state.clock.dateAt(timed.closedAtSeconds)
  }
  return finding
}
