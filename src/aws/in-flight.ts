import type { MiddlewareHost } from './middleware-host.js'

/**
 * A cap on AWS requests in flight for the whole run, across every client. A gate of twenty
 * multi-arch images waits on dozens of artifacts at once; the waits are cheap timers, but their
 * polls must not turn into bursts that Inspector (whose quotas are unpublished) throttles. Each
 * logical call holds one slot from start to end, retries included, so throttling slows everyone.
 */
export class RequestSlots {
  private free: number
  private readonly waiting: (() => void)[] = []
  private inFlight = 0
  /** The most calls that were ever in flight together (benchmarks and tests read it). */
  peak = 0

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be ≥ 1: ${limit}`)
    this.free = limit
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1
    else await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.inFlight += 1
    this.peak = Math.max(this.peak, this.inFlight)
    try {
      return await call()
    } finally {
      this.inFlight -= 1
      const next = this.waiting.shift()
      // The slot passes straight to the next caller, so a newcomer cannot jump the queue.
      if (next !== undefined) next()
      else this.free += 1
    }
  }
}

/** Routes every call of `client` through `slots`, outside the retry loop (initialize step). */
export function limitInFlight<T>(client: T, slots: RequestSlots): T {
  ;(client as unknown as MiddlewareHost).middlewareStack.add(
    (next) => (args) => slots.run(() => next(args)),
    { step: 'initialize', name: 'inspectorGateRequestSlots', priority: 'high' }
  )
  return client
}
