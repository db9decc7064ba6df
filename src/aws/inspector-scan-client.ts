import { defaultProvider } from '@aws-sdk/credential-provider-node'
import { Sha256 } from '@smithy/core/checksum'
import { HttpRequest } from '@smithy/core/protocols'
import {
  ConfiguredRetryStrategy,
  isServerError,
  isThrottlingError,
  isTransientError,
  MAXIMUM_RETRY_DELAY,
  Retry
} from '@smithy/core/retry'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { SignatureV4 } from '@smithy/signature-v4'
import { systemClock } from '../runtime/clock.js'
import { isUnparseableAnswer, UNPARSEABLE_TRIES, UnparseableAnswerError } from './unparseable.js'
import {
  newInvocationId,
  parseErrorAnswer,
  parseScanSbomOutput,
  readAnswer,
  scanSbomBody,
  scanSbomRequest,
  type AnswerHead,
  type ScanSbomInput,
  type ScanSbomOutput
} from './inspector-scan-wire.js'

/**
 * A client for Amazon Inspector Scan, standing in for @aws-sdk/client-inspector-scan, which cannot
 * be installed here. It is built from the pieces every SDK client is built from, so that it behaves
 * as they do: credentials from the SDK's default chain, SigV4 signing, NodeHttpHandler with the
 * timeouts clients.ts sets, and the SDK's standard retry strategy (attempt count, retry quota,
 * which errors it retries). When the package can be installed, this file and
 * inspector-scan-wire.ts are the ones to replace (by an `InspectorScanClient` and a
 * `ScanSbomCommand`); inspector-scan.ts keeps its callers' interface.
 */

/** The service's names: signing name and endpoint prefix (`inspector-scan`), serviceId. */
export const SIGNING_NAME = 'inspector-scan'

/** Attempts per call, as clients.ts MAX_ATTEMPTS (not imported: clients.ts will import this). */
export const DEFAULT_MAX_ATTEMPTS = 6

export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
}

export interface InspectorScanClient {
  readonly region: string
  /** Where the requests go, and which setting said so (for messages). */
  readonly endpoint: ResolvedEndpoint
  scanSbom(input: ScanSbomInput, options?: { abortSignal?: AbortSignal }): Promise<ScanSbomOutput>
}

export interface InspectorScanClientOptions {
  region: string
  /** An explicit endpoint (like the SDK's `endpoint` setting): wins over the environment. */
  endpoint?: string
  /** Where AWS_ENDPOINT_URL* are read; process.env unless given (tests pass their own). */
  env?: Readonly<Record<string, string | undefined>>
  /** Fixed credentials or a provider; the SDK's default chain unless given. */
  credentials?: AwsCredentials | (() => Promise<AwsCredentials>)
  maxAttempts?: number
  /** Waits between attempts (tests pass one that does not sleep). */
  delay?: (ms: number, wake?: AbortSignal) => Promise<void>
  /** The local clock's time, for a Retry-After given as a date. */
  now?: () => number
  /** The backoff's jitter, in [0, 1). */
  random?: () => number
}

export interface ResolvedEndpoint {
  url: URL
  /** `AWS_ENDPOINT_URL_INSPECTOR_SCAN`, `AWS_ENDPOINT_URL`, `endpoint` or `default`. */
  source: string
}

/**
 * The endpoint as the SDK resolves it for serviceId "Inspector Scan": the service's own variable,
 * then the global one (neither when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true), then the regional
 * default, in the China partition for cn- regions.
 */
export function resolveInspectorScanEndpoint(
  region: string,
  env: Readonly<Record<string, string | undefined>>,
  explicit?: string
): ResolvedEndpoint {
  // A region becomes part of a host name: refuse anything that could make it another host.
  if (!/^[a-z0-9]+(-[a-z0-9]+)+$/.test(region)) {
    throw new Error(
      `${JSON.stringify(region)} is not an AWS region name (like eu-west-1): set the region input or AWS_REGION to the SBOM scan's region`
    )
  }
  const configured =
    env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] === 'true'
      ? []
      : (['AWS_ENDPOINT_URL_INSPECTOR_SCAN', 'AWS_ENDPOINT_URL'] as const).flatMap((name) =>
          env[name] ? [{ source: name, value: env[name] }] : []
        )
  const chosen = explicit !== undefined ? { source: 'endpoint', value: explicit } : configured[0]
  if (chosen === undefined) {
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'
    return { url: new URL(`https://${SIGNING_NAME}.${region}.${suffix}`), source: 'default' }
  }
  const url = URL.canParse(chosen.value) ? new URL(chosen.value) : undefined
  if (url === undefined || !/^https?:$/.test(url.protocol)) {
    throw new Error(
      `${chosen.source} is not an http(s) URL (${JSON.stringify(chosen.value)}): fix it or unset it to use Inspector Scan's regional endpoint`
    )
  }
  return { url, source: chosen.source }
}

export function createInspectorScanClient(
  options: InspectorScanClientOptions
): InspectorScanClient {
  const { region } = options
  const endpoint = resolveInspectorScanEndpoint(
    region,
    options.env ?? process.env,
    options.endpoint
  )
  const credentials = options.credentials ?? defaultProvider()
  const signer = new SignatureV4({
    credentials: typeof credentials === 'function' ? credentials : async () => credentials,
    region,
    service: SIGNING_NAME,
    sha256: Sha256,
    uriEscapePath: true
  })
  // As clients.ts sets for SDK clients: a stalled connection fails (and is retried), never hangs.
  const handler = new NodeHttpHandler({
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    throwOnRequestTimeout: true
  })
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const retry = new RetryLoop(
    maxAttempts,
    options.delay ?? systemClock.sleep,
    options.now ?? Date.now,
    options.random ?? Math.random
  )

  const attempt = async (
    body: string,
    invocationId: string,
    number: number,
    abortSignal: AbortSignal | undefined
  ): Promise<ScanSbomOutput> => {
    const request = scanSbomRequest(endpoint.url, body, {
      invocationId,
      number,
      max: maxAttempts
    })
    // sign() is typed with the interface; the handler takes the class (clone keeps the body).
    const signed = HttpRequest.clone(await signer.sign(request))
    const { response } = await handler.handle(signed, abortSignal ? { abortSignal } : {})
    const head: AnswerHead = { statusCode: response.statusCode, headers: response.headers }
    const text = await readAnswer(response.body)
    if (head.statusCode >= 200 && head.statusCode < 300) return parseScanSbomOutput(head, text)
    throw parseErrorAnswer(head, text)
  }

  return {
    region,
    endpoint,
    scanSbom: (input, callOptions = {}) => {
      const body = scanSbomBody(input)
      const invocationId = newInvocationId()
      return retry.run(
        (number) => attempt(body, invocationId, number, callOptions.abortSignal),
        callOptions.abortSignal
      )
    }
  }
}

type RetryErrorType = 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR'

/** The retry middleware's classification of an error (getRetryErrorType in @smithy/core). */
function retryErrorType(error: unknown): RetryErrorType {
  const e = error as Parameters<typeof isThrottlingError>[0]
  if (isThrottlingError(e)) return 'THROTTLING'
  if (isTransientError(e)) return 'TRANSIENT'
  if (isServerError(e)) return 'SERVER_ERROR'
  return 'CLIENT_ERROR'
}

/**
 * The SDK's retry middleware, with its sleep made injectable. The SDK's standard strategy decides
 * whether to retry (attempts left, retry quota, retryable error type) and keeps its quota across
 * the client's calls, as in every SDK client. It also sleeps, on a timer of its own that no test
 * could skip; so it is given a zero backoff, and the wait, computed here as the SDK computes it
 * (full jitter of the strategy's base, a longer one for throttling, capped; a Retry-After honoured
 * up to 5 s past that), goes through the injected delay.
 */
class RetryLoop {
  private readonly strategy: ConfiguredRetryStrategy

  constructor(
    private readonly maxAttempts: number,
    private readonly delay: (ms: number, wake?: AbortSignal) => Promise<void>,
    private readonly now: () => number,
    private readonly random: () => number
  ) {
    this.strategy = new ConfiguredRetryStrategy(maxAttempts, 0)
  }

  async run<T>(
    attempt: (number: number) => Promise<T>,
    abortSignal: AbortSignal | undefined
  ): Promise<T> {
    let token = await this.strategy.acquireInitialRetryToken('')
    let totalRetryDelay = 0
    let unparseable = 0
    for (let number = 1; ; number++) {
      try {
        const output = await attempt(number)
        this.strategy.recordSuccess(token)
        const metadata = (output as { $metadata?: Record<string, unknown> }).$metadata
        if (metadata) Object.assign(metadata, { attempts: number, totalRetryDelay })
        return output
      } catch (error) {
        annotate(error, number, totalRetryDelay)
        // As boundUnparseableAnswers does for the SDK clients: answers that are not AWS's are
        // not waited out, however the status classes them.
        if (isUnparseableAnswer(error) && ++unparseable >= UNPARSEABLE_TRIES) {
          const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
            ?.httpStatusCode
          throw new UnparseableAnswerError('ScanSbom', status, unparseable, error)
        }
        if (abortSignal?.aborted) throw error
        const errorType = retryErrorType(error)
        const retries = token.getRetryCount()
        try {
          token = await this.strategy.refreshRetryTokenForRetry(token, { errorType })
        } catch {
          throw error
        }
        const wait = this.backoff(errorType, retries, retryAfterMs(error, this.now))
        totalRetryDelay += wait
        await this.delay(wait, abortSignal)
        // Cut short by the caller (the gate's deadline): the AWS error says more than an abort.
        if (abortSignal?.aborted) throw error
      }
    }
  }

  /** StandardRetryStrategy's delay for the retry after `retries` retries. */
  private backoff(errorType: RetryErrorType, retries: number, retryAfter: number | undefined) {
    const base = errorType === 'THROTTLING' ? Retry.throttlingDelay() : Retry.delay()
    const jittered = Math.floor(this.random() * Math.min(base * 2 ** retries, MAXIMUM_RETRY_DELAY))
    if (retryAfter === undefined) return jittered
    return Math.max(jittered, Math.min(retryAfter, jittered + 5_000))
  }
}

/** The SDK's `$metadata.attempts` on a failure, so a message or a log can say how many there were. */
function annotate(error: unknown, attempts: number, totalRetryDelay: number): void {
  if (typeof error !== 'object' || error === null) return
  const metadata = (error as { $metadata?: Record<string, unknown> }).$metadata
  if (metadata !== undefined && Object.isExtensible(metadata)) {
    Object.assign(metadata, { attempts, totalRetryDelay })
  }
}

/**
 * The wait an error answer asks for, in ms, as the SDK reads it: `Retry-After` in seconds or as an
 * HTTP date, or `x-amz-retry-after` in ms. Read here rather than by the SDK's helper, which measures
 * against the wall clock: a test's clock could not hold it still.
 */
function retryAfterMs(error: unknown, now: () => number): number | undefined {
  const headers = (error as { $response?: { headers?: Record<string, string> } })?.$response
    ?.headers
  const retryAfter = headers?.['retry-after']?.trim()
  if (retryAfter !== undefined && retryAfter !== '') {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.max(0, date - now())
    return undefined
  }
  const amz = Number(headers?.['x-amz-retry-after'])
  return Number.isFinite(amz) && amz >= 0 ? amz : undefined
}
