import { describe, expect, it } from '@jest/globals'
import { e2eHarness } from './harness.js'

const { start, run } = e2eHarness()

const SETUP = { mode: 'setup', 'ecr-rescan-duration': '30d' }

describe('setup e2e', () => {
  it('puts the baseline in place on a fresh account, and a second run changes nothing and says so', async () => {
    const fake = await start('baselineFresh')

    const first = await run(SETUP)

    expect(first.exitCode).toBe(0)
    expect(first.outputs['result']).toBe('pass')
    expect(Number(first.outputs['changes'])).toBeGreaterThan(5)
    expect(fake.inspectorStatus()).toMatchObject({
      ec2: 'ENABLED',
      ecr: 'ENABLED',
      lambda: 'ENABLED'
    })
    expect(fake.securityHub()).toMatchObject({ enabled: true, enabledDefaultStandards: false })
    const ready = fake
      .standards()
      .filter((s) => s.status === 'READY')
      .map((s) => s.standardsArn)
    expect(ready.sort()).toEqual([
      'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
      'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/5.0.0'
    ])
    expect(
      fake
        .insights()
        .map((i) => i.name)
        .sort()
    ).toEqual([
      'inspector-gate: Critical vulnerabilities by resource',
      'inspector-gate: Exploitable critical vulnerabilities by image',
      'inspector-gate: Unpatched EC2 instances'
    ])
    expect(fake.inspectorConfiguration()).toMatchObject({ rescanDuration: 'DAYS_30' })
    expect(first.summary).toContain('Security baseline in place')

    const before = fake.snapshot()
    const writesBefore = fake.writes.length
    const second = await run(SETUP)

    expect(second.exitCode).toBe(0)
    expect(second.outputs['changes']).toBe('0')
    expect(second.log).toContain('the security baseline is already in place')
    expect(second.summary).toContain('Nothing to change')
    expect(fake.snapshot()).toEqual(before)
    expect(fake.writes.slice(writesBefore)).toEqual([])
  })

  it('changes nothing on an account that already has the baseline', async () => {
    const fake = await start('baselineDone')

    const result = await run({ mode: 'setup' })

    expect(result.exitCode).toBe(0)
    expect(result.outputs['changes']).toBe('0')
    expect(fake.writes).toEqual([])
  })

  it('fails naming the standard that could not be enabled and why, after doing the rest', async () => {
    const fake = await start('baselineStandardFails')

    const result = await run({ mode: 'setup' })

    expect(result.exitCode).toBe(1)
    expect(result.outputs['result']).toBe('fail')
    expect(result.log).toMatch(
      /::error::inspector-gate setup: the standard CIS AWS Foundations Benchmark v5\.0\.0 is INCOMPLETE: AWS Config is not recording/
    )
    expect(fake.insights()).toHaveLength(3)
  })

  it('keeps one insight per name when duplicates exist, updating the stale one and warning about the rest', async () => {
    const fake = await start('baselineDuplicateInsights')

    const result = await run({ mode: 'setup' })

    expect(result.exitCode).toBe(0)
    expect(result.log).toMatch(
      /::warning::2 insights are named "inspector-gate: Critical vulnerabilities by resource"/
    )
    expect(fake.writesTo('CreateInsight')).toHaveLength(0)
    expect(fake.writesTo('UpdateInsight')).toHaveLength(1)
  })
})
