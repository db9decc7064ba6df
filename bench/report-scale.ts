/**
 * `npm run bench:report`: the report against the local endpoint, which enforces GetFindings' real
 * quota (3 requests/s, burst 6). Prints wall time against the quota's floor (pages ÷ 3 per second),
 * the bundle's peak RSS (VmHWM from /proc, sampled), and CPU time. Sizes: argv, default 10000.
 */
import { readFileSync } from 'node:fs'
import { startFakeAws } from '../__tests__/fake-aws/server.js'
import { reportScale } from '../__tests__/fake-aws/scenarios.js'
import { runBundle } from '../__tests__/e2e/runner.js'

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0)
console.log(
  'findings  in-period  pages  wall s  floor s  wall/floor  peak RSS MiB  CPU s  throttled'
)
for (const size of sizes.length > 0 ? sizes : [10_000]) {
  const fake = await startFakeAws(reportScale(size))
  let peakKiB = 0
  let cpuTicks = 0
  let sampler: NodeJS.Timeout | undefined
  const started = Date.now()
  const run = await runBundle({
    endpoint: fake.url,
    inputs: { mode: 'report', period: '90d' },
    killAfterMs: 30 * 60_000,
    onSpawn: (pid) => {
      sampler = setInterval(() => {
        try {
          const status = readFileSync(`/proc/${pid}/status`, 'utf8')
          peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
          cpuTicks = Number(stat[11] ?? 0) + Number(stat[12] ?? 0)
        } catch {
          // The process has exited between two samples.
        }
      }, 100)
    }
  })
  clearInterval(sampler)
  const wall = (Date.now() - started) / 1000
  const inPeriod = Number(run.outputs['report-findings'] ?? 0)
  const pages = Math.max(1, Math.ceil(inPeriod / 100))
  const floor = Math.max(0, (pages - 6) / 3)
  console.log(
    [
      String(size).padStart(8),
      String(inPeriod).padStart(10),
      String(pages).padStart(6),
      wall.toFixed(1).padStart(7),
      floor.toFixed(1).padStart(8),
      (wall / Math.max(floor, 0.1)).toFixed(2).padStart(11),
      (peakKiB / 1024).toFixed(0).padStart(13),
      (cpuTicks / 100).toFixed(1).padStart(6),
      String(fake.throttled('GetFindings')).padStart(10)
    ].join(' ') + (run.exitCode === 0 ? '' : `  (exit ${run.exitCode})`)
  )
  await fake.close()
}
