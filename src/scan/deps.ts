import type { AwsClients } from '../aws/clients.js'
import type { Clock } from './clock.js'

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
  /** Between account-status reads while Inspector is being enabled (`ensure-enabled: enable`). */
  enablePollMs: number
}

export const DEFAULT_TIMING: Timing = {
  pollInitialMs: 5_000,
  pollMaxMs: 30_000,
  settleIntervalMs: 10_000,
  settleMs: 60_000,
  enablePollMs: 10_000
}

export interface ScanDeps {
  clients: AwsClients
  clock: Clock
  log: Logger
  timing: Timing
  /** Absolute clock time when every wait must be over. */
  deadline: number
  /** 0..1 source for the poll jitter; tests fix it so waits are deterministic. */
  random?: () => number
}
