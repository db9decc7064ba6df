import type { AwsClients } from '../../aws/clients.js'
import type { Clock } from '../../runtime/clock.js'
import type { ScanEventSource } from './scan-events.js'

export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

/** How often to look. Defaults suit real AWS; tests and the local endpoint shrink them. */
export interface Timing {
  pollInitialMs: number
  pollMaxMs: number
  /** Spacing of the re-reads that decide whether the finding set has settled. */
  settleIntervalMs: number
  /** Upper bound on settling after a scan completes. */
  settleMs: number
  /**
   * Between searches of the scan-event log group, and between finding reads once the event is
   * known: the event says findings are due, so they are looked for often until they are all there.
   */
  scanEventPollMs: number
  /** Between account-status reads while Inspector is being enabled (`ensure-enabled: enable`). */
  enablePollMs: number
}

export const DEFAULT_TIMING: Timing = {
  pollInitialMs: 5_000,
  pollMaxMs: 30_000,
  settleIntervalMs: 10_000,
  settleMs: 60_000,
  scanEventPollMs: 2_000,
  enablePollMs: 10_000
}

export interface ScanDeps {
  clients: AwsClients
  clock: Clock
  log: Logger
  timing: Timing
  /** Absolute clock time when every wait must be over. */
  deadline: number
  /** Inspector's scan events, when the gate has a log group to read them from. */
  scanEvents?: ScanEventSource
  /** 0..1 source for the poll jitter; tests fix it so waits are deterministic. */
  random?: () => number
}
