/**
 * The sticky pull-request comment: a short version of the job summary (verdict, counts, the first
 * blocking findings, what could not be scanned, a link to the run), under GitHub's comment size
 * limit. The first line is a hidden marker naming the target set (`commentKey`) and the result, so
 * the next run finds the comment again, updates it in place and can say "now passing".
 *
 * The marker is trusted only at the very start of a comment body: every piece of untrusted text
 * goes through `escape.ts`, which turns `<` and `>` into entities, so no finding title can open or
 * close an HTML comment, and nothing it contains can be at position 0 of the body.
 */
import { createHash } from 'node:crypto'
import { artifactVariant, type Finding, type ScannedArtifact } from '../../domain/finding.js'
import type { ArtifactOutcome } from '../../domain/outcome.js'
import type { Policy } from '../../domain/policy.js'
import type { AssessedFinding, Verdict } from '../../domain/verdict.js'
import type { RunResult } from '../../domain/result.js'
import { markdownText, safeLink } from '../../text/escape.js'
import { compareAssessed } from '../render/finding-order.js'
import { COUNTED_SEVERITIES, plural, SEVERITY_LABELS, titleBesideId } from '../render/labels.js'
import { tableHead, tableRow, type Column } from '../../text/markdown-table.js'

export interface PrCommentOptions {
  /** From `commentKey`: which comment of the pull request is this target set's. */
  key: string
  /** The references the user gave, as written. */
  targets: string[]
  policy: Policy
  /** The run page (where the job summary is); the comment links to it. */
  runUrl?: string
  /** The result recorded in the comment this one replaces, to say "now passing" and the like. */
  previousResult?: RunResult
  /** Length limit in UTF-16 code units (what JS `length` counts). Default 60,000. */
  maxChars?: number
}

/** GitHub rejects comment bodies longer than this (it counts characters). */
export const GITHUB_COMMENT_MAX_CHARS = 65_536
/** The renderer's default limit: GitHub's, with headroom for differences in how it counts. */
export const DEFAULT_PR_COMMENT_MAX_CHARS = 60_000

/** Lists are short in a comment; the job summary has everything. */
const MAX_BLOCKING_ROWS = 10
const MAX_OUTCOME_LINES = 10
const MAX_FAILURE_LINES = 5
const MAX_TARGETS = 10
const TITLE_MAX_LENGTH = 80
const PACKAGE_MAX_LENGTH = 100
const MAX_PACKAGES_PER_ROW = 2
const MESSAGE_MAX_LENGTH = 300

const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const MARKER =
  /^<!-- inspector-gate:comment key=([A-Za-z0-9_-]{1,64}) result=(pass|fail|error) -->(?:\r?\n|$)/

const HEADLINES: Record<RunResult, string> = {
  pass: '✅ Inspector gate passed',
  fail: '❌ Inspector gate failed',
  error: '⚠️ Inspector gate errored'
}

const PAST: Record<RunResult, string> = {
  pass: 'passing',
  fail: 'failing',
  error: 'erroring'
}

const BLOCKING_COLUMNS: Column[] = [
  { title: 'Severity' },
  { title: 'Vulnerability' },
  { title: 'Package or file' },
  { title: 'Installed → fixed' },
  { title: 'Target' }
]

/**
 * A short, stable key for a set of gated targets: the same set in any order (and with stray
 * whitespace or duplicates) gives the same key; a different set gives a different one. Derived
 * from what the user gated, not from digests, so every push to the pull request finds it again.
 */
export function commentKey(targets: string[]): string {
  const set = [...new Set(targets.map((target) => target.trim()).filter((t) => t !== ''))].sort()
  return createHash('sha256').update(JSON.stringify(set)).digest('hex').slice(0, 16)
}

/** The hidden first line of every comment this project writes. */
export function commentMarker(key: string, result: RunResult): string {
  if (!KEY_PATTERN.test(key)) {
    throw new Error(`pr-comment: invalid comment key ${JSON.stringify(key)} (use commentKey)`)
  }
  return `<!-- inspector-gate:comment key=${key} result=${result} -->`
}

/** The key and result of a comment body that starts with this project's marker; else undefined. */
export function parseCommentMarker(body: string): { key: string; result: RunResult } | undefined {
  const match = MARKER.exec(body)
  if (match === null) return undefined
  const [, key, result] = match
  if (key === undefined || result === undefined) return undefined
  return { key, result: result as RunResult }
}

interface Limits {
  failures: number
  rows: number
  outcomes: number
  targets: number
}

/**
 * The comment body: at most `maxChars` long whatever the verdict holds. The lists start capped
 * (10 blocking findings, 10 outcome lines, 5 failure lines, 10 targets); when even that is too long
 * (hostile text escapes to several times its length), rows go first, then outcome lines, failure
 * lines and targets, each list saying how many it left out.
 */
export function renderPrComment(verdict: Verdict, options: PrCommentOptions): string {
  const maxChars = options.maxChars ?? DEFAULT_PR_COMMENT_MAX_CHARS
  const marker = commentMarker(options.key, verdict.result)
  const blocking = verdict.assessed.filter((entry) => entry.blocking)
  const parts: Parts = {
    marker,
    verdict,
    options,
    blocking: topBlocking(blocking, MAX_BLOCKING_ROWS),
    blockingTotal: blocking.length,
    problems: problemOutcomes(verdict.outcomes),
    targets: uniqueTargets(options.targets)
  }
  const limits: Limits = {
    failures: MAX_FAILURE_LINES,
    rows: MAX_BLOCKING_ROWS,
    outcomes: MAX_OUTCOME_LINES,
    targets: MAX_TARGETS
  }
  let body = render(parts, limits)
  for (const list of ['rows', 'outcomes', 'failures', 'targets'] as const) {
    while (body.length > maxChars && limits[list] > 0) {
      limits[list] -= 1
      body = render(parts, limits)
    }
  }
  return body.length <= maxChars ? body : cutToLength(body, marker, maxChars)
}

interface Parts {
  marker: string
  verdict: Verdict
  options: PrCommentOptions
  /** The first blocking findings in summary order (at most the row cap). */
  blocking: AssessedFinding[]
  blockingTotal: number
  problems: ArtifactOutcome[]
  targets: string[]
}

function render(parts: Parts, limits: Limits): string {
  const { verdict, options } = parts
  const sections = [
    `${parts.marker}\n### ${HEADLINES[verdict.result]}\n`,
    transitionLine(options.previousResult, verdict.result),
    targetsLine(parts.targets, limits.targets),
    countsLine(verdict, parts.blockingTotal, options.policy),
    failuresSection(verdict, limits.failures),
    blockingSection(parts.blocking, parts.blockingTotal, limits.rows),
    problemsSection(parts.problems, options.policy, limits.outcomes),
    linkLine(verdict, options.runUrl)
  ]
  return sections.filter((section) => section !== undefined).join('\n')
}

// ---- sections ------------------------------------------------------------------------------

function transitionLine(previous: RunResult | undefined, now: RunResult): string | undefined {
  if (previous === undefined) return undefined
  if (previous === now) return now === 'pass' ? undefined : `Still ${PAST[now]}.\n`
  if (now === 'pass') return `🎉 Was ${PAST[previous]}, now passes.\n`
  return `Was ${PAST[previous]}, now ${PAST[now]}.\n`
}

function targetsLine(targets: string[], limit: number): string | undefined {
  if (targets.length === 0) return undefined
  const shown = targets.slice(0, limit).map((target) => markdownText(target))
  const hidden = targets.length - shown.length
  if (hidden > 0) shown.push(`+${hidden} more`)
  return `**${targets.length === 1 ? 'Target' : 'Targets'}:** ${shown.join(' · ')}\n`
}

function countsLine(verdict: Verdict, blockingTotal: number, policy: Policy): string {
  const counts = COUNTED_SEVERITIES.flatMap((severity) => {
    const count = verdict.counts[severity]
    return severity === 'untriaged' && count === 0 ? [] : [`${SEVERITY_LABELS[severity]} ${count}`]
  })
  const floor = policy.failOn === 'none' ? 'fail-on: none' : `fail-on: ${policy.failOn}`
  const findings = plural(verdict.assessed.length, 'finding')
  return (
    `**${blockingTotal} blocking** of ${findings} (${floor}) · ${counts.join(' · ')} · ` +
    `${verdict.ignored.length} ignored\n`
  )
}

function failuresSection(verdict: Verdict, limit: number): string | undefined {
  if (verdict.failures.length === 0) return undefined
  const title = verdict.result === 'error' ? '**Errors:**' : '**Why it failed:**'
  const lines = verdict.failures
    .slice(0, limit)
    .map((line) => `- ${markdownText(line, MESSAGE_MAX_LENGTH)}`)
  return `${title}\n\n${lines.join('\n')}\n${moreNote(verdict.failures.length - lines.length, 'reason')}`
}

function blockingSection(
  shown: AssessedFinding[],
  total: number,
  limit: number
): string | undefined {
  if (total === 0) return undefined
  const rows = shown.slice(0, limit)
  const table =
    rows.length === 0 ? '' : tableHead(BLOCKING_COLUMNS) + rows.map(blockingRow).join('')
  return `#### Blocking findings (${total})\n\n${table}${moreNote(total - rows.length, 'blocking finding')}`
}

function problemsSection(
  problems: ArtifactOutcome[],
  policy: Policy,
  limit: number
): string | undefined {
  if (problems.length === 0) return undefined
  const lines = problems.slice(0, limit).map((outcome) => `- ${problemLine(outcome, policy)}`)
  const body = lines.length === 0 ? '' : `${lines.join('\n')}\n`
  return `**Not fully scanned:**\n\n${body}${moreNote(problems.length - lines.length, 'target')}`
}

function linkLine(verdict: Verdict, runUrl: string | undefined): string {
  const warnings =
    verdict.warnings.length === 0 ? '' : ` (${plural(verdict.warnings.length, 'warning')})`
  const where =
    runUrl === undefined ? 'the job summary of this run' : safeLink('the job summary', runUrl)
  return `Full results${warnings} are in ${where}.\n`
}

/** `\n_+3 more blocking findings in the job summary._\n`, or '' when nothing was left out. */
function moreNote(hidden: number, noun: string): string {
  return hidden <= 0 ? '' : `\n_+${plural(hidden, `more ${noun}`)} in the job summary._\n`
}

// ---- rows and lines ------------------------------------------------------------------------

function blockingRow(entry: AssessedFinding): string {
  const { finding } = entry
  const severity = SEVERITY_LABELS[entry.effectiveSeverity]
  const title = markdownText(titleBesideId(finding), TITLE_MAX_LENGTH)
  const id = safeLink(finding.vulnerabilityId, finding.url)
  return tableRow([
    finding.severity === 'untriaged' ? `${severity} (untriaged)` : severity,
    title === '' ? id : `${id} ${title}`,
    whereCell(finding),
    versionsCell(finding),
    targetCell(finding.artifact)
  ])
}

function whereCell(finding: Finding): string {
  const code = finding.code
  if (code !== undefined) {
    const line = code.startLine === undefined ? '' : `:${code.startLine}`
    return markdownText(`${code.filePath}${line}`, PACKAGE_MAX_LENGTH)
  }
  return listCell(finding.packages.map((pkg) => markdownText(pkg.name, PACKAGE_MAX_LENGTH)))
}

function versionsCell(finding: Finding): string {
  if (finding.code !== undefined) {
    const cwes = finding.code.cwes.join(', ')
    return cwes === '' ? '—' : markdownText(cwes, PACKAGE_MAX_LENGTH)
  }
  return listCell(
    finding.packages.map((pkg) => {
      const installed = markdownText(pkg.installedVersion ?? '?', 40)
      const fixed =
        pkg.fixedInVersion !== undefined
          ? markdownText(pkg.fixedInVersion, 40)
          : finding.fixAvailable === 'no'
            ? 'no fix'
            : 'fix unknown'
      return `${installed} → ${fixed}`
    })
  )
}

function listCell(items: string[]): string {
  if (items.length === 0) return '—'
  const shown = items.slice(0, MAX_PACKAGES_PER_ROW)
  const hidden = items.length - shown.length
  return hidden > 0 ? `${shown.join(', ')} +${hidden} more` : shown.join(', ')
}

function targetCell(artifact: ScannedArtifact): string {
  const reference = markdownText(artifact.reference, PACKAGE_MAX_LENGTH)
  const variant = artifactVariant(artifact)
  return variant === undefined ? reference : `${reference} (${markdownText(variant)})`
}

function problemLine(outcome: ArtifactOutcome, policy: Policy): string {
  switch (outcome.status) {
    case 'unscannable': {
      const icon = policy.onUnscannable === 'fail' ? '❌' : '⚠️'
      return (
        `${icon} ${targetCell(outcome.artifact)}: cannot be scanned (${markdownText(outcome.reason)}): ` +
        markdownText(outcome.explanation, MESSAGE_MAX_LENGTH)
      )
    }
    case 'error': {
      const icon = policy.onError === 'fail' ? '❌' : '⚠️'
      const reference =
        outcome.artifact === undefined
          ? markdownText(outcome.reference, PACKAGE_MAX_LENGTH)
          : targetCell(outcome.artifact)
      const what = outcome.timedOut ? 'timed out' : 'error'
      return `${icon} ${reference}: ${what}: ${markdownText(outcome.message, MESSAGE_MAX_LENGTH)}`
    }
    case 'scanned':
      return `⚠️ ${targetCell(outcome.artifact)}: findings were still arriving when the wait ended`
  }
}

// ---- selection -----------------------------------------------------------------------------

/** The first `count` blocking findings in the summary's order, without sorting thousands. */
function topBlocking(blocking: AssessedFinding[], count: number): AssessedFinding[] {
  const top: AssessedFinding[] = []
  for (const entry of blocking) {
    if (top.length === count && compareAssessed(entry, top[count - 1] as AssessedFinding) >= 0) {
      continue
    }
    top.push(entry)
    top.sort(compareAssessed)
    if (top.length > count) top.pop()
  }
  return top
}

/** Outcomes worth a line: errors, unscannable targets and scans whose findings had not settled. */
function problemOutcomes(outcomes: ArtifactOutcome[]): ArtifactOutcome[] {
  const order = { error: 0, unscannable: 1, scanned: 2 } as const
  return outcomes
    .filter((outcome) => outcome.status !== 'scanned' || !outcome.settled)
    .sort((a, b) => order[a.status] - order[b.status])
}

function uniqueTargets(targets: string[]): string[] {
  return [...new Set(targets.map((target) => target.trim()).filter((t) => t !== ''))]
}

/**
 * Last resort when even empty lists do not fit (a tiny `maxChars`): whole lines while they fit,
 * the marker always, then a note.
 */
function cutToLength(body: string, marker: string, maxChars: number): string {
  const note = '\n_Comment cut to fit the size limit; see the job summary._\n'
  const budget = maxChars - note.length
  const lines = body.split('\n')
  let output = `${marker}\n`
  for (const line of lines.slice(1)) {
    if (output.length + line.length + 1 > budget) break
    output += `${line}\n`
  }
  return output.length + note.length <= maxChars ? output + note : `${marker}\n`
}
