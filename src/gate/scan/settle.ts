import type { Finding } from '../../domain/finding.js'
import type { SettleProof } from '../../domain/outcome.js'
import { countShortfall, describeCounts } from '../../domain/scan-event.js'
import type { ScanDeps } from './deps.js'
import type { ScanEventHandle } from './scan-events.js'
import { awsNow } from './waiting.js'

export interface Settled {
  findings: Finding[]
  settled: boolean
  settledBy: SettleProof
}

/**
 * Findings keep arriving for a while after Inspector reports a scan complete, so one read is not
 * enough. Two proofs end the wait:
 * - **The scan's own count.** Inspector's `Inspector2 Scan` event counts what the scan found; the
 *   moment ListFindings holds at least that for every severity it names and in total, the set is
 *   complete (more is fine: a later re-scan found more). Once the event is known, nothing else
 *   settles: fewer findings when the bound runs out is `unsettled`.
 * - **The quiet period**, without an event: re-read until two consecutive reads agree, counting
 *   agreement only once a quiet period has passed since the scan (two empty reads seconds after
 *   completion prove little). A scan that finished long ago still needs two agreeing reads: AWS
 *   promises no propagation time after which one read is enough.
 * "Since the scan" is on AWS's clock (`scannedAt` is AWS's time): with a runner ahead of AWS, its
 * own clock would call a scan that just finished old; with a runner behind, never quiet.
 */
export async function settleFindings(
  name: string,
  read: () => Promise<Finding[]>,
  scannedAt: Date | undefined,
  deps: ScanDeps,
  scanEvent?: ScanEventHandle
): Promise<Settled> {
  let latest = await read()
  // The bound counts from the first read's end: a first read slowed by throttling and retries
  // must not leave no time for the second.
  const settleDeadline = Math.min(deps.deadline, deps.clock.now() + deps.timing.settleMs)
  let previous: string | undefined
  for (;;) {
    const event = scanEvent?.state()
    const current = fingerprint(latest)
    if (event?.kind === 'found') {
      const shortfall = countShortfall(latest, event.event.counts)
      const proof: SettleProof = {
        kind: 'scan-event',
        counts: event.event.counts,
        eventTime: event.event.time
      }
      if (shortfall.length === 0) {
        deps.log.info(
          `${name}: findings match Inspector's scan event (${describeCounts(event.event.counts)})`
        )
        return { findings: latest, settled: true, settledBy: proof }
      }
      if (deps.clock.now() >= settleDeadline) {
        return { findings: latest, settled: false, settledBy: { ...proof, shortfall } }
      }
      deps.log.info(
        `${name}: findings still arriving (${shortfall.join(', ')} of Inspector's scan event)`
      )
    } else {
      const quiet = scannedAt === undefined || awsNow(deps) - scannedAt.getTime() >= quietMs(deps)
      const proof: SettleProof = {
        kind: 'quiet-period',
        ...(event?.kind === 'unavailable' && { withoutScanEvent: event.reason }),
        ...(event?.kind === 'pending' && {
          withoutScanEvent: "Inspector's scan event was not in the log group in time"
        })
      }
      if (previous !== undefined && current === previous && quiet)
        return { findings: latest, settled: true, settledBy: proof }
      if (previous !== undefined && current !== previous)
        deps.log.info(`${name}: findings still arriving (${latest.length} so far)`)
      if (deps.clock.now() >= settleDeadline)
        return { findings: latest, settled: false, settledBy: proof }
    }
    previous = current
    const remaining = settleDeadline - deps.clock.now()
    // The event says findings are due: look often. Without it, the slower re-read; an event that
    // arrives meanwhile cuts the pause short.
    const interval =
      event?.kind === 'found' ? deps.timing.scanEventPollMs : deps.timing.settleIntervalMs
    await deps.clock.sleep(
      Math.min(interval, remaining),
      event?.kind === 'pending' ? scanEvent?.found : undefined
    )
    latest = await read()
  }
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
