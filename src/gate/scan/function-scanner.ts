import type { Finding as InspectorFinding } from '@aws-sdk/client-inspector2'
import { getFunctionCoverage, listFunctionFindings } from '../../aws/inspector.js'
import {
  firstVersionWithCode,
  FUNCTION_STATES,
  getDeployedFunction,
  LAST_UPDATE_STATUSES,
  meaningOf,
  type DeployedFunction
} from '../../aws/lambda.js'
import type { CoverageSnapshot } from '../../aws/inspector.js'
import { normalizeInspectorFinding } from '../../aws/normalize.js'
import { ShapeCheck } from '../../aws/response-shape.js'
import type { Finding, FunctionArtifact } from '../../domain/finding.js'
import { functionResourceId, type FunctionReference } from '../../domain/function-reference.js'
import type { ArtifactOutcome } from '../../domain/outcome.js'
import type { ScanDeps } from './deps.js'
import { poll, PollTimeoutError } from '../../runtime/poll.js'
import { classifyCoverage } from './scan-status.js'
import { settleFindings, settleReserveMs } from './settle.js'
import { artifactName, pollOptions, refusalOutcome, tolerateTransient } from './waiting.js'
import { isDeadlineExceeded } from '../../aws/errors.js'

/**
 * Everything about one `functions:` entry: wait for the deployment to finish, then, for standard
 * (package) scanning and — when on — code scanning, wait until Inspector scanned `$LATEST` at or
 * after the deployment and keep only findings of exactly the deployed code (CodeSha256): findings
 * of the previous deployment are closed only later and must not decide this build.
 */
export async function scanFunction(
  ref: FunctionReference,
  codeScanning: boolean,
  deps: ScanDeps
): Promise<ArtifactOutcome[]> {
  let deployed: DeployedFunction
  try {
    deployed = await awaitDeployment(ref, deps)
  } catch (error) {
    return [errorOutcome(ref.raw, undefined, error, 'Lambda to finish the deployment')]
  }
  const base = {
    kind: 'function' as const,
    reference: ref.raw,
    region: ref.region,
    accountId: deployed.functionArn.split(':')[4] ?? ref.accountId ?? '',
    functionName: deployed.functionName,
    codeSha256: deployed.codeSha256,
    lastModified: deployed.lastModified,
    resourceId: functionResourceId(deployed.functionArn),
    ...(deployed.runtime !== undefined && { runtime: deployed.runtime })
  }
  deps.log.info(
    `${ref.raw}: deployed CodeSha256 ${deployed.codeSha256} at ${deployed.lastModified.toISOString()}`
  )
  const artifacts: FunctionArtifact[] = [{ ...base, scanType: 'package' }]
  if (codeScanning) artifacts.push({ ...base, scanType: 'code' })
  return Promise.all(
    artifacts.map(async (artifact) => {
      try {
        return await scanFunctionArtifact(artifact, deps)
      } catch (error) {
        return errorOutcome(ref.raw, artifact, error, 'Inspector to scan the deployed code')
      }
    })
  )
}

/** A deployment is final only when Lambda says the update succeeded; the code may change until then. */
async function awaitDeployment(ref: FunctionReference, deps: ScanDeps): Promise<DeployedFunction> {
  const client = deps.clients.lambda(ref.region)
  return poll(
    async () => {
      const read = await tolerateTransient(() => getDeployedFunction(client, ref.nameOrArn))
      if (!read.ok) return { done: false, state: read.state }
      const fn = read.value
      // Older functions may lack either field; a missing one says nothing against the code.
      const state = fn.state === undefined ? 'ready' : meaningOf(FUNCTION_STATES, fn.state)
      const update =
        fn.lastUpdateStatus === undefined
          ? 'ready'
          : meaningOf(LAST_UPDATE_STATUSES, fn.lastUpdateStatus)
      if (update === 'failed' || state === 'failed') {
        throw new Error(
          `the last deployment of ${fn.functionName} failed (${fn.lastUpdateStatusReason ?? 'no reason given'}); fix the deployment before gating it`
        )
      }
      if (state === 'deleting') {
        throw new Error(
          `${fn.functionName} is being deleted (State Deleting); gate the function your deploy step updated`
        )
      }
      if (state === 'pending')
        return { done: false, state: 'function is still being created (State Pending)' }
      if (update === 'pending') {
        return { done: false, state: 'deployment still in progress (LastUpdateStatus InProgress)' }
      }
      // A new Lambda value is not taken as "deployed": waited on, then named by the timeout.
      if (state === undefined || update === undefined) {
        return {
          done: false,
          state: `unrecognised Lambda State ${String(fn.state)} / LastUpdateStatus ${String(fn.lastUpdateStatus)}`
        }
      }
      return { done: true, value: fn }
    },
    pollOptions(deps, ref.raw, settleReserveMs(deps)),
    deps.clock
  )
}

async function scanFunctionArtifact(
  artifact: FunctionArtifact,
  deps: ScanDeps
): Promise<ArtifactOutcome> {
  const client = deps.clients.inspector(artifact.region)
  const name = artifactName(artifact)
  const scanType = artifact.scanType === 'code' ? 'CODE' : 'PACKAGE'
  const findingType = artifact.scanType === 'code' ? 'CODE_VULNERABILITY' : 'PACKAGE_VULNERABILITY'
  const listFindings = () =>
    listFunctionFindings(client, {
      resourceId: artifact.resourceId,
      functionName: artifact.functionName,
      accountId: artifact.accountId,
      findingType
    })
  const evidence = deployedCodeEvidence(artifact, listFindings, deps)
  const coverage = await poll(
    async () => {
      const snapshot = await tolerateTransient(() =>
        getFunctionCoverage(client, artifact, scanType)
      )
      if (!snapshot.ok) return { done: false, state: snapshot.state }
      const c = classifyCoverage(snapshot.value, artifact.lastModified, 'deployment')
      if (c.kind !== 'wait') return { done: true, value: c }
      const scannedAt = scanBeforeDeployment(snapshot.value, artifact.lastModified)
      if (scannedAt === undefined) return { done: false, state: c.state }
      // LastModified moves with configuration-only updates too, which start no scan: the scan
      // counts if evidence shows it is of the deployed code; otherwise say what would show it.
      const proof = await evidence(scannedAt)
      if (proof !== undefined) {
        deps.log.info(`${name}: ${proof}`)
        return { done: true, value: { kind: 'done' as const, scannedAt } }
      }
      return {
        done: false,
        state: `${c.state}, and nothing shows it scanned CodeSha256 ${artifact.codeSha256} (an update of configuration only starts no Inspector scan: publish a version with each deployment, e.g. --publish, so the gate can tell when this code was deployed, or deploy the code again)`
      }
    },
    pollOptions(deps, name, settleReserveMs(deps)),
    deps.clock
  )
  if (coverage.kind !== 'done') return refusalOutcome(artifact, coverage, 'Inspector')
  deps.log.info(
    `${name}: Inspector scan complete (${coverage.scannedAt?.toISOString() ?? 'time unknown'})`
  )

  let previousDeployments = 0
  const read = async (): Promise<Finding[]> => {
    const raw = await listFindings()
    // A finding that does not say which code it is about is counted: dropping it could fail open.
    const current = raw.filter((f) => {
      const code = deployedCodeOf(f)
      return code === undefined || code === artifact.codeSha256
    })
    previousDeployments = raw.length - current.length
    return current.map((f) => normalizeInspectorFinding(f, artifact))
  }
  const { findings, settled, settledBy } = await settleFindings(
    name,
    read,
    coverage.scannedAt,
    deps
  )
  if (previousDeployments > 0) {
    deps.log.info(
      `${name}: left out ${previousDeployments} findings of earlier deployments (other CodeSha256)`
    )
  }
  return {
    status: 'scanned',
    artifact,
    scanMode: 'enhanced',
    ...(coverage.scannedAt !== undefined && { scannedAt: coverage.scannedAt }),
    findings,
    settled,
    settledBy
  }
}

/** The last scan time of a completed scan older than the deployment, else undefined. */
function scanBeforeDeployment(
  coverage: CoverageSnapshot | undefined,
  lastModified: Date
): Date | undefined {
  const reason = coverage?.reason
  if (reason !== 'SUCCESSFUL' && reason !== 'SCAN_FREQUENCY_SCAN_ON_PUSH') return undefined
  const scannedAt = coverage?.lastScannedAt
  return scannedAt !== undefined && scannedAt < lastModified ? scannedAt : undefined
}

/**
 * Whether a scan at `scannedAt`, older than LastModified, is a scan of the deployed code: either
 * a published version with this CodeSha256 is no newer than the scan (read once: the code was in
 * place by then, and the later LastModified is a configuration change), or a finding of this
 * function names this CodeSha256 (only a scan of this code raises one). A scan with no findings
 * names no code, so without versions nothing can prove it. Returns the proof in words, or
 * undefined. A failed read is no proof, and never a pass.
 */
function deployedCodeEvidence(
  artifact: FunctionArtifact,
  listFindings: () => Promise<InspectorFinding[]>,
  deps: ScanDeps
): (scannedAt: Date) => Promise<string | undefined> {
  let codeSince: Promise<Date | undefined> | undefined
  return async (scannedAt) => {
    codeSince ??= firstVersionWithCode(
      deps.clients.lambda(artifact.region),
      artifact.functionName,
      artifact.codeSha256
    ).catch((error: unknown) => {
      deps.log.info(
        `${artifact.reference}: could not read the published versions (${error instanceof Error ? error.message : String(error)}); only findings can show which code was scanned`
      )
      return undefined
    })
    const since = await codeSince
    if (since !== undefined && scannedAt >= since) {
      return `last scanned ${scannedAt.toISOString()}, after version with this CodeSha256 was published (${since.toISOString()}): the later update (LastModified ${artifact.lastModified.toISOString()}) changed configuration only`
    }
    const findings = await listFindings().catch(() => [])
    if (findings.some((f) => deployedCodeOf(f) === artifact.codeSha256)) {
      return `last scanned ${scannedAt.toISOString()}, before LastModified ${artifact.lastModified.toISOString()}, but Inspector's findings name the deployed CodeSha256: the update changed configuration only`
    }
    return undefined
  }
}

/** The CodeSha256 a Lambda finding was raised against; undefined when the finding does not say. */
function deployedCodeOf(finding: InspectorFinding): string | undefined {
  const check = new ShapeCheck('ListFindings', `finding ${finding.findingArn ?? '(without ARN)'}`)
  const resources = check.list('resources', finding.resources) ?? []
  for (const [i, entry] of resources.entries()) {
    const details = check.object(
      `resources[${i}].details`,
      check.object(`resources[${i}]`, entry)?.['details']
    )
    const fn = check.object(
      `resources[${i}].details.awsLambdaFunction`,
      details?.['awsLambdaFunction']
    )
    const code = check.string(
      `resources[${i}].details.awsLambdaFunction.codeSha256`,
      fn?.['codeSha256']
    )
    if (code) return code
  }
  return undefined
}

function errorOutcome(
  reference: string,
  artifact: FunctionArtifact | undefined,
  error: unknown,
  waitingFor: string
): ArtifactOutcome {
  const timedOut = error instanceof PollTimeoutError || isDeadlineExceeded(error)
  const message =
    error instanceof PollTimeoutError
      ? `timed out waiting for ${waitingFor}: ${error.message}; raise timeout or check the function in the console`
      : error instanceof Error
        ? error.message
        : String(error)
  return {
    status: 'error',
    reference,
    ...(artifact !== undefined && { artifact }),
    message,
    timedOut
  }
}
