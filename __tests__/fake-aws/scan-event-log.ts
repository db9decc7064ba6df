/**
 * The log group an EventBridge rule fills with Inspector's `Inspector2 Scan` events (Scenario
 * `scanEvents`): one event per enhanced-scanned digest whose coverage turns SUCCESSFUL, unless its
 * content says `scanEvent: 'never'`. Each event carries the whole EventBridge event as its message,
 * as a CloudWatch Logs target writes it; its log timestamp is the wall-clock date of its scenario
 * second, and the event's `time` that date rounded down to whole seconds (EventBridge's format).
 */
import { createHash } from 'node:crypto'
import type { StoredImage } from './catalog.js'
import type { ScannableContent } from './scenario.js'
import { repositoryArn } from './state.js'
import type { FakeState } from './state.js'

export interface StoredLogEvent {
  /** Scenario second from which the event is in the group (FilterLogEvents returns it). */
  atSeconds: number
  logStreamName: string
  /** Epoch ms. */
  timestamp: number
  ingestionTime: number
  message: string
  eventId: string
  /** The digest the event is about (for tests). */
  digest: string
}

export type SeverityCounts = Partial<Record<'CRITICAL' | 'HIGH' | 'MEDIUM' | 'TOTAL', number>>

/** Lag between an event's timestamp and its ingestion into the group, as CloudWatch reports it. */
const INGESTION_LAG_MS = 180

/** Every scan event of the scenario's log group, visible yet or not, sorted by timestamp. */
export function scanEventLog(state: FakeState): StoredLogEvent[] {
  if (state.scenario.scanEvents === undefined) return []
  if (state.catalog.registryScanType !== 'ENHANCED') return []
  const events = state.catalog
    .allImages()
    .flatMap((image) => {
      const event = scanEventOf(state, image)
      return event === undefined ? [] : [event]
    })
    .sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId))
  return events
}

function scanEventOf(state: FakeState, image: StoredImage): StoredLogEvent | undefined {
  // Only single images and platform children are scanned; an index or attestation has no scan.
  if (image.role !== 'image' && image.role !== 'platform-child') return undefined
  const spec = image.content.scanEvent
  if (spec === 'never') return undefined
  const successful = image.coverage
    .filter((step) => step.reason === 'SUCCESSFUL')
    .map((step) => step.atSeconds)
  const atSeconds =
    spec?.atSeconds ?? (successful.length === 0 ? undefined : Math.min(...successful))
  if (atSeconds === undefined) return undefined
  const { account, region } = state.catalog
  const timestamp = Math.floor(state.clock.dateAt(atSeconds).getTime())
  const id = uuidFrom(`${state.scenario.name}/${image.repositoryName}@${image.digest}`)
  const arn = repositoryArn(state, image.repositoryName)
  const message = JSON.stringify({
    version: '0',
    id,
    'detail-type': 'Inspector2 Scan',
    source: 'aws.inspector2',
    account,
    time: new Date(Math.floor(timestamp / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    region,
    resources: [arn],
    detail: {
      'scan-status': 'INITIAL_SCAN_COMPLETE',
      'repository-name': arn,
      'finding-severity-counts': spec?.counts ?? defaultCounts(image.content),
      'image-digest': image.digest,
      'image-tags': image.tags
    }
  })
  return {
    atSeconds,
    logStreamName: id,
    timestamp,
    ingestionTime: timestamp + INGESTION_LAG_MS,
    message,
    // AWS's event ids are long decimal strings; this one is unique per group and stable.
    eventId: `${String(timestamp).padStart(16, '0')}${BigInt(
      `0x${id.replace(/-/g, '').slice(0, 15)}`
    )
      .toString()
      .padStart(20, '0')}`,
    digest: image.digest
  }
}

/**
 * Inspector's counts: CRITICAL, HIGH and MEDIUM only when non-zero, TOTAL over every severity.
 * From all of the digest's ACTIVE findings in the scenario, also those not yet listable: the event
 * says what the scan found, ListFindings may lag behind it. Suppressed and closed findings are not
 * counted (Inspector counts active findings).
 */
export function defaultCounts(content: ScannableContent): SeverityCounts {
  const active = (content.findings ?? []).filter(
    (finding) => finding.status === undefined || finding.status === 'ACTIVE'
  )
  const counts: SeverityCounts = {}
  for (const severity of ['CRITICAL', 'HIGH', 'MEDIUM'] as const) {
    const n = active.filter((finding) => finding.severity === severity).length
    if (n > 0) counts[severity] = n
  }
  counts.TOTAL = active.length
  return counts
}

function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
