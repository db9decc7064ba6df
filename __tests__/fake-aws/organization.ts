/**
 * An AWS Organization as Inspector and Security Hub see it from their delegated administrator
 * (issue 18): member accounts with their relationship, each member's Inspector activation per
 * resource type and its Security Hub membership, Inspector's and Security Hub's organization
 * configuration, and Security Hub's cross-Region finding aggregator.
 *
 * Who calls: the SigV4 access key of the request names the calling account through
 * `OrganizationSpec.accessKeys`; any other key (the tests' `test`) is the scenario's own `account`.
 * Only the organization operations, STS GetCallerIdentity and Enable / BatchGetAccountStatus with
 * member `accountIds` depend on the caller; every other operation answers as the scenario's account.
 *
 * Per Region: each Region's FakeState holds its own OrganizationRegion (made from the spec when the
 * Region is first used), so enabling a member in one Region leaves the others as they were. The
 * finding aggregator is one per administrator account, whatever the Region (OrganizationShared).
 */
import type {
  AutoEnable,
  RelationshipStatus,
  Status as InspectorStatus
} from '@aws-sdk/client-inspector2'
import { initialInspectorAccount } from './accounts.js'
import type { InspectorAccount } from './accounts.js'
import type { InspectorResourceKind, Scenario } from './scenario.js'
import { FakeAwsError } from './wire.js'

export interface OrganizationMemberSpec {
  accountId: string
  /** Inspector's relationship with the delegated administrator; default ENABLED. */
  relationshipStatus?: RelationshipStatus
  /** Inspector activation per resource type, in every Region; default every type DISABLED. */
  inspectorStatus?: Partial<Record<InspectorResourceKind, InspectorStatus>>
  /**
   * Security Hub membership (ListMembers MemberStatus `Enabled`); default false: the account is not
   * in Security Hub's ListMembers at all until the administrator adds it (CreateMembers).
   */
  securityHubMember?: boolean
  /** CreateMembers leaves this member unprocessed with this ProcessingResult (scripted). */
  securityHubCreateFailure?: string
  /** Enable of this member answers this failedAccounts errorCode every time (scripted). */
  enableFailure?: string
}

export interface OrganizationSpec {
  managementAccount: string
  /** Inspector's and Security Hub's delegated administrator; none when absent. */
  delegatedAdmin?: string
  /** Every account but the delegated administrator, in the order ListMembers gives them. */
  members: OrganizationMemberSpec[]
  /** Access key id → calling account (see the file header). */
  accessKeys?: Record<string, string>
  /** Inspector's organization auto-enable; default all false. */
  inspectorAutoEnable?: Partial<AutoEnable>
  securityHub?: {
    /** Default LOCAL. CENTRAL: configuration policies decide; AutoEnable updates are refused. */
    configurationType?: 'LOCAL' | 'CENTRAL'
    /** Default false. */
    autoEnable?: boolean
    autoEnableStandards?: 'NONE' | 'DEFAULT'
  }
}

export interface OrganizationMember {
  spec: OrganizationMemberSpec
  inspector: InspectorAccount
  securityHubMember: boolean
}

/** One Region's organization state. */
export interface OrganizationRegion {
  autoEnable: AutoEnable
  members: Map<string, OrganizationMember>
  /** Accounts outside the organization added with CreateMembers: `Created`, not yet invited. */
  invitedOutsiders: Set<string>
  securityHub: {
    configurationType: 'LOCAL' | 'CENTRAL'
    autoEnable: boolean
    autoEnableStandards: 'NONE' | 'DEFAULT'
  }
}

/** Across Regions: the finding aggregator (one per account, in its aggregation Region). */
export interface OrganizationShared {
  aggregator?: { arn: string; region: string; mode: string; regions: string[] }
}

const DISABLED: Record<InspectorResourceKind, InspectorStatus> = {
  ec2: 'DISABLED',
  ecr: 'DISABLED',
  lambda: 'DISABLED',
  lambdaCode: 'DISABLED',
  codeRepository: 'DISABLED'
}

export function initialOrganizationRegion(spec: OrganizationSpec): OrganizationRegion {
  const members = new Map<string, OrganizationMember>()
  for (const member of spec.members) {
    if (!/^\d{12}$/.test(member.accountId)) {
      throw new Error(`scenario: organization member ${member.accountId} is not a 12-digit id`)
    }
    const inspectorStatus = { ...DISABLED, ...member.inspectorStatus }
    members.set(member.accountId, {
      spec: member,
      inspector: initialInspectorAccount({
        name: member.accountId,
        repositories: [],
        inspectorStatus
      } satisfies Scenario),
      securityHubMember: member.securityHubMember ?? false
    })
  }
  return {
    autoEnable: {
      ec2: false,
      ecr: false,
      lambda: false,
      lambdaCode: false,
      codeRepository: false,
      ...spec.inspectorAutoEnable
    },
    members,
    invitedOutsiders: new Set(),
    securityHub: {
      configurationType: spec.securityHub?.configurationType ?? 'LOCAL',
      autoEnable: spec.securityHub?.autoEnable ?? false,
      autoEnableStandards: spec.securityHub?.autoEnableStandards ?? 'DEFAULT'
    }
  }
}

/** The account a request acts as: its access key's, or the scenario's own. */
export function callerAccount(scenario: Scenario, accessKeyId: string | undefined): string {
  const own = scenario.account ?? '123456789012'
  if (accessKeyId === undefined) return own
  const keys = scenario.organization?.accessKeys ?? {}
  return Object.hasOwn(keys, accessKeyId) ? (keys[accessKeyId] as string) : own
}

/** `Credential=AKID/20260101/...` → `AKID`. */
export function accessKeyOf(authorization: string | undefined): string | undefined {
  return /Credential=([^/]+)\//.exec(authorization ?? '')?.[1]
}

/**
 * Organization operations answer only the delegated administrator; anyone else gets the service's
 * access error, as AWS answers a member or a standalone account.
 */
export function requireDelegatedAdmin(
  spec: OrganizationSpec | undefined,
  caller: string,
  service: 'inspector2' | 'securityhub'
): OrganizationSpec {
  if (spec !== undefined && spec.delegatedAdmin === caller) return spec
  const message = `Account ${caller} is not the delegated administrator of an organization`
  throw service === 'inspector2'
    ? new FakeAwsError('AccessDeniedException', 403, message)
    : new FakeAwsError('InvalidAccessException', 401, message)
}

/** The errorCode Enable answers for a member, if it cannot be enabled. */
export function memberEnableFailure(member: OrganizationMember): string | undefined {
  if (member.spec.enableFailure !== undefined) return member.spec.enableFailure
  const relationship = member.spec.relationshipStatus ?? 'ENABLED'
  if (relationship === 'ACCOUNT_SUSPENDED') return 'ACCOUNT_IS_ISOLATED'
  if (relationship !== 'ENABLED') return 'ACCESS_DENIED'
  return undefined
}

export const MEMBER_FAILURE_MESSAGES: Record<string, string> = {
  ACCOUNT_IS_ISOLATED: 'The account is suspended.',
  ACCESS_DENIED: 'The account is not an associated member of this organization.'
}
