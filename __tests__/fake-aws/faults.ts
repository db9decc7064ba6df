/**
 * Fault injection. Counted faults (FaultSpec in scenario.ts) turn the first `count` matching calls
 * into the service's own throttling / server / access-denied / expired-credentials errors. Chaos
 * (ChaosSpec) hits calls at random, deterministically for a seed: the decision for the n-th call of
 * an operation is drawn from a generator seeded with (seed, service, operation, n) alone.
 */
import type { CoveredResource, ListCoverageResponse } from '@aws-sdk/client-inspector2'
import type { ChaosKind, ChaosSpec, FaultSpec } from './scenario.js'
import { FakeAwsError } from './wire.js'
import type { ServiceName } from './wire.js'
import { mulberry32 } from './random.js'

/** How one call is answered instead of (or on top of) the operation's normal answer. */
export type FaultPlan =
  /** Answer with this error, after `delayMs` (real or the server's `delay`). */
  | { kind: 'error'; error: FakeAwsError; delayMs: number; chaos?: ChaosKind }
  /** Never answer; the connection stays open until the client closes it. */
  | { kind: 'stall'; chaos?: undefined }
  /** Destroy the connection without answering. */
  | { kind: 'drop'; chaos: 'drop' }
  /** Wait `delayMs`, then answer as usual. */
  | { kind: 'slow'; delayMs: number; chaos: 'slow' }
  /** Answer ListCoverage as usual, then rewrite the resource rows (see `flapCoverage`). */
  | { kind: 'coverage-flap'; mode: CoverageFlap; chaos: 'coverage-flap' }
  /** Answer as usual, with a continued page starting `items` early. */
  | { kind: 'page-overlap'; items: number; chaos: 'page-overlap' }

export type CoverageFlap = 'missing' | 'in-progress' | 'rescanned'

export interface FaultCall {
  service: ServiceName
  operation: string
  /** The parsed request (a pagination token is looked for here). */
  input: Record<string, unknown>
  nowSeconds: number
}

export interface FaultInjector {
  /** What to do to this call, if a counted fault is still armed or chaos hits it. */
  next(call: FaultCall): FaultPlan | undefined
  /** Re-arms counted faults and restarts every chaos sequence. */
  reset(): void
}

export function createFaultInjector(
  faults: readonly FaultSpec[],
  chaos?: ChaosSpec
): FaultInjector {
  let used = faults.map(() => 0)
  const calls = new Map<string, number>()
  return {
    next(call) {
      const index = faults.findIndex(
        (fault, i) =>
          (fault.operation === call.operation || fault.operation === '*') &&
          (fault.service === undefined || fault.service === call.service) &&
          call.nowSeconds >= (fault.fromSeconds ?? 0) &&
          (used[i] ?? 0) < fault.count
      )
      const fault = faults[index]
      if (fault !== undefined) {
        used[index] = (used[index] ?? 0) + 1
        if (fault.stall === true) return { kind: 'stall' }
        return {
          kind: 'error',
          error: faultError(call.service, call.operation, fault),
          delayMs: fault.delayMs ?? 0
        }
      }
      if (chaos === undefined) return undefined
      const key = `${call.service}:${call.operation}`
      const n = calls.get(key) ?? 0
      calls.set(key, n + 1)
      return chaosPlan(chaos, call, mulberry32(hashString(`${chaos.seed}|${key}|${n}`)))
    },
    reset() {
      used = faults.map(() => 0)
      calls.clear()
    }
  }
}

function chaosPlan(spec: ChaosSpec, call: FaultCall, random: () => number): FaultPlan | undefined {
  if (spec.operations !== undefined && !spec.operations.includes(call.operation)) return undefined
  if (random() >= spec.probability) return undefined
  const applicable = spec.kinds.filter((kind) => applies(kind, call))
  const kind = applicable[Math.floor(random() * applicable.length)]
  if (kind === undefined) return undefined
  switch (kind) {
    case 'throttle': {
      // At least a millisecond; three decimals, which the SDK's Retry-After parser accepts.
      const seconds = Math.max(0.001, random() * (spec.maxRetryAfterSeconds ?? 0.05))
      const fault: FaultSpec = {
        operation: call.operation,
        count: 1,
        status: 429,
        retryAfterSeconds: Number(seconds.toFixed(3))
      }
      return {
        kind: 'error',
        error: faultError(call.service, call.operation, fault),
        delayMs: 0,
        chaos: kind
      }
    }
    case 'server-error': {
      const fault: FaultSpec = {
        operation: call.operation,
        count: 1,
        status: random() < 0.5 ? 500 : 503
      }
      return {
        kind: 'error',
        error: faultError(call.service, call.operation, fault),
        delayMs: 0,
        chaos: kind
      }
    }
    case 'drop':
      return { kind, chaos: kind }
    case 'slow':
      return {
        kind,
        delayMs: Math.max(1, Math.round(random() * (spec.maxSlowMs ?? 200))),
        chaos: kind
      }
    case 'expired-token':
      return { kind: 'error', error: expiredTokenError(call.service), delayMs: 0, chaos: kind }
    case 'coverage-flap': {
      const modes: CoverageFlap[] = ['missing', 'in-progress', 'rescanned']
      return { kind, mode: modes[Math.floor(random() * modes.length)] ?? 'missing', chaos: kind }
    }
    case 'page-overlap':
      return { kind, items: 1 + Math.floor(random() * 3), chaos: kind }
  }
}

function applies(kind: ChaosKind, call: FaultCall): boolean {
  switch (kind) {
    case 'expired-token':
      return hasPageToken(call) && call.service !== 'sts' && call.service !== 'lambda'
    case 'page-overlap':
      return hasPageToken(call)
    case 'coverage-flap':
      return call.service === 'inspector2' && call.operation === 'ListCoverage'
    default:
      return true
  }
}

function hasPageToken(call: FaultCall): boolean {
  const token = call.input.nextToken ?? call.input.NextToken
  return typeof token === 'string' && token !== ''
}

/** What each service answers to a pagination token it no longer accepts. */
function expiredTokenError(service: ServiceName): FakeAwsError {
  const message = 'The pagination token has expired; start the request again without it.'
  switch (service) {
    case 'ecr':
    case 'logs':
      return new FakeAwsError(
        'InvalidParameterException',
        400,
        `Invalid parameter at 'nextToken' failed to satisfy constraint: '${message}'`
      )
    case 'securityhub':
      return new FakeAwsError('InvalidInputException', 400, message)
    default:
      return new FakeAwsError(
        'ValidationException',
        400,
        message,
        {},
        { reason: 'FIELD_VALIDATION_FAILED', fields: [{ name: 'nextToken', message }] }
      )
  }
}

/**
 * A ListCoverage answer as a flapping coverage view gives it for one call: resource rows
 * (everything but repositories) `missing`, SUCCESSFUL rows `in-progress` (a rescan started), or
 * SUCCESSFUL rows `rescanned` at `now` (a rescan just finished).
 */
export function flapCoverage(
  response: ListCoverageResponse,
  mode: CoverageFlap,
  now: Date
): ListCoverageResponse {
  const resource = (row: CoveredResource) => row.resourceType !== 'AWS_ECR_REPOSITORY'
  const rows = response.coveredResources ?? []
  const flapped =
    mode === 'missing'
      ? rows.filter((row) => !resource(row))
      : rows.map((row): CoveredResource => {
          if (!resource(row) || row.scanStatus?.reason !== 'SUCCESSFUL') return row
          return mode === 'in-progress'
            ? { ...row, scanStatus: { statusCode: 'ACTIVE', reason: 'SCAN_IN_PROGRESS' } }
            : { ...row, lastScannedAt: now }
        })
  return { ...response, coveredResources: flapped }
}

function faultError(service: ServiceName, operation: string, fault: FaultSpec): FakeAwsError {
  if (fault.error === 'expired-credentials') {
    const message = 'The security token included in the request is expired'
    if (service === 'sts' || service === 'cloudformation')
      return new FakeAwsError('ExpiredToken', 403, message)
    return new FakeAwsError('ExpiredTokenException', service === 'ecr' ? 400 : 403, message)
  }
  const headers: Record<string, string> =
    fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) }
  const code = errorCodeFor(service, fault.status)
  const message =
    fault.status === 403
      ? `User: arn:aws:sts::123456789012:assumed-role/gate/ci is not authorized to perform: ${service}:${operation}`
      : `Injected fault: ${code} (${fault.status})`
  const fields: Record<string, unknown> =
    service === 'lambda' && fault.status === 429
      ? { Reason: 'CallerRateLimitExceeded' }
      : // Inspector Scan's InternalServerException requires a reason (FAILED_TO_GENERATE_SBOM | OTHER).
        service === 'inspector-scan' && fault.status === 500
        ? { reason: 'OTHER' }
        : {}
  return new FakeAwsError(code, fault.status, message, headers, fields)
}

function errorCodeFor(service: ServiceName, status: FaultSpec['status']): string {
  if (status === 503) return 'ServiceUnavailableException'
  const codes = {
    inspector2: {
      403: 'AccessDeniedException',
      429: 'ThrottlingException',
      500: 'InternalServerException'
    },
    'inspector-scan': {
      403: 'AccessDeniedException',
      429: 'ThrottlingException',
      500: 'InternalServerException'
    },
    ecr: { 403: 'AccessDeniedException', 429: 'ThrottlingException', 500: 'ServerException' },
    sts: { 403: 'AccessDenied', 429: 'Throttling', 500: 'InternalFailure' },
    lambda: {
      403: 'AccessDeniedException',
      429: 'TooManyRequestsException',
      500: 'ServiceException'
    },
    securityhub: {
      403: 'AccessDeniedException',
      429: 'LimitExceededException',
      500: 'InternalException'
    },
    logs: {
      403: 'AccessDeniedException',
      429: 'ThrottlingException',
      500: 'ServiceUnavailableException'
    },
    cloudformation: { 403: 'AccessDenied', 429: 'Throttling', 500: 'InternalFailure' }
  } as const
  return codes[service][status]
}

/** FNV-1a: a 32-bit seed from a string. */
function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
