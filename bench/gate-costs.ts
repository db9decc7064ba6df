/**
 * `npm run bench [-- --quick]`: what a gate costs, measured against the local AWS endpoint. Prints
 * the machine's facts and one markdown table per section, ready for docs/performance.md:
 * 1. bundle sizes and cold start (spawn → first AWS request) of dist/index.js and dist/cli/index.js;
 * 2. verdict latency at real time with the default timing, without and with Inspector's scan event,
 *    against a fixed 5-second poll, and what each sees of findings that arrive after the scan
 *    reports SUCCESSFUL;
 * 3. AWS API calls per gate (0 / 300 / 3,000 findings, a 4-platform image, 20 images);
 * 4. one gate of three targets against each target alone;
 * 5. the report over 10,000 and 100,000 findings (wall time against the quota floor, RSS, CPU);
 * 6. the pre-push gate of a 1,000-component SBOM: cold start, wall time and calls of each bundle.
 * `--only startup` runs the first section alone (9 runs; 3 with `--quick`).
 * `--quick` skips the 100,000-finding report and runs fewer repetitions (about 2.5 minutes instead
 * of about 8). `--only <section>` (startup, latency, api-calls, concurrency, report, sbom) runs that one
 * section after the machine's facts. It prints numbers; nothing here asserts a time. Progress goes
 * to stderr.
 */
import { machineFacts } from './lib/machine.js'
import { markdownTable } from './lib/markdown.js'
import { measureReport, REPORT_HEADERS, REPORT_RIGHT, reportRow } from './lib/report.js'
import { apiCallsSection } from './sections/api-calls.js'
import { concurrencySection } from './sections/concurrency.js'
import { latencySection } from './sections/latency.js'
import { sbomSection } from './sections/sbom.js'
import { startupSection } from './sections/startup.js'

const SECTIONS = ['startup', 'latency', 'api-calls', 'concurrency', 'report', 'sbom'] as const
type Section = (typeof SECTIONS)[number]

const quick = process.argv.includes('--quick')
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1]
if (only !== undefined && !(SECTIONS as readonly string[]).includes(only)) {
  console.error(
    `--only: "${only}" is not a section; give one of ${SECTIONS.join(', ')} (e.g. --only latency)`
  )
  process.exit(2)
}
const runs = (section: Section) => only === undefined || only === section
const started = Date.now()
const progress = (what: string) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${what}`)

const print = (title: string, body: string) => console.log(`\n### ${title}\n\n${body}`)

const flags = [quick ? '--quick' : '', only === undefined ? '' : `--only ${only}`].filter(Boolean)
console.log(
  `## inspector-gate benchmarks (npm run bench${flags.length === 0 ? '' : ` -- ${flags.join(' ')}`})`
)
print('Machine', machineFacts())

if (runs('startup')) {
  progress('cold start')
  print('Bundle size and cold start', await startupSection(quick ? 3 : 9))
}

if (runs('sbom')) {
  progress('the pre-push SBOM gate')
  print('Pre-push SBOM gate (1,000 components)', await sbomSection(quick ? 3 : 9))
}

if (runs('latency')) {
  progress('verdict latency (real time, about 1.5 minutes)')
  // 6.4 s apart, so the scans fall at spread points of both the fixed poll's 5-second interval
  // (0.5, 1.9, 3.3, 4.7, 1.1 s into it) and the scan-event search's 2-second one (0.5, 0.9, 1.3,
  // 1.7, 0.1 s): 6 s apart, every scan would meet the event search at the same point.
  const latency = await latencySection(quick ? [32.5] : [20.5, 26.9, 33.3, 39.7, 46.1])
  print('Verdict latency and late findings', `${latency.table}\n\n${latency.summary}`)
}

if (runs('api-calls')) {
  progress('API calls per gate')
  print('API calls per gate', await apiCallsSection())
}

if (runs('concurrency')) {
  progress('one gate of three targets')
  print('Concurrency', await concurrencySection())
}

if (runs('report')) {
  const sizes = quick ? [10_000] : [10_000, 100_000]
  const rows: string[][] = []
  for (const size of sizes) {
    progress(`report over ${size} findings`)
    rows.push(reportRow(await measureReport(size)))
  }
  print('Report', markdownTable(REPORT_HEADERS, rows, REPORT_RIGHT))
}
progress('done')
