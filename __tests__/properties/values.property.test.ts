import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  InputError,
  parseBoolean,
  parseBudgets,
  parseChoice,
  parseDuration,
  parseLines
} from '../../src/inputs/values.js'
import { RANKED_SEVERITIES } from '../../src/domain/severity.js'
import {
  anyCase,
  anyText,
  attempt,
  huge,
  HUGE_RUNS,
  hostile,
  outcomeProblems,
  padding,
  RUNS
} from './support.js'
import {
  budgets,
  budgetText,
  durationParts,
  UNIT_MS,
  validBudgets,
  validDuration,
  type Budgets,
  type Unit
} from './valid-values.js'

/** The documented grammar: a bare number of seconds, or number+unit parts written together. */
const DURATION_GRAMMAR = /^(?:\d+(?:\.\d+)?|(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+)$/

function durationProblems(value: string, ms: number): string[] {
  const problems: string[] = []
  if (!DURATION_GRAMMAR.test(value.trim())) problems.push(`accepted ${value}, not a duration`)
  if (!Number.isSafeInteger(ms) || ms < 0) problems.push(`${value} gave ${ms} ms`)
  return problems
}

describe('parseDuration', () => {
  it('is the sum of its integer parts, whitespace around ignored', () => {
    fc.assert(
      fc.property(durationParts, padding, padding, (parts, before, after) => {
        const text = parts.map((p) => `${p.amount}${p.unit}`).join('')
        const sum = parts.reduce((total, p) => total + p.amount * UNIT_MS[p.unit], 0)

        expect(parseDuration('timeout', `${before}${text}${after}`)).toBe(sum)
      }),
      { numRuns: RUNS }
    )
  })

  it('reads a bare number as seconds', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), (seconds) => {
        expect(parseDuration('settle', String(seconds))).toBe(seconds * 1_000)
      }),
      { numRuns: RUNS }
    )
  })

  it('takes decimals, rounded to the millisecond', () => {
    const decimal = fc.record({
      whole: fc.nat(100_000),
      fraction: fc.stringMatching(/^\d{1,3}$/),
      unit: fc.constantFrom<Unit | ''>('', 'd', 'h', 'm', 's', 'ms')
    })
    fc.assert(
      fc.property(decimal, ({ whole, fraction, unit }) => {
        // Exactly: (whole + fraction / 10^k) × unit, in integers scaled by 10^k.
        const scale = 10 ** fraction.length
        const exact = ((whole * scale + Number(fraction)) * UNIT_MS[unit || 's']) / scale
        const ms = parseDuration('timeout', `${whole}.${fraction}${unit}`)

        // Half a millisecond of rounding, plus floating point error far below it.
        expect(Math.abs(ms - exact)).toBeLessThanOrEqual(0.51)
        expect(Number.isInteger(ms)).toBe(true)
      }),
      { numRuns: RUNS }
    )
  })

  it('refuses parts separated by anything, naming the input', () => {
    fc.assert(
      fc.property(
        durationParts.filter((parts) => parts.length >= 2),
        fc.constantFrom(' ', ',', '+', ' and ', '\n', ':'),
        (parts, separator) => {
          const text = parts.map((p) => `${p.amount}${p.unit}`).join(separator)

          expect(() => parseDuration('settle', text)).toThrow(
            /^settle: ".*" is not a duration; use e\.g\. 90s, 15m, 1h30m or 7d$/
          )
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('any text is a duration in the documented grammar or an InputError naming the input', () => {
    fc.assert(
      fc.property(hostile(validDuration), (value) => {
        const outcome = attempt(() => parseDuration('timeout', value))

        expect(
          outcomeProblems(outcome, (ms) => durationProblems(value, ms), InputError, ['timeout: '])
        ).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })

  it('huge values are refused with a short message', () => {
    fc.assert(
      fc.property(fc.oneof(huge(), huge(validDuration), huge(fc.constant('9'))), (value) => {
        const outcome = attempt(() => parseDuration('settle', value))

        expect(
          outcomeProblems(outcome, (ms) => durationProblems(value, ms), InputError, ['settle: '])
        ).toEqual([])
      }),
      { numRuns: HUGE_RUNS }
    )
  })

  it('a long number of milliseconds is exact or refused, never rounded or Infinity', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{14,400}$/),
        fc.constantFrom('ms', ''),
        (digits, unit) => {
          const outcome = attempt(() => parseDuration('timeout', `${digits}${unit}`))
          const exact = BigInt(digits) * (unit === 'ms' ? 1n : 1_000n)
          const inexact = (ms: number): string[] =>
            BigInt(ms) === exact ? [] : [`${digits}${unit} gave ${ms}`]

          expect(
            outcomeProblems(outcome, inexact, InputError, [
              `timeout: "${digits}${unit}" is too long`
            ])
          ).toEqual([])
        }
      ),
      { numRuns: RUNS }
    )
  })
})

function budgetProblems(value: Budgets): string[] {
  return Object.entries(value).flatMap(([severity, count]) => [
    ...((RANKED_SEVERITIES as readonly string[]).includes(severity)
      ? []
      : [`severity ${severity}`]),
    ...(Number.isSafeInteger(count) && count >= 0 ? [] : [`${severity}=${count}`])
  ])
}

describe('parseBudgets', () => {
  it('gives back the budgets it was written from', () => {
    fc.assert(
      fc.property(
        budgets.chain((record) => fc.tuple(fc.constant(record), budgetText(record))),
        ([record, text]) => {
          expect(parseBudgets('max-findings', text)).toEqual(record)
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('refuses a severity given twice, in any case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RANKED_SEVERITIES),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(',', '\n'),
        (severity, a, b, separator) => {
          const text = `${severity}=${a}${separator}${severity.toUpperCase()}=${b}`

          expect(() => parseBudgets('max-findings', text)).toThrow(
            new InputError(`max-findings: ${severity} is given twice`)
          )
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('any text is a set of budgets or an InputError naming max-findings', () => {
    fc.assert(
      fc.property(fc.oneof(hostile(validBudgets), huge(validBudgets), huge()), (value) => {
        const outcome = attempt(() => parseBudgets('max-findings', value))

        expect(outcomeProblems(outcome, budgetProblems, InputError, ['max-findings: '])).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })

  it('a long count is exact or refused, never rounded or Infinity', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RANKED_SEVERITIES),
        fc.stringMatching(/^\d{15,400}$/),
        (severity, digits) => {
          const outcome = attempt(() => parseBudgets('max-findings', `${severity}=${digits}`))
          const inexact = (result: Budgets): string[] =>
            BigInt(result[severity] ?? -1) === BigInt(digits)
              ? []
              : [`${digits} gave ${result[severity]}`]

          expect(outcomeProblems(outcome, inexact, InputError, ['max-findings: '])).toEqual([])
        }
      ),
      { numRuns: RUNS }
    )
  })
})

const CHOICES = ['critical', 'high', 'none', 'lambda-code'] as const

describe('parseChoice and parseBoolean', () => {
  it('accept every allowed value in any case with whitespace around', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...CHOICES)
          .chain((choice) => fc.tuple(fc.constant(choice), anyCase(choice), padding, padding)),
        ([choice, written, before, after]) => {
          expect(parseChoice('fail-on', `${before}${written}${after}`, CHOICES)).toBe(choice)
        }
      ),
      { numRuns: RUNS }
    )
    fc.assert(
      fc.property(
        fc
          .boolean()
          .chain((value) => fc.tuple(fc.constant(value), anyCase(String(value)), padding, padding)),
        ([value, written, before, after]) => {
          expect(parseBoolean('summary', `${before}${written}${after}`)).toBe(value)
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('anything else is an InputError naming the input', () => {
    const valid = fc.constantFrom(...CHOICES, 'true', 'false')
    fc.assert(
      fc.property(fc.oneof(hostile(valid), huge(valid), huge()), (value) => {
        const normalized = value.trim().toLowerCase()
        const choice = attempt(() => parseChoice('fail-on', value, CHOICES))
        const boolean = attempt(() => parseBoolean('summary', value))
        const choiceProblems = (result: string): string[] =>
          result === normalized ? [] : [`${value} gave ${result}`]
        const booleanProblems = (result: boolean): string[] =>
          String(result) === normalized ? [] : [`${value} gave ${result}`]

        expect([
          ...outcomeProblems(choice, choiceProblems, InputError, ['fail-on: ']),
          ...outcomeProblems(boolean, booleanProblems, InputError, ['summary: '])
        ]).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })
})

describe('parseLines', () => {
  /** An entry as a list holds it: no line break, not blank, no ` #` (which starts a comment). */
  const entry = fc
    .oneof(anyText, fc.stringMatching(/^[a-z0-9.:@/-]{1,40}$/))
    .map((text) => text.replace(/\n/g, '').replace(/\s#/g, '').trim())
    .filter((text) => text !== '' && !text.startsWith('#') && !/\s#/.test(text))
  const comment = fc.string({ maxLength: 20 }).map((text) => text.replace(/\n/g, ''))

  it('keeps the entries, one per line, and skips blank lines and # comments', () => {
    const line = fc.oneof(
      entry.chain((text) =>
        fc
          .tuple(padding, padding, fc.option(comment, { nil: undefined }))
          .map(([before, after, note]) => ({
            text,
            written: `${before}${text}${after}${note === undefined ? '' : ` # ${note}`}`
          }))
      ),
      fc
        .oneof(
          padding,
          comment.map((note) => `# ${note}`),
          comment.map((note) => `  #${note}`)
        )
        .map((written) => ({ text: undefined, written }))
    )
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 10 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, eol) => {
          const text = lines.map((l) => l.written).join(eol)

          expect(parseLines(text)).toEqual(
            lines.flatMap((l) => (l.text === undefined ? [] : [l.text]))
          )
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('never throws, and gives trimmed one-line entries', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, huge()), (text) => {
        const bad = parseLines(text).filter(
          (line) =>
            line === '' || line !== line.trim() || line.includes('\n') || line.startsWith('#')
        )

        expect(bad).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })
})
