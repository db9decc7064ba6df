/**
 * `npm run bench`: what one gate costs, measured against the local AWS endpoint.
 * - bundle size of dist/index.js;
 * - cold start: spawning `node dist/index.js` (Node 24) until the first AWS request arrives;
 * - AWS API calls, by operation, for a single image with 300 findings.
 * It prints numbers; nothing here asserts a time.
 */
import { statSync } from 'node:fs'
import { startFakeAws } from '../__tests__/fake-aws/server.js'
import {
  scenarioFunctions,
  scenarioImages,
  scenarios,
  withTimeScale
} from '../__tests__/fake-aws/scenarios.js'
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

// Concurrency: one image and two functions in one gate, against each target gated alone.
// Real scenario time (scale 1), so the numbers are the waits a user would see at these timings.
const mixed = scenarioFunctions.mixedTargets
const targets: Array<{ label: string; inputs: Record<string, string> }> = [
  { label: 'image', inputs: { images: scenarioImages.mixedTargets.uri, functions: '' } },
  ...mixed.map((fn) => ({ label: fn.name, inputs: { images: '', functions: fn.name } }))
]
async function timedGate(inputs: Record<string, string>): Promise<number> {
  const endpoint = await startFakeAws(withTimeScale(scenarios.mixedTargets, 1))
  const started = Date.now()
  await runBundle({
    endpoint: endpoint.url,
    inputs: { 'fail-on': 'none', timeout: '60s', settle: '5s', ...inputs },
    env: { INSPECTOR_GATE_POLL_INTERVAL: '250ms' }
  })
  const elapsed = Date.now() - started
  await endpoint.close()
  return elapsed
}
const alone: number[] = []
for (const target of targets) {
  const ms = await timedGate(target.inputs)
  alone.push(ms)
  console.log(`  ${target.label} alone: ${(ms / 1000).toFixed(1)} s`)
}
const together = await timedGate({
  images: scenarioImages.mixedTargets.uri,
  functions: mixed.map((fn) => fn.name).join('\n')
})
const sum = alone.reduce((a, b) => a + b, 0)
console.log(
  `one image + two functions in one gate: ${(together / 1000).toFixed(1)} s wall, against ${(sum / 1000).toFixed(1)} s for the three gated one after another (longest alone ${(Math.max(...alone) / 1000).toFixed(1)} s)`
)
