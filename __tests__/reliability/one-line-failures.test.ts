import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Scenario } from '../fake-aws/scenario.js'
import { scenarioImages, scenarios } from '../fake-aws/scenarios.js'
import { compressRateLimiterSleeps, runGateInProcess } from './harness.js'

/**
 * Setup problems that no retry fixes end the gate with one clear line each: what failed, on which
 * thing, and what to do. "One line" means the verdict has one failure and it holds no newline.
 */
let restore: () => void
beforeAll(() => {
  restore = compressRateLimiterSleeps()
})
afterAll(() => restore())

async function gate(scenario: Scenario, images: string) {
  const run = await runGateInProcess(scenario, { images }, { seed: 1 })
  return { ...run, lines: run.verdict.failures }
}

describe('one clear line', () => {
  it('says the credentials expired during a long wait, and how to get a session that lasts', async () => {
    // Inspector never finishes; from scenario minute 2 on, every call finds the session expired.
    const scenario: Scenario = {
      ...scenarios.neverScanned,
      faults: [
        {
          operation: '*',
          count: Number.POSITIVE_INFINITY,
          status: 403,
          error: 'expired-credentials',
          fromSeconds: 120
        }
      ]
    }

    const run = await gate(scenario, scenarioImages.neverScanned.uri)

    expect(run.verdict.result).toBe('error')
    expect(run.lines).toHaveLength(1)
    expect(run.lines[0]).not.toContain('\n')
    expect(run.lines[0]).toMatch(
      /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/app:v6\.0\.0: the AWS credentials expired while checking Inspector coverage of arn:aws:ecr:us-east-1:123456789012:repository\/app\/sha256:[0-9a-f]{64} \(ExpiredTokenException\): the role session ended before the run did; .*longer than timeout .*re-run$/
    )
    // It was waiting when the session ran out, and it stopped at the first refusal instead of
    // polling a dead session until the 15-minute timeout.
    const expired = run.fake.calls.filter((call) => call.errorCode === 'ExpiredTokenException')
    expect(
      run.fake.callsTo('ListCoverage').filter((call) => call.status === 200).length
    ).toBeGreaterThan(3)
    expect(expired).toHaveLength(1)
    expect(run.virtualMs).toBeLessThan(3 * 60_000)
  })

  it('names the region when the image URI points at a region without that repository', async () => {
    // The account holds app only in us-east-1; us-west-2 has no repositories.
    const scenario: Scenario = { ...scenarios.clean, otherRegions: 'empty' }
    const uri = scenarioImages.clean.uri.replace('.us-east-1.', '.us-west-2.')

    const run = await gate(scenario, uri)

    expect(run.verdict.result).toBe('error')
    expect(run.lines).toEqual([
      `${uri}: repository app does not exist in registry 123456789012 in us-west-2; check the region in the image URI (123456789012.dkr.ecr.<region>.amazonaws.com) against where the push step pushed it`
    ])
    expect(run.fake.callsTo('DescribeImages').map((call) => call.errorCode)).toEqual([
      'RepositoryNotFoundException'
    ])
  })

  it('names the IAM action and the policy file when only ListFindings is denied', async () => {
    const scenario: Scenario = {
      ...scenarios.clean,
      faults: [{ operation: 'ListFindings', count: Number.POSITIVE_INFINITY, status: 403 }]
    }

    const run = await gate(scenario, scenarioImages.clean.uri)

    expect(run.verdict.result).toBe('error')
    expect(run.lines).toHaveLength(1)
    expect(run.lines[0]).not.toContain('\n')
    expect(run.lines[0]).toMatch(
      /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/app:v1\.0\.0: permission denied while reading Inspector findings of app@sha256:[0-9a-f]{64}: the role needs inspector2:ListFindings \(infra\/iam\/gate-ecr-policy\.json/
    )
    // Coverage was readable; the one refused call was not retried.
    expect(run.fake.callsTo('ListCoverage').every((call) => call.status === 200)).toBe(true)
    expect(run.fake.callsTo('ListFindings')).toHaveLength(1)
  })
})
