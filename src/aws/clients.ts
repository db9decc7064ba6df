import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { ECRClient } from '@aws-sdk/client-ecr'
import { Inspector2Client } from '@aws-sdk/client-inspector2'
import { LambdaClient } from '@aws-sdk/client-lambda'
import { S3Client } from '@aws-sdk/client-s3'
import { SecurityHubClient } from '@aws-sdk/client-securityhub'
import { SNSClient } from '@aws-sdk/client-sns'
import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts'
import { systemClock, type Clock } from '../runtime/clock.js'
import { AwsTimeEstimate, observeAwsTime, type AwsTime } from './aws-time.js'
import { boundByDeadline, type CallDeadline } from './call-deadline.js'
import { limitInFlight, RequestSlots } from './in-flight.js'
import { boundUnparseableAnswers } from './unparseable.js'

export const USER_AGENT = 'inspector-gate'

/** Attempts per call (the first try and five retries), in the SDK's adaptive retry mode. */
export const MAX_ATTEMPTS = 6

/** AWS requests in flight at once, across all clients (see in-flight.ts). */
export const DEFAULT_MAX_IN_FLIGHT = 8

/**
 * One SDK client per service and region for the whole run: the adaptive retry limiter keeps its
 * state per client, so sharing clients is what makes it learn the account's real throttle rate.
 * Endpoints (`AWS_ENDPOINT_URL*`), credentials and the default region come from the SDK's own chain.
 */
export interface AwsClients {
  ecr(region: string): ECRClient
  inspector(region: string): Inspector2Client
  lambda(region: string): LambdaClient
  securityHub(region: string): SecurityHubClient
  sts(): STSClient
  cloudformation(region: string): CloudFormationClient
  /** CloudWatch Logs, where the responder stack's rule keeps Inspector's scan events. */
  logs(region: string): CloudWatchLogsClient
  sns(region: string): SNSClient
  s3(region: string): S3Client
  /** AWS's clock as its answers' `Date` headers show it, shared by every client (aws-time.ts). */
  awsTime: AwsTime
}

/**
 * Test-only settings merged into every client: a local endpoint, its credentials and default
 * region, or a retry strategy (for instance the adaptive one with compressed delays). Real runs
 * never set them; everything then comes from the SDK's own chain.
 */
export type ClientOverrides = Pick<
  STSClientConfig,
  'endpoint' | 'region' | 'credentials' | 'retryStrategy'
>

type AnyClient =
  | CloudFormationClient
  | CloudWatchLogsClient
  | ECRClient
  | Inspector2Client
  | LambdaClient
  | S3Client
  | SecurityHubClient
  | SNSClient
  | STSClient

export function createAwsClients(
  options: {
    maxAttempts?: number
    /** The cap on requests in flight; pass one to read its `peak` (benchmarks, tests). */
    slots?: RequestSlots
    /** When every call must be over (the gate's timeout); without one, calls are bounded per attempt only. */
    deadline?: CallDeadline
    /** Test-only: called once per client, so each gets its own retry strategy. */
    overrides?: () => ClientOverrides
    /** The local clock the scanners use, against which AWS's `Date` headers are measured. */
    clock?: Pick<Clock, 'now'>
  } = {}
): AwsClients {
  const slots = options.slots ?? new RequestSlots(DEFAULT_MAX_IN_FLIGHT)
  const clock = options.clock ?? systemClock
  const awsTime = new AwsTimeEstimate(clock)
  const common = {
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    customUserAgent: USER_AGENT,
    // The SDK sets no request timeout by default, and by default only warns when one passes: a
    // stalled connection would hang the job until GitHub kills it, long after the gate's own
    // timeout. Every call here is small and quick; one that stalls fails and is retried.
    requestHandler: {
      requestTimeout: 30_000,
      connectionTimeout: 5_000,
      throwOnRequestTimeout: true
    }
  } as const
  const config = () => ({ ...common, ...options.overrides?.() })
  const cache = new Map<string, AnyClient>()
  const memo = <T extends AnyClient>(key: string, make: () => T): T => {
    const existing = cache.get(key)
    if (existing) return existing as T
    const limited = boundUnparseableAnswers(
      limitInFlight(observeAwsTime(make(), awsTime, clock), slots)
    )
    const client = options.deadline ? boundByDeadline(limited, options.deadline) : limited
    cache.set(key, client)
    return client
  }
  return {
    ecr: (region) => memo(`ecr:${region}`, () => new ECRClient({ ...config(), region })),
    inspector: (region) =>
      memo(`inspector2:${region}`, () => new Inspector2Client({ ...config(), region })),
    lambda: (region) => memo(`lambda:${region}`, () => new LambdaClient({ ...config(), region })),
    securityHub: (region) =>
      memo(`securityhub:${region}`, () => new SecurityHubClient({ ...config(), region })),
    sts: () => memo('sts', () => new STSClient(config())),
    cloudformation: (region) =>
      memo(`cloudformation:${region}`, () => new CloudFormationClient({ ...config(), region })),
    logs: (region) =>
      memo(`logs:${region}`, () => new CloudWatchLogsClient({ ...config(), region })),
    sns: (region) => memo(`sns:${region}`, () => new SNSClient({ ...config(), region })),
    s3: (region) => memo(`s3:${region}`, () => new S3Client({ ...config(), region })),
    awsTime
  }
}
