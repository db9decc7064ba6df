/** The blocking, non-blocking and ignored findings tables, as trimmable blocks for the size budget. */
import {
  artifactVariant,
  type Availability,
  type CodeLocation,
  type Finding,
  type ScannedArtifact,
  type VulnerablePackage
} from '../../domain/finding.js'
import type { Policy } from '../../domain/policy.js'
import type { RankedSeverity } from '../../domain/severity.js'
import type { AssessedFinding, IgnoredFinding } from '../../domain/verdict.js'
import { markdownText, safeLink } from '../../text/escape.js'
import { effectiveSeverityOf } from './finding-order.js'
import {
  plural,
  ruleLocation,
  scoreLabel,
  SEVERITY_LABELS,
  titleBesideId,
  withoutRegistryHost
} from './labels.js'
import { tableHead, tableRow, type Column } from '../../text/markdown-table.js'
import type { TrimmableTable } from '../../text/size-budget.js'

/** Titles are context, not the point of the row: kept short so thousands of rows stay readable. */
const TITLE_MAX_LENGTH = 120
/** A finding can name dozens of packages (a vendored library); the findings file has them all. */
const MAX_PACKAGES_PER_ROW = 3

/**
 * Six columns (score, EPSS and exploit share one cell) so the table fits GitHub's ~1,000 px
 * content width; the Target cell leaves out the ECR registry host the Targets table names.
 */
const FINDING_COLUMNS: Column[] = [
  { title: 'Severity' },
  { title: 'Vulnerability' },
  { title: 'Package or file' },
  { title: 'Installed → fixed / CWE' },
  { title: 'Risk' },
  { title: 'Target' }
]

export function blockingSection(
  blocking: AssessedFinding[],
  omissionNote: (omitted: number) => string
): TrimmableTable {
  return {
    intro: `### Blocking findings (${blocking.length})\n\n`,
    head: tableHead([...FINDING_COLUMNS, { title: 'Why blocking' }]),
    rows: blocking.map((entry) =>
      tableRow([
        ...findingCells(entry.finding, entry.effectiveSeverity),
        markdownText(blockReasonsText(entry))
      ])
    ),
    outro: '\n',
    omissionNote
  }
}

/** `severity HIGH ≥ fail-on high; exploit known`: every rule that blocked the finding. */
export function blockReasonsText(entry: AssessedFinding): string {
  return (entry.blockedBy ?? []).map((reason) => reason.text).join('; ')
}

export function nonBlockingSection(
  nonBlocking: AssessedFinding[],
  omissionNote: (omitted: number) => string
): TrimmableTable {
  const rows = nonBlocking.map((entry) =>
    tableRow([
      ...findingCells(entry.finding, entry.effectiveSeverity),
      entry.note === undefined ? '' : markdownText(entry.note)
    ])
  )
  return {
    intro: `<details>\n<summary>${plural(nonBlocking.length, 'non-blocking finding')}</summary>\n\n`,
    head: tableHead([...FINDING_COLUMNS, { title: 'Why not blocking' }]),
    rows,
    outro: '\n</details>\n\n',
    omissionNote
  }
}

const IGNORED_COLUMNS: Column[] = [
  { title: 'Severity' },
  { title: 'Vulnerability' },
  { title: 'Package or file' },
  { title: 'Target' },
  { title: 'Ignored because' }
]

export function ignoredSection(
  ignored: IgnoredFinding[],
  policy: Policy,
  omissionNote: (omitted: number) => string
): TrimmableTable {
  const rows = ignored.map(({ finding, rule }) =>
    tableRow([
      severityCell(finding, effectiveSeverityOf(finding, policy)),
      vulnerabilityCell(finding),
      whereCell(finding),
      imageCell(finding.artifact),
      ignoredBecauseCell(rule)
    ])
  )
  return {
    intro: `### Ignored findings (${ignored.length})\n\n`,
    head: tableHead(IGNORED_COLUMNS),
    rows,
    outro: '\n',
    omissionNote
  }
}

function findingCells(finding: Finding, effectiveSeverity: RankedSeverity): string[] {
  return [
    severityCell(finding, effectiveSeverity),
    vulnerabilityCell(finding),
    whereCell(finding),
    finding.code === undefined ? versionsCell(finding) : weaknessCell(finding.code),
    riskCell(finding),
    imageCell(finding.artifact)
  ]
}

/** Untriaged findings count at the policy's `untriaged-as`; the cell says so, or it looks scored. */
function severityCell(finding: Finding, effectiveSeverity: RankedSeverity): string {
  const label = SEVERITY_LABELS[effectiveSeverity]
  return finding.severity === 'untriaged' ? `${label} (untriaged)` : label
}

function vulnerabilityCell(finding: Finding): string {
  const link = safeLink(finding.vulnerabilityId, finding.url)
  const title = markdownText(titleBesideId(finding), TITLE_MAX_LENGTH)
  return title === '' ? link : `${link}<br>${title}`
}

/** A package finding names its packages; a code finding names its file and lines. */
function whereCell(finding: Finding): string {
  const code = finding.code
  if (code === undefined) return packageNamesCell(finding.packages)
  const lines =
    code.startLine === undefined
      ? ''
      : code.endLine !== undefined && code.endLine !== code.startLine
        ? `:${code.startLine}-${code.endLine}`
        : `:${code.startLine}`
  return markdownText(`${code.filePath}${lines}`)
}

/** For code findings the "fix" column names the weakness (CWE) and the detector that found it. */
function weaknessCell(code: CodeLocation): string {
  const parts = [code.cwes.join(', '), code.detectorName ?? ''].filter((part) => part !== '')
  return parts.length === 0 ? '—' : markdownText(parts.join(' · '))
}

function packageNamesCell(packages: VulnerablePackage[]): string {
  return listCell(packages, (pkg) => {
    const name = markdownText(pkg.name)
    return pkg.filePath === undefined ? name : `${name} (${markdownText(pkg.filePath)})`
  })
}

function versionsCell(finding: Finding): string {
  return listCell(finding.packages, (pkg) => {
    const installed = pkg.installedVersion === undefined ? '?' : markdownText(pkg.installedVersion)
    const fixed =
      pkg.fixedInVersion !== undefined
        ? markdownText(pkg.fixedInVersion)
        : finding.fixAvailable === 'no'
          ? 'no fix'
          : finding.fixAvailable === 'unknown'
            ? 'fix unknown'
            : 'fix available'
    return `${installed} → ${fixed}`
  })
}

/** Up to MAX_PACKAGES_PER_ROW items, one per line, then "+N more". */
function listCell<T>(items: T[], render: (item: T) => string): string {
  if (items.length === 0) return '—'
  const shown = items.slice(0, MAX_PACKAGES_PER_ROW).map(render)
  const hidden = items.length - shown.length
  return hidden > 0 ? [...shown, `+${hidden} more`].join('<br>') : shown.join('<br>')
}

/** `score 10.0<br>EPSS 85.12%<br>exploit yes`, only what is known; `—` when nothing is. */
function riskCell(finding: Finding): string {
  const score = scoreLabel(finding)
  const parts = [
    score === '—' ? undefined : `score ${score}`,
    finding.epss === undefined ? undefined : `EPSS ${(finding.epss * 100).toFixed(2)}%`,
    exploitLabel(finding.exploitAvailable)
  ].filter((part) => part !== undefined)
  return parts.length === 0 ? '—' : parts.join('<br>')
}

function exploitLabel(exploit: Availability): string | undefined {
  return exploit === 'unknown' ? undefined : `exploit ${exploit}`
}

/** The entry's reason, then when it expires and where it is (`file:line`). */
function ignoredBecauseCell(rule: IgnoredFinding['rule']): string {
  const expires =
    rule.expires === undefined ? 'never expires' : `expires ${markdownText(rule.expires)}`
  return `${markdownText(rule.reason, 300)}<br>${expires} · ${markdownText(ruleLocation(rule))}`
}

function imageCell(artifact: ScannedArtifact): string {
  const reference = markdownText(withoutRegistryHost(artifact.reference))
  const variant = artifactVariant(artifact)
  return variant === undefined ? reference : `${reference} (${markdownText(variant)})`
}
