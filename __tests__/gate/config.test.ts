import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { buildGateConfig, type ReadFile } from '../../src/gate/config.js'
import type { RawInputs } from '../../src/inputs/read.js'
import { parseIgnoreFile } from '../../src/gate/ignore-file.js'
import { InputError } from '../../src/inputs/values.js'
import type { GateConfig } from '../../src/gate/run.js'
import { DEFAULT_TIMING } from '../../src/gate/scan/deps.js'

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0'
const WORKER = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/worker@sha256:${'e'.repeat(64)}`

const noFiles: ReadFile = (path) => {
  throw new Error(`unexpected read of ${path}`)
}

/** A readFile backed by an in-memory map, failing like fs does for anything else. */
function files(contents: Record<string, string>): ReadFile {
  return (path) => {
    const text = contents[path]
    if (text !== undefined) return text
    return readFileSync(join(tmpdir(), 'inspector-gate-test-does-not-exist', path), 'utf8')
  }
}

function build(
  inputs: RawInputs,
  readFile: ReadFile = noFiles,
  env: Record<string, string | undefined> = {}
): GateConfig {
  return buildGateConfig({ images: IMAGE, ...inputs }, readFile, env, parseIgnoreFile)
}

function inputErrorOf(action: () => unknown): InputError {
  try {
    action()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('buildGateConfig: defaults', () => {
  it('applies the documented defaults when only images is given', () => {
    const config = build({})

    expect(config.policy).toEqual({
      failOn: 'high',
      maxFindings: {},
      untriagedAs: 'high',
      fixableOnly: false,
      failOnExploitable: false,
      onUnscannable: 'fail',
      onError: 'fail'
    })
    expect(config.timeoutMs).toBe(15 * 60_000)
    expect(config.timing).toEqual({ ...DEFAULT_TIMING, settleMs: 60_000 })
    expect(config.ensureEnabled).toBe('check')
    expect(config.ignoreRules).toEqual([])
  })

  it('treats blank inputs (as the runner passes them) as defaults', () => {
    const config = build({
      'fail-on': '  ',
      'untriaged-as': '',
      timeout: '',
      settle: '',
      'ignore-file': ' ',
      'ensure-enabled': ''
    })

    expect(config.policy.failOn).toBe('high')
    expect(config.timeoutMs).toBe(900_000)
    expect(config.ensureEnabled).toBe('check')
  })

  it('takes every policy input, normalising case', () => {
    const config = build({
      'fail-on': 'CRITICAL',
      'max-findings': 'high=3, medium=10',
      'untriaged-as': 'Low',
      'fixable-only': 'TRUE',
      'fail-on-exploitable': 'True',
      'fail-on-epss': '0.1',
      'min-score': '7.0',
      'on-unscannable': 'Warn',
      'on-error': 'warn',
      timeout: '1h30m',
      settle: '90s',
      'ensure-enabled': 'off'
    })

    expect(config.policy).toEqual({
      failOn: 'critical',
      maxFindings: { high: 3, medium: 10 },
      untriagedAs: 'low',
      fixableOnly: true,
      failOnExploitable: true,
      failOnEpss: 0.1,
      minScore: 7,
      onUnscannable: 'warn',
      onError: 'warn'
    })
    expect(config.timeoutMs).toBe(5_400_000)
    expect(config.timing.settleMs).toBe(90_000)
    expect(config.ensureEnabled).toBe('off')
  })

  it('accepts fail-on none', () => {
    expect(build({ 'fail-on': 'none' }).policy.failOn).toBe('none')
  })
})

describe('buildGateConfig: images', () => {
  it('parses one image per line, skipping comments and blank lines', () => {
    const config = build({
      images: ['# api', IMAGE, '', `  ${WORKER}   # worker, pinned by digest`, '   '].join('\n')
    })

    expect(config.images.map((i) => i.raw)).toEqual([IMAGE, WORKER])
    expect(config.images[1]).toMatchObject({ region: 'eu-west-1', repository: 'team/worker' })
  })

  it.each(['', '\n\n', '# nothing yet\n'])(
    'rejects no images, no functions and no SBOMs (%p), naming the three inputs',
    (images) => {
      const error = inputErrorOf(() => build({ images }))

      expect(error.message).toMatch(/^images, functions, sboms: nothing to gate/)
    }
  )

  it('reports a bad image as an InputError naming it', () => {
    const error = inputErrorOf(() => build({ images: `${IMAGE}\nnginx:latest` }))

    expect(error.message).toContain('images: "nginx:latest"')
  })
})

describe('buildGateConfig: invalid values name their input', () => {
  it.each([
    ['fail-on', 'severe', /^fail-on: "severe"/],
    ['untriaged-as', 'none', /^untriaged-as: "none"/],
    ['fixable-only', 'yes', /^fixable-only: "yes"/],
    ['max-findings', 'high=lots', /^max-findings: "high=lots"/],
    ['on-unscannable', 'ignore', /^on-unscannable: "ignore"/],
    ['on-error', 'skip', /^on-error: "skip"/],
    ['ensure-enabled', 'on', /^ensure-enabled: "on"/],
    ['timeout', '15 minutes', /^timeout: "15 minutes"/],
    ['timeout', '500ms', /^timeout: "500ms" is too short/],
    ['settle', 'soon', /^settle: "soon"/],
    ['fail-on-exploitable', 'yes', /^fail-on-exploitable: "yes"/],
    ['fail-on-epss', '42', /^fail-on-epss: "42" is not a probability/],
    ['fail-on-epss', '101%', /^fail-on-epss: "101%" is not a probability/],
    ['fail-on-epss', '-0.1', /^fail-on-epss: "-0.1" is not a probability/],
    ['fail-on-epss', 'high', /^fail-on-epss: "high" is not a probability/],
    ['fail-on-epss', '1e-1', /^fail-on-epss: "1e-1" is not a probability/],
    ['min-score', '10.5', /^min-score: "10.5" is not an Inspector score/],
    ['min-score', 'high', /^min-score: "high" is not an Inspector score/],
    ['min-score', '70%', /^min-score: "70%" is not an Inspector score/]
  ])('%s: %p', (input, value, message) => {
    expect(() => build({ [input]: value })).toThrow(message)
    expect(() => build({ [input]: value })).toThrow(InputError)
  })
})

describe('buildGateConfig: risk rules', () => {
  it('leaves fail-on-epss and min-score off by default, and fail-on-exploitable false', () => {
    const { policy } = build({})

    expect(policy.failOnExploitable).toBe(false)
    expect('failOnEpss' in policy).toBe(false)
    expect('minScore' in policy).toBe(false)
  })

  it.each([
    ['0.1', 0.1],
    ['.5', 0.5],
    ['0', 0],
    ['1', 1],
    ['10%', 0.1],
    ['42 %', 0.42],
    ['100%', 1],
    ['0.5%', 0.005]
  ])('fail-on-epss %p is the probability %p', (value, probability) => {
    expect(build({ 'fail-on-epss': value }).policy.failOnEpss).toBeCloseTo(probability, 12)
  })

  it.each([
    ['7.0', 7],
    ['0', 0],
    ['10', 10],
    ['8.25', 8.25]
  ])('min-score %p is the score %p', (value, score) => {
    expect(build({ 'min-score': value }).policy.minScore).toBe(score)
  })
})

describe('buildGateConfig: ignore-file', () => {
  const IGNORE = ['ignore:', '  - id: CVE-2024-1', '    reason: not reachable'].join('\n')

  it('reads and parses the ignore file', () => {
    const config = build(
      { 'ignore-file': '.inspector-ignore.yml' },
      files({ '.inspector-ignore.yml': IGNORE })
    )

    expect(config.ignoreRules).toEqual([
      { id: 'CVE-2024-1', reason: 'not reachable', line: 2, file: '.inspector-ignore.yml' }
    ])
  })

  it('refuses (as a bug) to skip an ignore file for want of its parser', () => {
    const readFile = files({ '.inspector-ignore.yml': 'ignore: []\n' })
    expect(() =>
      buildGateConfig({ images: IMAGE, 'ignore-file': '.inspector-ignore.yml' }, readFile)
    ).toThrow('inspector-gate bug: ignore-file is set but no ignore file parser was given')
  })

  it('does not read any file when ignore-file is empty', () => {
    expect(build({ 'ignore-file': '' }, noFiles).ignoreRules).toEqual([])
  })

  it('reports a missing ignore file naming the input and the path', () => {
    const error = inputErrorOf(() => build({ 'ignore-file': 'config/missing.yml' }, files({})))

    expect(error.message).toBe(
      'ignore-file: config/missing.yml does not exist; check the path (relative to the workspace)'
    )
  })

  it('reports other read errors with their cause', () => {
    const error = inputErrorOf(() =>
      build({ 'ignore-file': 'x.yml' }, () => {
        throw new Error('EACCES: permission denied')
      })
    )

    expect(error.message).toMatch(/^ignore-file: x\.yml .*EACCES/)
  })

  it('reports a broken ignore file as an InputError with file:line', () => {
    const error = inputErrorOf(() =>
      build(
        { 'ignore-file': 'ig.yml' },
        files({ 'ig.yml': 'ignore:\n  - id: CVE-1\n    reson: x\n' })
      )
    )

    expect(error.message).toContain('ig.yml:3: unknown key "reson"')
  })

  // Found by the property tests: the path and the cause were repeated as given, line breaks and all.
  it('quotes a missing path on one line', () => {
    const error = inputErrorOf(() => build({ 'ignore-file': 'a\rb.yml' }, files({})))

    expect(error.message).toBe(
      'ignore-file: a\\rb.yml does not exist; check the path (relative to the workspace)'
    )
  })
})

describe('buildGateConfig: scan-event-log-group', () => {
  it("reads the responder stack's output when empty, names the group when given, and is off on off", () => {
    expect(build({}, noFiles).scanEvents).toEqual({
      kind: 'from-stack',
      stackName: 'inspector-gate-responder'
    })
    expect(build({ 'responder-stack-name': 'gate-responder-2' }, noFiles).scanEvents).toEqual({
      kind: 'from-stack',
      stackName: 'gate-responder-2'
    })
    expect(
      build(
        { 'scan-event-log-group': '/aws/events/inspector-gate-responder/inspector-scans' },
        noFiles
      ).scanEvents
    ).toEqual({
      kind: 'named',
      logGroupName: '/aws/events/inspector-gate-responder/inspector-scans'
    })
    expect(build({ 'scan-event-log-group': 'off' }, noFiles).scanEvents).toEqual({ kind: 'off' })
  })

  it('refuses a stack name it would look up, naming the input', () => {
    expect(() => build({ 'responder-stack-name': '9lives' }, noFiles)).toThrow(
      /^responder-stack-name: "9lives" must start with a letter/
    )
  })

  it('refuses a name CloudWatch Logs would refuse, naming the input', () => {
    expect(() =>
      build({ 'scan-event-log-group': 'arn:aws:logs:us-east-1:1:log-group:x' }, noFiles)
    ).toThrow(
      /^scan-event-log-group: "arn:aws:logs:us-east-1:1:log-group:x" is not a CloudWatch Logs group name/
    )
  })
})

describe('buildGateConfig: INSPECTOR_GATE_POLL_INTERVAL', () => {
  it('shortens every wait between polls', () => {
    const config = build({ settle: '2s' }, noFiles, { INSPECTOR_GATE_POLL_INTERVAL: '50ms' })

    expect(config.timing).toEqual({
      enablePollMs: 50,
      pollInitialMs: 50,
      pollMaxMs: 150,
      settleIntervalMs: 50,
      settleMs: 2_000,
      scanEventPollMs: 50
    })
  })

  it('is ignored when unset or empty', () => {
    expect(build({}, noFiles, { INSPECTOR_GATE_POLL_INTERVAL: '' }).timing).toEqual(DEFAULT_TIMING)
    expect(build({}, noFiles, { OTHER: '1ms' }).timing).toEqual(DEFAULT_TIMING)
  })

  it('rejects an invalid interval, naming the variable', () => {
    expect(() => build({}, noFiles, { INSPECTOR_GATE_POLL_INTERVAL: 'fast' })).toThrow(
      /^INSPECTOR_GATE_POLL_INTERVAL: "fast"/
    )
  })
})

describe('buildGateConfig: sboms', () => {
  const CYCLONE_DX = JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    metadata: { component: { type: 'container', name: 'ghcr.io/acme/app:1.2' } },
    components: [
      { type: 'library', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' }
    ]
  })
  const region = { AWS_REGION: 'eu-west-1' }
  const sbomsOnly = (sboms: string, readFile: ReadFile, env = region): GateConfig =>
    buildGateConfig({ sboms }, readFile, env, parseIgnoreFile)

  it('reads each SBOM before any call, alone or beside images, in the region of AWS_REGION', () => {
    const alone = sbomsOnly('sbom.cdx.json', files({ 'sbom.cdx.json': CYCLONE_DX }))
    const beside = build({ sboms: 'sbom.cdx.json' }, files({ 'sbom.cdx.json': CYCLONE_DX }), region)

    expect(alone.images).toEqual([])
    expect(alone.sboms).toEqual([
      expect.objectContaining({ file: 'sbom.cdx.json', format: 'CycloneDX 1.5', components: 1 })
    ])
    expect(alone.sbomRegion).toBe('eu-west-1')
    expect(beside.images).toHaveLength(1)
    expect(beside.sboms).toHaveLength(1)
  })

  it.each([
    ['missing.json', {}, /^sboms: "?missing\.json"? does not exist; give the SBOM file's path/],
    ['bad.json', { 'bad.json': '{"bomFormat": "CycloneDX", ' }, /^sboms: bad\.json is not JSON/],
    ['empty.json', { 'empty.json': '' }, /^sboms: empty\.json is empty/]
  ])('refuses %s in one line naming the file', (file, contents, message) => {
    const error = inputErrorOf(() => sbomsOnly(file, files(contents)))

    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('\n')
  })

  it('refuses a file listed twice', () => {
    const read = files({ 'sbom.cdx.json': CYCLONE_DX })
    const error = inputErrorOf(() => sbomsOnly('sbom.cdx.json\nsbom.cdx.json', read))

    expect(error.message).toMatch(/^sboms: "?sbom\.cdx\.json"? is listed twice/)
  })

  it('refuses SBOMs without a region to scan them in, naming AWS_REGION', () => {
    const read = files({ 'sbom.cdx.json': CYCLONE_DX })
    const error = inputErrorOf(() => sbomsOnly('sbom.cdx.json', read, {} as typeof region))

    expect(error.message).toMatch(/^sboms: .*set AWS_REGION/)
  })
})
