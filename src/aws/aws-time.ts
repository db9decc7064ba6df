import type { Clock } from '../runtime/clock.js'
import type { MiddlewareHost } from './middleware-host.js'

/**
 * AWS's clock as the runner can know it. Inspector's lastScannedAt, ECR's imagePushedAt, Lambda's
 * LastModified are AWS times: "how long ago did the scan finish" must be asked of AWS's clock, not
 * of a runner whose clock may be minutes or an hour off (a self-hosted runner without NTP, a VM
 * restored from a snapshot). With AWS behind, the runner's clock would call a scan that just
 * finished old, and settling would read once before the late findings arrive.
 */
export interface AwsTime {
  /**
   * How far AWS's clock is ahead of the local clock, in ms (negative: behind), or undefined while
   * no AWS answer has carried a readable `Date` header. Add it to the local clock's `now()`.
   */
  offsetMs(): number | undefined
}

/**
 * The estimate from the `Date` header of AWS's answers. Each answer gives `Date − local receive
 * time`, which is never more than the true offset: `Date` is AWS's time floored to the second,
 * and the answer left AWS before it arrived. It is at most about one second plus the network
 * time below it. Being low only makes the gate wait a little longer (AWS times look more recent),
 * so the latest answer's value is kept as it is: a later answer always replaces it, which also
 * follows a clock that is stepped during the run.
 */
export class AwsTimeEstimate implements AwsTime {
  private offset: number | undefined
  private latestAt = Number.NEGATIVE_INFINITY

  constructor(private readonly clock: Pick<Clock, 'now'>) {}

  offsetMs(): number | undefined {
    return this.offset
  }

  /** One answer's `Date` header (RFC 7231 date, 1 s resolution), received at local `receivedAt`. */
  observe(dateHeader: string | undefined, receivedAt = this.clock.now()): void {
    if (dateHeader === undefined) return
    const date = Date.parse(dateHeader)
    // An unreadable header (a proxy's, a bad one) says nothing; the last good estimate stands.
    if (Number.isNaN(date)) return
    // Answers of concurrent calls can be handled out of order: keep the one received last.
    if (receivedAt < this.latestAt) return
    this.latestAt = receivedAt
    this.offset = date - receivedAt
  }
}

/**
 * Feeds every HTTP answer of `client` to `estimate`. It sits below the deserializer (deserialize
 * step, low priority), so it sees the raw answer of each attempt: errors and retried attempts
 * carry AWS's `Date` too.
 */
export function observeAwsTime<T>(
  client: T,
  estimate: AwsTimeEstimate,
  clock: Pick<Clock, 'now'>
): T {
  ;(client as unknown as MiddlewareHost).middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args)
      estimate.observe(dateHeaderOf(result), clock.now())
      return result
    },
    { step: 'deserialize', name: 'inspectorGateAwsTime', priority: 'low' }
  )
  return client
}

function dateHeaderOf(result: unknown): string | undefined {
  const response = (result as { response?: { headers?: Record<string, unknown> } } | undefined)
    ?.response
  const headers = response?.headers
  if (headers === undefined || headers === null || typeof headers !== 'object') return undefined
  const value = headers['date'] ?? headers['Date']
  return typeof value === 'string' ? value : undefined
}
