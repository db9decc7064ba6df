import type { Finding } from './finding.js'

/**
 * Inspector's own count of what one initial scan found: the `finding-severity-counts` of the
 * `Inspector2 Scan` EventBridge event (`scan-status: INITIAL_SCAN_COMPLETE`). AWS names a severity
 * only when its count is not zero; `TOTAL` counts every severity, LOW and below included.
 */
export interface ScanEventCounts {
  /** Per Inspector severity (`CRITICAL`, `HIGH`, `MEDIUM`, …), as the event names them. */
  bySeverity: Record<string, number>
  total: number
}

/** One `Inspector2 Scan` event for an ECR image digest, as read back from the log group. */
export interface ScanEvent {
  repositoryArn: string
  digest: string
  /** The event's `time`: when Inspector reported the scan complete. */
  time: Date
  counts: ScanEventCounts
  account: string
  region: string
}

/** Why a log event that names a digest could not be used as its scan event. */
export class ScanEventShapeError extends Error {
  override name = 'ScanEventShapeError'
}

const INITIAL_SCAN_COMPLETE = 'INITIAL_SCAN_COMPLETE'

/**
 * The scan event in one log message (EventBridge writes the whole event as JSON), or undefined
 * when the message is another kind of event (other source, detail-type or scan status: a log
 * group may hold more than the rule sends). A scan event of odd shape is an error naming what is
 * wrong, so the gate can say why it settles without it instead of trusting half an event.
 */
export function parseScanEvent(message: string): ScanEvent | undefined {
  let event: unknown
  try {
    event = JSON.parse(message)
  } catch {
    return undefined
  }
  if (!isRecord(event)) return undefined
  if (event.source !== 'aws.inspector2' || event['detail-type'] !== 'Inspector2 Scan')
    return undefined
  const detail = event.detail
  if (!isRecord(detail)) throw new ScanEventShapeError('the Inspector2 Scan event has no detail')
  if (detail['scan-status'] !== INITIAL_SCAN_COMPLETE) return undefined
  // Lambda scan events name no image: they are not about any digest this gate waits for.
  if (detail['image-digest'] === undefined) return undefined

  const digest = text(detail['image-digest'], 'detail.image-digest')
  const repositoryArn = text(detail['repository-name'], 'detail.repository-name')
  const time = new Date(text(event.time, 'time'))
  if (Number.isNaN(time.getTime()))
    throw new ScanEventShapeError(`the scan event's time "${String(event.time)}" is not a date`)
  return {
    digest,
    repositoryArn,
    time,
    counts: parseCounts(detail['finding-severity-counts']),
    account: text(event.account, 'account'),
    region: text(event.region, 'region')
  }
}

function parseCounts(raw: unknown): ScanEventCounts {
  if (!isRecord(raw))
    throw new ScanEventShapeError('the scan event has no detail.finding-severity-counts')
  const bySeverity: Record<string, number> = {}
  let total: number | undefined
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new ScanEventShapeError(
        `the scan event's finding-severity-counts.${key} is ${JSON.stringify(value)}, not a count`
      )
    }
    if (key === 'TOTAL') total = value
    else bySeverity[key] = value
  }
  if (total === undefined)
    throw new ScanEventShapeError('the scan event has no finding-severity-counts.TOTAL')
  const named = Object.values(bySeverity).reduce((a, b) => a + b, 0)
  if (named > total) {
    throw new ScanEventShapeError(
      `the scan event's severity counts add up to ${named}, more than its TOTAL ${total}`
    )
  }
  return { bySeverity, total }
}

/** What the findings read so far lack against the event's counts; empty when they hold them all. */
export function countShortfall(findings: readonly Finding[], counts: ScanEventCounts): string[] {
  const short: string[] = []
  for (const [severity, expected] of Object.entries(counts.bySeverity)) {
    // The event names Inspector's severities (`HIGH`); findings carry them in lower case.
    const held = findings.filter((f) => f.severity.toUpperCase() === severity).length
    if (held < expected) short.push(`${severity} ${held} of ${expected}`)
  }
  if (findings.length < counts.total) short.push(`TOTAL ${findings.length} of ${counts.total}`)
  return short
}

/** `CRITICAL 1, HIGH 2, TOTAL 5`: the event's counts in its own order, for logs and summaries. */
export function describeCounts(counts: ScanEventCounts): string {
  return [
    ...Object.entries(counts.bySeverity).map(([s, n]) => `${s} ${n}`),
    `TOTAL ${counts.total}`
  ].join(', ')
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '')
    throw new ScanEventShapeError(`the scan event has no ${field}`)
  return value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
