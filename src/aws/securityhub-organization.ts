/** Security Hub's organization calls that setup makes from its administrator (issue 18). */
import {
  CreateFindingAggregatorCommand,
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

/** Member accounts whose Security Hub membership is not `Enabled`. */
export async function hubMembersNotEnabled(
  client: SecurityHubClient,
  paging: PagingOptions = {}
): Promise<string[]> {
  const pages = paginateListMembers({ client, pageSize: 50 }, { OnlyAssociated: false })
  const out: string[] = []
  await call('securityhub:ListMembers', 'listing the Security Hub members', async () => {
    for await (const page of guardedPages('ListMembers', pages, (p) => p.NextToken, paging)) {
      for (const m of page.Members ?? []) {
        if (m.MemberStatus !== 'Enabled' && m.AccountId !== undefined) out.push(m.AccountId)
      }
    }
  })
  return out
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
