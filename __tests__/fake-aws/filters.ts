/**
 * Inspector's string filters: a key holds 1–10 `{comparison, value}` entries. A value passes
 * when it matches at least one EQUALS/PREFIX entry (if there are any) and no NOT_EQUALS entry.
 * Keys the fake does not implement are rejected loudly, so a test never passes because a filter
 * was silently ignored.
 */
import { FakeAwsError } from './wire.js'

type Comparison = 'EQUALS' | 'NOT_EQUALS' | 'PREFIX'

interface StringFilter {
  comparison: Comparison
  value: string
}

/** key → the values of that attribute on one item (several for tags). */
export type Extractors<T> = Record<string, (item: T) => readonly (string | undefined)[]>

export function applyStringFilters<T>(
  items: readonly T[],
  criteria: unknown,
  extractors: Extractors<T>,
  allowed: readonly Comparison[]
): T[] {
  if (criteria === undefined || criteria === null) return [...items]
  if (typeof criteria !== 'object') throw validation('filterCriteria must be an object')
  const checks = Object.entries(criteria).map(([key, raw]) => {
    const extract = extractors[key]
    if (extract === undefined) {
      throw validation(`fake-aws does not implement the filter key '${key}'`)
    }
    const filters = parseFilters(key, raw, allowed)
    return (item: T) => matches(extract(item), filters)
  })
  return items.filter((item) => checks.every((check) => check(item)))
}

function parseFilters(key: string, raw: unknown, allowed: readonly Comparison[]): StringFilter[] {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 10) {
    throw validation(`filterCriteria.${key} must hold 1 to 10 filters`)
  }
  return raw.map((entry: unknown) => {
    if (
      entry === null ||
      typeof entry !== 'object' ||
      !('comparison' in entry) ||
      !('value' in entry)
    ) {
      throw validation(`filterCriteria.${key} entries need comparison and value`)
    }
    const { comparison, value } = entry
    if (typeof value !== 'string' || value.length < 1 || value.length > 1024) {
      throw validation(`filterCriteria.${key}.value must be a string of 1 to 1024 characters`)
    }
    if (!allowed.includes(comparison as Comparison)) {
      throw validation(
        `Value '${String(comparison)}' at 'filterCriteria.${key}.comparison' is not supported`
      )
    }
    return { comparison: comparison as Comparison, value }
  })
}

function matches(values: readonly (string | undefined)[], filters: StringFilter[]): boolean {
  const present = values.filter((v): v is string => v !== undefined)
  const positive = filters.filter((f) => f.comparison !== 'NOT_EQUALS')
  const negative = filters.filter((f) => f.comparison === 'NOT_EQUALS')
  const hit = (f: StringFilter) =>
    present.some((v) => (f.comparison === 'PREFIX' ? v.startsWith(f.value) : v === f.value))
  return (positive.length === 0 || positive.some(hit)) && !negative.some(hit)
}

function validation(message: string): FakeAwsError {
  return new FakeAwsError(
    'ValidationException',
    400,
    message,
    {},
    { reason: 'FIELD_VALIDATION_FAILED' }
  )
}
