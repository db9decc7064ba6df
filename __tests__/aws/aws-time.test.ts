import { describe, expect, it } from '@jest/globals'
import { AwsTimeEstimate, observeAwsTime } from '../../src/aws/aws-time.js'
import { VirtualClock } from '../helpers/virtual-clock.js'

const T0 = Date.parse('2026-11-22T10:00:00.400Z')

describe('AwsTimeEstimate', () => {
  it('knows nothing until an answer carried a Date', () => {
    const estimate = new AwsTimeEstimate(new VirtualClock(T0))
    expect(estimate.offsetMs()).toBeUndefined()
    estimate.observe(undefined)
    expect(estimate.offsetMs()).toBeUndefined()
  })

  it('is Date − local receive time, to the second and never above the true offset', () => {
    const clock = new VirtualClock(T0)
    const estimate = new AwsTimeEstimate(clock)
    // AWS 90 s behind: at local 10:00:00.400 AWS reads 09:58:30.400, sent as 09:58:30.
    estimate.observe(new Date(T0 - 90_000).toUTCString())
    expect(estimate.offsetMs()).toBe(-90_400)
    // AWS an hour ahead.
    clock.advance(1_000)
    estimate.observe(new Date(clock.now() + 3_600_000).toUTCString())
    expect(estimate.offsetMs()).toBe(3_600_000 - 400)
  })

  it('keeps the answer received last, ignoring unreadable headers and late-handled older answers', () => {
    const clock = new VirtualClock(T0)
    const estimate = new AwsTimeEstimate(clock)
    estimate.observe('Sun, 22 Nov 2026 10:00:10 GMT', T0)
    estimate.observe('not a date', T0 + 5_000)
    expect(estimate.offsetMs()).toBe(9_600)
    // An answer received before the one already seen (handled out of order) does not replace it.
    estimate.observe('Sun, 22 Nov 2026 11:00:00 GMT', T0 - 1_000)
    expect(estimate.offsetMs()).toBe(9_600)
    // A later one does, even when it is lower (a runner clock stepped forward).
    estimate.observe('Sun, 22 Nov 2026 10:00:02 GMT', T0 + 6_000)
    expect(estimate.offsetMs()).toBe(-4_400)
  })
})

describe('observeAwsTime', () => {
  type Handler = (args: unknown) => Promise<unknown>
  function fakeClient() {
    const added: { middleware: (next: Handler) => Handler; options: unknown }[] = []
    return {
      added,
      middlewareStack: {
        add: (middleware: (next: Handler) => Handler, options: unknown) =>
          added.push({ middleware, options })
      }
    }
  }

  it('reads the Date header of every raw answer, below the deserializer, at receive time', async () => {
    const clock = new VirtualClock(T0)
    const estimate = new AwsTimeEstimate(clock)
    const client = observeAwsTime(fakeClient(), estimate, clock)
    const entry = client.added[0]
    expect(entry?.options).toEqual({
      step: 'deserialize',
      name: 'inspectorGateAwsTime',
      priority: 'low'
    })
    const answer = {
      response: { statusCode: 429, headers: { date: 'Sun, 22 Nov 2026 09:58:35 GMT' } }
    }
    const handler = entry?.middleware(async () => {
      clock.advance(5_000) // the answer arrives 5 s after the request left
      return answer
    })
    await expect(handler?.({})).resolves.toBe(answer)
    expect(estimate.offsetMs()).toBe(Date.parse('2026-11-22T09:58:35Z') - (T0 + 5_000))
  })

  it('leaves the estimate alone when the call fails without an answer', async () => {
    const clock = new VirtualClock(T0)
    const estimate = new AwsTimeEstimate(clock)
    const client = observeAwsTime(fakeClient(), estimate, clock)
    const handler = client.added[0]?.middleware(async () => {
      throw new Error('socket hang up')
    })
    await expect(handler?.({})).rejects.toThrow('socket hang up')
    expect(estimate.offsetMs()).toBeUndefined()
  })
})
