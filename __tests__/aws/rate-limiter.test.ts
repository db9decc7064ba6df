import { describe, expect, it } from '@jest/globals'
import { createRateLimiter } from '../../src/aws/rate-limiter.js'
import { VirtualClock } from '../helpers/virtual-clock.js'

describe('createRateLimiter', () => {
  it('lets a burst through at once, then paces to the rate', async () => {
    const clock = new VirtualClock()
    const start = clock.now()
    const take = createRateLimiter(clock, 3, 6)
    const times: number[] = []
    for (let i = 0; i < 12; i += 1) {
      await take()
      times.push(clock.now() - start)
    }
    expect(times.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0])
    // Then one call every 1/3 s: 12 calls take 2 s, never more than 3 a second after the burst.
    expect(times[11]).toBeGreaterThanOrEqual(1_990)
    expect(times[11]).toBeLessThanOrEqual(2_010)
    for (let i = 7; i < 12; i += 1)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(333)
  })

  it('refills while idle, up to the burst', async () => {
    const clock = new VirtualClock()
    const take = createRateLimiter(clock, 3, 6)
    for (let i = 0; i < 6; i += 1) await take()
    clock.advance(10_000)
    const before = clock.now()
    for (let i = 0; i < 6; i += 1) await take()
    expect(clock.now()).toBe(before)
  })
})
