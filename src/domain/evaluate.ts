import { artifactLabel, type Finding } from './finding.js'
import { describeRule, isExpired, ruleMatches, type IgnoreRule } from './ignore-rules.js'
import type { ArtifactOutcome } from './outcome.js'
import { effectiveSeverityOf, type Policy } from './policy.js'
import { emptySeverityCounts, isAtLeast, RANKED_SEVERITIES, severityRank } from './severity.js'
import type { AssessedFinding, IgnoredFinding, Verdict } from './verdict.js'
import type { RunResult } from './result.js'

export interface EvaluationInput {
  outcomes: ArtifactOutcome[]
  policy: Policy
  ignoreRules: IgnoreRule[]
  now: Date
}

/**
 * Decides the gate. Pure: the same outcomes, policy, rules and clock always give the same verdict.
 * Precedence: a definite policy violation or a refused (unscannable) image is `fail`; otherwise an
 * unresolved tool error is `error`; otherwise `pass`.
 */
export function evaluate({ outcomes, policy, ignoreRules, now }: EvaluationInput): Verdict {
  const activeRules = ignoreRules.filter((rule) => !isExpired(rule, now))
  const expiredRules = ignoreRules.filter((rule) => isExpired(rule, now))
  const usedRules = new Set<IgnoreRule>()

  const ignored: IgnoredFinding[] = []
  const counted: Finding[] = []
  for (const finding of outcomes.flatMap((o) => (o.status === 'scanned' ? o.findings : []))) {
    const matching = activeRules.filter((candidate) => ruleMatches(candidate, finding))
    const rule = matching[0]
    if (rule === undefined) {
      counted.push(finding)
    } else {
      // Every matching entry is in use (none is "unused"); the first one is shown as the reason.
      for (const used of matching) usedRules.add(used)
      ignored.push({ finding, rule })
    }
  }

  const failures: string[] = []
  const warnings: string[] = []
  const assessed = assess(counted, policy, failures)
  const counts = emptySeverityCounts()
  for (const finding of counted) counts[finding.severity] += 1

  for (const outcome of outcomes) {
    if (outcome.status === 'unscannable') {
      const line = `${artifactLabel(outcome.artifact.reference, outcome.artifact)} cannot be scanned (${outcome.reason}): ${outcome.explanation}`
      ;(policy.onUnscannable === 'fail' ? failures : warnings).push(line)
    }
  }
  // A verdict on findings that were still arriving is no verdict: it is reported like a tool error.
  const errorLines = outcomes.flatMap((o) => {
    if (o.status === 'error') return [`${artifactLabel(o.reference, o.artifact)}: ${o.message}`]
    if (o.status === 'scanned' && !o.settled) {
      const proof = o.settledBy
      if (proof?.kind === 'scan-event' && proof.shortfall !== undefined) {
        return [
          `${artifactLabel(o.artifact.reference, o.artifact)}: ListFindings still held fewer findings than Inspector's scan event counted (${proof.shortfall.join(', ')}) when settle ran out, so the finding set is incomplete; raise settle (or timeout)`
        ]
      }
      return [
        `${artifactLabel(o.artifact.reference, o.artifact)}: findings were still arriving when settle ran out, so the finding set may be incomplete; raise settle (or timeout)`
      ]
    }
    return []
  })
  if (policy.onError === 'warn') for (const line of errorLines) warnings.push(line)

  for (const rule of expiredRules) {
    warnings.push(
      `ignore entry ${describeRule(rule)} expired on ${rule.expires} and no longer applies`
    )
  }
  const unusedRules = activeRules.filter((rule) => !usedRules.has(rule))
  for (const rule of unusedRules) {
    warnings.push(
      `ignore entry ${describeRule(rule)} matched no finding; remove it if it is no longer needed`
    )
  }

  let result: RunResult = 'pass'
  if (failures.length > 0) result = 'fail'
  else if (errorLines.length > 0) result = 'error'
  if (policy.onError === 'fail') for (const line of errorLines) failures.push(line)

  return {
    result,
    failures,
    warnings,
    outcomes,
    assessed,
    ignored,
    counts,
    expiredRules,
    unusedRules
  }
}

function assess(findings: Finding[], policy: Policy, failures: string[]): AssessedFinding[] {
  // Findings whose severity has a budget: they block only when their target exceeds it.
  const budgeted = new Set<AssessedFinding>()
  const assessed = findings.map((finding) => {
    const assessment = assessOne(finding, policy)
    if (assessment.note === WITHIN_BUDGET) budgeted.add(assessment)
    return assessment
  })
  failures.push(...floorFailures(assessed, policy))
  failures.push(...budgetFailures([...budgeted], policy))
  return assessed.sort(
    (a, b) =>
      Number(b.blocking) - Number(a.blocking) ||
      severityRank(b.effectiveSeverity) - severityRank(a.effectiveSeverity) ||
      (b.finding.inspectorScore ?? -1) - (a.finding.inspectorScore ?? -1) ||
      a.finding.vulnerabilityId.localeCompare(b.finding.vulnerabilityId)
  )
}

const WITHIN_BUDGET = 'within budget'

function assessOne(finding: Finding, policy: Policy): AssessedFinding {
  const effectiveSeverity = effectiveSeverityOf(finding, policy)
  // Only a finding known to have no fix is let off: one whose fixability is unknown (basic
  // scanning, or an answer that does not say) counts, because a missing fact never passes.
  if (policy.fixableOnly && finding.fixAvailable === 'no') {
    return { finding, effectiveSeverity, blocking: false, note: 'no fix available (fixable-only)' }
  }
  if (policy.maxFindings[effectiveSeverity] !== undefined) {
    // Budgeted severities block only when the budget is exceeded; decided per target below.
    return { finding, effectiveSeverity, blocking: false, note: WITHIN_BUDGET }
  }
  if (policy.failOn !== 'none' && isAtLeast(effectiveSeverity, policy.failOn)) {
    return { finding, effectiveSeverity, blocking: true }
  }
  const note = policy.failOn === 'none' ? 'fail-on is none' : `below fail-on ${policy.failOn}`
  return { finding, effectiveSeverity, blocking: false, note }
}

function floorFailures(assessed: AssessedFinding[], policy: Policy): string[] {
  const blocking = assessed.filter((a) => a.blocking)
  if (blocking.length === 0 || policy.failOn === 'none') return []
  const bySeverity = RANKED_SEVERITIES.map(
    (severity) =>
      [severity, blocking.filter((a) => a.effectiveSeverity === severity).length] as const
  )
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`)
  const unknownFix = blocking.filter((a) => a.finding.fixAvailable === 'unknown').length
  const qualifier = policy.fixableOnly && unknownFix === 0 ? 'fixable ' : ''
  const unknownNote =
    policy.fixableOnly && unknownFix > 0
      ? `; ${unknownFix} of unknown fixability, which fixable-only does not let off`
      : ''
  return [
    `${blocking.length} ${qualifier}finding${blocking.length === 1 ? '' : 's'} at or above fail-on ${policy.failOn} (${bySeverity.join(', ')})${unknownNote}`
  ]
}

/**
 * Budgets count per image reference, and a vulnerability in the same package at the same path on
 * several platforms of one multi-arch image counts once: "high=5" is about the image the team
 * shipped, not its platforms.
 */
function budgetFailures(budgeted: AssessedFinding[], policy: Policy): string[] {
  const lines: string[] = []
  for (const severity of RANKED_SEVERITIES) {
    const budget = policy.maxFindings[severity]
    if (budget === undefined) continue
    const candidates = budgeted.filter((a) => a.effectiveSeverity === severity)
    for (const [reference, group] of groupBy(candidates, (a) => a.finding.artifact.reference)) {
      const distinct = new Set(group.map((a) => budgetKey(a.finding)))
      if (distinct.size <= budget) continue
      for (const a of group) {
        a.blocking = true
        a.note = `over budget ${severity}=${budget}`
      }
      lines.push(
        `${reference}: ${distinct.size} ${severity} findings exceed max-findings ${severity}=${budget}`
      )
    }
  }
  return lines
}

/** What makes two findings "the same" for a budget: the vulnerability and where it is. */
function budgetKey(finding: Finding): string {
  if (finding.code !== undefined) {
    // Code findings name a rule, not a package: the same rule in two places is two problems.
    return `${finding.vulnerabilityId}|${finding.code.filePath}:${finding.code.startLine ?? ''}`
  }
  // The same package at two paths (two copies of a jar) is two problems to fix; the same package
  // at the same path on two platforms of one image is one.
  const packages = finding.packages
    .map((p) => `${p.name}@${p.filePath ?? ''}`)
    .sort()
    .join(',')
  return `${finding.vulnerabilityId}|${packages}`
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}
