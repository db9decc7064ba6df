/**
 * The fake's clock: converts real elapsed time into scenario seconds (see scenario.ts header).
 * `now` is injectable so the server's own tests can move time without sleeping.
 */
export interface TimelineClock {
  /** Real milliseconds since start (or the last reset). */
  elapsedMs(): number
  /** Scenario seconds since start: elapsed real seconds × timeScale. */
  scenarioSeconds(): number
  /** The wall-clock instant at which scenario second `s` happens. */
  dateAt(scenarioSeconds: number): Date
  /**
   * Restart the timeline at scenario second 0 from the current `now()` (held again, when the clock
   * was made `held`).
   */
  reset(): void
  /** Lets a held timeline run from now on; a running one is left as it is. */
  release(): void
  /**
   * A request arrived: with `maxSecondsPerRequest`, fixes the scenario time it (and everything
   * until the next request) sees. Without it, nothing to do.
   */
  observeRequest(): void
}

export interface TimelineOptions {
  /**
   * Hold the timeline at scenario second 0 until `release()`; the server releases it when the
   * process under test is ready (its first request, or the first call of a named operation), so
   * that process's start-up time never eats into its story: on a busy machine a bundle that takes
   * a second to load still meets the scenario from its beginning.
   */
  held?: boolean
  /**
   * Pace the story by the requests of the process under test, not only by the real clock: each
   * request sees scenario time moved on by the real (scaled) time since the one before it, but by
   * at most this many seconds. A process that stalls (a busy machine, a garbage collection) then
   * still meets every step of the story on its next request, instead of finding it over; after
   * the stall the story runs at real speed again, that much later. Reported dates stay on the
   * real clock (see scenario.ts).
   */
  maxSecondsPerRequest?: number
}

export function createTimelineClock(
  timeScale: number,
  now: () => number = Date.now,
  options: TimelineOptions = {}
): TimelineClock {
  if (!(timeScale > 0)) throw new Error(`timeScale must be > 0, got ${timeScale}`)
  const hold = options.held === true
  let held = hold
  const step = options.maxSecondsPerRequest
  if (step !== undefined && !(step > 0)) {
    throw new Error(`maxSecondsPerRequest must be > 0, got ${step}`)
  }
  let startMs = now()
  // While held, second 0 is always "now": dates follow the real clock, scenario time stands still.
  const start = (): number => (held ? now() : startMs)
  const realSeconds = (): number => ((now() - start()) / 1000) * timeScale
  // Paced: the scenario second the last request saw, and the real-scaled second it came at.
  let paced = 0
  let pacedAtReal = 0
  return {
    elapsedMs: () => now() - start(),
    scenarioSeconds: () => (step === undefined ? realSeconds() : paced),
    dateAt: (s) => new Date(start() + (s * 1000) / timeScale),
    reset: () => {
      startMs = now()
      held = hold
      paced = 0
      pacedAtReal = 0
    },
    release: () => {
      if (!held) return
      startMs = now()
      held = false
      pacedAtReal = 0
    },
    observeRequest: () => {
      if (step === undefined) return
      const real = realSeconds()
      paced += Math.min(step, real - pacedAtReal)
      pacedAtReal = real
    }
  }
}

/** A hand-driven `now()` for tests: starts at `startMs` and only moves when told. */
export interface ManualNow {
  now: () => number
  advanceMs(ms: number): void
}

export function manualNow(startMs = Date.UTC(2026, 0, 15, 12, 0, 0)): ManualNow {
  let current = startMs
  return {
    now: () => current,
    advanceMs: (ms) => {
      current += ms
    }
  }
}

/** The last step whose `atSeconds` has been reached, or undefined before the first one. */
export function currentStep<T extends { atSeconds: number }>(
  steps: readonly T[] | undefined,
  nowSeconds: number
): T | undefined {
  let current: T | undefined
  for (const step of [...(steps ?? [])].sort((a, b) => a.atSeconds - b.atSeconds)) {
    if (step.atSeconds <= nowSeconds) current = step
  }
  return current
}
