/**
 * `npm run bench:report [-- sizes…]`: the report mode against the local endpoint, which enforces
 * GetFindings' real quota (3 requests/s, burst 6). Prints one markdown table: wall time against the
 * quota's floor (pages beyond the burst ÷ 3 per second), the bundle's peak RSS (VmHWM from /proc,
 * sampled) and CPU time. Sizes: argv, default 10000. `npm run bench` runs it too (10k and 100k).
 */
import { markdownTable } from './lib/markdown.js'
import { measureReport, REPORT_HEADERS, reportRow } from './lib/report.js'

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0)
const rows: string[][] = []
for (const size of sizes.length > 0 ? sizes : [10_000]) {
  rows.push(reportRow(await measureReport(size)))
  console.error(`report: ${size} findings done`)
}
console.log(markdownTable(REPORT_HEADERS, rows, [0, 1, 2, 4, 5, 6, 7, 8]))
