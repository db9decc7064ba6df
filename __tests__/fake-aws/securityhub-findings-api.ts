/**
 * Security Hub CSPM GetFindings (classic ASFF), as @aws-sdk/client-securityhub models it:
 * `POST /findings` `{Filters?, SortCriteria?, NextToken?, MaxResults? (1–100, default 100)}` →
 * `{Findings, NextToken?}` (paginator `paginateGetFindings`; every ASFF date is an ISO string).
 *
 * - Needs the hub: 401 InvalidAccessException otherwise (checked first, so a hub that is off
 *   answers every call that way).
 * - Rate limit: AWS's 3 requests/second with a burst of 6, as a token bucket per account and
 *   Region on the fake's clock (real ms; `securityHub.getFindingsThrottle`). Over it: 429
 *   LimitExceededException, the error the SDK models for Security Hub throttling (it has no
 *   TooManyRequestsException; the SDK's standard retry treats it as throttling).
 * - Filters and sort: see asff-filters.ts.
 * - Pagination: opaque tokens carry the offset, a fingerprint of Filters + SortCriteria and the
 *   instant the first page was evaluated at. A token sent with other Filters or SortCriteria is
 *   refused (InvalidInputException); a DateRange keeps meaning what it meant on the first page,
 *   so a paginating client sees every matching finding exactly once, in a stable order.
 * The findings come from `securityHub.findings` (fixtures-asff.ts), generated lazily from their
 * index; the matching indices of the last few queries are cached, so paging through 100k
 * findings costs one pass over them.
 */
import { createHash } from 'node:crypto'
import type { GetFindingsResponse } from '@aws-sdk/client-securityhub'
import { compileFindingsQuery, invalidInput } from './asff-filters.js'
import { asffCoreAt, renderAsff, resolveAsffFixture } from './fixtures-asff.js'
import type { AsffCore, AsffFixture } from './fixtures-asff.js'
import type { AsffFixtureSpec } from './scenario.js'
import { requireHub } from './securityhub-baseline-api.js'
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

type Input = Record<string, unknown>

export interface SecurityHubContext {
  /** The Region of the request's SigV4 credential scope (the rate limit is per account and Region). */
  signingRegion?: string | undefined
  /** The calling account (organization.ts); the scenario's own when absent. */
  caller?: string
}

export const GET_FINDINGS_RATE_PER_SECOND = 3
export const GET_FINDINGS_BURST = 6
const MAX_PAGE = 100
const CACHED_QUERIES = 8

const resolved = new WeakMap<AsffFixtureSpec, AsffFixture>()
const caches = new WeakMap<FakeState, Map<string, Int32Array>>()

/** The scenario's fixture, resolved once per spec object. */
export function fixtureOf(state: FakeState): AsffFixture | undefined {
  const spec = state.scenario.securityHub?.findings
  if (spec === undefined) return undefined
  let fixture = resolved.get(spec)
  if (fixture === undefined) {
    fixture = resolveAsffFixture(spec)
    resolved.set(spec, fixture)
  }
  return fixture
}

/** Token bucket: `burst` tokens, refilled at `ratePerSecond`; a refused call takes none. */
function throttleGetFindings(state: FakeState, context: SecurityHubContext): void {
  const spec = state.scenario.securityHub?.getFindingsThrottle
  if (spec === false) return
  const rate = spec?.ratePerSecond ?? GET_FINDINGS_RATE_PER_SECOND
  const capacity = (spec?.burst ?? GET_FINDINGS_BURST) * 1000
  const key = `${state.catalog.account}/${context.signingRegion ?? state.catalog.region}`
  const nowMs = state.clock.elapsedMs()
  const buckets = state.securityHub.getFindingsBuckets
  const bucket = buckets.get(key) ?? { milliTokens: capacity, atMs: nowMs }
  // rate tokens/second = rate milli-tokens/ms: integer arithmetic, no drift.
  bucket.milliTokens = Math.min(capacity, bucket.milliTokens + (nowMs - bucket.atMs) * rate)
  bucket.atMs = nowMs
  buckets.set(key, bucket)
  if (bucket.milliTokens < 1000) {
    const waitSeconds = (1000 - bucket.milliTokens) / rate / 1000
    const headers: Record<string, string> =
      spec !== undefined && spec.retryAfterHeader === true
        ? { 'retry-after': waitSeconds.toFixed(3) }
        : {}
    throw new FakeAwsError('LimitExceededException', 429, 'Rate exceeded', headers)
  }
  bucket.milliTokens -= 1000
}

interface PageToken {
  offset: number
  fingerprint: string
  asOfMs: number
}

function encodeToken(token: PageToken): string {
  return Buffer.from(
    JSON.stringify({ o: token.offset, f: token.fingerprint, t: token.asOfMs })
  ).toString('base64url')
}

function decodeToken(text: string, fingerprint: string): PageToken {
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    decoded = undefined
  }
  if (
    decoded === null ||
    typeof decoded !== 'object' ||
    !('o' in decoded) ||
    !('f' in decoded) ||
    !('t' in decoded) ||
    typeof decoded.o !== 'number' ||
    typeof decoded.f !== 'string' ||
    typeof decoded.t !== 'number'
  ) {
    throw invalidInput('Invalid NextToken: it was not issued by GetFindings.')
  }
  if (decoded.f !== fingerprint) {
    throw invalidInput(
      'Invalid NextToken: it belongs to a GetFindings request with other Filters or SortCriteria.'
    )
  }
  return { offset: decoded.o, fingerprint: decoded.f, asOfMs: decoded.t }
}

function pageSizeOf(maxResults: unknown): number {
  if (maxResults === undefined) return MAX_PAGE
  if (
    typeof maxResults !== 'number' ||
    !Number.isInteger(maxResults) ||
    maxResults < 1 ||
    maxResults > MAX_PAGE
  ) {
    throw invalidInput(
      `Invalid MaxResults '${String(maxResults)}': it must be between 1 and ${MAX_PAGE}.`
    )
  }
  return maxResults
}

/** Indices of the matching findings, in response order (cached per query and instant). */
function matchingIndices(
  state: FakeState,
  fixture: AsffFixture,
  input: Input,
  fingerprint: string,
  asOfMs: number
): Int32Array {
  const startMs = state.clock.dateAt(0).getTime()
  const query = compileFindingsQuery(input.Filters, input.SortCriteria, {
    startMs,
    nowOffsetMs: asOfMs
  })
  const key = `${fingerprint}|${query.relative ? asOfMs : ''}|${startMs}`
  let cache = caches.get(state)
  if (cache === undefined) {
    cache = new Map()
    caches.set(state, cache)
  }
  const hit = cache.get(key)
  if (hit !== undefined) {
    // Most recently used last.
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const sorted = input.SortCriteria !== undefined && input.SortCriteria !== null
  const cores: AsffCore[] = []
  const indices: number[] = []
  for (let i = 0; i < fixture.count; i += 1) {
    const core = asffCoreAt(fixture, i)
    if (!query.matches(core)) continue
    if (sorted) cores.push(core)
    else indices.push(i)
  }
  const result = sorted
    ? Int32Array.from(cores.sort(query.compare), (core) => core.index)
    : Int32Array.from(indices)
  cache.set(key, result)
  while (cache.size > CACHED_QUERIES) {
    const oldest = cache.keys().next().value
    if (oldest === undefined) break
    cache.delete(oldest)
  }
  return result
}

export function getFindings(
  state: FakeState,
  input: Input,
  context: SecurityHubContext = {}
): GetFindingsResponse {
  requireHub(state)
  throttleGetFindings(state, context)
  const pageSize = pageSizeOf(input.MaxResults)
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([input.Filters ?? null, input.SortCriteria ?? null]))
    .digest('hex')
    .slice(0, 16)
  const token =
    typeof input.NextToken === 'string' && input.NextToken !== ''
      ? decodeToken(input.NextToken, fingerprint)
      : { offset: 0, fingerprint, asOfMs: state.clock.elapsedMs() }
  const fixture = fixtureOf(state)
  // Validate Filters and SortCriteria even when there is nothing to filter.
  if (fixture === undefined || fixture.count === 0) {
    compileFindingsQuery(input.Filters, input.SortCriteria, {
      startMs: state.clock.dateAt(0).getTime(),
      nowOffsetMs: token.asOfMs
    })
    return { Findings: [] }
  }
  const indices = matchingIndices(state, fixture, input, fingerprint, token.asOfMs)
  const startMs = state.clock.dateAt(0).getTime()
  const end = Math.min(indices.length, token.offset + pageSize)
  const findings = []
  for (let i = token.offset; i < end; i += 1) {
    findings.push(renderAsff(asffCoreAt(fixture, indices[i] ?? 0), startMs))
  }
  const out: GetFindingsResponse = { Findings: findings }
  if (end < indices.length) out.NextToken = encodeToken({ ...token, offset: end })
  return out
}
