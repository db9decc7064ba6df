/**
 * The declarative description of one fake AWS account that `startFakeAws` serves.
 *
 * ## Time
 * Every time in a scenario is a number of **scenario seconds** since `startFakeAws` (or the last
 * `resetTimeline()`). Scenario time runs `timeScale` times faster than real time:
 *
 *     scenarioSeconds = realElapsedSeconds × timeScale
 *
 * so with `timeScale: 10` a coverage step at `atSeconds: 3` is reached after 0.3 real seconds.
 * Every timestamp the fake *reports* (imagePushedAt, lastScannedAt, firstObservedAt, …) is the
 * real wall-clock instant at which that scenario moment happens, i.e.
 * `startEpochMs + atSeconds × 1000 / timeScale`. That keeps the reported dates consistent with
 * `Date.now()` in the process under test (e.g. "lastScannedAt ≥ imagePushedAt" comparisons, or
 * "pushed 5 s before the gate started" when `pushedAtSeconds: -5`).
 * Negative seconds describe the past (an image pushed before the gate started).
 *
 * A server started with `pace` also caps how far each request moves the story (see
 * FakeAwsOptions.pace), for stories whose steps are closer together than a busy machine's pauses.
 *
 * Real delays that are not part of the story (`slowMs`, fault `delayMs`, chaos `slow`) are plain
 * milliseconds and are not scaled (unless the server's `delay` option says otherwise).
 */
import { createHash } from 'node:crypto'
import type {
  Ec2ScanMode,
  EcrPullDateRescanDuration,
  EcrPullDateRescanMode,
  EcrRescanDuration,
  ErrorCode as InspectorErrorCode,
  ExploitAvailable,
  FindingStatus,
  PackageManager,
  ScanStatusCode,
  ScanStatusReason,
  Severity,
  Status as InspectorStatus
} from '@aws-sdk/client-inspector2'
import type {
  LastUpdateStatus,
  LastUpdateStatusReasonCode,
  State as LambdaState,
  StateReasonCode
} from '@aws-sdk/client-lambda'
import type {
  FindingSeverity,
  ScanFrequency,
  ScanStatus as EcrScanStatus
} from '@aws-sdk/client-ecr'
import type { StatusReasonCode } from '@aws-sdk/client-securityhub'

import type { OrganizationSpec } from './organization.js'

export const DEFAULT_ACCOUNT = '123456789012'
export const DEFAULT_REGION = 'us-east-1'

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json'
} as const
export type ManifestMediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES]
export type IndexMediaType = typeof MEDIA_TYPES.ociIndex | typeof MEDIA_TYPES.dockerManifestList
export type SingleManifestMediaType =
  typeof MEDIA_TYPES.ociManifest | typeof MEDIA_TYPES.dockerManifest

export interface Scenario {
  /** Shown in logs and by the CLI. */
  name: string
  description?: string
  /** Default `123456789012`. Used by STS and in every ARN. */
  account?: string
  /** Default `us-east-1`. */
  region?: string
  /** Scenario seconds per real second; default 1. See the file header. */
  timeScale?: number
  /** ECR registry scanning type; default ENHANCED. */
  registryScanType?: 'BASIC' | 'ENHANCED'
  /**
   * Other accounts the registry's repository policies let read images (DescribeImages,
   * BatchGetImage). A caller of another account (organization.ts accessKeys) not listed here gets
   * ECR's AccessDeniedException for every repository call; default none.
   */
  ecrReaders?: string[]
  /**
   * Inspector per-resource-type activation (BatchGetAccountStatus). Defaults: every type
   * ENABLED, except `ecr`, which follows the registry: ENABLED for ENHANCED, DISABLED for BASIC
   * (enabling Inspector for ECR is what turns a registry ENHANCED).
   */
  inspectorStatus?: Partial<Record<InspectorResourceKind, InspectorStatus>>
  /** How Inspector's Enable plays out (ENABLING → ENABLED, scripted failedAccounts). */
  inspectorEnable?: InspectorEnableSpec
  /** Security Hub (CSPM) for the account; default: hub ON with the Inspector integration ON. */
  securityHub?: SecurityHubSpec
  /** Inspector's account configuration (GetConfiguration); default ECR re-scan DAYS_14. */
  inspectorConfiguration?: InspectorConfigurationSpec
  repositories: RepositorySpec[]
  /** Lambda functions (GetFunctionConfiguration) and what Inspector says about them. */
  functions?: LambdaFunctionSpec[]
  faults?: FaultSpec[]
  /** Random faults drawn from a seeded generator (see ChaosSpec); none by default. */
  chaos?: ChaosSpec
  /**
   * What a request signed for another region than `region` sees. `mirror` (default): this same
   * account, as if every region held it. `empty`: a region where nothing was ever set up — a BASIC
   * registry without repositories, Inspector DISABLED, no functions, Security Hub off.
   */
  otherRegions?: 'mirror' | 'empty'
  /** Real milliseconds added to every response (not scaled). */
  slowMs?: number
  /**
   * How far this account's AWS clock is ahead of the process under test (negative: behind), in
   * ms: every timestamp the fake reports and the `Date` header of every answer are shifted by it,
   * as with a runner whose clock is off. Scenario seconds (the story) are not. Default 0.
   */
  clockSkewMs?: number
  /**
   * Answers edited on their way out, for stories of odd answers (a finding without resources, an
   * image of another digest): each edit of the operation gets the answer the fake would give and
   * the request, and returns what is sent instead. Such answers are deliberately unlike AWS's; the
   * call is recorded as `edited`.
   */
  answerEdits?: AnswerEdit[]
  /**
   * Error messages repeat the request's `x-amz-security-token`, as a misbehaving proxy might
   * (issue 19 case 8): the gate must keep it out of everything it writes.
   */
  echoSecurityToken?: boolean
  /**
   * Why this scenario's answers deliberately go beyond AWS's model (the hostile scenario puts
   * workflow commands and 100 KB strings into fields whose enums and lengths AWS enforces). Its
   * answers are then not held to the model; its requests still are.
   */
  beyondModel?: string
  /** What a test needs to know to size its timeouts. Informational only. */
  timing?: ScenarioTiming
  /**
   * A log group that an EventBridge rule fills with Inspector's `Inspector2 Scan` events, served
   * by CloudWatch Logs FilterLogEvents (see scan-event-log.ts). Without it, no log group exists.
   */
  scanEvents?: {
    logGroupName: string
    /** FilterLogEvents answers AccessDeniedException (the role lacks logs:FilterLogEvents). */
    accessDenied?: boolean
    /** The first N pages of each search come back with no events but a nextToken. */
    emptyPages?: number
  }
  /**
   * CloudFormation stacks in the account, served by DescribeStacks (see cloudformation-api.ts),
   * such as the responder stack whose `ScanEventLogGroup` output names the scan-event log group.
   * Without any, every stack name answers "does not exist".
   */
  stacks?: FakeStack[]
  /**
   * An AWS Organization seen from Inspector's and Security Hub's delegated administrator (see
   * organization.ts): its members, who calls (by access key), per-Region member state.
   */
  organization?: OrganizationSpec
}

export interface FakeStack {
  name: string
  /** Default: the scenario's region. */
  region?: string
  /** Default CREATE_COMPLETE. */
  status?: string
  outputs?: Record<string, string>
}

export interface AnswerEdit {
  /** The operation whose answers are edited, e.g. `ListFindings`. */
  operation: string
  edit(answer: Record<string, unknown>, input: Record<string, unknown>): Record<string, unknown>
  /**
   * The edit hands out its own page tokens (cycling or endless pages): the fake answers every call
   * as a first page, whatever token it carries, and the edit sees the request's token in `input`.
   */
  ownsPageTokens?: boolean
}

export type InspectorResourceKind = 'ec2' | 'ecr' | 'lambda' | 'lambdaCode' | 'codeRepository'

export interface ScenarioTiming {
  /** Scenario second after which nothing changes any more. */
  settledAtSeconds: number
  /** Free-text story: what happens when. */
  story: string
}

export interface RepositorySpec {
  name: string
  /**
   * Default: CONTINUOUS_SCAN for ENHANCED registries, SCAN_ON_PUSH for BASIC ones. Reported by
   * BatchGetRepositoryScanningConfiguration and Inspector coverage metadata.
   */
  scanFrequency?: ScanFrequency
  images: ImageSpec[]
}

export type ImageSpec = SingleImageSpec | ImageIndexSpec

interface ImageCommon {
  digest: string
  tags?: string[]
  /** Scenario second of the push; default 0. The image is invisible before it. */
  pushedAtSeconds?: number
  sizeInBytes?: number
  /** Inspector coverage of this digest; absent from ListCoverage before the first step. */
  coverage?: CoverageStep[]
}

/** A single-platform image manifest: what Inspector and basic scanning actually scan. */
export interface SingleImageSpec extends ImageCommon, ScannableContent {
  kind: 'image'
  mediaType?: SingleManifestMediaType
  platform?: Platform
}

/** Everything a scanner can say about one single-platform manifest. */
export interface ScannableContent {
  /** Inspector findings, each visible from its own `visibleFromSeconds`. */
  findings?: TimedInspectorFinding[]
  /** Basic-scan timeline (e.g. scan on push). Before the first step: ScanNotFoundException. */
  basicScan?: BasicScanStep[]
  /** Basic-scan findings, returned while the basic status is COMPLETE. */
  basicFindings?: BasicFindingSpec[]
  /** How a StartImageScan on this image plays out; default COMPLETE after 2 scenario s. */
  manualScan?: ManualScanSpec
  /**
   * This digest's `Inspector2 Scan` event in the scenario's `scanEvents` log group. Default: one
   * event at the second coverage turns SUCCESSFUL (none if it never does); `'never'`: no event.
   */
  scanEvent?:
    | 'never'
    | {
        /** Scenario second from which the event is in the log group. Default: the second coverage turns SUCCESSFUL. */
        atSeconds?: number
        /** Override finding-severity-counts; default computed from ALL this digest's Inspector findings in the scenario (visible yet or not). */
        counts?: Partial<Record<'CRITICAL' | 'HIGH' | 'MEDIUM' | 'TOTAL', number>>
      }
}

/** An OCI image index or Docker manifest list; its children are untagged images in the repo. */
export interface ImageIndexSpec extends ImageCommon {
  kind: 'index'
  mediaType: IndexMediaType
  children: IndexChildSpec[]
}

export type IndexChildSpec = PlatformChildSpec | AttestationChildSpec

export interface PlatformChildSpec extends ScannableContent {
  kind: 'platform'
  digest: string
  platform: Platform
  mediaType?: SingleManifestMediaType
  sizeInBytes?: number
  coverage?: CoverageStep[]
}

/** A BuildKit attestation manifest (`unknown/unknown`) that describes `attests`. */
export interface AttestationChildSpec {
  kind: 'attestation'
  digest: string
  /** Digest of the platform child this attestation is about. */
  attests: string
  coverage?: CoverageStep[]
}

export interface Platform {
  os: string
  architecture: string
  variant?: string
}

export interface CoverageStep {
  atSeconds: number
  statusCode: ScanStatusCode
  reason: ScanStatusReason
  /** Scenario second of the last scan; defaults to `atSeconds` when reason is SUCCESSFUL. */
  lastScannedAtSeconds?: number
}

export interface TimedInspectorFinding extends InspectorFindingSpec {
  /** Scenario second from which ListFindings returns it (also its firstObservedAt). */
  visibleFromSeconds: number
}

/** Input of `inspectorFinding()` in fixtures.ts; kept here so scenarios stay declarative. */
export interface InspectorFindingSpec {
  vulnerabilityId: string
  severity: Severity
  packageName: string
  installedVersion: string
  fixedInVersion?: string
  packageManager: PackageManager
  inspectorScore: number
  /** EPSS probability 0–1. */
  epss: number
  exploitAvailable: ExploitAvailable
  title?: string
  description?: string
  status?: FindingStatus
  /** Source of the vulnerability record; default NVD for CVEs, GITHUB for GHSAs. */
  source?: string
  vendorSeverity?: string
  cvssVector?: string
  /** Distro release suffix, e.g. `1.el9`. */
  release?: string
  filePath?: string
  referenceUrls?: string[]
  /**
   * `packageVulnerabilityDetails.sourceUrl`; default derived from `source` and the id. `null`
   * leaves the field out (and, with `referenceUrls: []`, the remediation URL is the only link).
   */
  sourceUrl?: string | null
  /** `remediation.recommendation`; default Inspector's stock text and the source URL. */
  remediation?: { text?: string; url?: string }
  /** Partial fixes: several vulnerable packages, some without a fix → fixAvailable PARTIAL. */
  extraPackages?: { name: string; installedVersion: string; fixedInVersion?: string }[]
}

export interface BasicScanStep {
  atSeconds: number
  status: EcrScanStatus
  description?: string
}

export interface BasicFindingSpec {
  name: string
  severity: FindingSeverity
  packageName: string
  packageVersion: string
  description?: string
  cvss3Score?: number
  cvss3Vector?: string
}

export interface ManualScanSpec {
  /** Scenario seconds from StartImageScan to the final status; default 2. */
  durationSeconds?: number
  /** Final status; default COMPLETE. */
  outcome?: EcrScanStatus
  description?: string
}

/**
 * Injected failures: the first `count` calls of `operation` (optionally only for `service`)
 * fail with `status` before reaching the operation.
 * 429 → ThrottlingException (Inspector/ECR), Throttling (STS), TooManyRequestsException (Lambda)
 * or LimitExceededException (Security Hub), with a `Retry-After` header when `retryAfterSeconds`
 * is set (fractions allowed; the SDK parses them);
 * 500 → InternalServerException (Inspector) / ServerException (ECR) / InternalFailure (STS) /
 * ServiceException (Lambda) / InternalException (Security Hub);
 * 503 → ServiceUnavailableException.
 */
export interface FaultSpec {
  /** The operation's name, or `*` for every operation. */
  operation: string
  service?:
    | 'ecr'
    | 'inspector2'
    | 'inspector-scan'
    | 'sts'
    | 'lambda'
    | 'securityhub'
    | 'logs'
    | 'cloudformation'
  count: number
  /** 403 answers as the service's access-denied error: the caller's role lacks the permission. */
  status: 403 | 429 | 500 | 503
  /**
   * `expired-credentials`: answer what the service says to an expired session token instead
   * (`status` is then ignored): ExpiredTokenException, "The security token included in the
   * request is expired" — HTTP 400 from ECR, 403 from Inspector, Lambda and Security Hub; STS
   * answers 403 ExpiredToken.
   */
  error?: 'expired-credentials'
  /**
   * `true`: the call is never answered (`status` is then ignored). The connection stays open until
   * the client gives up on it, as with a stalled proxy or a black-holed route.
   */
  stall?: boolean
  /** Scenario second from which the fault is armed; earlier calls are not counted. Default 0. */
  fromSeconds?: number
  retryAfterSeconds?: number
  /** Real milliseconds to wait before answering with the fault. */
  delayMs?: number
}

/**
 * Random faults, deterministic for a seed: whether the n-th call of an operation is hit, and how,
 * is a function of (`seed`, service, operation, n) alone, so the same seed gives the same faults
 * to the same sequence of calls of each operation, whatever the interleaving between operations.
 * Counted `faults` take precedence over chaos.
 */
export interface ChaosSpec {
  seed: number
  /** Chance (0–1) that one call is hit, by one of the kinds that apply to it. */
  probability: number
  kinds: readonly ChaosKind[]
  /** Only calls of these operations are hit; default every operation. */
  operations?: readonly string[]
  /** Upper bound of a throttle's `Retry-After`, in seconds (fractions allowed); default 0.05. */
  maxRetryAfterSeconds?: number
  /** Upper bound of a `slow` delay, in milliseconds of the server's `delay`; default 200. */
  maxSlowMs?: number
}

/**
 * - `throttle`: 429 in the service's throttling shape (as FaultSpec), with a small `Retry-After`.
 * - `server-error`: 500 or 503 in the service's shape.
 * - `drop`: the connection is destroyed without a response (the SDK sees ECONNRESET).
 * - `slow`: the answer is delayed by up to `maxSlowMs`, then given as usual.
 * - `expired-token` (only calls that carry a pagination token): the service's answer to a stale
 *   token — Inspector 400 ValidationException, ECR 400 InvalidParameterException, Security Hub 400
 *   InvalidInputException.
 * - `coverage-flap` (ListCoverage only): the answer is stale or moving for this one call — the
 *   resource rows are missing, or SUCCESSFUL rows read SCAN_IN_PROGRESS, or read SUCCESSFUL with
 *   `lastScannedAt` now (a rescan just finished).
 * - `page-overlap` (only calls that carry a pagination token): the page starts one to three items
 *   early, repeating items of the previous page, as when an item is inserted ahead of the cursor
 *   while a client pages.
 */
export type ChaosKind =
  'throttle' | 'server-error' | 'drop' | 'slow' | 'expired-token' | 'coverage-flap' | 'page-overlap'

/**
 * Inspector's Enable for this account. Without it, a valid Enable turns the requested types
 * ENABLED at once. A successful Enable first puts a DISABLED type into ENABLING; it becomes
 * ENABLED once *both* conditions given here are met (an omitted one counts as met).
 */
export interface InspectorEnableSpec {
  /**
   * BatchGetAccountStatus calls after the Enable that still report ENABLING (each poll uses one);
   * the next poll reports ENABLED. ListCoverage/ListFindings do not use up polls.
   */
  enablingPolls?: number
  /** Scenario seconds from the Enable until ENABLED. */
  enablingSeconds?: number
  /**
   * Scripted answers for the first valid Enable calls, in order: call i (0-based) returns this
   * account under `failedAccounts` with `failures[i]` and changes nothing. Later calls succeed.
   * Calls rejected with ValidationException do not count.
   */
  failures?: EnableFailureSpec[]
}

export interface EnableFailureSpec {
  errorCode: InspectorErrorCode
  errorMessage?: string
}

/**
 * Security Hub CSPM. `inspectorImport` is the `aws/inspector` product subscription
 * (ListEnabledProductsForImport); it can only be on while the hub is on.
 */
export interface SecurityHubSpec {
  /** Default true. */
  enabled?: boolean
  /** Default true (when `enabled`). */
  inspectorImport?: boolean
  /** Other product subscriptions, as `<company>/<product>`; default the usual AWS integrations. */
  otherProducts?: string[]
  /**
   * Whether EnableSecurityHub also subscribes the AWS integrations (including Inspector), as AWS
   * does; default true. Set false to make a gate call EnableImportFindingsForProduct itself.
   */
  enableSubscribesIntegrations?: boolean
  /** Scenario second the hub was enabled (DescribeHub SubscribedAt); default 30 days ago. */
  subscribedAtSeconds?: number
  /**
   * Standards subscribed at start (only while the hub is on); default none. Each is READY unless
   * it says otherwise.
   */
  standards?: EnabledStandardSpec[]
  /** How BatchEnableStandards (and EnableSecurityHub's default standards) play out. */
  standardsEnable?: StandardsEnableSpec
  /**
   * BatchEnableStandards throttling. AWS allows 1 request/second with a burst of 1; a call within
   * `intervalMs` (default 1000, real ms of the fake's clock) of the last accepted one answers 429
   * LimitExceededException. `retryAfterHeader` (default false: AWS is not known to send one) adds
   * `Retry-After` with the seconds left. `false` turns the limit off.
   */
  batchEnableStandardsThrottle?: false | { intervalMs?: number; retryAfterHeader?: boolean }
  /** Custom insights present at start (only while the hub is on), in creation order. */
  insights?: InsightSpec[]
  /**
   * Page size of DescribeStandards, GetEnabledStandards and GetInsights when the caller sends no
   * MaxResults; default 100. Set it small to make a client that ignores NextToken miss items.
   */
  defaultPageSize?: number
  /**
   * The classic ASFF findings GetFindings serves (only while the hub is on), generated lazily from
   * an index by fixtures-asff.ts; default none. `expectedReport()` computes the truth for it.
   */
  findings?: AsffFixtureSpec
  /**
   * GetFindings throttling: a token bucket per account and Region on the fake's clock (real ms),
   * AWS's 3 requests/second with a burst of 6 by default. Over the limit: 429
   * LimitExceededException, recorded in `calls` and counted by `FakeAws.throttled()`.
   * `retryAfterHeader` (default false) adds `Retry-After` with the seconds until the next token.
   * `false` turns the limit off.
   */
  getFindingsThrottle?:
    false | { ratePerSecond?: number; burst?: number; retryAfterHeader?: boolean }
}

/**
 * A deterministic mixed account for GetFindings (see fixtures-asff.ts): finding `i` is a pure
 * function of (`seed`, `i`), so any size costs no memory until it is served.
 */
export interface AsffFixtureSpec {
  /** Number of findings. */
  count: number
  /** Default 1. Same spec → same findings (Ids, dates relative to the start, everything). */
  seed?: number
  /**
   * Accounts the findings belong to (an administrator account aggregating its members); the first
   * gets the most. Default `123456789012`, `210987654321`, `345678901234`.
   */
  accounts?: string[]
  /** Regions (cross-Region aggregation); the first gets the most. Default us-east-1, eu-west-1. */
  regions?: string[]
  /**
   * Relative share of each product (normalised); default Inspector 60, Security Hub controls 33,
   * GuardDuty 7. Control findings need at least one of `standards`.
   */
  mix?: { inspector?: number; securityHub?: number; guardDuty?: number }
  /**
   * Standards the control findings belong to (`Compliance.AssociatedStandards`); default FSBP
   * v1.0.0 and CIS v5.0.0. `[]` means no control findings at all.
   */
  standards?: StandardId[]
  /**
   * CreatedAt lies in [minAgeDays, maxAgeDays) whole days before the scenario start and no date is
   * more recent than `minAgeDays`; default [0, 60).
   */
  minAgeDays?: number
  maxAgeDays?: number
  /** Share of ARCHIVED findings for every product; default 12 % Inspector, 8 % controls, 15 % GuardDuty. */
  archivedShare?: number
  /**
   * The control findings' ProductName: `Security Hub` (default) or `Security Hub CSPM`, the name
   * AWS gave the posture product when it renamed it.
   */
  securityHubProductName?: 'Security Hub' | 'Security Hub CSPM'
  /**
   * Resources per kind (ECR image, EC2 instance, S3 bucket, …), account and Region that findings
   * are spread over; default `max(4, ceil(count / 250))`, sized for the default 3 accounts × 2
   * Regions. A fixture over many accounts and Regions sets it from the findings per account-Region.
   */
  poolSize?: number
}

/**
 * A standard named by the resource part of its ARN after `standards/` or `ruleset/`, e.g.
 * `aws-foundational-security-best-practices/v/1.0.0` (see `STANDARD_IDS` in standards.ts).
 */
export type StandardId = string

export interface EnabledStandardSpec {
  standard: StandardId
  /** Default READY. */
  status?: 'PENDING' | 'READY' | 'FAILED' | 'INCOMPLETE' | 'DELETING'
  /** StandardsStatusReason.StatusReasonCode (for FAILED / INCOMPLETE). */
  reason?: StatusReasonCode
  /** StandardsInput; default `{}`. */
  input?: Record<string, string>
}

/**
 * A new standards subscription answers PENDING and settles once *both* conditions are met (an
 * omitted one counts as met): `pendingPolls` GetEnabledStandards responses that listed it as
 * PENDING, and `pendingSeconds` scenario seconds since the enable. It settles READY unless
 * `outcomes` says otherwise for its standard.
 */
export interface StandardsEnableSpec {
  pendingPolls?: number
  pendingSeconds?: number
  outcomes?: StandardOutcomeSpec[]
}

export interface StandardOutcomeSpec {
  standard: StandardId
  status: 'FAILED' | 'INCOMPLETE'
  reason: StatusReasonCode
}

export interface InsightSpec {
  name: string
  /** AwsSecurityFindingFilters, kept and returned as given. */
  filters: Record<string, unknown>
  groupByAttribute: string
}

/** Inspector GetConfiguration / UpdateConfiguration. */
export interface InspectorConfigurationSpec {
  /** Default DAYS_14 (the default for accounts created after 2025-05-16). */
  rescanDuration?: EcrRescanDuration
  pullDateRescanDuration?: EcrPullDateRescanDuration
  pullDateRescanMode?: EcrPullDateRescanMode
  /** Scenario second of the last change (reported as updatedAt); default 30 days ago. */
  updatedAtSeconds?: number
  /** Scenario seconds an UpdateConfiguration stays `status: PENDING`; default 0 (SUCCESS). */
  updatePendingSeconds?: number
  /** Default EC2_SSM_AGENT_BASED. */
  ec2ScanMode?: Ec2ScanMode
}

/** A Lambda function: the deployments of `$LATEST` over time plus Inspector's view of it. */
export interface LambdaFunctionSpec {
  name: string
  /** Lambda's runtime identifier, e.g. `python3.11`, `nodejs22.x`. */
  runtime: string
  handler?: string
  /** Default `['x86_64']`. */
  architectures?: ('x86_64' | 'arm64')[]
  /** Default `Zip`. */
  packageType?: 'Zip' | 'Image'
  /** Layer version ARNs. */
  layers?: string[]
  tags?: Record<string, string>
  /** A customer-managed key: reported as KMSKeyArn (Inspector cannot scan such functions). */
  kmsKeyArn?: string
  /** Execution role; default `arn:aws:iam::<account>:role/<name>-role`. */
  role?: string
  memorySize?: number
  timeout?: number
  /**
   * What `$LATEST` runs over time: the last deployment whose `lastModifiedSeconds` has been
   * reached. Before the first one the function does not exist (ResourceNotFoundException).
   */
  deployments: LambdaDeploymentSpec[]
  /**
   * Inspector coverage rows, one per scan type. PACKAGE rows appear while Inspector `lambda` is
   * ENABLED, CODE rows while `lambdaCode` is ENABLED too (default: the PACKAGE timeline).
   */
  coverage?: { package?: CoverageStep[]; code?: CoverageStep[] }
}

export interface LambdaDeploymentSpec {
  /** Base64 SHA-256 of the deployment package, as Lambda reports it (see `codeSha256For`). */
  codeSha256: string
  /** Scenario second of the create/update call; reported as LastModified. */
  lastModifiedSeconds: number
  codeSize?: number
  /** LastUpdateStatus over time; default Successful from `lastModifiedSeconds`. */
  updateStatus?: LambdaUpdateStep[]
  /** State over time; default Active. */
  state?: LambdaStateStep[]
  /** Inspector findings on this deployment (each carries its codeSha256). */
  findings?: TimedLambdaFinding[]
  /** The version number published with this deployment (`--publish`); none by default. */
  publishedVersion?: string
}

export interface LambdaUpdateStep {
  atSeconds: number
  status: LastUpdateStatus
  reason?: string
  reasonCode?: LastUpdateStatusReasonCode
}

export interface LambdaStateStep {
  atSeconds: number
  state: LambdaState
  reason?: string
  reasonCode?: StateReasonCode
}

/** Input of `lambdaCodeFinding()` in fixtures.ts: an Amazon CodeGuru detector hit. */
export interface CodeFindingSpec {
  severity: Severity
  /** e.g. `python/sql-injection@v1.0`. */
  detectorId: string
  /** e.g. `SQL injection`. */
  detectorName: string
  detectorTags?: string[]
  /** e.g. `['CWE-89']`. */
  cwes: string[]
  ruleId: string
  /** Path inside the deployment package, e.g. `src/handlers/orders.py`. */
  filePath: string
  startLine: number
  endLine: number
  title?: string
  description?: string
  recommendation?: string
  referenceUrls?: string[]
  status?: FindingStatus
  sourceLambdaLayerArn?: string
}

interface LambdaFindingTiming {
  /** Scenario second from which ListFindings returns it (also its firstObservedAt). */
  visibleFromSeconds: number
  /** From this scenario second on the finding is CLOSED (e.g. after the code was replaced). */
  closedAtSeconds?: number
}

export type TimedLambdaFinding =
  | ({ type: 'PACKAGE_VULNERABILITY' } & InspectorFindingSpec & LambdaFindingTiming)
  | ({ type: 'CODE_VULNERABILITY' } & CodeFindingSpec & LambdaFindingTiming)

/** A deterministic Lambda `CodeSha256` (base64 of a SHA-256) for a label. */
export function codeSha256For(label: string): string {
  return createHash('sha256').update(label).digest('base64')
}

/** A deterministic, valid-looking `sha256:<64 hex>` digest for a label. */
export function digestFor(label: string): string {
  return `sha256:${createHash('sha256').update(label).digest('hex')}`
}
