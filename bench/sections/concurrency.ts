import { runBundle } from '../../__tests__/e2e/runner.js'
import {
  scenarioFunctions,
  scenarioImages,
  scenarios,
  withTimeScale
} from '../../__tests__/fake-aws/scenarios.js'
import { startFakeAws } from '../../__tests__/fake-aws/server.js'
import { markdownTable, s1 } from '../lib/markdown.js'

/**
 * One image and two Lambda functions (`mixedTargets`, real scenario time) gated in one run of the
 * bundle, against each target gated alone; polls every 250 ms, settle 5 s.
 */
async function timedGate(inputs: Record<string, string>): Promise<number> {
  const fake = await startFakeAws(withTimeScale(scenarios.mixedTargets, 1))
  try {
    const started = Date.now()
    await runBundle({
      endpoint: fake.url,
      inputs: { 'fail-on': 'none', timeout: '60s', settle: '5s', ...inputs },
      env: { INSPECTOR_GATE_POLL_INTERVAL: '250ms' }
    })
    return (Date.now() - started) / 1000
  } finally {
    await fake.close()
  }
}

export async function concurrencySection(): Promise<string> {
  const functions = scenarioFunctions.mixedTargets
  const image = scenarioImages.mixedTargets.uri
  const rows: string[][] = []
  const alone: number[] = []
  const targets = [
    { label: `image ${scenarioImages.mixedTargets.reference} alone`, image, fn: '' },
    ...functions.map((f) => ({ label: `function ${f.name} alone`, image: '', fn: f.name }))
  ]
  for (const target of targets) {
    const seconds = await timedGate({ images: target.image, functions: target.fn })
    alone.push(seconds)
    rows.push([target.label, s1(seconds)])
  }
  const sum = alone.reduce((a, b) => a + b, 0)
  rows.push(['the three, one after another (sum)', s1(sum)])
  rows.push(['the longest alone', s1(Math.max(...alone))])
  const together = await timedGate({
    images: image,
    functions: functions.map((f) => f.name).join('\n')
  })
  rows.push(['the three in one gate', s1(together)])
  return markdownTable(['Gate (mixedTargets, real time)', 'Wall s'], rows, [1])
}
