/** The per-image (and per-platform) table at the top of the summary. */
import { artifactContent, artifactVariant } from '../../domain/finding.js'
import type { ArtifactOutcome, SettleProof } from '../../domain/outcome.js'
import type { Policy } from '../../domain/policy.js'
import type { Verdict } from '../../domain/verdict.js'
import { artifactKey, countsByArtifact, type ArtifactCounts } from './artifact-counts.js'
import { markdownText } from '../../text/escape.js'
import { COUNTED_SEVERITIES, formatTime, SEVERITY_LABELS, SEVERITY_MARKS } from './labels.js'
import { tableHead, tableRow, type Column } from '../../text/markdown-table.js'

/**
 * Four columns, so the table fits GitHub's ~1,000 px content width: the reference (a long ECR URI)
 * once per target group with its platform and digest under it, the scan mode, the status, and the
 * counts as one compact cell with severity marks.
 */
const ARTIFACT_COLUMNS: Column[] = [
  { title: 'Target' },
  { title: 'Scan' },
  { title: 'Status' },
  { title: 'Findings' }
]

/** One row per artifact outcome: what was scanned, how it went, and its counts. */
export function artifactsSection(verdict: Verdict, policy: Policy): string | undefined {
  if (verdict.outcomes.length === 0) return undefined
  const counts = countsByArtifact(verdict)
  let previous: string | undefined
  const rows = verdict.outcomes.map((outcome) => {
    const reference = referenceOf(outcome)
    const row = artifactRow(outcome, policy, counts, reference === previous)
    previous = reference
    return row
  })
  return `### Targets\n\n${tableHead(ARTIFACT_COLUMNS)}${rows.join('')}\n${LEGEND}`
}

function referenceOf(outcome: ArtifactOutcome): string {
  return outcome.status === 'error' ? outcome.reference : outcome.artifact.reference
}

/** What the severity marks mean, once under the table (the same marks as the report summary). */
const LEGEND = `_${COUNTED_SEVERITIES.map((severity) => `${SEVERITY_MARKS[severity]} ${SEVERITY_LABELS[severity]}`).join(' · ')}_\n\n`

function artifactRow(
  outcome: ArtifactOutcome,
  policy: Policy,
  counts: Map<string, ArtifactCounts>,
  sameReferenceAsAbove: boolean
): string {
  const artifact = outcome.artifact
  // The next platform of the same image: the reference was just said, only what differs is shown.
  const name = sameReferenceAsAbove ? '↳' : markdownText(referenceOf(outcome))
  const variant = artifact === undefined ? undefined : artifactVariant(artifact)
  const detail = [
    variant === undefined ? undefined : markdownText(variant),
    artifact === undefined ? undefined : markdownText(shortContent(artifactContent(artifact)))
  ].filter((part) => part !== undefined)
  const target = detail.length === 0 ? name : `${name}<br>${detail.join(' · ')}`
  const found = outcome.status === 'scanned' ? counts.get(artifactKey(outcome.artifact)) : undefined
  return tableRow([
    target,
    outcome.status === 'scanned' ? outcome.scanMode : '—',
    artifactStatus(outcome, policy),
    outcome.status === 'scanned' ? countsCell(found) : '—'
  ])
}

/** `🔴 1 · 🟠 2 · 1 ignored`: only the severities that occur; `none` when nothing was found. */
function countsCell(found: ArtifactCounts | undefined): string {
  const parts = COUNTED_SEVERITIES.flatMap((severity) => {
    const count = found?.[severity] ?? 0
    return count === 0 ? [] : [`${SEVERITY_MARKS[severity]} ${count}`]
  })
  const ignored = found?.ignored ?? 0
  if (ignored > 0) parts.push(`${ignored} ignored`)
  return parts.length === 0 ? 'none' : parts.join(' · ')
}

function artifactStatus(outcome: ArtifactOutcome, policy: Policy): string {
  switch (outcome.status) {
    case 'scanned': {
      // Unsettled: findings were still arriving when the wait ran out, so the counts may be partial.
      const state = outcome.settled ? '✅ scanned' : '⚠️ scanned, findings still arriving'
      const at =
        outcome.scannedAt === undefined ? '' : ` ${markdownText(formatTime(outcome.scannedAt))}`
      const proof = proofText(outcome.settledBy)
      return `${state}${at}${proof === undefined ? '' : ` · ${markdownText(proof, 200)}`}`
    }
    case 'unscannable': {
      const icon = policy.onUnscannable === 'fail' ? '❌' : '⚠️'
      return `${icon} unscannable: ${markdownText(outcome.reason)} — ${markdownText(outcome.explanation, 300)}`
    }
    case 'error': {
      const icon = policy.onError === 'fail' ? '❌' : '⚠️'
      const timedOut = outcome.timedOut ? ' (timed out)' : ''
      return `${icon} error${timedOut}: ${markdownText(outcome.message, 300)}`
    }
  }
}

/**
 * `sha256:0123456789abcdef…` → `sha256:0123456789ab…` (and a CodeSha256 alike): enough to
 * recognise, and the table stays narrow.
 */
function shortContent(content: string): string {
  const separator = Math.max(content.indexOf(':'), content.indexOf(' '))
  const hashStart = separator < 0 ? 0 : separator + 1
  return content.length - hashStart > 12 ? `${content.slice(0, hashStart + 12)}…` : content
}

/** Which proof settled the findings, in the words the README uses. */
function proofText(proof: SettleProof | undefined): string | undefined {
  switch (proof?.kind) {
    case 'scan-event':
      return proof.shortfall === undefined
        ? 'scan event counts matched'
        : `short of the scan event's counts: ${proof.shortfall.join(', ')}`
    case 'quiet-period':
      return 'two reads agreed after the quiet period'
    case 'scan-answer':
      return 'Inspector Scan answered; its totals matched'
    default:
      return undefined
  }
}
