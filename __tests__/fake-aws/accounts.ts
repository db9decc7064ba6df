/**
 * The account-level switches the API can flip: Inspector activation per resource type (with the
 * ENABLING → ENABLED progression after Enable) and Security Hub with its product subscriptions.
 * Both start from the scenario and are rebuilt by `resetTimeline()`.
 */
import { createHash } from 'node:crypto'
import type { Status as InspectorStatus } from '@aws-sdk/client-inspector2'
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './scenario.js'
import type { InspectorResourceKind, Scenario } from './scenario.js'
import { isKnownStandard, partitionOf } from './standards.js'
import type { StandardsSubscriptionState } from './standards.js'

export const RESOURCE_KINDS: readonly InspectorResourceKind[] = [
  'ec2',
  'ecr',
  'lambda',
  'lambdaCode',
  'codeRepository'
]

/** Enable's `resourceTypes` values → BatchGetAccountStatus `resourceState` keys. */
export const RESOURCE_TYPE_KINDS: Readonly<Record<string, InspectorResourceKind>> = {
  EC2: 'ec2',
  ECR: 'ecr',
  LAMBDA: 'lambda',
  LAMBDA_CODE: 'lambdaCode',
  CODE_REPOSITORY: 'codeRepository'
}

/** One Inspector Enable call as the fake saw it (also for calls it rejected). */
export interface InspectorEnableRecord {
  atScenarioSeconds: number
  resourceTypes: string[]
  accountIds?: string[]
  clientToken?: string
  /**
   * `enabled`: accepted for this account; `failed`: answered with failedAccounts (scripted);
   * `rejected`: ValidationException; `replayed`: a repeated clientToken got the first answer.
   */
  outcome: 'enabled' | 'failed' | 'rejected' | 'replayed'
  errorCode?: string
}

interface EnablingProgress {
  untilSeconds?: number
  pollsLeft?: number
}

export interface InspectorAccount {
  /** Status of each type that is not currently ENABLING. */
  settled: Record<InspectorResourceKind, InspectorStatus>
  enabling: Map<InspectorResourceKind, EnablingProgress>
  /** Enable calls that passed validation (they index `inspectorEnable.failures`). */
  validEnableCalls: number
  /** clientToken → the response given to it. */
  responsesByToken: Map<string, unknown>
}

export function initialInspectorAccount(scenario: Scenario): InspectorAccount {
  const registry = scenario.registryScanType ?? 'ENHANCED'
  const statusOf = (kind: InspectorResourceKind): InspectorStatus => {
    const explicit = scenario.inspectorStatus?.[kind]
    if (explicit !== undefined) return explicit
    if (kind === 'ecr') return registry === 'ENHANCED' ? 'ENABLED' : 'DISABLED'
    return 'ENABLED'
  }
  return {
    settled: {
      ec2: statusOf('ec2'),
      ecr: statusOf('ecr'),
      lambda: statusOf('lambda'),
      lambdaCode: statusOf('lambdaCode'),
      codeRepository: statusOf('codeRepository')
    },
    enabling: new Map(),
    validEnableCalls: 0,
    responsesByToken: new Map()
  }
}

/**
 * The status of one resource type at `nowSeconds`. An ENABLING type whose conditions are met
 * settles to ENABLED here; reading does not use up status polls (see `consumeStatusPoll`).
 */
export function resourceStatus(
  account: InspectorAccount,
  kind: InspectorResourceKind,
  nowSeconds: number
): InspectorStatus {
  const progress = account.enabling.get(kind)
  if (progress === undefined) return account.settled[kind]
  const timeDone = progress.untilSeconds === undefined || nowSeconds >= progress.untilSeconds
  const pollsDone = (progress.pollsLeft ?? 0) <= 0
  if (timeDone && pollsDone) {
    account.enabling.delete(kind)
    account.settled[kind] = 'ENABLED'
    return 'ENABLED'
  }
  return 'ENABLING'
}

/** One BatchGetAccountStatus poll has been answered: every ENABLING type is a poll closer. */
export function consumeStatusPoll(account: InspectorAccount): void {
  for (const progress of account.enabling.values()) {
    if (progress.pollsLeft !== undefined && progress.pollsLeft > 0) progress.pollsLeft -= 1
  }
}

/** Start enabling `kind` at `nowSeconds` (ENABLED at once when the scenario sets no delay). */
export function startEnabling(
  account: InspectorAccount,
  kind: InspectorResourceKind,
  nowSeconds: number,
  spec: Scenario['inspectorEnable']
): void {
  const polls = spec?.enablingPolls ?? 0
  const seconds = spec?.enablingSeconds ?? 0
  if (polls <= 0 && seconds <= 0) {
    account.settled[kind] = 'ENABLED'
    return
  }
  const progress: EnablingProgress = {}
  if (polls > 0) progress.pollsLeft = polls
  if (seconds > 0) progress.untilSeconds = nowSeconds + seconds
  account.enabling.set(kind, progress)
}

/** Account-level status: ENABLED if any type is, else ENABLING if any type is, else DISABLED. */
export function accountStatus(statuses: readonly InspectorStatus[]): InspectorStatus {
  if (statuses.includes('ENABLED')) return 'ENABLED'
  if (statuses.includes('ENABLING')) return 'ENABLING'
  return 'DISABLED'
}

/** What EnableSecurityHub subscribes besides Inspector (AWS integrations, company/product). */
export const DEFAULT_SECURITY_HUB_PRODUCTS: readonly string[] = [
  'aws/guardduty',
  'aws/access-analyzer',
  'aws/firewall-manager',
  'aws/health',
  'aws/macie',
  'aws/ssm-patch-manager'
]

export const INSPECTOR_PRODUCT = 'aws/inspector'

export interface SecurityHubAccount {
  enabled: boolean
  subscribedAtSeconds: number
  controlFindingGenerator: string
  /** Whether EnableSecurityHub asked for the default standards (undefined before any call). */
  enabledDefaultStandards?: boolean
  /** Product subscriptions as `<company>/<product>`, in subscription order. */
  products: string[]
  /** Standards subscriptions, in subscription order. */
  standards: StandardsSubscriptionState[]
  /** Custom insights, in creation order. */
  insights: StoredInsight[]
  /** Insights created so far (scenario ones included): numbers the deterministic ARNs. */
  insightSequence: number
  /** Clock ms of the last BatchEnableStandards that got past the rate limit. */
  lastBatchEnableMs?: number
  /** GetFindings token buckets by `<account>/<region>` (milli-tokens, refilled on clock ms). */
  getFindingsBuckets: Map<string, { milliTokens: number; atMs: number }>
}

export interface StoredInsight {
  insightArn: string
  name: string
  filters: Record<string, unknown>
  groupByAttribute: string
}

export function initialSecurityHub(scenario: Scenario): SecurityHubAccount {
  const spec = scenario.securityHub ?? {}
  const enabled = spec.enabled ?? true
  const others = spec.otherProducts ?? DEFAULT_SECURITY_HUB_PRODUCTS
  const inspector = enabled && (spec.inspectorImport ?? true)
  const account: SecurityHubAccount = {
    enabled,
    subscribedAtSeconds: spec.subscribedAtSeconds ?? -30 * 86_400,
    controlFindingGenerator: 'SECURITY_CONTROL',
    products: enabled ? defaultProducts(others, inspector) : [],
    standards: [],
    insights: [],
    insightSequence: 0,
    getFindingsBuckets: new Map()
  }
  if (!enabled) return account
  for (const standard of spec.standards ?? []) {
    if (!isKnownStandard(standard.standard)) {
      throw new Error(`scenario: unknown Security Hub standard ${standard.standard}`)
    }
    account.standards.push({
      id: standard.standard,
      input: { ...standard.input },
      settled:
        standard.reason === undefined
          ? { status: standard.status ?? 'READY' }
          : { status: standard.status ?? 'READY', reason: standard.reason }
    })
  }
  const region = scenario.region ?? DEFAULT_REGION
  const accountId = scenario.account ?? DEFAULT_ACCOUNT
  for (const insight of spec.insights ?? []) {
    account.insights.push({
      insightArn: nextInsightArn(account, region, accountId),
      name: insight.name,
      filters: structuredClone(insight.filters),
      groupByAttribute: insight.groupByAttribute
    })
  }
  return account
}

/**
 * `arn:<partition>:securityhub:<region>:<account>:insight/<account>/custom/<uuid>`, with a UUID
 * derived from the account and a running number, so runs of a scenario give the same ARNs.
 */
export function nextInsightArn(hub: SecurityHubAccount, region: string, account: string): string {
  hub.insightSequence += 1
  const hex = createHash('sha256')
    .update(`${account}/${region}/insight/${hub.insightSequence}`)
    .digest('hex')
  const uuid = [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`,
    hex.slice(20, 32)
  ].join('-')
  return `arn:${partitionOf(region)}:securityhub:${region}:${account}:insight/${account}/custom/${uuid}`
}

export function defaultProducts(others: readonly string[], inspector: boolean): string[] {
  const products = others.filter((p) => p !== INSPECTOR_PRODUCT)
  if (inspector) products.splice(Math.min(1, products.length), 0, INSPECTOR_PRODUCT)
  return products
}
