import { readFileSync } from 'node:fs'
import { runBundle } from '../../__tests__/e2e/runner.js'
import { startFakeAws } from '../../__tests__/fake-aws/server.js'
import {
  ORGANIZATION_SCALE_REGIONS,
  reportOrganizationScale,
  reportScale
} from '../../__tests__/fake-aws/scenarios.js'

/**
 * A bench size: `n` findings over reportScale's 3 accounts × 2 Regions, or an organization of
 * `accounts` × `regions` with `perAccountRegion` findings per account-Region on average.
 */
export type ReportSize = number | { accounts: number; regions: number; perAccountRegion: number }

/** Regions for an organization size, first `regions` of these (the bench's three first). */
const BENCH_REGIONS: readonly string[] = [
  ...ORGANIZATION_SCALE_REGIONS,
  'us-west-2',
  'eu-central-1',
  'ap-northeast-1'
]

/** `10000` or `40x3x2500` (accounts x Regions x findings per account-Region); undefined if neither. */
export function parseReportSize(text: string): ReportSize | undefined {
  const shape = /^(\d+)x(\d+)x(\d+)$/.exec(text.trim())
  if (shape !== null) {
    const [accounts, regions, perAccountRegion] = shape.slice(1).map(Number) as [
      number,
      number,
      number
    ]
    if (accounts < 1 || regions < 1 || perAccountRegion < 1) return undefined
    if (regions > BENCH_REGIONS.length) {
      throw new Error(`bench: at most ${BENCH_REGIONS.length} Regions, got ${regions}`)
    }
    return { accounts, regions, perAccountRegion }
  }
  const n = Number(text)
  return Number.isInteger(n) && n > 0 ? n : undefined
}

export interface ReportRun {
  /** Findings generated. */
  size: number
  accounts: number
  regions: number
  /** Findings in the 90-day period the report covered (its `report-findings` output). */
  inPeriod: number
  /** GetFindings pages of 100 the findings need. */
  pages: number
  /** GetFindings calls sent, 429s included. */
  getFindingsCalls: number
  throttled: number
  wallSeconds: number
  /** The quota's floor: the pages beyond the burst of 6, at 3 per second. */
  floorSeconds: number
  peakRssMiB: number
  cpuSeconds: number
  exitCode: number | null
}

/**
 * The report mode (`node dist/index.js`, Node 24) over `size` ASFF findings against the local
 * endpoint, which enforces GetFindings' real quota (3 requests/s, burst 6). Peak RSS is the
 * bundle's VmHWM and CPU its utime + stime, both sampled from /proc every 100 ms.
 */
export async function measureReport(what: ReportSize): Promise<ReportRun> {
  const shape = typeof what === 'number' ? { accounts: 3, regions: 2 } : what
  const size =
    typeof what === 'number' ? what : what.accounts * what.regions * what.perAccountRegion
  const fake = await startFakeAws(
    typeof what === 'number'
      ? reportScale(what)
      : reportOrganizationScale(
          what.accounts,
          BENCH_REGIONS.slice(0, what.regions),
          what.perAccountRegion
        )
  )
  try {
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
    const wallSeconds = (Date.now() - started) / 1000
    const inPeriod = Number(run.outputs['report-findings'] ?? 0)
    const pages = Math.max(1, Math.ceil(inPeriod / 100))
    return {
      size,
      accounts: shape.accounts,
      regions: shape.regions,
      inPeriod,
      pages,
      getFindingsCalls: fake.callsTo('GetFindings').length,
      throttled: fake.throttled('GetFindings'),
      wallSeconds,
      floorSeconds: Math.max(0, (pages - 6) / 3),
      peakRssMiB: peakKiB / 1024,
      cpuSeconds: cpuTicks / 100,
      exitCode: run.exitCode
    }
  } finally {
    await fake.close()
  }
}

export const REPORT_HEADERS = [
  'Findings',
  'Accounts × Regions',
  'In 90-day period',
  'Pages',
  'GetFindings calls (429s)',
  'Wall s',
  'Quota floor s',
  'Wall / floor',
  'Peak RSS MiB',
  'CPU s',
  'Exit'
]

/** The right-aligned (numeric) columns of REPORT_HEADERS. */
export const REPORT_RIGHT = [0, 2, 3, 5, 6, 7, 8, 9]

export function reportRow(run: ReportRun): string[] {
  return [
    run.size.toLocaleString('en-US'),
    `${run.accounts} × ${run.regions}`,
    run.inPeriod.toLocaleString('en-US'),
    String(run.pages),
    `${run.getFindingsCalls} (${run.throttled})`,
    run.wallSeconds.toFixed(1),
    run.floorSeconds.toFixed(1),
    (run.wallSeconds / Math.max(run.floorSeconds, 0.1)).toFixed(2),
    run.peakRssMiB.toFixed(0),
    run.cpuSeconds.toFixed(1),
    String(run.exitCode)
  ]
}
