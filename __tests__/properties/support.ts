/**
 * Shared pieces of the property tests: what a rejection must look like, and generators of hostile
 * input (arbitrary text, known-tricky tokens, huge values, valid values with a few edits).
 *
 * The requirement every parser is held to: an input either parses to its documented meaning or
 * fails with the parser's own error type, whose message names the input, is one line (a step fails
 * with one line; the CLI prints it as one) and stays short however long the input was.
 */
import fc from 'fast-check'

/**
 * Runs per property over small inputs; huge inputs get fewer (each one costs milliseconds).
 * `PROPERTY_RUNS=5000 npm test -- __tests__/properties` searches longer, e.g. after a change.
 */
export const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300)
export const HUGE_RUNS = Math.max(1, Math.round(RUNS / 12))

/** A rejection's message stays under this even when the input was 100 KB. */
export const MAX_MESSAGE_LENGTH = 2_000

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** Runs `parse`, turning a throw into a value so a test can assert on both outcomes unconditionally. */
export function attempt<T>(parse: () => T): Outcome<T> {
  try {
    return { ok: true, value: parse() }
  } catch (error) {
    return { ok: false, error }
  }
}

type ErrorClass = abstract new (...args: never[]) => Error

/**
 * What is wrong with a rejection, or `[]`: the documented error type, a message starting with one
 * of `prefixes` (the input's name), on one line, short.
 */
export function rejectionProblems(
  error: unknown,
  type: ErrorClass,
  prefixes: readonly string[]
): string[] {
  if (!(error instanceof type)) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    return [
      `threw ${error instanceof Error ? error.name : typeof error}, not ${type.name}: ${detail}`
    ]
  }
  const problems: string[] = []
  const { message } = error
  if (!prefixes.some((prefix) => message.startsWith(prefix))) {
    problems.push(`message does not start with ${prefixes.join(' or ')}: ${message.slice(0, 300)}`)
  }
  if (/[\r\n\u2028\u2029\u0085]/.test(message)) {
    problems.push(`message is not one line: ${JSON.stringify(message.slice(0, 300))}`)
  }
  if (message.length > MAX_MESSAGE_LENGTH) {
    problems.push(`message is ${message.length} characters long`)
  }
  return problems
}

/** The problems of an outcome: `valueProblems` for a result, `rejectionProblems` for a throw. */
export function outcomeProblems<T>(
  outcome: Outcome<T>,
  valueProblems: (value: T) => string[],
  type: ErrorClass,
  prefixes: readonly string[]
): string[] {
  return outcome.ok
    ? valueProblems(outcome.value)
    : rejectionProblems(outcome.error, type, prefixes)
}

/** Tokens that have tripped parsers before: prototype keys, odd numbers, look-alike characters. */
export const TRICKY_TOKENS = [
  '',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'null',
  'undefined',
  '~',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '00',
  '-1',
  '1e400',
  '9'.repeat(400),
  '9007199254740993',
  '0x1E',
  '0o36',
  '0b11110',
  '3e1',
  '30.0',
  '+30',
  ' 30 ',
  '١٢٣', // Arabic-Indic digits
  '３０', // full-width digits
  'true',
  'TRUE',
  'yes',
  'on',
  '${{ github.token }}',
  '../../etc/passwd',
  './',
  '.',
  'a/..',
  'C:\\Windows',
  '\\\\server\\share',
  '\u202eevil', // right-to-left override
  '\ufeffhigh', // byte order mark
  'İ',
  '\u212a', // Kelvin sign, lower-cases to k
  'ß',
  '😀',
  '\ud800', // lone surrogate
  '#',
  ' # comment',
  '=',
  ',',
  ':',
  '@',
  '/',
  '"',
  "'",
  '%',
  '*',
  '&a',
  '!tag',
  '[',
  '{',
  '- ',
  '? '
] as const

/** Characters the edits of `mutated` insert: separators of every grammar here, plus oddities. */
const EDIT_CHARACTERS = [
  ':',
  '@',
  '/',
  '.',
  '-',
  '_',
  ' ',
  '\n',
  '\r',
  '\t',
  '#',
  '=',
  ',',
  '"',
  "'",
  '\\',
  '\u0000',
  '\u00a0',
  '\u2028',
  'é',
  '😀',
  '\udc00',
  '0',
  '9',
  'a',
  'Z',
  'ms',
  'h',
  'sha256:',
  '$LATEST',
  '..',
  '[',
  '{',
  '&',
  '*',
  '!',
  '|',
  '>'
] as const

/**
 * Any UTF-16 code unit, lone surrogates and controls included. (Like `unit: 'binary'`, which
 * costs a second to set up in every test file.)
 */
const codeUnit = fc.nat(0xffff).map((code) => String.fromCharCode(code))

/** Any text: ASCII, any Unicode graphemes, any UTF-16 code units (lone surrogates too). */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: codeUnit, maxLength: 30 })
)

/** 1–100 KB of a short random piece repeated, or of one valid value repeated. */
export function huge(piece: fc.Arbitrary<string> = anyText): fc.Arbitrary<string> {
  return fc
    .tuple(
      piece.filter((text) => text.length > 0),
      fc.integer({ min: 1_000, max: 100_000 })
    )
    .map(([text, length]) => text.repeat(Math.ceil(length / text.length)).slice(0, length))
}

type Edit = { kind: 'insert' | 'delete' | 'replace' | 'truncate'; at: number; text: string }

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'truncate'),
  at: fc.nat(),
  text: fc.oneof(
    fc.constantFrom(...EDIT_CHARACTERS),
    fc.string({ unit: codeUnit, minLength: 1, maxLength: 3 })
  )
})

function applyEdit(text: string, { kind, at, text: inserted }: Edit): string {
  const i = text.length === 0 ? 0 : at % (text.length + 1)
  if (kind === 'insert') return text.slice(0, i) + inserted + text.slice(i)
  if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1)
  if (kind === 'replace') return text.slice(0, i) + inserted + text.slice(i + 1)
  return text.slice(0, i)
}

/** A valid value with 1–4 single-character edits: the nearly-right inputs users actually type. */
export function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => edits.reduce(applyEdit, text))
}

/** Everything a user could put in an input whose valid values `valid` generates. */
export function hostile(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: anyText },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY_TOKENS) },
    { weight: 4, arbitrary: mutated(valid) },
    { weight: 2, arbitrary: valid },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...TRICKY_TOKENS), fc.boolean())
        .map(([value, token, before]) => (before ? token + value : value + token))
    }
  )
}

/** Surrounding whitespace the parsers are documented to ignore. */
export const padding = fc.constantFrom('', ' ', '  ', '\t', ' \t ')

/** `text` with each letter upper- or lower-cased at random (choices are case-insensitive). */
export function anyCase(text: string): fc.Arbitrary<string> {
  return fc.mixedCase(fc.constant(text))
}

export const accountId = fc.stringMatching(/^\d{12}$/)

/** Region names as the parsers accept them: `<2 letters>(-<word>)+-<digit>`, real ones included. */
export const regionName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'us-east-1',
    'us-west-2',
    'eu-west-1',
    'eu-central-2',
    'ap-southeast-2',
    'ap-northeast-1',
    'sa-east-1',
    'il-central-1',
    'us-gov-west-1',
    'us-gov-east-1',
    'cn-north-1',
    'cn-northwest-1'
  ),
  fc
    .tuple(
      fc.stringMatching(/^[a-z]{2}$/),
      fc.array(fc.stringMatching(/^[a-z]{1,10}$/), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 0, max: 9 })
    )
    .map(([prefix, words, digit]) => `${prefix}-${words.join('-')}-${digit}`)
)

export function partitionOf(region: string): 'aws' | 'aws-cn' | 'aws-us-gov' {
  if (region.startsWith('cn-')) return 'aws-cn'
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'
}
