// Types only: a client class is loaded by the step that uses it (see ClientClasses), so a gate never
// loads or parses the CloudFormation, S3 or SNS SDKs (issue 13, cold start).
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { Inspector2Client } from '@aws-sdk/client-inspector2'
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { S3Client } from '@aws-sdk/client-s3'
import type { SecurityHubClient } from '@aws-sdk/client-securityhub'
import type { SNSClient } from '@aws-sdk/client-sns'
import type { STSClient, STSClientConfig } from '@aws-sdk/client-sts'
import type { AwsAdvice } from '../runtime/aws-advice.js'
import { systemClock, type Clock } from '../runtime/clock.js'
import { adviseOnErrors, withAdvice } from './advice.js'
import { AwsTimeEstimate, observeAwsTime, type AwsTime } from './aws-time.js'
import { boundByDeadline, deadlineBound, type CallDeadline } from './call-deadline.js'
import type { createInspectorScanClient, InspectorScanClient } from './inspector-scan-client.js'
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
  /** Inspector Scan (ScanSbom), through the project's own adapter: its SDK client is not installable. */
  inspectorScan(region: string): InspectorScanClient
  /**
   * Loads the client class of a service the step did not bring (`classes`), for a path only some
   * runs take; its accessor works once this resolves. A no-op for a class already there.
   */
  load(service: Service): Promise<void>
  /** AWS's clock as its answers' `Date` headers show it, shared by every client (aws-time.ts). */
  awsTime: AwsTime
}

/**
 * The SDK client classes, by the accessor that builds them. Each step passes the classes it always
 * uses (importing a client package costs tens of milliseconds of start-up, so none is imported
 * here); any other one comes through `load`, as a chunk of its own in the bundle.
 */
export interface ClientClasses {
  ecr: typeof ECRClient
  inspector: typeof Inspector2Client
  lambda: typeof LambdaClient
  securityHub: typeof SecurityHubClient
  sts: typeof STSClient
  cloudformation: typeof CloudFormationClient
  logs: typeof CloudWatchLogsClient
  sns: typeof SNSClient
  s3: typeof S3Client
  /** Not a class: the adapter's factory (inspector-scan-client.ts), which stands in for the SDK's. */
  inspectorScan: typeof createInspectorScanClient
}

export type Service = keyof ClientClasses

/** One dynamic import per package: ncc makes each a chunk, read only when `load` asks for it. */
const LOADERS: { [S in Service]: () => Promise<ClientClasses[S]> } = {
  ecr: async () => (await import('@aws-sdk/client-ecr')).ECRClient,
  inspector: async () => (await import('@aws-sdk/client-inspector2')).Inspector2Client,
  lambda: async () => (await import('@aws-sdk/client-lambda')).LambdaClient,
  securityHub: async () => (await import('@aws-sdk/client-securityhub')).SecurityHubClient,
  sts: async () => (await import('@aws-sdk/client-sts')).STSClient,
  cloudformation: async () => (await import('@aws-sdk/client-cloudformation')).CloudFormationClient,
  logs: async () => (await import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient,
  sns: async () => (await import('@aws-sdk/client-sns')).SNSClient,
  s3: async () => (await import('@aws-sdk/client-s3')).S3Client,
  inspectorScan: async () => (await import('./inspector-scan-client.js')).createInspectorScanClient
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

export function createAwsClients(options: {
  /** The client classes this step uses on every run; others come through `load`. */
  classes: Partial<ClientClasses>
  maxAttempts?: number
  /** The cap on requests in flight; pass one to read its `peak` (benchmarks, tests). */
  slots?: RequestSlots
  /** When every call must be over (the gate's timeout); without one, calls are bounded per attempt only. */
  deadline?: CallDeadline
  /** Test-only: called once per client, so each gets its own retry strategy. */
  overrides?: () => ClientOverrides
  /** The local clock the scanners use, against which AWS's `Date` headers are measured. */
  clock?: Pick<Clock, 'now'>
  /** The door's words for missing credentials or Region (the Host's `awsAdvice`). */
  advice?: AwsAdvice
}): AwsClients {
  const classes: Partial<ClientClasses> = { ...options.classes }
  // A bug, not a user error: a step used a service it neither passed nor loaded. It throws where
  // the call would be made, so the gate turns it into an error verdict, never a pass.
  const classOf = <S extends Service>(service: S): ClientClasses[S] => {
    const found = classes[service]
    if (found === undefined) {
      throw new Error(
        `inspector-gate bug: the ${service} client was used before its class was loaded (await clients.load('${service}') first)`
      )
    }
    return found as ClientClasses[S]
  }
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
  const scanClients = new Map<string, InspectorScanClient>()
  const memo = <T extends AnyClient>(key: string, make: () => T): T => {
    const existing = cache.get(key)
    if (existing) return existing as T
    const made = make()
    const advised = options.advice === undefined ? made : adviseOnErrors(made, options.advice)
    const limited = boundUnparseableAnswers(
      limitInFlight(observeAwsTime(advised, awsTime, clock), slots)
    )
    const client = options.deadline ? boundByDeadline(limited, options.deadline) : limited
    cache.set(key, client)
    return client
  }
  const regional = <S extends Exclude<Service, 'sts' | 'inspectorScan'>>(
    service: S,
    region: string
  ) => {
    const Client = classOf(service) as new (config: object) => InstanceType<ClientClasses[S]>
    return memo(`${service}:${region}`, () => new Client({ ...config(), region }))
  }
  return {
    ecr: (region) => regional('ecr', region),
    inspector: (region) => regional('inspector', region),
    lambda: (region) => regional('lambda', region),
    securityHub: (region) => regional('securityHub', region),
    sts: () => {
      const Client = classOf('sts')
      return memo('sts', () => new Client(config()))
    },
    cloudformation: (region) => regional('cloudformation', region),
    logs: (region) => regional('logs', region),
    sns: (region) => regional('sns', region),
    s3: (region) => regional('s3', region),
    inspectorScan: (region) => {
      const existing = scanClients.get(region)
      if (existing !== undefined) return existing
      const client = inspectorScanClient(classOf('inspectorScan'), region, options, slots)
      scanClients.set(region, client)
      return client
    },
    load: async (service) => {
      if (classes[service] === undefined) {
        const loaded = await LOADERS[service]()
        ;(classes as Record<Service, unknown>)[service] = loaded
      }
    },
    awsTime
  }
}

/**
 * The Inspector Scan adapter held to the same rules as the SDK clients: one slot of the in-flight
 * cap per call (retries included), the step's deadline, the same attempts, and the tests' endpoint
 * and credentials when they give them (real runs: the adapter reads AWS_ENDPOINT_URL* and the
 * default credential chain, as the SDK does).
 */
function inspectorScanClient(
  create: typeof createInspectorScanClient,
  region: string,
  options: Parameters<typeof createAwsClients>[0],
  slots: RequestSlots
): InspectorScanClient {
  const overrides = options.overrides?.()
  const endpoint = typeof overrides?.endpoint === 'string' ? overrides.endpoint : undefined
  const credentials = overrides?.credentials as
    Parameters<typeof create>[0]['credentials'] | undefined
  const client = create({
    region,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    ...(endpoint !== undefined && { endpoint }),
    ...(credentials !== undefined && { credentials })
  })
  const bound = options.deadline === undefined ? undefined : deadlineBound(options.deadline)
  const { advice } = options
  const call = (input: Parameters<InspectorScanClient['scanSbom']>[0], signal?: AbortSignal) =>
    bound === undefined
      ? client.scanSbom(input, signal === undefined ? {} : { abortSignal: signal })
      : bound('ScanSbom', signal, (abortSignal) => client.scanSbom(input, { abortSignal }))
  return {
    region: client.region,
    endpoint: client.endpoint,
    scanSbom: (input, callOptions = {}) =>
      slots.run(() =>
        call(input, callOptions.abortSignal).catch((error: unknown) => {
          throw advice === undefined ? error : withAdvice(error, advice)
        })
      )
  }
}
