import { describe, expect, it } from '@jest/globals'
import type { ArtifactOutcome } from '../../src/domain/outcome.js'
import {
  SCAN_EVENTS_LOG_GROUP,
  scanEventStory,
  scenarioImages,
  scenarios
} from '../fake-aws/scenarios.js'
import type { Scenario } from '../fake-aws/scenario.js'
import { runGateInProcess, type GateRun } from './harness.js'

/**
 * The gate against the local endpoint in virtual time, with Inspector's scan event in the log
 * group before the last finding, after it, never, or unreadable: the event settles the findings
 * the moment they match its counts, and without it the quiet period still does.
 */
const uri = scenarioImages.trickle.uri

function gate(scenario: Scenario, seed = 1, logGroup = SCAN_EVENTS_LOG_GROUP): Promise<GateRun> {
  return runGateInProcess(scenario, { images: uri, 'scan-event-log-group': logGroup }, { seed })
}

function scannedOutcome(run: GateRun): Extract<ArtifactOutcome, { status: 'scanned' }> {
  const outcome = run.verdict.outcomes[0]
  if (outcome?.status !== 'scanned') throw new Error(`not scanned: ${JSON.stringify(outcome)}`)
  return outcome
}

const filterCalls = (run: GateRun): number =>
  run.fake.calls.filter((c) => c.operation === 'FilterLogEvents').length

describe('settling on the scan event', () => {
  it('after the last finding: settles on the counts, every finding read, long before the quiet period', async () => {
    const withEvent = await gate(scenarios.scanEventAfterLastFinding)
    const without = await gate(scenarios.trickle, 1, 'off')
    const outcome = scannedOutcome(withEvent)
    expect(outcome.settled).toBe(true)
    expect(outcome.settledBy).toMatchObject({
      kind: 'scan-event',
      counts: { bySeverity: { CRITICAL: 1, HIGH: 1, MEDIUM: 1 }, total: 4 }
    })
    expect(outcome.findings).toHaveLength(4)
    expect(withEvent.verdict.result).toBe('fail')
    expect(filterCalls(withEvent)).toBeGreaterThan(0)
    // The quiet period waits 30 s after the scan; the event ends the wait seconds after it.
    expect(scannedOutcome(without).settledBy).toEqual({ kind: 'quiet-period' })
    expect(withEvent.virtualMs).toBeLessThan(without.virtualMs - 15_000)
  })

  it('before the last finding: keeps reading until the CRITICAL is listed, then settles', async () => {
    // The event right after the scan (2.5 s), the CRITICAL only at 6 s: the counts are short first.
    const early: Scenario = {
      ...scenarios.scanEventBeforeLastFinding,
      repositories: scenarios.scanEventBeforeLastFinding.repositories.map((repo) => ({
        ...repo,
        images: repo.images.map((image) => ({ ...image, scanEvent: { atSeconds: 2.5 } }))
      }))
    }
    const run = await gate(early)
    const outcome = scannedOutcome(run)
    expect(outcome.settledBy?.kind).toBe('scan-event')
    expect(run.log.some((l) => /still arriving \(CRITICAL 0 of 1.*scan event\)/.test(l))).toBe(true)
    expect(outcome.findings.map((f) => f.severity)).toContain('critical')
    expect(run.verdict.result).toBe('fail')
  })

  it('never: settles by the quiet period and says the event was not there in time', async () => {
    const run = await gate(scenarios.scanEventNever)
    const outcome = scannedOutcome(run)
    expect(outcome.settledBy).toEqual({
      kind: 'quiet-period',
      withoutScanEvent: "Inspector's scan event was not in the log group in time"
    })
    expect(outcome.findings).toHaveLength(4)
    expect(run.verdict.result).toBe('fail')
  })

  it('a log group that does not exist: one warning, then the quiet period', async () => {
    const run = await gate(scenarios.scanEventAfterLastFinding, 1, '/aws/events/nothing-here')
    const outcome = scannedOutcome(run)
    expect(outcome.settledBy).toMatchObject({ kind: 'quiet-period' })
    expect(
      outcome.settledBy?.kind === 'quiet-period' && outcome.settledBy.withoutScanEvent
    ).toContain('/aws/events/nothing-here')
    expect(run.log.filter((l) => l.startsWith('warning: scan events unavailable'))).toHaveLength(1)
    expect(filterCalls(run)).toBe(1)
    expect(run.verdict.result).toBe('fail')
  })

  it('FilterLogEvents denied: the quiet period, with the permission named', async () => {
    const denied: Scenario = {
      ...scenarios.scanEventAfterLastFinding,
      scanEvents: { logGroupName: SCAN_EVENTS_LOG_GROUP, accessDenied: true }
    }
    const run = await gate(denied)
    const outcome = scannedOutcome(run)
    expect(outcome.settledBy?.kind).toBe('quiet-period')
    expect(run.log.join('\n')).toContain('logs:FilterLogEvents')
    expect(outcome.findings).toHaveLength(4)
  })

  it('0 false passes over 100 seeded stories with the event in every position of the timeline', async () => {
    const positions = new Set<string>()
    const wrong: string[] = []
    for (let seed = 1; seed <= 100; seed += 1) {
      const story = scanEventStory(seed)
      const run = await runGateInProcess(
        story.scenario,
        {
          images: story.image.uri,
          'scan-event-log-group': SCAN_EVENTS_LOG_GROUP,
          'fail-on': 'low'
        },
        { seed }
      )
      const outcome = run.verdict.outcomes[0]
      const read = outcome?.status === 'scanned' ? outcome.findings.length : -1
      if (run.verdict.result === 'pass' || read !== story.findingsAtSeconds.length)
        wrong.push(
          `seed ${seed}: ${run.verdict.result}, ${read} of ${story.findingsAtSeconds.length}`
        )
      positions.add(
        story.findingsBeforeEvent === 0
          ? 'before the first'
          : story.findingsBeforeEvent === story.findingsAtSeconds.length
            ? 'after the last'
            : 'between'
      )
    }
    expect(wrong).toEqual([])
    expect([...positions].sort()).toEqual(['after the last', 'before the first', 'between'])
  })
})

describe("finding the log group from the responder stack's output", () => {
  const responder = (outputs: Record<string, string>, region?: string): Scenario => ({
    ...scenarios.scanEventAfterLastFinding,
    stacks: [{ name: 'inspector-gate-responder', outputs, ...(region ? { region } : {}) }]
  })
  const stackCalls = (run: GateRun): number =>
    run.fake.calls.filter((c) => c.operation === 'DescribeStacks').length

  it('reads ScanEventLogGroup once and settles on the scan event, with the input left empty', async () => {
    const run = await runGateInProcess(
      responder({ ScanEventLogGroup: SCAN_EVENTS_LOG_GROUP }),
      { images: uri },
      { seed: 1 }
    )
    expect(scannedOutcome(run).settledBy?.kind).toBe('scan-event')
    expect(stackCalls(run)).toBe(1)
    expect(run.fake.calls.find((c) => c.operation === 'DescribeStacks')?.input).toMatchObject({
      StackName: 'inspector-gate-responder'
    })
    expect(run.log.filter((l) => l.startsWith('warning:'))).toEqual([])
  })

  it('looks up responder-stack-name when one is given', async () => {
    const renamed: Scenario = {
      ...scenarios.scanEventAfterLastFinding,
      stacks: [{ name: 'gate-responder-2', outputs: { ScanEventLogGroup: SCAN_EVENTS_LOG_GROUP } }]
    }
    const run = await runGateInProcess(
      renamed,
      { images: uri, 'responder-stack-name': 'gate-responder-2' },
      { seed: 1 }
    )
    expect(scannedOutcome(run).settledBy?.kind).toBe('scan-event')
  })

  it('no stack in the Region: one info line, no warning, the quiet period', async () => {
    const run = await runGateInProcess(
      responder({ ScanEventLogGroup: SCAN_EVENTS_LOG_GROUP }, 'eu-west-1'),
      { images: uri },
      { seed: 1 }
    )
    expect(scannedOutcome(run).settledBy?.kind).toBe('quiet-period')
    expect(run.log.filter((l) => l.includes('no stack inspector-gate-responder in'))).toHaveLength(
      1
    )
    expect(run.log.filter((l) => l.startsWith('warning:'))).toEqual([])
    expect(filterCalls(run)).toBe(0)
    expect(run.verdict.result).toBe('fail')
  })

  it('a stack without the output (scan events turned off): info, the quiet period', async () => {
    const run = await runGateInProcess(
      responder({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:t' }),
      { images: uri },
      { seed: 1 }
    )
    expect(scannedOutcome(run).settledBy?.kind).toBe('quiet-period')
    expect(run.log.some((l) => /^info: .*has no ScanEventLogGroup output/.test(l))).toBe(true)
    expect(filterCalls(run)).toBe(0)
  })

  it('DescribeStacks denied: one warning naming the permission and the way out, the quiet period', async () => {
    const run = await runGateInProcess(
      {
        ...responder({ ScanEventLogGroup: SCAN_EVENTS_LOG_GROUP }),
        faults: [{ operation: 'DescribeStacks', service: 'cloudformation', count: 10, status: 403 }]
      },
      { images: uri },
      { seed: 1 }
    )
    expect(scannedOutcome(run).settledBy?.kind).toBe('quiet-period')
    const warnings = run.log.filter((l) => l.startsWith('warning:'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('cloudformation:DescribeStacks')
    expect(warnings[0]).toContain('set scan-event-log-group')
    expect(run.verdict.result).toBe('fail')
  })

  it('off: no stack lookup and no log search at all', async () => {
    const run = await runGateInProcess(
      responder({ ScanEventLogGroup: SCAN_EVENTS_LOG_GROUP }),
      { images: uri, 'scan-event-log-group': 'off' },
      { seed: 1 }
    )
    expect(stackCalls(run)).toBe(0)
    expect(filterCalls(run)).toBe(0)
    expect(scannedOutcome(run).settledBy?.kind).toBe('quiet-period')
  })
})
