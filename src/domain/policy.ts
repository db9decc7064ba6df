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
  /** Any counted finding with a known exploit (`exploitAvailable: YES`) blocks, whatever its severity. */
  failOnExploitable: boolean
  /** A counted finding whose EPSS probability (0–1) is at or above this blocks; absent: off. */
  failOnEpss?: number
  /**
   * The `fail-on` floor applies only to findings whose Inspector score (0–10) is at least this;
   * absent: off. A finding without a score meets it: a missing number never lets a finding off.
   */
  minScore?: number
  onUnscannable: 'fail' | 'warn'
  onError: 'fail' | 'warn'
}

/** The rules that can block a finding; each blocking finding records which ones did. */
export type BlockingRule = 'fail-on' | 'max-findings' | 'fail-on-exploitable' | 'fail-on-epss'

export interface BlockReason {
  rule: BlockingRule
  /** For people: `severity HIGH ≥ fail-on high`, `exploit known`, `EPSS 42 % ≥ 10 %`. */
  text: string
}

/** The severity a finding counts at under the policy: UNTRIAGED takes `untriaged-as`. */
export function effectiveSeverityOf(
  finding: Pick<Finding, 'severity'>,
  policy: Pick<Policy, 'untriagedAs'>
): RankedSeverity {
  return finding.severity === 'untriaged' ? policy.untriagedAs : finding.severity
}

/**
 * The finding's Inspector score, or undefined when it has none. Inspector gives an UNTRIAGED
 * finding the score 0, which means "not scored", not "harmless".
 */
export function inspectorScoreOf(
  finding: Pick<Finding, 'inspectorScore' | 'severity'>
): number | undefined {
  const score = finding.inspectorScore
  if (score === undefined || !Number.isFinite(score) || finding.severity === 'untriaged') {
    return undefined
  }
  return score
}

/** The finding's EPSS probability, or undefined when it has none (basic scanning, code findings). */
export function epssOf(finding: Pick<Finding, 'epss'>): number | undefined {
  const epss = finding.epss
  return epss === undefined || !Number.isFinite(epss) ? undefined : epss
}

/** `0.42` → `42 %`, `0.0123` → `1.23 %`: how messages show an EPSS probability. */
export function epssPercent(probability: number): string {
  return `${Number((probability * 100).toFixed(2))} %`
}
