import { describe, expect, it } from '@jest/globals'
import { emptySeverityCounts, type StandardPosture } from '../../../src/domain/report.js'
import {
  SEVERITY_COLOURS,
  ageChart,
  complianceChart,
  countRowsChart,
  severityChart
} from '../../../src/report/render/charts.js'
import { HOSTILE_TITLE, aReport, counts } from './report-fixtures.js'

/** The bars' `width`s, in order, leaving out the grey track behind each bar. */
function barWidths(svg: string): number[] {
  return [
    ...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="18" fill="(#\w+)"/g)
  ]
    .filter((match) => match[2] !== '#f3f4f6')
    .map((match) => Number(match[1]))
}

function rows(svg: string): string[] {
  return svg.match(/<g>.*?<\/g>/g) ?? []
}

function expectAccessibleSvg(svg: string, id: string): void {
  expect(svg.startsWith(`<svg class="chart" id="${id}" role="img"`)).toBe(true)
  expect(svg).toContain(`aria-labelledby="${id}-title ${id}-desc"`)
  expect(svg).toContain(`<title id="${id}-title">`)
  expect(svg).toContain(`<desc id="${id}-desc">`)
  expect(svg.endsWith('</svg>')).toBe(true)
  expect(svg).not.toMatch(/xmlns|https?:|<script|<image|<foreignObject|\son\w+=/i)
}

describe('severityChart', () => {
  const svg = severityChart(counts(1, 2, 3, 4, 0))

  it('is an accessible image that states its data in words', () => {
    expectAccessibleSvg(svg, 'chart-severity')
    expect(svg).toContain(
      '<desc id="chart-severity-desc">10 findings: Critical 1, High 2, Medium 3, Low 4, Informational 0.</desc>'
    )
  })

  it('draws one bar per severity, in its colour, scaled to the largest', () => {
    expect(rows(svg)).toHaveLength(5)
    expect(barWidths(svg)).toEqual([100, 200, 300, 400])
    expect(svg).toContain(`fill="${SEVERITY_COLOURS.CRITICAL.fill}"`)
    expect(svg).toContain(`fill="${SEVERITY_COLOURS.LOW.fill}"`)
  })

  it('labels every bar with its name, count and share', () => {
    expect(svg).toContain('>Critical</text>')
    expect(svg).toContain('>1 (10%)</text>')
    expect(svg).toContain('>4 (40%)</text>')
    expect(svg).toContain('>Informational</text>')
    expect(svg).toContain('>0 (0%)</text>')
  })

  it('says so when there is nothing to draw', () => {
    const empty = severityChart(emptySeverityCounts())
    expectAccessibleSvg(empty, 'chart-severity')
    expect(empty).toContain('No data in this period')
    expect(barWidths(empty)).toEqual([])
  })

  it('shows a tiny share as <1%, escaped', () => {
    expect(severityChart(counts(1, 0, 0, 0, 999))).toContain('>1 (&lt;1%)</text>')
  })
})

describe('countRowsChart', () => {
  const report = aReport()
  const svg = countRowsChart({
    id: 'chart-products',
    title: 'Findings by product',
    noun: 'products',
    rows: report.byProduct
  })

  it('stacks each row by severity, with a legend and the total as text', () => {
    expectAccessibleSvg(svg, 'chart-products')
    expect(rows(svg)).toHaveLength(4)
    expect(svg).toContain('>Informational</text>')
    expect(svg).toContain('<title>Inspector: 802</title>')
    expect(svg).toContain('<title>High: 150</title>')
    expect(svg).toContain('>802</text>')
    // The largest row fills the track.
    const first = rows(svg)[0] ?? ''
    const total = barWidths(first).reduce((sum, width) => sum + width, 0)
    expect(total).toBeCloseTo(400, 0)
  })

  it('shows the top ten and says how many more the table has', () => {
    const many = Array.from({ length: 12 }, (_, index) => ({
      key: `Product ${index}`,
      total: 12 - index,
      bySeverity: counts(0, 0, 12 - index, 0, 0)
    }))
    const capped = countRowsChart({ id: 'c', title: 'T', noun: 'products', rows: many })
    expect(rows(capped)).toHaveLength(10)
    expect(capped).toContain('2 more products are in the table.')
  })

  it('escapes and shortens hostile labels', () => {
    const hostile = countRowsChart({
      id: 'c',
      title: 'T',
      noun: 'products',
      rows: [{ key: HOSTILE_TITLE, total: 1, bySeverity: counts(1, 0, 0, 0, 0) }]
    })
    expect(hostile).not.toContain('<img')
    expect(hostile).not.toContain('</script>')
    expect(hostile).toContain('>&lt;/script&gt;&lt;img src=x onerror=a…</text>')
  })
})

describe('complianceChart', () => {
  const standards: StandardPosture[] = [
    {
      standardsArn: 'a',
      name: 'Standard A',
      controlsPassed: 30,
      controlsFailed: 10,
      failingControls: []
    },
    {
      standardsArn: 'b',
      name: 'Standard B',
      controlsPassed: 1,
      controlsFailed: 0,
      failingControls: []
    }
  ]
  const svg = complianceChart(standards)

  it('draws each standard as its own 100% bar of passed and failed controls', () => {
    expectAccessibleSvg(svg, 'chart-compliance')
    const [a = '', b = ''] = rows(svg)
    expect(barWidths(a)).toEqual([300, 100])
    expect(barWidths(b)).toEqual([400])
  })

  it('labels bars and segments with words and numbers', () => {
    expect(svg).toContain('>75% passed (30/40)</text>')
    expect(svg).toContain('>100% passed (1/1)</text>')
    expect(svg).toContain('<title>Failed: 10</title>')
    expect(svg).toContain('>Passed</text>')
    expect(svg).toContain(
      'Standard A: 30 controls passed, 10 failed; Standard B: 1 controls passed, 0 failed.'
    )
  })
})

describe('ageChart', () => {
  const svg = ageChart(aReport().age)

  it('stacks each severity by age bucket, labelled with open and over-target counts', () => {
    expectAccessibleSvg(svg, 'chart-age')
    expect(rows(svg)).toHaveLength(5)
    expect(svg).toContain('>21 open · 3 over target</text>')
    expect(svg).toContain('<title>&gt; 90 days: 12</title>')
    expect(svg).toContain('>≤ 1 day</text>')
    expect(svg).toContain(
      'Critical: 21 open (4 ≤ 1 day, 6 ≤ 7 days, 8 ≤ 30 days, 2 ≤ 90 days, 1 &gt; 90 days), 3 over target'
    )
  })

  it('shows each severity as its own 100%', () => {
    for (const row of rows(svg)) {
      const total = barWidths(row).reduce((sum, width) => sum + width, 0)
      expect(total).toBeCloseTo(400, 0)
    }
  })
})
