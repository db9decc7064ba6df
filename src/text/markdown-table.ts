/** GFM table lines. Cells must already be escaped (see escape.ts); nothing here touches content. */

export interface Column {
  title: string
  /** Counts read better right-aligned. */
  align?: 'left' | 'right'
}

/** The header and separator lines. */
export function tableHead(columns: Column[]): string {
  const titles = columns.map((column) => column.title)
  const separators = columns.map((column) => (column.align === 'right' ? '---:' : '---'))
  return tableRow(titles) + tableRow(separators)
}

export function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |\n`
}
