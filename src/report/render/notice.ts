import {
  SECURITY_HUB_SEVERITIES,
  gapLine,
  postureName,
  type ComplianceReport
} from '../../domain/report.js'
import { coverageWords } from './format.js'

/**
 * The short plain-text summary a report publishes to SNS (subjects are limited to 100 ASCII
 * characters; e-mail subscribers read the body as it is).
 */
export function renderReportNotice(
  report: ComplianceReport,
  location?: string
): { subject: string; message: string } {
  const t = report.totals
  const subject =
    `${report.gaps.length > 0 ? 'INCOMPLETE ' : ''}Security Hub report, ${report.period.days} days: ${t.findings} findings (${t.bySeverity.CRITICAL} critical, ${t.bySeverity.HIGH} high)`.slice(
      0,
      100
    )
  const change = (metric: string): string => {
    const entry = report.trend?.find((e) => e.metric === metric)
    if (entry === undefined) return ''
    return entry.change === 0
      ? ' (no change)'
      : ` (${entry.change > 0 ? '+' : ''}${entry.change} since the last report)`
  }
  const lines = [
    `Security Hub compliance report for ${report.period.start} to ${report.period.end}`,
    `Covers: ${coverageWords(report)}`,
    '',
    ...report.gaps.map((gap) => `INCOMPLETE: ${gapLine(gap)}`),
    ...(report.gaps.length > 0 ? [''] : []),
    `Findings: ${t.findings}${change('totals.findings')}, ${t.newInPeriod} new in the period`,
    ...SECURITY_HUB_SEVERITIES.map(
      (s) => `  ${s}: ${t.bySeverity[s]}${change(`totals.bySeverity.${s}`)}`
    ),
    '',
    `Past remediation target: ${report.age.reduce((n, a) => n + a.breaching, 0)} open findings`,
    ...report.compliance.map(
      (c) => `${postureName(c)}: ${c.controlsPassed} controls passed, ${c.controlsFailed} failed`
    )
  ]
  if (location) lines.push('', `Full report: ${location}`)
  return { subject: subject.replace(/[^\x20-\x7e]/g, '?'), message: `${lines.join('\n')}\n` }
}
