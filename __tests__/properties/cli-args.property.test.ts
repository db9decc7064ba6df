import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { INPUT_NAMES } from '../../src/inputs/catalogue.js'
import {
  FORMATS,
  parseCommandLine,
  UsageError,
  type ParsedCommandLine
} from '../../src/cli/args.js'
import { MODES } from '../../src/inputs/catalogue.js'
import {
  anyText,
  attempt,
  huge,
  HUGE_RUNS,
  outcomeProblems,
  RUNS,
  TRICKY_TOKENS
} from './support.js'

/** The inputs the README lists as repeatable flags, joined one value per line. */
const LIST_INPUTS = new Set([
  'images',
  'functions',
  'sboms',
  'max-findings',
  'scan-types',
  'standards',
  'report-products',
  'report-severities',
  'report-regions',
  'report-accounts',
  'report-resource-types',
  'report-workflow-statuses',
  'remediation-targets',
  'regions'
])
const FLAG_INPUTS = INPUT_NAMES.filter((name) => name !== 'mode')
const value = fc.oneof(
  anyText,
  fc.constantFrom(...TRICKY_TOKENS, '--help', '-h', '--images', 'gate')
)

/** A value given as `--x v` or as `--x=v`. */
const given = fc.record({ text: value, equals: fc.boolean() })

/** A command line built from known parts: mode, inputs, CLI options. */
const commandLine = fc.record({
  mode: fc.option(fc.constantFrom(...MODES), { nil: undefined }),
  modeAsFlag: fc.boolean(),
  inputs: fc.dictionary(
    fc.constantFrom(...FLAG_INPUTS),
    fc.array(given, { minLength: 1, maxLength: 3 }),
    {
      maxKeys: 6
    }
  ),
  format: fc.option(fc.record({ text: fc.constantFrom(...FORMATS), equals: fc.boolean() }), {
    nil: undefined
  }),
  // A file path: never blank (a blank --outputs-file is refused, see args.test.ts).
  outputsFile: fc.option(
    given.filter(({ text }) => text.trim() !== ''),
    { nil: undefined }
  ),
  verbose: fc.boolean()
})

type CommandLine = typeof commandLine extends fc.Arbitrary<infer T> ? T : never

function argvOf(line: CommandLine): { argv: string[]; inputs: Record<string, string> } {
  const argv: string[] = []
  const inputs: Record<string, string> = {}
  const flag = (name: string, { text, equals }: { text: string; equals: boolean }): void => {
    // A value that starts with -- must be written --x=value (a separate word reads as a flag).
    if (equals || text.startsWith('--')) argv.push(`--${name}=${text}`)
    else argv.push(`--${name}`, text)
  }
  if (line.mode !== undefined) {
    if (line.modeAsFlag) flag('mode', { text: line.mode, equals: false })
    else argv.push(line.mode)
  }
  for (const [name, values] of Object.entries(line.inputs)) {
    const repeated = LIST_INPUTS.has(name) ? values : values.slice(0, 1)
    for (const v of repeated) flag(name, v)
    inputs[name] = repeated.map((v) => v.text).join('\n')
  }
  if (line.format !== undefined) flag('format', line.format)
  if (line.outputsFile !== undefined) flag('outputs-file', line.outputsFile)
  if (line.verbose) argv.push('--verbose')
  return { argv, inputs }
}

function parsedProblems(parsed: ParsedCommandLine): string[] {
  if (parsed.kind !== 'run') return []
  const { args } = parsed
  return [
    ...((MODES as readonly string[]).includes(args.mode) ? [] : [`mode ${args.mode}`]),
    ...((FORMATS as readonly string[]).includes(args.format) ? [] : [`format ${args.format}`]),
    ...(args.inputs['mode'] === args.mode ? [] : ['inputs.mode']),
    ...Object.keys(args.inputs).flatMap((name) =>
      (INPUT_NAMES as readonly string[]).includes(name) ? [] : [`input ${name}`]
    )
  ]
}

describe('parseCommandLine', () => {
  it('gives back the mode, inputs and options a command line was built from', () => {
    fc.assert(
      fc.property(commandLine, (line) => {
        const { argv, inputs } = argvOf(line)

        expect(parseCommandLine(argv)).toEqual({
          kind: 'run',
          args: {
            mode: line.mode ?? 'gate',
            inputs: { mode: line.mode ?? 'gate', ...inputs },
            format: line.format?.text ?? 'text',
            verbose: line.verbose,
            ...(line.outputsFile !== undefined && { outputsFile: line.outputsFile.text })
          }
        })
      }),
      { numRuns: RUNS }
    )
  })

  it('refuses a single-value flag given twice, naming it', () => {
    const single = fc.constantFrom(...FLAG_INPUTS.filter((name) => !LIST_INPUTS.has(name)))
    fc.assert(
      fc.property(single, value, value, (name, a, b) => {
        const first = a.startsWith('--') ? [`--${name}=${a}`] : [`--${name}`, a]
        expect(() => parseCommandLine([...first, `--${name}=${b}`])).toThrow(
          new UsageError(`--${name} is given 2 times; give it once`)
        )
      }),
      { numRuns: RUNS }
    )
  })

  it('any argv parses or is a one-line UsageError', () => {
    const token = fc.oneof(
      anyText,
      fc.constantFrom(...TRICKY_TOKENS),
      fc.constantFrom(...MODES, '-h', '--help', '--version', '--verbose', '--', '-', '--='),
      fc
        .constantFrom(...INPUT_NAMES, 'format', 'outputs-file', 'summary-file', 'verbose')
        .map((name) => `--${name}`),
      fc
        .tuple(fc.constantFrom(...INPUT_NAMES, 'format', 'help', 'version'), anyText)
        .map(([name, text]) => `--${name}=${text}`),
      anyText.map((text) => `--${text}`)
    )
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        expect(
          outcomeProblems(
            attempt(() => parseCommandLine(argv)),
            parsedProblems,
            UsageError,
            ['']
          )
        ).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })

  it('huge arguments give a short message', () => {
    const hugeToken = fc.oneof(
      huge(),
      huge().map((text) => `--${text}`),
      huge().map((text) => `--format=${text}`)
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(hugeToken, fc.constantFrom('gate', '--mode')), {
          minLength: 1,
          maxLength: 3
        }),
        (argv) => {
          expect(
            outcomeProblems(
              attempt(() => parseCommandLine(argv)),
              parsedProblems,
              UsageError,
              ['']
            )
          ).toEqual([])
        }
      ),
      { numRuns: HUGE_RUNS }
    )
  })
})
