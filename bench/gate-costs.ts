/**
 * `npm run bench`: what one gate costs, measured against the local AWS endpoint.
 * - bundle size of dist/index.js;
 * - cold start: spawning `node dist/index.js` (Node 24) until the first AWS request arrives;
 * - AWS API calls, by operation, for a single image with 300 findings.
 * It prints numbers; nothing here asserts a time.
 */
import { statSync } from 'node:fs'
import { startFakeAws } from '../__tests__/fake-aws/server.js'
import { scenarioImages, scenarios, withTimeScale } from '../__tests__/fake-aws/scenarios.js'
import { runBundle } from '../__tests__/e2e/runner.js'

const COLD_START_RUNS = 7

const bundleBytes = statSync(new URL('../dist/index.js', import.meta.url)).size
console.log(`bundle: dist/index.js ${(bundleBytes / 1024).toFixed(0)} KiB (${bundleBytes} bytes)`)

const coldStarts: number[] = []
for (let i = 0; i < COLD_START_RUNS; i += 1) {
  // The endpoint's call times are relative to its start; it starts within a millisecond of this.
  const fakeStarted = Date.now()
  const fake = await startFakeAws(withTimeScale(scenarios.clean, 10))
  const spawned = Date.now()
  await runBundle({
    endpoint: fake.url,
    inputs: { images: scenarioImages.clean.uri, timeout: '20s', settle: '5s' },
    env: { INSPECTOR_GATE_POLL_INTERVAL: '250ms' }
  })
  const first = fake.calls[0]
  if (first) coldStarts.push(fakeStarted + first.atMs - spawned)
  await fake.close()
}
coldStarts.sort((a, b) => a - b)
const median = coldStarts[Math.floor(coldStarts.length / 2)] ?? NaN
console.log(
  `cold start to first AWS request: median ${median.toFixed(0)} ms, min ${coldStarts[0]?.toFixed(0)} ms, max ${coldStarts.at(-1)?.toFixed(0)} ms (${coldStarts.length} runs)`
)

const fake = await startFakeAws(withTimeScale(scenarios.manyFindings300, 10))
const run = await runBundle({
  endpoint: fake.url,
  inputs: {
    images: scenarioImages.manyFindings300.uri,
    'fail-on': 'none',
    timeout: '20s',
    settle: '5s'
  },
  env: { INSPECTOR_GATE_POLL_INTERVAL: '250ms' }
})
const byOperation = new Map<string, number>()
for (const call of fake.calls)
  byOperation.set(call.operation, (byOperation.get(call.operation) ?? 0) + 1)
await fake.close()
const total = fake.calls.length
const counts = JSON.parse(run.outputs['counts'] ?? '{}') as Record<string, number>
const findings = Object.entries(counts)
  .filter(([k]) => k !== 'blocking' && k !== 'ignored')
  .reduce((sum, [, n]) => sum + n, 0)
console.log(
  `single image, ${findings} findings: ${total} API calls (result ${run.outputs['result']})`
)
for (const [operation, n] of [...byOperation].sort()) console.log(`  ${operation}: ${n}`)
