/**
 * Offset pagination behind an opaque token. The token also carries a fingerprint of the
 * request's filters, so replaying a token with different filters fails like it would on AWS
 * (ValidationException) instead of returning a silently wrong page.
 */
import { createHash } from 'node:crypto'
import { FakeAwsError } from './wire.js'

export interface Page<T> {
  items: T[]
  nextToken?: string
}

export interface PageRequest {
  nextToken?: unknown
  maxResults?: unknown
  /** Everything that defines the result set (filters, sort), fingerprinted into the token. */
  query: unknown
  defaultPageSize: number
  minPageSize: number
  maxPageSize: number
  /**
   * The most items one answer holds, whatever `maxResults` asks: AWS's models cap some lists below
   * the largest `maxResults` they accept (ListFindings takes maxResults up to 100, and answers at
   * most 25 findings a page).
   */
  maxItemsPerPage?: number
  /** Error name for bad tokens and sizes: ValidationException or InvalidParameterException. */
  errorCode: string
}

/** Items by which a continued page starts early while `withPageOverlap` runs (chaos only). */
let pageOverlap = 0

/**
 * Runs `answer` (synchronously) with every continued page starting `overlap` items early, so
 * items of the previous page come again, as when an item is inserted ahead of a client's cursor.
 */
export function withPageOverlap<T>(overlap: number, answer: () => T): T {
  const previous = pageOverlap
  pageOverlap = overlap
  try {
    return answer()
  } finally {
    pageOverlap = previous
  }
}

export function paginate<T>(items: readonly T[], request: PageRequest): Page<T> {
  const pageSize = Math.min(pageSizeOf(request), request.maxItemsPerPage ?? Infinity)
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(request.query ?? null))
    .digest('hex')
    .slice(0, 12)
  const offset =
    request.nextToken === undefined
      ? 0
      : decodeToken(request.nextToken, fingerprint, request.errorCode)
  // Never a full page early: the next token must still move forward.
  const overlap = Math.min(pageOverlap, pageSize - 1)
  const start = request.nextToken === undefined ? 0 : Math.max(0, offset - overlap)
  const pageItems = items.slice(start, start + pageSize)
  const next = start + pageSize
  const page: Page<T> = { items: pageItems }
  if (next < items.length) page.nextToken = encodeToken(next, fingerprint)
  return page
}

function pageSizeOf(request: PageRequest): number {
  if (request.maxResults === undefined) return request.defaultPageSize
  const size = request.maxResults
  if (
    typeof size !== 'number' ||
    !Number.isInteger(size) ||
    size < request.minPageSize ||
    size > request.maxPageSize
  ) {
    throw new FakeAwsError(
      request.errorCode,
      400,
      `1 validation error detected: Value '${String(size)}' at 'maxResults' failed to satisfy constraint: Member must have value between ${request.minPageSize} and ${request.maxPageSize}`
    )
  }
  return size
}

function encodeToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url')
}

function decodeToken(token: unknown, fingerprint: string, errorCode: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8'))
    if (
      decoded !== null &&
      typeof decoded === 'object' &&
      'o' in decoded &&
      'f' in decoded &&
      typeof decoded.o === 'number' &&
      decoded.f === fingerprint
    ) {
      return decoded.o
    }
  } catch {
    // fall through to the error below
  }
  throw new FakeAwsError(
    errorCode,
    400,
    'The nextToken is invalid or does not belong to this request.'
  )
}
