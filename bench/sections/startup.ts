import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { node24, runBundle, runCliBundle } from '../../__tests__/e2e/runner.js'
import { scenarioImages, scenarios, withTimeScale } from '../../__tests__/fake-aws/scenarios.js'
import { startFakeAws, type FakeAws } from '../../__tests__/fake-aws/server.js'
import { markdownTable, median } from '../lib/markdown.js'
import { tempDir } from '../../__tests__/helpers/temp-dir.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
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
async function coldStart(
  bundle: 'action' | 'cli',
  extraEnv: Record<string, string> = {}
): Promise<number> {
  const fake = await startFakeAws(withTimeScale(scenarios.clean, TIME_SCALE))
  try {
    let spawnedAt = NaN
    if (bundle === 'action') {
      await runBundle({
        endpoint: fake.url,
        inputs: { images: scenarioImages.clean.uri, ...GATE },
        env: { ...FAST_POLLS, ...extraEnv },
        onSpawn: () => (spawnedAt = elapsedMs(fake))
      })
    } else {
      // runCliBundle has no spawn hook: this also counts its temporary directory (a millisecond).
      spawnedAt = elapsedMs(fake)
      await runCliBundle({
        args: ['gate', '--images', scenarioImages.clean.uri, '--timeout', GATE.timeout],
        endpoint: fake.url,
        env: { ...FAST_POLLS, ...extraEnv }
      })
    }
    const first = fake.calls[0]
    if (first === undefined) throw new Error(`the ${bundle} bundle sent no AWS request`)
    return first.atMs - spawnedAt
  } finally {
    await fake.close()
  }
}

/**
 * Spawn → exit of `node -e 0` on the same Node 24, timed the same way (from the spawn call): the
 * floor no bundle can go under. A bundle's overhead is its median minus this median.
 */
export async function bareNode(): Promise<number> {
  const started = performance.now()
  const child = spawn(node24(), ['-e', '0'], { stdio: 'ignore' })
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', () => resolve())
  })
  return performance.now() - started
}

/** The bundle's entry file and the chunks ncc split off next to it (`<n>.index.js`). */
function bundleFiles(file: string): { name: string; bytes: number }[] {
  const dir = join(ROOT, file, '..')
  const chunks = readdirSync(dir)
    .filter((name) => /^\d+\.index\.js$/.test(name))
    .sort((a, b) => parseInt(a) - parseInt(b))
  return [file.split('/').pop() as string, ...chunks].map((name) => ({
    name,
    bytes: statSync(join(dir, name)).size
  }))
}

/**
 * The bundle files one gate run reads (entry and chunks), in order, and how many of them it read
 * before its first AWS request: recorded by the e2e suite's load hook (which marks that request)
 * in a run of its own, so the hook's cost is not in the timed runs.
 */
async function filesLoaded(bundle: 'action' | 'cli'): Promise<{ files: string[]; before: number }> {
  const log = join(tempDir('inspector-gate-loads-'), 'loads.txt')
  const recorder = join(ROOT, '__tests__', 'e2e', 'load-recorder.mjs')
  await coldStart(bundle, { NODE_OPTIONS: `--import ${recorder}`, INSPECTOR_GATE_LOAD_LOG: log })
  const lines = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line === 'first-request' || line.includes('/dist/'))
  const at = lines.indexOf('first-request')
  const files = lines.filter((line) => line !== 'first-request').map((url) => fileURLToPath(url))
  return { files, before: at === -1 ? files.length : at }
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`

export async function startupSection(runs: number): Promise<string> {
  const rows: string[][] = []
  const bare: number[] = []
  for (let i = 0; i < runs; i += 1) bare.push(await bareNode())
  const floor = median(bare)
  rows.push([
    '`node -e 0`',
    '—',
    '—',
    '—',
    '—',
    floor.toFixed(0),
    '0',
    Math.min(...bare).toFixed(0),
    Math.max(...bare).toFixed(0),
    String(runs)
  ])
  const bundles = [
    { kind: 'action' as const, file: 'dist/index.js' },
    { kind: 'cli' as const, file: 'dist/cli/index.js' }
  ]
  const chunkRows: string[][] = []
  for (const { kind, file } of bundles) {
    const files = bundleFiles(file)
    const entry = files[0] as { bytes: number }
    const total = files.reduce((sum, f) => sum + f.bytes, 0)
    const loaded = await filesLoaded(kind)
    const before = loaded.files.slice(0, loaded.before)
    for (const f of files) {
      const path = join(file, '..', f.name)
      const read = join(ROOT, path)
      chunkRows.push([
        `\`${path}\``,
        kib(f.bytes),
        f.bytes.toLocaleString('en-US'),
        before.includes(read) ? 'before' : loaded.files.includes(read) ? 'after' : ''
      ])
    }
    const sizeOf = (paths: string[]) => paths.reduce((sum, path) => sum + statSync(path).size, 0)
    const read = (paths: string[]) => `${kib(sizeOf(paths))} (${paths.length} files)`
    const times: number[] = []
    for (let i = 0; i < runs; i += 1) times.push(await coldStart(kind))
    const mid = median(times)
    rows.push([
      `\`${file}\``,
      kib(entry.bytes),
      kib(total),
      read(loaded.files),
      read(before),
      mid.toFixed(0),
      (mid - floor).toFixed(0),
      Math.min(...times).toFixed(0),
      Math.max(...times).toFixed(0),
      String(runs)
    ])
  }
  const timing = markdownTable(
    [
      'Run',
      'Entry size',
      'With chunks',
      'A gate reads',
      'Before its first request',
      'To first request median ms',
      'Overhead ms',
      'Min ms',
      'Max ms',
      'Runs'
    ],
    rows,
    [1, 2, 3, 4, 5, 6, 7, 8, 9]
  )
  // Each chunk's size beside when a gate reads it: before its first AWS request (in the cold
  // start above), after it, or not at all.
  const chunks = markdownTable(
    ['File', 'Size', 'Bytes', 'Read by a gate (first request)'],
    chunkRows,
    [1, 2]
  )
  return `${timing}\n\n${chunks}`
}
