import { statSync } from 'node:fs'
import { runBundle, runCliBundle } from '../../__tests__/e2e/runner.js'
import { scenarioImages, scenarios, withTimeScale } from '../../__tests__/fake-aws/scenarios.js'
import { startFakeAws, type FakeAws } from '../../__tests__/fake-aws/server.js'
import { markdownTable, median } from '../lib/markdown.js'

const TIME_SCALE = 10
const GATE = { timeout: '20s', settle: '5s' }
const FAST_POLLS = { INSPECTOR_GATE_POLL_INTERVAL: '250ms' }

/** Milliseconds since the endpoint's start, on the endpoint's own clock (the calls' `atMs`). */
const elapsedMs = (fake: FakeAws): number => (fake.scenarioSeconds() * 1000) / TIME_SCALE

/**
 * From spawning `node <bundle>` (Node 24) until the endpoint receives the bundle's first request:
 * loading and parsing the bundle, reading inputs, building the config and the SDK clients. Both
 * ends are read on the endpoint's clock. Each run then completes a `clean` gate (scenario time ×10).
 */
async function coldStart(bundle: 'action' | 'cli'): Promise<number> {
  const fake = await startFakeAws(withTimeScale(scenarios.clean, TIME_SCALE))
  try {
    let spawnedAt = NaN
    if (bundle === 'action') {
      await runBundle({
        endpoint: fake.url,
        inputs: { images: scenarioImages.clean.uri, ...GATE },
        env: FAST_POLLS,
        onSpawn: () => (spawnedAt = elapsedMs(fake))
      })
    } else {
      // runCliBundle has no spawn hook: this also counts its temporary directory (a millisecond).
      spawnedAt = elapsedMs(fake)
      await runCliBundle({
        args: ['gate', '--images', scenarioImages.clean.uri, '--timeout', GATE.timeout],
        endpoint: fake.url,
        env: FAST_POLLS
      })
    }
    const first = fake.calls[0]
    if (first === undefined) throw new Error(`the ${bundle} bundle sent no AWS request`)
    return first.atMs - spawnedAt
  } finally {
    await fake.close()
  }
}

export async function startupSection(runs: number): Promise<string> {
  const rows: string[][] = []
  const bundles = [
    { kind: 'action' as const, file: 'dist/index.js' },
    { kind: 'cli' as const, file: 'dist/cli/index.js' }
  ]
  for (const { kind, file } of bundles) {
    const bytes = statSync(new URL(`../../${file}`, import.meta.url)).size
    const times: number[] = []
    for (let i = 0; i < runs; i += 1) times.push(await coldStart(kind))
    rows.push([
      `\`${file}\``,
      `${(bytes / 1024).toFixed(0)} KiB`,
      bytes.toLocaleString('en-US'),
      median(times).toFixed(0),
      Math.min(...times).toFixed(0),
      Math.max(...times).toFixed(0),
      String(runs)
    ])
  }
  return markdownTable(
    ['Bundle', 'Size', 'Bytes', 'Cold start median ms', 'Min ms', 'Max ms', 'Runs'],
    rows,
    [1, 2, 3, 4, 5, 6]
  )
}
