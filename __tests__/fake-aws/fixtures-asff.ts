/**
 * Realistic classic-ASFF findings (Security Hub CSPM GetFindings) for a mixed account, generated
 * lazily and deterministically: finding `i` of a fixture is a pure function of (`seed`, `i`), so a
 * 100k-finding scenario holds nothing until a page of it is served.
 *
 * Three products, as Security Hub shows them:
 * - Inspector package vulnerabilities on ECR images, EC2 instances and Lambda functions
 *   (`ProductName: Inspector`, `CompanyName: Amazon`, `GeneratorId: AWSInspector`, real CVEs from
 *   fixtures.ts in `Vulnerabilities[]`);
 * - Security Hub control findings (consolidated, `GeneratorId: security-control/<id>`) of FSBP
 *   v1.0.0 and CIS v5.0.0 with real control titles. Which standard each control belongs to follows
 *   AWS's mapping as far as known here; the titles and severities are AWS's;
 * - GuardDuty threat findings (`TTPs/...` types, GuardDuty's 2/5/8 product severities).
 *
 * ## Time
 * Every date is `start + offset`, where `start` is the scenario's second 0 (`clock.dateAt(0)`) and
 * the offset is **real, unscaled** milliseconds (history before the start does not run faster
 * with `timeScale`, so "the last 7 days" from `Date.now()` means the same to a report and to
 * `expectedReport`). Every date lies at least one hour away from any whole-day boundary before the
 * start (`start − k × 24 h`), so a period of N whole days ending at the start, or ending a few
 * minutes later at "now" (`DateRange {Value: N, Unit: DAYS}`), selects the same findings.
 * For every finding FirstObservedAt ≤ CreatedAt ≤ UpdatedAt and FirstObservedAt ≤ LastObservedAt ≤ UpdatedAt.
 */
import type {
  AwsSecurityFinding,
  ComplianceStatus,
  Resource,
  ResourceDetails,
  SeverityLabel,
  Vulnerability,
  WorkflowStatus
} from '@aws-sdk/client-securityhub'
import { KNOWN_LAMBDA_VULNERABILITIES, KNOWN_VULNERABILITIES } from './fixtures.js'
import type { AsffFixtureSpec, InspectorFindingSpec, StandardId } from './scenario.js'
import { STANDARD_IDS } from './standards.js'
import { mulberry32 } from './random.js'

export const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

export const ASFF_DEFAULT_ACCOUNTS: readonly string[] = [
  '123456789012',
  '210987654321',
  '345678901234'
]
export const ASFF_DEFAULT_REGIONS: readonly string[] = ['us-east-1', 'eu-west-1']
export const ASFF_DEFAULT_STANDARDS: readonly StandardId[] = [
  STANDARD_IDS.fsbp,
  STANDARD_IDS.cis500
]

/** `Compliance.AssociatedStandards[].StandardsId` of a standard: `standards/<id>`. */
export function standardsIdOf(standard: StandardId): string {
  return `standards/${standard}`
}

export const ASFF_PRODUCTS = {
  inspector: 'Inspector',
  securityHub: 'Security Hub',
  securityHubCspm: 'Security Hub CSPM',
  guardDuty: 'GuardDuty'
} as const
export type AsffProductName = (typeof ASFF_PRODUCTS)[keyof typeof ASFF_PRODUCTS]

export const SEVERITY_LABELS: readonly SeverityLabel[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL'
]

const NORMALIZED: Record<SeverityLabel, number> = {
  CRITICAL: 90,
  HIGH: 70,
  MEDIUM: 40,
  LOW: 1,
  INFORMATIONAL: 0
}

// ---------------------------------------------------------------------------------------------
// Catalogues
// ---------------------------------------------------------------------------------------------

/**
 * How a control's findings come out: `pass` all PASSED; `fail` FAILED with probability
 * `failRate`, else PASSED; `warn` 15 % WARNING, else PASSED; `unavailable` 20 % NOT_AVAILABLE,
 * else PASSED.
 */
type Posture = 'pass' | 'fail' | 'warn' | 'unavailable'

export interface ControlDef {
  id: string
  title: string
  severity: SeverityLabel
  resourceType: string
  /** Keys of STANDARD_IDS: fsbp and/or cis500. */
  standards: readonly StandardId[]
  posture: Posture
  failRate?: number
}

const FSBP = STANDARD_IDS.fsbp
const CIS5 = STANDARD_IDS.cis500

/** Security Hub controls (consolidated control findings), with AWS's titles and severities. */
export const CONTROLS: readonly ControlDef[] = [
  {
    id: 'S3.1',
    title: 'S3 general purpose buckets should have block public access settings enabled',
    severity: 'MEDIUM',
    resourceType: 'AwsAccount',
    standards: [FSBP, CIS5],
    posture: 'pass'
  },
  {
    id: 'S3.5',
    title: 'S3 general purpose buckets should require requests to use SSL',
    severity: 'MEDIUM',
    resourceType: 'AwsS3Bucket',
    standards: [FSBP, CIS5],
    posture: 'fail',
    failRate: 0.4
  },
  {
    id: 'S3.8',
    title: 'S3 general purpose buckets should block public access',
    severity: 'HIGH',
    resourceType: 'AwsS3Bucket',
    standards: [FSBP, CIS5],
    posture: 'fail',
    failRate: 0.1
  },
  {
    id: 'EC2.2',
    title: 'VPC default security groups should not allow inbound or outbound traffic',
    severity: 'HIGH',
    resourceType: 'AwsEc2SecurityGroup',
    standards: [FSBP, CIS5],
    posture: 'fail',
    failRate: 0.5
  },
  {
    id: 'EC2.8',
    title: 'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)',
    severity: 'HIGH',
    resourceType: 'AwsEc2Instance',
    standards: [FSBP, CIS5],
    posture: 'fail',
    failRate: 0.3
  },
  {
    id: 'EC2.19',
    title: 'Security groups should not allow unrestricted access to ports with high risk',
    severity: 'CRITICAL',
    resourceType: 'AwsEc2SecurityGroup',
    standards: [FSBP],
    posture: 'pass'
  },
  {
    id: 'EC2.53',
    title:
      'EC2 security groups should not allow ingress from 0.0.0.0/0 to remote server administration ports',
    severity: 'HIGH',
    resourceType: 'AwsEc2SecurityGroup',
    standards: [CIS5],
    posture: 'fail',
    failRate: 0.2
  },
  {
    id: 'IAM.1',
    title: 'IAM policies should not allow full "*" administrative privileges',
    severity: 'HIGH',
    resourceType: 'AwsIamPolicy',
    standards: [FSBP],
    posture: 'pass'
  },
  {
    id: 'IAM.3',
    title: "IAM users' access keys should be rotated every 90 days or less",
    severity: 'MEDIUM',
    resourceType: 'AwsIamUser',
    standards: [FSBP, CIS5],
    posture: 'fail',
    failRate: 0.6
  },
  {
    id: 'IAM.6',
    title: 'Hardware MFA should be enabled for the root user',
    severity: 'CRITICAL',
    resourceType: 'AwsAccount',
    standards: [FSBP, CIS5],
    posture: 'fail',
    failRate: 0.7
  },
  {
    id: 'IAM.9',
    title: 'MFA should be enabled for the root user',
    severity: 'CRITICAL',
    resourceType: 'AwsAccount',
    standards: [CIS5],
    posture: 'pass'
  },
  {
    id: 'CloudTrail.1',
    title:
      'CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events',
    severity: 'HIGH',
    resourceType: 'AwsAccount',
    standards: [FSBP, CIS5],
    posture: 'pass'
  },
  {
    id: 'CloudTrail.2',
    title: 'CloudTrail should have encryption at-rest enabled',
    severity: 'MEDIUM',
    resourceType: 'AwsCloudTrailTrail',
    standards: [FSBP, CIS5],
    posture: 'fail',
    failRate: 0.5
  },
  {
    id: 'Config.1',
    title: 'AWS Config should be enabled and use the service-linked role for resource recording',
    severity: 'MEDIUM',
    resourceType: 'AwsAccount',
    standards: [FSBP, CIS5],
    posture: 'pass'
  },
  {
    id: 'KMS.4',
    title: 'AWS KMS key rotation should be enabled',
    severity: 'MEDIUM',
    resourceType: 'AwsKmsKey',
    standards: [CIS5],
    posture: 'fail',
    failRate: 0.25
  },
  {
    id: 'Lambda.1',
    title: 'Lambda function policies should prohibit public access',
    severity: 'CRITICAL',
    resourceType: 'AwsLambdaFunction',
    standards: [FSBP],
    posture: 'pass'
  },
  {
    id: 'Lambda.2',
    title: 'Lambda functions should use supported runtimes',
    severity: 'MEDIUM',
    resourceType: 'AwsLambdaFunction',
    standards: [FSBP],
    posture: 'fail',
    failRate: 0.15
  },
  {
    id: 'RDS.3',
    title: 'RDS DB instances should have encryption at-rest enabled',
    severity: 'MEDIUM',
    resourceType: 'AwsRdsDbInstance',
    standards: [FSBP, CIS5],
    posture: 'unavailable'
  },
  {
    id: 'ECR.1',
    title: 'ECR private repositories should have image scanning configured',
    severity: 'HIGH',
    resourceType: 'AwsEcrRepository',
    standards: [FSBP],
    posture: 'pass'
  },
  {
    id: 'GuardDuty.1',
    title: 'GuardDuty should be enabled',
    severity: 'HIGH',
    resourceType: 'AwsAccount',
    standards: [FSBP],
    posture: 'pass'
  },
  {
    id: 'SSM.1',
    title: 'Amazon EC2 instances should be managed by AWS Systems Manager',
    severity: 'MEDIUM',
    resourceType: 'AwsEc2Instance',
    standards: [FSBP],
    posture: 'warn'
  }
]

export interface ThreatDef {
  /** GuardDuty's finding type. */
  findingType: string
  /** ASFF `Types[0]`. */
  asffType: string
  severity: 'LOW' | 'MEDIUM' | 'HIGH'
  /** GuardDuty's own severity (Severity.Product); Normalized is ten times it. */
  product: number
  resourceType: 'AwsEc2Instance' | 'AwsIamAccessKey' | 'AwsS3Bucket'
  /** Relative frequency. */
  weight: number
  title: (resource: string) => string
}

const THREATS: readonly ThreatDef[] = [
  {
    findingType: 'Recon:EC2/PortProbeUnprotectedPort',
    asffType: 'TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort',
    severity: 'LOW',
    product: 2,
    resourceType: 'AwsEc2Instance',
    weight: 5,
    title: (r) => `Unprotected port on EC2 instance ${r} is being probed.`
  },
  {
    findingType: 'UnauthorizedAccess:EC2/SSHBruteForce',
    asffType: 'TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce',
    severity: 'LOW',
    product: 2,
    resourceType: 'AwsEc2Instance',
    weight: 3,
    title: (r) => `198.51.100.23 is performing SSH brute force attacks against ${r}.`
  },
  {
    findingType: 'Policy:S3/BucketBlockPublicAccessDisabled',
    asffType: 'Software and Configuration Checks/Policy:S3-BucketBlockPublicAccessDisabled',
    severity: 'LOW',
    product: 2,
    resourceType: 'AwsS3Bucket',
    weight: 2,
    title: (r) => `Amazon S3 Block Public Access was disabled for S3 bucket ${r}.`
  },
  {
    findingType: 'Recon:IAMUser/MaliciousIPCaller',
    asffType: 'TTPs/Discovery/Recon:IAMUser-MaliciousIPCaller',
    severity: 'MEDIUM',
    product: 5,
    resourceType: 'AwsIamAccessKey',
    weight: 2,
    title: () => 'API DescribeInstances was invoked from a known malicious IP address.'
  },
  {
    findingType: 'Backdoor:EC2/C&CActivity.B!DNS',
    asffType: 'TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS',
    severity: 'HIGH',
    product: 8,
    resourceType: 'AwsEc2Instance',
    weight: 1,
    title: (r) => `Command and Control server domain name queried by EC2 instance ${r}.`
  },
  {
    findingType: 'CryptoCurrency:EC2/BitcoinTool.B!DNS',
    asffType: 'TTPs/Impact/CryptoCurrency:EC2-BitcoinTool.B!DNS',
    severity: 'HIGH',
    product: 8,
    resourceType: 'AwsEc2Instance',
    weight: 1,
    title: (r) =>
      `EC2 instance ${r} is querying a domain name that is associated with Bitcoin-related activity.`
  },
  {
    findingType: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
    asffType:
      'TTPs/Initial Access/UnauthorizedAccess:IAMUser-InstanceCredentialExfiltration.OutsideAWS',
    severity: 'HIGH',
    product: 8,
    resourceType: 'AwsIamAccessKey',
    weight: 1,
    title: () => 'Credentials for instance role app-server-role used from external IP address.'
  }
]
const THREAT_WEIGHT = THREATS.reduce((sum, t) => sum + t.weight, 0)

type InspectorTarget = 'ecr' | 'ec2' | 'lambda'

const ALL_IMAGE_CVES: readonly InspectorFindingSpec[] = Object.values(KNOWN_VULNERABILITIES)
/** EC2 instances (Amazon Linux / Debian hosts): OS packages, no Alpine records. */
const HOST_CVES = ALL_IMAGE_CVES.filter(
  (v) => v.packageManager === 'OS' && v.source !== 'ALPINE_SECDB'
)
const LAMBDA_CVES: readonly InspectorFindingSpec[] = [
  ...Object.values(KNOWN_LAMBDA_VULNERABILITIES),
  ...ALL_IMAGE_CVES.filter((v) => v.packageManager === 'NPM')
]
const CVES_BY_TARGET: Record<InspectorTarget, readonly InspectorFindingSpec[]> = {
  ecr: ALL_IMAGE_CVES,
  ec2: HOST_CVES,
  lambda: LAMBDA_CVES
}

const REPOSITORIES = [
  'orders-api',
  'billing-worker',
  'web-frontend',
  'auth-service',
  'catalog',
  'search',
  'notifications',
  'payments-gateway'
]
const FUNCTION_NAMES = [
  'orders-api',
  'billing-worker',
  'image-resizer',
  'audit-log-shipper',
  'stripe-webhook',
  'nightly-report',
  'slack-notifier',
  'token-refresher'
]
const IAM_USERS = ['ci-deployer', 'alice', 'bob', 'terraform', 'backup-agent', 'legacy-etl']
const BUCKET_PURPOSES = ['assets', 'logs', 'backups', 'exports', 'uploads', 'artifacts']
const PYTHON_RUNTIMES = ['python3.11', 'python3.9']
const NODE_RUNTIMES = ['nodejs22.x', 'nodejs18.x']

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

/** murmur3's 32-bit finaliser: a bijection, so distinct indices give distinct streams. */
function fmix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** `length` lowercase hex characters, a pure function of `seed`. */
function hexOf(seed: number, length: number): string {
  const random = mulberry32(fmix32(seed))
  let out = ''
  while (out.length < length) {
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0')
  }
  return out.slice(0, length)
}

/** A stable 32-bit hash of a string (FNV-1a). */
function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function pick<T>(items: readonly T[], roll: number): T {
  const item = items[Math.min(items.length - 1, Math.floor(roll * items.length))]
  if (item === undefined) throw new Error('fixtures-asff: pick from an empty list')
  return item
}

/** Weights 1, 1/2, 1/3, …: the first account / Region holds the most findings. */
function pickHarmonic<T>(items: readonly T[], roll: number): T {
  const total = items.reduce((sum, _, i) => sum + 1 / (i + 1), 0)
  let cumulative = 0
  for (let i = 0; i < items.length; i += 1) {
    cumulative += 1 / (i + 1) / total
    const item = items[i]
    if (roll < cumulative && item !== undefined) return item
  }
  return pick(items, 0.999999)
}

// ---------------------------------------------------------------------------------------------
// The fixture and its findings
// ---------------------------------------------------------------------------------------------

/** A spec with every default filled in. */
export interface AsffFixture {
  count: number
  seed: number
  accounts: readonly string[]
  regions: readonly string[]
  standards: readonly StandardId[]
  /** Cumulative thresholds of the product roll: below `inspector` Inspector, then controls. */
  cuts: { inspector: number; securityHub: number }
  controls: readonly ControlDef[]
  minAgeDays: number
  maxAgeDays: number
  archivedShare?: number
  /** Resources per (kind, account, Region). */
  poolSize: number
  /** ProductName of the control findings. */
  securityHubProductName: 'Security Hub' | 'Security Hub CSPM'
}

export function resolveAsffFixture(spec: AsffFixtureSpec): AsffFixture {
  if (!Number.isInteger(spec.count) || spec.count < 0) {
    throw new Error(`fixtures-asff: count must be a non-negative integer, got ${spec.count}`)
  }
  const standards = spec.standards ?? ASFF_DEFAULT_STANDARDS
  const controls = CONTROLS.filter((c) => c.standards.some((s) => standards.includes(s)))
  const inspector = spec.mix?.inspector ?? 60
  const securityHub = controls.length === 0 ? 0 : (spec.mix?.securityHub ?? 33)
  const guardDuty = spec.mix?.guardDuty ?? 7
  const total = inspector + securityHub + guardDuty
  if (!(total > 0)) throw new Error('fixtures-asff: the product mix is empty')
  const minAgeDays = spec.minAgeDays ?? 0
  const maxAgeDays = spec.maxAgeDays ?? 60
  if (!(Number.isInteger(minAgeDays) && Number.isInteger(maxAgeDays) && minAgeDays < maxAgeDays)) {
    throw new Error('fixtures-asff: need whole days with minAgeDays < maxAgeDays')
  }
  if (spec.poolSize !== undefined && !(Number.isInteger(spec.poolSize) && spec.poolSize > 0)) {
    throw new Error(`fixtures-asff: poolSize must be a positive integer, got ${spec.poolSize}`)
  }
  const fixture: AsffFixture = {
    count: spec.count,
    seed: spec.seed ?? 1,
    accounts: spec.accounts ?? ASFF_DEFAULT_ACCOUNTS,
    regions: spec.regions ?? ASFF_DEFAULT_REGIONS,
    standards,
    cuts: { inspector: inspector / total, securityHub: (inspector + securityHub) / total },
    controls,
    minAgeDays,
    maxAgeDays,
    poolSize: spec.poolSize ?? Math.max(4, Math.ceil(spec.count / 250)),
    securityHubProductName: spec.securityHubProductName ?? ASFF_PRODUCTS.securityHub
  }
  if (spec.archivedShare !== undefined) fixture.archivedShare = spec.archivedShare
  return fixture
}

/**
 * The filterable essence of one finding; `renderAsff` turns it into the full ASFF document.
 * Dates are offsets in ms from the scenario start (all ≤ 0).
 */
export interface AsffCore {
  index: number
  product: AsffProductName
  id: string
  productArn: string
  companyName: 'Amazon' | 'AWS'
  generatorId: string
  account: string
  region: string
  types: readonly string[]
  severity: SeverityLabel
  normalized: number
  title: string
  resourceType: string
  resourceId: string
  recordState: 'ACTIVE' | 'ARCHIVED'
  workflowStatus: WorkflowStatus
  createdMs: number
  updatedMs: number
  firstObservedMs: number
  lastObservedMs: number
  compliance?: {
    status: ComplianceStatus
    control: ControlDef
    /** `standards/<id>`, in the order of the fixture's standards. */
    standardsIds: readonly string[]
  }
  vulnerability?: { spec: InspectorFindingSpec; target: InspectorTarget; resourceName: string }
  threat?: ThreatDef
  /** Seed for the details that only rendering needs. */
  detailSeed: number
}

interface ResourceRef {
  type: string
  id: string
  /** Short name for titles and details. */
  name: string
}

/** Resource `k` of a kind in one account and Region: the same inputs always name the same one. */
function resourceOf(
  type: string,
  account: string,
  region: string,
  k: number,
  seed: number
): ResourceRef {
  const h = hashString(`${seed}/${type}/${account}/${region}/${k}`)
  const generation = Math.floor(k / 8)
  const suffix = generation === 0 ? '' : `-${generation}`
  switch (type) {
    case 'AwsEcrContainerImage': {
      const repo = pick(REPOSITORIES, (k % 8) / 8)
      const digest = `sha256:${hexOf(h, 64)}`
      return {
        type,
        id: `arn:aws:ecr:${region}:${account}:repository/${repo}${suffix}/${digest}`,
        name: `${repo}${suffix}@${digest}`
      }
    }
    case 'AwsEcrRepository': {
      const repo = `${pick(REPOSITORIES, (k % 8) / 8)}${suffix}`
      return { type, id: `arn:aws:ecr:${region}:${account}:repository/${repo}`, name: repo }
    }
    case 'AwsEc2Instance': {
      const instance = `i-0${hexOf(h, 16)}`
      return { type, id: `arn:aws:ec2:${region}:${account}:instance/${instance}`, name: instance }
    }
    case 'AwsLambdaFunction': {
      const name = `${pick(FUNCTION_NAMES, (k % 8) / 8)}${suffix}`
      return { type, id: `arn:aws:lambda:${region}:${account}:function:${name}`, name }
    }
    case 'AwsEc2SecurityGroup': {
      const group = `sg-0${hexOf(h, 16)}`
      return {
        type,
        id: `arn:aws:ec2:${region}:${account}:security-group/${group}`,
        name: group
      }
    }
    case 'AwsS3Bucket': {
      const bucket = `acme-${pick(BUCKET_PURPOSES, (k % 6) / 6)}-${account}-${region}${suffix}`
      return { type, id: `arn:aws:s3:::${bucket}`, name: bucket }
    }
    case 'AwsIamUser': {
      const user = `${pick(IAM_USERS, (k % 6) / 6)}${suffix}`
      return { type, id: `arn:aws:iam::${account}:user/${user}`, name: user }
    }
    case 'AwsIamPolicy': {
      const policy = `app-policy-${k}`
      return { type, id: `arn:aws:iam::${account}:policy/${policy}`, name: policy }
    }
    case 'AwsIamAccessKey': {
      const key = `ASIA${hexOf(h, 16).toUpperCase()}`
      return { type, id: `AWS::IAM::AccessKey:${key}`, name: key }
    }
    case 'AwsCloudTrailTrail': {
      const trail = `org-trail${suffix}`
      return { type, id: `arn:aws:cloudtrail:${region}:${account}:trail/${trail}`, name: trail }
    }
    case 'AwsKmsKey': {
      const hex = hexOf(h, 32)
      const key = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
      return { type, id: `arn:aws:kms:${region}:${account}:key/${key}`, name: key }
    }
    case 'AwsRdsDbInstance': {
      const db = `app-db-${k}`
      return { type, id: `arn:aws:rds:${region}:${account}:db:${db}`, name: db }
    }
    default:
      return { type: 'AwsAccount', id: `AWS::::Account:${account}`, name: account }
  }
}

/** [day, fraction]: `day` whole days plus 2–22 h before the start. */
function dayOffset(day: number, fractionMs: number): number {
  return -(day * DAY_MS + fractionMs)
}

/** Finding `index` of the fixture: a pure function of (seed, index). */
export function asffCoreAt(fixture: AsffFixture, index: number): AsffCore {
  const random = mulberry32(fmix32((index + Math.imul(fixture.seed, 0x9e3779b1)) >>> 0))
  const roll = random()
  const kind =
    roll < fixture.cuts.inspector
      ? 'inspector'
      : roll < fixture.cuts.securityHub
        ? 'securityHub'
        : 'guardDuty'
  const account = pickHarmonic(fixture.accounts, random())
  const region = pickHarmonic(fixture.regions, random())

  // Dates: whole days plus a 2–22 h fraction, so no date is near a day boundary.
  const span = fixture.maxAgeDays - fixture.minAgeDays
  const createdDay = fixture.minAgeDays + Math.floor(random() * span)
  const createdFraction = 2 * HOUR_MS + Math.floor(random() * 20 * HOUR_MS)
  const defaultArchived = { inspector: 0.12, securityHub: 0.08, guardDuty: 0.15 }[kind]
  const archived = random() < (fixture.archivedShare ?? defaultArchived)
  const ageRoll = random()
  const daysBack = createdDay - fixture.minAgeDays + 1
  const updatedDay =
    kind === 'securityHub' && !archived
      ? fixture.minAgeDays // control checks run at least daily
      : fixture.minAgeDays +
        Math.floor((kind === 'inspector' && !archived ? ageRoll * ageRoll : ageRoll) * daysBack)
  const fractionRoll = random()
  const updatedFraction =
    updatedDay === createdDay
      ? 2 * HOUR_MS + Math.floor(fractionRoll * (createdFraction - 2 * HOUR_MS))
      : 2 * HOUR_MS + Math.floor(fractionRoll * 20 * HOUR_MS)
  const createdMs = dayOffset(createdDay, createdFraction)
  const updatedMs = dayOffset(updatedDay, updatedFraction)
  const firstObservedMs = createdMs - Math.floor(random() * 30 * MINUTE_MS)
  const lastObservedMs = Math.max(
    firstObservedMs,
    updatedMs - Math.floor(random() * 30 * MINUTE_MS)
  )
  const k = Math.floor(random() * fixture.poolSize)
  const statusRoll = random()
  const workflowRoll = random()
  const detailSeed = Math.floor(random() * 0x100000000)
  // The index in the Id keeps Ids unique whatever the random part says.
  const idHex = `${hexOf(detailSeed, 24)}${index.toString(16).padStart(8, '0')}`
  const recordState = archived ? 'ARCHIVED' : 'ACTIVE'
  const dates = { createdMs, updatedMs, firstObservedMs, lastObservedMs }

  if (kind === 'inspector') {
    const targetRoll = random()
    const target: InspectorTarget = targetRoll < 0.5 ? 'ecr' : targetRoll < 0.8 ? 'ec2' : 'lambda'
    const spec = pick(CVES_BY_TARGET[target], random())
    const type =
      target === 'ecr'
        ? 'AwsEcrContainerImage'
        : target === 'ec2'
          ? 'AwsEc2Instance'
          : 'AwsLambdaFunction'
    const resource = resourceOf(type, account, region, k, fixture.seed)
    const severity: SeverityLabel = spec.severity === 'UNTRIAGED' ? 'INFORMATIONAL' : spec.severity
    return {
      index,
      product: 'Inspector',
      id: `arn:aws:inspector2:${region}:${account}:finding/${idHex}`,
      productArn: `arn:aws:securityhub:${region}::product/aws/inspector`,
      companyName: 'Amazon',
      generatorId: 'AWSInspector',
      account,
      region,
      types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
      severity,
      normalized: NORMALIZED[severity],
      title: `${spec.vulnerabilityId} - ${spec.packageName}`,
      resourceType: type,
      // Inspector reports Lambda findings against the `$LATEST` qualified ARN.
      resourceId: target === 'lambda' ? `${resource.id}:$LATEST` : resource.id,
      recordState,
      workflowStatus: archived
        ? 'RESOLVED'
        : workflowRoll < 0.7
          ? 'NEW'
          : workflowRoll < 0.92
            ? 'NOTIFIED'
            : 'SUPPRESSED',
      ...dates,
      vulnerability: { spec, target, resourceName: resource.name },
      detailSeed
    }
  }

  if (kind === 'securityHub') {
    const control = pick(fixture.controls, random())
    const resource = resourceOf(control.resourceType, account, region, k, fixture.seed)
    const status: ComplianceStatus =
      control.posture === 'fail'
        ? statusRoll < (control.failRate ?? 0.5)
          ? 'FAILED'
          : 'PASSED'
        : control.posture === 'warn'
          ? statusRoll < 0.15
            ? 'WARNING'
            : 'PASSED'
          : control.posture === 'unavailable'
            ? statusRoll < 0.2
              ? 'NOT_AVAILABLE'
              : 'PASSED'
            : 'PASSED'
    // Security Hub gives PASSED control findings INFORMATIONAL severity and resolves them.
    const severity: SeverityLabel = status === 'PASSED' ? 'INFORMATIONAL' : control.severity
    const workflowStatus: WorkflowStatus =
      archived || status === 'PASSED'
        ? 'RESOLVED'
        : status !== 'FAILED'
          ? 'NEW'
          : workflowRoll < 0.6
            ? 'NEW'
            : workflowRoll < 0.9
              ? 'NOTIFIED'
              : 'SUPPRESSED'
    const uuid = `${idHex.slice(0, 8)}-${idHex.slice(8, 12)}-4${idHex.slice(13, 16)}-a${idHex.slice(17, 20)}-${idHex.slice(20)}`
    return {
      index,
      product: fixture.securityHubProductName,
      id: `arn:aws:securityhub:${region}:${account}:security-control/${control.id}/finding/${uuid}`,
      productArn: `arn:aws:securityhub:${region}::product/aws/securityhub`,
      companyName: 'AWS',
      generatorId: `security-control/${control.id}`,
      account,
      region,
      types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
      severity,
      normalized: NORMALIZED[severity],
      title: control.title,
      resourceType: resource.type,
      resourceId: resource.id,
      recordState,
      workflowStatus,
      ...dates,
      compliance: {
        status,
        control,
        standardsIds: fixture.standards
          .filter((s) => control.standards.includes(s))
          .map(standardsIdOf)
      },
      detailSeed
    }
  }

  let threatRoll = random() * THREAT_WEIGHT
  let threat = THREATS[0] as ThreatDef
  for (const candidate of THREATS) {
    threat = candidate
    threatRoll -= candidate.weight
    if (threatRoll < 0) break
  }
  const resource = resourceOf(threat.resourceType, account, region, k, fixture.seed)
  const detector = hexOf(hashString(`${account}/${region}/detector`), 32)
  return {
    index,
    product: 'GuardDuty',
    id: `arn:aws:guardduty:${region}:${account}:detector/${detector}/finding/${idHex}`,
    productArn: `arn:aws:securityhub:${region}::product/aws/guardduty`,
    companyName: 'Amazon',
    generatorId: `arn:aws:guardduty:${region}:${account}:detector/${detector}`,
    account,
    region,
    types: [threat.asffType],
    severity: threat.severity,
    normalized: threat.product * 10,
    title: threat.title(resource.name),
    resourceType: resource.type,
    resourceId: resource.id,
    recordState,
    workflowStatus: archived
      ? 'RESOLVED'
      : workflowRoll < 0.6
        ? 'NEW'
        : workflowRoll < 0.8
          ? 'NOTIFIED'
          : workflowRoll < 0.9
            ? 'SUPPRESSED'
            : 'RESOLVED',
    ...dates,
    threat,
    detailSeed
  }
}

/** Every core of the fixture, in index order, generated one at a time. */
export function* asffCores(fixture: AsffFixture): Generator<AsffCore> {
  for (let i = 0; i < fixture.count; i += 1) yield asffCoreAt(fixture, i)
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function cvssVectorFor(score: number): string {
  if (score >= 9) return 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
  if (score >= 7) return 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'
  if (score >= 4) return 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N'
  return 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N'
}

function vulnerabilityOf(spec: InspectorFindingSpec, observedAt: string): Vulnerability {
  const source = spec.source ?? (spec.vulnerabilityId.startsWith('GHSA') ? 'GITHUB' : 'NVD')
  const url =
    source === 'NVD'
      ? `https://nvd.nist.gov/vuln/detail/${spec.vulnerabilityId}`
      : `https://github.com/advisories/${spec.vulnerabilityId}`
  const vulnerability: Vulnerability = {
    Id: spec.vulnerabilityId,
    VulnerablePackages: [
      {
        Name: spec.packageName,
        Version: spec.installedVersion,
        ...(spec.release !== undefined && { Release: spec.release }),
        PackageManager: spec.packageManager,
        ...(spec.filePath !== undefined && { FilePath: spec.filePath }),
        FixedInVersion: spec.fixedInVersion ?? 'NotAvailable',
        Remediation:
          spec.fixedInVersion === undefined
            ? 'None Provided'
            : `Upgrade ${spec.packageName} to ${spec.fixedInVersion}`
      }
    ],
    Cvss: [
      {
        Version: '3.1',
        BaseScore: spec.inspectorScore,
        BaseVector: spec.cvssVector ?? cvssVectorFor(spec.inspectorScore),
        Source: source
      }
    ],
    Vendor: {
      Name: source,
      Url: url,
      VendorSeverity: spec.vendorSeverity ?? spec.severity,
      VendorCreatedAt: '2024-01-10T00:00:00.000Z',
      VendorUpdatedAt: '2024-06-01T00:00:00.000Z'
    },
    ReferenceUrls: spec.referenceUrls ?? [url],
    FixAvailable: spec.fixedInVersion === undefined ? 'NO' : 'YES',
    ExploitAvailable: spec.exploitAvailable,
    EpssScore: spec.epss
  }
  if (spec.exploitAvailable === 'YES') vulnerability.LastKnownExploitAt = observedAt
  return vulnerability
}

function inspectorDetails(
  core: AsffCore,
  name: string,
  iso: (offset: number) => string
): ResourceDetails {
  const target = core.vulnerability?.target
  if (target === 'ecr') {
    const [repositoryName = '', imageDigest = ''] = name.split('@')
    return {
      AwsEcrContainerImage: {
        RegistryId: core.account,
        RepositoryName: repositoryName,
        ImageDigest: imageDigest,
        ImageTags: [`v${1 + (core.detailSeed % 9)}.${core.detailSeed % 13}.0`],
        Architecture: core.detailSeed % 3 === 0 ? 'arm64' : 'amd64',
        ImagePublishedAt: iso(core.createdMs - 2 * HOUR_MS)
      }
    }
  }
  if (target === 'ec2') {
    return {
      AwsEc2Instance: {
        Type: pick(['t3.medium', 'm6i.large', 'c6g.xlarge', 't3.small'], (core.detailSeed % 4) / 4),
        ImageId: `ami-0${hexOf(core.detailSeed, 16)}`,
        IpV4Addresses: [`10.0.${core.detailSeed % 250}.${(core.detailSeed >>> 8) % 250}`],
        LaunchedAt: iso(core.createdMs - DAY_MS)
      }
    }
  }
  return {
    AwsLambdaFunction: {
      FunctionName: name,
      Runtime: pick(
        core.vulnerability?.spec.packageManager === 'NPM' ? NODE_RUNTIMES : PYTHON_RUNTIMES,
        (core.detailSeed % 2) / 2
      ),
      Version: '$LATEST',
      PackageType: 'Zip',
      Architectures: [core.detailSeed % 2 === 0 ? 'x86_64' : 'arm64'],
      LastModified: iso(core.createdMs - HOUR_MS)
    }
  }
}

/** The full ASFF document of a core, with dates relative to `startMs` (the scenario start). */
export function renderAsff(core: AsffCore, startMs: number): AwsSecurityFinding {
  const iso = (offset: number) => new Date(startMs + offset).toISOString()
  const processedMs = Math.min(core.updatedMs + 3 * MINUTE_MS, 0)
  const resource: Resource = {
    Type: core.resourceType,
    Id: core.resourceId,
    Partition: 'aws',
    Region: core.region
  }
  const finding: AwsSecurityFinding = {
    SchemaVersion: '2018-10-08',
    Id: core.id,
    ProductArn: core.productArn,
    ProductName: core.product,
    CompanyName: core.companyName,
    Region: core.region,
    GeneratorId: core.generatorId,
    AwsAccountId: core.account,
    Types: [...core.types],
    FirstObservedAt: iso(core.firstObservedMs),
    LastObservedAt: iso(core.lastObservedMs),
    CreatedAt: iso(core.createdMs),
    UpdatedAt: iso(core.updatedMs),
    ProcessedAt: iso(processedMs),
    Severity: { Label: core.severity, Normalized: core.normalized },
    Title: core.title,
    Description: '',
    Resources: [resource],
    RecordState: core.recordState,
    Workflow: { Status: core.workflowStatus },
    ProductFields: {
      'aws/securityhub/FindingId': `${core.productArn}/${core.id}`,
      'aws/securityhub/ProductName': core.product,
      'aws/securityhub/CompanyName': core.companyName
    },
    FindingProviderFields: {
      Severity: { Label: core.severity, Original: core.severity },
      Types: [...core.types]
    }
  }
  const fields = finding.ProductFields as Record<string, string>

  if (core.vulnerability !== undefined) {
    const { spec, resourceName } = core.vulnerability
    finding.Description =
      spec.description ??
      `A vulnerability was found in ${spec.packageName} ${spec.installedVersion} (${spec.vulnerabilityId}).`
    if (spec.severity === 'UNTRIAGED') {
      finding.Severity = { Label: 'INFORMATIONAL', Normalized: 0, Original: 'UNTRIAGED' }
      finding.FindingProviderFields = {
        Severity: { Label: 'INFORMATIONAL', Original: 'UNTRIAGED' },
        Types: [...core.types]
      }
    }
    finding.Vulnerabilities = [vulnerabilityOf(spec, finding.LastObservedAt ?? '')]
    finding.Remediation = {
      Recommendation: {
        Text:
          spec.fixedInVersion === undefined
            ? 'None Provided'
            : 'Upgrade your installed software packages to the proposed fixed in version and release.'
      }
    }
    resource.Details = inspectorDetails(core, resourceName, iso)
    Object.assign(fields, {
      'aws/inspector/ProductVersion': '2',
      'aws/inspector/FindingStatus': core.recordState === 'ACTIVE' ? 'ACTIVE' : 'CLOSED',
      'aws/inspector/inspectorScore': String(spec.inspectorScore),
      'aws/inspector/packageVulnerabilityDetails/vulnerablePackages/sourceLayerHash':
        core.vulnerability.target === 'ecr' ? `sha256:${hexOf(core.detailSeed + 1, 64)}` : 'N/A'
    })
  } else if (core.compliance !== undefined) {
    const { control, status, standardsIds } = core.compliance
    finding.Description = `This AWS control checks the following: ${control.title}.`
    finding.Compliance = {
      Status: status,
      SecurityControlId: control.id,
      AssociatedStandards: standardsIds.map((StandardsId) => ({ StandardsId }))
    }
    if (status === 'NOT_AVAILABLE') {
      finding.Compliance.StatusReasons = [
        {
          ReasonCode: 'CONFIG_EVALUATIONS_EMPTY',
          Description:
            'AWS Config evaluated your resources based on the rule. Rule did not apply to the AWS resources in its scope, the specified resources were deleted, or the evaluation results were deleted.'
        }
      ]
    }
    finding.Remediation = {
      Recommendation: {
        Text: 'For information on how to correct this issue, consult the AWS Security Hub controls documentation.',
        Url: `https://docs.aws.amazon.com/console/securityhub/${control.id}/remediation`
      }
    }
    Object.assign(fields, {
      'RelatedAWSResources:0/name': `securityhub-${control.id.toLowerCase().replace('.', '-')}-${hexOf(core.detailSeed, 8)}`,
      'RelatedAWSResources:0/type': 'AWS::Config::ConfigRule',
      'Resources:0/Id': core.resourceId
    })
    if (status === 'FAILED') {
      fields['aws/securityhub/annotation'] = `${control.title}: the resource is not compliant.`
    }
  } else if (core.threat !== undefined) {
    const threat = core.threat
    finding.Severity = {
      Label: core.severity,
      Normalized: core.normalized,
      Product: threat.product
    }
    finding.FindingProviderFields = {
      Severity: { Label: core.severity, Original: String(threat.product) },
      Types: [...core.types]
    }
    finding.Description = `${threat.findingType}: ${core.title}`
    finding.SourceUrl = `https://console.aws.amazon.com/guardduty/home?region=${core.region}#/findings?macros=current&fId=${core.id.slice(-32)}`
    Object.assign(fields, {
      'aws/guardduty/service/archived': String(core.recordState === 'ARCHIVED'),
      'aws/guardduty/service/count': String(1 + (core.detailSeed % 40)),
      'aws/guardduty/service/detectorId': core.generatorId.split('/').pop() ?? '',
      'aws/guardduty/service/serviceName': 'guardduty'
    })
  }
  return finding
}

/** Every finding of a fixture as GetFindings would serve it, generated one at a time. */
export function* asffFindings(
  spec: AsffFixtureSpec,
  startMs: number
): Generator<AwsSecurityFinding> {
  for (const core of asffCores(resolveAsffFixture(spec))) yield renderAsff(core, startMs)
}

// ---------------------------------------------------------------------------------------------
// The truth a report must find
// ---------------------------------------------------------------------------------------------

export type AsffDateField = 'UpdatedAt' | 'CreatedAt' | 'FirstObservedAt' | 'LastObservedAt'

export interface ExpectedReportOptions {
  /** Length of the period in whole days; it ends at the scenario start. */
  periodDays: number
  /** The date that puts a finding in the period; default UpdatedAt. */
  periodField?: AsffDateField
  /**
   * Only findings in these workflow statuses count in the totals (default: any). The standards
   * section ignores this: PASSED control findings are always RESOLVED.
   */
  workflowStatuses?: readonly WorkflowStatus[]
  /** With the scenario start (epoch ms), `periodStart`/`periodEnd` are given as ISO strings. */
  startMs?: number
  /** Only this Region's control findings count in `standards` (default: every Region's). */
  standardsRegion?: string
  /**
   * Days per severity within which an open finding (ACTIVE, NEW or NOTIFIED) should be fixed,
   * aged from FirstObservedAt to the scenario start: `pastTargetByAccount` counts those older.
   */
  remediationTargets?: Partial<Record<SeverityLabel, number>>
}

/** One standard's controls among the ACTIVE control findings of the period. */
export interface StandardTally {
  /** Control ids (sorted) whose every ACTIVE finding in the period is PASSED. */
  passed: string[]
  /** Control ids (sorted) with at least one FAILED ACTIVE finding in the period. */
  failed: string[]
  /** Control ids (sorted) with findings, none FAILED, but some WARNING or NOT_AVAILABLE. */
  neither: string[]
  /** ACTIVE control findings of the period by Compliance.Status. */
  findingsByStatus: Record<ComplianceStatus, number>
}

export interface ExpectedReport {
  periodDays: number
  periodField: AsffDateField
  periodStart?: string
  periodEnd?: string
  /** ACTIVE findings whose `periodField` lies in the period (and in `workflowStatuses`). */
  total: number
  bySeverity: Record<SeverityLabel, number>
  /** By ProductName: Inspector, Security Hub, GuardDuty (every product of the fixture, zeros too). */
  byProduct: Record<string, number>
  /** By Resources[0].Type (every finding has one resource). */
  byResourceType: Record<string, number>
  byAccount: Record<string, number>
  byRegion: Record<string, number>
  /** By `<account>/<region>`. */
  byAccountRegion: Record<string, number>
  /** Of `total`: CreatedAt within the period … */
  createdInPeriod: number
  /** … and CreatedAt before it. */
  createdBeforePeriod: number
  /**
   * Per standard of the fixture, keyed by `standards/<id>` (as ComplianceAssociatedStandardsId
   * filters it). Empty when the fixture has no standards.
   */
  standards: Record<string, StandardTally>
  /**
   * Per account, per standard: the same control rule as `standards`, over the account's control
   * findings in every Region (`standardsRegion` does not apply).
   */
  accountStandards: Record<string, Record<string, { passed: number; failed: number }>>
  /** Per account with any: open findings of the period past `remediationTargets`. */
  pastTargetByAccount: Record<string, number>
}

function dateOf(core: AsffCore, field: AsffDateField): number {
  switch (field) {
    case 'UpdatedAt':
      return core.updatedMs
    case 'CreatedAt':
      return core.createdMs
    case 'FirstObservedAt':
      return core.firstObservedMs
    case 'LastObservedAt':
      return core.lastObservedMs
  }
}

const bump = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1
}

/**
 * What a report over `spec` must say for the period of `periodDays` whole days ending at the
 * scenario start, counting only `RecordState ACTIVE` findings whose `periodField` (UpdatedAt by
 * default) lies in the period.
 *
 * Control rule, per standard, over the ACTIVE control findings of the period that list the
 * standard in Compliance.AssociatedStandards, grouped by Compliance.SecurityControlId:
 * a control is FAILED if any of its findings is FAILED; it is PASSED if all of its findings are
 * PASSED; otherwise (no FAILED, but some WARNING or NOT_AVAILABLE) it is neither.
 * WARNING and NOT_AVAILABLE findings therefore never make a control pass or fail on their own.
 */
export function expectedReport(
  spec: AsffFixtureSpec,
  options: ExpectedReportOptions
): ExpectedReport {
  const fixture = resolveAsffFixture(spec)
  const field = options.periodField ?? 'UpdatedAt'
  const from = -options.periodDays * DAY_MS
  const bySeverity = Object.fromEntries(SEVERITY_LABELS.map((s) => [s, 0])) as Record<
    SeverityLabel,
    number
  >
  const byProduct: Record<string, number> = {}
  if (fixture.cuts.inspector > 0) byProduct[ASFF_PRODUCTS.inspector] = 0
  if (fixture.cuts.securityHub > fixture.cuts.inspector)
    byProduct[fixture.securityHubProductName] = 0
  if (fixture.cuts.securityHub < 1) byProduct[ASFF_PRODUCTS.guardDuty] = 0
  const report: ExpectedReport = {
    periodDays: options.periodDays,
    periodField: field,
    total: 0,
    bySeverity,
    byProduct,
    byResourceType: {},
    byAccount: {},
    byRegion: {},
    byAccountRegion: {},
    createdInPeriod: 0,
    createdBeforePeriod: 0,
    standards: {},
    accountStandards: {},
    pastTargetByAccount: {}
  }
  const accountControls = new Map<string, Map<string, Set<ComplianceStatus>>>()
  if (options.startMs !== undefined) {
    report.periodStart = new Date(options.startMs + from).toISOString()
    report.periodEnd = new Date(options.startMs).toISOString()
  }
  const controls = new Map<string, Map<string, Set<ComplianceStatus>>>()
  for (const standard of fixture.standards) {
    const id = standardsIdOf(standard)
    controls.set(id, new Map())
    report.standards[id] = {
      passed: [],
      failed: [],
      neither: [],
      findingsByStatus: { PASSED: 0, FAILED: 0, WARNING: 0, NOT_AVAILABLE: 0 }
    }
  }
  for (const core of asffCores(fixture)) {
    if (core.recordState !== 'ACTIVE' || dateOf(core, field) < from) continue
    const inStandardsRegion =
      options.standardsRegion === undefined || core.region === options.standardsRegion
    if (core.compliance !== undefined) {
      for (const standardsId of core.compliance.standardsIds) {
        const key = `${core.account}|${standardsId}`
        const byControl = accountControls.get(key) ?? new Map<string, Set<ComplianceStatus>>()
        const statuses = byControl.get(core.compliance.control.id) ?? new Set()
        statuses.add(core.compliance.status)
        byControl.set(core.compliance.control.id, statuses)
        accountControls.set(key, byControl)
      }
    }
    if (core.compliance !== undefined && inStandardsRegion) {
      for (const standardsId of core.compliance.standardsIds) {
        const byControl = controls.get(standardsId)
        const tally = report.standards[standardsId]
        if (byControl === undefined || tally === undefined) continue
        const statuses = byControl.get(core.compliance.control.id) ?? new Set()
        statuses.add(core.compliance.status)
        byControl.set(core.compliance.control.id, statuses)
        tally.findingsByStatus[core.compliance.status] += 1
      }
    }
    if (
      options.workflowStatuses !== undefined &&
      !options.workflowStatuses.includes(core.workflowStatus)
    ) {
      continue
    }
    const target = options.remediationTargets?.[core.severity]
    const open = core.workflowStatus === 'NEW' || core.workflowStatus === 'NOTIFIED'
    if (open && target !== undefined && -core.firstObservedMs > target * DAY_MS)
      bump(report.pastTargetByAccount, core.account)
    report.total += 1
    bySeverity[core.severity] += 1
    bump(byProduct, core.product)
    bump(report.byResourceType, core.resourceType)
    bump(report.byAccount, core.account)
    bump(report.byRegion, core.region)
    bump(report.byAccountRegion, `${core.account}/${core.region}`)
    if (core.createdMs >= from) report.createdInPeriod += 1
    else report.createdBeforePeriod += 1
  }
  for (const [key, byControl] of accountControls) {
    const [account = '', standardsId = ''] = key.split('|')
    const tally = { passed: 0, failed: 0 }
    for (const statuses of byControl.values()) {
      if (statuses.has('FAILED')) tally.failed += 1
      else if (statuses.size === 1 && statuses.has('PASSED')) tally.passed += 1
    }
    report.accountStandards[account] = { ...report.accountStandards[account], [standardsId]: tally }
  }
  for (const [standardsId, byControl] of controls) {
    const tally = report.standards[standardsId]
    if (tally === undefined) continue
    for (const [control, statuses] of [...byControl].sort(([a], [b]) => a.localeCompare(b))) {
      if (statuses.has('FAILED')) tally.failed.push(control)
      else if (statuses.size === 1 && statuses.has('PASSED')) tally.passed.push(control)
      else tally.neither.push(control)
    }
  }
  return report
}
