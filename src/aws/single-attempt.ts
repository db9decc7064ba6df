/**
 * One command, one attempt, when it fails with an error code the SDK would retry but that no retry
 * can change. The client's retry strategy is shared by every other call of that client and stays
 * as it is; only this command's own middleware stack is touched.
 */

/** Carries an error past the SDK's retry loop, which classifies by the error's own name. */
class NotToBeRetried extends Error {
  override name = 'NotToBeRetried'
  constructor(readonly original: unknown) {
    super('an error the SDK must not retry')
  }
}

/** The part of an SDK v3 command this needs; every generated command has it. */
interface CommandStack {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'finalizeRequest'; name: string; priority: 'low' }
    ): void
  }
}

/**
 * Sends `command` with `send`; an error named in `codes` ends the call after its first attempt and
 * is thrown as the SDK raised it. The middleware runs inside the retry loop (finalizeRequest step,
 * after the retry middleware's high priority) and hands the retry loop a wrapper whose name is not
 * a throttling code, so the loop gives up at once and the adaptive rate limiter is not slowed for
 * the other calls of the shared client.
 */
export async function sendWithoutRetryOn<C, O>(
  send: (command: C) => Promise<O>,
  command: C,
  codes: ReadonlySet<string>
): Promise<O> {
  ;(command as unknown as CommandStack).middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args)
      } catch (error) {
        const name = (error as { name?: unknown } | undefined)?.name
        if (typeof name === 'string' && codes.has(name)) throw new NotToBeRetried(error)
        throw error
      }
    },
    { step: 'finalizeRequest', name: 'inspectorGateNoRetry', priority: 'low' }
  )
  try {
    return await send(command)
  } catch (error) {
    if (error instanceof NotToBeRetried) throw error.original
    throw error
  }
}
