import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { exitCode, runCli, writeOutputs } from '../../src/cli/main.js'
import type { StepOutcome } from '../../src/runtime/host.js'
import { VERSION } from '../../src/version.js'
import { workflowCommands } from '../helpers/workflow-commands.js'
import { tempDir } from '../helpers/temp-dir.js'

function terminal() {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    where: {
      streams: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) },
      env: {},
      cwd: tempDir('inspector-gate-cli-')
    }
  }
}

const render = () => ''

describe('exit codes', () => {
  it.each<[StepOutcome, number]>([
    [{ result: 'pass', render }, 0],
    [{ result: 'error', render }, 0], // on-error: warn — the step does not fail
    [{ result: 'fail', failure: 'x', render }, 1],
    [{ result: 'error', failure: 'x', render }, 2],
    // a pass whose responder deployment failed is a tool error, not a policy failure
    [{ result: 'pass', failure: 'x', render }, 2]
  ])('%j → %d', (outcome, code) => {
    expect(exitCode(outcome)).toBe(code)
  })
})

describe('runCli without AWS', () => {
  it('prints usage for --help and the version for --version, exit 0', async () => {
    const help = terminal()
    expect(await runCli(['--help'], help.where)).toBe(0)
    expect(help.out.join('')).toContain('Usage: inspector-gate')
    const version = terminal()
    expect(await runCli(['--version'], version.where)).toBe(0)
    expect(version.out.join('')).toBe(`${VERSION}\n`)
  })

  it('a bad flag is exit 2 with one line on stderr', async () => {
    const t = terminal()
    expect(await runCli(['gate', '--fail-om', 'high'], t.where)).toBe(2)
    expect(t.err.join('')).toBe(
      'inspector-gate: --fail-om is not a flag: did you mean --fail-on? (see --help)\n'
    )
    expect(t.out).toEqual([])
  })

  it('a bad input is exit 2 with the message naming the input, before any AWS call', async () => {
    const t = terminal()
    const outputs = join(t.where.cwd, 'out.json')
    const code = await runCli(
      ['gate', '--images', 'app:v1', '--fail-on', 'severe', '--outputs-file', outputs],
      t.where
    )
    expect(code).toBe(2)
    expect(t.err.join('')).toMatch(/^inspector-gate: .*app:v1/m)
    expect(JSON.parse(readFileSync(outputs, 'utf8'))).toEqual({ result: 'error' })
  })

  it('the failure line and the JSON quote input and AWS text without running a workflow command', async () => {
    const t = terminal()
    const hostile = 'x ##[set-output name=result;]pass ##vso[task.complete result=Succeeded]'
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1'
    const argv = ['gate', '--images', image, '--fail-on', hostile, '--format', 'json']
    expect(await runCli(argv, t.where)).toBe(2)
    const [stdout, stderr] = [t.out.join(''), t.err.join('')]
    expect(workflowCommands(stdout + stderr)).toEqual([])
    expect(stderr).toMatch(/^inspector-gate: fail-on: "x #\u200b#\[set-output/m)
    // The JSON document still says exactly what was given.
    expect((JSON.parse(stdout) as { error: string }).error).toContain(hostile)
  })

  it('--format json prints a JSON document even for an input error', async () => {
    const t = terminal()
    expect(await runCli(['gate', '--format', 'json'], t.where)).toBe(2)
    const printed = JSON.parse(t.out.join('')) as { result: string; error: string }
    expect(printed.result).toBe('error')
    expect(printed.error).toContain('images, functions, sboms: nothing to gate')
  })
})

describe('writeOutputs', () => {
  const outputs = new Map([
    ['result', 'fail'],
    ['findings-file', '/tmp/f.json'],
    ['counts', '{"critical":1}']
  ])

  it('writes dotenv lines GitLab can read: upper-case names, one line each', () => {
    const path = join(tempDir('ig-'), 'gate.env')
    writeOutputs(path, new Map([...outputs, ['odd', 'two\nlines']]))
    expect(readFileSync(path, 'utf8')).toBe(
      [
        'INSPECTOR_GATE_RESULT=fail',
        'INSPECTOR_GATE_FINDINGS_FILE=/tmp/f.json',
        'INSPECTOR_GATE_COUNTS={"critical":1}',
        'INSPECTOR_GATE_ODD=two lines',
        ''
      ].join('\n')
    )
  })

  it('writes JSON with the action output names for a .json path', () => {
    const path = join(tempDir('ig-'), 'nested', 'gate.json')
    writeOutputs(path, outputs)
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(Object.fromEntries(outputs))
  })
})
