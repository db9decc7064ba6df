import { artifactLabel } from '../../domain/finding.js'
import type { ArtifactOutcome } from '../../domain/outcome.js'
import type { AssessedFinding, Verdict } from '../../domain/verdict.js'
import { logLine, truncate } from '../../text/escape.js'
import { compareAssessed } from './finding-order.js'
import { COUNTED_SEVERITIES } from './labels.js'

const MAX_BLOCKING_LINES = 20

/**
 * The verdict for a terminal (the CLI's `--format text`): one line per target, the counts, the
 * blocking findings. Every line goes through `logLine`, which strips control characters, so a
 * hostile title cannot move the cursor or recolour the terminal, and defuses workflow commands, so
 * it cannot drive a CI runner reading the output (`##[set-output …]` counts anywhere in a line).
 */
export function renderVerdictText(verdict: Verdict): string {
  const blocking = [...verdict.assessed].filter((entry) => entry.blocking).sort(compareAssessed)
  const counts = COUNTED_SEVERITIES.map((severity) => `${verdict.counts[severity]} ${severity}`)
  const lines = [
    `inspector-gate: ${verdict.result}`,
    ...verdict.outcomes.map((outcome) => `  ${outcomeLine(outcome)}`),
    `findings: ${counts.join(', ')}; ${blocking.length} blocking, ${verdict.ignored.length} ignored`
  ]
  for (const entry of blocking.slice(0, MAX_BLOCKING_LINES)) {
    const { finding } = entry
    const pkg = finding.packages[0]
    const where = pkg === undefined ? '' : ` in ${pkg.name} ${pkg.installedVersion ?? ''}`.trimEnd()
    const fix = pkg?.fixedInVersion === undefined ? '' : ` (fixed in ${pkg.fixedInVersion})`
    const target = artifactLabel(finding.artifact.reference, finding.artifact)
    lines.push(
      `  ${entry.effectiveSeverity.toUpperCase()} ${finding.vulnerabilityId}${where}${fix} — ${target}${why(entry)}`
    )
  }
  if (blocking.length > MAX_BLOCKING_LINES) {
    lines.push(`  … and ${blocking.length - MAX_BLOCKING_LINES} more blocking findings`)
  }
  // Loops, not push(...): 300,000 unused ignore entries are 300,000 warnings.
  // A verdict of error was a tool error (AWS, permission, timeout), not the policy: its lines say so.
  const label = verdict.result === 'error' ? 'error' : 'fail'
  for (const failure of verdict.failures) lines.push(`${label}: ${failure}`)
  for (const warning of verdict.warnings) lines.push(`warning: ${warning}`)
  return `${lines.map((line) => truncate(logLine(line), 500)).join('\n')}\n`
}

/** ` (exploit known; EPSS 42 % ≥ 10 %)`: which rules blocked it, when evaluate said. */
function why(entry: AssessedFinding): string {
  const reasons = (entry.blockedBy ?? []).map((reason) => reason.text)
  return reasons.length === 0 ? '' : ` (${reasons.join('; ')})`
}

function outcomeLine(outcome: ArtifactOutcome): string {
  if (outcome.status === 'scanned') {
    const label = artifactLabel(outcome.artifact.reference, outcome.artifact)
    return `scanned ${label}: ${outcome.findings.length} findings`
  }
  if (outcome.status === 'unscannable') {
    const label = artifactLabel(outcome.artifact.reference, outcome.artifact)
    return `unscannable ${label}: ${outcome.reason}`
  }
  return `error ${artifactLabel(outcome.reference, outcome.artifact)}: ${outcome.message}`
}
