import { EnableCommand, type Inspector2Client } from '@aws-sdk/client-inspector2'
import { AwsCallError, errorCode, explainAwsError } from './errors.js'

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

const ENABLE_CONTEXT = (types: readonly InspectorScanType[]) => ({
  action: 'inspector2:Enable',
  doing: `enabling Amazon Inspector ${types.join(', ')} scanning`
})

/**
 * Inspector's model documents AccessDeniedException from Enable for two causes: the role lacks
 * the permission, or Inspector (or this feature) is not offered in the Region. The answer does not
 * say which, so the line names both and what to do about each.
 */
function enableDenied(
  error: unknown,
  types: readonly InspectorScanType[],
  region: string | undefined
): AwsCallError {
  const raw = String((error as { message?: unknown } | undefined)?.message ?? error).split('\n')[0]
  const where = region !== undefined ? `Region ${region}` : 'this Region'
  return new AwsCallError(
    `Amazon Inspector refused Enable for ${types.join(', ')} in ${where} (AccessDeniedException), for one of two reasons: the role lacks inspector2:Enable (and iam:CreateServiceLinkedRole for inspector2.amazonaws.com, which the first Enable needs; infra/iam/ensure-enabled-policy.json grants both), or Amazon Inspector ${types.join(', ')} scanning is not available in ${where}; grant the permissions, or check the Region against Inspector's Regions and features list and run in a Region that has it — AWS said: ${raw}`,
    'AccessDeniedException',
    false
  )
}

/**
 * Asks Inspector to turn on `types` for the caller's own account (no `accountIds`). The token makes a
 * retried HTTP request of the same attempt idempotent; the caller picks a fresh one per attempt.
 */
export async function enableInspector(
  client: Inspector2Client,
  types: readonly InspectorScanType[],
  clientToken: string,
  /** For the message when Enable is denied: the Region Inspector may not be offered in. */
  region?: string
): Promise<ActivationResult> {
  let out
  try {
    out = await client.send(new EnableCommand({ resourceTypes: [...types], clientToken }))
  } catch (error) {
    if (errorCode(error) === 'AccessDeniedException') throw enableDenied(error, types, region)
    throw explainAwsError(error, ENABLE_CONTEXT(types))
  }
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
