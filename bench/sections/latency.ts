import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../__tests__/fake-aws/scenario.js'
import {
  latencyScenario,
  REPOSITORY,
  SCAN_EVENTS_LOG_GROUP,
  scenarioImages,
  scenarios,
  withScanEvents,
  withTimeScale,
  type ImageRef
} from '../../__tests__/fake-aws/scenarios.js'
import { startFakeAws, type FakeAws } from '../../__tests__/fake-aws/server.js'
import type { Scenario } from '../../__tests__/fake-aws/scenario.js'
import type { SettleProof } from '../../src/domain/outcome.js'
import { buildGateConfig } from '../../src/gate/config.js'
import { runGate } from '../../src/gate/run.js'
import { systemClock } from '../../src/runtime/clock.js'
import { fixedPollGate } from '../lib/fixed-poll.js'
import { benchClients, BENCH_REGION, quietLog } from '../lib/in-process.js'
import { markdownTable, median, s1 } from '../lib/markdown.js'

interface Case {
  label: string
  /** The scenario without a scan-event log group: the fixed poll and the gate's defaults. */
  scenario: Scenario
  /** The same timeline with the digest's scan event in `SCAN_EVENTS_LOG_GROUP`. */
  withEvent: Scenario
  image: ImageRef
  /** Real seconds after the endpoint's start at which coverage turns SUCCESSFUL. */
  finalAt: number
}

interface Side {
  approach: string
  sawFinalAt: number
  verdictAt: number
  calls: number
  /** Of `calls`, the FilterLogEvents searches (only the gate with the scan event sends any). */
  logCalls?: number
  findings: string
  verdict: string
  settledBy: string
}

/** The approaches of each case, in the table's order. */
const APPROACHES = ['fixed 5 s poll', 'inspector-gate (defaults)', 'inspector-gate (scan event)']

interface CaseResult {
  kase: Case
  /** One per entry of APPROACHES, in that order. */
  sides: Side[]
}

/** `4: CRITICAL 1, HIGH 1, …` from counts keyed by severity in any case. */
function severities(counts: Record<string, number>): string {
  const order = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNTRIAGED']
  const upper = new Map(Object.entries(counts).map(([k, n]) => [k.toUpperCase(), n]))
  const parts = order.filter((s) => (upper.get(s) ?? 0) > 0).map((s) => `${s[0]}${upper.get(s)}`)
  const total = [...upper.values()].reduce((a, b) => a + b, 0)
  return parts.length === 0 ? '0' : `${total} (${parts.join(' ')})`
}

/** Scenario seconds at real time, on the endpoint's clock. */
function stampOf(fake: FakeAws, scenario: Scenario): () => number {
  const timeScale = scenario.timeScale ?? 1
  return () => fake.scenarioSeconds() / timeScale
}

/**
 * inspector-gate's `runGate` in process with the DEFAULT timing (no INSPECTOR_GATE_POLL_INTERVAL,
 * settle 60 s), with or without a scan-event log group. `calls` is left for the caller to count.
 */
async function gateSide(
  fake: FakeAws,
  kase: Case,
  scenario: Scenario,
  approach: string,
  logGroup: string
): Promise<Side> {
  const stamp = stampOf(fake, scenario)
  const config = buildGateConfig(
    { images: kase.image.uri, 'scan-event-log-group': logGroup },
    () => '',
    { AWS_REGION: BENCH_REGION }
  )
  let sawFinalAt = NaN
  const log = quietLog((line) => {
    if (Number.isNaN(sawFinalAt) && line.includes('Inspector scan complete')) sawFinalAt = stamp()
  })
  const { clients } = benchClients(fake.url)
  const verdict = await runGate(config, { clients, clock: systemClock, log })
  const scanned = verdict.outcomes.flatMap((o) => (o.status === 'scanned' ? [o] : []))
  const settled = scanned.every((o) => o.settled)
  const proofs = [...new Set(scanned.map((o) => proofName(o.settledBy)))]
  return {
    approach,
    sawFinalAt,
    verdictAt: stamp(),
    calls: 0,
    findings: severities(verdict.counts),
    verdict: verdict.result + (settled ? '' : ' (not settled)'),
    settledBy: proofs.join(', ') || '—'
  }
}

function proofName(proof: SettleProof | undefined): string {
  if (proof === undefined) return '—'
  if (proof.kind === 'scan-event')
    return proof.shortfall === undefined ? 'scan event' : 'short of scan event'
  if (proof.kind === 'quiet-period') return 'quiet period'
  return 'scan complete'
}

/**
 * One case, all three approaches at once, real time. The fixed 5-second poll and the gate's
 * defaults share one endpoint (as before); the gate with the scan event runs against a second
 * endpoint started at the same moment with the same timeline plus the log group, so each gate's
 * API calls are counted on its own. Times are real seconds on each endpoint's clock.
 */
async function runCase(kase: Case): Promise<CaseResult> {
  const [fake, fakeWithEvent] = await Promise.all([
    startFakeAws(kase.scenario),
    startFakeAws(kase.withEvent)
  ])
  try {
    const defaults = gateSide(fake, kase, kase.scenario, APPROACHES[1] as string, '')
    const withEvent = gateSide(
      fakeWithEvent,
      kase,
      kase.withEvent,
      APPROACHES[2] as string,
      SCAN_EVENTS_LOG_GROUP
    ).then((side) => ({
      ...side,
      calls: fakeWithEvent.calls.length,
      logCalls: fakeWithEvent.callsTo('FilterLogEvents').length
    }))
    const baseline = fixedPollGate({
      endpoint: fake.url,
      target: {
        resourceId: `arn:aws:ecr:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:repository/${REPOSITORY}/${kase.image.digest}`,
        digest: kase.image.digest,
        repository: REPOSITORY
      },
      stamp: stampOf(fake, kase.scenario)
    }).then((r): Side => ({
      approach: APPROACHES[0] as string,
      sawFinalAt: r.sawFinalAt,
      verdictAt: r.verdictAt,
      calls: r.calls,
      findings: severities(r.bySeverity),
      verdict: r.result + (r.message === undefined ? '' : ` (${r.message})`),
      settledBy: '— (one read)'
    }))
    const [fixed, gate, eventGate] = await Promise.all([baseline, defaults, withEvent])
    // Every request the shared endpoint saw that the baseline did not send is the gate's.
    gate.calls = fake.calls.length - fixed.calls
    return { kase, sides: [fixed, gate, eventGate] }
  } finally {
    await Promise.all([fake.close(), fakeWithEvent.close()])
  }
}

/**
 * Verdict latency (real time, default timing) for scans final at each of `doneAt` seconds, and the
 * late-findings story (`trickle` at a fifth of its speed: SUCCESSFUL at 10 s, LOW 10 s, MEDIUM 15 s,
 * HIGH 22.5 s, CRITICAL 30 s). With the scan event, each digest's event is in the log group from
 * the second its coverage turns SUCCESSFUL, counting all its findings (also the late ones). All
 * cases run at the same time, each against its own endpoints.
 */
export async function latencySection(
  doneAt: number[]
): Promise<{ table: string; summary: string }> {
  const cases: Case[] = doneAt.map((seconds) => {
    const { scenario, image } = latencyScenario(seconds)
    const { scenario: withEvent } = latencyScenario(seconds, { scanEvents: true })
    return { label: `scan final at ${seconds} s`, scenario, withEvent, image, finalAt: seconds }
  })
  const slow = 0.2
  const trickleStory = 'late findings (trickle ×0.2: last finding CRITICAL at 30 s)'
  cases.push({
    label: trickleStory,
    scenario: withTimeScale(scenarios.trickle, slow),
    withEvent: withTimeScale(withScanEvents(scenarios.trickle), slow),
    image: scenarioImages.trickle,
    finalAt: 2 / slow
  })
  const results = await Promise.all(cases.map(runCase))

  const rows: string[][] = []
  for (const { kase, sides } of results) {
    for (const side of sides) {
      rows.push([
        kase.label,
        side.approach,
        s1(kase.finalAt),
        s1(side.sawFinalAt),
        s1(side.verdictAt),
        s1(side.verdictAt - kase.finalAt),
        side.logCalls === undefined ? String(side.calls) : `${side.calls} (${side.logCalls} logs)`,
        side.findings,
        side.verdict,
        side.settledBy
      ])
    }
  }
  const table = markdownTable(
    [
      'Scenario',
      'Approach',
      'Scan final at s',
      'Saw it final at s',
      'Verdict at s',
      'Latency s',
      'API calls',
      'Findings seen',
      'Verdict',
      'Settled by'
    ],
    rows,
    [2, 3, 4, 5, 6]
  )
  const medians = APPROACHES.map((approach, i) => {
    const latencies = results
      .filter((r) => r.kase.label !== trickleStory)
      .map((r) => (r.sides[i] as Side).verdictAt - r.kase.finalAt)
    return `${approach} ${s1(median(latencies))} s`
  })
  const summary =
    `Median latency over the ${doneAt.length} \`scan final at N s\` case(s): ${medians.join(', ')}. ` +
    "With the scan event, the digest's `Inspector2 Scan` event is in the log group from the " +
    "second its coverage turns SUCCESSFUL (the local endpoint's default), with the counts of all " +
    'its findings, the late ones included.'
  return { table, summary }
}
