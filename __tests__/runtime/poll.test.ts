import { describe, expect, it } from '@jest/globals'
import { poll, PollTimeoutError, type PollStep } from '../../src/runtime/poll.js'
import { VirtualClock } from '../helpers/virtual-clock.js'

const notYet = (state = 'pending'): PollStep<never> => ({ done: false, state })

describe('poll', () => {
  it('returns the value as soon as a check is done, without sleeping first', async () => {
    const clock = new VirtualClock()
    const value = await poll(
      async () => ({ done: true, value: 'ok' }),
      { deadline: clock.now() + 1000, initialDelayMs: 100, maxDelayMs: 1000 },
      clock
    )
    expect(value).toBe('ok')
    expect(clock.sleeps).toEqual([])
  })

  it('backs off exponentially up to the maximum delay', async () => {
    const clock = new VirtualClock()
    let calls = 0
    await poll(
      async () => (++calls < 7 ? notYet() : { done: true, value: calls }),
      {
        deadline: clock.now() + 1_000_000,
        initialDelayMs: 1000,
        maxDelayMs: 5000,
        factor: 2,
        random: () => 0.5
      },
      clock
    )
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 5000, 5000, 5000])
  })

  it('jitters each delay within ±20 %', async () => {
    const clock = new VirtualClock()
    let calls = 0
    const randoms = [0, 1]
    await poll(
      async () => (++calls < 3 ? notYet() : { done: true, value: 1 }),
      {
        deadline: clock.now() + 100_000,
        initialDelayMs: 1000,
        maxDelayMs: 1000,
        random: () => randoms.shift() ?? 0.5
      },
      clock
    )
    expect(clock.sleeps).toEqual([800, 1200])
  })

  it('makes a last check exactly at the deadline, then fails with the last state', async () => {
    const clock = new VirtualClock()
    const start = clock.now()
    const seen: number[] = []
    const attempt = poll(
      async () => {
        seen.push(clock.now() - start)
        return notYet(`state at ${clock.now() - start}`)
      },
      { deadline: start + 2500, initialDelayMs: 1000, maxDelayMs: 1000, random: () => 0.5 },
      clock
    )
    await expect(attempt).rejects.toBeInstanceOf(PollTimeoutError)
    await expect(attempt).rejects.toThrow('still state at 2500 after 4 checks')
    expect(seen).toEqual([0, 1000, 2000, 2500])
  })

  it('propagates errors thrown by the check', async () => {
    const clock = new VirtualClock()
    await expect(
      poll(
        async () => Promise.reject(new Error('boom')),
        { deadline: clock.now() + 10, initialDelayMs: 1, maxDelayMs: 1 },
        clock
      )
    ).rejects.toThrow('boom')
  })

  it('reports each wait for progress logs', async () => {
    const clock = new VirtualClock()
    const waits: string[] = []
    let calls = 0
    await poll(
      async () => (++calls < 3 ? notYet(`s${calls}`) : { done: true, value: 0 }),
      {
        deadline: clock.now() + 10_000,
        initialDelayMs: 100,
        maxDelayMs: 100,
        random: () => 0.5,
        onWait: (w) => waits.push(`${w.attempt}:${w.state}:${w.delayMs}`)
      },
      clock
    )
    expect(waits).toEqual(['1:s1:100', '2:s2:100'])
  })
})
