import type { Clock } from '../runtime/clock.js'
import type { Logger } from '../runtime/logger.js'
import type { AwsClients } from './clients.js'

/**
 * What every mode runs with: the run's AWS clients, its clock and its log. It sits beside the
 * clients rather than in runtime/, which must not depend on the AWS adapters.
 */
export interface RunDeps {
  clients: AwsClients
  clock: Clock
  log: Logger
}
