/**
 * CloudWatch Logs (AWS JSON 1.1) operations: only FilterLogEvents, over the one log group a
 * scenario can have (`scanEvents`, filled by scan-event-log.ts). Of the filter pattern syntax only
 * terms are understood — bare or quoted terms (all must match) and `?term`s (one must match); an
 * empty pattern matches every event. Anything else (JSON or space-delimited patterns, exclusions)
 * is refused rather than matched loosely, so a test can never pass on a pattern AWS reads otherwise.
 */
import { paginate } from './paging.js'
import { scanEventLog } from './scan-event-log.js'
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

export const LOGS_TARGET_PREFIX = 'Logs_20140328.'

/** FilterLogEvents' default and largest `limit`, as its model and docs say. */
export const FILTER_LOG_EVENTS_MAX_LIMIT = 10_000

/** Tokens of the scenario's leading empty pages; real pages carry paging.ts's tokens. */
const EMPTY_PAGE_TOKEN = /^empty-page-(\d+)$/

export function handleLogs(
  state: FakeState,
  operation: string,
  input: Record<string, unknown>
): Record<string, unknown> {
  if (operation !== 'FilterLogEvents') {
    throw new FakeAwsError(
      'UnknownOperationException',
      400,
      `fake-aws: CloudWatch Logs ${operation} is not implemented`
    )
  }
  return filterLogEvents(state, input)
}

function filterLogEvents(
  state: FakeState,
  input: Record<string, unknown>
): Record<string, unknown> {
  const spec = state.scenario.scanEvents
  const group = input['logGroupName'] ?? input['logGroupIdentifier']
  if (typeof group !== 'string' || group === '') {
    throw new FakeAwsError(
      'InvalidParameterException',
      400,
      'Either logGroupName or logGroupIdentifier must be specified.'
    )
  }
  const { account, region } = state.catalog
  if (spec?.accessDenied === true) {
    // IAM decides before the group is looked up: a denied caller learns nothing about it.
    throw new FakeAwsError(
      'AccessDeniedException',
      400,
      `User: arn:aws:sts::${account}:assumed-role/github-actions-inspector-gate/GitHubActions is not authorized to perform: logs:FilterLogEvents on resource: arn:aws:logs:${region}:${account}:log-group:${group}:log-stream: because no identity-based policy allows the logs:FilterLogEvents action`
    )
  }
  if (spec === undefined || spec.logGroupName !== group) {
    throw new FakeAwsError(
      'ResourceNotFoundException',
      400,
      'The specified log group does not exist.'
    )
  }
  const pattern = typeof input['filterPattern'] === 'string' ? input['filterPattern'] : ''
  const matches = parseFilterPattern(pattern)
  const startTime = numberOr(input['startTime'], -Infinity)
  const endTime = numberOr(input['endTime'], Infinity)

  // The scenario's leading empty pages: a search AWS has not got far with yet.
  const emptyPages = spec.emptyPages ?? 0
  const token = input['nextToken']
  const emptyServed =
    token === undefined ? 0 : Number(EMPTY_PAGE_TOKEN.exec(String(token))?.[1] ?? NaN)
  if (!Number.isNaN(emptyServed) && emptyServed < emptyPages) {
    return { events: [], nextToken: `empty-page-${emptyServed + 1}` }
  }

  const nowSeconds = state.clock.scenarioSeconds()
  const events = scanEventLog(state).filter(
    (event) =>
      event.atSeconds <= nowSeconds &&
      event.timestamp >= startTime &&
      event.timestamp <= endTime &&
      matches(event.message)
  )
  const page = paginate(events, {
    nextToken: Number.isNaN(emptyServed) ? token : undefined,
    maxResults: input['limit'],
    query: { group, pattern, startTime: input['startTime'], endTime: input['endTime'] },
    defaultPageSize: FILTER_LOG_EVENTS_MAX_LIMIT,
    minPageSize: 1,
    maxPageSize: FILTER_LOG_EVENTS_MAX_LIMIT,
    errorCode: 'InvalidParameterException'
  })
  const answer: Record<string, unknown> = {
    events: page.items.map((event) => ({
      logStreamName: event.logStreamName,
      timestamp: event.timestamp,
      message: event.message,
      ingestionTime: event.ingestionTime,
      eventId: event.eventId
    }))
  }
  if (page.nextToken !== undefined) answer['nextToken'] = page.nextToken
  return answer
}

/**
 * A matcher for a term filter pattern: `"quoted term"` or `bare` terms must all occur in the
 * message, and at least one `?term` must, when there are any. Throws InvalidParameterException
 * naming the pattern for any other syntax.
 */
export function parseFilterPattern(pattern: string): (message: string) => boolean {
  const all: string[] = []
  const any: string[] = []
  const term = /\s*(\?)?(?:"((?:[^"\\]|\\.)*)"|([A-Za-z0-9_]+))(?=\s|$)/y
  let at = 0
  while (at < pattern.length) {
    if (pattern.slice(at).trim() === '') break
    term.lastIndex = at
    const found = term.exec(pattern)
    if (found === null) {
      throw new FakeAwsError(
        'InvalidParameterException',
        400,
        `fake-aws: filter pattern ${JSON.stringify(pattern.slice(0, 200))} is not supported; only terms ("quoted", bare, or ?-ORed) are`
      )
    }
    const text = found[2] !== undefined ? found[2].replace(/\\(.)/g, '$1') : (found[3] ?? '')
    ;(found[1] === '?' ? any : all).push(text)
    at = term.lastIndex
  }
  return (message) =>
    all.every((t) => message.includes(t)) &&
    (any.length === 0 || any.some((t) => message.includes(t)))
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}
