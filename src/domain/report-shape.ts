import { REPORT_SCHEMA_VERSION, SECURITY_HUB_SEVERITIES, type ComplianceReport } from './report.js'

/**
 * Checks a parsed report.json against the shape this program writes (schema version 1), every
 * field the trend reads included, and returns the first problem found, or undefined. A previous
 * report comes from a cache or an artifact of another run: anything else in its place (another
 * file, a hand edit, a truncated write) must cost only the trend, never the week's report.
 * Fields added to schema 1 later (`gaps`, `regions`, a posture's `region`, `filters.regions`) are checked when present.
 */
export function reportShapeProblem(value: unknown): string | undefined {
  try {
    checkReport(value)
    return undefined
  } catch (error) {
    if (error instanceof ShapeError) return error.message
    throw error
  }
}

/** The report, when `reportShapeProblem` found nothing wrong with it. */
export function asCheckedReport(value: unknown): ComplianceReport {
  checkReport(value)
  return value as ComplianceReport
}

class ShapeError extends Error {}

type Json = Record<string, unknown>

function fail(path: string, problem: string): never {
  throw new ShapeError(`${path} ${problem}`)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 40))})`
  if (typeof value === 'number') return String(value)
  return typeof value === 'object' ? 'an object' : typeof value
}

function object(value: unknown, path: string): Json {
  if (value === undefined) fail(path, 'is missing')
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, `is ${describe(value)}, not an object`)
  return value as Json
}

function list(value: unknown, path: string): unknown[] {
  if (value === undefined) fail(path, 'is missing')
  if (!Array.isArray(value)) fail(path, `is ${describe(value)}, not a list`)
  return value
}

function text(value: unknown, path: string): string {
  if (value === undefined) fail(path, 'is missing')
  if (typeof value !== 'string') fail(path, `is ${describe(value)}, not a string`)
  return value
}

function instant(value: unknown, path: string): void {
  if (Number.isNaN(Date.parse(text(value, path)))) fail(path, 'is not a date')
}

/** A count: a whole number, at least 0 (JSON's 1e999 parses as Infinity, and is refused here). */
function count(value: unknown, path: string): number {
  if (value === undefined) fail(path, 'is missing')
  if (typeof value !== 'number') fail(path, `is ${describe(value)}, not a number`)
  if (!Number.isSafeInteger(value) || value < 0) fail(path, `is ${value}, not a whole number ≥ 0`)
  return value
}

function countOrNull(value: unknown, path: string): void {
  if (value !== null) count(value, path)
}

/** A signed whole number (a trend's change). */
function integer(value: unknown, path: string): void {
  if (value === undefined) fail(path, 'is missing')
  if (typeof value !== 'number') fail(path, `is ${describe(value)}, not a number`)
  if (!Number.isSafeInteger(value)) fail(path, `is ${value}, not a whole number`)
}

function severity(value: unknown, path: string): void {
  const label = text(value, path)
  if (!(SECURITY_HUB_SEVERITIES as readonly string[]).includes(label))
    fail(path, `is "${label.slice(0, 40)}", not one of ${SECURITY_HUB_SEVERITIES.join(', ')}`)
}

function severityCounts(value: unknown, path: string): void {
  const counts = object(value, path)
  for (const label of SECURITY_HUB_SEVERITIES) count(counts[label], `${path}.${label}`)
}

function each(value: unknown, path: string, check: (item: Json, path: string) => void): void {
  list(value, path).forEach((item, index) =>
    check(object(item, `${path}[${index}]`), `${path}[${index}]`)
  )
}

function checkReport(value: unknown): void {
  const report = object(value, 'the report')
  if (report['schemaVersion'] === undefined) fail('schemaVersion', 'is missing')
  if (report['schemaVersion'] !== REPORT_SCHEMA_VERSION)
    fail('schemaVersion', `is ${describe(report['schemaVersion'])}, not ${REPORT_SCHEMA_VERSION}`)
  instant(report['generatedAt'], 'generatedAt')

  const period = object(report['period'], 'period')
  instant(period['start'], 'period.start')
  instant(period['end'], 'period.end')
  count(period['days'], 'period.days')

  const filters = object(report['filters'], 'filters')
  for (const name of ['products', 'severities', 'accounts', 'resourceTypes', 'workflowStatuses']) {
    list(filters[name], `filters.${name}`).forEach((item, i) => text(item, `filters.${name}[${i}]`))
  }
  if (filters['regions'] !== undefined) {
    list(filters['regions'], 'filters.regions').forEach((item, i) =>
      text(item, `filters.regions[${i}]`)
    )
  }

  const totals = object(report['totals'], 'totals')
  count(totals['findings'], 'totals.findings')
  severityCounts(totals['bySeverity'], 'totals.bySeverity')
  count(totals['newInPeriod'], 'totals.newInPeriod')
  count(totals['older'], 'totals.older')

  for (const name of ['byProduct', 'byResourceType', 'byAccountRegion']) {
    each(report[name], name, (row, path) => {
      text(row['key'], `${path}.key`)
      count(row['total'], `${path}.total`)
      severityCounts(row['bySeverity'], `${path}.bySeverity`)
    })
  }
  each(report['topResources'], 'topResources', (row, path) => {
    text(row['resourceId'], `${path}.resourceId`)
    text(row['resourceType'], `${path}.resourceType`)
    for (const field of ['critical', 'high', 'total']) count(row[field], `${path}.${field}`)
  })
  each(report['age'], 'age', (row, path) => {
    severity(row['severity'], `${path}.severity`)
    count(row['open'], `${path}.open`)
    countOrNull(row['targetDays'], `${path}.targetDays`)
    count(row['breaching'], `${path}.breaching`)
    countOrNull(row['oldestDays'], `${path}.oldestDays`)
    const buckets = object(row['buckets'], `${path}.buckets`)
    for (const bucket of ['upTo1', 'upTo7', 'upTo30', 'upTo90', 'over90'])
      count(buckets[bucket], `${path}.buckets.${bucket}`)
  })
  each(report['compliance'], 'compliance', (standard, path) => {
    text(standard['standardsArn'], `${path}.standardsArn`)
    text(standard['name'], `${path}.name`)
    if (standard['region'] !== undefined) text(standard['region'], `${path}.region`)
    count(standard['controlsPassed'], `${path}.controlsPassed`)
    count(standard['controlsFailed'], `${path}.controlsFailed`)
    each(standard['failingControls'], `${path}.failingControls`, (control, at) => {
      text(control['controlId'], `${at}.controlId`)
      text(control['title'], `${at}.title`)
      severity(control['severity'], `${at}.severity`)
      count(control['failedResources'], `${at}.failedResources`)
    })
  })
  if (report['trend'] === undefined) fail('trend', 'is missing')
  if (report['trend'] !== null) {
    each(report['trend'], 'trend', (entry, path) => {
      text(entry['metric'], `${path}.metric`)
      count(entry['previous'], `${path}.previous`)
      count(entry['current'], `${path}.current`)
      integer(entry['change'], `${path}.change`)
    })
  }
  if (report['gaps'] !== undefined) {
    each(report['gaps'], 'gaps', (gap, path) => {
      for (const field of ['section', 'operation', 'reason', 'effect'])
        text(gap[field], `${path}.${field}`)
    })
  }
  if (report['regions'] !== undefined) {
    list(report['regions'], 'regions').forEach((item, i) => text(item, `regions[${i}]`))
  }
}
