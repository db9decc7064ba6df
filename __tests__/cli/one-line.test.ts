import { afterAll, describe, expect, it } from '@jest/globals'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { programLine } from '../../src/cli/cli-host.js'
import { runCli } from '../../src/cli/main.js'
import { tempDir } from '../helpers/temp-dir.js'

const workspace = tempDir('inspector-gate-one-line-')
afterAll(() => rmSync(workspace, { recursive: true, force: true }))
writeFileSync(join(workspace, 'broken.yml'), 'ignore:\n  - {id: x\n')
writeFileSync(join(workspace, 'no-reason.yml'), 'ignore:\n  - id: CVE-2024-0001\n')
writeFileSync(join(workspace, 'a-file'), 'not a folder')

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1'

async function cli(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, {
    streams: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
    env: { AWS_REGION: 'us-east-1' },
    cwd: workspace
  })
  return { code, stdout: out.join(''), stderr: err.join('') }
}

/**
 * Every way a run can be refused before it reaches AWS. Each is one line on stderr with the one
 * prefix `inspector-gate: `, and nothing on stdout, which carries only the `--format` result.
 */
const BAD: [string, string[], RegExp][] = [
  ['an unknown flag', ['gate', '--fail-onn', 'high'], /did you mean --fail-on\?/],
  ['a flag without its value', ['gate', '--images'], /--images needs a value/],
  ['a word that is not a mode', ['gat', '--images', IMAGE], /"gat" is not a mode/],
  ['a bad value (InputError)', ['gate', '--images', IMAGE, '--fail-on', 'severe'], /fail-on: /],
  ['nothing to gate', ['gate'], /images, functions, sboms: nothing to gate/],
  ['a bad image URI', ['gate', '--images', 'app:v1'], /images: "app:v1" has no registry host/],
  [
    'a missing ignore file',
    ['gate', '--images', IMAGE, '--ignore-file', 'nope.yml'],
    /ignore-file: nope\.yml does not exist/
  ],
  [
    'an ignore file that is not YAML',
    ['gate', '--images', IMAGE, '--ignore-file', 'broken.yml'],
    /ignore-file broken\.yml:3: invalid YAML/
  ],
  [
    'an ignore entry without a reason',
    ['gate', '--images', IMAGE, '--ignore-file', 'no-reason.yml'],
    /no-reason\.yml.*reason/
  ],
  ['a bad setup input', ['setup', '--scan-types', 'foo'], /setup: scan-types: "foo" is not one of/],
  ['a bad report input', ['report', '--period', '400d'], /report: period: "400d"/]
]

describe('a bad input is one line on stderr with one prefix, and nothing on stdout', () => {
  it.each(BAD)('%s', async (_, argv, says) => {
    const run = await cli(argv)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const lines = run.stderr.split('\n').filter((line) => line !== '')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(says)
    expect(lines[0]).toMatch(/^inspector-gate: /)
    expect(lines[0]).not.toMatch(/^inspector-gate: (inspector-gate|error)\b/)
    expect(run.stderr.endsWith('\n')).toBe(true)
  })

  it('with --format json, stdout has the JSON result and stderr the same one line', async () => {
    const run = await cli(['gate', '--images', IMAGE, '--fail-on', 'severe', '--format', 'json'])
    expect(run.code).toBe(2)
    expect(JSON.parse(run.stdout)).toEqual({
      result: 'error',
      error: expect.stringMatching(/^fail-on: /)
    })
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^inspector-gate: fail-on: /)
    ])
  })

  it('an outputs file that cannot be written is one more line with the same prefix', async () => {
    const run = await cli(['gate', '--outputs-file', 'a-file/out.env'])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const lines = run.stderr.trimEnd().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/^inspector-gate: images, functions, sboms: nothing to gate/),
      expect.stringMatching(/^inspector-gate: --outputs-file: could not write a-file\/out\.env/)
    ])
  })
})

describe('a step’s closing line gets the one prefix, not a second one', () => {
  it.each([
    ['inspector-gate fail: app:v1: 2 high', 'inspector-gate: fail: app:v1: 2 high'],
    [
      'inspector-gate error: app:v1: no AWS credentials found',
      'inspector-gate: error: app:v1: no AWS credentials found'
    ],
    ['inspector-gate setup: no Security Hub', 'inspector-gate: setup: no Security Hub'],
    ['inspector-gate: responder stack failed', 'inspector-gate: responder stack failed'],
    ['fail-on: "x" is not one of …', 'inspector-gate: fail-on: "x" is not one of …']
  ])('%s', (failure, line) => {
    expect(programLine(failure)).toBe(line)
  })
})
