import type { IgnoreRule } from '../../domain/ignore-rules.js'
import { epssPercent, type Policy } from '../../domain/policy.js'
import { RANKED_SEVERITIES } from '../../domain/severity.js'
import type { Verdict } from '../../domain/verdict.js'
import type { RunResult } from '../../domain/result.js'
import { artifactsSection } from './artifacts-table.js'
import { codeSpan, markdownText } from '../../text/escape.js'
import { compareAssessed, ignoredComparator } from './finding-order.js'
import { blockingSection, ignoredSection, nonBlockingSection } from './findings-tables.js'
import { formatTime, plural, ruleLocation } from './labels.js'
import { fitToBudget, type Block } from '../../text/size-budget.js'

export interface SummaryOptions {
  policy: Policy
  /**
   * How to name the findings file wherever the summary leaves something out: a workspace path, or
   * only the file's name (never a runner temp path, which nobody reading the summary can open).
   */
  findingsFile?: string
  /** The file is on the runner only (not in the workspace): the footer says how to keep it. */
  findingsOnRunnerOnly?: boolean
  /** UTF-8 byte limit. GitHub rejects step summaries over 1 MiB; the default leaves headroom. */
  maxBytes?: number
  /** Stamped in the footer when given (left out otherwise, so output is reproducible). */
  now?: Date
}

export const DEFAULT_SUMMARY_MAX_BYTES = 1_000_000
const HEADLINES: Record<RunResult, string> = {
  pass: '✅ Inspector gate passed',
  fail: '❌ Inspector gate failed',
  error: '⚠️ Inspector gate errored'
}

/**
 * The job summary / PR comment for a verdict, as GitHub-flavoured markdown of at most `maxBytes`
 * UTF-8 bytes. When the findings do not fit, rows are dropped from the end of the non-blocking,
 * then ignored, then blocking table, and each table says how many it left out.
 */
export function renderSummary(verdict: Verdict, options: SummaryOptions): string {
  const { policy, findingsFile } = options
  const maxBytes = options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES
  const omissionNote = omissionNoteFor(findingsFile)

  const assessed = [...verdict.assessed].sort(compareAssessed)
  const blocking = assessed.filter((entry) => entry.blocking)
  const nonBlocking = assessed.filter((entry) => !entry.blocking)
  const ignored = [...verdict.ignored].sort(ignoredComparator(policy))

  const blockingTable = blocking.length > 0 ? blockingSection(blocking, omissionNote) : undefined
  const nonBlockingTable =
    nonBlocking.length > 0 ? nonBlockingSection(nonBlocking, omissionNote) : undefined
  const ignoredTable =
    ignored.length > 0 ? ignoredSection(ignored, policy, omissionNote) : undefined

  const blocks: (Block | undefined)[] = [
    headline(verdict, blocking.length),
    policyLine(policy),
    artifactsSection(verdict, policy),
    blockingTable ?? (verdict.outcomes.length > 0 ? 'No blocking findings.\n\n' : undefined),
    nonBlockingTable,
    ignoredTable,
    expiredRulesSection(verdict.expiredRules),
    unusedRulesSection(verdict.unusedRules),
    footer(findingsFile, options.findingsOnRunnerOnly === true, options.now)
  ]
  const trimOrder = [nonBlockingTable, ignoredTable, blockingTable].filter(isDefined)
  return fitToBudget(blocks.filter(isDefined), trimOrder, maxBytes, truncationNote(findingsFile))
}

// ---- headline and policy -------------------------------------------------------------------

function headline(verdict: Verdict, blockingCount: number): string {
  const lines = [`## ${HEADLINES[verdict.result]}`, '', tally(verdict, blockingCount), '']
  if (verdict.failures.length > 0) {
    lines.push(verdict.result === 'error' ? '**Errors:**' : '**Why it failed:**', '')
    listAtMost(lines, verdict.failures, (line) => `- ${markdownText(line, 1000)}`, 'more')
  }
  if (verdict.warnings.length > 0) {
    lines.push('**Warnings:**', '')
    listAtMost(lines, verdict.warnings, (line) => `- ⚠️ ${markdownText(line, 1000)}`, 'more')
  }
  return lines.join('\n') + '\n'
}

/** Lines a headline or section lists before it says how many more there are. */
const MAX_LISTED = 50

/**
 * Appends at most MAX_LISTED items, then one line saying how many more there are. A loop, not
 * `push(...items)`: spreading 300,000 unused ignore entries as arguments overflows the stack.
 */
function listAtMost<T>(
  lines: string[],
  items: T[],
  render: (item: T) => string,
  more: string
): void {
  for (const item of items.slice(0, MAX_LISTED)) lines.push(render(item))
  if (items.length > MAX_LISTED) {
    lines.push(
      `- … and ${items.length - MAX_LISTED} ${more} (all of them are in the findings file)`
    )
  }
  lines.push('')
}

function tally(verdict: Verdict, blockingCount: number): string {
  const artifacts = plural(verdict.outcomes.length, 'artifact')
  const findings = plural(verdict.assessed.length, 'finding')
  return `**${blockingCount} blocking** of ${findings} in ${artifacts} · ${verdict.ignored.length} ignored`
}

function policyLine(policy: Policy): string {
  const budgets = RANKED_SEVERITIES.flatMap((severity) => {
    const budget = policy.maxFindings[severity]
    return budget === undefined ? [] : [`${severity} ≤ ${budget}`]
  })
  const parts = [
    policy.failOn === 'none' ? 'fail-on: none' : `fail-on: ${policy.failOn} and above`,
    `budgets: ${budgets.length > 0 ? budgets.join(', ') : 'none'}`,
    `untriaged-as: ${policy.untriagedAs}`,
    `fixable-only: ${policy.fixableOnly ? 'yes' : 'no'}`,
    ...riskRules(policy),
    `on-unscannable: ${policy.onUnscannable}`,
    `on-error: ${policy.onError}`
  ]
  return `**Policy:** ${parts.map((part) => markdownText(part)).join(' · ')}\n\n`
}

/** The risk rules, only when set: a policy line without them reads as it always did. */
function riskRules(policy: Policy): string[] {
  return [
    ...(policy.minScore === undefined ? [] : [`min-score: ${policy.minScore}`]),
    ...(policy.failOnExploitable ? ['fail-on-exploitable: yes'] : []),
    ...(policy.failOnEpss === undefined
      ? []
      : [`fail-on-epss: ≥ ${epssPercent(policy.failOnEpss)}`])
  ]
}

// ---- ignore-file housekeeping --------------------------------------------------------------

function expiredRulesSection(rules: IgnoreRule[]): string | undefined {
  if (rules.length === 0) return undefined
  const lines: string[] = []
  listAtMost(
    lines,
    rules,
    (rule) =>
      `- ${markdownText(rule.id)} expired ${markdownText(rule.expires ?? '?')} (${markdownText(ruleLocation(rule))}): ${markdownText(rule.reason, 300)}`,
    'more expired entries'
  )
  const intro = 'These entries have expired and no longer apply; renew them or remove them.'
  return `### Expired ignore entries (${rules.length})\n\n${intro}\n\n${lines.join('\n')}\n`
}

function unusedRulesSection(rules: IgnoreRule[]): string | undefined {
  if (rules.length === 0) return undefined
  const lines: string[] = []
  listAtMost(
    lines,
    rules,
    (rule) =>
      `- ${markdownText(rule.id)} (${markdownText(ruleLocation(rule))}): ${markdownText(rule.reason, 300)}`,
    'more unused entries'
  )
  const intro = 'These entries matched no finding; they may be stale.'
  return `### Unused ignore entries (${rules.length})\n\n${intro}\n\n${lines.join('\n')}\n`
}

// ---- notes and footer ----------------------------------------------------------------------

function omissionNoteFor(findingsFile: string | undefined): (omitted: number) => string {
  const where =
    findingsFile === undefined
      ? 'not shown (the summary has a size limit)'
      : `in ${codeSpan(findingsFile, 500)}`
  return (omitted) => `\n_${omitted} more ${omitted === 1 ? 'finding' : 'findings'} ${where}._\n`
}

function truncationNote(findingsFile: string | undefined): string {
  const where = findingsFile === undefined ? '' : `; full results in ${codeSpan(findingsFile, 500)}`
  return `\n_Summary truncated to fit the size limit${where}._\n`
}

function footer(
  findingsFile: string | undefined,
  onRunnerOnly: boolean,
  now: Date | undefined
): string | undefined {
  const parts: string[] = []
  if (findingsFile !== undefined) {
    const where = onRunnerOnly
      ? ' (the step output `findings-file`, on the runner only: upload it with actions/upload-artifact to keep it)'
      : ' (the step output `findings-file`)'
    parts.push(`Full results: ${codeSpan(findingsFile, 500)}${where}`)
  }
  if (now !== undefined && !Number.isNaN(now.getTime())) parts.push(`generated ${formatTime(now)}`)
  return parts.length === 0 ? undefined : `---\n\n_${parts.join(' · ')}_\n`
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined
}
