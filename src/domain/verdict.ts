import type { RunResult } from './result.js'
import type { Finding } from './finding.js'
import type { IgnoreRule } from './ignore-rules.js'
import type { BlockReason } from './policy.js'
import type { ArtifactOutcome } from './outcome.js'
import type { RankedSeverity, Severity } from './severity.js'

export interface IgnoredFinding {
  finding: Finding
  rule: IgnoreRule
}

/** A finding the policy looked at, with the severity it was counted at and why it blocks (or not). */
export interface AssessedFinding {
  finding: Finding
  /** The finding's severity after `untriaged-as` was applied. */
  effectiveSeverity: RankedSeverity
  blocking: boolean
  /**
   * Which rules blocked it, one reason each (`severity HIGH ≥ fail-on high`, `exploit known`);
   * evaluate sets it on every blocking finding, and leaves it out on the others.
   */
  blockedBy?: BlockReason[]
  /** Why a non-blocking finding does not block, e.g. "below fail-on high", "no fix available". */
  note?: string
}

export interface Verdict {
  result: RunResult
  /** One line per reason the gate fails. Empty when it passes. */
  failures: string[]
  /** Degradations that did not fail the gate (on-error/on-unscannable warn, unused ignore entries). */
  warnings: string[]
  outcomes: ArtifactOutcome[]
  /** Active, not-ignored findings, blocking ones first, then by severity. */
  assessed: AssessedFinding[]
  ignored: IgnoredFinding[]
  /** Active, not-ignored findings by their raw severity (as Inspector shows them). */
  counts: Record<Severity, number>
  expiredRules: IgnoreRule[]
  unusedRules: IgnoreRule[]
}
