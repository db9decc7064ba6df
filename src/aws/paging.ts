import { systemClock, type Clock } from '../runtime/clock.js'
import { AwsCallError } from './errors.js'
import { createRateLimiter } from './rate-limiter.js'

/**
 * Pages a read may fetch back to back before it is paced: 6,250 findings at ListFindings' 25 a
 * page, more than any image the benches or the scale tests gate, so a real read is never slowed.
 */
const PAGE_BURST = 250
/** Pages a second after the burst: a read that never ends cannot become a tight loop. */
const PAGES_PER_SECOND = 10
const DEFAULT_MAX_PAGES = 10_000

/**
 * Guards one paged read. The SDK's `stopOnSameToken` ends paging silently, which would gate on a
 * partial list, and it only notices a token repeated at once: tokens that cycle (A, B, A, B…) page
 * forever. Any token seen before in this read, or an absurd page count, is an error instead.
 */
export function pageGuard(
  operation: string,
  maxPages = DEFAULT_MAX_PAGES
): (nextToken: string | undefined) => void {
  const seen = new Set<string>()
  let pages = 0
  return (nextToken) => {
    pages += 1
    if (nextToken !== undefined && nextToken !== '') {
      if (seen.has(nextToken)) {
        throw new AwsCallError(
          `${operation} returned a page token it had already returned (after ${pages} ${pages === 1 ? 'page' : 'pages'}): its pages cycle, so the list would never be complete`,
          'UnexpectedResponse',
          false
        )
      }
      seen.add(nextToken)
    }
    if (pages >= maxPages) {
      throw new AwsCallError(
        `${operation} returned more than ${maxPages} pages; refusing a result that may be incomplete`,
        'UnexpectedResponse',
        false
      )
    }
  }
}

export interface PagingOptions {
  maxPages?: number
  /** The clock the pacing sleeps on; tests pass a virtual one. */
  clock?: Clock
}

/**
 * An SDK paginator, guarded (see pageGuard) and paced: after a burst, pages are fetched at a steady
 * rate, so an endpoint that keeps handing out fresh tokens is read slowly until the step's deadline
 * cuts the call (see call-deadline.ts), instead of being hammered thousands of times a minute.
 */
export async function* guardedPages<Page>(
  operation: string,
  pages: AsyncIterable<Page>,
  tokenOf: (page: Page) => string | undefined,
  options: PagingOptions = {}
): AsyncGenerator<Page> {
  const guard = pageGuard(operation, options.maxPages)
  const pace = createRateLimiter(options.clock ?? systemClock, PAGES_PER_SECOND, PAGE_BURST)
  for await (const page of pages) {
    guard(tokenOf(page))
    yield page
    // Before the paginator asks for the next page: only the pages after the burst wait.
    await pace()
  }
}
