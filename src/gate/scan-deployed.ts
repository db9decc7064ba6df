import { getRegistryScanType } from '../aws/ecr.js'
import { isDeadlineExceeded } from '../aws/errors.js'
import { getAccountStatus } from '../aws/inspector.js'
import { getCallerAccount } from '../aws/sts.js'
import type { ImageReference } from '../domain/image-reference.js'
import type { ArtifactOutcome } from '../domain/outcome.js'
import { ensureEnabled, type Needs } from '../ensure-enabled/ensure-enabled.js'
import { errorMessage } from '../runtime/error-message.js'
import type { CodeScanning, GateConfig, GateDeps } from './run.js'
import type { ScanDeps } from './scan/deps.js'
import { scanFunction } from './scan/function-scanner.js'
import { scanImage, type RegistryFacts } from './scan/image-scanner.js'
import { scanEventSource } from './scan/scan-events.js'

/**
 * The pushed images and deployed functions: account, registries, set-up, then each one's wait
 * (gate/run.ts loads this module only for a run that has some).
 */
export async function scanDeployed(
  config: GateConfig,
  deps: GateDeps,
  deadline: number
): Promise<ArtifactOutcome[]> {
  const base: ScanDeps = { ...deps, timing: config.timing, deadline }
  const scanEvents = scanEventSource(config.scanEvents, base)
  const scanDeps: ScanDeps = scanEvents === undefined ? base : { ...base, scanEvents }
  try {
    const account = await (deps.account ?? getCallerAccount(deps.clients.sts()))
    logClockSkew(deps)
    const registries = await learnRegistries(config.images, account, deps)
    const codeScanning = await prepareAccounts(config, account, registries, deps, deadline)
    const scans = [
      ...config.images.map((ref) =>
        scanImage(
          ref,
          registries.get(registryKey(ref)) ?? {
            scanType: 'ENHANCED',
            ownAccount: false,
            callerAccount: account
          },
          scanDeps
        )
      ),
      ...config.functions.map((ref) =>
        scanFunction(ref, codeScanning.get(ref.region) ?? false, scanDeps)
      )
    ]
    return (await Promise.all(scans)).flat()
  } catch (error) {
    const message = errorMessage(error)
    return [...config.images, ...config.functions].map((ref) => ({
      status: 'error',
      reference: ref.raw,
      message,
      timedOut: isDeadlineExceeded(error)
    }))
  }
}

/**
 * A runner clock far off AWS's is worth a line: the times in the log (scans, deployments) are
 * AWS's, and the gate measures them with AWS's clock (gate/scan/waiting.ts awsNow), not the runner's.
 */
function logClockSkew(deps: GateDeps): void {
  const offset = deps.clients.awsTime.offsetMs()
  // The estimate is up to a second low (Date headers have whole seconds): below 5 s is noise.
  if (offset === undefined || Math.abs(offset) < 5_000) return
  const seconds = Math.round(Math.abs(offset) / 1000)
  deps.log.info(
    `AWS's clock is ${seconds} s ${offset < 0 ? 'behind' : 'ahead of'} this runner's (Date header of its answers); times AWS reports are measured with AWS's clock`
  )
}

function registryKey(ref: ImageReference): string {
  return `${ref.registryId}/${ref.region}`
}

/** How each registry scans. Another account's registry configuration is not readable from here. */
async function learnRegistries(
  images: ImageReference[],
  account: string,
  deps: GateDeps
): Promise<Map<string, RegistryFacts>> {
  const facts = new Map<string, RegistryFacts>()
  for (const ref of new Map(images.map((r) => [registryKey(r), r])).values()) {
    if (ref.registryId !== account) {
      // Inspector coverage (seen through a delegated administrator) is the only way to gate it.
      deps.log.info(
        `registry ${ref.registryId} belongs to another account than ${account}; assuming enhanced scanning`
      )
      facts.set(registryKey(ref), {
        scanType: 'ENHANCED',
        ownAccount: false,
        callerAccount: account
      })
      continue
    }
    const scanType = await getRegistryScanType(deps.clients.ecr(ref.region))
    deps.log.info(
      `registry ${ref.registryId} (${ref.region}) uses ${scanType.toLowerCase()} scanning`
    )
    facts.set(registryKey(ref), { scanType, ownAccount: true, callerAccount: account })
  }
  return facts
}

/**
 * Per region of the caller's account: what the targets need switched on, checked or enabled
 * (`ensure-enabled`), and whether Lambda code scanning applies there.
 */
async function prepareAccounts(
  config: GateConfig,
  account: string,
  registries: Map<string, RegistryFacts>,
  deps: GateDeps,
  deadline: number
): Promise<Map<string, boolean>> {
  const codeScanning = new Map<string, boolean>()
  const regions = new Set([
    ...config.images.map((r) => r.region),
    ...config.functions.map((r) => r.region)
  ])
  for (const region of regions) {
    const ecr = config.images.some((ref) => {
      const facts = registries.get(registryKey(ref))
      return ref.region === region && facts?.ownAccount === true && facts.scanType === 'ENHANCED'
    })
    const lambda = config.functions.some(
      (ref) => ref.region === region && (ref.accountId ?? account) === account
    )
    const inspector = ecr || lambda
    const needs: Needs = {
      ecr,
      lambda,
      lambdaCode: lambda && config.codeScanning === 'true',
      securityHub: inspector,
      inspectorImport: inspector
    }
    const ctx = {
      inspector: deps.clients.inspector(region),
      securityHub: deps.clients.securityHub(region),
      clock: deps.clock,
      log: deps.log,
      accountId: account,
      region,
      deadline,
      timing: {
        pollIntervalMs: config.timing.enablePollMs,
        retryInitialMs: config.timing.enablePollMs / 2,
        retryMaxMs: config.timing.enablePollMs * 3
      }
    }
    // The module logs each change once, as it makes it.
    await ensureEnabled(config.ensureEnabled, needs, ctx)
    if (lambda)
      codeScanning.set(region, await codeScanningApplies(config.codeScanning, region, deps))
  }
  return codeScanning
}

async function codeScanningApplies(
  setting: CodeScanning,
  region: string,
  deps: GateDeps
): Promise<boolean> {
  if (setting !== 'auto') return setting === 'true'
  try {
    const status = await getAccountStatus(deps.clients.inspector(region))
    const on = status.lambdaCode === 'ENABLED'
    deps.log.info(
      `Lambda code scanning is ${on ? 'on' : 'off'} in ${region}; ${on ? 'gating' : 'not gating'} code findings`
    )
    return on
  } catch (error) {
    deps.log.warning(
      `could not tell whether Lambda code scanning is on in ${region} (${errorMessage(error)}); gating package findings only — set code-scanning: true to require code scanning`
    )
    return false
  }
}
