/**
 * The compliance report's job summary: GitHub-flavoured markdown of aggregates only. Every table is
 * capped (top 10 rows, 5 failing controls per standard, 20 standards, 30 trend rows) and every
 * untrusted cell is cut by `markdownText`, so the output stays far below GitHub's 1 MiB step-summary
 * limit whatever the number of findings; the HTML report and report.json hold the full tables.
 */
import { productFilterSentence } from '../../domain/report-products.js'
import {
  SECURITY_HUB_SEVERITIES,
  postureName,
  type ComplianceReport,
  type CountRow,
  type SeverityCounts,
  type StandardPosture,
  type TrendEntry
} from '../../domain/report.js'
import { codeSpan, markdownText } from '../../text/escape.js'
import { shortenDigests } from '../../text/short-digest.js'
import { tableHead, tableRow, type Column } from '../../text/markdown-table.js'
import {
  AGE_BUCKETS,
  SEVERITY_NAMES,
  activeFilters,
  coverageWords,
  failedControlsTrend,
  noFindingsSentence,
  formatCount,
  formatDay,
  formatInstant,
  periodWords,
  pluralCount,
  passRate,
  rankCountRows,
  severityMetric,
  targetWords,
  totalBreaching,
  trendArrow,
  trendFor,
  trendLabel
} from './format.js'

export interface ReportSummaryOptions {
  /** Where the report's files were written; the summary points at each one given. */
  files?: { csv?: string; json?: string; html?: string }
}

export const SUMMARY_TOP_ROWS = 10
export const SUMMARY_FAILING_CONTROLS = 5
export const SUMMARY_MAX_STANDARDS = 20
export const SUMMARY_MAX_TREND_ROWS = 30
/** Cut lengths for untrusted cells: enough to recognise an ARN or a control title. */
const NAME_LENGTH = 120
const RESOURCE_LENGTH = 160
const FILTER_LENGTH = 300
const GAP_LENGTH = 600
/** Ten 12-digit accounts and ten Regions, with the words around them. */
const COVERAGE_LENGTH = 400
/** A product-filter note lists up to 21 product names. */
const NOTE_LENGTH = 1_500

const SEVERITY_MARKS: Record<(typeof SECURITY_HUB_SEVERITIES)[number], string> = {
  CRITICAL: '🔴',
  HIGH: '🟠',
  MEDIUM: '🟡',
  LOW: '🔵',
  INFORMATIONAL: '⚪'
}

export function renderReportSummary(
  report: ComplianceReport,
  options: ReportSummaryOptions = {}
): string {
  const sections = [
    header(report),
    gapsSection(report),
    productFilterSection(report),
    headline(report),
    severityTable(report),
    trendSection(report),
    productsSection(report),
    resourcesSection(report),
    countSection('Resource types', 'Resource type', report.byResourceType, [
      'resource type',
      'resource types'
    ]),
    countSection('Accounts', 'Account', report.byAccount, ['account', 'accounts']),
    report.byRegion.length > 1
      ? countSection('Regions', 'Region', report.byRegion, ['Region', 'Regions'])
      : undefined,
    // The cross product only says more than the two tables when both have more than one row.
    report.byAccount.length > 1 && report.byRegion.length > 1
      ? countSection('Accounts and Regions', 'Account / Region', report.byAccountRegion, [
          'account and Region',
          'accounts and Regions'
        ])
      : undefined,
    ageSection(report),
    accountsPastTargetSection(report),
    complianceSection(report),
    accountPostureSection(report),
    filesSection(options.files)
  ]
  return sections.filter((section) => section !== undefined).join('')
}

// ---- header and headline -------------------------------------------------------------------

function header(report: ComplianceReport): string {
  const { period } = report
  const lines = [
    '## 📋 Security Hub compliance report',
    '',
    `**Period:** ${markdownText(formatDay(period.start))} → ${markdownText(formatDay(period.end))} ` +
      `(${pluralCount(period.days, 'day')}) · generated ${markdownText(formatInstant(report.generatedAt))}`,
    '',
    `**Covers:** ${markdownText(coverageWords(report), COVERAGE_LENGTH)}`
  ]
  const filters = activeFilters(report.filters)
  if (filters.length > 0) {
    const parts = filters.map(
      ([name, values]) => `${name}: ${markdownText(values.join(', '), FILTER_LENGTH)}`
    )
    lines.push('', `**Filters:** ${parts.join(' · ')}`)
  }
  return lines.join('\n') + '\n\n'
}

/** What could not be read, before any number: a gap must not read as a zero. */
function gapsSection(report: ComplianceReport): string | undefined {
  if (report.gaps.length === 0) return undefined
  const lines = report.gaps.map(
    (gap) =>
      `> - **${markdownText(gap.effect, GAP_LENGTH)}**: ${markdownText(gap.reason, GAP_LENGTH)}`
  )
  return (
    `> [!WARNING]\n> **This report is incomplete**: ${pluralCount(report.gaps.length, 'part')} could not be read; everything else was read and is shown.\n` +
    lines.join('\n') +
    '\n\n'
  )
}

/** A product filter that matched nothing, before the numbers it would make look clean. */
function productFilterSection(report: ComplianceReport): string | undefined {
  if (report.productFilter === undefined) return undefined
  return `> [!NOTE]\n> ${markdownText(productFilterSentence(report.productFilter), NOTE_LENGTH)}\n\n`
}

function headline(report: ComplianceReport): string {
  const { totals, period } = report
  if (totals.findings === 0 && report.gaps.some((gap) => gap.section === 'findings')) {
    return '**No findings could be read** (see above).\n\n'
  }
  if (totals.findings === 0) {
    const change = changeNote(trendFor(report, 'totals.findings'))
    return `**${noFindingsSentence(report)}**${change}\n\n`
  }
  const parts = [
    `**${pluralCount(totals.findings, 'finding')}** updated in ${periodWords(period.days)}${changeNote(trendFor(report, 'totals.findings'))}`,
    `${formatCount(totals.newInPeriod)} new in the period`,
    `${formatCount(totals.older)} older`
  ]
  return `${parts.join(' · ')}\n\n`
}

function changeNote(entry: TrendEntry | undefined): string {
  return entry === undefined ? '' : ` (${trendArrow(entry.change)} since the last report)`
}

function severityTable(report: ComplianceReport): string | undefined {
  if (report.totals.findings === 0) return undefined
  const withTrend = report.trend !== null
  const columns: Column[] = [
    { title: 'Severity' },
    { title: 'Findings', align: 'right' },
    ...(withTrend ? [{ title: 'Change', align: 'right' as const }] : [])
  ]
  const rows = SECURITY_HUB_SEVERITIES.map((label) => {
    const cells = [
      `${SEVERITY_MARKS[label]} ${SEVERITY_NAMES[label]}`,
      formatCount(report.totals.bySeverity[label])
    ]
    if (withTrend) cells.push(changeCell(trendFor(report, severityMetric(label))))
    return tableRow(cells)
  })
  return tableHead(columns) + rows.join('') + '\n'
}

function changeCell(entry: TrendEntry | undefined): string {
  return entry === undefined ? '—' : trendArrow(entry.change)
}

// ---- trend ---------------------------------------------------------------------------------

function trendSection(report: ComplianceReport): string | undefined {
  if (report.trend === null || report.trend.length === 0) return undefined
  const entries = report.trend.slice(0, SUMMARY_MAX_TREND_ROWS)
  const columns: Column[] = [
    { title: 'Metric' },
    { title: 'Previous', align: 'right' },
    { title: 'Current', align: 'right' },
    { title: 'Change', align: 'right' }
  ]
  const rows = entries.map((entry) =>
    tableRow([
      markdownText(trendLabel(entry.metric, report), NAME_LENGTH),
      formatCount(entry.previous),
      formatCount(entry.current),
      trendArrow(entry.change)
    ])
  )
  return (
    '### Change since the last report\n\n' +
    tableHead(columns) +
    rows.join('') +
    moreNote(report.trend.length - entries.length, 'metric', 'metrics') +
    '\n'
  )
}

// ---- where the findings are ----------------------------------------------------------------

const SEVERITY_COLUMNS: Column[] = SECURITY_HUB_SEVERITIES.map((label) => ({
  title: label === 'INFORMATIONAL' ? 'Info' : SEVERITY_NAMES[label],
  align: 'right'
}))

function productsSection(report: ComplianceReport): string | undefined {
  return countSection('Top products', 'Product', report.byProduct, ['product', 'products'])
}

function countSection(
  heading: string,
  keyTitle: string,
  all: readonly CountRow[],
  [noun, nouns]: [string, string]
): string | undefined {
  if (all.length === 0) return undefined
  const rows = rankCountRows(all).slice(0, SUMMARY_TOP_ROWS)
  const columns: Column[] = [
    { title: keyTitle },
    { title: 'Total', align: 'right' },
    ...SEVERITY_COLUMNS
  ]
  const lines = rows.map((row) =>
    tableRow([
      markdownText(row.key, NAME_LENGTH),
      formatCount(row.total),
      ...SECURITY_HUB_SEVERITIES.map((label) => formatCount(row.bySeverity[label]))
    ])
  )
  const more = all.length - rows.length
  return (
    `### ${heading}\n\n` + tableHead(columns) + lines.join('') + moreNote(more, noun, nouns) + '\n'
  )
}

function resourcesSection(report: ComplianceReport): string | undefined {
  if (report.topResources.length === 0) return undefined
  // The type after the id, and image digests cut: an ECR image's ARN alone is ~130 characters.
  const columns: Column[] = [
    { title: 'Resource' },
    { title: 'Critical', align: 'right' },
    { title: 'High', align: 'right' },
    { title: 'Total', align: 'right' }
  ]
  const rows = report.topResources
    .slice(0, SUMMARY_TOP_ROWS)
    .map((row) =>
      tableRow([
        `${markdownText(shortenDigests(row.resourceId), RESOURCE_LENGTH)} · ${markdownText(row.resourceType, NAME_LENGTH)}`,
        formatCount(row.critical),
        formatCount(row.high),
        formatCount(row.total)
      ])
    )
  return '### Top resources\n\n' + tableHead(columns) + rows.join('') + '\n'
}

// ---- age -----------------------------------------------------------------------------------

function ageSection(report: ComplianceReport): string | undefined {
  const rows = report.age.filter((row) => row.open > 0 || row.breaching > 0)
  if (rows.length === 0) return undefined
  const breaching = totalBreaching(report.age)
  const intro =
    breaching === 0
      ? '✅ No open finding is past its remediation target.'
      : `⚠️ **${pluralCount(breaching, 'open finding is', 'open findings are')} past the remediation target** ` +
        `(${report.age
          .filter((row) => row.breaching > 0)
          .map(
            (row) => `${formatCount(row.breaching)} ${SEVERITY_NAMES[row.severity].toLowerCase()}`
          )
          .join(', ')}).`
  const columns: Column[] = [
    { title: 'Severity' },
    { title: 'Open', align: 'right' },
    { title: 'Target' },
    { title: 'Over target', align: 'right' },
    { title: 'Oldest', align: 'right' },
    ...AGE_BUCKETS.map((bucket) => ({ title: bucket.label, align: 'right' as const }))
  ]
  const lines = rows.map((row) =>
    tableRow([
      `${SEVERITY_MARKS[row.severity]} ${SEVERITY_NAMES[row.severity]}`,
      formatCount(row.open),
      targetWords(row.targetDays),
      row.breaching > 0 ? `**${formatCount(row.breaching)}**` : '0',
      row.oldestDays === null ? '—' : pluralCount(row.oldestDays, 'day'),
      ...AGE_BUCKETS.map((bucket) => formatCount(row.buckets[bucket.key]))
    ])
  )
  return (
    '### Age vs remediation targets\n\n' +
    intro +
    '\n\n' +
    tableHead(columns) +
    lines.join('') +
    '\n'
  )
}

/** Where the breaches are: in an organization, the accounts to chase first. */
function accountsPastTargetSection(report: ComplianceReport): string | undefined {
  if (report.accountsPastTarget.length === 0) return undefined
  const columns: Column[] = [
    { title: 'Account' },
    { title: 'Over target', align: 'right' },
    { title: 'By severity' },
    { title: 'Open', align: 'right' }
  ]
  const rows = report.accountsPastTarget
    .slice(0, SUMMARY_TOP_ROWS)
    .map((row) =>
      tableRow([
        markdownText(row.accountId, NAME_LENGTH),
        `**${formatCount(row.breaching)}**`,
        severityMarks(row.bySeverity),
        formatCount(row.open)
      ])
    )
  return (
    '### Accounts with the most findings past their remediation target\n\n' +
    tableHead(columns) +
    rows.join('') +
    '\n'
  )
}

/** `🔴 3 🟠 12`: the non-zero severities, highest first, in one compact cell. */
function severityMarks(counts: SeverityCounts): string {
  const parts = SECURITY_HUB_SEVERITIES.filter((label) => counts[label] > 0).map(
    (label) => `${SEVERITY_MARKS[label]} ${formatCount(counts[label])}`
  )
  return parts.length === 0 ? '—' : parts.join(' ')
}

// ---- compliance ----------------------------------------------------------------------------

function complianceSection(report: ComplianceReport): string | undefined {
  const postureGap = report.gaps.find((gap) => gap.section === 'posture')
  if (postureGap !== undefined && report.compliance.length === 0) {
    return `### Compliance posture\n\n⚠️ **${markdownText(postureGap.effect, GAP_LENGTH)}** (see above).\n\n`
  }
  if (report.compliance.length === 0) return undefined
  const standards = report.compliance.slice(0, SUMMARY_MAX_STANDARDS)
  const withTrend = report.trend !== null
  const columns: Column[] = [
    { title: 'Standard' },
    { title: 'Passed', align: 'right' },
    { title: 'Failed', align: 'right' },
    { title: 'Pass rate', align: 'right' },
    ...(withTrend ? [{ title: 'Failed change', align: 'right' as const }] : [])
  ]
  const rows = standards.map((standard) => {
    const cells = [
      markdownText(postureName(standard), NAME_LENGTH),
      formatCount(standard.controlsPassed),
      formatCount(standard.controlsFailed),
      passRate(standard.controlsPassed, standard.controlsFailed)
    ]
    if (withTrend) cells.push(changeCell(failedControlsTrend(report, standard)))
    return tableRow(cells)
  })
  const failing = standards.map(failingControlsTable).filter((text) => text !== undefined)
  return (
    '### Compliance posture\n\n' +
    tableHead(columns) +
    rows.join('') +
    moreNote(report.compliance.length - standards.length, 'standard', 'standards') +
    '\n' +
    failing.join('')
  )
}

/**
 * Each account's posture per standard, worst first (most failed controls); shown only when the
 * report covers more than one account, since one account's posture is the table above.
 */
function accountPostureSection(report: ComplianceReport): string | undefined {
  const accounts = new Set(report.accountPosture.map((row) => row.accountId))
  if (accounts.size < 2) return undefined
  const ranked = [...report.accountPosture].sort(
    (a, b) =>
      b.controlsFailed - a.controlsFailed ||
      a.accountId.localeCompare(b.accountId) ||
      a.standardsId.localeCompare(b.standardsId)
  )
  const rows = ranked.slice(0, SUMMARY_TOP_ROWS)
  const columns: Column[] = [
    { title: 'Account' },
    { title: 'Standard' },
    { title: 'Passed', align: 'right' },
    { title: 'Failed', align: 'right' },
    { title: 'Pass rate', align: 'right' }
  ]
  const lines = rows.map((row) =>
    tableRow([
      markdownText(row.accountId, NAME_LENGTH),
      markdownText(row.name, NAME_LENGTH),
      formatCount(row.controlsPassed),
      formatCount(row.controlsFailed),
      passRate(row.controlsPassed, row.controlsFailed)
    ])
  )
  return (
    '### Posture per account\n\n' +
    tableHead(columns) +
    lines.join('') +
    moreNote(ranked.length - rows.length, 'account and standard', 'accounts and standards') +
    '\n'
  )
}

function failingControlsTable(standard: StandardPosture): string | undefined {
  if (standard.failingControls.length === 0) return undefined
  const controls = standard.failingControls.slice(0, SUMMARY_FAILING_CONTROLS)
  const columns: Column[] = [
    { title: 'Control' },
    { title: 'Title' },
    { title: 'Severity' },
    { title: 'Failed resources', align: 'right' }
  ]
  const rows = controls.map((control) =>
    tableRow([
      markdownText(control.controlId, NAME_LENGTH),
      markdownText(control.title, NAME_LENGTH),
      `${SEVERITY_MARKS[control.severity]} ${SEVERITY_NAMES[control.severity]}`,
      formatCount(control.failedResources)
    ])
  )
  return (
    `#### Top failing controls: ${markdownText(postureName(standard), NAME_LENGTH)}\n\n` +
    tableHead(columns) +
    rows.join('') +
    moreNote(
      standard.failingControls.length - controls.length,
      'failing control',
      'failing controls'
    ) +
    '\n'
  )
}

// ---- files ---------------------------------------------------------------------------------

function filesSection(files: ReportSummaryOptions['files']): string | undefined {
  if (files === undefined) return undefined
  const lines: string[] = []
  if (files.html !== undefined)
    lines.push(`- Report with charts and full tables (HTML): ${codeSpan(files.html, 500)}`)
  if (files.csv !== undefined) lines.push(`- Every finding (CSV): ${codeSpan(files.csv, 500)}`)
  if (files.json !== undefined) lines.push(`- Aggregates (JSON): ${codeSpan(files.json, 500)}`)
  if (lines.length === 0) return undefined
  return '### Files\n\n' + lines.join('\n') + '\n'
}

function moreNote(more: number, noun: string, nouns: string): string {
  if (more <= 0) return ''
  return `\n_${formatCount(more)} more ${more === 1 ? noun : nouns} in the HTML report and report.json._\n`
}
