/**
 * `npm run bench:report [-- sizes…]`: the report mode against the local endpoint, which enforces
 * GetFindings' real quota (3 requests/s, burst 6). Prints one markdown table: wall time against the
 * quota's floor (pages beyond the burst ÷ 3 per second), the bundle's peak RSS (VmHWM from /proc,
 * sampled) and CPU time. Sizes: argv, default 10000; `40x3x2500` is an organization of 40 accounts ×
 * 3 Regions × 2,500 findings per account-Region (reportOrganizationScale). `npm run bench` runs it
 * too (10k and 100k).
 */
import { markdownTable } from './lib/markdown.js'
import {
  measureReport,
  parseReportSize,
  REPORT_HEADERS,
  REPORT_RIGHT,
  reportRow,
  type ReportSize
} from './lib/report.js'

const sizes: ReportSize[] = []
for (const arg of process.argv.slice(2)) {
  const size = parseReportSize(arg)
  if (size === undefined) throw new Error(`bench:report: not a size: ${arg}`)
  sizes.push(size)
}
const rows: string[][] = []
for (const size of sizes.length > 0 ? sizes : [10_000]) {
  const run = await measureReport(size)
  rows.push(reportRow(run))
  console.error(`report: ${run.size} findings (${run.accounts} × ${run.regions}) done`)
}
console.log(markdownTable(REPORT_HEADERS, rows, REPORT_RIGHT))
