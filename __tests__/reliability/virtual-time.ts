import type { Clock } from '../../src/runtime/clock.js'

interface Sleeper {
  at: number
  order: number
  wake: () => void
}

/**
 * Virtual time shared by the gate (its `Clock`) and the local endpoint (its `now`), so a gate
 * that waits fifteen scenario minutes takes only as long as its HTTP calls.
 *
 * Time stands still while any AWS call is in flight (`track`), and moves only when the process is
 * otherwise idle: then it jumps to the earliest sleeper's wake-up time and wakes that sleeper.
 * "Idle" means no call in flight, someone asleep, and nothing new (a call, a sleep) for one full
 * turn of the event loop, after every promise continuation has run. Concurrent waits therefore
 * interleave as they would in real time, and the same run sees the same timeline every time.
 * `advance` lets time pass during a call, for delays that belong to the story (SDK backoff,
 * slow responses).
 */
export class VirtualTime implements Clock {
  private current: number
  private readonly sleepers: Sleeper[] = []
  private order = 0
  private inFlight = 0
  /** Bumped by every call start/end and sleep; a check sees whether anything happened. */
  private activity = 0
  private scheduled = false

  constructor(start = Date.parse('2026-11-22T10:00:00Z')) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  sleep(ms: number, cut?: AbortSignal): Promise<void> {
    return new Promise((wake) => {
      if (cut?.aborted) return wake()
      const sleeper = { at: this.current + Math.max(0, ms), order: this.order++, wake }
      this.sleepers.push(sleeper)
      // A wait cut short wakes now, at the current time, and leaves the queue.
      cut?.addEventListener(
        'abort',
        () => {
          const at = this.sleepers.indexOf(sleeper)
          if (at < 0) return
          this.sleepers.splice(at, 1)
          wake()
          this.poke()
        },
        { once: true }
      )
      this.poke()
    })
  }

  /** Moves time forward now (e.g. while a call is held up), waking nobody by itself. */
  advance(ms: number): void {
    this.current += Math.max(0, ms)
  }

  /** Runs one AWS call; time does not move on its own until it ends. */
  async track<T>(call: () => Promise<T>): Promise<T> {
    this.inFlight += 1
    this.activity += 1
    try {
      return await call()
    } finally {
      this.inFlight -= 1
      this.poke()
    }
  }

  private poke(): void {
    this.activity += 1
    if (this.scheduled) return
    this.scheduled = true
    const seen = this.activity
    setImmediate(() => this.check(seen))
  }

  private check(seen: number): void {
    this.scheduled = false
    if (this.inFlight > 0 || this.sleepers.length === 0) return
    if (this.activity !== seen) {
      // Something happened since the last look: give it a full turn to settle first.
      this.scheduled = true
      const now = this.activity
      setImmediate(() => this.check(now))
      return
    }
    this.sleepers.sort((a, b) => a.at - b.at || a.order - b.order)
    const next = this.sleepers.shift() as Sleeper
    this.current = Math.max(this.current, next.at)
    next.wake()
    this.poke()
  }
}
