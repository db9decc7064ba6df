import { runBundle, runCliBundle } from '../../__tests__/e2e/runner.js'
import { scenarios } from '../../__tests__/fake-aws/scenarios.js'
import { startFakeAws } from '../../__tests__/fake-aws/server.js'
import { syntheticCycloneDx } from '../../__tests__/fixtures/sboms/cyclonedx.js'
import { markdownTable, median } from '../lib/markdown.js'
import { bareNode } from './startup.js'

/**
 * The pre-push gate (issue 15): one 1,000-component CycloneDX SBOM, of which three packages are
 * vulnerable in the endpoint's catalogue, gated from each bundle as a runner (or another CI) runs
 * it. Cold start is spawn → the endpoint's first request (ScanSbom itself: an SBOM-only gate makes
 * no other call), wall time spawn → exit, both on the endpoint's clock.
 */
const SBOM = JSON.stringify(
  syntheticCycloneDx(1_000, {
    include: [
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      'pkg:npm/lodash@4.17.20',
      'pkg:deb/debian/openssl@1.1.1k-1'
    ]
  })
)

interface SbomRun {
  coldStartMs: number
  wallMs: number
  calls: string[]
  exitCode: number | null
}

async function sbomGate(bundle: 'action' | 'cli'): Promise<SbomRun> {
  const fake = await startFakeAws(scenarios.clean)
  const now = () => fake.scenarioSeconds() * 1000
  try {
    let spawnedAt = NaN
    let exitCode: number | null
    if (bundle === 'action') {
      const run = await runBundle({
        endpoint: fake.url,
        inputs: { sboms: 'sbom.cdx.json', 'fail-on': 'critical' },
        files: { 'sbom.cdx.json': SBOM },
        onSpawn: () => (spawnedAt = now())
      })
      exitCode = run.exitCode
    } else {
      spawnedAt = now()
      const run = await runCliBundle({
        args: ['gate', '--sboms', 'sbom.cdx.json', '--fail-on', 'critical'],
        endpoint: fake.url,
        files: { 'sbom.cdx.json': SBOM }
      })
      exitCode = run.exitCode
    }
    const wallMs = now() - spawnedAt
    const first = fake.calls[0]
    if (first === undefined) throw new Error(`the ${bundle} bundle sent no AWS request`)
    return {
      coldStartMs: first.atMs - spawnedAt,
      wallMs,
      calls: fake.calls.map((c) => c.operation),
      exitCode
    }
  } finally {
    await fake.close()
  }
}

export async function sbomSection(runs: number): Promise<string> {
  const bare: number[] = []
  for (let i = 0; i < runs; i += 1) bare.push(await bareNode())
  const floor = median(bare)
  const rows: string[][] = [
    ['`node -e 0`', floor.toFixed(0), '0', floor.toFixed(0), '—', '—', String(runs)]
  ]
  for (const bundle of ['action', 'cli'] as const) {
    const results: SbomRun[] = []
    for (let i = 0; i < runs; i += 1) results.push(await sbomGate(bundle))
    const cold = median(results.map((r) => r.coldStartMs))
    const calls = [...new Set(results.map((r) => r.calls.join(', ')))]
    const exits = [...new Set(results.map((r) => String(r.exitCode)))]
    rows.push([
      bundle === 'action' ? '`dist/index.js` (sboms)' : '`dist/cli/index.js gate --sboms`',
      cold.toFixed(0),
      (cold - floor).toFixed(0),
      median(results.map((r) => r.wallMs)).toFixed(0),
      `${results[0]?.calls.length ?? 0} (${calls.join(' / ')})`,
      exits.join(' / '),
      String(runs)
    ])
  }
  return markdownTable(
    [
      'Bundle, 1,000-component SBOM',
      'Cold start ms (median)',
      'Over bare Node ms',
      'Wall ms spawn → exit (median)',
      'AWS calls',
      'Exit code (1: fail)',
      'Runs'
    ],
    rows
  )
}
