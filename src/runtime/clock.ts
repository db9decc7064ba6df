/** Time as the scanners see it. Tests inject a virtual clock, so no test ever sleeps for real. */
export interface Clock {
  now(): number
  /** Resolves after `ms`, or as soon as `wake` aborts (a wait that something else can cut short). */
  sleep(ms: number, wake?: AbortSignal): Promise<void>
  /**
   * A signal that aborts `ms` from now on this clock, without keeping the process alive. A clock
   * without one (a test's virtual clock) cannot cut calls off: they are bounded per attempt only.
   */
  abortAfter?(ms: number): AbortSignal
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, wake) =>
    new Promise((resolve) => {
      if (wake?.aborted) return resolve()
      const done = (): void => {
        clearTimeout(timer)
        wake?.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      wake?.addEventListener('abort', done, { once: true })
    }),
  // The runtime's own timeout signal: its timer is unreferenced, so a finished run exits at once.
  abortAfter: (ms) => AbortSignal.timeout(Math.max(0, ms))
}
