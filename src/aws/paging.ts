import { AwsCallError } from './errors.js'

/**
 * The SDK's `stopOnSameToken` ends paging silently, which would gate on a partial list. A repeated
 * token (or an absurd page count) is an error instead.
 */
export function pageGuard(
  operation: string,
  maxPages = 10_000
): (nextToken: string | undefined) => void {
  let previous: string | undefined
  let pages = 0
  return (nextToken) => {
    pages += 1
    if (nextToken !== undefined && nextToken !== '' && nextToken === previous) {
      throw new AwsCallError(
        `${operation} returned the same page token twice; the result would be incomplete`,
        'UnexpectedResponse',
        true
      )
    }
    if (pages >= maxPages) {
      throw new AwsCallError(
        `${operation} returned more than ${maxPages} pages; refusing a result that may be incomplete`,
        'UnexpectedResponse',
        false
      )
    }
    previous = nextToken
  }
}
