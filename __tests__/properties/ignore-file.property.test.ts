import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { IgnoreFileError, parseIgnoreFile } from '../../src/gate/ignore-file.js'
import type { IgnoreRule } from '../../src/domain/ignore-rules.js'
import { anyText, attempt, huge, HUGE_RUNS, mutated, outcomeProblems, RUNS } from './support.js'

const FILE = '.inspector-ignore.yml'
const SCOPES = ['repository', 'image', 'function', 'package'] as const

interface Entry {
  id: string
  reason: string
  expires?: string
  repository?: string
  image?: string
  function?: string
  package?: string
}

/** A field value as people write them: any Unicode text that is not blank. */
const fieldValue = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.stringMatching(/^(CVE|GHSA)-\d{4}-\d{4,7}$/),
    fc.constantFrom('0123', '1e3', '0x1F', '1.10', 'true', 'yes', '.inf', '-0', '2026-01-01')
  )
  .filter((text) => text.trim() !== '')

/** A calendar date, YYYY-MM-DD, years 1000–9999. */
const date = fc
  .date({
    min: new Date('1000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T00:00:00Z'),
    noInvalidDate: true
  })
  .map((d) => d.toISOString().slice(0, 10))

const entry: fc.Arbitrary<Entry> = fc.record(
  {
    id: fieldValue,
    reason: fieldValue,
    expires: date,
    repository: fieldValue,
    image: fieldValue,
    function: fieldValue,
    package: fieldValue
  },
  { requiredKeys: ['id', 'reason'] }
)

const entries = fc.array(entry, { maxLength: 6 })
const validText = entries.map((list) => stringify({ ignore: list }))

/** The rule the README promises for an entry: every field as written (trimmed), at its line. */
function ruleOf(e: Entry, line: number): IgnoreRule {
  const rule: IgnoreRule = { id: e.id.trim(), reason: e.reason.trim(), line, file: FILE }
  if (e.expires !== undefined) rule.expires = e.expires
  for (const scope of SCOPES) {
    const value = e[scope]
    if (value !== undefined) rule[scope] = value.trim()
  }
  return rule
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length
}

/** What an accepted file must give: complete rules pointing at lines of the file. */
function rulesProblems(text: string, rules: IgnoreRule[]): string[] {
  return rules.flatMap((rule) => [
    ...(rule.id === '' ? ['empty id'] : []),
    ...(rule.reason === '' ? ['empty reason'] : []),
    ...(rule.file === FILE ? [] : [`file ${rule.file}`]),
    ...(rule.line >= 1 && rule.line <= lineCount(text) ? [] : [`line ${rule.line}`]),
    ...(rule.expires === undefined || /^\d{4}-\d{2}-\d{2}$/.test(rule.expires)
      ? []
      : [`expires ${rule.expires}`])
  ])
}

/** A rejection must name the file and a line that exists (or the one after the last). */
function lineProblems(text: string, error: unknown): string[] {
  if (!(error instanceof IgnoreFileError)) return []
  const line = Number(/^ignore-file \S+:(\d+): /.exec(error.message)?.[1])
  return line >= 1 && line <= lineCount(text) + 1 ? [] : [`line ${line} in ${error.message}`]
}

function problemsOf(text: string): string[] {
  const outcome = attempt(() => parseIgnoreFile(text, FILE))
  return [
    ...outcomeProblems(outcome, (rules) => rulesProblems(text, rules), IgnoreFileError, [
      `ignore-file ${FILE}:`
    ]),
    ...(outcome.ok ? [] : lineProblems(text, outcome.error))
  ]
}

describe('parseIgnoreFile: meaning', () => {
  it('gives back the entries a file was written from, each at the line of its `-`', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const text = stringify({ ignore: list })
        const lines = text.split('\n')
        // Entries start at `  - `; a block scalar's own lines are indented further.
        const starts = lines.flatMap((line, i) => (line.startsWith('  - ') ? [i + 1] : []))
        const rules = parseIgnoreFile(text, FILE)

        expect(rules).toEqual(list.map((e, i) => ruleOf(e, rules[i]?.line ?? 0)))
        expect(rules.map((rule) => rule.line)).toEqual(starts)
      }),
      { numRuns: RUNS }
    )
  })

  it('keeps plain values as written, even when YAML would read them as numbers or booleans', () => {
    const plain = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,20}$/),
      fc.constantFrom('0123', '1e3', '0x1F', '0o17', '1.10', '1_000', 'true', 'False', '.inf', '+1')
    )
    const isNull = (text: string): boolean => /^(?:null|Null|NULL)$/.test(text)
    fc.assert(
      fc.property(
        plain.filter((text) => !isNull(text)),
        plain.filter((text) => !isNull(text)),
        plain.filter((text) => !isNull(text)),
        fc.constantFrom(...SCOPES),
        (id, reason, scoped, scope) => {
          const text = `ignore:\n  - id: ${id}\n    reason: ${reason}\n    ${scope}: ${scoped}\n`

          expect(parseIgnoreFile(text, FILE)).toEqual([
            { id, reason, [scope]: scoped, line: 2, file: FILE }
          ])
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('refuses an invalid calendar date, naming the entry line', () => {
    const notADate = fc.oneof(
      fc.tuple(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 13, max: 99 }),
        fc.integer({ min: 1, max: 28 })
      ),
      fc.tuple(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 32, max: 99 })
      ),
      fc.tuple(
        fc.integer({ min: 1000, max: 9999 }).filter((y) => y % 4 !== 0),
        fc.constant(2),
        fc.constant(29)
      )
    )
    fc.assert(
      fc.property(notADate, ([year, month, day]) => {
        const expires = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        const text = `ignore:\n  - id: CVE-1\n    reason: r\n    expires: ${expires}\n`

        expect(() => parseIgnoreFile(text, FILE)).toThrow(
          `ignore-file ${FILE}:2: entry CVE-1 has expires "${expires}", expected a date YYYY-MM-DD`
        )
      }),
      { numRuns: RUNS }
    )
  })
})

/** Any YAML-shaped value, to put where an entry, a field or the list belongs. */
const anyYamlValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  anyText,
  fc.date({ noInvalidDate: true })
)

const nearlyValidText: fc.Arbitrary<string> = fc.oneof(
  mutated(validText),
  fc
    .tuple(
      fc.array(
        fc.dictionary(
          fc.oneof(fc.constantFrom('id', 'reason', 'expires', ...SCOPES), anyText),
          anyYamlValue,
          { maxKeys: 5 }
        ),
        { maxLength: 4 }
      ),
      fc.constantFrom('ignore', 'ignore', 'ignores', 'Ignore')
    )
    .map(([list, key]) => stringify({ [key]: list })),
  anyYamlValue.map((value) => stringify(value)),
  anyYamlValue.map((value) => stringify({ ignore: value })),
  fc
    .array(
      fc.constantFrom(
        'ignore:',
        '  - id: CVE-1',
        '    reason: r',
        '  -',
        '    - a',
        '  ? x',
        '    : y',
        '&a x',
        '*a',
        '---',
        '...',
        '%YAML 1.1',
        '"',
        "'",
        '[',
        '{',
        '#',
        '\t',
        '  ',
        'expires: 2026-01-01',
        '    package: [a]'
      ),
      { maxLength: 12 }
    )
    .map((lines) => lines.join('\n'))
)

describe('parseIgnoreFile: any text gives rules or an IgnoreFileError naming file and line', () => {
  it('arbitrary and nearly-valid text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, nearlyValidText), (text) => {
        expect(problemsOf(text)).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })

  it('huge files, deep nesting included', () => {
    const nesting = fc
      .tuple(
        fc.constantFrom('[', '{', '- ', '? ', '  - ', 'a: ', '&a [', '!t ['),
        fc.integer({ min: 100, max: 5_000 })
      )
      .map(([open, depth]) => `ignore:\n  - id: ${open.repeat(depth)}`)
    fc.assert(
      fc.property(fc.oneof(huge(), huge(validText), nesting), (text) => {
        expect(problemsOf(text)).toEqual([])
      }),
      { numRuns: HUGE_RUNS }
    )
  })

  it('names any file name on one line', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, huge()), (file) => {
        const outcome = attempt(() => parseIgnoreFile('ignore:\n  - id: CVE-1\n', file))

        expect(
          outcomeProblems(outcome, () => ['accepted an entry without reason'], IgnoreFileError, [
            'ignore-file '
          ])
        ).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })
})
