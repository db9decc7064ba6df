/**
 * Inline SVG charts for the HTML report: pure functions from aggregates to an `<svg>` string, with
 * no scripts, no external references and no `xmlns` (the HTML parser puts inline SVG in the right
 * namespace itself). Every chart is `role="img"` with a `<title>` and a `<desc>` that states the
 * data in words, every bar carries its number as text, and every segment has a tooltip naming what
 * it is, so nothing is told by colour alone. Untrusted labels go through `htmlText`/`htmlAttr`.
 */
import {
  SEVERITY_LABELS,
  postureName,
  type AgeRow,
  type CountRow,
  type SeverityCounts,
  type SeverityLabel,
  type StandardPosture
} from '../../domain/report.js'
import { singleLine, truncate } from '../../text/escape.js'
import { htmlAttr, htmlText } from '../../text/html-escape.js'
import { AGE_BUCKETS, SEVERITY_NAMES, formatCount, passRate } from './format.js'

export interface Colour {
  fill: string
  /** A text colour readable on `fill`. */
  ink: string
}

export const SEVERITY_COLOURS: Record<SeverityLabel, Colour> = {
  CRITICAL: { fill: '#b91c1c', ink: '#ffffff' },
  HIGH: { fill: '#ea580c', ink: '#ffffff' },
  MEDIUM: { fill: '#f59e0b', ink: '#1f2937' },
  LOW: { fill: '#2563eb', ink: '#ffffff' },
  INFORMATIONAL: { fill: '#6b7280', ink: '#ffffff' }
}

const PASSED: Colour = { fill: '#15803d', ink: '#ffffff' }
const FAILED: Colour = { fill: '#b91c1c', ink: '#ffffff' }

/** Youngest (light) to oldest (dark). */
const AGE_COLOURS: readonly Colour[] = [
  { fill: '#dbeafe', ink: '#1e3a8a' },
  { fill: '#93c5fd', ink: '#1e3a8a' },
  { fill: '#3b82f6', ink: '#ffffff' },
  { fill: '#1d4ed8', ink: '#ffffff' },
  { fill: '#1e3a8a', ink: '#ffffff' }
]

/** How many rows the product and resource-type charts show (the tables beside them show all). */
export const CHART_TOP_ROWS = 10

// ---- public charts -------------------------------------------------------------------------

/** One bar per severity, in the severity's colour, labelled with the count and its share. */
export function severityChart(counts: SeverityCounts): string {
  const total = SEVERITY_LABELS.reduce((sum, label) => sum + counts[label], 0)
  const bars = SEVERITY_LABELS.map((label) => ({
    label: SEVERITY_NAMES[label],
    segments: [
      { name: SEVERITY_NAMES[label], value: counts[label], colour: SEVERITY_COLOURS[label] }
    ],
    valueText: `${formatCount(counts[label])}${total > 0 ? ` (${share(counts[label], total)})` : ''}`
  }))
  return barChart({
    id: 'chart-severity',
    title: 'Findings by severity',
    description: `${formatCount(total)} findings: ${describeSeverities(counts)}.`,
    bars,
    legend: [],
    scale: 'shared'
  })
}

/** The top rows (products, resource types, …) as bars stacked by severity, labelled with totals. */
export function countRowsChart(options: {
  id: string
  title: string
  /** The thing counted, plural, for the description: `products`. */
  noun: string
  rows: readonly CountRow[]
  limit?: number
}): string {
  const limit = options.limit ?? CHART_TOP_ROWS
  const rows = options.rows.slice(0, limit)
  const more = options.rows.length - rows.length
  const bars = rows.map((row) => ({
    label: row.key,
    segments: SEVERITY_LABELS.map((label) => ({
      name: SEVERITY_NAMES[label],
      value: row.bySeverity[label],
      colour: SEVERITY_COLOURS[label]
    })),
    valueText: formatCount(row.total)
  }))
  const listed = rows.map(
    (row) =>
      `${shortLabel(row.key)}: ${formatCount(row.total)} (${describeSeverities(row.bySeverity)})`
  )
  const tail = more > 0 ? ` ${formatCount(more)} more ${options.noun} are in the table.` : ''
  return barChart({
    id: options.id,
    title: options.title,
    description: `${capitalise(options.noun)}, most findings first. ${listed.join('; ')}.${tail}`,
    bars,
    legend: severityLegend(),
    scale: 'shared'
  })
}

/** One 100% bar per standard: controls passed and failed, labelled with the pass rate and counts. */
export function complianceChart(standards: readonly StandardPosture[]): string {
  const bars = standards.map((standard) => {
    const passed = standard.controlsPassed
    const failed = standard.controlsFailed
    return {
      label: postureName(standard),
      segments: [
        { name: 'Passed', value: passed, colour: PASSED },
        { name: 'Failed', value: failed, colour: FAILED }
      ],
      valueText: `${passRate(passed, failed)} passed (${formatCount(passed)}/${formatCount(passed + failed)})`
    }
  })
  const listed = standards.map(
    (s) =>
      `${shortLabel(postureName(s))}: ${formatCount(s.controlsPassed)} controls passed, ${formatCount(s.controlsFailed)} failed`
  )
  return barChart({
    id: 'chart-compliance',
    title: 'Controls passed and failed per standard',
    description: `${listed.join('; ')}.`,
    bars,
    legend: [
      { name: 'Passed', colour: PASSED },
      { name: 'Failed', colour: FAILED }
    ],
    scale: 'each'
  })
}

/** One 100% bar per severity of its open findings, stacked by age bucket, labelled with open / over target. */
export function ageChart(age: readonly AgeRow[]): string {
  const bars = age.map((row) => ({
    label: SEVERITY_NAMES[row.severity],
    segments: AGE_BUCKETS.map((bucket, index) => ({
      name: bucket.label,
      value: row.buckets[bucket.key],
      colour: AGE_COLOURS[index] ?? FAILED
    })),
    valueText: `${formatCount(row.open)} open · ${formatCount(row.breaching)} over target`
  }))
  const listed = age.map((row) => {
    const buckets = AGE_BUCKETS.map((b) => `${formatCount(row.buckets[b.key])} ${b.label}`)
    return `${SEVERITY_NAMES[row.severity]}: ${formatCount(row.open)} open (${buckets.join(', ')}), ${formatCount(row.breaching)} over target`
  })
  return barChart({
    id: 'chart-age',
    title: 'Age of open findings per severity',
    description: `${listed.join('; ')}.`,
    bars,
    legend: AGE_BUCKETS.map((bucket, index) => ({
      name: bucket.label,
      colour: AGE_COLOURS[index] ?? FAILED
    })),
    // Each severity's own 100%: how old its findings are matters more than how many there are.
    scale: 'each'
  })
}

// ---- the one bar chart ---------------------------------------------------------------------

interface Segment {
  name: string
  value: number
  colour: Colour
}

interface Bar {
  /** Untrusted. */
  label: string
  segments: Segment[]
  valueText: string
}

interface ChartSpec {
  /** Unique in the document: the `<title>`/`<desc>` ids derive from it. */
  id: string
  title: string
  description: string
  bars: Bar[]
  legend: { name: string; colour: Colour }[]
  /** `shared`: bar lengths compare across rows; `each`: every bar is its own 100%. */
  scale: 'shared' | 'each'
}

const WIDTH = 800
const LABEL_WIDTH = 220
const BAR_WIDTH = 400
const ROW_HEIGHT = 28
const BAR_HEIGHT = 18
const LEGEND_HEIGHT = 26
const PADDING = 6
/** Below this width (px) a segment's number does not fit inside it; the tooltip still has it. */
const MIN_LABELLED_SEGMENT = 26
const MAX_LABEL_CHARACTERS = 30

function barChart(spec: ChartSpec): string {
  const legendHeight = spec.legend.length > 0 ? LEGEND_HEIGHT : 0
  const rowsHeight = Math.max(1, spec.bars.length) * ROW_HEIGHT
  const height = PADDING + legendHeight + rowsHeight + PADDING
  const titleId = `${spec.id}-title`
  const descId = `${spec.id}-desc`
  const body =
    spec.bars.length === 0 || spec.bars.every((bar) => barTotal(bar) === 0)
      ? emptyChart(PADDING + legendHeight)
      : spec.bars
          .map((bar, index) => barRow(bar, PADDING + legendHeight + index * ROW_HEIGHT, spec))
          .join('')
  return (
    `<svg class="chart" id="${htmlAttr(spec.id)}" role="img" aria-labelledby="${htmlAttr(titleId)} ${htmlAttr(descId)}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-size="12">` +
    `<title id="${htmlAttr(titleId)}">${htmlText(spec.title)}</title>` +
    `<desc id="${htmlAttr(descId)}">${htmlText(spec.description, 4000)}</desc>` +
    legend(spec.legend) +
    body +
    '</svg>'
  )
}

function barRow(bar: Bar, top: number, spec: ChartSpec): string {
  const total = barTotal(bar)
  const max = spec.scale === 'each' ? total : Math.max(...spec.bars.map(barTotal))
  const barTop = top + (ROW_HEIGHT - BAR_HEIGHT) / 2
  const textY = num(top + ROW_HEIGHT / 2 + 4)
  let x = LABEL_WIDTH
  const parts: string[] = []
  for (const segment of bar.segments) {
    if (segment.value <= 0 || max <= 0) continue
    const width = (segment.value / max) * BAR_WIDTH
    const tip = `${segment.name}: ${formatCount(segment.value)}`
    parts.push(
      `<rect x="${num(x)}" y="${num(barTop)}" width="${num(width)}" height="${BAR_HEIGHT}" fill="${segment.colour.fill}" stroke="#ffffff" stroke-width="0.5">` +
        `<title>${htmlText(tip)}</title></rect>`
    )
    if (width >= MIN_LABELLED_SEGMENT && bar.segments.length > 1) {
      parts.push(
        `<text x="${num(x + width / 2)}" y="${textY}" text-anchor="middle" fill="${segment.colour.ink}" font-size="11" aria-hidden="true">${formatCount(segment.value)}</text>`
      )
    }
    x += width
  }
  const label = shortLabel(bar.label)
  return (
    '<g>' +
    `<title>${htmlText(`${bar.label}: ${bar.valueText}`)}</title>` +
    `<text x="${LABEL_WIDTH - 8}" y="${textY}" text-anchor="end" fill="#1f2937">${htmlText(label)}</text>` +
    `<rect x="${LABEL_WIDTH}" y="${num(barTop)}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" fill="#f3f4f6"/>` +
    parts.join('') +
    `<text x="${num(x + 6)}" y="${textY}" fill="#1f2937">${htmlText(bar.valueText)}</text>` +
    '</g>'
  )
}

function legend(items: ChartSpec['legend']): string {
  if (items.length === 0) return ''
  let x = LABEL_WIDTH
  const parts = items.map((item) => {
    const swatch = `<rect x="${num(x)}" y="${PADDING + 4}" width="12" height="12" fill="${item.colour.fill}" stroke="#6b7280" stroke-width="0.5"/>`
    const text = `<text x="${num(x + 16)}" y="${PADDING + 14}" fill="#374151">${htmlText(item.name)}</text>`
    x += 16 + item.name.length * 6.5 + 14
    return swatch + text
  })
  return `<g aria-hidden="true">${parts.join('')}</g>`
}

function emptyChart(top: number): string {
  return `<text x="${LABEL_WIDTH}" y="${num(top + ROW_HEIGHT / 2 + 4)}" fill="#6b7280">No data in this period</text>`
}

// ---- helpers -------------------------------------------------------------------------------

function severityLegend(): ChartSpec['legend'] {
  return SEVERITY_LABELS.map((label) => ({
    name: SEVERITY_NAMES[label],
    colour: SEVERITY_COLOURS[label]
  }))
}

function describeSeverities(counts: SeverityCounts): string {
  return SEVERITY_LABELS.map(
    (label) => `${SEVERITY_NAMES[label]} ${formatCount(counts[label])}`
  ).join(', ')
}

function barTotal(bar: Bar): number {
  return bar.segments.reduce((sum, segment) => sum + Math.max(0, segment.value), 0)
}

function share(part: number, total: number): string {
  const percent = (part / total) * 100
  return part > 0 && percent < 1 ? '<1%' : `${Math.round(percent)}%`
}

/** Untrusted label shaped (not escaped) to fit beside a bar. */
function shortLabel(label: string): string {
  return truncate(singleLine(label), MAX_LABEL_CHARACTERS)
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Coordinates to one decimal: shorter markup, and stable output for tests. */
function num(value: number): string {
  return String(Math.round(value * 10) / 10)
}
