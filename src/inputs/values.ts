import { RANKED_SEVERITIES, type RankedSeverity } from '../domain/severity.js'
import { shown } from '../domain/shown.js'

/** A bad input value. Its message names the input, the value and what is allowed. */
export class InputError extends Error {
  override name = 'InputError'
}

/** Re-exported: config messages quote values the way domain messages do. */
export { shown } from '../domain/shown.js'

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** `90s`, `15m`, `1h30m`, `500ms`, `7d`, or a bare number of seconds. */
export function parseDuration(input: string, value: string): number {
  const text = value.trim()
  // A bare number is seconds: one part, as if written with `s`.
  const parts: readonly (readonly string[])[] = /^\d+(\.\d+)?$/.test(text)
    ? [[text, text, 's']]
    : [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)]
  const consumed = parts.map((p) => p[0]).join('')
  if (parts.length === 0 || consumed !== text) {
    throw new InputError(
      `${input}: "${shown(value)}" is not a duration; use e.g. 90s, 15m, 1h30m or 7d`
    )
  }
  const ms = Math.round(
    parts.reduce((sum, p) => sum + Number(p[1]) * (UNITS[p[2] as string] as number), 0)
  )
  // Beyond 2^53 ms (285,000 years) the number is no longer exact; 400 digits would be Infinity.
  if (!Number.isSafeInteger(ms)) {
    throw new InputError(`${input}: "${shown(value)}" is too long a duration; use e.g. 15m or 7d`)
  }
  return ms
}

export function parseChoice<T extends string>(
  input: string,
  value: string,
  allowed: readonly T[]
): T {
  const normalized = value.trim().toLowerCase()
  const match = allowed.find((choice) => choice === normalized)
  if (match === undefined) {
    throw new InputError(`${input}: "${shown(value)}" is not one of ${allowed.join(', ')}`)
  }
  return match
}

export function parseBoolean(input: string, value: string): boolean {
  const normalized = value.trim().toLowerCase()
  if (normalized === 'true') return true
  if (normalized === 'false') return false
  throw new InputError(`${input}: "${shown(value)}" is not true or false`)
}

/** The items of a list input: separated by commas or line breaks, trimmed, empty ones dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean)
}

/** `critical=0, high=5` (commas or newlines). A budget names a ranked severity and a count ≥ 0. */
export function parseBudgets(
  input: string,
  value: string
): Partial<Record<RankedSeverity, number>> {
  const budgets: Partial<Record<RankedSeverity, number>> = {}
  for (const entry of parseList(value)) {
    const match = /^([a-zA-Z]+)\s*=\s*(\d+)$/.exec(entry)
    // A count past 2^53 is no longer exact (and 400 digits would be Infinity).
    if (!match || !Number.isSafeInteger(Number(match[2]))) {
      throw new InputError(
        `${input}: "${shown(entry)}" is not severity=count, e.g. critical=0, high=5`
      )
    }
    const severity = parseChoice(input, match[1] as string, RANKED_SEVERITIES)
    if (budgets[severity] !== undefined)
      throw new InputError(`${input}: ${severity} is given twice`)
    budgets[severity] = Number(match[2])
  }
  return budgets
}

/** One entry per line; blank lines and `#` comments are skipped so a list can be annotated. */
export function parseLines(value: string): string[] {
  // `s`: a comment runs to the end of the line, past a `\r` too (CRLF line endings).
  return value
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/s, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/** A plain decimal: `7`, `7.5`, `.5`. No signs, exponents or hex, which nobody means here. */
const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/

/**
 * An EPSS probability: `0.1`, or the same as a percentage, `10%` (how Inspector's console shows
 * it). From 0 to 1 (0 % to 100 %); empty turns the rule off.
 */
export function parseProbability(input: string, value: string): number | undefined {
  const text = value.trim()
  if (text === '') return undefined
  const percent = text.endsWith('%')
  const number = percent ? text.slice(0, -1).trim() : text
  const probability = DECIMAL.test(number) ? Number(number) / (percent ? 100 : 1) : NaN
  if (!(probability >= 0 && probability <= 1)) {
    throw new InputError(
      `${input}: "${shown(value)}" is not a probability; give a number from 0 to 1 such as 0.1, or a percentage such as 10%, or leave it empty to turn the rule off`
    )
  }
  return probability
}

/** An Inspector score from 0 to 10, such as `7.0`; empty turns the rule off. */
export function parseScore(input: string, value: string): number | undefined {
  const text = value.trim()
  if (text === '') return undefined
  const score = DECIMAL.test(text) ? Number(text) : NaN
  if (!(score >= 0 && score <= 10)) {
    throw new InputError(
      `${input}: "${shown(value)}" is not an Inspector score; give a number from 0 to 10 such as 7.0, or leave it empty to turn the rule off`
    )
  }
  return score
}
