/**
 * Reads back the markdown the renderers write, the way GitHub's table parser does, so tests can
 * assert on cells rather than on substrings.
 */

export interface ParsedTable {
  header: string[]
  rows: string[][]
}

/** Cells of one table line: split on pipes not preceded by a backslash (GFM's rule). */
export function cells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim())
}

/** The first table after the line that starts with `marker` (a heading or a `<summary>`). */
export function tableAfter(markdown: string, marker: string): ParsedTable | undefined {
  const lines = markdown.split('\n')
  const start = lines.findIndex((line) => line.startsWith(marker))
  if (start < 0) return undefined
  let index = start + 1
  while (index < lines.length && !(lines[index] ?? '').startsWith('|')) {
    // A table belongs to this section only if no other section starts first.
    if (/^(#{1,6} |<details>)/.test(lines[index] ?? '')) return undefined
    index += 1
  }
  const tableLines: string[] = []
  while (index < lines.length && (lines[index] ?? '').startsWith('|')) {
    tableLines.push(lines[index] ?? '')
    index += 1
  }
  const [headerLine, , ...rowLines] = tableLines
  if (headerLine === undefined) return undefined
  return { header: cells(headerLine), rows: rowLines.map(cells) }
}

/** Every HTML tag in the markdown, as written. */
export function htmlTags(markdown: string): string[] {
  return markdown.match(/<\/?[a-z][^>]*>/gi) ?? []
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
