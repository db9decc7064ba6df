import { describe, expect, it } from '@jest/globals'
import {
  InputError,
  parseBoolean,
  parseBudgets,
  parseChoice,
  parseDuration,
  parseLines,
  shown
} from '../../src/inputs/values.js'

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['2m30s', 150_000],
    ['500ms', 500],
    ['1s500ms', 1_500],
    ['30', 30_000],
    ['1.5', 1_500],
    ['1.5m', 90_000],
    [' 45s ', 45_000],
    ['0s', 0]
  ])('%s is %d ms', (value, ms) => {
    expect(parseDuration('timeout', value)).toBe(ms)
  })

  it.each(['', 'abc', '15 m', '-5s', '15min', 'm', '5s garbage', '1h 30m', 'PT15M'])(
    'rejects %p, naming the input and value',
    (value) => {
      const attempt = (): number => parseDuration('settle', value)

      expect(attempt).toThrow(InputError)
      expect(attempt).toThrow(
        `settle: "${value}" is not a duration; use e.g. 90s, 15m, 1h30m or 7d`
      )
    }
  )
})

describe('parseChoice', () => {
  const COLOURS = ['red', 'green'] as const

  it('normalises case and whitespace', () => {
    expect(parseChoice('colour', '  RED ', COLOURS)).toBe('red')
    expect(parseChoice('colour', 'Green', COLOURS)).toBe('green')
  })

  it('rejects other values, listing the allowed ones', () => {
    expect(() => parseChoice('fail-on', 'severe', COLOURS)).toThrow(
      new InputError('fail-on: "severe" is not one of red, green')
    )
    expect(() => parseChoice('fail-on', '', COLOURS)).toThrow(InputError)
  })
})

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['TRUE', true],
    [' False ', false]
  ])('%p is %p', (value, expected) => {
    expect(parseBoolean('fixable-only', value)).toBe(expected)
  })

  it.each(['yes', 'no', '1', '0', 'on', '', 'truthy'])('rejects %p', (value) => {
    expect(() => parseBoolean('fixable-only', value)).toThrow(
      new InputError(`fixable-only: "${value}" is not true or false`)
    )
  })
})

describe('parseBudgets', () => {
  it('parses comma- and newline-separated budgets, case-insensitively', () => {
    expect(parseBudgets('max-findings', 'critical=0, HIGH = 5\nmedium=20,\n')).toEqual({
      critical: 0,
      high: 5,
      medium: 20
    })
  })

  it('is empty for an empty value', () => {
    expect(parseBudgets('max-findings', '')).toEqual({})
    expect(parseBudgets('max-findings', ' \n ')).toEqual({})
  })

  it('rejects a severity given twice', () => {
    expect(() => parseBudgets('max-findings', 'high=1, High=2')).toThrow(
      new InputError('max-findings: high is given twice')
    )
  })

  it.each(['severe=1', 'untriaged=1'])('rejects unknown severity in %p', (value) => {
    expect(() => parseBudgets('max-findings', value)).toThrow(
      /^max-findings: ".*" is not one of critical, high, medium, low, informational$/
    )
  })

  it.each(['high=-1', 'high=abc', 'high=1.5', 'high', '=3', 'high:3', 'high=1 critical=0'])(
    'rejects malformed entry %p',
    (value) => {
      expect(() => parseBudgets('max-findings', value)).toThrow(
        new InputError(`max-findings: "${value}" is not severity=count, e.g. critical=0, high=5`)
      )
    }
  )
})

describe('parseLines', () => {
  it('keeps one entry per line, skipping blanks and comments', () => {
    const text = [
      '# production images',
      'a:1',
      '',
      '   ',
      '  b:2   # the worker',
      '\tc:3\r',
      '   # indented comment'
    ].join('\n')

    expect(parseLines(text)).toEqual(['a:1', 'b:2', 'c:3'])
  })

  it('is empty for an empty value', () => {
    expect(parseLines('')).toEqual([])
  })
})

describe('shown: values as messages quote them', () => {
  it('keeps a short value as it is', () => {
    expect(shown('high')).toBe('high')
    expect(shown('')).toBe('')
  })

  it('writes line breaks and control characters as escapes, so a message is one line', () => {
    expect(shown('high\nmedium\r\t\u0000\u2028')).toBe('high\\nmedium\\r\\t\\u0000\\u2028')
  })

  it('cuts a huge value, saying how long it was', () => {
    const text = shown('x'.repeat(100_000))

    expect(text).toBe(`${'x'.repeat(200)}… (100000 characters)`)
  })

  it('never cuts a character in half', () => {
    expect(shown(`${'x'.repeat(199)}${'😀'.repeat(10)}`)).toBe(
      `${'x'.repeat(199)}😀… (219 characters)`
    )
  })
})

describe('regressions found by the property tests (__tests__/properties)', () => {
  it.each([
    ['a 400-digit number of seconds (was Infinity)', '9'.repeat(400)],
    ['more milliseconds than 2^53 (was rounded)', '9007199254740993ms'],
    ['a duration past 2^53 ms', '200000000000d']
  ])('parseDuration refuses %s', (_case, value) => {
    expect(() => parseDuration('timeout', value)).toThrow(
      new InputError(`timeout: "${shown(value)}" is too long a duration; use e.g. 15m or 7d`)
    )
  })

  it('parseDuration still takes the largest exact number of milliseconds', () => {
    expect(parseDuration('timeout', `${Number.MAX_SAFE_INTEGER}ms`)).toBe(Number.MAX_SAFE_INTEGER)
  })

  it.each([`high=${'9'.repeat(400)}`, 'critical=9007199254740993'])(
    'parseBudgets refuses a count that is not exact: %s',
    (value) => {
      expect(() => parseBudgets('max-findings', value)).toThrow(
        new InputError(
          `max-findings: "${shown(value)}" is not severity=count, e.g. critical=0, high=5`
        )
      )
    }
  )

  it('parseLines drops a trailing comment on a CRLF line', () => {
    expect(parseLines('a:1 # the api\r\nb:2\t# the worker\r\n')).toEqual(['a:1', 'b:2'])
  })

  it.each([
    ['parseChoice', () => parseChoice('fail-on', 'high\nmedium', ['high'])],
    ['parseBoolean', () => parseBoolean('summary', 'true\r\nfalse')],
    ['parseDuration', () => parseDuration('settle', '1m\n30s')],
    ['parseBudgets', () => parseBudgets('max-findings', 'high=1\rlow=2')]
  ])('%s quotes a value with line breaks on one line', (_case, parse) => {
    expect(parse).toThrow(InputError)
    expect(parse).not.toThrow(/[\r\n]/)
  })

  it('a huge value is quoted short', () => {
    const attempt = (): unknown => parseChoice('fail-on', 'x'.repeat(100_000), ['high'])

    expect(attempt).toThrow(`fail-on: "${'x'.repeat(200)}… (100000 characters)" is not one of high`)
  })
})
