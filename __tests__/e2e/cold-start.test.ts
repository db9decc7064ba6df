/**
 * Issue 13 (cold start), on the committed bundles: a gate reads only the chunks its run uses. The
 * load hook (load-recorder.mjs, preloaded with NODE_OPTIONS=--import) lists every bundle file Node
 * loads; each forbidden piece is found by a marker in the file that holds it. No time is measured.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { scenarioImages } from '../fake-aws/scenarios.js'
import { e2eHarness } from './harness.js'
import { runCliBundle } from './runner.js'
import { tempDir } from '../helpers/temp-dir.js'

const { fake, gate } = e2eHarness()
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
const RECORDER = fileURLToPath(new URL('./load-recorder.mjs', import.meta.url))

/**
 * What a gate without a comment to post, a SARIF file or a responder stack never loads. With
 * `scan-event-log-group` empty the gate reads the responder stack's output, which needs the
 * CloudFormation SDK (loaded when the first image waits, after the first request); `off` or a
 * named group does not, so these runs name one.
 */
const NAMED_GROUP = {
  'scan-event-log-group': '/aws/events/inspector-gate-responder/inspector-scans'
}
const NOT_FOR_A_GATE = {
  'the CloudFormation SDK': 'class CloudFormationClient ',
  'the S3 SDK': 'class S3Client ',
  'the SNS SDK': 'class SNSClient ',
  'Octokit (the PR comment)': 'class Octokit ',
  'the HTML report renderer': 'function renderReportHtml(',
  'the SARIF writer': 'function renderSarif(',
  'the setup step': 'function runSetupStep(',
  'the report step': 'function runReportStep('
}

/**
 * What the action does not parse before its first AWS request: the toolkit it writes with, whose
 * HTTP client and undici (for OIDC tokens) are tens of milliseconds of start-up. It loads once the
 * step first writes (src/action/run.ts); the action used to import it before anything else.
 */
const NOT_BEFORE_THE_FIRST_REQUEST = {
  '@actions/core': 'function getInput(',
  '@actions/http-client': 'class HttpClient ',
  undici: 'class Dispatcher extends '
}

/** The recorder's line for the run's first HTTP request (load-recorder.mjs). */
const FIRST_REQUEST = 'first-request'

/** NODE_OPTIONS and the log file for one recorded run. */
function recording(): {
  env: Record<string, string>
  loaded(): string[]
  /** The bundle files loaded before the first request, and whether there was one. */
  beforeFirstRequest(): { files: string[]; requested: boolean }
} {
  const log = join(tempDir('inspector-gate-loads-'), 'loads.txt')
  const bundleFiles = (lines: string[]) =>
    lines
      .filter((url) => url.startsWith('file:') && fileURLToPath(url).startsWith(DIST))
      .map((url) => fileURLToPath(url))
  const lines = () => readFileSync(log, 'utf8').split('\n')
  return {
    env: { NODE_OPTIONS: `--import ${RECORDER}`, INSPECTOR_GATE_LOAD_LOG: log },
    loaded: () => bundleFiles(lines()),
    beforeFirstRequest: () => {
      const all = lines()
      const at = all.indexOf(FIRST_REQUEST)
      return { files: bundleFiles(at === -1 ? all : all.slice(0, at)), requested: at !== -1 }
    }
  }
}

/** The pieces of `pieces` whose marker is in one of `files`. */
function piecesIn(files: string[], pieces: Record<string, string> = NOT_FOR_A_GATE): string[] {
  const text = files.map((file) => readFileSync(file, 'utf8')).join('\n')
  return Object.entries(pieces)
    .filter(([, marker]) => text.includes(marker))
    .map(([piece]) => piece)
}

describe('what a gate loads from the bundle', () => {
  it('every piece a gate must not load is in the bundle, in a chunk of its own', () => {
    const all = (dir: string) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.js'))
        .map((name) => join(dir, name))
    for (const dir of [DIST, join(DIST, 'cli')]) {
      expect(piecesIn(all(dir))).toEqual(Object.keys(NOT_FOR_A_GATE))
      expect(piecesIn([join(dir, 'index.js')])).toEqual([])
    }
    // The action's entry holds no toolkit: @actions/core is a chunk, loaded once a step writes.
    expect(piecesIn([join(DIST, 'index.js')], NOT_BEFORE_THE_FIRST_REQUEST)).toEqual([])
  })

  it('the action: a push gate reads neither the other modes nor CloudFormation, S3, SNS, Octokit, SARIF or the HTML report', async () => {
    const record = recording()
    const run = await gate('clean', NAMED_GROUP, {}, { env: record.env })
    expect(run.outputs['result']).toBe('pass')
    const loaded = record.loaded()
    // The entry and the gate's chunks: the hook did record.
    expect(loaded).toContain(join(DIST, 'index.js'))
    expect(loaded.length).toBeGreaterThan(2)
    expect(piecesIn(loaded)).toEqual([])
  })

  it('the action: its first AWS request goes out before @actions/core, its HTTP client and undici are loaded; they come after, for the outputs', async () => {
    const record = recording()
    const run = await gate('clean', NAMED_GROUP, {}, { env: record.env })
    // The toolkit did write the outputs, the summary and the log.
    expect(run.outputs['result']).toBe('pass')
    expect(run.summary).toContain('Inspector gate passed')
    const before = record.beforeFirstRequest()
    expect(before.requested).toBe(true)
    expect(before.files).toEqual([join(DIST, 'index.js'), ...before.files.slice(1)])
    expect(piecesIn(before.files, NOT_BEFORE_THE_FIRST_REQUEST)).toEqual([])
    expect(piecesIn(record.loaded(), NOT_BEFORE_THE_FIRST_REQUEST)).toEqual(
      Object.keys(NOT_BEFORE_THE_FIRST_REQUEST)
    )
  })

  it('the action: sarif-file set, the SARIF writer is loaded and writes the file', async () => {
    const record = recording()
    const run = await gate(
      'clean',
      { ...NAMED_GROUP, 'sarif-file': 'out/gate.sarif' },
      {},
      { env: record.env }
    )
    expect(run.outputs['result']).toBe('pass')
    expect(run.outputs['sarif-file']).toMatch(/out\/gate\.sarif$/)
    expect(piecesIn(record.loaded())).toEqual(['the SARIF writer'])
  })

  it('the CLI: a gate reads none of them either', async () => {
    await gate('clean')
    const record = recording()
    const run = await runCliBundle({
      args: [
        'gate',
        '--images',
        scenarioImages.clean.uri,
        '--timeout',
        '20s',
        '--scan-event-log-group',
        'off'
      ],
      endpoint: fake().url,
      env: { INSPECTOR_GATE_POLL_INTERVAL: '250ms', ...record.env }
    })
    expect(run.exitCode).toBe(0)
    const loaded = record.loaded()
    expect(loaded).toContain(join(DIST, 'cli', 'index.js'))
    expect(loaded.length).toBeGreaterThan(2)
    expect(piecesIn(loaded)).toEqual([])
  })

  it("the action, scan-event-log-group empty: CloudFormation only, to read the stack's output", async () => {
    const record = recording()
    const run = await gate('clean', {}, {}, { env: record.env })
    expect(run.outputs['result']).toBe('pass')
    expect(fake().callsTo('DescribeStacks')).toHaveLength(1)
    expect(piecesIn(record.loaded())).toEqual(['the CloudFormation SDK'])
  })
})
