import type { Clock } from '../runtime/clock.js'

/**
 * A token bucket on the injectable clock: `rate` calls a second on average, `burst` at once. Pacing
 * to a documented quota costs nothing; leaning on 429 retries wastes calls and backs off too far.
 */
export function createRateLimiter(clock: Clock, rate: number, burst: number): () => Promise<void> {
  let tokens = burst
  let last = clock.now()
  return async () => {
    const now = clock.now()
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * rate)
    last = now
    if (tokens < 1) {
      const waitMs = Math.ceil(((1 - tokens) / rate) * 1000)
      await clock.sleep(waitMs)
      tokens = Math.min(burst, tokens + (waitMs / 1000) * rate)
      last = clock.now()
    }
    tokens -= 1
  }
}
