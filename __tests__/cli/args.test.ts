import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT_FLAGS, parseCommandLine, UsageError } from '../../src/cli/args.js'
import { usage } from '../../src/cli/usage.js'

const actionInputs = Object.keys(
  (
    parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, unknown>
    }
  ).inputs
)

function run(argv: string[]) {
  const parsed = parseCommandLine(argv)
  if (parsed.kind !== 'run') throw new Error(`expected a run, got ${parsed.kind}`)
  return parsed.args
}

describe('every action input is a CLI flag', () => {
  it.each(actionInputs.filter((name) => name !== 'mode'))('--%s', (name) => {
    expect(INPUT_FLAGS).toContain(`--${name}`)
    expect(run(['gate', `--${name}`, 'value']).inputs[name]).toBe('value')
    expect(usage()).toContain(`--${name}`)
  })

  it('mode is the first word, or --mode, as in the action', () => {
    expect(run(['report']).mode).toBe('report')
    expect(run(['--mode', 'setup']).mode).toBe('setup')
    expect(run([]).mode).toBe('gate')
    expect(run(['setup']).inputs['mode']).toBe('setup')
  })
})

describe('parseCommandLine', () => {
  it('takes --flag value and --flag=value', () => {
    const args = run(['gate', '--fail-on', 'critical', '--max-findings=high=5'])
    expect(args.inputs['fail-on']).toBe('critical')
    expect(args.inputs['max-findings']).toBe('high=5')
  })

  it('joins a repeated list flag one value per line, as the action input takes it', () => {
    const args = run(['--images', 'a', '--images', 'b', '--functions=f'])
    expect(args.inputs['images']).toBe('a\nb')
    expect(args.inputs['functions']).toBe('f')
  })

  it('leaves inputs that were not given out, so the action defaults apply', () => {
    expect(run(['gate', '--images', 'x']).inputs).toEqual({ mode: 'gate', images: 'x' })
  })

  it('reads the CLI options', () => {
    const args = run([
      'gate',
      '--format',
      'json',
      '--outputs-file',
      'out.env',
      '--summary-file=s.md',
      '--verbose'
    ])
    expect(args).toMatchObject({
      format: 'json',
      outputsFile: 'out.env',
      summaryFile: 's.md',
      verbose: true
    })
    expect(run([]).format).toBe('text')
  })

  it('answers --help and --version before anything else', () => {
    expect(parseCommandLine(['gate', '--images', 'x', '--help']).kind).toBe('help')
    expect(parseCommandLine(['-h']).kind).toBe('help')
    expect(parseCommandLine(['--version']).kind).toBe('version')
  })

  it.each([
    [['--fail-on'], '--fail-on needs a value'],
    [['--nope', 'x'], '--nope is not a flag; see --help'],
    [['--fail-onn', 'high'], '--fail-onn is not a flag: did you mean --fail-on? (see --help)'],
    [['--imags', 'x'], '--imags is not a flag: did you mean --images? (see --help)'],
    [
      ['--sumary-file', 'x'],
      '--sumary-file is not a flag: did you mean --summary-file? (see --help)'
    ],
    [['--fail-on', 'high', '--fail-on', 'low'], '--fail-on is given 2 times; give it once'],
    [['deploy'], '"deploy" is not a mode; use one of gate, setup, report'],
    [['gate', 'extra'], 'unexpected argument "extra"; flags start with --'],
    [['gate', '--mode', 'report'], 'the mode is given twice'],
    [['--format', 'xml'], '--format: "xml" is not one of text, json, markdown'],
    [['--verbose=yes'], '--verbose takes no value'],
    [
      ['--sarif-file', '--pr-comment=off'],
      '--sarif-file needs a value; for a value that starts with --, write --sarif-file=<value>'
    ],
    [['--outputs-file='], '--outputs-file needs a file path'],
    [['--summary-file', ' '], '--summary-file needs a file path']
  ])('refuses %j with a line naming the flag', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError)
    expect(() => parseCommandLine(argv)).toThrow(message)
  })
})

describe('parseCommandLine: regressions found by the property tests', () => {
  it.each([
    [['gate\nsetup'], '"gate\\nsetup" is not a mode; use one of gate, setup, report'],
    [['--format', 'json\r\n'], '--format: "json\\r\\n" is not one of text, json, markdown'],
    [['--fail\non', 'high'], '--fail\\non is not a flag: did you mean --fail-on? (see --help)'],
    [['gate', 'x\ny'], 'unexpected argument "x\\ny"; flags start with --']
  ])('%j is refused in one line', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(new UsageError(message))
  })

  it('quotes a huge argument short', () => {
    expect(() => parseCommandLine([`--${'x'.repeat(100_000)}`])).toThrow(
      new UsageError(`--${'x'.repeat(200)}… (100000 characters) is not a flag; see --help`)
    )
  })
})
