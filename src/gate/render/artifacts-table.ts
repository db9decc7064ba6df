/** The per-image (and per-platform) table at the top of the summary. */
import { artifactContent, artifactVariant } from '../../domain/finding.js'
import type { ArtifactOutcome, SettleProof } from '../../domain/outcome.js'
import type { Policy } from '../../domain/policy.js'
import type { Verdict } from '../../domain/verdict.js'
import { artifactKey, countsByArtifact, type ArtifactCounts } from './artifact-counts.js'
import { markdownText } from '../../text/escape.js'
import { COUNTED_SEVERITIES, formatTime, SEVERITY_LABELS } from './labels.js'
import { tableHead, tableRow, type Column } from '../../text/markdown-table.js'

const ARTIFACT_COLUMNS: Column[] = [
  { title: 'Target' },
  { title: 'Platform / scan' },
  { title: 'Digest / code' },
  { title: 'Scan' },
  { title: 'Status' },
  ...COUNTED_SEVERITIES.map((severity): Column => ({
    title: SEVERITY_LABELS[severity],
    align: 'right'
  })),
  { title: 'Ignored', align: 'right' }
]

/** One row per artifact outcome: what was scanned, how it went, and its counts. */
export function artifactsSection(verdict: Verdict, policy: Policy): string | undefined {
  if (verdict.outcomes.length === 0) return undefined
  const counts = countsByArtifact(verdict)
  const rows = verdict.outcomes.map((outcome) => artifactRow(outcome, policy, counts))
  return `### Targets\n\n${tableHead(ARTIFACT_COLUMNS)}${rows.join('')}\n`
}

function artifactRow(
  outcome: ArtifactOutcome,
  policy: Policy,
  counts: Map<string, ArtifactCounts>
): string {
  const artifact = outcome.artifact
  const reference = outcome.status === 'error' ? outcome.reference : outcome.artifact.reference
  const identity = [
    markdownText(reference),
    markdownText((artifact && artifactVariant(artifact)) ?? '—'),
    artifact === undefined ? '—' : markdownText(shortContent(artifactContent(artifact))),
    outcome.status === 'scanned' ? outcome.scanMode : '—'
  ]
  const found = outcome.status === 'scanned' ? counts.get(artifactKey(outcome.artifact)) : undefined
  const countCells =
    outcome.status === 'scanned'
      ? [
          ...COUNTED_SEVERITIES.map((severity) => String(found?.[severity] ?? 0)),
          String(found?.ignored ?? 0)
        ]
      : Array<string>(COUNTED_SEVERITIES.length + 1).fill('—')
  return tableRow([...identity, artifactStatus(outcome, policy), ...countCells])
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
