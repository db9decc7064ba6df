/**
 * The organization operations of Inspector2 (ListMembers, Describe/UpdateOrganizationConfiguration,
 * GetDelegatedAdminAccount, ListDelegatedAdminAccounts) and Security Hub (Describe/Update
 * OrganizationConfiguration, List/CreateMembers, CreateFindingAggregator, ListFindingAggregators), over
 * organization.ts. Enable and BatchGetAccountStatus for members live in inspector-api.ts.
 */
import { createHash } from 'node:crypto'
import type { AutoEnable } from '@aws-sdk/client-inspector2'
import { requireDelegatedAdmin } from './organization.js'
import { paginate } from './paging.js'
import { partitionOf } from './standards.js'
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

type Input = Record<string, unknown>

export const INSPECTOR_ORGANIZATION_ROUTES: Record<string, string> = {
  '/members/list': 'ListMembers',
  '/organizationconfiguration/describe': 'DescribeOrganizationConfiguration',
  '/organizationconfiguration/update': 'UpdateOrganizationConfiguration',
  '/delegatedadminaccounts/get': 'GetDelegatedAdminAccount',
  '/delegatedadminaccounts/list': 'ListDelegatedAdminAccounts'
}

function organizationOf(state: FakeState) {
  const region = state.organization
  if (region === undefined) throw new Error('fake-aws bug: no organization state')
  return region
}

export function handleInspectorOrganization(
  state: FakeState,
  operation: string,
  input: Input,
  caller: string
): unknown | undefined {
  const spec = state.scenario.organization
  switch (operation) {
    case 'GetDelegatedAdminAccount': {
      // The management account and the administrator may read it; members may not.
      if (
        spec === undefined ||
        (caller !== spec.managementAccount && caller !== spec.delegatedAdmin)
      )
        throw new FakeAwsError(
          'AccessDeniedException',
          403,
          `Account ${caller} is not the management account or delegated administrator of an organization`
        )
      return spec.delegatedAdmin === undefined
        ? {}
        : { delegatedAdmin: { accountId: spec.delegatedAdmin, relationshipStatus: 'ENABLED' } }
    }
    case 'ListDelegatedAdminAccounts': {
      if (spec === undefined || caller !== spec.managementAccount)
        throw new FakeAwsError(
          'AccessDeniedException',
          403,
          `Account ${caller} is not the management account of an organization`
        )
      return {
        delegatedAdminAccounts:
          spec.delegatedAdmin === undefined
            ? []
            : [{ accountId: spec.delegatedAdmin, status: 'ENABLED' }]
      }
    }
    case 'ListMembers': {
      requireDelegatedAdmin(spec, caller, 'inspector2')
      const org = organizationOf(state)
      const onlyAssociated = input.onlyAssociated !== false
      const rows = [...org.members.values()]
        .filter((m) => !onlyAssociated || (m.spec.relationshipStatus ?? 'ENABLED') === 'ENABLED')
        .map((m) => ({
          accountId: m.spec.accountId,
          relationshipStatus: m.spec.relationshipStatus ?? 'ENABLED',
          delegatedAdminAccountId: caller,
          updatedAt: state.clock.dateAt(0)
        }))
      const page = paginate(rows, {
        nextToken: input.nextToken,
        maxResults: input.maxResults,
        query: { onlyAssociated },
        defaultPageSize: 50,
        minPageSize: 1,
        maxPageSize: 50,
        errorCode: 'ValidationException'
      })
      return page.nextToken === undefined
        ? { members: page.items }
        : { members: page.items, nextToken: page.nextToken }
    }
    case 'DescribeOrganizationConfiguration':
      requireDelegatedAdmin(spec, caller, 'inspector2')
      return { autoEnable: { ...organizationOf(state).autoEnable }, maxAccountLimitReached: false }
    case 'UpdateOrganizationConfiguration': {
      requireDelegatedAdmin(spec, caller, 'inspector2')
      const wanted = input.autoEnable as Partial<AutoEnable> | undefined
      if (typeof wanted?.ec2 !== 'boolean' || typeof wanted.ecr !== 'boolean') {
        throw new FakeAwsError(
          'ValidationException',
          400,
          'autoEnable.ec2 and autoEnable.ecr are required'
        )
      }
      const org = organizationOf(state)
      for (const key of ['ec2', 'ecr', 'lambda', 'lambdaCode', 'codeRepository'] as const) {
        const value = wanted[key]
        if (typeof value === 'boolean') org.autoEnable[key] = value
      }
      return { autoEnable: { ...org.autoEnable } }
    }
    default:
      return undefined
  }
}

/** Security Hub routes of the organization operations, or undefined. */
export function securityHubOrganizationRoute(method: string, path: string): string | undefined {
  if (path.endsWith('/organization/configuration')) {
    if (method === 'GET') return 'DescribeOrganizationConfiguration'
    if (method === 'POST') return 'UpdateOrganizationConfiguration'
  }
  if (path.endsWith('/members') && method === 'GET') return 'ListMembers'
  if (path.endsWith('/members') && method === 'POST') return 'CreateMembers'
  if (path.endsWith('/findingAggregator/create') && method === 'POST')
    return 'CreateFindingAggregator'
  if (path.endsWith('/findingAggregator/list') && method === 'GET') return 'ListFindingAggregators'
  return undefined
}

export function handleSecurityHubOrganization(
  state: FakeState,
  operation: string,
  input: Input,
  caller: string,
  region: string
): unknown | undefined {
  const spec = state.scenario.organization
  switch (operation) {
    case 'DescribeOrganizationConfiguration': {
      requireDelegatedAdmin(spec, caller, 'securityhub')
      const hub = organizationOf(state).securityHub
      return {
        AutoEnable: hub.autoEnable,
        AutoEnableStandards: hub.autoEnableStandards,
        MemberAccountLimitReached: false,
        OrganizationConfiguration: { ConfigurationType: hub.configurationType, Status: 'ENABLED' }
      }
    }
    case 'UpdateOrganizationConfiguration': {
      requireDelegatedAdmin(spec, caller, 'securityhub')
      const hub = organizationOf(state).securityHub
      if (typeof input.AutoEnable !== 'boolean') {
        throw new FakeAwsError('InvalidInputException', 400, 'AutoEnable is required')
      }
      // With central configuration, configuration policies decide which accounts have the hub.
      if (hub.configurationType === 'CENTRAL' && input.AutoEnable) {
        throw new FakeAwsError(
          'InvalidInputException',
          400,
          'AutoEnable cannot be true when the organization uses central configuration'
        )
      }
      hub.autoEnable = input.AutoEnable
      if (input.AutoEnableStandards === 'NONE' || input.AutoEnableStandards === 'DEFAULT') {
        hub.autoEnableStandards = input.AutoEnableStandards
      }
      return {}
    }
    case 'ListMembers': {
      requireDelegatedAdmin(spec, caller, 'securityhub')
      const org = organizationOf(state)
      const onlyAssociated = input.OnlyAssociated !== 'false' && input.OnlyAssociated !== false
      // An organization account the administrator never added is no Security Hub member at all.
      const row = (accountId: string, status: string) => ({
        AccountId: accountId,
        AdministratorId: caller,
        MemberStatus: status,
        UpdatedAt: state.clock.dateAt(0).toISOString()
      })
      const rows = [
        ...[...org.members.values()]
          .filter((m) => m.securityHubMember)
          .map((m) => row(m.spec.accountId, 'Enabled')),
        ...(onlyAssociated ? [] : [...org.invitedOutsiders].map((id) => row(id, 'Created')))
      ]
      const page = paginate(rows, {
        nextToken: input.NextToken,
        maxResults: input.MaxResults,
        query: { onlyAssociated },
        defaultPageSize: 50,
        minPageSize: 1,
        maxPageSize: 50,
        errorCode: 'InvalidInputException'
      })
      return page.nextToken === undefined
        ? { Members: page.items }
        : { Members: page.items, NextToken: page.nextToken }
    }
    case 'CreateMembers':
      return createHubMembers(state, input, caller)
    case 'CreateFindingAggregator': {
      requireDelegatedAdmin(spec, caller, 'securityhub')
      const shared = state.organizationShared
      if (shared === undefined) throw new Error('fake-aws bug: no organization state')
      if (shared.aggregator !== undefined) {
        throw new FakeAwsError(
          'LimitExceededException',
          429,
          `A finding aggregator already exists in ${shared.aggregator.region}`
        )
      }
      const mode = String(input.RegionLinkingMode ?? '')
      const modes = [
        'ALL_REGIONS',
        'ALL_REGIONS_EXCEPT_SPECIFIED',
        'SPECIFIED_REGIONS',
        'NO_REGIONS'
      ]
      if (!modes.includes(mode)) {
        throw new FakeAwsError('InvalidInputException', 400, `Invalid RegionLinkingMode ${mode}`)
      }
      const regions = Array.isArray(input.Regions) ? input.Regions.map(String) : []
      const id = createHash('sha256').update(`${caller}/${region}`).digest('hex').slice(0, 32)
      const arn = `arn:${partitionOf(region)}:securityhub:${region}:${caller}:finding-aggregator/${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-8${id.slice(17, 20)}-${id.slice(20, 32)}`
      shared.aggregator = { arn, region, mode, regions }
      return {
        FindingAggregatorArn: arn,
        FindingAggregationRegion: region,
        RegionLinkingMode: mode,
        Regions: regions
      }
    }
    case 'ListFindingAggregators': {
      requireDelegatedAdmin(spec, caller, 'securityhub')
      const aggregator = state.organizationShared?.aggregator
      return {
        FindingAggregators:
          aggregator === undefined ? [] : [{ FindingAggregatorArn: aggregator.arn }]
      }
    }
    default:
      return undefined
  }
}

/**
 * CreateMembers from the administrator: an organization account becomes an `Enabled` member at once
 * (no invitation); an account outside the organization is `Created` and waits for an invitation;
 * the administrator itself, and a member scripted to fail, are UnprocessedAccounts.
 */
function createHubMembers(state: FakeState, input: Input, caller: string): unknown {
  requireDelegatedAdmin(state.scenario.organization, caller, 'securityhub')
  const org = organizationOf(state)
  const details = Array.isArray(input.AccountDetails) ? input.AccountDetails : []
  if (details.length < 1 || details.length > 50) {
    throw new FakeAwsError(
      'InvalidInputException',
      400,
      'AccountDetails must hold between 1 and 50 accounts'
    )
  }
  const unprocessed: { AccountId: string; ProcessingResult: string }[] = []
  for (const detail of details as { AccountId?: unknown }[]) {
    const id = String(detail.AccountId ?? '')
    if (!/^\d{12}$/.test(id)) {
      unprocessed.push({ AccountId: id, ProcessingResult: 'The account ID is not valid' })
      continue
    }
    if (id === caller) {
      unprocessed.push({
        AccountId: id,
        ProcessingResult: 'The administrator account cannot be a member of itself'
      })
      continue
    }
    const member = org.members.get(id)
    if (member === undefined) {
      org.invitedOutsiders.add(id)
      continue
    }
    const failure = member.spec.securityHubCreateFailure
    if (failure !== undefined) unprocessed.push({ AccountId: id, ProcessingResult: failure })
    else member.securityHubMember = true
  }
  return { UnprocessedAccounts: unprocessed }
}
