/**
 * The three wire protocols, matched to how @aws-sdk/core/protocols parses them:
 * - ECR and CloudWatch Logs, AWS JSON 1.1: errors are read from the body's `__type` first (AwsJsonRpcProtocol).
 * - Inspector2, Lambda and Security Hub, REST-JSON: errors are read from the `x-amzn-errortype`
 *   header first (loadRestJsonErrorCode), `Retry-After` is bound to `retryAfterSeconds` by an
 *   httpHeader trait. The message member is `message` for Inspector but `Message` for Lambda
 *   (body `{Type, Message}`) and Security Hub (body `{Code, Message}`), as those services send.
 * - STS and CloudFormation, AWS Query: XML bodies (lists as `<member>` elements, timestamps as
 *   ISO 8601); errors as `<ErrorResponse><Error><Code>` (AwsQueryProtocol).
 * Both JSON protocols default to epoch-seconds timestamps, so every Date becomes a number (CloudWatch
 * Logs' timestamps are `long` epoch milliseconds in its model: its handler sends plain numbers).
 */
import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'

export type ServiceName =
  | 'ecr'
  | 'inspector2'
  | 'inspector-scan'
  | 'sts'
  | 'lambda'
  | 'securityhub'
  | 'logs'
  | 'cloudformation'

/** Thrown by operations and faults; rendered in the protocol of the service that was called. */
export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra members of the modeled error shape (e.g. Inspector's `reason`). */
    readonly fields: Record<string, unknown> = {}
  ) {
    super(message)
  }
}

/** `Credential=AKID/20260101/us-east-1/<service>/aws4_request` → `<service>`. */
export function signingServiceOf(authorization: string | undefined): string | undefined {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(authorization ?? '')?.[1]
}

/** `Credential=AKID/20260101/us-east-1/<service>/aws4_request` → `us-east-1`. */
export function signingRegionOf(authorization: string | undefined): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\/[^/]+\/aws4_request/.exec(authorization ?? '')?.[1]
}

export function toWireJson(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000
  if (Array.isArray(value)) return value.map(toWireJson)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = toWireJson(member)
    }
    return out
  }
  return value
}

export function sendJson(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(toWireJson(body))
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...headers
  })
  res.end(text)
}

export const AWS_JSON_11 = 'application/x-amz-json-1.1'

export function sendAwsJsonError(res: ServerResponse, error: FakeAwsError): void {
  sendJson(
    res,
    error.status,
    AWS_JSON_11,
    { __type: error.code, message: error.message, ...error.fields },
    error.headers
  )
}

/**
 * A REST-JSON error. `style` picks the body: Inspector's `{message}`, Lambda's
 * `{Type: User|Service, Message}` or Security Hub's `{Code, Message}`.
 */
export function sendRestJsonError(
  res: ServerResponse,
  error: FakeAwsError,
  style: 'inspector' | 'lambda' | 'securityhub' = 'inspector'
): void {
  const base =
    style === 'lambda'
      ? { Type: error.status >= 500 ? 'Service' : 'User', Message: error.message }
      : style === 'securityhub'
        ? { Code: error.code, Message: error.message }
        : { message: error.message }
  sendJson(
    res,
    error.status,
    'application/json',
    { ...base, ...error.fields },
    {
      'x-amzn-errortype': error.code,
      ...error.headers
    }
  )
}

export function sendQueryXml(
  res: ServerResponse,
  action: string,
  result: Record<string, string>
): void {
  const members = Object.entries(result)
    .map(([key, value]) => `    <${key}>${escapeXml(value)}</${key}>`)
    .join('\n')
  const body = [
    `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">`,
    `  <${action}Result>`,
    members,
    `  </${action}Result>`,
    `  <ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>`,
    `</${action}Response>`
  ].join('\n')
  sendXml(res, 200, body)
}

/**
 * An AWS Query answer of any shape: structures as nested elements, lists as `<member>` items,
 * dates as ISO 8601, in the service's XML namespace, the way the SDK's query parser reads it.
 */
export function sendQueryAnswer(
  res: ServerResponse,
  action: string,
  xmlNamespace: string,
  result: Record<string, unknown>
): void {
  const body = [
    `<${action}Response xmlns="${xmlNamespace}">`,
    `<${action}Result>${queryXml(result)}</${action}Result>`,
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>`,
    `</${action}Response>`
  ].join('\n')
  sendXml(res, 200, body)
}

function queryXml(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value))
    return value.map((item) => `<member>${queryXml(item)}</member>`).join('')
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => `<${key}>${queryXml(member)}</${key}>`)
      .join('')
  }
  return escapeXml(String(value))
}

/** Dates as the Query protocol sends them (ISO 8601), for checking an answer against its model. */
export function toQueryWire(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(toQueryWire)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => [key, toQueryWire(member)])
    )
  }
  return value
}

export function sendQueryError(res: ServerResponse, error: FakeAwsError): void {
  const type = error.status >= 500 ? 'Receiver' : 'Sender'
  const body = [
    '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    `  <Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>`,
    `  <RequestId>${randomUUID()}</RequestId>`,
    '</ErrorResponse>'
  ].join('\n')
  sendXml(res, error.status, body, error.headers)
}

function sendXml(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
    ...headers
  })
  res.end(body)
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Parses a JSON request body; an empty body is `{}` (what the SDK sends for no input). */
export function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {}
  const parsed: unknown = JSON.parse(text)
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FakeAwsError('SerializationException', 400, 'Request body must be a JSON object')
  }
  return parsed as Record<string, unknown>
}

export function parseFormBody(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text))
}
