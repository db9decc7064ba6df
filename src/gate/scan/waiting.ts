import { AwsCallError } from '../../aws/errors.js'
import { artifactContent, artifactVariant, type ScannedArtifact } from '../../domain/finding.js'
import type { ArtifactOutcome } from '../../domain/outcome.js'
import type { ScanDeps } from './deps.js'
import type { PollOptions } from '../../runtime/poll.js'

/**
 * `app:v1 [linux/arm64/v8 sha256:0123456789ab]` / `orders-api [code scanning CodeSha256 Xk…]`: short
 * enough for a log line, exact enough to find.
 */
export function artifactName(artifact: ScannedArtifact): string {
  const content = artifactContent(artifact)
  const short = content.length > 26 ? `${content.slice(0, 26)}…` : content
  const variant = artifactVariant(artifact)
  return variant
    ? `${artifact.reference} [${variant} ${short}]`
    : `${artifact.reference} [${short}]`
}

/**
 * Now on AWS's clock (the runner's clock plus the offset AWS's answers showed), for every
 * comparison of a time AWS reported (lastScannedAt, imagePushedAt, LastModified) with now. Before
 * any answer carried a `Date`, the runner's clock is all there is.
 */
export function awsNow(deps: ScanDeps): number {
  return deps.clock.now() + (deps.clients.awsTime.offsetMs() ?? 0)
}

/** Poll options for one artifact's wait, logging each pause so a long wait is never silent. */
export function pollOptions(deps: ScanDeps, name: string, reserveMs = 0): PollOptions {
  return {
    deadline: deps.deadline - reserveMs,
    initialDelayMs: deps.timing.pollInitialMs,
    maxDelayMs: deps.timing.pollMaxMs,
    ...(deps.random !== undefined && { random: deps.random }),
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

/**
 * The outcome for a scan that will not happen. An unsupported artifact is `unscannable` (the team's
 * `on-unscannable` decides); a setup problem is an error (`on-error` decides), with the reason kept.
 */
export function refusalOutcome(
  artifact: ScannedArtifact,
  refusal: { kind: 'unscannable' | 'blocked'; reason: string; explanation: string },
  scanner: string
): ArtifactOutcome {
  if (refusal.kind === 'unscannable') {
    return {
      status: 'unscannable',
      artifact,
      reason: refusal.reason,
      explanation: refusal.explanation
    }
  }
  return {
    status: 'error',
    reference: artifact.reference,
    artifact,
    message: `${scanner} will not scan it (${refusal.reason}): ${refusal.explanation}`,
    timedOut: false
  }
}
