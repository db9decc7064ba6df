import type { MiddlewareHost } from './middleware-host.js'
/**
 * An answer the SDK cannot parse (an HTML error page from a proxy, a wrong AWS_ENDPOINT_URL) is
 * not a transient AWS error, yet the SDK classes a 5xx one as such and retries it, and our waits
 * would then wait it out for minutes. This bounds it: after UNPARSEABLE_TRIES such answers to one
 * call, the call fails with an error the retry loop does not retry and `explainAwsError` turns into
 * one line that names the operation and says the answer was not AWS's.
 */

/** HTTP requests one call may make while every answer is unparseable. */
export const UNPARSEABLE_TRIES = 3

/** The SDK's deserialization failure: `$response` attached, no AWS error shape (`$fault`). */
export function isUnparseableAnswer(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { $response?: unknown; $fault?: unknown; name?: unknown }
  if (e.$fault !== undefined) return false
  return e.$response !== undefined || e.name === 'SyntaxError'
}

/** Carries the last unparseable answer past the retry loop (no `$metadata`: not a server error). */
export class UnparseableAnswerError extends Error {
  override name = 'UnparseableAnswerError'
  constructor(
    readonly operation: string,
    readonly httpStatus: number | undefined,
    readonly tries: number,
    readonly original: unknown
  ) {
    super(`${operation} answered ${tries} times with a response that is not AWS's`)
  }
}

/**
 * Counts unparseable answers per call, inside the retry loop (finalizeRequest, like
 * single-attempt.ts); the context object is the call's own, shared by its attempts.
 */
export function boundUnparseableAnswers<T>(client: T, tries = UNPARSEABLE_TRIES): T {
  const counts = new WeakMap<object, number>()
  ;(client as unknown as MiddlewareHost).middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args)
      } catch (error) {
        if (!isUnparseableAnswer(error)) throw error
        const count = (counts.get(context) ?? 0) + 1
        counts.set(context, count)
        if (count < tries) throw error
        const operation = (context.commandName ?? 'the call').replace(/Command$/, '')
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
          ?.httpStatusCode
        throw new UnparseableAnswerError(operation, status, count, error)
      }
    },
    { step: 'finalizeRequest', name: 'inspectorGateUnparseableAnswers', priority: 'low' }
  )
  return client
}
