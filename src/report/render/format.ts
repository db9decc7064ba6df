/**
 * Wording and numbers shared by the compliance report's renderers (markdown summary, HTML, charts).
 * Nothing here escapes: the strings returned may hold untrusted text (standard names, metric keys),
 * and each renderer passes them through its own format's helper.
 */
import {
  postureKey,
  postureName,
  SECURITY_HUB_SEVERITIES,
  type AgeRow,
  type ComplianceReport,
  type CountRow,
  type SeverityLabel,
  type TrendEntry
} from '../../domain/report.js'

export const SEVERITY_NAMES: Record<SeverityLabel, string> = {
  CRITICAL: 'Critical',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  INFORMATIONAL: 'Informational'
}

export type AgeBucket = keyof AgeRow['buckets']

/** The age buckets, youngest first, with the labels both renderers show. */
export const AGE_BUCKETS: readonly { key: AgeBucket; label: string }[] = [
  { key: 'upTo1', label: '≤ 1 day' },
  { key: 'upTo7', label: '≤ 7 days' },
  { key: 'upTo30', label: '≤ 30 days' },
  { key: 'upTo90', label: '≤ 90 days' },
  { key: 'over90', label: '> 90 days' }
]

/** `1234567` → `1,234,567`: fixed grouping, whatever the runner's locale. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '?'
  const sign = value < 0 ? '-' : ''
  const digits = String(Math.trunc(Math.abs(value)))
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export function pluralCount(count: number, noun: string, nouns = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : nouns}`
}

/** `▲ +3`, `▼ -2` or `= 0`: the direction as a symbol *and* the signed number (never colour alone). */
export function trendArrow(change: number): string {
  if (change > 0) return `▲ +${formatCount(change)}`
  if (change < 0) return `▼ ${formatCount(change)}`
  return '= 0'
}

/** Whether a rise in this metric is good news (passed controls); for every other count it is bad. */
export function higherIsBetter(metric: string): boolean {
  return /passed/i.test(metric)
}

export function trendFor(report: ComplianceReport, metric: string): TrendEntry | undefined {
  return report.trend?.find((entry) => entry.metric === metric)
}

export function severityMetric(severity: SeverityLabel): string {
  return `totals.bySeverity.${severity}`
}

/** The trend metric of a standard's failed controls, keyed by ARN (the name as a fallback). */
export function failedControlsTrend(
  report: ComplianceReport,
  standard: { region?: string; standardsArn: string; name: string }
): TrendEntry | undefined {
  return (
    trendFor(report, `compliance.${postureKey(standard)}.controlsFailed`) ??
    trendFor(report, `compliance.${standard.name}.controlsFailed`)
  )
}

/** A reader's name for a trend metric (`totals.bySeverity.HIGH` → `High findings`). Unescaped. */
export function trendLabel(metric: string, report: ComplianceReport): string {
  const fixed: Record<string, string> = {
    'totals.findings': 'Findings',
    'totals.newInPeriod': 'New in the period',
    'totals.older': 'Older findings'
  }
  const known = fixed[metric]
  if (known !== undefined) return known
  const severity = /^totals\.bySeverity\.([A-Z]+)$/.exec(metric)?.[1]
  if (isSeverityLabel(severity)) return `${SEVERITY_NAMES[severity]} findings`
  const breaching = /^age\.([A-Z]+)\.breaching$/.exec(metric)?.[1]
  if (isSeverityLabel(breaching)) return `${SEVERITY_NAMES[breaching]} over target`
  // Standards ARNs contain dots, so the key is whatever sits between the prefix and the suffix.
  const control = /^compliance\.(.+)\.controls(Failed|Passed)$/.exec(metric)
  if (control !== null) {
    const key = control[1] ?? ''
    const standard = report.compliance.find((s) => postureKey(s) === key || s.name === key)
    const name = standard === undefined ? key : postureName(standard)
    return `${name}: ${control[2] === 'Failed' ? 'failed' : 'passed'} controls`
  }
  return metric
}

export function isSeverityLabel(value: string | undefined): value is SeverityLabel {
  return (SECURITY_HUB_SEVERITIES as readonly string[]).includes(value ?? '')
}

/** Passed controls over controls with a result, as `80%`; `—` when there is no result. */
export function passRate(passed: number, failed: number): string {
  const total = passed + failed
  if (total <= 0) return '—'
  const percent = (passed / total) * 100
  // Never round up to 100% while something fails, nor down to 0% while something passes.
  const rounded =
    failed > 0 && percent > 99 ? 99 : passed > 0 && percent < 1 ? 1 : Math.round(percent)
  return `${rounded}%`
}

/** The rows by total, then critical, then high findings, then name: the aggregator's order is not relied on. */
export function rankCountRows(rows: readonly CountRow[]): CountRow[] {
  return [...rows].sort(
    (a, b) =>
      b.total - a.total ||
      b.bySeverity.CRITICAL - a.bySeverity.CRITICAL ||
      b.bySeverity.HIGH - a.bySeverity.HIGH ||
      a.key.localeCompare(b.key)
  )
}

/** `2025-06-09` from an ISO timestamp; the text itself when it is not one. */
export function formatDay(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso
}

/** `2025-06-09 06:00 UTC` from an ISO timestamp; the text itself when it is not one. */
export function formatInstant(iso: string): string {
  const date = new Date(iso)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

export function periodWords(days: number): string {
  return days === 1 ? 'the last day' : `the last ${formatCount(days)} days`
}

/** The filters that were set, as `[label, values]`; empty when the report was unfiltered. */
export function activeFilters(filters: ComplianceReport['filters']): [string, string[]][] {
  const named: [string, string[]][] = [
    ['Products', filters.products],
    ['Severities', filters.severities],
    ['Accounts', filters.accounts],
    ['Resource types', filters.resourceTypes],
    ['Workflow statuses', filters.workflowStatuses],
    ['Regions', filters.regions ?? []]
  ]
  return named.filter(([, values]) => values.length > 0)
}

/** Open findings past their target, over all severities. */
export function totalBreaching(age: readonly AgeRow[]): number {
  return age.reduce((sum, row) => sum + row.breaching, 0)
}

export function targetWords(targetDays: number | null): string {
  if (targetDays === null) return 'none'
  return targetDays === 1 ? '1 day' : `${formatCount(targetDays)} days`
}

/**
 * What the report covers, in one line: `5 accounts (111111111111, …) in 2 Regions (eu-west-1,
 * us-east-1)`, each list cut after `max` names with how many more. Accounts are absent from
 * reports written before they were kept.
 */
export function coverageWords(
  report: Pick<ComplianceReport, 'regions' | 'accounts'>,
  max = 10
): string {
  const regions = `${pluralCount(report.regions.length, 'Region')} (${namesWithMore(report.regions, max)})`
  if (report.accounts === undefined) return regions
  return `${pluralCount(report.accounts.length, 'account')} (${namesWithMore(report.accounts, max)}) in ${regions}`
}

function namesWithMore(names: readonly string[], max: number): string {
  if (names.length <= max) return names.join(', ')
  return `${names.slice(0, max).join(', ')} and ${formatCount(names.length - max)} more`
}

/**
 * The sentence for a period without findings. With filters it says so: under a filter that
 * matched nothing (a product name's typo), a bare "no findings" would read as a clean account.
 */
export function noFindingsSentence(report: Pick<ComplianceReport, 'filters' | 'period'>): string {
  const filtered = activeFilters(report.filters).length > 0 ? ' matching the filters' : ''
  return `No findings${filtered} were updated in ${periodWords(report.period.days)}.`
}
