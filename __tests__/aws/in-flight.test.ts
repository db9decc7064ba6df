import { describe, expect, it } from '@jest/globals'
import { RequestSlots } from '../../src/aws/in-flight.js'

/** A call that finishes when the test says so. */
function deferred() {
  let finish: (value: string) => void = () => undefined
  let fail: (error: Error) => void = () => undefined
  const promise = new Promise<string>((resolve, reject) => {
    finish = resolve
    fail = reject
  })
  return { promise, finish, fail }
}

describe('RequestSlots', () => {
  it('runs at most `limit` calls at once and starts the waiting ones in order', async () => {
    const slots = new RequestSlots(2)
    const calls = [deferred(), deferred(), deferred(), deferred()]
    const started: number[] = []
    const results = calls.map((call, i) =>
      slots.run(() => {
        started.push(i)
        return call.promise
      })
    )
    await Promise.resolve()
    expect(started).toEqual([0, 1])
    calls[1]?.finish('b')
    await results[1]
    await Promise.resolve()
    expect(started).toEqual([0, 1, 2])
    calls[0]?.fail(new Error('boom'))
    await expect(results[0]).rejects.toThrow('boom')
    await Promise.resolve()
    // A failed call gives its slot back too.
    expect(started).toEqual([0, 1, 2, 3])
    calls[2]?.finish('c')
    calls[3]?.finish('d')
    await expect(Promise.all(results.slice(1))).resolves.toEqual(['b', 'c', 'd'])
    expect(slots.peak).toBe(2)
  })

  it('refuses a limit below 1', () => {
    expect(() => new RequestSlots(0)).toThrow(RangeError)
  })
})
