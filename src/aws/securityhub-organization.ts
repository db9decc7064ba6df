/** Security Hub's organization calls that setup makes from its administrator (issue 18). */
import {
  CreateFindingAggregatorCommand,
  CreateMembersCommand,
  DescribeOrganizationConfigurationCommand,
  ListFindingAggregatorsCommand,
  paginateListMembers,
  UpdateOrganizationConfigurationCommand,
  type SecurityHubClient
} from '@aws-sdk/client-securityhub'
import { call } from './explained-call.js'
import { guardedPages, type PagingOptions } from './paging.js'

export interface HubOrganization {
  central: boolean
  autoEnable: boolean
}

export async function getHubOrganization(client: SecurityHubClient): Promise<HubOrganization> {
  const out = await call(
    'securityhub:DescribeOrganizationConfiguration',
    'reading the Security Hub organization configuration',
    () => client.send(new DescribeOrganizationConfigurationCommand({}))
  )
  return {
    central: out.OrganizationConfiguration?.ConfigurationType === 'CENTRAL',
    autoEnable: out.AutoEnable === true
  }
}

export async function enableHubAutoEnable(client: SecurityHubClient): Promise<void> {
  await call(
    'securityhub:UpdateOrganizationConfiguration',
    'turning on Security Hub auto-enable for new members',
    () => client.send(new UpdateOrganizationConfigurationCommand({ AutoEnable: true }))
  )
}

/** Every Security Hub member of the administrator (associated or not) → its MemberStatus. */
export async function listHubMembers(
  client: SecurityHubClient,
  paging: PagingOptions = {}
): Promise<Map<string, string>> {
  const pages = paginateListMembers({ client, pageSize: 50 }, { OnlyAssociated: false })
  const out = new Map<string, string>()
  await call('securityhub:ListMembers', 'listing the Security Hub members', async () => {
    for await (const page of guardedPages('ListMembers', pages, (p) => p.NextToken, paging)) {
      for (const m of page.Members ?? []) {
        if (m.AccountId !== undefined) out.set(m.AccountId, m.MemberStatus ?? '')
      }
    }
  })
  return out
}

/** CreateMembers takes at most 50 AccountDetails a call (the model's AccountDetailsList). */
export const HUB_MEMBERS_PER_CALL = 50

export interface HubMembersResult {
  added: string[]
  unprocessed: { accountId: string; reason: string }[]
}

/**
 * Adds organization accounts as Security Hub members, 50 a call. An organization account needs no
 * invitation (and no email): CreateMembers from the administrator enables Security Hub there.
 */
export async function createHubMembers(
  client: SecurityHubClient,
  accountIds: readonly string[]
): Promise<HubMembersResult> {
  const result: HubMembersResult = { added: [], unprocessed: [] }
  for (let i = 0; i < accountIds.length; i += HUB_MEMBERS_PER_CALL) {
    const batch = accountIds.slice(i, i + HUB_MEMBERS_PER_CALL)
    const answer = await call(
      'securityhub:CreateMembers',
      'adding organization accounts as Security Hub members',
      () =>
        client.send(
          new CreateMembersCommand({ AccountDetails: batch.map((AccountId) => ({ AccountId })) })
        )
    )
    const refused = new Map(
      (answer.UnprocessedAccounts ?? []).map((u) => [u.AccountId ?? '', u.ProcessingResult ?? ''])
    )
    for (const id of batch) {
      const reason = refused.get(id)
      if (reason === undefined) result.added.push(id)
      else result.unprocessed.push({ accountId: id, reason })
    }
    // An unprocessed account outside the batch (AWS names it, we did not send it) is still said.
    for (const [accountId, reason] of refused) {
      if (!batch.includes(accountId)) result.unprocessed.push({ accountId, reason })
    }
  }
  return result
}

export async function findingAggregatorExists(client: SecurityHubClient): Promise<boolean> {
  const out = await call(
    'securityhub:ListFindingAggregators',
    'looking for a finding aggregator',
    () => client.send(new ListFindingAggregatorsCommand({}))
  )
  return (out.FindingAggregators ?? []).length > 0
}

export async function createFindingAggregator(
  client: SecurityHubClient,
  regions: readonly string[]
): Promise<void> {
  await call('securityhub:CreateFindingAggregator', 'creating the finding aggregator', () =>
    client.send(
      new CreateFindingAggregatorCommand({
        RegionLinkingMode: 'SPECIFIED_REGIONS',
        Regions: [...regions]
      })
    )
  )
}
