/**
 * Fault injection: counts matching calls per fault and turns the first `count` of them into the
 * service's own throttling / server errors (see FaultSpec in scenario.ts).
 */
import type { FaultSpec } from './scenario.js'
import { FakeAwsError } from './wire.js'
import type { ServiceName } from './wire.js'

export interface InjectedFault {
  error: FakeAwsError
  delayMs: number
}

export interface FaultInjector {
  /** The fault to answer this call with, if one is still armed. */
  next(service: ServiceName, operation: string): InjectedFault | undefined
  reset(): void
}

export function createFaultInjector(faults: readonly FaultSpec[]): FaultInjector {
  let used = faults.map(() => 0)
  return {
    next(service, operation) {
      const index = faults.findIndex(
        (fault, i) =>
          fault.operation === operation &&
          (fault.service === undefined || fault.service === service) &&
          (used[i] ?? 0) < fault.count
      )
      const fault = faults[index]
      if (fault === undefined) return undefined
      used[index] = (used[index] ?? 0) + 1
      return { error: faultError(service, fault), delayMs: fault.delayMs ?? 0 }
    },
    reset() {
      used = faults.map(() => 0)
    }
  }
}

function faultError(service: ServiceName, fault: FaultSpec): FakeAwsError {
  const headers: Record<string, string> =
    fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) }
  const code = errorCodeFor(service, fault.status)
  const message =
    fault.status === 403
      ? `User: arn:aws:sts::123456789012:assumed-role/gate/ci is not authorized to perform: ${service}:${fault.operation}`
      : `Injected fault: ${code} (${fault.status})`
  const fields: Record<string, unknown> =
    service === 'lambda' && fault.status === 429 ? { Reason: 'CallerRateLimitExceeded' } : {}
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
    }
  } as const
  return codes[service][status]
}
