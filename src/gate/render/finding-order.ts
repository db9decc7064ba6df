import type { Finding } from '../../domain/finding.js'
import { effectiveSeverityOf, type Policy } from '../../domain/policy.js'
import { severityRank } from '../../domain/severity.js'
import type { AssessedFinding, IgnoredFinding } from '../../domain/verdict.js'

// Ignored findings were never assessed, so reports derive their severity with the domain's rule.
export { effectiveSeverityOf }

/** Blocking first, then effective severity, then Inspector score, highest first. */
export function compareAssessed(a: AssessedFinding, b: AssessedFinding): number {
  if (a.blocking !== b.blocking) return a.blocking ? -1 : 1
  return (
    severityRank(b.effectiveSeverity) - severityRank(a.effectiveSeverity) ||
    compareFindings(a.finding, b.finding)
  )
}

/** Ignored findings by effective severity, then Inspector score, highest first. */
export function ignoredComparator(
  policy: Policy
): (a: IgnoredFinding, b: IgnoredFinding) => number {
  return (a, b) =>
    severityRank(effectiveSeverityOf(b.finding, policy)) -
      severityRank(effectiveSeverityOf(a.finding, policy)) || compareFindings(a.finding, b.finding)
}

/** Score, highest first; then ids so the order is stable across runs. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    (b.inspectorScore ?? -1) - (a.inspectorScore ?? -1) ||
    compareText(a.vulnerabilityId, b.vulnerabilityId) ||
    compareText(a.artifact.reference, b.artifact.reference) ||
    compareText(a.id, b.id)
  )
}

// Code-unit order, not localeCompare: stable across machines and fast for 20,000+ findings.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
