import { randomUUID } from 'node:crypto'
import { HttpRequest, loadRestJsonErrorCode } from '@smithy/core/protocols'

/**
 * The wire side of Amazon Inspector Scan's one operation, ScanSbom (REST-JSON, `POST /scan/sbom`),
 * as @aws-sdk/client-inspector-scan would do it: the request, the answer's body read with a bound,
 * and an error answer turned into an object shaped like the SDK's ServiceException (`name` = the
 * error code, `$fault`, `$metadata`, `$retryable`, the modelled members), so that the retry
 * classification and `explainAwsError` treat it exactly as any other AWS error. Stands in for the
 * package until it can be installed (see inspector-scan-client.ts).
 */

export const SCAN_SBOM_PATH = '/scan/sbom'

/** The SBOM document formats the answer can take (the model's OutputFormat). */
export type OutputFormat = 'CYCLONE_DX_1_5' | 'INSPECTOR' | 'INSPECTOR_ALT'

export interface ScanSbomInput {
  /** The SBOM as a JSON document (CycloneDX 1.5), sent as it is. */
  sbom: unknown
  outputFormat?: OutputFormat
}

export interface ResponseMetadata {
  httpStatusCode?: number
  requestId?: string
  attempts?: number
  totalRetryDelay?: number
}

export interface ScanSbomOutput {
  /** The scanned SBOM (a JSON document); `undefined` when the answer had none. */
  sbom?: unknown
  $metadata: ResponseMetadata
}

/** One field a ValidationException names (the model's ValidationExceptionField). */
export interface ValidationExceptionField {
  name: string
  message: string
}

/**
 * An AWS error answer of Inspector Scan, shaped like the SDK's ServiceException. The modelled
 * errors: ValidationException (400; reason, fields), AccessDeniedException (403),
 * ThrottlingException (429) and InternalServerException (500; reason).
 */
export class InspectorScanServiceException extends Error {
  readonly $fault: 'client' | 'server'
  readonly $metadata: ResponseMetadata
  /** Set as the SDK sets it from the model's `retryable` trait (throttling, internal error). */
  readonly $retryable?: { throttling: boolean }
  /** ValidationExceptionReason or InternalServerExceptionReason, when the answer has one. */
  readonly reason?: string
  readonly fields?: ValidationExceptionField[]
  declare readonly $response: AnswerHead

  constructor(code: string, message: string, response: AnswerHead, data: Record<string, unknown>) {
    super(message)
    this.name = code
    this.$fault = response.statusCode >= 500 ? 'server' : 'client'
    this.$metadata = metadataOf(response)
    const retryable = RETRYABLE[code]
    if (retryable !== undefined) this.$retryable = retryable
    if (typeof data['reason'] === 'string') this.reason = data['reason']
    const fields = fieldsOf(data['fields'])
    if (fields !== undefined) this.fields = fields
    // Not enumerable, as in the SDK: the raw answer must not end up in logs of the error.
    Object.defineProperty(this, '$response', { value: response, enumerable: false })
  }
}

/** The model's `retryable` traits: throttling is, and so is an internal error (not throttling). */
const RETRYABLE: Record<string, { throttling: boolean }> = {
  ThrottlingException: { throttling: true },
  InternalServerException: { throttling: false }
}

/** An answer's status and headers (lower-case names), as NodeHttpHandler gives them. */
export interface AnswerHead {
  statusCode: number
  headers: Record<string, string>
}

/**
 * The body of one request. Members are written only when set: the SDK leaves an unset member out,
 * and the service's model has outputFormat optional.
 */
export function scanSbomBody(input: ScanSbomInput): string {
  return JSON.stringify({
    sbom: input.sbom,
    ...(input.outputFormat !== undefined ? { outputFormat: input.outputFormat } : {})
  })
}

export function scanSbomRequest(
  endpoint: URL,
  body: string,
  attempt: { invocationId: string; number: number; max: number }
): HttpRequest {
  const basePath = endpoint.pathname.replace(/\/+$/, '')
  return new HttpRequest({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port !== '' ? { port: Number(endpoint.port) } : {}),
    path: `${basePath}${SCAN_SBOM_PATH}`,
    headers: {
      host: endpoint.host,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      // Same name as every other client's (clients.ts USER_AGENT; not imported: clients.ts will
      // import this client, and a cycle of constants is a trap in ESM).
      'user-agent': 'inspector-gate',
      // The SDK's retry headers: AWS ties the attempts of one call together by them.
      'amz-sdk-invocation-id': attempt.invocationId,
      'amz-sdk-request': `attempt=${attempt.number}; max=${attempt.max}`
    },
    body
  })
}

export const newInvocationId = (): string => randomUUID()

/**
 * More than the service's documented 10 MB answer, so that no real answer is cut; a bound all the
 * same, so that a wrong endpoint streaming without end cannot fill the runner's memory.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024

/** Reads an answer's body, refusing past `limit` bytes (an error the retry loop does not retry). */
export async function readAnswer(body: unknown, limit = MAX_ANSWER_BYTES): Promise<string> {
  if (body === undefined || body === null) return ''
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += bytes.length
    if (size > limit) {
      ;(body as { destroy?: () => void }).destroy?.()
      throw Object.assign(
        new Error(
          `the answer was larger than ${limit} bytes, more than Inspector Scan ever sends (10 MB); check AWS_ENDPOINT_URL_INSPECTOR_SCAN / AWS_ENDPOINT_URL`
        ),
        { name: 'AnswerTooLarge' }
      )
    }
    chunks.push(bytes)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** A 2xx answer's output; a body that is not JSON throws as the SDK's deserializer does. */
export function parseScanSbomOutput(head: AnswerHead, text: string): ScanSbomOutput {
  const data = parseJson(head, text)
  const sbom =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)['sbom']
      : undefined
  return { ...(sbom !== undefined ? { sbom } : {}), $metadata: metadataOf(head) }
}

/**
 * An error answer as the SDK's REST-JSON protocol reads it: the code from `x-amzn-errortype`
 * (anything after ':' dropped), else the body's `code` or `__type`. A body that is not JSON and no
 * error-type header means the answer is not AWS's: it throws the SDK's deserialization failure
 * (`$response`, no `$fault`), which unparseable.ts recognises.
 */
export function parseErrorAnswer(head: AnswerHead, text: string): InspectorScanServiceException {
  const hasErrorType = head.headers['x-amzn-errortype'] !== undefined
  let data: unknown
  try {
    data = parseJson(head, text)
  } catch (error) {
    if (!hasErrorType) throw error
    data = {}
  }
  const members =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {}
  const code =
    loadRestJsonErrorCode({ statusCode: head.statusCode, headers: head.headers }, members) ??
    'UnknownError'
  const raw = members['message'] ?? members['Message']
  const message = typeof raw === 'string' && raw !== '' ? raw : code
  return new InspectorScanServiceException(code, message, head, members)
}

function parseJson(head: AnswerHead, text: string): unknown {
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch (error) {
    // The SDK's deserialization failure: the SyntaxError with the answer attached.
    Object.defineProperty(error, '$response', { value: head, enumerable: false })
    Object.defineProperty(error, '$metadata', { value: metadataOf(head), enumerable: false })
    throw error
  }
}

function metadataOf(head: AnswerHead): ResponseMetadata {
  const requestId = head.headers['x-amzn-requestid']
  return { httpStatusCode: head.statusCode, ...(requestId !== undefined ? { requestId } : {}) }
}

function fieldsOf(value: unknown): ValidationExceptionField[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.flatMap((field: unknown) => {
    const f = field as { name?: unknown; message?: unknown } | null
    return typeof f?.name === 'string' && typeof f.message === 'string'
      ? [{ name: f.name, message: f.message }]
      : []
  })
}
