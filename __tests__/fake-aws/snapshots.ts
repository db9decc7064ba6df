/**
 * What a test can read back about the account, and the record of every write call. Snapshots are
 * plain data (no Dates, no ARNs that change between reads), so "the second run changed nothing"
 * is `expect(after).toEqual(before)`. Reading a snapshot never uses up status polls.
 */
import type { Status as InspectorStatus } from '@aws-sdk/client-inspector2'
import type { StandardsStatus, StatusReasonCode } from '@aws-sdk/client-securityhub'
import { inspectorConfigurationSnapshot } from './inspector-configuration.js'
import type { InspectorConfigurationSnapshot } from './inspector-configuration.js'
import type { InspectorResourceKind } from './scenario.js'
import { standardsArnFor, standardsStatusOf, standardsSubscriptionArnFor } from './standards.js'
import { resourceStatus } from './accounts.js'
import { inspectorStatusOf } from './state.js'
import type { FakeState } from './state.js'
import type { ServiceName } from './wire.js'

/** Security Hub as the fake holds it right now. */
export interface SecurityHubSnapshot {
  enabled: boolean
  /** Product subscriptions as `<company>/<product>`, e.g. `aws/inspector`. */
  products: string[]
  /** What the last EnableSecurityHub asked for (undefined before any). */
  enabledDefaultStandards?: boolean
}

export interface StandardsSubscriptionSnapshot {
  /** Catalogue id, e.g. `cis-aws-foundations-benchmark/v/5.0.0`. */
  standard: string
  standardsArn: string
  standardsSubscriptionArn: string
  status: StandardsStatus
  reason?: StatusReasonCode
  input: Record<string, string>
}

export interface InsightSnapshot {
  insightArn: string
  name: string
  filters: Record<string, unknown>
  groupByAttribute: string
}

/** Everything setup can change, in one comparable value. */
export interface AccountSnapshot {
  inspectorStatus: Record<InspectorResourceKind, InspectorStatus>
  inspectorConfiguration: InspectorConfigurationSnapshot
  securityHub: SecurityHubSnapshot
  standards: StandardsSubscriptionSnapshot[]
  insights: InsightSnapshot[]
}

/** One call of a mutating operation (see WRITE_OPERATIONS), including refused ones. */
export interface WriteRecord {
  service: ServiceName
  operation: string
  atScenarioSeconds: number
  /** The parsed request, as in `RecordedCall.input`. */
  input: unknown
  /**
   * `changed`: the call succeeded and the account differs afterwards; `unchanged`: it succeeded
   * but changed nothing (an already-enabled standard, the same insight values, an Enable answered
   * with failedAccounts…; UpdateConfiguration with the current values counts as unchanged even
   * though AWS stamps a new updatedAt); `throttled`: 429; `rejected`: any other error (including
   * injected faults).
   */
  outcome: 'changed' | 'unchanged' | 'throttled' | 'rejected'
  status: number
  errorCode?: string
}

/** The operations recorded in `FakeAws.writes`. */
export const WRITE_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  inspector2: ['Enable', 'UpdateConfiguration', 'UpdateOrganizationConfiguration'],
  securityhub: [
    'EnableSecurityHub',
    'DisableSecurityHub',
    'EnableImportFindingsForProduct',
    'DisableImportFindingsForProduct',
    'BatchEnableStandards',
    'CreateInsight',
    'UpdateInsight',
    'DeleteInsight',
    'UpdateOrganizationConfiguration',
    'CreateMembers',
    'CreateFindingAggregator'
  ]
}

export function isWriteOperation(service: string, operation: string): boolean {
  return WRITE_OPERATIONS[service]?.includes(operation) ?? false
}

export function inspectorStatusSnapshot(
  state: FakeState
): Record<InspectorResourceKind, InspectorStatus> {
  return {
    ec2: inspectorStatusOf(state, 'ec2'),
    ecr: inspectorStatusOf(state, 'ecr'),
    lambda: inspectorStatusOf(state, 'lambda'),
    lambdaCode: inspectorStatusOf(state, 'lambdaCode'),
    codeRepository: inspectorStatusOf(state, 'codeRepository')
  }
}

export function securityHubSnapshot(state: FakeState): SecurityHubSnapshot {
  const snapshot: SecurityHubSnapshot = {
    enabled: state.securityHub.enabled,
    products: [...state.securityHub.products]
  }
  if (state.securityHub.enabledDefaultStandards !== undefined) {
    snapshot.enabledDefaultStandards = state.securityHub.enabledDefaultStandards
  }
  return snapshot
}

export function standardsSnapshot(state: FakeState): StandardsSubscriptionSnapshot[] {
  const { region, account } = state.catalog
  const now = state.clock.scenarioSeconds()
  return state.securityHub.standards.map((sub) => {
    const current = standardsStatusOf(sub, now)
    const snapshot: StandardsSubscriptionSnapshot = {
      standard: sub.id,
      standardsArn: standardsArnFor(sub.id, region),
      standardsSubscriptionArn: standardsSubscriptionArnFor(sub.id, region, account),
      status: current.status,
      input: { ...sub.input }
    }
    if (current.reason !== undefined) snapshot.reason = current.reason
    return snapshot
  })
}

export function insightsSnapshot(state: FakeState): InsightSnapshot[] {
  return state.securityHub.insights.map((insight) => ({
    insightArn: insight.insightArn,
    name: insight.name,
    filters: structuredClone(insight.filters),
    groupByAttribute: insight.groupByAttribute
  }))
}

export function accountSnapshot(state: FakeState): AccountSnapshot {
  return {
    inspectorStatus: inspectorStatusSnapshot(state),
    inspectorConfiguration: inspectorConfigurationSnapshot(state),
    securityHub: securityHubSnapshot(state),
    standards: standardsSnapshot(state),
    insights: insightsSnapshot(state)
  }
}

/**
 * What a write could change, for telling `changed` from `unchanged`: the account snapshot minus
 * what is stamped on every configuration write (its status and updatedAt). Taken right before
 * and right after the operation.
 */
export function writeFingerprint(state: FakeState): string {
  const snapshot = accountSnapshot(state)
  const config = snapshot.inspectorConfiguration
  return JSON.stringify({
    ...snapshot,
    organization: organizationFingerprint(state),
    inspectorConfiguration: [
      config.rescanDuration,
      config.pullDateRescanDuration,
      config.pullDateRescanMode,
      config.ec2ScanMode
    ]
  })
}

/** The organization's part of a write's before/after: configurations, members, the aggregator. */
function organizationFingerprint(state: FakeState): unknown {
  const org = state.organization
  if (org === undefined) return undefined
  return {
    autoEnable: org.autoEnable,
    securityHub: org.securityHub,
    members: [...org.members.values()].map((m) => [
      m.spec.accountId,
      m.securityHubMember,
      m.inspector.settled,
      [...m.inspector.enabling.keys()]
    ]),
    invitedOutsiders: [...org.invitedOutsiders],
    aggregator: state.organizationShared?.aggregator
  }
}

/** One member of the organization as a Region holds it. */
export interface OrganizationMemberSnapshot {
  accountId: string
  inspector: Record<InspectorResourceKind, InspectorStatus>
  securityHubMember: boolean
}

/** The organization as one Region holds it now (issue 18), for e2e assertions. */
export interface OrganizationSnapshot {
  autoEnable: Record<string, boolean | undefined>
  securityHub: { configurationType: string; autoEnable: boolean }
  members: OrganizationMemberSnapshot[]
  /** The finding aggregator, the same from every Region. */
  aggregator?: { region: string; mode: string; regions: string[] }
}

export function organizationSnapshot(state: FakeState): OrganizationSnapshot | undefined {
  const org = state.organization
  if (org === undefined) return undefined
  const now = state.clock.scenarioSeconds()
  const kinds: InspectorResourceKind[] = ['ec2', 'ecr', 'lambda', 'lambdaCode', 'codeRepository']
  const aggregator = state.organizationShared?.aggregator
  return {
    autoEnable: { ...org.autoEnable },
    securityHub: {
      configurationType: org.securityHub.configurationType,
      autoEnable: org.securityHub.autoEnable
    },
    members: [...org.members.values()].map((m) => ({
      accountId: m.spec.accountId,
      inspector: Object.fromEntries(
        kinds.map((kind) => [kind, resourceStatus(m.inspector, kind, now)])
      ) as Record<InspectorResourceKind, InspectorStatus>,
      securityHubMember: m.securityHubMember
    })),
    ...(aggregator !== undefined && {
      aggregator: { region: aggregator.region, mode: aggregator.mode, regions: aggregator.regions }
    })
  }
}
