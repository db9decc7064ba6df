import { AwsCallError } from '../aws/errors.js'
import type { ScannedArtifact } from '../domain/finding.js'
import type { ScanDeps } from './deps.js'
import type { PollOptions } from './poller.js'

/** `app:v1 [linux/arm64/v8 sha256:0123456789ab]`: short enough for a log line, exact enough to find. */
export function artifactName(artifact: ScannedArtifact): string {
  const short = artifact.digest.slice(0, 19)
  return artifact.platform
    ? `${artifact.reference} [${artifact.platform} ${short}]`
    : `${artifact.reference} [${short}]`
}

/** Poll options for one artifact's wait, logging each pause so a long wait is never silent. */
export function pollOptions(deps: ScanDeps, name: string): PollOptions {
  return {
    deadline: deps.deadline,
    initialDelayMs: deps.timing.pollInitialMs,
    maxDelayMs: deps.timing.pollMaxMs,
    onWait: ({ state, delayMs }) =>
      deps.log.info(`${name}: ${state}; next check in ${Math.round(delayMs / 100) / 10}s`)
  }
}

/**
 * The SDK already retried a throttled or failing call several times. A wait of many minutes should
 * not die of one bad minute, so retryable errors become "keep waiting" (and, if the wait runs out,
 * the reason it ran out); anything else propagates.
 */
export async function tolerateTransient<T>(
  call: () => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; state: string }> {
  try {
    return { ok: true, value: await call() }
  } catch (error) {
    if (error instanceof AwsCallError && error.retryable) {
      return { ok: false, state: `waiting out an AWS error (${error.message})` }
    }
    throw error
  }
}
