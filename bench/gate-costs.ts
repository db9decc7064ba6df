/**
 * `npm run bench [-- --quick]`: what a gate costs, measured against the local AWS endpoint. Prints
 * the machine's facts and one markdown table per section, ready for docs/performance.md:
 * 1. bundle sizes and cold start (spawn → first AWS request) of dist/index.js and dist/cli/index.js;
 * 2. verdict latency at real time with the default timing, against a fixed 5-second poll, and what
 *    each sees of findings that arrive after the scan reports SUCCESSFUL;
 * 3. AWS API calls per gate (0 / 300 / 3,000 findings, a 4-platform image, 20 images);
 * 4. one gate of three targets against each target alone;
 * 5. the report over 10,000 and 100,000 findings (wall time against the quota floor, RSS, CPU).
 * `--only startup` runs the first section alone (9 runs; 3 with `--quick`).
 * `--quick` skips the 100,000-finding report and runs fewer repetitions (about 2.5 minutes instead
 * of about 8). It prints numbers; nothing here asserts a time. Progress goes to stderr.
 */
import { machineFacts } from './lib/machine.js'
import { markdownTable } from './lib/markdown.js'
import { measureReport, REPORT_HEADERS, reportRow } from './lib/report.js'
import { apiCallsSection } from './sections/api-calls.js'
import { concurrencySection } from './sections/concurrency.js'
import { latencySection } from './sections/latency.js'
import { startupSection } from './sections/startup.js'

const quick = process.argv.includes('--quick')
// `--only startup`: just the cold start section (the one to re-run after changing what loads).
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1]
const started = Date.now()
const progress = (what: string) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${what}`)

const print = (title: string, body: string) => console.log(`\n### ${title}\n\n${body}`)

console.log(
  `## inspector-gate benchmarks (${quick ? 'npm run bench -- --quick' : 'npm run bench'})`
)
print('Machine', machineFacts())

progress('cold start')
print('Bundle size and cold start', await startupSection(quick ? 3 : 9))
if (only === 'startup') process.exit(0)

progress('verdict latency (real time, about 1.5 minutes)')
// Off the 5-second grid, so the fixed poll meets each scan at a different point of its interval.
const latency = await latencySection(quick ? [32.5] : [20.5, 26.5, 32.5, 38.5, 44.5])
print('Verdict latency and late findings', `${latency.table}\n\n${latency.summary}`)

progress('API calls per gate')
print('API calls per gate', await apiCallsSection())

progress('one gate of three targets')
print('Concurrency', await concurrencySection())

const sizes = quick ? [10_000] : [10_000, 100_000]
const rows: string[][] = []
for (const size of sizes) {
  progress(`report over ${size} findings`)
  rows.push(reportRow(await measureReport(size)))
}
print('Report', markdownTable(REPORT_HEADERS, rows, [0, 1, 2, 4, 5, 6, 7, 8]))
progress('done')
