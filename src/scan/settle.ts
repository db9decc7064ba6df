import type { Finding } from '../domain/finding.js'
import type { ScanDeps } from './deps.js'
import { awsNow } from './waiting.js'

/**
 * Findings keep arriving for a while after Inspector reports a scan complete, so one read is not
 * enough: re-read until two consecutive reads agree, within the settle bound. Agreement counts only
 * once a quiet period has passed since the scan (two empty reads seconds after completion prove
 * little). A scan that finished longer ago than the settle bound has settled; one read is enough.
 * "Ago" is on AWS's clock (`scannedAt` is AWS's time): with a runner ahead of AWS, its own clock
 * would call a scan that just finished old; with a runner behind, never quiet.
 */
export async function settleFindings(
  name: string,
  read: () => Promise<Finding[]>,
  scannedAt: Date | undefined,
  deps: ScanDeps
): Promise<{ findings: Finding[]; settled: boolean }> {
  let latest = await read()
  const settledLongAgo =
    scannedAt !== undefined && awsNow(deps) - scannedAt.getTime() >= deps.timing.settleMs
  if (settledLongAgo) return { findings: latest, settled: true }

  const settleDeadline = Math.min(deps.deadline, deps.clock.now() + deps.timing.settleMs)
  let previous = fingerprint(latest)
  for (;;) {
    const remaining = settleDeadline - deps.clock.now()
    if (remaining <= 0) break
    await deps.clock.sleep(Math.min(deps.timing.settleIntervalMs, remaining))
    latest = await read()
    const current = fingerprint(latest)
    const quiet = scannedAt === undefined || awsNow(deps) - scannedAt.getTime() >= quietMs(deps)
    if (current === previous && quiet) return { findings: latest, settled: true }
    if (current !== previous)
      deps.log.info(`${name}: findings still arriving (${latest.length} so far)`)
    previous = current
  }
  return { findings: latest, settled: false }
}

function fingerprint(findings: Finding[]): string {
  return findings
    .map((f) => `${f.id}:${f.severity}`)
    .sort()
    .join('\n')
}

/** How long after a scan two agreeing reads are believed: three settle intervals, within the bound. */
function quietMs(deps: ScanDeps): number {
  return Math.min(deps.timing.settleMs, 3 * deps.timing.settleIntervalMs)
}

/**
 * The coverage wait stops this much before the deadline, so a scan that completes late still gets
 * its findings read twice instead of once.
 */
export function settleReserveMs(deps: ScanDeps): number {
  return Math.min(deps.timing.settleMs, deps.timing.settleIntervalMs)
}
