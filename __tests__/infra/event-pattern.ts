/**
 * A small EventBridge pattern matcher for the subset the responder rule uses: exact values
 * (strings, numbers, booleans, null) and `{suffix}` / `{prefix}` matchers. Any other matcher
 * (anything-but, numeric, exists, wildcard, …) throws rather than guessing.
 *
 * Semantics, as EventBridge documents them: every key of the pattern must match (AND); a list of
 * matchers matches when any of them matches the value (OR); when the event's value is an array,
 * the leaf matches when any element matches, and a nested pattern under an array matches when
 * any element matches it. (EventBridge flattens arrays, so with several elements the fields may
 * match in different elements; Security Hub events carry one finding, where both agree.)
 */
import { isObject } from './cfn-spec.js'
import type { Json } from './cfn-yaml.js'

function matchesLeaf(matcher: Json, value: Json): boolean {
  if (!isObject(matcher)) return matcher === value
  const keys = Object.keys(matcher)
  if (keys.length === 1 && typeof matcher['suffix'] === 'string') {
    return typeof value === 'string' && value.endsWith(matcher['suffix'])
  }
  if (keys.length === 1 && typeof matcher['prefix'] === 'string') {
    return typeof value === 'string' && value.startsWith(matcher['prefix'])
  }
  throw new Error(`unsupported EventBridge matcher ${JSON.stringify(matcher)}`)
}

export function matchesPattern(pattern: Json, event: Json): boolean {
  if (!isObject(pattern)) throw new Error('an event pattern is a JSON object')
  return Object.entries(pattern).every(([key, expected]) => {
    const actual = isObject(event) ? event[key] : undefined
    if (actual === undefined) return false
    if (Array.isArray(expected)) {
      if (expected.length === 0) throw new Error(`empty matcher list for ${key}`)
      const values = Array.isArray(actual) ? actual : [actual]
      return values.some((value) => expected.some((matcher) => matchesLeaf(matcher, value)))
    }
    if (isObject(expected)) {
      const candidates = Array.isArray(actual) ? actual : [actual]
      return candidates.some(
        (candidate) => isObject(candidate) && matchesPattern(expected, candidate)
      )
    }
    throw new Error(`pattern value for ${key} must be a list or an object`)
  })
}
