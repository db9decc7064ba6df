import type { AwsClients } from '../aws/clients.js'
import { getRegistryScanType, type RegistryScanType } from '../aws/ecr.js'
import { getAccountStatus } from '../aws/inspector.js'
import { getCallerAccount } from '../aws/sts.js'
import { evaluate } from '../domain/evaluate.js'
import type { IgnoreRule } from '../domain/ignore-rules.js'
import type { ImageReference } from '../domain/image-reference.js'
import type { ArtifactOutcome } from '../domain/outcome.js'
import type { Policy } from '../domain/policy.js'
import type { Verdict } from '../domain/verdict.js'
import type { Clock } from '../scan/clock.js'
import type { Logger, ScanDeps, Timing } from '../scan/deps.js'
import { scanImage } from '../scan/image-scanner.js'

export type EnsureEnabled = 'check' | 'off'

export interface GateConfig {
  images: ImageReference[]
  policy: Policy
  ignoreRules: IgnoreRule[]
  timeoutMs: number
  timing: Timing
  ensureEnabled: EnsureEnabled
}

export interface GateDeps {
  clients: AwsClients
  clock: Clock
  log: Logger
}

/**
 * The gate use-case: check the account is set up, scan every image concurrently, evaluate the
 * policy. Problems that concern every target (credentials, Inspector off) become an error outcome
 * for each target, so the verdict, summary and outputs are produced the same way in every case.
 */
export async function runGate(config: GateConfig, deps: GateDeps): Promise<Verdict> {
  const start = deps.clock.now()
  const scanDeps: ScanDeps = { ...deps, timing: config.timing, deadline: start + config.timeoutMs }

  let outcomes: ArtifactOutcome[]
  try {
    const scanTypes = await prepare(config, deps)
    outcomes = (
      await Promise.all(
        config.images.map((ref) =>
          scanImage(ref, scanTypes.get(registryKey(ref)) ?? 'ENHANCED', scanDeps)
        )
      )
    ).flat()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    outcomes = config.images.map((ref) => ({
      status: 'error',
      reference: ref.raw,
      message,
      timedOut: false
    }))
  }
  return evaluate({
    outcomes,
    policy: config.policy,
    ignoreRules: config.ignoreRules,
    now: new Date(deps.clock.now())
  })
}

function registryKey(ref: ImageReference): string {
  return `${ref.registryId}/${ref.region}`
}

/**
 * Learns how each registry scans and, with `ensure-enabled: check`, that Inspector is on for ECR
 * wherever enhanced scanning is expected — failing fast with the fix instead of timing out.
 */
async function prepare(config: GateConfig, deps: GateDeps): Promise<Map<string, RegistryScanType>> {
  const account = await getCallerAccount(deps.clients.sts())
  const scanTypes = new Map<string, RegistryScanType>()
  const registries = new Map(config.images.map((ref) => [registryKey(ref), ref]))
  for (const [key, ref] of registries) {
    if (ref.registryId !== account) {
      // Another account's registry configuration is not readable from here; Inspector coverage
      // (seen through a delegated administrator) is the only way to gate it.
      deps.log.info(
        `registry ${ref.registryId} belongs to another account than ${account}; assuming enhanced scanning`
      )
      scanTypes.set(key, 'ENHANCED')
      continue
    }
    const scanType = await getRegistryScanType(deps.clients.ecr(ref.region))
    scanTypes.set(key, scanType)
    deps.log.info(
      `registry ${ref.registryId} (${ref.region}) uses ${scanType.toLowerCase()} scanning`
    )
    if (scanType === 'ENHANCED' && config.ensureEnabled === 'check') {
      const status = await getAccountStatus(deps.clients.inspector(ref.region))
      if (status.ecr !== 'ENABLED') {
        throw new Error(
          `Amazon Inspector ECR scanning is ${status.ecr ?? 'not enabled'} in account ${account} (${ref.region}) although the registry expects enhanced scanning; enable it (aws inspector2 enable --resource-types ECR) or set ensure-enabled: off`
        )
      }
    }
  }
  return scanTypes
}
