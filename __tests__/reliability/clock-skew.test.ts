import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Scenario } from '../fake-aws/scenario.js'
import { scenarioImages, scenarios } from '../fake-aws/scenarios.js'
import { compressRateLimiterSleeps, runGateInProcess } from './harness.js'

/**
 * Issue 19, case 10: AWS's clock off the runner's. The endpoint reports every time (and the Date
 * header of every answer) on a clock `clockSkewMs` off the gate's; the real clients learn AWS's
 * time from those headers. `trickle` reports SUCCESSFUL at 2 s and its CRITICAL at 6 s: a gate that
 * measured "scanned how long ago" with its own clock would, with AWS 90 s behind, take the scan for
 * old, read once at about 5 s and pass; with AWS an hour ahead, never see the findings as quiet
 * and end in `error` when settle runs out.
 */
let restore: () => void = () => undefined
beforeAll(() => {
  restore = compressRateLimiterSleeps()
})
afterAll(() => restore())

const TIMEOUT_MS = 15 * 60_000

function skewed(skewMs: number): Scenario {
  return { ...scenarios.trickle, name: `trickle, AWS ${skewMs} ms off`, clockSkewMs: skewMs }
}

describe('a gate against an AWS whose clock is off the runner’s', () => {
  it.each([
    ['90 s behind', -90_000, 'behind'],
    ['an hour behind', -3_600_000, 'behind'],
    ['an hour ahead', 3_600_000, 'ahead of']
  ] as const)(
    'AWS %s: the late CRITICAL fails the gate, well before the settle bound',
    async (_, skewMs, words) => {
      const run = await runGateInProcess(
        skewed(skewMs),
        { images: scenarioImages.trickle.uri, 'fail-on': 'critical' },
        { seed: 1 }
      )
      const outcome = run.verdict.outcomes[0]
      expect({
        result: run.verdict.result,
        settled: outcome?.status === 'scanned' && outcome.settled,
        critical: run.verdict.counts.critical
      }).toEqual({ result: 'fail', settled: true, critical: 1 })
      // The first coverage poll after the scan (5 s), the quiet period (30 s) and a read or two:
      // nowhere near the 15-minute timeout, nor even the settle bound after the scan.
      expect(run.virtualMs).toBeLessThan(5_000 + 60_000)
      expect(run.virtualMs).toBeLessThan(TIMEOUT_MS)
      // The estimate is whole seconds of Date minus a receive time with milliseconds: ±1 s.
      const seconds = Math.abs(skewMs) / 1000
      expect(run.log).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `AWS's clock is (${seconds - 1}|${seconds}|${seconds + 1}) s ${words} this runner's`
          )
        )
      )
    }
  )

  it('with the clocks agreeing, says nothing about them', async () => {
    const run = await runGateInProcess(
      skewed(0),
      { images: scenarioImages.trickle.uri, 'fail-on': 'critical' },
      { seed: 1 }
    )
    expect(run.verdict.result).toBe('fail')
    expect(run.log.filter((line) => line.includes("AWS's clock"))).toEqual([])
  })
})
