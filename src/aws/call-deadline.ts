import type { Clock } from '../runtime/clock.js'

/**
 * The step's deadline, applied to every AWS call. The SDK bounds each attempt (requestTimeout) and
 * the attempts (maxAttempts), but not their sum: under a throttling storm, retries and backoff
 * outlived a 6 s `timeout` by 12–22 s, and a paged read that never ends had no bound at all. One
 * abort signal at the deadline reaches the SDK's own request, its retry backoff and its rate
 * limiter, so nothing outlives the step.
 */
export interface CallDeadline {
  /** Absolute clock time after which no call may still run. */
  at: number
  clock: Clock
  /** How the deadline is named in the error line, e.g. `timeout (6s)`. */
  name: string
}

/** A call cut off by the step's deadline; errors.ts turns it into a line with the call's context. */
export class CallDeadlineError extends Error {
  override name = 'CallDeadlineError'
  constructor(
    readonly operation: string,
    readonly deadlineName: string
  ) {
    super(`${operation} had not finished when the ${deadlineName} ran out`)
  }
}

interface Sendable {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>
}

/** Makes every `send` of `client` (paginators call it too) end by the deadline. */
export function boundByDeadline<T>(client: T, deadline: CallDeadline): T {
  const bound = deadlineBound(deadline)
  if (bound === undefined) return client
  const target = client as unknown as Sendable
  const send = target.send.bind(target)
  target.send = async (command, options) =>
    bound(operationName(command), options?.abortSignal, (abortSignal) =>
      send(command, { ...options, abortSignal })
    )
  return client
}

/** A call that takes an abort signal, as the Inspector Scan adapter's `scanSbom` does. */
export type DeadlineBound = <R>(
  operation: string,
  given: AbortSignal | undefined,
  call: (signal: AbortSignal) => Promise<R>
) => Promise<R>

/**
 * Runs calls so that each ends by the deadline: they get its abort signal (unless the caller gave
 * its own), and one cut off by it fails as a CallDeadlineError. Undefined for a clock that cannot
 * abort (tests' manual clocks), whose calls are then bounded per attempt only.
 */
export function deadlineBound(deadline: CallDeadline): DeadlineBound | undefined {
  if (deadline.clock.abortAfter === undefined) return undefined
  const signal = deadline.clock.abortAfter(Math.max(0, deadline.at - deadline.clock.now()))
  return async (operation, given, call) => {
    if (signal.aborted) throw new CallDeadlineError(operation, deadline.name)
    try {
      return await call(given ?? signal)
    } catch (error) {
      if (signal.aborted) throw new CallDeadlineError(operation, deadline.name)
      throw error
    }
  }
}

/** `ListCoverageCommand` → `ListCoverage`. */
function operationName(command: unknown): string {
  const name = (command as { constructor?: { name?: unknown } } | null)?.constructor?.name
  return typeof name === 'string' ? name.replace(/Command$/, '') : 'an AWS call'
}
