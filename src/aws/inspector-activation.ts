import { EnableCommand, type Inspector2Client } from '@aws-sdk/client-inspector2'
import { callAws } from './errors.js'

/** The Inspector scan types this action can depend on. LAMBDA_CODE only works on top of LAMBDA. */
export const INSPECTOR_SCAN_TYPES = ['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'] as const
export type InspectorScanType = (typeof INSPECTOR_SCAN_TYPES)[number]

/**
 * What each `failedAccounts[].errorCode` of Enable means: `enabled` (nothing to do), `retry` ("not
 * now": Terraform's enabler retries exactly these), `final` (a refusal no retry changes). A code
 * not listed is final too, reported by name with Inspector's message.
 */
export const ENABLE_FAILURE_CODES: Readonly<Record<string, 'enabled' | 'retry' | 'final'>> = {
  ALREADY_ENABLED: 'enabled',
  ENABLE_IN_PROGRESS: 'retry',
  DISABLE_IN_PROGRESS: 'retry',
  SUSPEND_IN_PROGRESS: 'retry',
  SSM_THROTTLED: 'retry',
  EVENTBRIDGE_THROTTLED: 'retry',
  // Right after an account joins an organization, its membership has not propagated yet.
  ACCESS_DENIED: 'retry',
  RESOURCE_NOT_FOUND: 'final',
  INTERNAL_ERROR: 'final',
  SSM_UNAVAILABLE: 'final',
  EVENTBRIDGE_UNAVAILABLE: 'final',
  RESOURCE_SCAN_NOT_DISABLED: 'final',
  DISASSOCIATE_ALL_MEMBERS: 'final',
  ACCOUNT_IS_ISOLATED: 'final',
  EC2_SSM_RESOURCE_DATA_SYNC_LIMIT_EXCEEDED: 'final',
  EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED: 'final',
  BLOCKED_BY_ORGANIZATION_POLICY: 'final'
}

/** The meaning of one failed-account code; unknown codes are final refusals. */
export function enableFailureKind(code: string): 'enabled' | 'retry' | 'final' {
  return Object.hasOwn(ENABLE_FAILURE_CODES, code)
    ? (ENABLE_FAILURE_CODES[code] as 'enabled' | 'retry' | 'final')
    : 'final'
}

export interface EnabledAccount {
  accountId: string | undefined
  status: string | undefined
}

export interface FailedActivation {
  accountId: string | undefined
  errorCode: string
  errorMessage: string
}

export interface ActivationResult {
  accounts: EnabledAccount[]
  /** Enable answers HTTP 200 even when it refused an account: this list is where refusals live. */
  failedAccounts: FailedActivation[]
}

/**
 * Asks Inspector to turn on `types` for the caller's own account (no `accountIds`). The token makes a
 * retried HTTP request of the same attempt idempotent; the caller picks a fresh one per attempt.
 */
export async function enableInspector(
  client: Inspector2Client,
  types: readonly InspectorScanType[],
  clientToken: string
): Promise<ActivationResult> {
  const out = await callAws(
    {
      action: 'inspector2:Enable',
      doing: `enabling Amazon Inspector ${types.join(', ')} scanning`
    },
    () => client.send(new EnableCommand({ resourceTypes: [...types], clientToken }))
  )
  return {
    accounts: (out.accounts ?? []).map((account) => ({
      accountId: account.accountId,
      status: account.status
    })),
    failedAccounts: (out.failedAccounts ?? []).map((failed) => ({
      accountId: failed.accountId,
      errorCode: failed.errorCode ?? 'UNKNOWN',
      errorMessage: failed.errorMessage ?? ''
    }))
  }
}
