import type { Inspector2Client } from '@aws-sdk/client-inspector2'
import type { SecurityHubClient } from '@aws-sdk/client-securityhub'
import { AwsCallError } from '../aws/errors.js'
import type { InspectorScanType } from '../aws/inspector-activation.js'
import { getAccountStatus } from '../aws/inspector.js'
import type { Clock } from '../runtime/clock.js'
import type { Logger } from '../runtime/logger.js'

/*
 * What ensure-enabled works with: what a run needs, the pieces that needs, and what Inspector
 * reports of them.
 */

/** `check` verifies and fails with the fix, `enable` turns on what is missing, `off` does nothing. */
export type EnsureMode = 'check' | 'enable' | 'off'

export interface Needs {
  /** Only the setup mode asks for EC2 scanning; the gate never needs it. */
  ec2?: boolean
  ecr: boolean
  lambda: boolean
  /** Lambda code scanning runs on top of standard Lambda scanning, so it implies `lambda`. */
  lambdaCode: boolean
  securityHub: boolean
  /** Security Hub must be on to import anything, so this implies `securityHub`. */
  inspectorImport: boolean
}

/** Every piece lands in exactly one list: turned on by this run, found on, or not looked at. */
export interface EnsureReport {
  changes: string[]
  alreadyOk: string[]
  skipped: string[]
}

export interface ActivationTiming {
  /** Total time for enabling Inspector: Enable retries plus waiting for ENABLED. */
  budgetMs: number
  /** Spacing of BatchGetAccountStatus reads while waiting for ENABLED. */
  pollIntervalMs: number
  /** First and largest pause between Enable attempts that Inspector asked to retry later. */
  retryInitialMs: number
  retryMaxMs: number
}

/** Terraform's aws_inspector2_enabler waits 5 minutes, polling every 10 s; so do we. */
export const DEFAULT_ACTIVATION_TIMING: ActivationTiming = {
  budgetMs: 5 * 60_000,
  pollIntervalMs: 10_000,
  retryInitialMs: 5_000,
  retryMaxMs: 30_000
}

export interface EnsureContext {
  inspector: Inspector2Client
  securityHub: SecurityHubClient
  clock: Clock
  log: Logger
  accountId: string
  region: string
  /** Absolute clock time no wait may pass, e.g. the gate's own timeout. */
  deadline?: number | undefined
  timing?: Partial<ActivationTiming> | undefined
}

export const SCAN_LABEL: Record<InspectorScanType, string> = {
  EC2: 'Amazon Inspector EC2 scanning',
  ECR: 'Amazon Inspector ECR scanning',
  LAMBDA: 'Amazon Inspector Lambda standard scanning',
  LAMBDA_CODE: 'Amazon Inspector Lambda code scanning'
}
export const SECURITY_HUB = 'AWS Security Hub'
export const INSPECTOR_IMPORT = 'Security Hub import of Amazon Inspector findings'
export const ALL_PIECES = [...Object.values(SCAN_LABEL), SECURITY_HUB, INSPECTOR_IMPORT]

export interface Plan {
  scanTypes: InspectorScanType[]
  securityHub: boolean
  inspectorImport: boolean
}

export function planFor(needs: Needs): Plan {
  const scanTypes: InspectorScanType[] = []
  if (needs.ec2) scanTypes.push('EC2')
  if (needs.ecr) scanTypes.push('ECR')
  if (needs.lambda || needs.lambdaCode) scanTypes.push('LAMBDA')
  if (needs.lambdaCode) scanTypes.push('LAMBDA_CODE')
  return {
    scanTypes,
    securityHub: needs.securityHub || needs.inspectorImport,
    inspectorImport: needs.inspectorImport
  }
}

export function neededLabels(plan: Plan): string[] {
  return [
    ...plan.scanTypes.map((type) => SCAN_LABEL[type]),
    ...(plan.securityHub ? [SECURITY_HUB] : []),
    ...(plan.inspectorImport ? [INSPECTOR_IMPORT] : [])
  ]
}

export function timingOf(ctx: EnsureContext): ActivationTiming {
  return { ...DEFAULT_ACTIVATION_TIMING, ...ctx.timing }
}

export type ScanStates = Record<InspectorScanType, string | undefined>

export async function readScanStates(client: Inspector2Client): Promise<ScanStates> {
  try {
    const status = await getAccountStatus(client)
    return {
      EC2: status.ec2,
      ECR: status.ecr,
      LAMBDA: status.lambda,
      LAMBDA_CODE: status.lambdaCode
    }
  } catch (error) {
    // No account in the answer means Inspector was never enabled here: every type is off.
    if (error instanceof AwsCallError && error.code === 'NotFound') {
      return { EC2: undefined, ECR: undefined, LAMBDA: undefined, LAMBDA_CODE: undefined }
    }
    throw error
  }
}

/** A type the answer leaves out (older accounts lack lambdaCode) has never been enabled. */
export function stateOf(states: ScanStates, type: InspectorScanType): string {
  return states[type] ?? 'DISABLED'
}
