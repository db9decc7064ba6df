import { INPUT_NAMES, INPUTS, MODES, type Mode } from '../inputs/catalogue.js'
import type { RawInputs } from '../inputs/read.js'
import { shown } from '../inputs/values.js'

export const FORMATS = ['text', 'json', 'markdown'] as const
export type Format = (typeof FORMATS)[number]

/** Inputs that hold a list: the flag may be repeated, and the values are joined one per line. */
const LIST_INPUTS = new Set<string>(
  INPUTS.filter((input) => 'list' in input && input.list).map((input) => input.name)
)

/** Flags of the CLI itself; every other flag is an action input of the same name. */
const CLI_FLAGS = ['format', 'outputs-file', 'summary-file'] as const
const CLI_SWITCHES = ['help', 'version', 'verbose'] as const

export interface CliArguments {
  mode: Mode
  inputs: RawInputs
  format: Format
  /** `name=value` lines (dotenv, as GitLab's `artifacts:reports:dotenv` reads), or JSON for `.json`. */
  outputsFile?: string
  /** Where the markdown a job summary would get is written. */
  summaryFile?: string
  verbose: boolean
}

export type ParsedCommandLine =
  | { kind: 'run'; args: CliArguments }
  /** With a mode (`inspector-gate report --help`): that mode's flags only. */
  | { kind: 'help'; mode?: Mode }
  | { kind: 'version' }

/** A command line the CLI cannot run; the message names the flag and what to do. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Each action input `x` is the flag `--x`: the CLI and the action take the same inputs. */
export const INPUT_FLAGS: readonly string[] = INPUT_NAMES.filter((name) => name !== 'mode').map(
  (name) => `--${name}`
)

/**
 * `<mode> [--input value | --input=value]…`. The mode is the first word (or `--mode`); `gate`
 * when absent, as in the action.
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const values = new Map<string, string[]>()
  const switches = new Set<string>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string
    if (arg === '-h') {
      switches.add('help')
      continue
    }
    if (!arg.startsWith('--')) {
      positional.push(arg)
      continue
    }
    const equals = arg.indexOf('=')
    const name = arg.slice(2, equals === -1 ? undefined : equals)
    if ((CLI_SWITCHES as readonly string[]).includes(name)) {
      if (equals !== -1) throw new UsageError(`--${name} takes no value`)
      switches.add(name)
      continue
    }
    if (!isKnownFlag(name)) throw new UsageError(unknownFlag(name))
    let value: string
    if (equals !== -1) value = arg.slice(equals + 1)
    else {
      const next = argv[i + 1]
      if (next === undefined) throw new UsageError(`--${name} needs a value`)
      // `--sarif-file --pr-comment=off` is a forgotten value, not a file named `--pr-comment=off`.
      if (next.startsWith('--')) {
        throw new UsageError(
          `--${name} needs a value; for a value that starts with --, write --${name}=<value>`
        )
      }
      value = next
      i += 1
    }
    values.set(name, [...(values.get(name) ?? []), value])
  }
  if (switches.has('help')) return helpFor(positional, values.get('mode')?.[0])
  if (switches.has('version')) return { kind: 'version' }
  return { kind: 'run', args: toArguments(values, positional, switches.has('verbose')) }
}

/** `--help` alone, or for the one mode named (as a word or as `--mode`). */
function helpFor(positional: readonly string[], modeFlag: string | undefined): ParsedCommandLine {
  const word = positional[0] ?? modeFlag
  if (word === undefined) return { kind: 'help' }
  const mode = MODES.find((m) => m === word)
  if (mode === undefined) {
    throw new UsageError(`"${shown(word)}" is not a mode; use one of ${MODES.join(', ')}`)
  }
  return { kind: 'help', mode }
}

/** `--fail-onn is not a flag: did you mean --fail-on?` when one flag is a typo away. */
function unknownFlag(name: string): string {
  const nearest = nearestFlag(name)
  return nearest === undefined
    ? `--${shown(name)} is not a flag; see --help`
    : `--${shown(name)} is not a flag: did you mean --${nearest}? (see --help)`
}

const ALL_FLAGS: readonly string[] = [...INPUT_NAMES, ...CLI_FLAGS, ...CLI_SWITCHES]

/** The one flag a typo away (one edit, two for longer names); none if two are as near. */
function nearestFlag(name: string): string | undefined {
  if (name.length < 3 || name.length > 60) return undefined
  let best: string | undefined
  // Short names are a letter apart from many words: two edits only from six letters on.
  let bestDistance = name.length < 6 ? 2 : 3
  let tie = false
  for (const flag of ALL_FLAGS) {
    const distance = editDistance(name, flag)
    if (distance < bestDistance) {
      best = flag
      bestDistance = distance
      tie = false
    } else if (distance === bestDistance) {
      tie = true
    }
  }
  return tie ? undefined : best
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i]
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(
        Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution)
      )
    }
    previous = current
  }
  return previous[b.length] as number
}

function isKnownFlag(name: string): boolean {
  return (
    (INPUT_NAMES as readonly string[]).includes(name) ||
    (CLI_FLAGS as readonly string[]).includes(name)
  )
}

function toArguments(
  values: Map<string, string[]>,
  positional: string[],
  verbose: boolean
): CliArguments {
  for (const [name, given] of values) {
    if (given.length > 1 && !LIST_INPUTS.has(name)) {
      throw new UsageError(`--${name} is given ${given.length} times; give it once`)
    }
  }
  const single = (name: string): string | undefined => values.get(name)?.[0]
  if (positional.length > 1) {
    throw new UsageError(
      `unexpected argument "${shown(positional[1] as string)}"; flags start with --`
    )
  }
  const modeWord = positional[0] ?? single('mode') ?? 'gate'
  if (positional[0] !== undefined && single('mode') !== undefined) {
    throw new UsageError('the mode is given twice (as a word and as --mode); give it once')
  }
  const mode = MODES.find((m) => m === modeWord)
  if (mode === undefined) {
    throw new UsageError(`"${shown(modeWord)}" is not a mode; use one of ${MODES.join(', ')}`)
  }
  const formatWord = single('format') ?? 'text'
  const format = FORMATS.find((f) => f === formatWord)
  if (format === undefined) {
    throw new UsageError(`--format: "${shown(formatWord)}" is not one of ${FORMATS.join(', ')}`)
  }
  const inputs: RawInputs = { mode }
  for (const name of INPUT_NAMES) {
    const given = values.get(name)
    if (given !== undefined && name !== 'mode') inputs[name] = given.join('\n')
  }
  const outputsFile = single('outputs-file')
  const summaryFile = single('summary-file')
  for (const [flag, path] of [
    ['outputs-file', outputsFile],
    ['summary-file', summaryFile]
  ] as const) {
    // Found out before the gate runs, not as a failed write after it.
    if (path?.trim() === '') throw new UsageError(`--${flag} needs a file path`)
  }
  return {
    mode,
    inputs,
    format,
    verbose,
    ...(outputsFile === undefined ? {} : { outputsFile }),
    ...(summaryFile === undefined ? {} : { summaryFile })
  }
}
