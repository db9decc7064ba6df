import { describe, expect, it } from '@jest/globals'
import type { ComplianceReport } from '../../../src/domain/report.js'
import { MAX_TABLE_ROWS, renderReportHtml } from '../../../src/report/render/html.js'
import {
  CIS_NAME,
  FSBP_NAME,
  HOSTILE_CONTROL_TITLE,
  HOSTILE_TITLE,
  aHostileReport,
  aReport,
  aReportWithPostureGap,
  aReportWithTrend,
  anEmptyReport,
  counts,
  scaledReport
} from './report-fixtures.js'

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`

/** Every element the renderer writes; anything else came from untrusted text. */
const ALLOWED_TAGS = new Set(
  (
    'html head meta title style body header h1 h2 h3 p strong nav ul li a main section div span ' +
    'figure svg desc g rect text table thead tbody tr th td footer'
  ).split(' ')
)
const ALLOWED_ATTRIBUTES = new Set(
  (
    'lang charset http-equiv content name id class href aria-label aria-labelledby aria-hidden ' +
    'role viewBox width height font-size x y fill stroke stroke-width text-anchor scope'
  ).split(' ')
)

interface Tag {
  name: string
  attributes: [string, string][]
  /** Whatever was between the tag name and `>` besides well-formed `name="value"` pairs. */
  rest: string
}

/** The start tags of the document, outside `<style>` (which holds CSS, not markup). */
function startTags(html: string): Tag[] {
  const markup = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>')
  return [...markup.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((match) => {
    const inside = match[2] ?? ''
    const attributes = [...inside.matchAll(/\s([\w:-]+)="([^"]*)"/g)].map(
      (pair) => [pair[1] ?? '', pair[2] ?? ''] as [string, string]
    )
    const rest = inside.replace(/\s([\w:-]+)="([^"]*)"/g, '').replace(/\/$/, '')
    return { name: (match[1] ?? '').toLowerCase(), attributes, rest }
  })
}

/** Every element, attribute or stray text inside a tag that the renderer does not write itself. */
function foreignMarkup(html: string): string[] {
  return startTags(html).flatMap((tag) => [
    ...(ALLOWED_TAGS.has(tag.name) ? [] : [`<${tag.name}>`]),
    ...(tag.rest.trim() === '' ? [] : [`<${tag.name} ${tag.rest.trim()}>`]),
    ...tag.attributes
      .filter(([name]) => !ALLOWED_ATTRIBUTES.has(name))
      .map(([name]) => `<${tag.name} ${name}=…>`)
  ])
}

function attributeValues(html: string, name: string): string[] {
  return startTags(html).flatMap((tag) =>
    tag.attributes.filter(([attribute]) => attribute === name).map(([, value]) => value)
  )
}

/** The text of the first `<td>` cells of the table row that starts with `first`. */
function rowCells(html: string, first: string): string[] | undefined {
  for (const row of html.match(/<tr>.*?<\/tr>/g) ?? []) {
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) =>
      (m[1] ?? '').replace(/<[^>]+>/g, '')
    )
    if (cells[0] === first) return cells
  }
  return undefined
}

describe('renderReportHtml document', () => {
  const html = renderReportHtml(aReport())

  it('is one HTML5 document with a CSP that forbids every request', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain(CSP)
    expect(html.indexOf(CSP)).toBeLessThan(html.indexOf('<style>'))
    expect(html).toContain(
      '<title>Security Hub compliance report · 2025-06-02 → 2025-06-09</title>'
    )
  })

  it('has no scripts and no references outside the document', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\son\w+=/i)
    for (const name of ['src', 'href', 'xlink:href', 'action', 'srcset', 'xmlns']) {
      for (const value of attributeValues(html, name)) {
        expect(value).not.toMatch(/https?:|\/\//i)
        expect(value.startsWith('#')).toBe(true)
      }
    }
    expect(attributeValues(html, 'src')).toEqual([])
    expect(html).not.toMatch(/url\(|@import|@font-face/i)
    expect(html).not.toMatch(/https?:\/\//)
  })

  it('writes only its own elements and attributes', () => {
    expect(foreignMarkup(html)).toEqual([])
  })

  it('gives every chart a role, a title and a description that exist', () => {
    const svgs = html.match(/<svg[^>]*>/g) ?? []
    // Severity, products, resource types, accounts, Regions, accounts × Regions, age, compliance.
    expect(svgs).toHaveLength(8)
    const ids = attributeValues(html, 'id')
    expect(new Set(ids).size).toBe(ids.length)
    for (const svg of svgs) {
      expect(svg).toContain('role="img"')
      const labelledBy = /aria-labelledby="([^"]*)"/.exec(svg)?.[1]?.split(' ') ?? []
      expect(labelledBy).toHaveLength(2)
      for (const id of labelledBy) expect(ids).toContain(id)
    }
    expect(html).toContain('<title id="chart-severity-title">Findings by severity</title>')
    expect(html).toContain(
      '<desc id="chart-severity-desc">1,284 findings: Critical 23, High 187, Medium 512, Low 401, Informational 161.</desc>'
    )
  })

  it('links its navigation to sections that exist', () => {
    const ids = new Set(attributeValues(html, 'id'))
    const targets = attributeValues(html, 'href').map((href) => href.slice(1))
    expect(targets).toEqual([
      'overview',
      'products',
      'resource-types',
      'accounts',
      'regions',
      'accounts-regions',
      'resources',
      'age',
      'accounts-past-target',
      'compliance',
      'account-posture'
    ])
    for (const target of targets) expect(ids).toContain(target)
  })

  it('prints: a print stylesheet that keeps colours and drops the navigation', () => {
    expect(html).toContain('@media print{')
    expect(html).toContain('print-color-adjust:exact')
    expect(html).toContain('nav{display:none}')
  })
})

describe('renderReportHtml numbers', () => {
  const html = renderReportHtml(aReport())

  it('shows the headline numbers as cards', () => {
    const card = (label: string, value: string) =>
      `<div class="label">${label}</div><div class="value">${value}</div>`
    expect(html).toContain(card('Findings', '1,284'))
    expect(html).toContain(card('New in the period', '214'))
    expect(html).toContain(card('Older', '1,070'))
    expect(html).toContain(card('Critical', '23'))
    expect(html).toContain(card('High', '187'))
    expect(html).toContain(card('Medium', '512'))
    expect(html).toContain(card('Low', '401'))
    expect(html).toContain(card('Informational', '161'))
    expect(html).toContain(card('Past remediation target', '40'))
    expect(html).toContain('<strong>1,284 findings</strong> updated in the last 7 days')
  })

  it('has full tables of products, resource types, accounts and resources', () => {
    expect(rowCells(html, 'Inspector')).toEqual([
      'Inspector',
      '802',
      '21',
      '150',
      '380',
      '221',
      '30'
    ])
    expect(rowCells(html, 'IAM Access Analyzer')?.[1]).toBe('29')
    expect(rowCells(html, 'AwsAccount')?.[1]).toBe('60')
    expect(rowCells(html, '444455556666/eu-west-1')?.[1]).toBe('134')
    expect(rowCells(html, 'arn:aws:s3:::acme-public-assets')).toEqual([
      'arn:aws:s3:::acme-public-assets',
      'AwsS3Bucket',
      '1',
      '3',
      '12'
    ])
  })

  it('compares ages with targets', () => {
    expect(html).toContain('40 open findings are past the remediation target.')
    expect(rowCells(html, 'High')).toEqual([
      'High',
      '170',
      '30 days',
      '25',
      '88 days',
      '20',
      '45',
      '80',
      '25',
      '0'
    ])
  })

  it('shows every standard and all of its failing controls', () => {
    expect(html).toContain(`<h3>Failing controls: ${FSBP_NAME}</h3>`)
    expect(html).toContain(`<h3>Failing controls: ${CIS_NAME}</h3>`)
    expect(rowCells(html, 'Lambda.2')).toEqual([
      'Lambda.2',
      'Lambda functions should use supported runtimes',
      'Medium',
      '5'
    ])
    expect(html).toContain('89% passed (187/210)')
    expect(html).toContain('86% passed (38/44)')
  })

  it('puts the counts in the charts as text, not colour alone', () => {
    expect(html).toContain('>23 (2%)</text>')
    expect(html).toContain('>512 (40%)</text>')
    expect(html).toContain('>802</text>')
    expect(html).toContain('>170 open · 25 over target</text>')
    expect(html).toContain('<title>Critical: 21</title>')
  })
})

describe('renderReportHtml trend', () => {
  const html = renderReportHtml(aReportWithTrend())

  it('shows changes with arrows, signs and a tone', () => {
    expect(html).toContain('<span class="worse">▲ +56</span> since last')
    expect(html).toContain('<span class="better">▼ -2</span> since last')
    expect(html).toContain('<span class="same">= 0</span> since last')
    expect(rowCells(html, `${FSBP_NAME}: passed controls`)).toEqual([
      `${FSBP_NAME}: passed controls`,
      '184',
      '187',
      '▲ +3'
    ])
    expect(html).toContain('<td class="num"><span class="better">▲ +3</span></td>')
  })

  it('adds the trend to the navigation', () => {
    expect(attributeValues(html, 'href')).toContain('#trend')
  })
})

describe('renderReportHtml with a section that could not be read', () => {
  const html = renderReportHtml(aReportWithPostureGap())

  it('says so above everything, with the reason, escaped, and in the posture section', () => {
    const notice = html.indexOf('This report is incomplete')
    expect(notice).toBeGreaterThan(html.indexOf('<header>'))
    expect(notice).toBeLessThan(html.indexOf('<main>'))
    expect(html).toContain(
      '<strong>No compliance posture (the enabled standards could not be read)</strong>: permission denied'
    )
    expect(html).toContain('User is not authorized &lt;script&gt;')
    expect(html).toMatch(
      /<section id="compliance"[^>]*><h2[^>]*>Compliance posture<\/h2>\n<p class="gap">No compliance posture/
    )
    expect(foreignMarkup(html)).toEqual([])
  })

  it('says nothing of a gap when every section was read', () => {
    expect(renderReportHtml(aReport())).not.toContain('incomplete')
  })
})

describe('renderReportHtml for an empty period', () => {
  const html = renderReportHtml(anEmptyReport())

  it('says the filters matched nothing when filters were given', () => {
    const report = anEmptyReport()
    const filtered = renderReportHtml({
      ...report,
      filters: { ...report.filters, severities: ['CRITICAL'] }
    })
    expect(filtered).toContain(
      '<p class="empty">No findings matching the filters were updated in the last 7 days.</p>'
    )
  })

  it('says nothing was updated and draws no charts', () => {
    expect(html).toContain('<p class="empty">No findings were updated in the last 7 days.</p>')
    expect(html).not.toContain('<svg')
    expect(html).not.toContain('<table')
    expect(attributeValues(html, 'href')).toEqual([])
    expect(foreignMarkup(html)).toEqual([])
  })
})

describe('renderReportHtml with hostile text', () => {
  const html = renderReportHtml(aHostileReport())

  it('escapes titles, names and ids wherever they appear', () => {
    expect(html).not.toContain(HOSTILE_TITLE)
    expect(html).not.toContain(HOSTILE_CONTROL_TITLE)
    expect(html).not.toMatch(/<img|<b>|<svg onload/i)
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('Ensure | pipes and &lt;b&gt;bold&lt;/b&gt; stay &quot;inert&quot;')
    expect(html).toContain('&lt;svg onload=alert(1)&gt; AWS Foundational')
    expect(html).toContain('&quot; onmouseover=&quot;alert(1)')
  })

  it('lets no element or attribute through', () => {
    expect(foreignMarkup(html)).toEqual([])
    expect(html).not.toMatch(/<script/i)
    expect(attributeValues(html, 'href').every((href) => href.startsWith('#'))).toBe(true)
  })

  it('cuts long labels beside the bars but keeps them whole in the tooltip', () => {
    expect(html).toContain('>&lt;/script&gt;&lt;img src=x onerror=a…</text>')
    expect(html).toContain('<title>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;: 802</title>')
  })
})

describe('renderReportHtml size', () => {
  it('does not grow with the number of findings', () => {
    const [one = 0, thousand = 0, million = 0] = [1, 1000, 1_000_000].map(
      (factor) => renderReportHtml(scaledReport(aReportWithTrend(), factor)).length
    )
    // A thousand and a million times the findings only add digits (three per count, and a comma):
    // the same few bytes each time, not anything per finding.
    expect(million - thousand).toBeLessThanOrEqual((thousand - one) * 1.05)
    expect(million).toBeLessThan(one * 1.1)
    expect(one).toBeLessThan(100_000)
  })

  it('caps each aggregate table, and the charts at ten bars', () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 500 }, (_, index) => ({
      key: `${100000000000 + index}/eu-west-1`,
      total: 1,
      bySeverity: counts(0, 0, 1, 0, 0)
    }))
    const report: ComplianceReport = { ...aReport(), byAccountRegion: rows }
    const html = renderReportHtml(report)
    expect(html).toContain('<p class="note">500 more accounts and Regions are in report.json.</p>')
    const accounts = html.slice(
      html.indexOf('<section id="accounts-regions"'),
      html.indexOf('</section>', html.indexOf('<section id="accounts-regions"'))
    )
    expect(accounts.match(/<tr>/g)).toHaveLength(MAX_TABLE_ROWS + 1)
    const chart = /<svg[^>]*id="chart-accounts-regions"[\s\S]*?<\/svg>/.exec(accounts)?.[0] ?? ''
    expect(chart.match(/<g>/g)).toHaveLength(10)
    expect(chart).toContain('1,490 more accounts and Regions are in the table.')
  })
})
