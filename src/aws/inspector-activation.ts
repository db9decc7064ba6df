import { EnableCommand, type Inspector2Client } from '@aws-sdk/client-inspector2'
import { callAws } from './errors.js'

/** The Inspector scan types this action can depend on. LAMBDA_CODE only works on top of LAMBDA. */
export type InspectorScanType = 'EC2' | 'ECR' | 'LAMBDA' | 'LAMBDA_CODE'

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
