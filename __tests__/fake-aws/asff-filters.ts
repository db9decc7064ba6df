/**
 * GetFindings' `Filters` (AwsSecurityFindingFilters) and `SortCriteria`, over the fixture's
 * finding cores. Semantics, as the @aws-sdk/client-securityhub doc comments (StringFilter,
 * DateRange, GetFindingsRequest) state them:
 * - Different attributes are AND'ed; at most 10 attributes, at most 20 filters per attribute.
 * - String filters, case-sensitive. On one attribute, EQUALS / PREFIX / CONTAINS are OR'ed (a
 *   finding matches if it matches any of them) and NOT_EQUALS / PREFIX_NOT_EQUALS / NOT_CONTAINS
 *   are AND'ed (it must match all of them). PREFIX may be combined with NOT_EQUALS or
 *   PREFIX_NOT_EQUALS: the PREFIX filters select, then the negative ones exclude. Refused with
 *   InvalidInputException, as documented: CONTAINS with anything but CONTAINS, NOT_CONTAINS with
 *   anything but NOT_CONTAINS, EQUALS with NOT_EQUALS or PREFIX_NOT_EQUALS; CONTAINS_WORD (V2
 *   APIs only).
 *   Multi-valued attributes (Type, ComplianceAssociatedStandardsId, …) match a positive filter when
 *   any value does, and pass a negative filter when no value hits it; a finding without the
 *   attribute (e.g. ComplianceStatus on an Inspector finding) fails positive filters and passes
 *   negative ones.
 * - Date filters: `{Start, End}` (both required, as AWS rejects a lone Start; inclusive) or
 *   `{DateRange: {Value, Unit: DAYS, Comparison?: WITHIN | OLDER_THAN}}` relative to the fake's
 *   clock ("now"); several on one attribute are OR'ed.
 * - Number filters (SeverityNormalized, SeverityProduct): `{Gte, Lte, Eq, Gt, Lt}`, the bounds of
 *   one filter AND'ed, several filters OR'ed.
 * - Sample (boolean): no fixture finding is a sample.
 * Every other key (unknown, or an ASFF filter this fake does not implement, such as map filters)
 * is refused with InvalidInputException: a filter is never silently ignored.
 */
import type { AsffCore } from './fixtures-asff.js'
import { DAY_MS } from './fixtures-asff.js'
import { FakeAwsError } from './wire.js'

type StringComparison =
  'EQUALS' | 'PREFIX' | 'CONTAINS' | 'NOT_EQUALS' | 'PREFIX_NOT_EQUALS' | 'NOT_CONTAINS'

const POSITIVE: readonly StringComparison[] = ['EQUALS', 'PREFIX', 'CONTAINS']
const NEGATIVE: readonly StringComparison[] = ['NOT_EQUALS', 'PREFIX_NOT_EQUALS', 'NOT_CONTAINS']

const MAX_ATTRIBUTES = 10
const MAX_FILTERS_PER_ATTRIBUTE = 20

const one = (value: string): readonly string[] => [value]
const none: readonly string[] = []

/** String attributes the fake filters (and sorts) on: the values of one finding. */
export const STRING_FIELDS: Readonly<Record<string, (core: AsffCore) => readonly string[]>> = {
  Id: (c) => one(c.id),
  ProductArn: (c) => one(c.productArn),
  ProductName: (c) => one(c.product),
  CompanyName: (c) => one(c.companyName),
  GeneratorId: (c) => one(c.generatorId),
  AwsAccountId: (c) => one(c.account),
  Region: (c) => one(c.region),
  Type: (c) => c.types,
  SeverityLabel: (c) => one(c.severity),
  FindingProviderFieldsSeverityLabel: (c) => one(c.severity),
  Title: (c) => one(c.title),
  ResourceType: (c) => one(c.resourceType),
  ResourceId: (c) => one(c.resourceId),
  ResourceRegion: (c) => one(c.region),
  ResourcePartition: () => one('aws'),
  RecordState: (c) => one(c.recordState),
  WorkflowStatus: (c) => one(c.workflowStatus),
  ComplianceStatus: (c) => (c.compliance === undefined ? none : one(c.compliance.status)),
  ComplianceSecurityControlId: (c) =>
    c.compliance === undefined ? none : one(c.compliance.control.id),
  ComplianceAssociatedStandardsId: (c) => c.compliance?.standardsIds ?? none,
  VulnerabilitiesExploitAvailable: (c) =>
    c.vulnerability === undefined ? none : one(c.vulnerability.spec.exploitAvailable),
  VulnerabilitiesFixAvailable: (c) =>
    c.vulnerability === undefined
      ? none
      : one(c.vulnerability.spec.fixedInVersion === undefined ? 'NO' : 'YES')
}

/** Date attributes: ms from the scenario start. */
export const DATE_FIELDS: Readonly<Record<string, (core: AsffCore) => number>> = {
  CreatedAt: (c) => c.createdMs,
  UpdatedAt: (c) => c.updatedMs,
  FirstObservedAt: (c) => c.firstObservedMs,
  LastObservedAt: (c) => c.lastObservedMs
}

const NUMBER_FIELDS: Readonly<Record<string, (core: AsffCore) => number | undefined>> = {
  SeverityNormalized: (c) => c.normalized,
  SeverityProduct: (c) => c.threat?.product
}

const BOOLEAN_FIELDS: Readonly<Record<string, (core: AsffCore) => boolean>> = {
  Sample: () => false
}

export interface QueryClock {
  /** Epoch ms of the scenario start: absolute dates are converted with it. */
  startMs: number
  /** "Now" as ms from the scenario start, for DateRange. */
  nowOffsetMs: number
}

export interface CompiledQuery {
  matches(core: AsffCore): boolean
  /** Orders matching findings; ties (and no SortCriteria) keep the fixture's index order. */
  compare(a: AsffCore, b: AsffCore): number
  /** True when a DateRange makes the result depend on "now". */
  relative: boolean
}

export function invalidInput(message: string): FakeAwsError {
  return new FakeAwsError('InvalidInputException', 400, message)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function compileFindingsQuery(
  filters: unknown,
  sortCriteria: unknown,
  clock: QueryClock
): CompiledQuery {
  let relative = false
  const checks: ((core: AsffCore) => boolean)[] = []
  if (filters !== undefined && filters !== null) {
    if (!isRecord(filters))
      throw invalidInput('Filters must be an AwsSecurityFindingFilters object.')
    const entries = Object.entries(filters)
    if (entries.length > MAX_ATTRIBUTES) {
      throw invalidInput(
        `Filters may use at most ${MAX_ATTRIBUTES} attributes; got ${entries.length}.`
      )
    }
    for (const [key, raw] of entries) {
      if (!Array.isArray(raw)) throw invalidInput(`Filters.${key} must be a list of filters.`)
      if (raw.length > MAX_FILTERS_PER_ATTRIBUTE) {
        throw invalidInput(
          `Filters.${key} may hold at most ${MAX_FILTERS_PER_ATTRIBUTE} values; got ${raw.length}.`
        )
      }
      const strings = STRING_FIELDS[key]
      const dates = DATE_FIELDS[key]
      const numbers = NUMBER_FIELDS[key]
      const booleans = BOOLEAN_FIELDS[key]
      if (strings !== undefined) {
        checks.push(stringCheck(key, raw, strings))
      } else if (dates !== undefined) {
        const check = dateCheck(key, raw, dates, clock)
        relative ||= check.relative
        checks.push(check.test)
      } else if (numbers !== undefined) {
        checks.push(numberCheck(key, raw, numbers))
      } else if (booleans !== undefined) {
        checks.push(booleanCheck(key, raw, booleans))
      } else {
        throw invalidInput(
          `Invalid filter key '${key}': not an AwsSecurityFindingFilters attribute that fake-aws implements (filters are never ignored).`
        )
      }
    }
  }
  return {
    matches: (core) => checks.every((check) => check(core)),
    compare: comparator(sortCriteria),
    relative
  }
}

interface StringFilterEntry {
  comparison: StringComparison
  value: string
}

function stringCheck(
  key: string,
  raw: readonly unknown[],
  extract: (core: AsffCore) => readonly string[]
): (core: AsffCore) => boolean {
  const parsed: StringFilterEntry[] = raw.map((entry) => {
    if (!isRecord(entry)) throw invalidInput(`Filters.${key} entries must be StringFilter objects.`)
    const { Value, Comparison } = entry
    if (typeof Value !== 'string') throw invalidInput(`Filters.${key}[].Value must be a string.`)
    if (Comparison === 'CONTAINS_WORD') {
      throw invalidInput(
        `Filters.${key}: the CONTAINS_WORD comparison is only supported by the V2 APIs (GetFindingsV2).`
      )
    }
    if (
      typeof Comparison !== 'string' ||
      ![...POSITIVE, ...NEGATIVE].includes(Comparison as StringComparison)
    ) {
      throw invalidInput(`Filters.${key}[].Comparison '${String(Comparison)}' is not valid.`)
    }
    return { comparison: Comparison as StringComparison, value: Value }
  })
  const kinds = new Set(parsed.map((f) => f.comparison))
  const only = (kind: StringComparison) => [...kinds].every((k) => k === kind)
  if (kinds.has('CONTAINS') && !only('CONTAINS')) {
    throw invalidInput(
      `Filters.${key}: CONTAINS filters can only be used with other CONTAINS filters.`
    )
  }
  if (kinds.has('NOT_CONTAINS') && !only('NOT_CONTAINS')) {
    throw invalidInput(
      `Filters.${key}: NOT_CONTAINS filters can only be used with other NOT_CONTAINS filters.`
    )
  }
  if (kinds.has('EQUALS') && (kinds.has('NOT_EQUALS') || kinds.has('PREFIX_NOT_EQUALS'))) {
    throw invalidInput(
      `Filters.${key}: an EQUALS filter can't be combined with NOT_EQUALS or PREFIX_NOT_EQUALS on the same field.`
    )
  }
  const positive = parsed.filter((f) => POSITIVE.includes(f.comparison))
  const negative = parsed.filter((f) => NEGATIVE.includes(f.comparison))
  const hits = (value: string, f: StringFilterEntry): boolean => {
    switch (f.comparison) {
      case 'EQUALS':
      case 'NOT_EQUALS':
        return value === f.value
      case 'PREFIX':
      case 'PREFIX_NOT_EQUALS':
        return value.startsWith(f.value)
      case 'CONTAINS':
      case 'NOT_CONTAINS':
        return value.includes(f.value)
    }
  }
  return (core) => {
    const values = extract(core)
    if (positive.length > 0 && !positive.some((f) => values.some((v) => hits(v, f)))) return false
    return negative.every((f) => !values.some((v) => hits(v, f)))
  }
}

function parseDate(key: string, text: unknown, clock: QueryClock, member: string): number {
  const ms = typeof text === 'string' ? Date.parse(text) : NaN
  if (Number.isNaN(ms)) {
    throw invalidInput(`Filters.${key}[].${member} '${String(text)}' is not a valid timestamp.`)
  }
  return ms - clock.startMs
}

function dateCheck(
  key: string,
  raw: readonly unknown[],
  extract: (core: AsffCore) => number,
  clock: QueryClock
): { test: (core: AsffCore) => boolean; relative: boolean } {
  let relative = false
  const ranges = raw.map((entry): [number, number] => {
    if (!isRecord(entry)) throw invalidInput(`Filters.${key} entries must be DateFilter objects.`)
    const { Start, End, DateRange } = entry
    if (DateRange !== undefined) {
      if (Start !== undefined || End !== undefined) {
        throw invalidInput(`Filters.${key}: use either Start and End or DateRange, not both.`)
      }
      if (!isRecord(DateRange)) throw invalidInput(`Filters.${key}[].DateRange must be an object.`)
      const { Value, Unit, Comparison } = DateRange
      if (typeof Value !== 'number' || !Number.isInteger(Value) || Value < 1) {
        throw invalidInput(`Filters.${key}[].DateRange.Value must be a positive integer.`)
      }
      if (Unit !== 'DAYS') {
        throw invalidInput(`Filters.${key}[].DateRange.Unit '${String(Unit)}' is not valid (DAYS).`)
      }
      if (Comparison !== undefined && Comparison !== 'WITHIN' && Comparison !== 'OLDER_THAN') {
        throw invalidInput(
          `Filters.${key}[].DateRange.Comparison '${String(Comparison)}' is not valid (WITHIN | OLDER_THAN).`
        )
      }
      relative = true
      const boundary = clock.nowOffsetMs - Value * DAY_MS
      return Comparison === 'OLDER_THAN'
        ? [-Infinity, boundary - 1]
        : [boundary, Number.POSITIVE_INFINITY]
    }
    if (Start === undefined || End === undefined) {
      throw invalidInput(`Filters.${key}: a date filter needs both Start and End, or a DateRange.`)
    }
    return [parseDate(key, Start, clock, 'Start'), parseDate(key, End, clock, 'End')]
  })
  return {
    test: (core) => {
      const at = extract(core)
      return ranges.some(([from, to]) => at >= from && at <= to)
    },
    relative
  }
}

function numberCheck(
  key: string,
  raw: readonly unknown[],
  extract: (core: AsffCore) => number | undefined
): (core: AsffCore) => boolean {
  const bounds = raw.map((entry) => {
    if (!isRecord(entry)) throw invalidInput(`Filters.${key} entries must be NumberFilter objects.`)
    const members = ['Gte', 'Lte', 'Eq', 'Gt', 'Lt'] as const
    const given = members.filter((m) => entry[m] !== undefined)
    if (given.length === 0 || given.some((m) => typeof entry[m] !== 'number')) {
      throw invalidInput(`Filters.${key}[] needs numeric Gte, Lte, Eq, Gt or Lt.`)
    }
    const n = (m: (typeof members)[number]) => entry[m] as number | undefined
    return (value: number) =>
      (n('Gte') === undefined || value >= (n('Gte') as number)) &&
      (n('Lte') === undefined || value <= (n('Lte') as number)) &&
      (n('Eq') === undefined || value === n('Eq')) &&
      (n('Gt') === undefined || value > (n('Gt') as number)) &&
      (n('Lt') === undefined || value < (n('Lt') as number))
  })
  return (core) => {
    const value = extract(core)
    return value !== undefined && bounds.some((test) => test(value))
  }
}

function booleanCheck(
  key: string,
  raw: readonly unknown[],
  extract: (core: AsffCore) => boolean
): (core: AsffCore) => boolean {
  const wanted = raw.map((entry) => {
    if (!isRecord(entry) || typeof entry.Value !== 'boolean') {
      throw invalidInput(`Filters.${key}[].Value must be a boolean.`)
    }
    return entry.Value
  })
  return (core) => wanted.includes(extract(core))
}

/** SortCriteria `[{Field, SortOrder: asc | desc}]`; SortOrder defaults to asc. */
function comparator(sortCriteria: unknown): (a: AsffCore, b: AsffCore) => number {
  const byIndex = (a: AsffCore, b: AsffCore) => a.index - b.index
  if (sortCriteria === undefined || sortCriteria === null) return byIndex
  if (!Array.isArray(sortCriteria)) throw invalidInput('SortCriteria must be a list.')
  const keys = sortCriteria.map((criterion: unknown) => {
    if (!isRecord(criterion) || typeof criterion.Field !== 'string') {
      throw invalidInput('SortCriteria[].Field must be a finding attribute name.')
    }
    const { Field, SortOrder } = criterion
    if (SortOrder !== undefined && SortOrder !== 'asc' && SortOrder !== 'desc') {
      throw invalidInput(
        `SortCriteria[].SortOrder '${String(SortOrder)}' is not valid (asc | desc).`
      )
    }
    const sign = SortOrder === 'desc' ? -1 : 1
    const strings = STRING_FIELDS[Field]
    const dates = DATE_FIELDS[Field]
    const numbers = NUMBER_FIELDS[Field]
    if (strings !== undefined) {
      return (a: AsffCore, b: AsffCore) => {
        const x = strings(a)[0] ?? ''
        const y = strings(b)[0] ?? ''
        return sign * (x < y ? -1 : x > y ? 1 : 0)
      }
    }
    if (dates !== undefined) return (a: AsffCore, b: AsffCore) => sign * (dates(a) - dates(b))
    if (numbers !== undefined) {
      return (a: AsffCore, b: AsffCore) =>
        sign * ((numbers(a) ?? -Infinity) - (numbers(b) ?? -Infinity) || 0)
    }
    throw invalidInput(`SortCriteria[].Field '${Field}' is not a sortable finding attribute.`)
  })
  return (a, b) => {
    for (const key of keys) {
      const order = key(a, b)
      if (order !== 0) return order
    }
    return byIndex(a, b)
  }
}
