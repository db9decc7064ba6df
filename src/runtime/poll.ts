import type { Clock } from './clock.js'

/** One look at something we wait for: either the awaited value, or a description of where it stands. */
export type PollStep<T> = { done: true; value: T } | { done: false; state: string }

export interface PollOptions {
  /** Absolute time (clock ms) after which the poller gives up. */
  deadline: number
  initialDelayMs: number
  maxDelayMs: number
  /** Growth of the delay between polls. */
  factor?: number
  /** 0..1 random source for jitter; injectable so tests are deterministic. */
  random?: () => number
  /** Cuts a pause short: the next check runs at once (the scan event arrived, say). */
  wake?: AbortSignal
  /** Called before each sleep, for progress logs. */
  onWait?: (info: { attempt: number; delayMs: number; state: string }) => void
}

export class PollTimeoutError extends Error {
  override name = 'PollTimeoutError'
  constructor(
    readonly lastState: string,
    readonly attempts: number
  ) {
    super(`still ${lastState} after ${attempts} checks`)
  }
}

/**
 * Polls `check` with jittered exponential backoff until it is done or the deadline passes. The last
 * check is placed at the deadline rather than skipped, so a budget is never wasted on a final sleep.
 * Errors thrown by `check` propagate: only the check knows which ones are worth waiting out.
 */
export async function poll<T>(
  check: (attempt: number) => Promise<PollStep<T>>,
  options: PollOptions,
  clock: Clock
): Promise<T> {
  const factor = options.factor ?? 1.6
  const random = options.random ?? Math.random
  let delay = options.initialDelayMs
  for (let attempt = 1; ; attempt += 1) {
    const step = await check(attempt)
    if (step.done) return step.value
    const remaining = options.deadline - clock.now()
    if (remaining <= 0) throw new PollTimeoutError(step.state, attempt)
    // Full jitter would allow near-zero sleeps; ±20 % keeps polls spread without hammering the API.
    const jittered = Math.round(delay * (0.8 + 0.4 * random()))
    const sleepMs = Math.min(jittered, remaining)
    options.onWait?.({ attempt, delayMs: sleepMs, state: step.state })
    await clock.sleep(sleepMs, options.wake)
    delay = Math.min(options.maxDelayMs, delay * factor)
  }
}
