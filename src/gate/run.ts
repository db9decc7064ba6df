import type { RunDeps } from '../aws/run-deps.js'
import { evaluate } from '../domain/evaluate.js'
import type { FunctionReference } from '../domain/function-reference.js'
import type { IgnoreRule } from '../domain/ignore-rules.js'
import type { ImageReference } from '../domain/image-reference.js'
import type { Policy } from '../domain/policy.js'
import type { Verdict } from '../domain/verdict.js'
import type { Timing } from './scan/deps.js'
import type { ScanEventLogGroupSetting } from './scan/scan-event-log-group.js'
import type { EnsureMode } from '../ensure-enabled/ensure-enabled.js'
import type { SbomDocument } from '../sbom/document.js'
import { scanSbomTarget } from '../sbom/scan-target.js'

/** `auto`: gate code-scanning findings when Lambda code scanning is on for the account. */
export type CodeScanning = 'auto' | 'true' | 'false'

export interface GateConfig {
  images: ImageReference[]
  functions: FunctionReference[]
  /** SBOMs to scan before the push (Inspector Scan), read and checked when the config was built. */
  sboms: SbomDocument[]
  /** Where Inspector Scan scans them (AWS_REGION); present whenever `sboms` is not empty. */
  sbomRegion?: string
  codeScanning: CodeScanning
  policy: Policy
  ignoreRules: IgnoreRule[]
  timeoutMs: number
  timing: Timing
  ensureEnabled: EnsureMode
  /** Where Inspector's scan events are read from; without them, findings settle by the quiet period. */
  scanEvents: ScanEventLogGroupSetting
}

export interface GateDeps extends RunDeps {
  /** When every wait must be over; the step sets it when its clients are bound by it too. */
  deadline?: number
  /** The caller's account, asked for by the step before this module loaded (see gate-step.ts). */
  account?: Promise<string>
}

/**
 * The gate use-case: make sure the account is set up, scan every image, function and SBOM
 * concurrently (one slow target never serialises the others), evaluate the policy. Problems that
 * concern every target (credentials, Inspector off) become an error outcome for each target, so the
 * verdict, summary and outputs are produced the same way in every case.
 */
export async function runGate(config: GateConfig, deps: GateDeps): Promise<Verdict> {
  const deadline = deps.deadline ?? deps.clock.now() + config.timeoutMs
  // SBOMs need no account set-up and no wait: their scans start at once, beside the others.
  const sbomOutcomes = Promise.all(
    config.sboms.map((document) => scanSbomTarget(document, config.sbomRegion ?? '', deps))
  )
  // Their own chunk: the image and function scanners (and their SDKs) are not an SBOM gate's.
  const scannedOutcomes =
    config.images.length + config.functions.length === 0
      ? []
      : await (await import('./scan-deployed.js')).scanDeployed(config, deps, deadline)
  const outcomes = [...scannedOutcomes, ...(await sbomOutcomes)]
  return evaluate({
    outcomes,
    policy: config.policy,
    ignoreRules: config.ignoreRules,
    now: new Date(deps.clock.now())
  })
}
