import { artifactLabel, type Finding } from './finding.js'
import { describeRule, isExpired, ruleMatches, type IgnoreRule } from './ignore-rules.js'
import type { ArtifactOutcome } from './outcome.js'
import {
  effectiveSeverityOf,
  epssOf,
  epssPercent,
  inspectorScoreOf,
  type BlockingRule,
  type BlockReason,
  type Policy
} from './policy.js'
import { shown } from './shown.js'
import {
  emptySeverityCounts,
  isAtLeast,
  RANKED_SEVERITIES,
  severityRank,
  type RankedSeverity
} from './severity.js'
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
  const assessed = assess(counted, policy, failures, warnings)
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

function assess(
  findings: Finding[],
  policy: Policy,
  failures: string[],
  warnings: string[]
): AssessedFinding[] {
  // Findings whose severity has a budget: they block by it only when their target exceeds it.
  const budgeted: AssessedFinding[] = []
  const unjudged = { epss: 0, exploit: 0 }
  const assessed = findings.map((finding) => {
    const one = assessOne(finding, policy)
    if (one.budgeted) budgeted.push(one.assessment)
    if (one.noEpss) unjudged.epss += 1
    if (one.exploitUnknown) unjudged.exploit += 1
    return one.assessment
  })
  failures.push(...floorFailures(assessed, policy))
  failures.push(...budgetFailures(budgeted, policy))
  failures.push(...ruleFailures(assessed, 'fail-on-exploitable', 'with a known exploit'))
  if (policy.failOnEpss !== undefined) {
    const floor = `with EPSS at or above ${epssPercent(policy.failOnEpss)}`
    failures.push(...ruleFailures(assessed, 'fail-on-epss', floor, epssOfAssessed))
  }
  warnings.push(...unjudgedWarnings(unjudged))
  return assessed.sort(
    (a, b) =>
      Number(b.blocking) - Number(a.blocking) ||
      severityRank(b.effectiveSeverity) - severityRank(a.effectiveSeverity) ||
      (b.finding.inspectorScore ?? -1) - (a.finding.inspectorScore ?? -1) ||
      a.finding.vulnerabilityId.localeCompare(b.finding.vulnerabilityId)
  )
}

const WITHIN_BUDGET = 'within budget'

interface OneAssessment {
  assessment: AssessedFinding
  /** Its severity has a budget, decided per target once every finding is assessed. */
  budgeted: boolean
  /** fail-on-epss is set and the finding has no EPSS: that rule could not judge it. */
  noEpss: boolean
  /** fail-on-exploitable is set and the finding does not say whether an exploit is known. */
  exploitUnknown: boolean
}

/**
 * The rules are OR-ed: a finding blocks when any of them blocks it, so turning a blocking rule on
 * never lets a finding through. Only fixable-only (and, before it, the ignore file) lets a finding
 * off every rule.
 */
function assessOne(finding: Finding, policy: Policy): OneAssessment {
  const effectiveSeverity = effectiveSeverityOf(finding, policy)
  // Only a finding known to have no fix is let off: one whose fixability is unknown (basic
  // scanning, or an answer that does not say) counts, because a missing fact never passes.
  if (policy.fixableOnly && finding.fixAvailable === 'no') {
    return {
      assessment: {
        finding,
        effectiveSeverity,
        blocking: false,
        note: 'no fix available (fixable-only)'
      },
      budgeted: false,
      noEpss: false,
      exploitUnknown: false
    }
  }
  const reasons: BlockReason[] = []
  const notes: string[] = []
  const budgeted = policy.maxFindings[effectiveSeverity] !== undefined
  // A budget replaces the floor for its severity; blocking by it is decided per target below.
  if (budgeted) notes.push(WITHIN_BUDGET)
  else floorRule(finding, effectiveSeverity, policy, reasons, notes)

  let exploitUnknown = false
  if (policy.failOnExploitable) {
    if (finding.exploitAvailable === 'yes') {
      reasons.push({ rule: 'fail-on-exploitable', text: 'exploit known' })
    } else if (finding.exploitAvailable !== 'no') {
      // Not "no exploit": nobody said. It does not block by this rule, and the note says so.
      exploitUnknown = true
      notes.push('exploit status unknown, so fail-on-exploitable could not judge it')
    }
  }

  let noEpss = false
  if (policy.failOnEpss !== undefined) {
    const epss = epssOf(finding)
    const threshold = epssPercent(policy.failOnEpss)
    if (epss === undefined) {
      // A missing probability is not "at or above" anything; the other rules still judge it.
      noEpss = true
      notes.push('no EPSS score, so fail-on-epss could not judge it')
    } else if (epss >= policy.failOnEpss) {
      reasons.push({ rule: 'fail-on-epss', text: `EPSS ${epssPercent(epss)} ≥ ${threshold}` })
    } else {
      notes.push(`EPSS ${epssPercent(epss)} below fail-on-epss ${threshold}`)
    }
  }

  const assessment: AssessedFinding =
    reasons.length > 0
      ? { finding, effectiveSeverity, blocking: true, blockedBy: reasons }
      : { finding, effectiveSeverity, blocking: false, note: notes.join('; ') }
  return { assessment, budgeted, noEpss, exploitUnknown }
}

/** The `fail-on` floor, narrowed by `min-score` to findings Inspector scores at least that high. */
function floorRule(
  finding: Finding,
  effectiveSeverity: RankedSeverity,
  policy: Policy,
  reasons: BlockReason[],
  notes: string[]
): void {
  if (policy.failOn === 'none') {
    notes.push('fail-on is none')
    return
  }
  if (!isAtLeast(effectiveSeverity, policy.failOn)) {
    notes.push(`below fail-on ${policy.failOn}`)
    return
  }
  const counted =
    finding.severity === 'untriaged'
      ? `UNTRIAGED counted as ${effectiveSeverity.toUpperCase()}`
      : effectiveSeverity.toUpperCase()
  const severity = `severity ${counted} ≥ fail-on ${policy.failOn}`
  if (policy.minScore === undefined) {
    reasons.push({ rule: 'fail-on', text: severity })
    return
  }
  const minScore = scoreText(policy.minScore)
  const score = inspectorScoreOf(finding)
  if (score === undefined) {
    // Fail closed: without a score, min-score cannot show the finding is below its floor.
    reasons.push({
      rule: 'fail-on',
      text: `${severity}; no Inspector score, so min-score ${minScore} does not let it off`
    })
  } else if (score >= policy.minScore) {
    reasons.push({
      rule: 'fail-on',
      text: `${severity}, Inspector score ${scoreText(score)} ≥ min-score ${minScore}`
    })
  } else {
    notes.push(`Inspector score ${scoreText(score)} below min-score ${minScore}`)
  }
}

/** `7` → `7.0`, `7.25` → `7.25`: scores as Inspector shows them, without rounding a threshold. */
function scoreText(score: number): string {
  return Number.isInteger(score) ? score.toFixed(1) : String(score)
}

function blockedBy(entry: AssessedFinding, rule: BlockingRule): boolean {
  return entry.blockedBy?.some((reason) => reason.rule === rule) === true
}

function floorFailures(assessed: AssessedFinding[], policy: Policy): string[] {
  const blocking = assessed.filter((a) => blockedBy(a, 'fail-on'))
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
  const minScore =
    policy.minScore === undefined ? '' : ` and min-score ${scoreText(policy.minScore)}`
  const unscored =
    policy.minScore === undefined
      ? 0
      : blocking.filter((a) => inspectorScoreOf(a.finding) === undefined).length
  const unscoredNote =
    unscored > 0 ? `; ${unscored} without an Inspector score, which min-score does not let off` : ''
  return [
    `${blocking.length} ${qualifier}finding${blocking.length === 1 ? '' : 's'} at or above fail-on ${policy.failOn}${minScore} (${bySeverity.join(', ')})${unknownNote}${unscoredNote}`
  ]
}

/** Vulnerability ids a failure line names before "and N more" (the summary lists every finding). */
const MAX_NAMED = 5

/** `2 findings with a known exploit (fail-on-exploitable): CVE-1, CVE-2`. */
function ruleFailures(
  assessed: AssessedFinding[],
  rule: BlockingRule,
  what: string,
  detail?: (entry: AssessedFinding) => string
): string[] {
  const blocking = assessed.filter((a) => blockedBy(a, rule))
  if (blocking.length === 0) return []
  const named = blocking.slice(0, MAX_NAMED).map((a) => {
    const id = shown(a.finding.vulnerabilityId).slice(0, 100)
    return detail === undefined ? id : `${id} (${detail(a)})`
  })
  const more = blocking.length > MAX_NAMED ? ` and ${blocking.length - MAX_NAMED} more` : ''
  return [
    `${blocking.length} finding${blocking.length === 1 ? '' : 's'} ${what} (${rule}): ${named.join(', ')}${more}`
  ]
}

function epssOfAssessed(entry: AssessedFinding): string {
  const epss = epssOf(entry.finding)
  return epss === undefined ? 'no EPSS' : epssPercent(epss)
}

/** A rule that could not judge some findings says so: they were not silently judged harmless. */
function unjudgedWarnings(unjudged: { epss: number; exploit: number }): string[] {
  const lines: string[] = []
  if (unjudged.epss > 0) {
    lines.push(
      `fail-on-epss: ${unjudged.epss} finding${unjudged.epss === 1 ? ' has' : 's have'} no EPSS score (basic scanning and code findings have none), so that rule could not judge ${unjudged.epss === 1 ? 'it' : 'them'}; the other rules still did`
    )
  }
  if (unjudged.exploit > 0) {
    lines.push(
      `fail-on-exploitable: ${unjudged.exploit} finding${unjudged.exploit === 1 ? ' does' : 's do'} not say whether an exploit is known (basic scanning does not), so that rule could not judge ${unjudged.exploit === 1 ? 'it' : 'them'}; the other rules still did`
    )
  }
  return lines
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
        const reason: BlockReason = {
          rule: 'max-findings',
          text: `over budget ${severity}=${budget}`
        }
        a.blocking = true
        a.blockedBy = [...(a.blockedBy ?? []), reason]
        a.note = reason.text
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
