import { AwsCallError } from '../../aws/errors.js'
import { filterLogMessages } from '../../aws/scan-events.js'
import { parseScanEvent, ScanEventShapeError, type ScanEvent } from '../../domain/scan-event.js'
import type { ScanDeps } from './deps.js'

/** The image digest whose `Inspector2 Scan` event a target waits for. */
export interface ScanEventSubject {
  digest: string
  /** `arn:aws:ecr:<region>:<account>:repository/<name>`, as the event's `repository-name` holds it. */
  repositoryArn: string
  region: string
  /** The push (AWS's clock, epoch ms): an event from before it is about an earlier push. */
  pushedAt: number
}

export type ScanEventState =
  | { kind: 'found'; event: ScanEvent }
  | { kind: 'pending' }
  | { kind: 'unavailable'; reason: string }

/** What one target knows of its scan event; the watcher keeps it current in the background. */
export interface ScanEventHandle {
  state(): ScanEventState
  /** Aborts when the event is found, so a wait (coverage, settle) can end at once. */
  readonly found: AbortSignal
  /** The target is done: stop looking for its event. */
  close(): void
}

export interface ScanEventSource {
  watch(subject: ScanEventSubject): ScanEventHandle
}

/**
 * A log group's `Inspector2 Scan` events are searched from this long before the push, for
 * EventBridge's timestamps and AWS's clocks; the event itself must be at or after the push.
 */
const LOOK_BACK_MS = 60_000
/** Event times have whole seconds; a push has milliseconds. */
const TIME_GRAIN_MS = 1_000
/** CloudWatch Logs caps a filter pattern at 1,024 characters: at most this many digest terms. */
const MAX_DIGEST_TERMS = 12

interface Watched {
  subject: ScanEventSubject
  state: ScanEventState
  found: AbortController
}

/**
 * Watches one log group for the scan events of every target that asked, with ONE FilterLogEvents
 * search per interval for all of them (the digests ORed in one narrow pattern), so twenty targets
 * cost what one does. It runs only while a target waits and stops at the deadline. A permission or
 * a missing group ends the watch for every target: each then settles by the quiet period, and the
 * reason is logged once.
 */
export class LogGroupWatcher implements ScanEventSource {
  private readonly watched = new Set<Watched>()
  private running = false
  private stopped: string | undefined
  private idle = new AbortController()

  constructor(
    private readonly logGroupName: string,
    private readonly region: string,
    private readonly deps: ScanDeps
  ) {}

  watch(subject: ScanEventSubject): ScanEventHandle {
    const entry: Watched = {
      subject,
      state:
        this.stopped === undefined
          ? { kind: 'pending' }
          : { kind: 'unavailable', reason: this.stopped },
      found: new AbortController()
    }
    if (this.stopped === undefined) {
      this.watched.add(entry)
      if (!this.running) void this.run()
    }
    return {
      state: () => entry.state,
      found: entry.found.signal,
      close: () => {
        this.watched.delete(entry)
        if (this.pending().length === 0) this.idle.abort()
      }
    }
  }

  private pending(): Watched[] {
    return [...this.watched].filter((w) => w.state.kind === 'pending')
  }

  private async run(): Promise<void> {
    this.running = true
    try {
      while (this.stopped === undefined && this.deps.clock.now() < this.deps.deadline) {
        const waiting = this.pending()
        if (waiting.length === 0) break
        await this.search(waiting)
        if (this.pending().length === 0) break
        const remaining = this.deps.deadline - this.deps.clock.now()
        // A fresh signal per pause: one aborted while nobody waited must not make later pauses
        // instant when a new target arrives before the loop ends.
        this.idle = new AbortController()
        await this.deps.clock.sleep(
          Math.min(this.deps.timing.scanEventPollMs, Math.max(0, remaining)),
          this.idle.signal
        )
      }
    } finally {
      this.running = false
    }
  }

  private async search(waiting: Watched[]): Promise<void> {
    const digests = [...new Set(waiting.map((w) => w.subject.digest))]
    // Up to a dozen digests fit one pattern; past that, every scan event of the window is read and
    // matched here (the group holds only scan events, so that is still a small read).
    const filterPattern =
      digests.length === 1
        ? `"${digests[0]}"`
        : digests.length <= MAX_DIGEST_TERMS
          ? digests.map((d) => `?"${d}"`).join(' ')
          : '"Inspector2 Scan"'
    const startTime = Math.min(...waiting.map((w) => w.subject.pushedAt)) - LOOK_BACK_MS
    let messages
    try {
      messages = await filterLogMessages(
        this.deps.clients.logs(this.region),
        { logGroupName: this.logGroupName, filterPattern, startTime },
        this.deps.clock
      )
    } catch (error) {
      if (error instanceof AwsCallError && error.retryable) {
        this.deps.log.debug(`scan events: ${error.message}; trying again`)
        return
      }
      this.stop(error instanceof Error ? error.message : String(error), error)
      return
    }
    for (const { message } of messages) this.take(message, waiting)
  }

  /** One log message: the scan event of some waiting targets, another event, or an odd one. */
  private take(message: string, waiting: Watched[]): void {
    let event: ScanEvent | undefined
    try {
      event = parseScanEvent(message)
    } catch (error) {
      if (!(error instanceof ScanEventShapeError)) throw error
      // An event of odd shape cannot prove a count: the targets it names settle without it.
      for (const w of waiting.filter((w) => message.includes(w.subject.digest))) {
        w.state = {
          kind: 'unavailable',
          reason: `${error.message} (log group ${this.logGroupName})`
        }
        this.deps.log.warning(
          `${w.subject.digest}: ${error.message} in the log group ${this.logGroupName}; settling by the quiet period instead`
        )
      }
      return
    }
    if (event === undefined) return
    for (const w of waiting) {
      if (w.state.kind !== 'pending' || !matches(event, w.subject)) continue
      w.state = { kind: 'found', event }
      w.found.abort()
    }
  }

  private stop(reason: string, error: unknown): void {
    const code = error instanceof AwsCallError ? error.code : ''
    const line =
      code === 'ResourceNotFoundException'
        ? `the log group ${this.logGroupName} does not exist in ${this.region}`
        : reason
    this.stopped = line
    this.deps.log.warning(
      `scan events unavailable (${line}); settling findings by the quiet period instead`
    )
    for (const w of this.watched) {
      if (w.state.kind === 'pending') w.state = { kind: 'unavailable', reason: line }
    }
  }
}

function matches(event: ScanEvent, subject: ScanEventSubject): boolean {
  return (
    event.digest === subject.digest &&
    event.repositoryArn === subject.repositoryArn &&
    event.region === subject.region &&
    event.time.getTime() >= subject.pushedAt - TIME_GRAIN_MS
  )
}

/** The repository ARN an image's scan event names: its resource id without the digest. */
export function repositoryArnOf(resourceId: string, digest: string): string {
  return resourceId.endsWith(`/${digest}`) ? resourceId.slice(0, -digest.length - 1) : resourceId
}

/** One watcher per Region, created when a target there first asks. */
export function scanEventSource(logGroupName: string, deps: ScanDeps): ScanEventSource {
  const byRegion = new Map<string, LogGroupWatcher>()
  return {
    watch: (subject) => {
      const watcher =
        byRegion.get(subject.region) ?? new LogGroupWatcher(logGroupName, subject.region, deps)
      byRegion.set(subject.region, watcher)
      return watcher.watch(subject)
    }
  }
}
