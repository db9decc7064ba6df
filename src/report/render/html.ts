/**
 * The compliance report as ONE self-contained HTML5 document: inline CSS and inline SVG charts, no
 * scripts, fonts, images or requests of any kind (a Content-Security-Policy meta forbids them, so
 * a browser opening the downloaded artifact proves it), readable on screen and on paper.
 *
 * It embeds aggregates only, never a list of findings, so its size does not grow with the number of
 * findings; the aggregate tables are shown in full up to `MAX_TABLE_ROWS` rows each. Untrusted text
 * goes through `htmlText`/`htmlAttr` (html-escape.ts) and nowhere else.
 */
import { productFilterSentence } from '../../domain/report-products.js'
import {
  SECURITY_HUB_SEVERITIES,
  postureName,
  type ComplianceReport,
  type CountRow,
  type ReportGap,
  type SeverityLabel,
  type StandardPosture,
  type TrendEntry
} from '../../domain/report.js'
import { htmlText } from '../../text/html-escape.js'
import {
  SEVERITY_COLOURS,
  ageChart,
  complianceChart,
  countRowsChart,
  severityChart
} from './charts.js'
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
  higherIsBetter,
  passRate,
  periodWords,
  pluralCount,
  rankCountRows,
  severityMetric,
  targetWords,
  totalBreaching,
  trendArrow,
  trendFor,
  trendLabel
} from './format.js'

/** Aggregate tables longer than this (thousands of accounts × Regions) are cut, with a note. */
export const MAX_TABLE_ROWS = 1000
/** The header names every account and Region up to this many (an organization of 1,000 fits). */
const MAX_COVERAGE_NAMES = 1000

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

export function renderReportHtml(report: ComplianceReport): string {
  const period = `${formatDay(report.period.start)} → ${formatDay(report.period.end)}`
  const sections = [
    overviewSection(report),
    trendSection(report),
    countSection(report.byProduct, {
      id: 'products',
      heading: 'Products',
      keyTitle: 'Product',
      noun: 'products',
      chartTitle: 'Findings by product (top 10)'
    }),
    countSection(report.byResourceType, {
      id: 'resource-types',
      heading: 'Resource types',
      keyTitle: 'Resource type',
      noun: 'resource types',
      chartTitle: 'Findings by resource type (top 10)'
    }),
    countSection(report.byAccount, {
      id: 'accounts',
      heading: 'Accounts',
      keyTitle: 'Account',
      noun: 'accounts',
      chartTitle: 'Findings by account (top 10)'
    }),
    report.byRegion.length > 1
      ? countSection(report.byRegion, {
          id: 'regions',
          heading: 'Regions',
          keyTitle: 'Region',
          noun: 'Regions',
          chartTitle: 'Findings by Region (top 10)'
        })
      : undefined,
    countSection(report.byAccountRegion, {
      id: 'accounts-regions',
      heading: 'Accounts and Regions',
      keyTitle: 'Account / Region',
      noun: 'accounts and Regions',
      chartTitle: 'Findings by account and Region (top 10)'
    }),
    resourcesSection(report),
    ageSection(report),
    accountsPastTargetSection(report),
    complianceSection(report),
    accountPostureSection(report)
  ].filter((section): section is Section => section !== undefined)

  return (
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
      '<meta name="referrer" content="no-referrer">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="color-scheme" content="light">',
      `<title>Security Hub compliance report · ${htmlText(period)}</title>`,
      `<style>${STYLE}</style>`,
      '</head>',
      '<body>',
      '<header>',
      '<h1>Security Hub compliance report</h1>',
      `<p class="meta">${htmlText(period)} (${pluralCount(report.period.days, 'day')}) · generated ${htmlText(formatInstant(report.generatedAt))}</p>`,
      `<p class="meta">Covers: <strong>${htmlText(coverageWords(report, MAX_COVERAGE_NAMES), 20_000)}</strong></p>`,
      filtersLine(report),
      productFilterNotice(report),
      gapsNotice(report),
      navigation(sections),
      '</header>',
      '<main>',
      ...sections.map(
        (s) =>
          `<section id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${s.heading}</h2>\n${s.body}</section>`
      ),
      '</main>',
      '<footer>',
      `<p>Aggregates only: every finding is in the report's CSV file. Report schema version ${report.schemaVersion}. Written by inspector-gate.</p>`,
      '</footer>',
      '</body>',
      '</html>'
    ].join('\n') + '\n'
  )
}

/** Links to the sections, when there is more than one to jump between. */
function navigation(sections: readonly Section[]): string {
  if (sections.length < 2) return ''
  const links = sections.map((s) => `<li><a href="#${s.id}">${s.heading}</a></li>`)
  return `<nav aria-label="Sections"><ul>${links.join('')}</ul></nav>`
}

interface Section {
  /** A fixed id (never from input). */
  id: string
  /** Trusted markup. */
  heading: string
  body: string
}

// ---- header --------------------------------------------------------------------------------

function filtersLine(report: ComplianceReport): string {
  const filters = activeFilters(report.filters)
  if (filters.length === 0) return '<p class="meta">Filters: none (all active findings).</p>'
  const parts = filters.map(
    ([name, values]) => `${name}: <strong>${htmlText(values.join(', '), 500)}</strong>`
  )
  return `<p class="meta">Filters: ${parts.join(' · ')}</p>`
}

/** A product filter that matched nothing, said before the numbers it would make look clean. */
function productFilterNotice(report: ComplianceReport): string {
  if (report.productFilter === undefined) return ''
  return `<p class="gap">${htmlText(productFilterSentence(report.productFilter), 2000)}</p>`
}

/** What could not be read, above everything else: a reader must not take a gap for a zero. */
function gapsNotice(report: ComplianceReport): string {
  if (report.gaps.length === 0) return ''
  const items = report.gaps.map(
    (gap) =>
      `<li><strong>${htmlText(capitalised(gap.effect))}</strong>: ${htmlText(gap.reason, 2_000)}</li>`
  )
  return `<div class="gaps" role="alert" id="gaps"><p><strong>This report is incomplete</strong>: ${pluralCount(report.gaps.length, 'part')} could not be read. Everything else was read and is shown.</p><ul>${items.join('')}</ul></div>`
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function gapOf(report: ComplianceReport, section: ReportGap['section']): ReportGap | undefined {
  return report.gaps.find((gap) => gap.section === section)
}

// ---- overview ------------------------------------------------------------------------------

function overviewSection(report: ComplianceReport): Section {
  const { totals } = report
  const breaching = totalBreaching(report.age)
  const cards = [
    card('Findings', totals.findings, trendFor(report, 'totals.findings'), 'total'),
    card('New in the period', totals.newInPeriod, trendFor(report, 'totals.newInPeriod')),
    card('Older', totals.older, trendFor(report, 'totals.older')),
    ...SECURITY_HUB_SEVERITIES.map((label) =>
      card(
        SEVERITY_NAMES[label],
        totals.bySeverity[label],
        trendFor(report, severityMetric(label)),
        `sev-${label}`
      )
    ),
    card('Past remediation target', breaching, undefined, breaching > 0 ? 'breach' : undefined)
  ]
  const findingsGap = gapOf(report, 'findings')
  const intro =
    findingsGap !== undefined
      ? `<p class="gap">${htmlText(capitalised(findingsGap.effect))}: the numbers below are not the whole period.</p>`
      : totals.findings === 0
        ? `<p class="empty">${htmlText(noFindingsSentence(report))}</p>`
        : `<p><strong>${pluralCount(totals.findings, 'finding')}</strong> updated in ${periodWords(report.period.days)}: ${formatCount(totals.newInPeriod)} created in the period, ${formatCount(totals.older)} older.</p>`
  const chart = totals.findings === 0 ? '' : figure(severityChart(totals.bySeverity))
  return {
    id: 'overview',
    heading: 'Overview',
    body: `${intro}\n<div class="cards">${cards.join('')}</div>\n${chart}`
  }
}

function card(label: string, value: number, entry: TrendEntry | undefined, kind?: string): string {
  const change =
    entry === undefined ? '' : `<div class="change">${changeSpan(entry)} since last</div>`
  const className = kind === undefined ? 'card' : `card ${kind}`
  return `<div class="${className}"><div class="label">${htmlText(label)}</div><div class="value">${formatCount(value)}</div>${change}</div>`
}

function changeSpan(entry: TrendEntry): string {
  const tone =
    entry.change === 0
      ? 'same'
      : entry.change > 0 === higherIsBetter(entry.metric)
        ? 'better'
        : 'worse'
  return `<span class="${tone}">${htmlText(trendArrow(entry.change))}</span>`
}

// ---- trend ---------------------------------------------------------------------------------

function trendSection(report: ComplianceReport): Section | undefined {
  if (report.trend === null) return undefined
  const body =
    report.trend.length === 0
      ? '<p class="empty">The previous report had no comparable numbers.</p>'
      : table(
          [
            { title: 'Metric' },
            { title: 'Previous', numeric: true },
            { title: 'Current', numeric: true },
            { title: 'Change', numeric: true }
          ],
          report.trend.map((entry) => [
            htmlText(trendLabel(entry.metric, report)),
            formatCount(entry.previous),
            formatCount(entry.current),
            changeSpan(entry)
          ]),
          'metrics'
        )
  return {
    id: 'trend',
    heading: 'Change since the last report',
    body: `<p class="note">▲ a rise, ▼ a fall; red where it is bad news, green where it is good.</p>\n${body}`
  }
}

// ---- where the findings are ----------------------------------------------------------------

function countSection(
  rows: readonly CountRow[],
  options: { id: string; heading: string; keyTitle: string; noun: string; chartTitle: string }
): Section | undefined {
  if (rows.length === 0) return undefined
  const ranked = rankCountRows(rows)
  const chart = countRowsChart({
    id: `chart-${options.id}`,
    title: options.chartTitle,
    noun: options.noun,
    rows: ranked
  })
  const columns = [
    { title: options.keyTitle },
    { title: 'Total', numeric: true },
    ...SECURITY_HUB_SEVERITIES.map((label) => ({ title: SEVERITY_NAMES[label], numeric: true }))
  ]
  const cells = ranked.map((row) => [
    htmlText(row.key),
    formatCount(row.total),
    ...SECURITY_HUB_SEVERITIES.map((label) => formatCount(row.bySeverity[label]))
  ])
  return {
    id: options.id,
    heading: options.heading,
    body: `${figure(chart)}\n${table(columns, cells, options.noun)}`
  }
}

function resourcesSection(report: ComplianceReport): Section | undefined {
  if (report.topResources.length === 0) return undefined
  const columns = [
    { title: 'Resource', className: 'id' },
    { title: 'Type' },
    { title: 'Critical', numeric: true },
    { title: 'High', numeric: true },
    { title: 'Total', numeric: true }
  ]
  const cells = report.topResources.map((row) => [
    htmlText(row.resourceId, 500),
    htmlText(row.resourceType),
    formatCount(row.critical),
    formatCount(row.high),
    formatCount(row.total)
  ])
  return {
    id: 'resources',
    heading: 'Top resources',
    body: `<p class="note">The resources with the most critical, then high findings.</p>\n${table(columns, cells, 'resources')}`
  }
}

// ---- age -----------------------------------------------------------------------------------

function ageSection(report: ComplianceReport): Section | undefined {
  const anyOpen = report.age.some((row) => row.open > 0)
  if (!anyOpen && totalBreaching(report.age) === 0) return undefined
  const breaching = totalBreaching(report.age)
  const intro =
    breaching === 0
      ? '<p>No open finding is past its remediation target.</p>'
      : `<p class="breach">${pluralCount(breaching, 'open finding is', 'open findings are')} past the remediation target.</p>`
  const columns = [
    { title: 'Severity' },
    { title: 'Open', numeric: true },
    { title: 'Target' },
    { title: 'Over target', numeric: true },
    { title: 'Oldest', numeric: true },
    ...AGE_BUCKETS.map((bucket) => ({ title: bucket.label, numeric: true }))
  ]
  const cells = report.age.map((row) => [
    severityBadge(row.severity),
    formatCount(row.open),
    targetWords(row.targetDays),
    row.breaching > 0
      ? `<span class="breach">${formatCount(row.breaching)}</span>`
      : formatCount(row.breaching),
    row.oldestDays === null ? '—' : pluralCount(row.oldestDays, 'day'),
    ...AGE_BUCKETS.map((bucket) => formatCount(row.buckets[bucket.key]))
  ])
  const chart = anyOpen ? figure(ageChart(report.age)) : ''
  return {
    id: 'age',
    heading: 'Age vs remediation targets',
    body: `${intro}\n${chart}\n${table(columns, cells, 'severities')}`
  }
}

function accountsPastTargetSection(report: ComplianceReport): Section | undefined {
  if (report.accountsPastTarget.length === 0) return undefined
  const columns = [
    { title: 'Account' },
    { title: 'Over target', numeric: true },
    ...SECURITY_HUB_SEVERITIES.map((label) => ({ title: SEVERITY_NAMES[label], numeric: true })),
    { title: 'Open', numeric: true }
  ]
  const cells = report.accountsPastTarget.map((row) => [
    htmlText(row.accountId),
    `<span class="breach">${formatCount(row.breaching)}</span>`,
    ...SECURITY_HUB_SEVERITIES.map((label) => formatCount(row.bySeverity[label])),
    formatCount(row.open)
  ])
  return {
    id: 'accounts-past-target',
    heading: 'Accounts past their remediation target',
    body: `<p class="note">The accounts with the most open findings older than their severity's target, most first.</p>\n${table(columns, cells, 'accounts')}`
  }
}

// ---- compliance ----------------------------------------------------------------------------

function complianceSection(report: ComplianceReport): Section | undefined {
  const postureGap = gapOf(report, 'posture')
  if (postureGap !== undefined && report.compliance.length === 0) {
    return {
      id: 'compliance',
      heading: 'Compliance posture',
      body: `<p class="gap">${htmlText(capitalised(postureGap.effect))}: ${htmlText(postureGap.reason, 2_000)}</p>`
    }
  }
  if (report.compliance.length === 0) return undefined
  const withTrend = report.trend !== null
  const columns = [
    { title: 'Standard' },
    { title: 'Passed', numeric: true },
    { title: 'Failed', numeric: true },
    { title: 'Pass rate', numeric: true },
    ...(withTrend ? [{ title: 'Failed change', numeric: true }] : [])
  ]
  const cells = report.compliance.map((standard) => {
    const entry = failedControlsTrend(report, standard)
    const row = [
      `${htmlText(postureName(standard))}<div class="note id">${htmlText(standard.standardsArn, 500)}</div>`,
      formatCount(standard.controlsPassed),
      formatCount(standard.controlsFailed),
      passRate(standard.controlsPassed, standard.controlsFailed)
    ]
    if (withTrend) row.push(entry === undefined ? '—' : changeSpan(entry))
    return row
  })
  const failing = report.compliance.map(failingControls).join('\n')
  return {
    id: 'compliance',
    heading: 'Compliance posture',
    body: `${figure(complianceChart(report.compliance))}\n${table(columns, cells, 'standards')}\n${failing}`
  }
}

/** Every account's posture per standard, by account: shown when more than one account has one. */
function accountPostureSection(report: ComplianceReport): Section | undefined {
  if (new Set(report.accountPosture.map((row) => row.accountId)).size < 2) return undefined
  const columns = [
    { title: 'Account' },
    { title: 'Standard' },
    { title: 'Passed', numeric: true },
    { title: 'Failed', numeric: true },
    { title: 'Pass rate', numeric: true }
  ]
  const cells = report.accountPosture.map((row) => [
    htmlText(row.accountId),
    htmlText(row.name),
    formatCount(row.controlsPassed),
    formatCount(row.controlsFailed),
    passRate(row.controlsPassed, row.controlsFailed)
  ])
  return {
    id: 'account-posture',
    heading: 'Posture per account',
    body: `<p class="note">Each account's controls, from the control findings its own Security Hub wrote in the Regions covered.</p>\n${table(columns, cells, 'accounts and standards')}`
  }
}

function failingControls(standard: StandardPosture): string {
  const heading = `<h3>Failing controls: ${htmlText(postureName(standard))}</h3>`
  if (standard.failingControls.length === 0)
    return `${heading}\n<p class="empty">No failing controls.</p>`
  const columns = [
    { title: 'Control' },
    { title: 'Title' },
    { title: 'Severity' },
    { title: 'Failed resources', numeric: true }
  ]
  const cells = standard.failingControls.map((control) => [
    htmlText(control.controlId),
    htmlText(control.title),
    severityBadge(control.severity),
    formatCount(control.failedResources)
  ])
  return `${heading}\n${table(columns, cells, 'failing controls')}`
}

// ---- building blocks -----------------------------------------------------------------------

interface HtmlColumn {
  /** Trusted text. */
  title: string
  numeric?: boolean
  className?: string
}

/** A table of already-escaped cells, cut to `MAX_TABLE_ROWS` rows with a note naming what is left out. */
function table(columns: readonly HtmlColumn[], rows: readonly string[][], noun: string): string {
  const kept = rows.slice(0, MAX_TABLE_ROWS)
  const classOf = (column: HtmlColumn | undefined): string => {
    const names = [column?.numeric === true ? 'num' : '', column?.className ?? ''].filter(Boolean)
    return names.length === 0 ? '' : ` class="${names.join(' ')}"`
  }
  const head = columns.map((column) => `<th scope="col"${classOf(column)}>${column.title}</th>`)
  const body = kept.map(
    (cells) =>
      `<tr>${cells.map((cell, index) => `<td${classOf(columns[index])}>${cell}</td>`).join('')}</tr>`
  )
  const omitted = rows.length - kept.length
  const note =
    omitted > 0
      ? `\n<p class="note">${formatCount(omitted)} more ${noun} are in report.json.</p>`
      : ''
  return `<table><thead><tr>${head.join('')}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>${note}`
}

function figure(svg: string): string {
  return `<figure class="chart-box">${svg}</figure>`
}

function severityBadge(severity: SeverityLabel): string {
  return `<span class="sev sev-${severity}">${htmlText(SEVERITY_NAMES[severity])}</span>`
}

/** Used in the stylesheet only: severity badge and card colours. */
function severityStyles(): string {
  return SECURITY_HUB_SEVERITIES.map((label) => {
    const { fill, ink } = SEVERITY_COLOURS[label]
    return `.sev-${label}{background:${fill};color:${ink}}.card.sev-${label}{background:#f9fafb;color:inherit;border-left-color:${fill}}`
  }).join('\n')
}

const STYLE = `
:root{color-scheme:light;--ink:#111827;--muted:#4b5563;--line:#e5e7eb;--panel:#f9fafb}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header,main,footer{max-width:1080px;margin:0 auto;padding:0 24px}
header{padding-top:24px;border-bottom:1px solid var(--line)}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:20px 0 8px}
a{color:#1d4ed8}
.meta{color:var(--muted);margin:0 0 6px}
nav ul{list-style:none;padding:0;margin:12px 0 16px;display:flex;flex-wrap:wrap;gap:4px 18px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:12px 0 20px}
.card{border:1px solid var(--line);border-left:6px solid #9ca3af;border-radius:6px;padding:8px 12px;background:var(--panel)}
.card.total{border-left-color:#111827}
.card.breach{border-left-color:#b91c1c}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:26px;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.2}
.card .change{font-size:12px;color:var(--muted)}
.worse{color:#b91c1c;font-weight:600}
.better{color:#15803d;font-weight:600}
.same{color:var(--muted)}
.breach{color:#b91c1c;font-weight:700}
.chart-box{margin:8px 0 16px;padding:0}
.chart{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
.num{text-align:right;white-space:nowrap}
.id{word-break:break-all;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.sev{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600}
${severityStyles()}
.empty{color:var(--muted);font-style:italic}
.gaps{border:1px solid #b91c1c;border-left:6px solid #b91c1c;border-radius:6px;background:#fef2f2;padding:8px 12px;margin:8px 0 12px}
.gaps p{margin:0 0 4px}
.gaps ul{margin:0;padding-left:20px}
.gap{color:#b91c1c;font-weight:600}
.note{color:var(--muted);font-size:12px}
footer{color:var(--muted);font-size:12px;padding-top:16px;padding-bottom:24px;border-top:1px solid var(--line);margin-top:32px}
@media print{
body{font-size:11px}
nav{display:none}
header,main,footer{max-width:none;padding:0}
h2,h3{break-after:avoid}
.chart-box,.cards,tr{break-inside:avoid}
thead{display:table-header-group}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`.trim()
