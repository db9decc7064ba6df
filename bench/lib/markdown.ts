/** A markdown table whose columns line up in a terminal too; `right` lists right-aligned columns. */
export function markdownTable(
  headers: string[],
  rows: (string | number)[][],
  right: number[] = []
): string {
  const cells = [headers, ...rows.map((row) => row.map(String))]
  const widths = headers.map((_, c) => Math.max(3, ...cells.map((row) => (row[c] ?? '').length)))
  const line = (row: string[]) =>
    '| ' +
    widths
      .map((w, c) => (right.includes(c) ? (row[c] ?? '').padStart(w) : (row[c] ?? '').padEnd(w)))
      .join(' | ') +
    ' |'
  const rule =
    '| ' +
    widths
      .map((w, c) => (right.includes(c) ? '-'.repeat(w - 1) + ':' : '-'.repeat(w)))
      .join(' | ') +
    ' |'
  return [line(headers), rule, ...rows.map((row) => line(row.map(String)))].join('\n')
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** `n` with one decimal, e.g. `12.3`. */
export const s1 = (n: number): string => n.toFixed(1)
