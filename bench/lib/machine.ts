import { execFileSync } from 'node:child_process'
import { cpus, loadavg, platform, release, totalmem, type, version } from 'node:os'
import { node24 } from '../../__tests__/e2e/runner.js'
import { markdownTable } from './markdown.js'

/** What the numbers were measured on: compare ratios within one run, not numbers across machines. */
export function machineFacts(): string {
  const cores = cpus()
  const models = [...new Set(cores.map((c) => c.model.trim()))].join(', ')
  const bundleNode = execFileSync(node24(), ['--version'], { encoding: 'utf8' }).trim()
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')
  return markdownTable(
    ['Fact', 'Value'],
    [
      ['Date', new Date().toISOString()],
      ['CPU', `${models} × ${cores.length}`],
      ['Memory', `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`],
      ['OS', `${type()} ${release()} (${platform()}); ${version()}`],
      ['Node (bench process, in-process runs)', process.version],
      ['Node (bundle: dist/index.js, dist/cli/index.js)', bundleNode],
      ['Load average at start (1 / 5 / 15 min)', load]
    ]
  )
}
