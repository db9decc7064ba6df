import { describe, expect, it } from '@jest/globals'
import type { ComplianceReport } from '../../../src/domain/report.js'
import { renderReportSummary } from '../../../src/report/render/summary.js'
import { byteLength, cells, htmlTags, tableAfter } from '../../gate/render/markdown-reading.js'
import {
  CIS_NAME,
  FSBP_NAME,
  HOSTILE_TITLE,
  aHostileReport,
  aReport,
  aReportWithPostureGap,
  aReportWithTrend,
  anEmptyReport,
  anOrganizationReport,
  counts,
  scaledReport
} from './report-fixtures.js'

const FILES = {
  csv: 'compliance-report/findings.csv',
  json: 'compliance-report/report.json',
  html: 'compliance-report/report.html'
}

/** Table lines that do not end a row or have a different number of cells (a stray `|` adds one). */
function malformedTableLines(markdown: string): string[] {
  const bad: string[] = []
  let columns: number | undefined
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = undefined
      continue
    }
    const count = cells(line).length
    columns ??= count
    if (!line.endsWith(' |') || count !== columns) bad.push(line)
  }
  return bad
}

/** Code spans (a run of backticks up to the same run) show their content literally. */
function withoutCodeSpans(markdown: string): string {
  return markdown.replace(/(?<![`\\])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '')
}

function rowFor(markdown: string, marker: string, first: string): string[] | undefined {
  return tableAfter(markdown, marker)?.rows.find((row) => row[0] === first)
}

describe('renderReportSummary headline', () => {
  const markdown = renderReportSummary(aReport(), { files: FILES })

  it('states the period and the totals', () => {
    expect(markdown).toContain('## 📋 Security Hub compliance report')
    expect(markdown).toContain('**Period:** 2025-06-02 → 2025-06-09 (7 days)')
    expect(markdown).toContain('generated 2025-06-09 06:00 UTC')
    expect(markdown).toContain(
      '**1,284 findings** updated in the last 7 days · 214 new in the period · 1,070 older'
    )
  })

  it('counts findings by severity, without a change column when there is no trend', () => {
    const table = tableAfter(markdown, '**1,284 findings**')
    expect(table?.header).toEqual(['Severity', 'Findings'])
    expect(table?.rows).toEqual([
      ['🔴 Critical', '23'],
      ['🟠 High', '187'],
      ['🟡 Medium', '512'],
      ['🔵 Low', '401'],
      ['⚪ Informational', '161']
    ])
    expect(markdown).not.toContain('since the last report')
    expect(markdown).not.toContain('### Change since the last report')
  })

  it('says which filters were applied, only when some were', () => {
    expect(markdown).not.toContain('**Filters:**')
    const filtered = aReport({
      filters: {
        products: ['Inspector'],
        severities: ['CRITICAL', 'HIGH'],
        accounts: [],
        resourceTypes: [],
        workflowStatuses: ['NEW', 'NOTIFIED']
      }
    })
    expect(renderReportSummary(filtered)).toContain(
      '**Filters:** Products: Inspector · Severities: CRITICAL, HIGH · Workflow statuses: NEW, NOTIFIED'
    )
  })
})

describe('renderReportSummary with a section that could not be read', () => {
  const markdown = renderReportSummary(aReportWithPostureGap())

  it('warns before the numbers, with the reason, and says the posture is missing', () => {
    expect(markdown.indexOf('> [!WARNING]')).toBeLessThan(markdown.indexOf('1,284'))
    expect(markdown).toContain('**This report is incomplete**: 1 part could not be read')
    expect(markdown).toMatch(
      /> - \*\*no compliance posture .*\*\*: permission denied .*securityhub:GetEnabledStandards/
    )
    expect(markdown).toMatch(/### Compliance posture\n\n⚠️ \*\*no compliance posture/)
    expect(htmlTags(withoutCodeSpans(markdown))).toEqual([])
  })
})

describe('renderReportSummary breakdowns', () => {
  const markdown = renderReportSummary(aReport(), { files: FILES })

  it('ranks products with their severity counts', () => {
    const table = tableAfter(markdown, '### Top products')
    expect(table?.header).toEqual(['Product', 'Total', 'Critical', 'High', 'Medium', 'Low', 'Info'])
    expect(table?.rows.map((row) => row[0])).toEqual([
      'Inspector',
      'Security Hub',
      'GuardDuty',
      'IAM Access Analyzer'
    ])
    expect(table?.rows[0]).toEqual(['Inspector', '802', '21', '150', '380', '221', '30'])
  })

  it('ranks products by total whatever order the aggregator gave', () => {
    const report = aReport()
    const reversed = renderReportSummary({ ...report, byProduct: [...report.byProduct].reverse() })
    expect(tableAfter(reversed, '### Top products')?.rows[0]?.[0]).toBe('Inspector')
  })

  it('lists the top resources, resource types and accounts', () => {
    const resources = tableAfter(markdown, '### Top resources')
    // The type after the id, one column less, so the table fits GitHub's page.
    expect(resources?.header).toEqual(['Resource', 'Critical', 'High', 'Total'])
    expect(resources?.rows[2]).toEqual([
      'arn:aws:lambda:us-east-1:111122223333:function:billing-export · AwsLambdaFunction',
      '2',
      '9',
      '31'
    ])
    // An image's digest is cut to 12 hex digits (the full id is in report.json and the HTML).
    expect(resources?.rows[0]?.[0]).toBe(
      'arn:aws:ecr:eu-west-1:111122223333:repository/shop/api/sha256:3f1c0a9be27d… · AwsEcrContainerImage'
    )
    expect(rowFor(markdown, '### Resource types', 'AwsEcrContainerImage')?.[1]).toBe('611')
    expect(rowFor(markdown, '### Accounts and Regions', '111122223333/us-east-1')?.[1]).toBe('250')
  })

  it('caps every table at ten rows and says how many are left out', () => {
    const report = aReport()
    const many = Array.from({ length: 25 }, (_, index) => ({
      key: `Product ${String(index).padStart(2, '0')}`,
      total: 100 - index,
      bySeverity: counts(0, 0, 100 - index, 0, 0)
    }))
    const capped = renderReportSummary({ ...report, byProduct: many })
    expect(tableAfter(capped, '### Top products')?.rows).toHaveLength(10)
    expect(capped).toContain('_15 more products in the HTML report and report.json._')
  })
})

describe('renderReportSummary age and compliance', () => {
  const markdown = renderReportSummary(aReport(), { files: FILES })

  it('compares open findings with their remediation targets', () => {
    expect(markdown).toContain(
      '⚠️ **40 open findings are past the remediation target** (3 critical, 25 high, 12 medium).'
    )
    const table = tableAfter(markdown, '### Age vs remediation targets')
    expect(table?.header.slice(0, 5)).toEqual([
      'Severity',
      'Open',
      'Target',
      'Over target',
      'Oldest'
    ])
    expect(table?.rows[0]).toEqual([
      '🔴 Critical',
      '21',
      '15 days',
      '**3**',
      '41 days',
      '4',
      '6',
      '8',
      '2',
      '1'
    ])
    expect(table?.rows[4]?.slice(0, 4)).toEqual(['⚪ Informational', '139', 'none', '0'])
  })

  it('says so when nothing is past its target', () => {
    const report = aReport()
    const calm = { ...report, age: report.age.map((row) => ({ ...row, breaching: 0 })) }
    expect(renderReportSummary(calm)).toContain(
      '✅ No open finding is past its remediation target.'
    )
  })

  it('shows each standard with its pass rate', () => {
    const table = tableAfter(markdown, '### Compliance posture')
    expect(table?.header).toEqual(['Standard', 'Passed', 'Failed', 'Pass rate'])
    expect(table?.rows).toEqual([
      [FSBP_NAME, '187', '23', '89%'],
      [CIS_NAME, '38', '6', '86%']
    ])
  })

  it('lists the top five failing controls per standard, highest severity first', () => {
    const fsbp = tableAfter(markdown, `#### Top failing controls: ${FSBP_NAME}`)
    expect(fsbp?.rows.map((row) => row[0])).toEqual(['EC2.19', 'IAM.6', 'S3.8', 'ECR.1', 'S3.5'])
    expect(fsbp?.rows[0]).toEqual([
      'EC2.19',
      'Security groups should not allow unrestricted access to ports with high risk',
      '🔴 Critical',
      '3'
    ])
    expect(markdown).toContain('_1 more failing control in the HTML report and report.json._')
    expect(tableAfter(markdown, `#### Top failing controls: ${CIS_NAME}`)?.rows).toHaveLength(3)
  })

  it('points at the files it was given', () => {
    expect(markdown).toContain(
      '### Files\n\n- Report with charts and full tables (HTML): `compliance-report/report.html`\n' +
        '- Every finding (CSV): `compliance-report/findings.csv`\n' +
        '- Aggregates (JSON): `compliance-report/report.json`\n'
    )
    expect(renderReportSummary(aReport(), { files: { csv: 'x.csv' } })).toContain(
      '- Every finding (CSV): `x.csv`'
    )
    expect(renderReportSummary(aReport())).not.toContain('### Files')
  })

  it('writes well-formed tables', () => {
    expect(malformedTableLines(markdown)).toEqual([])
  })
})

describe('renderReportSummary trend', () => {
  const markdown = renderReportSummary(aReportWithTrend(), { files: FILES })

  it('puts the change in the headline and beside each severity', () => {
    expect(markdown).toContain(
      '**1,284 findings** updated in the last 7 days (▲ +56 since the last report)'
    )
    const table = tableAfter(markdown, '**1,284 findings**')
    expect(table?.header).toEqual(['Severity', 'Findings', 'Change'])
    expect(table?.rows.map((row) => row[2])).toEqual(['▼ -2', '▲ +17', '= 0', '▲ +1', '▲ +40'])
  })

  it('tabulates every metric with readable names', () => {
    const table = tableAfter(markdown, '### Change since the last report')
    expect(table?.header).toEqual(['Metric', 'Previous', 'Current', 'Change'])
    expect(table?.rows).toContainEqual(['Findings', '1,228', '1,284', '▲ +56'])
    expect(table?.rows).toContainEqual(['Critical findings', '25', '23', '▼ -2'])
    expect(table?.rows).toContainEqual([`${FSBP_NAME}: failed controls`, '26', '23', '▼ -3'])
    expect(table?.rows).toContainEqual([`${CIS_NAME}: failed controls`, '5', '6', '▲ +1'])
  })

  it('shows the change in failed controls per standard', () => {
    const table = tableAfter(markdown, '### Compliance posture')
    expect(table?.header).toEqual(['Standard', 'Passed', 'Failed', 'Pass rate', 'Failed change'])
    expect(table?.rows.map((row) => row[4])).toEqual(['▼ -3', '▲ +1'])
  })

  it('writes well-formed tables', () => {
    expect(malformedTableLines(markdown)).toEqual([])
  })
})

describe('renderReportSummary for an empty period', () => {
  it('says nothing was updated and shows no empty tables', () => {
    const markdown = renderReportSummary(anEmptyReport(), { files: FILES })
    expect(markdown).toContain('**No findings were updated in the last 7 days.**')
    expect(markdown).not.toContain('| ---')
    expect(markdown).not.toMatch(/### (Top products|Top resources|Age|Compliance)/)
    expect(markdown).toContain('- Every finding (CSV): `compliance-report/findings.csv`')
  })

  it('still says how the total moved when there is a trend', () => {
    const markdown = renderReportSummary({
      ...anEmptyReport(),
      trend: [{ metric: 'totals.findings', previous: 12, current: 0, change: -12 }]
    })
    expect(markdown).toContain(
      '**No findings were updated in the last 7 days.** (▼ -12 since the last report)'
    )
  })

  it('says the filters matched nothing, not that the account is clean, when filters were given', () => {
    const report = anEmptyReport()
    const markdown = renderReportSummary({
      ...report,
      filters: { ...report.filters, products: ['Inspectr'] },
      productFilter: { unmatched: ['Inspectr'], withFindings: ['Inspector'] }
    })
    expect(markdown).toContain(
      '**No findings matching the filters were updated in the last 7 days.**'
    )
    expect(markdown).not.toContain('No findings were updated')
  })

  it('words a one-day period in the singular', () => {
    const report = anEmptyReport()
    const markdown = renderReportSummary({ ...report, period: { ...report.period, days: 1 } })
    expect(markdown).toContain('(1 day)')
    expect(markdown).toContain('No findings were updated in the last day.')
  })
})

describe('renderReportSummary with hostile text', () => {
  const markdown = renderReportSummary(aHostileReport(), { files: FILES })

  it('writes no HTML of its own and lets none through', () => {
    expect(htmlTags(markdown)).toEqual([])
    expect(markdown).not.toContain(HOSTILE_TITLE)
    expect(markdown).toContain('&lt;/script&gt;&lt;img src=x onerror=alert\\(1\\)&gt;')
  })

  it('keeps pipes and tags in a control title inside its cell', () => {
    expect(malformedTableLines(markdown)).toEqual([])
    const table = tableAfter(markdown, '#### Top failing controls: &lt;svg')
    expect(table?.rows[0]).toEqual([
      'EC2.19\\|x',
      'Ensure \\| pipes and &lt;b&gt;bold&lt;/b&gt; stay &quot;inert&quot;',
      '🔴 Critical',
      '3'
    ])
  })

  it('escapes product names, resource ids and standard names', () => {
    expect(tableAfter(markdown, '### Top products')?.rows[0]?.[0]).toBe(
      '&lt;/script&gt;&lt;img src=x onerror=alert\\(1\\)&gt;'
    )
    expect(markdown).toContain('&lt;svg onload=alert\\(1\\)&gt; AWS Foundational')
    expect(markdown).toContain('&quot; onmouseover=&quot;alert\\(1\\)')
  })
})

describe('renderReportSummary size', () => {
  it('stays far below 1 MiB for an enormous, hostile report', () => {
    const long = `${'<b>|'.repeat(2500)}`
    const base = aHostileReport()
    const rows = Array.from({ length: 5000 }, (_, index) => ({
      key: `${long}${index}`,
      total: 5000 - index,
      bySeverity: counts(5000 - index, 0, 0, 0, 0)
    }))
    const huge: ComplianceReport = {
      ...scaledReport(base, 1_000_000),
      byProduct: rows,
      byResourceType: rows,
      byAccountRegion: rows,
      topResources: Array.from({ length: 50 }, () => ({
        resourceId: long,
        resourceType: long,
        critical: 1,
        high: 1,
        total: 2
      })),
      compliance: Array.from({ length: 100 }, (_, index) => ({
        standardsArn: `${long}${index}`,
        name: `${long}${index}`,
        controlsPassed: 1,
        controlsFailed: 300,
        failingControls: Array.from({ length: 300 }, () => ({
          controlId: long,
          title: long,
          severity: 'CRITICAL' as const,
          failedResources: 1
        }))
      })),
      trend: Array.from({ length: 1000 }, (_, index) => ({
        metric: `compliance.${long}${index}.controlsFailed`,
        previous: 1,
        current: 2,
        change: 1
      }))
    }
    const markdown = renderReportSummary(huge, { files: { csv: long, json: long, html: long } })
    expect(byteLength(markdown)).toBeLessThan(1024 * 1024)
    expect(tableAfter(markdown, '### Top products')?.rows).toHaveLength(10)
    expect(tableAfter(markdown, '### Change since the last report')?.rows).toHaveLength(30)
    expect(markdown).toContain('_80 more standards in the HTML report and report.json._')
    expect(malformedTableLines(markdown)).toEqual([])
    // The file paths are code spans, where `<b>` is literal text.
    expect(htmlTags(withoutCodeSpans(markdown))).toEqual([])
  })
})

describe('renderReportSummary for an organization (issue 18)', () => {
  const markdown = renderReportSummary(anOrganizationReport(), { files: FILES })

  it('breaks the findings down by account, by Region and by both, ten rows each', () => {
    // The first heading that starts so: the Accounts table comes before the other account tables.
    expect(tableAfter(markdown, '### Accounts')?.rows).toHaveLength(10)
    expect(markdown).toContain('_30 more accounts in the HTML report and report.json._')
    expect(tableAfter(markdown, '### Regions')?.rows.map((row) => row[0])).toEqual([
      'us-east-1',
      'eu-west-1',
      'ap-southeast-2'
    ])
    expect(markdown).toContain(
      '_110 more accounts and Regions in the HTML report and report.json._'
    )
  })

  it('ranks the accounts past their target with their severities in one cell', () => {
    const table = tableAfter(
      markdown,
      '### Accounts with the most findings past their remediation target'
    )
    expect(table?.header).toEqual(['Account', 'Over target', 'By severity', 'Open'])
    expect(table?.rows[0]).toEqual(['100000000000', '**60**', '🔴 3 🟠 20 🟡 37', '400'])
  })

  it('shows the posture per account worst first, the rest in the HTML report', () => {
    const table = tableAfter(markdown, '### Posture per account')
    expect(table?.rows[0]?.slice(0, 4)).toEqual(['100000308841', FSBP_NAME, '151', '59'])
    expect(table?.rows).toHaveLength(10)
    expect(markdown).toContain(
      '_70 more accounts and standards in the HTML report and report.json._'
    )
  })

  it('leaves out the per-account posture of a single account: the posture table says it', () => {
    const report = anOrganizationReport()
    const single = renderReportSummary({
      ...report,
      accountPosture: report.accountPosture.filter((row) => row.accountId === '100000000000')
    })
    expect(single).not.toContain('### Posture per account')
  })
})
