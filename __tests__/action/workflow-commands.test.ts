/**
 * src/action/workflow-commands.ts speaks the runner protocol without loading @actions/core (issue
 * 13, cold start). The library stays the oracle: every call, on hostile text, must write exactly
 * what @actions/core writes (stdout, GITHUB_OUTPUT, the job summary), the outputs' random
 * delimiters aside.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import fc from 'fast-check'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as ours from '../../src/action/workflow-commands.js'
import { RUNS } from '../properties/support.js'

/** stdout during `run`. */
function stdout(run: () => void): string {
  const chunks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk))
    return true
  })
  try {
    run()
  } finally {
    spy.mockRestore()
  }
  return chunks.join('')
}

/** Text built from what the protocol encodes (%, CR, LF, `:`, `,`), command look-alikes, anything. */
const hostile = fc.oneof(
  fc.string({
    unit: fc.constantFrom('%', '\r', '\n', ':', ',', '::', '=', 'a', ' ', '#', '\u202e')
  }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '::set-output name=result::pass', '%0A%25', 'ghadelimiter_x')
)
const place = fc.record(
  {
    title: hostile,
    file: hostile,
    startLine: fc.integer({ min: 0, max: 10_000 }),
    endLine: fc.integer({ min: 0, max: 10_000 })
  },
  { requiredKeys: [] }
)

const saved = { ...process.env }
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inspector-gate-commands-'))
  delete process.env['GITHUB_OUTPUT']
  delete process.env['GITHUB_STEP_SUMMARY']
})
afterEach(() => {
  process.env = { ...saved }
  process.exitCode = undefined
})

describe('workflow commands, against @actions/core', () => {
  it('info, debug, add-mask: the same bytes on stdout', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const name of ['info', 'debug', 'setSecret'] as const) {
          expect(stdout(() => ours[name](text))).toBe(stdout(() => core[name](text)))
        }
      }),
      { numRuns: RUNS }
    )
  })

  it('warning and error, with and without a place: the same command and properties', () => {
    fc.assert(
      fc.property(hostile, place, (text, where) => {
        for (const name of ['warning', 'error'] as const) {
          expect(stdout(() => ours[name](text, where))).toBe(stdout(() => core[name](text, where)))
          expect(stdout(() => ours[name](text))).toBe(stdout(() => core[name](text)))
        }
      }),
      { numRuns: RUNS }
    )
  })

  it('setFailed: the same error line, and exit code 1', () => {
    const theirs = stdout(() => core.setFailed('a\nb%'))
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
    expect(stdout(() => ours.setFailed('a\nb%'))).toBe(theirs)
    expect(process.exitCode).toBe(1)
  })

  it('getInput: INPUT_<NAME> with spaces as _, upper case, trimmed', () => {
    process.env['INPUT_FAIL-ON'] = '  high \n'
    process.env['INPUT_A_B'] = 'x'
    for (const name of ['fail-on', 'a b', 'missing']) {
      expect(ours.getInput(name)).toBe(core.getInput(name))
    }
    expect(ours.getInput('fail-on')).toBe('high')
  })

  it('setOutput with GITHUB_OUTPUT: the same record, its delimiter aside', () => {
    const delimiters = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER')
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), hostile, (name, value) => {
        const files = [join(dir, 'ours'), join(dir, 'theirs')]
        for (const file of files) writeFileSync(file, '')
        process.env['GITHUB_OUTPUT'] = files[0]
        ours.setOutput(name, value)
        process.env['GITHUB_OUTPUT'] = files[1]
        core.setOutput(name, value)
        const [mine, theirs] = files.map((file) => readFileSync(file, 'utf8'))
        expect(delimiters(mine as string)).toBe(delimiters(theirs as string))
      }),
      { numRuns: RUNS }
    )
  })

  it('setOutput without GITHUB_OUTPUT: the same set-output command', () => {
    expect(stdout(() => ours.setOutput('a,b', 'x\ny'))).toBe(
      stdout(() => core.setOutput('a,b', 'x\ny'))
    )
  })

  it('setOutput to a missing GITHUB_OUTPUT file throws as @actions/core does', () => {
    process.env['GITHUB_OUTPUT'] = join(dir, 'gone')
    expect(() => ours.setOutput('a', 'b')).toThrow(`Missing file at path: ${join(dir, 'gone')}`)
    expect(() => core.setOutput('a', 'b')).toThrow(`Missing file at path: ${join(dir, 'gone')}`)
  })

  it('appendSummary: the same summary file as summary.addRaw().write(), the same refusals', async () => {
    const files = [join(dir, 'ours.md'), join(dir, 'theirs.md')]
    for (const file of files) writeFileSync(file, '# head\n')
    process.env['GITHUB_STEP_SUMMARY'] = files[0]
    await ours.appendSummary('a\r\n| b |')
    process.env['GITHUB_STEP_SUMMARY'] = files[1]
    await core.summary.addRaw('a\r\n| b |').write()
    expect(readFileSync(files[0] as string, 'utf8')).toBe(readFileSync(files[1] as string, 'utf8'))

    process.env['GITHUB_STEP_SUMMARY'] = join(dir, 'gone.md')
    const refusal = `Unable to access summary file: '${join(dir, 'gone.md')}'. Check if the file has correct read/write permissions.`
    await expect(ours.appendSummary('x')).rejects.toThrow(refusal)
    // (@actions/core's summary keeps the first path it saw, so it is no oracle for this one.)
    delete process.env['GITHUB_STEP_SUMMARY']
    await expect(ours.appendSummary('x')).rejects.toThrow(/\$GITHUB_STEP_SUMMARY/)
  })
})
