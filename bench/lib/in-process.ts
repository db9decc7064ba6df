import { createAwsClients, DEFAULT_MAX_IN_FLIGHT, type AwsClients } from '../../src/aws/clients.js'
import { RequestSlots } from '../../src/aws/in-flight.js'
import type { Logger } from '../../src/runtime/logger.js'
import { ALL_CLIENT_CLASSES } from '../../__tests__/fixtures/client-classes.js'

/** The local endpoint checks no signature; the SDK only needs something to sign with. */
export const BENCH_CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' }
export const BENCH_REGION = 'us-east-1'

/**
 * The gate's real clients (adaptive retries, the shared in-flight cap) aimed at one local endpoint.
 * The endpoint is passed per client rather than through AWS_ENDPOINT_URL, so gates against
 * different endpoints can run in one process at the same time.
 */
export function benchClients(
  endpoint: string,
  slots = new RequestSlots(DEFAULT_MAX_IN_FLIGHT)
): { clients: AwsClients; slots: RequestSlots } {
  const clients = createAwsClients({
    classes: ALL_CLIENT_CLASSES,
    slots,
    overrides: () => ({ endpoint, region: BENCH_REGION, credentials: BENCH_CREDENTIALS })
  })
  return { clients, slots }
}

/** A logger that keeps nothing, or calls `onInfo` with each info line. */
export function quietLog(onInfo: (line: string) => void = () => undefined): Logger {
  return { info: onInfo, warning: () => undefined, debug: () => undefined }
}
