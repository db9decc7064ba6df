/**
 * Fits a markdown document into a byte budget by dropping whole table rows. GitHub rejects a step
 * summary over 1 MiB, and a verdict can hold tens of thousands of findings, so the document is kept
 * as blocks whose sizes are measured once; trimming is arithmetic, never re-measuring the string.
 */

/** A table whose rows can be dropped from the end. Every piece ends with a newline. */
export interface TrimmableTable {
  /** Always kept: the heading, or the opening `<details><summary>…` and its blank line. */
  intro: string
  /** The header and separator lines, dropped together with the last row. */
  head: string
  rows: string[]
  /** Always kept: e.g. the closing `</details>`. */
  outro: string
  /** The line saying `omitted` rows are not shown (and where they are); starts with a blank line. */
  omissionNote: (omitted: number) => string
}

export type Block = string | TrimmableTable

interface MeasuredTable {
  table: TrimmableTable
  rowBytes: number[]
  headBytes: number
  kept: number
}

/**
 * Joins the blocks, dropping rows from the end of the tables in `trimOrder` (each emptied before the
 * next is touched) until the result is at most `maxBytes` UTF-8 bytes. If the fixed text alone is
 * too big, whole trailing blocks go, then lines, with `truncationNote` appended.
 */
export function fitToBudget(
  blocks: Block[],
  trimOrder: TrimmableTable[],
  maxBytes: number,
  truncationNote: string
): string {
  const measured = new Map<TrimmableTable, MeasuredTable>()
  let total = 0
  for (const block of blocks) {
    if (typeof block === 'string') {
      total += bytes(block)
      continue
    }
    const entry = measureTable(block)
    measured.set(block, entry)
    total += bytes(block.intro) + bytes(block.outro) + entry.headBytes + sum(entry.rowBytes)
  }
  for (const table of trimOrder) {
    if (total <= maxBytes) break
    const entry = measured.get(table)
    if (entry !== undefined) total -= dropRows(entry, total - maxBytes)
  }
  const rendered = blocks.map((block) =>
    typeof block === 'string'
      ? { text: block, splittable: true }
      : { text: renderTable(measured.get(block)), splittable: false }
  )
  if (total <= maxBytes) return rendered.map((block) => block.text).join('')
  return keepLeadingBlocks(rendered, maxBytes, truncationNote)
}

function measureTable(table: TrimmableTable): MeasuredTable {
  const rowBytes = table.rows.map(bytes)
  return { table, rowBytes, headBytes: bytes(table.head), kept: table.rows.length }
}

/**
 * Drops rows from the end until `excess` bytes are saved, net of the omission note that replaces
 * them (its size grows with the count's digits). Returns the bytes saved.
 */
function dropRows(entry: MeasuredTable, excess: number): number {
  const total = entry.rowBytes.length
  let freed = 0
  const netSaving = (): number => {
    const omitted = total - entry.kept
    return omitted === 0 ? 0 : freed - bytes(entry.table.omissionNote(omitted))
  }
  while (entry.kept > 0 && netSaving() < excess) {
    entry.kept -= 1
    freed += entry.rowBytes[entry.kept] ?? 0
    if (entry.kept === 0) freed += entry.headBytes
  }
  return netSaving()
}

function renderTable(entry: MeasuredTable | undefined): string {
  if (entry === undefined) return ''
  const { table, kept } = entry
  const omitted = table.rows.length - kept
  const body = kept === 0 ? '' : table.head + table.rows.slice(0, kept).join('')
  const note = omitted === 0 ? '' : table.omissionNote(omitted)
  return table.intro + body + note + table.outro
}

/**
 * Last resort: whole blocks while they fit, then whole lines of the next one unless it holds HTML
 * (a `<details>` must not lose its closing tag), then the note, which starts with a blank line so it
 * cannot join a table cut short.
 */
function keepLeadingBlocks(
  rendered: { text: string; splittable: boolean }[],
  maxBytes: number,
  truncationNote: string
): string {
  const budget = maxBytes - bytes(truncationNote)
  if (budget < 0) return leadingLines(truncationNote, maxBytes)
  let used = 0
  let output = ''
  for (const { text, splittable } of rendered) {
    const size = bytes(text)
    if (used + size > budget) {
      if (splittable) output += leadingLines(text, budget - used)
      break
    }
    used += size
    output += text
  }
  return output + truncationNote
}

/** The longest prefix of whole lines within `maxBytes` (a newline byte never sits inside a UTF-8 character). */
function leadingLines(text: string, maxBytes: number): string {
  if (maxBytes <= 0) return ''
  const buffer = Buffer.from(text, 'utf8')
  if (buffer.length <= maxBytes) return text
  const cut = buffer.lastIndexOf(0x0a, maxBytes - 1)
  return cut < 0 ? '' : buffer.subarray(0, cut + 1).toString('utf8')
}

export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function sum(values: number[]): number {
  let total = 0
  for (const value of values) total += value
  return total
}
