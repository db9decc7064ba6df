import {
  findingsAtScale,
  fourPlatformIndex,
  manyImages,
  withTimeScale,
  type ImageRef
} from '../../__tests__/fake-aws/scenarios.js'
import type { Scenario } from '../../__tests__/fake-aws/scenario.js'
import { startFakeAws } from '../../__tests__/fake-aws/server.js'
import { buildGateConfig } from '../../src/gate/config.js'
import { runGate } from '../../src/gate/run.js'
import { systemClock } from '../../src/runtime/clock.js'
import { benchClients, BENCH_REGION, quietLog } from '../lib/in-process.js'
import { markdownTable, s1 } from '../lib/markdown.js'

const TIME_SCALE = 10
const POLL_INTERVAL = '250ms'

interface Case {
  label: string
  scenario: Scenario
  images: ImageRef[]
}

/**
 * One gate in process (the real clients, `createAwsClients` with its in-flight cap of 8) against
 * the local endpoint at scenario time ×10, polls every 250 ms (INSPECTOR_GATE_POLL_INTERVAL), the
 * default settle bound. Calls are counted at the endpoint. How many coverage polls and settle reads
 * a gate makes depends on those timings; the other calls do not.
 */
async function countCalls(kase: Case): Promise<string[]> {
  const fake = await startFakeAws(withTimeScale(kase.scenario, TIME_SCALE))
  try {
    const config = buildGateConfig(
      { images: kase.images.map((image) => image.uri).join('\n'), 'fail-on': 'none' },
      () => '',
      { AWS_REGION: BENCH_REGION, INSPECTOR_GATE_POLL_INTERVAL: POLL_INTERVAL }
    )
    const { clients, slots } = benchClients(fake.url)
    const started = Date.now()
    const verdict = await runGate(config, { clients, clock: systemClock, log: quietLog() })
    const wall = (Date.now() - started) / 1000
    const scanned = verdict.outcomes.filter((o) => o.status === 'scanned').length
    const findings = Object.values(verdict.counts).reduce((a, b) => a + b, 0)
    const listFindings = fake.callsTo('ListFindings')
    // A read is a first page: a request without a nextToken.
    const reads = listFindings.filter(
      (call) => (call.input as { nextToken?: string } | undefined)?.nextToken === undefined
    ).length
    const coverage = fake.callsTo('ListCoverage').length
    const other = new Map<string, number>()
    for (const call of fake.calls) {
      if (call.operation === 'ListFindings' || call.operation === 'ListCoverage') continue
      other.set(call.operation, (other.get(call.operation) ?? 0) + 1)
    }
    const otherTotal = [...other.values()].reduce((a, b) => a + b, 0)
    const otherList = [...other]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')
    const errors = fake.calls.filter((call) => call.status >= 400).length
    return [
      kase.label,
      `${scanned} / ${verdict.outcomes.length}`,
      findings.toLocaleString('en-US'),
      String(fake.calls.length),
      `${listFindings.length} (${reads})`,
      String(coverage),
      String(otherTotal),
      String(slots.peak),
      String(errors),
      s1(wall),
      otherList
    ]
  } finally {
    await fake.close()
  }
}

export async function apiCallsSection(): Promise<string> {
  const single = (n: number): Case => {
    const { scenario, image } = findingsAtScale(n)
    return { label: `1 image, ${n.toLocaleString('en-US')} findings`, scenario, images: [image] }
  }
  const multi = fourPlatformIndex()
  const many = manyImages(20)
  const cases: Case[] = [
    single(0),
    single(300),
    single(3000),
    { label: '1 multi-arch image, 4 platforms', scenario: multi.scenario, images: [multi.image] },
    { label: '20 images (5 of them 2-platform)', scenario: many.scenario, images: many.images }
  ]
  const rows: string[][] = []
  for (const kase of cases) rows.push(await countCalls(kase))
  return markdownTable(
    [
      'Gate',
      'Artifacts scanned',
      'Findings',
      'Total calls',
      'ListFindings pages (reads)',
      'ListCoverage polls',
      'Other calls',
      'Peak in flight',
      'Errors',
      'Wall s',
      'Other calls by operation'
    ],
    rows,
    [2, 3, 5, 6, 7, 8, 9]
  )
}
