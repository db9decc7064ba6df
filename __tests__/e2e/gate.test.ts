import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { SCAN_EVENTS_LOG_GROUP, scenarioImages, scenarios } from '../fake-aws/scenarios.js'
import type { FindingsFile } from '../../src/gate/render/findings-file.js'
import { e2eHarness, findingsFile } from './harness.js'
import { node24 } from './runner.js'

const { fake, gate } = e2eHarness()

/**
 * The trickle scenario, from the bundle's first ListCoverage, paced by its coverage and finding
 * reads: each sees the story at most 1.5 scenario seconds on from the one before, the widest gap
 * between two arriving findings, so reads a poll apart never agree while findings still arrive,
 * and the first read (at most two paced steps after the scan completes at 2 s) is before the last.
 */
const TRICKLE_TIMING = {
  holdTimelineUntil: 'ListCoverage',
  pace: { maxSecondsPerRequest: 1.5, operations: ['ListCoverage', 'ListFindings'] }
}
const TRICKLE_LAST_FINDING_SECONDS = scenarios.trickle.timing?.settledAtSeconds ?? 0

describe('the bundle under Node 24', () => {
  it('runs on the runtime action.yml declares', () => {
    expect(execFileSync(node24(), ['--version']).toString()).toMatch(/^v24\./)
    expect(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')).toMatch(
      /using: node24/
    )
  })
})

describe('the action before @actions/core has loaded (inputs read by its rule)', () => {
  it('an unknown mode is one error line and result=error, with no AWS request', async () => {
    const run = await gate('clean', { mode: ' scan ' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toMatch(/^::error::mode[^\n]*scan/m)
    expect(fake().calls).toEqual([])
  })

  it('padded inputs are trimmed as core.getInput trims them, and the mode is taken from its input', async () => {
    const run = await gate('clean', {
      mode: '\tgate\n',
      timeout: '  20s  ',
      'fail-on': ' critical '
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('pass')
  })
})

describe('gate e2e', () => {
  it('passes a clean image and publishes outputs, findings file and summary', async () => {
    const run = await gate('clean')

    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('pass')
    expect(run.outputs['critical']).toBe('0')
    expect(run.outputs['high']).toBe('0')
    expect(Number(run.outputs['medium']) + Number(run.outputs['low'])).toBeGreaterThan(0)
    expect(JSON.parse(run.outputs['counts'] as string)).toMatchObject({
      critical: 0,
      high: 0,
      blocking: 0
    })
    expect(findingsFile(run).result).toBe('pass')
    expect(run.summary).toContain('passed')
    expect(run.summary).toContain('app:v1.0.0')
  })

  it('fails an image with critical findings, with one line saying why', async () => {
    const run = await gate('criticals')

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('fail')
    // The suppressed critical is not ACTIVE, so it is not counted.
    expect(run.outputs['critical']).toBe('2')
    expect(run.outputs['high']).toBe('3')
    expect(run.log).toMatch(
      /::error::inspector-gate fail: 5 findings at or above fail-on high \(2 critical, 3 high\)/
    )
    expect(run.summary).toContain('Blocking findings (5)')
  })

  it('gates every platform of a multi-arch image and labels results by platform', async () => {
    const run = await gate('multiArch', { 'fail-on': 'none' })

    expect(run.exitCode).toBe(0)
    const platforms = new Set(findingsFile(run).findings.map((f) => f.artifact.platform))
    expect(platforms).toEqual(new Set(['linux/amd64', 'linux/arm64/v8']))
    expect(run.outputs['high']).toBe('2')
    expect(run.summary).toContain('linux/amd64')
    expect(run.summary).toContain('linux/arm64/v8')
    // The attestation manifest is neither waited on nor reported.
    expect(run.log).toContain('(attestation manifest)')
    const coverageIds = fake()
      .callsTo('ListCoverage')
      .map((c) => JSON.stringify(c.input))
    for (const attestation of scenarioImages.multiArch.attestations ?? []) {
      expect(coverageIds.join()).not.toContain(attestation)
    }
  })

  it('counts findings that keep arriving after Inspector reports the scan complete', async () => {
    // The story starts when the bundle starts waiting for the scan (its first ListCoverage), and it
    // is paced by the bundle's own reads: the findings arrive within 4 scenario seconds (0.4 s real)
    // of the scan's end, so on a busy machine one pause of the bundle could otherwise carry it past
    // all of them before its first read.
    const run = await gate(
      'trickle',
      { 'fail-on': 'none', settle: '20s', timeout: '40s' },
      {},
      TRICKLE_TIMING
    )

    expect(run.exitCode).toBe(0)
    expect(
      findingsFile(run)
        .findings.map((f) => f.severity)
        .sort()
    ).toEqual(['critical', 'high', 'low', 'medium'])
    expect(run.log).toContain('findings still arriving')
    // The pacing held: the first read came before the last finding arrived.
    const reads = fake().callsTo('ListFindings')
    expect(reads[0]?.atScenarioSeconds).toBeLessThan(TRICKLE_LAST_FINDING_SECONDS)
  })

  it("settles on Inspector's scan event, the log group found from the responder stack's output", async () => {
    const run = await gate(
      'scanEventAfterLastFinding',
      {},
      {},
      {
        holdTimelineUntil: 'ListCoverage',
        stacks: [
          {
            name: 'inspector-gate-responder',
            outputs: { ScanEventLogGroup: SCAN_EVENTS_LOG_GROUP }
          }
        ]
      }
    )

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('fail')
    const file = JSON.parse(readFileSync(run.outputs['findings-file'] as string, 'utf8')) as {
      artifacts: Array<{ settledBy: string | null; scanEventCounts: unknown }>
    }
    expect(file.artifacts[0]?.settledBy).toBe('scan-event')
    expect(file.artifacts[0]?.scanEventCounts).toMatchObject({ CRITICAL: 1, TOTAL: 4 })
    expect(run.summary).toContain('scan event counts matched')
    expect(fake().callsTo('DescribeStacks')).toHaveLength(1)
    expect(fake().callsTo('FilterLogEvents').length).toBeGreaterThan(0)
    expect(run.log).not.toContain('::warning::')
  })

  it('counts the late findings with AWS’s clock 90 s behind the runner (issue 19 case 10)', async () => {
    // Measured on the runner's clock, the scan would look 90 s old, older than settle: one read,
    // before the late findings are listable. Measured on AWS's (its Date header), it is not.
    const run = await gate(
      'trickle',
      { 'fail-on': 'none', settle: '20s', timeout: '40s' },
      {},
      { ...TRICKLE_TIMING, clockSkewMs: -90_000 }
    )

    expect(run.exitCode).toBe(0)
    expect(
      findingsFile(run)
        .findings.map((f) => f.severity)
        .sort()
    ).toEqual(['critical', 'high', 'low', 'medium'])
    expect(run.log).toContain('findings still arriving')
  })

  it('gates a registry that uses ECR basic scanning', async () => {
    const run = await gate('basic', { 'fail-on': 'critical' })

    expect(run.log).toContain('uses basic scanning')
    expect(run.outputs['critical']).toBe('1')
    expect(run.outputs['result']).toBe('fail')
    expect(run.exitCode).toBe(1)
    expect(fake().callsTo('ListCoverage')).toHaveLength(0)
  })

  it('starts a basic scan when the image has none', async () => {
    const run = await gate('basicNoScan', { 'fail-on': 'none' })

    expect(run.exitCode).toBe(0)
    expect(fake().callsTo('StartImageScan')).toHaveLength(1)
    expect(run.log).toContain('started one')
  })

  it('fails an unscannable image with the reason in words a user can act on', async () => {
    const run = await gate('unscannable')

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('fail')
    expect(run.log).toContain('UNSUPPORTED_OS')
    expect(run.log).toContain('use a supported base image')
  })

  it('only warns about an unscannable image with on-unscannable: warn', async () => {
    const run = await gate('unscannable', { 'on-unscannable': 'warn' })

    expect(run.exitCode).toBe(0)
    expect(run.log).toMatch(/::warning::.*UNSUPPORTED_OS/)
  })

  it('fails closed when the scan never finishes within the timeout', async () => {
    const started = Date.now()
    const run = await gate('neverScanned', { timeout: '2s' })

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toMatch(
      /::error::inspector-gate error: \S+app:v6\.0\.0: timed out waiting for Inspector to scan sha256:[0-9a-f]{64}: still PENDING_INITIAL_SCAN/
    )
    // It stopped at its own timeout, well before the harness would have killed it.
    expect(Date.now() - started).toBeLessThan(60_000)
  })

  it('passes with a warning on timeout when on-error is warn', async () => {
    const run = await gate('neverScanned', { timeout: '1s', 'on-error': 'warn' })

    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toContain('::warning::')
  })

  it('survives throttling and server errors', async () => {
    const run = await gate('throttled')

    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('pass')
    const throttled = fake().calls.filter((c) => c.status === 429 || c.status >= 500)
    expect(throttled.length).toBeGreaterThanOrEqual(5)
  })

  it('applies an ignore file: a valid entry ignores, an expired one no longer does and is reported', async () => {
    const [first, second] = ['CVE-2022-37434', 'CVE-2024-5535']
    const ignore = [
      'ignore:',
      `  - id: ${first}`,
      '    reason: not reachable in this service',
      '    expires: 2099-12-31',
      `  - id: ${second}`,
      '    reason: waiting for the vendor',
      '    expires: 2020-01-31',
      '  - id: CVE-1999-0001',
      '    reason: stale entry'
    ].join('\n')
    const run = await gate(
      'criticals',
      { 'fail-on': 'critical', 'ignore-file': '.inspector-ignore.yml' },
      { '.inspector-ignore.yml': ignore }
    )

    const file = findingsFile(run)
    const criticals = file.findings
      .filter((f) => f.severity === 'critical')
      .map((f) => f.vulnerabilityId)
    expect(criticals.sort()).toEqual([first, second].sort())
    expect(run.outputs['critical']).toBe('1')
    expect(run.outputs['result']).toBe('fail')
    expect(run.log).toMatch(
      /::warning::ignore entry CVE-2024-5535 \(\.inspector-ignore\.yml:5\) expired on 2020-01-31/
    )
    expect(run.log).toMatch(
      /::warning::ignore entry CVE-1999-0001 \(\.inspector-ignore\.yml:8\) matched no finding/
    )
    expect(run.summary).toContain('not reachable in this service')
  })

  it('fails fast with the fix when Inspector is off for ECR', async () => {
    const run = await gate('inspectorOffForEcr')

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toContain('Amazon Inspector ECR scanning is DISABLED in account 123456789012')
    expect(fake().callsTo('ListCoverage')).toHaveLength(0)
  })

  it('rejects bad input in one line naming the input, before calling AWS', async () => {
    const run = await gate('clean', { 'fail-on': 'severe' })

    expect(run.exitCode).toBe(1)
    expect(run.log).toContain(
      '::error::fail-on: "severe" is not one of critical, high, medium, low, informational, none'
    )
    expect(run.log).not.toMatch(/\n\s+at /)
    expect(fake().calls).toHaveLength(0)
  })

  it('says which permission is missing when AWS denies a call', async () => {
    const run = await gate(
      'clean',
      {},
      {},
      { faults: [{ operation: 'ListFindings', count: 1, status: 403 }] }
    )

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toMatch(
      /::error::inspector-gate error: .*permission denied while reading Inspector findings .*the role needs inspector2:ListFindings/
    )
  })

  it('says how to provide credentials when there are none', async () => {
    const run = await gate(
      'clean',
      {},
      {},
      { env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' } }
    )

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toContain(
      '::error::inspector-gate error: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1.0.0: no AWS credentials found: run aws-actions/configure-aws-credentials'
    )
    expect(fake().calls).toHaveLength(0)
  })
})

describe('gate e2e: a scan-on-push repository', () => {
  it('passes when coverage reports SCAN_FREQUENCY_SCAN_ON_PUSH with a scan after the push', async () => {
    const run = await gate('scanOnPush')

    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('pass')
    expect(
      findingsFile(run)
        .findings.map((f) => f.severity)
        .sort()
    ).toEqual(['low', 'medium'])
    expect(run.log).toContain('Inspector scan complete')
  })

  it('fails closed at the timeout, saying why, when SCAN_FREQUENCY_SCAN_ON_PUSH has no scan', async () => {
    const run = await gate('scanOnPushNoScan', { timeout: '2s' })

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toMatch(
      /::error::inspector-gate error: \S+app:v1\.0\.0: timed out waiting for Inspector to scan sha256:[0-9a-f]{64}: still SCAN_FREQUENCY_SCAN_ON_PUSH without a scan of this image; .*push it again or use a continuous scanning rule/
    )
  })
})

/** Gating on risk, not only severity (issue 16): app:v8.0.0 has a HIGH of EPSS 0.25 % and an exploited LOW. */
describe('gate e2e: risk rules', () => {
  const riskFile = (run: { outputs: Record<string, string | undefined> }): FindingsFile =>
    JSON.parse(readFileSync(run.outputs['findings-file'] as string, 'utf8')) as FindingsFile

  it('a LOW finding with a known exploit blocks under fail-on-exploitable, saying which rule', async () => {
    const run = await gate('riskRanked', { 'fail-on': 'critical', 'fail-on-exploitable': 'true' })

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('fail')
    expect(run.log).toMatch(
      /::error::inspector-gate fail: 1 finding with a known exploit \(fail-on-exploitable\): CVE-2023-28486/
    )
    const file = riskFile(run)
    expect(file.schemaVersion).toBe(2)
    expect(file.policy).toMatchObject({ failOnExploitable: true, failOnEpss: null, minScore: null })
    const blocking = file.findings.filter((f) => f.blocking)
    expect(blocking.map((f) => [f.vulnerabilityId, f.severity, f.blockedBy])).toEqual([
      ['CVE-2023-28486', 'low', [{ rule: 'fail-on-exploitable', text: 'exploit known' }]]
    ])
    expect(run.summary).toContain('fail-on-exploitable: yes')
    expect(run.summary).toContain('| exploit known |')
  })

  it('a HIGH with a low EPSS passes under fail-on none and fail-on-epss 0.5', async () => {
    const run = await gate('riskRanked', { 'fail-on': 'none', 'fail-on-epss': '0.5' })

    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('pass')
    expect(run.outputs['high']).toBe('1')
    const high = riskFile(run).findings.find((f) => f.severity === 'high')
    expect(high).toMatchObject({
      blocking: false,
      blockedBy: [],
      note: 'fail-on is none; EPSS 0.25 % below fail-on-epss 50 %'
    })
    expect(run.summary).toContain('fail-on-epss: ≥ 50 %')
  })
})
