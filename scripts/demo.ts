/**
 * `npm run demo`: runs the committed action bundle (dist/index.js) under Node 24, exactly as a GitHub
 * runner would, against the bundled LOCAL AWS endpoint playing a realistic release: a multi-arch
 * image whose findings keep arriving after Inspector reports the scan complete. Nothing here talks
 * to AWS or GitHub.
 */
import { startFakeAws } from '../__tests__/fake-aws/server.js'
import { scenarioImages, scenarios, withTimeScale } from '../__tests__/fake-aws/scenarios.js'
import { runBundle } from '../__tests__/e2e/runner.js'

const TIME_SCALE = 4
const rule = (title: string): void =>
  console.log(`\n──── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`)

const image = scenarioImages.demo
const fake = await startFakeAws(withTimeScale(scenarios.demo, TIME_SCALE))
rule('inspector-gate demo')
console.log(`This demo runs against a LOCAL fake AWS endpoint at ${fake.url}, not real AWS.`)
console.log(`Scenario: ${scenarios.demo.description ?? 'demo'}`)
console.log(`Gating ${image.uri} (time runs ${TIME_SCALE}× faster than on AWS)`)

const ignoreFile = [
  'ignore:',
  '  - id: CVE-2023-4911',
  '    reason: glibc tunables are not reachable; the service runs without setuid binaries',
  '    expires: 2099-12-31',
  '  - id: CVE-2021-3711',
  '    reason: accepted until the base image update',
  '    expires: 2024-06-30'
].join('\n')

rule('action log')
const run = await runBundle({
  endpoint: fake.url,
  inputs: {
    images: image.uri,
    'fail-on': 'high',
    'ignore-file': '.inspector-ignore.yml',
    timeout: '2m',
    settle: '30s'
  },
  files: { '.inspector-ignore.yml': ignoreFile },
  env: { INSPECTOR_GATE_POLL_INTERVAL: '500ms' },
  onOutput: (chunk) => process.stdout.write(chunk)
})
await fake.close()

rule('job summary (GITHUB_STEP_SUMMARY, markdown)')
console.log(run.summary)
rule('step outputs (GITHUB_OUTPUT)')
for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`)
rule('verdict')
console.log(
  `result: ${run.outputs['result'] ?? '(none)'} · exit status ${run.exitCode} · ${fake.calls.length} AWS API calls to the local endpoint`
)
console.log(
  'The demo itself succeeds whatever the verdict: a failing gate is the point of the scenario.'
)
process.exit(run.exitCode === 0 || run.outputs['result'] === 'fail' ? 0 : 1)
