import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../__tests__/fake-aws/scenario.js'
import {
  latencyScenario,
  REPOSITORY,
  scenarioImages,
  scenarios,
  withTimeScale,
  type ImageRef
} from '../../__tests__/fake-aws/scenarios.js'
import { startFakeAws } from '../../__tests__/fake-aws/server.js'
import type { Scenario } from '../../__tests__/fake-aws/scenario.js'
import { buildGateConfig } from '../../src/gate/config.js'
import { runGate } from '../../src/gate/run.js'
import { systemClock } from '../../src/runtime/clock.js'
import { fixedPollGate } from '../lib/fixed-poll.js'
import { benchClients, BENCH_REGION, quietLog } from '../lib/in-process.js'
import { markdownTable, median, s1 } from '../lib/markdown.js'

interface Case {
  label: string
  scenario: Scenario
  image: ImageRef
  /** Real seconds after the endpoint's start at which coverage turns SUCCESSFUL. */
  finalAt: number
}

interface Side {
  approach: string
  sawFinalAt: number
  verdictAt: number
  calls: number
  findings: string
  verdict: string
}

interface CaseResult {
  kase: Case
  sides: [Side, Side]
}

/** `4: CRITICAL 1, HIGH 1, …` from counts keyed by severity in any case. */
function severities(counts: Record<string, number>): string {
  const order = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNTRIAGED']
  const upper = new Map(Object.entries(counts).map(([k, n]) => [k.toUpperCase(), n]))
  const parts = order.filter((s) => (upper.get(s) ?? 0) > 0).map((s) => `${s[0]}${upper.get(s)}`)
  const total = [...upper.values()].reduce((a, b) => a + b, 0)
  return parts.length === 0 ? '0' : `${total} (${parts.join(' ')})`
}

/**
 * One scenario, both approaches at once against the same endpoint, real time: inspector-gate's
 * `runGate` in process with the DEFAULT timing (no INSPECTOR_GATE_POLL_INTERVAL, settle 60 s) and
 * the fixed 5-second poll. Times are real seconds on the endpoint's clock.
 */
async function runCase(kase: Case): Promise<CaseResult> {
  const fake = await startFakeAws(kase.scenario)
  try {
    const timeScale = kase.scenario.timeScale ?? 1
    const stamp = () => fake.scenarioSeconds() / timeScale
    const config = buildGateConfig({ images: kase.image.uri }, () => '', {
      AWS_REGION: BENCH_REGION
    })
    const ours = (async (): Promise<Side> => {
      let sawFinalAt = NaN
      const log = quietLog((line) => {
        if (Number.isNaN(sawFinalAt) && line.includes('Inspector scan complete'))
          sawFinalAt = stamp()
      })
      const { clients } = benchClients(fake.url)
      const verdict = await runGate(config, { clients, clock: systemClock, log })
      const settled = verdict.outcomes.every((o) => o.status !== 'scanned' || o.settled)
      return {
        approach: 'inspector-gate (defaults)',
        sawFinalAt,
        verdictAt: stamp(),
        calls: 0,
        findings: severities(verdict.counts),
        verdict: verdict.result + (settled ? '' : ' (not settled)')
      }
    })()
    const baseline = fixedPollGate({
      endpoint: fake.url,
      target: {
        resourceId: `arn:aws:ecr:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:repository/${REPOSITORY}/${kase.image.digest}`,
        digest: kase.image.digest,
        repository: REPOSITORY
      },
      stamp
    }).then((r): Side => ({
      approach: 'fixed 5 s poll',
      sawFinalAt: r.sawFinalAt,
      verdictAt: r.verdictAt,
      calls: r.calls,
      findings: severities(r.bySeverity),
      verdict: r.result + (r.message === undefined ? '' : ` (${r.message})`)
    }))
    const [fixed, gate] = await Promise.all([baseline, ours])
    // Every request the endpoint saw that the baseline did not send is the gate's.
    gate.calls = fake.calls.length - fixed.calls
    return { kase, sides: [fixed, gate] }
  } finally {
    await fake.close()
  }
}

/**
 * Verdict latency (real time, default timing) for scans final at each of `doneAt` seconds, and the
 * late-findings story (`trickle` at a fifth of its speed: SUCCESSFUL at 10 s, LOW 10 s, MEDIUM 15 s,
 * HIGH 22.5 s, CRITICAL 30 s). All cases run at the same time, each against its own endpoint.
 */
export async function latencySection(
  doneAt: number[]
): Promise<{ table: string; summary: string }> {
  const cases: Case[] = doneAt.map((seconds) => {
    const { scenario, image } = latencyScenario(seconds)
    return { label: `scan final at ${seconds} s`, scenario, image, finalAt: seconds }
  })
  const slow = 0.2
  const trickleStory = 'late findings (trickle ×0.2: last finding CRITICAL at 30 s)'
  cases.push({
    label: trickleStory,
    scenario: withTimeScale(scenarios.trickle, slow),
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
        String(side.calls),
        side.findings,
        side.verdict
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
      'Verdict'
    ],
    rows,
    [2, 3, 4, 5, 6]
  )
  const latencies = (i: 0 | 1) =>
    results
      .filter((r) => r.kase.label !== trickleStory)
      .map((r) => r.sides[i].verdictAt - r.kase.finalAt)
  const fixed = median(latencies(0))
  const gate = median(latencies(1))
  const summary =
    `Median latency over ${doneAt.length} scan(s): fixed 5 s poll ${s1(fixed)} s, ` +
    `inspector-gate ${s1(gate)} s (+${s1(gate - fixed)} s, ×${(gate / fixed).toFixed(1)}).`
  return { table, summary }
}
