import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml'
import type { IgnoreRule } from '../domain/ignore-rules.js'
import { IgnoreFileError } from './ignore-file-error.js'
import { shown } from '../inputs/values.js'

export { IgnoreFileError }

const ENTRY_KEYS = [
  'id',
  'reason',
  'expires',
  'repository',
  'image',
  'function',
  'sbom',
  'package'
] as const
type EntryKey = (typeof ENTRY_KEYS)[number]
/** Every key but the two an entry must have: copied onto the rule when present. */
const OPTIONAL_KEYS = ENTRY_KEYS.filter(
  (key): key is Exclude<EntryKey, 'id' | 'reason'> => key !== 'id' && key !== 'reason'
)
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Parses the ignore file:
 *
 *   ignore:
 *     - id: CVE-2024-1234          # CVE/GHSA id, or an Inspector finding ARN or id
 *       reason: not reachable      # required: why this is accepted
 *       expires: 2026-12-31        # optional: last day it applies (UTC)
 *       repository: app            # optional scope; also image:, function:, package:
 *
 * Every error names the file and line, because a silently skipped entry would fail (or pass) a
 * build for reasons nobody can see.
 */
export function parseIgnoreFile(text: string, file: string): IgnoreRule[] {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1
  // A declaration (not an arrow) so that TypeScript narrows after a call: it never returns.
  function fail(line: number, why: string): never {
    throw new IgnoreFileError(`ignore-file ${shown(file)}:${line}: ${why}`)
  }

  const syntaxError = doc.errors[0]
  if (syntaxError) {
    const line = syntaxError.linePos?.[0].line ?? lineCounter.linePos(syntaxError.pos[0]).line
    fail(line, `invalid YAML (${shown(syntaxError.message.split('\n')[0] ?? '')})`)
  }
  if (doc.contents === null) return []
  if (!isMap(doc.contents)) fail(lineOf(doc.contents), 'expected a mapping with an `ignore:` list')
  const root = doc.contents as Exclude<typeof doc.contents, null>
  if (!isMap(root)) return []
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (key !== 'ignore')
      fail(lineOf(pair.key as Node), `unknown top-level key "${shown(key)}" (expected "ignore")`)
  }
  const list = root.get('ignore', true)
  if (list === undefined || (isScalar(list) && list.value === null)) return []
  if (!isSeq(list)) return fail(lineOf(list as Node), '`ignore` must be a list of entries')

  return list.items.map((item) => {
    const line = lineOf(item as Node)
    if (!isMap(item)) return fail(line, 'each entry must be a mapping with at least id and reason')
    const fields: Partial<Record<EntryKey, string>> = {}
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      const keyLine = lineOf(pair.key as Node)
      if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
        fail(keyLine, `unknown key "${shown(key)}" (allowed: ${ENTRY_KEYS.join(', ')})`)
      }
      const value = pair.value
      if (!isScalar(value) || value.value === null || typeof value.value === 'object') {
        fail(keyLine, `"${key}" must be a single value`)
      }
      // As written: YAML would read `function: 0123` as the number 123, `id: 1.10` as 1.1.
      const scalar = value as Scalar
      const text =
        typeof scalar.value === 'string' ? scalar.value : (scalar.source ?? String(scalar.value))
      fields[key as EntryKey] = text.trim()
    }
    if (!fields.id) fail(line, 'entry has no "id" (a CVE id or an Inspector finding ARN)')
    if (!fields.reason)
      fail(line, `entry ${shown(fields.id)} has no "reason": say why it is accepted`)
    if (fields.expires !== undefined && !isValidDate(fields.expires)) {
      fail(
        line,
        `entry ${shown(fields.id)} has expires "${shown(fields.expires)}", expected a date YYYY-MM-DD`
      )
    }
    const rule: IgnoreRule = {
      id: fields.id as string,
      reason: fields.reason as string,
      line,
      file
    }
    for (const optional of OPTIONAL_KEYS) {
      const value = fields[optional]
      if (value !== undefined) rule[optional] = value
    }
    return rule
  })
}

function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)
}
