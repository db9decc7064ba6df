import type { Finding } from './finding.js'
import type { RankedSeverity } from './severity.js'

/** The team's gate policy, already validated (parsed in gate/config.ts). */
export interface Policy {
  /** Fail when any counted finding is at or above this severity; `none` disables the floor. */
  failOn: RankedSeverity | 'none'
  /**
   * Per-severity budgets: fail when a target has more than N counted findings of that severity.
   * A budget for a severity replaces the floor for that severity (it is the more specific rule).
   */
  maxFindings: Partial<Record<RankedSeverity, number>>
  /** How Inspector's UNTRIAGED (not yet scored) severity counts. */
  untriagedAs: RankedSeverity
  /** Only findings with a fix available (fully or partially) can fail the gate. */
  fixableOnly: boolean
  onUnscannable: 'fail' | 'warn'
  onError: 'fail' | 'warn'
}

/** The severity a finding counts at under the policy: UNTRIAGED takes `untriaged-as`. */
export function effectiveSeverityOf(
  finding: Pick<Finding, 'severity'>,
  policy: Pick<Policy, 'untriagedAs'>
): RankedSeverity {
  return finding.severity === 'untriaged' ? policy.untriagedAs : finding.severity
}
