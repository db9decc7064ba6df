import { SDK_ADVICE, type AwsAdvice } from '../runtime/aws-advice.js'
import { adviceFor } from './advice.js'
import { CallDeadlineError } from './call-deadline.js'
import { isUnparseableAnswer, UnparseableAnswerError } from './unparseable.js'

/**
 * Turns an SDK error into one line a user can act on: what failed, which permission or setting, and
 * what to do. The raw AWS message is kept at the end for searchability.
 */
export class AwsCallError extends Error {
  override name = 'AwsCallError'
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean
  ) {
    super(message)
  }
}

/** The code of a call the step's deadline cut off (see call-deadline.ts). */
export const DEADLINE_EXCEEDED = 'DeadlineExceeded'

interface CallContext {
  /** `ecr:DescribeImages` — the IAM action the call needs. */
  action: string
  /** What we were doing, e.g. `reading app:v1 from ECR`. */
  doing: string
}

/** The error codes AWS services answer a permission refusal with. */
export const ACCESS_DENIED_CODES: ReadonlySet<string> = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'UnauthorizedException'
])
const BAD_CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch'
])
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired'])

export function explainAwsError(error: unknown, context: CallContext): AwsCallError {
  // Our own errors already say what went wrong; wrapping them again would bury the message.
  if (error instanceof AwsCallError) return error
  if (error instanceof CallDeadlineError) {
    return new AwsCallError(
      `the ${error.deadlineName} ran out while ${context.doing}: ${error.operation} had not finished (AWS slow, throttling, unreachable or paging without end); raise timeout or check the network to AWS`,
      DEADLINE_EXCEEDED,
      false
    )
  }
  const err = error as {
    name?: string
    message?: string
    $retryable?: unknown
    $metadata?: { httpStatusCode?: number }
  }
  const code = err?.name ?? 'Error'
  const raw = (err?.message ?? String(error)).split('\n')[0]
  const retryable = Boolean(err?.$retryable) || (err?.$metadata?.httpStatusCode ?? 0) >= 500
  const say = (message: string): AwsCallError => new AwsCallError(message, code, retryable)
  // The door's words (the action's or the CLI's), attached by the client that failed; a client
  // built without one says how the SDK itself looks.
  const advice: AwsAdvice = adviceFor(error) ?? SDK_ADVICE

  if (error instanceof UnparseableAnswerError || isUnparseableAnswer(error)) {
    return unparseable(error, context)
  }
  if (code === 'CredentialsProviderError' || /Could not load credentials/i.test(raw ?? '')) {
    return say(`no AWS credentials found: ${advice.credentials}`)
  }
  if (/region is missing/i.test(raw ?? '')) {
    return say(`no AWS region while ${context.doing}: ${advice.region}`)
  }
  if (ACCESS_DENIED_CODES.has(code)) {
    return say(
      `permission denied while ${context.doing}: the role needs ${context.action} (${policyFileFor(context.action)} in the inspector-gate repository grants it) — AWS said: ${raw}`
    )
  }
  if (BAD_CREDENTIALS.has(code)) {
    return say(
      `AWS rejected the credentials while ${context.doing} (${code}); check the role or keys — AWS said: ${raw}`
    )
  }
  if (EXPIRED.has(code)) {
    return say(
      `the AWS credentials expired while ${context.doing} (${code}): the role session ended before the run did; ${advice.expired}`
    )
  }
  if (code === 'ThrottlingException' || code === 'TooManyRequestsException') {
    return say(
      `AWS kept throttling ${context.action} while ${context.doing}, even after retries; try again later`
    )
  }
  return say(`${context.action} failed while ${context.doing}: ${code}: ${raw}`)
}

/**
 * An answer the SDK could not parse is not AWS's (a proxy's or a wrong endpoint's page): never
 * retryable, so no wait waits it out; the line names the operation and where to look.
 */
function unparseable(error: unknown, context: CallContext): AwsCallError {
  const bounded = error instanceof UnparseableAnswerError ? error : undefined
  const status =
    bounded?.httpStatus ??
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  const operation = bounded?.operation ?? context.action.split(':').pop() ?? context.action
  const tries = bounded !== undefined ? `, ${bounded.tries} times` : ''
  const http = status !== undefined ? `HTTP ${status}, ` : ''
  return new AwsCallError(
    `${operation} answered with a response that is not AWS's (${http}not JSON${tries}) while ${context.doing}: check AWS_ENDPOINT_URL and any proxy (HTTPS_PROXY) between the runner and AWS`,
    'UnparseableResponse',
    false
  )
}

/** Which of the action's IAM policies (infra/iam/) grants an action, for the permission message. */
function policyFileFor(action: string): string {
  if (/^(inspector2:Enable|securityhub:Enable)/.test(action))
    return 'infra/iam/ensure-enabled-policy.json'
  // The report's reads; setup reads the standards too.
  if (action === 'securityhub:GetFindings') return 'infra/iam/report-policy.json'
  if (/^securityhub:(GetEnabledStandards|DescribeStandards)$/.test(action))
    return 'infra/iam/report-policy.json (mode: report) or setup-policy.json (mode: setup)'
  if (action.startsWith('lambda:')) return 'infra/iam/gate-lambda-policy.json'
  if (action.startsWith('ecr:')) return 'infra/iam/gate-ecr-policy.json'
  if (action.startsWith('inspector-scan:')) return 'infra/iam/gate-sbom-policy.json'
  // The gate reads Inspector's scan events from the responder stack's log group.
  if (action === 'logs:FilterLogEvents') return 'infra/iam/gate-ecr-policy.json'
  // Setup deploys the responder stack; the gate reads its outputs to find that log group.
  if (action === 'cloudformation:DescribeStacks')
    return 'infra/iam/setup-policy.json (mode: setup) or gate-ecr-policy.json (mode: gate)'
  if (action.startsWith('cloudformation:')) return 'infra/iam/setup-policy.json'
  return 'infra/iam/gate-ecr-policy.json or gate-lambda-policy.json'
}

/** Runs one SDK call and rethrows its failure as an AwsCallError with context. */
export async function callAws<T>(context: CallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw explainAwsError(error, context)
  }
}

export function errorCode(error: unknown): string | undefined {
  if (error instanceof AwsCallError) return error.code
  return (error as { name?: string } | undefined)?.name
}

/** Whether the step's deadline cut the call off: the outcome then reads "timed out", not "error". */
export function isDeadlineExceeded(error: unknown): boolean {
  return error instanceof AwsCallError && error.code === DEADLINE_EXCEEDED
}
