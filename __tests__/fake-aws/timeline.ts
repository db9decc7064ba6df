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
  /** Restart the timeline at scenario second 0 from the current `now()`. */
  reset(): void
}

export function createTimelineClock(
  timeScale: number,
  now: () => number = Date.now
): TimelineClock {
  if (!(timeScale > 0)) throw new Error(`timeScale must be > 0, got ${timeScale}`)
  let startMs = now()
  return {
    elapsedMs: () => now() - startMs,
    scenarioSeconds: () => ((now() - startMs) / 1000) * timeScale,
    dateAt: (s) => new Date(startMs + (s * 1000) / timeScale),
    reset: () => {
      startMs = now()
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
