import { AwsCallError } from './errors.js'

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
