/** Each decision of organization setup (issue 18), against mocked SDK clients. */
import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  BatchGetAccountStatusCommand,
  DescribeOrganizationConfigurationCommand,
  EnableCommand,
  GetDelegatedAdminAccountCommand,
  Inspector2Client,
  ListMembersCommand,
  UpdateOrganizationConfigurationCommand
} from '@aws-sdk/client-inspector2'
import {
  CreateFindingAggregatorCommand,
  CreateMembersCommand,
  DescribeOrganizationConfigurationCommand as DescribeHubOrganization,
  ListFindingAggregatorsCommand,
  ListMembersCommand as ListHubMembers,
  SecurityHubClient,
  UpdateOrganizationConfigurationCommand as UpdateHubOrganization
} from '@aws-sdk/client-securityhub'
import { mockClient } from 'aws-sdk-client-mock'
import type { AwsClients } from '../../src/aws/clients.js'
import type { RunDeps } from '../../src/aws/run-deps.js'
import {
  ensureFindingAggregator,
  explainMemberFailure,
  notAdministratorLine,
  setupOrganizationRegion,
  type OrganizationRow
} from '../../src/setup/organization.js'
import type { SetupConfig, SetupReport } from '../../src/setup/run.js'

const inspector = mockClient(Inspector2Client)
const hub = mockClient(SecurityHubClient)
const ADMIN = '111111111111'

function deps(): RunDeps {
  let now = 0
  const clients = {
    inspector: () => new Inspector2Client({ region: 'us-east-1' }),
    securityHub: () => new SecurityHubClient({ region: 'us-east-1' })
  } as unknown as AwsClients
  return {
    clients,
    clock: { now: () => now, sleep: async (ms: number) => void (now += ms) },
    log: { info: () => undefined, warning: () => undefined, debug: () => undefined }
  }
}

const config = {
  scanTypes: { ec2: false, ecr: true, lambda: false, lambdaCode: false }
} as SetupConfig
const emptyReport = (): SetupReport => ({ changes: [], unchanged: [], problems: [], warnings: [] })
const ENABLED = {
  status: 'ENABLED' as const,
  errorCode: 'ALREADY_ENABLED' as const,
  errorMessage: ''
}
const DISABLED = {
  status: 'DISABLED' as const,
  errorCode: 'RESOURCE_NOT_FOUND' as const,
  errorMessage: ''
}

beforeEach(() => {
  inspector.reset()
  hub.reset()
  inspector.on(GetDelegatedAdminAccountCommand).resolves({ delegatedAdmin: { accountId: ADMIN } })
  inspector
    .on(DescribeOrganizationConfigurationCommand)
    .resolves({ autoEnable: { ec2: false, ecr: true } })
  inspector.on(ListMembersCommand).resolves({ members: [] })
  hub
    .on(DescribeHubOrganization)
    .resolves({ AutoEnable: true, OrganizationConfiguration: { ConfigurationType: 'LOCAL' } })
  hub.on(ListHubMembers).resolves({ Members: [] })
  hub.on(CreateMembersCommand).resolves({ UnprocessedAccounts: [] })
})

async function run(): Promise<{ report: SetupReport; rows: OrganizationRow[] }> {
  const report = emptyReport()
  const rows: OrganizationRow[] = []
  await setupOrganizationRegion(config, 'us-east-1', ADMIN, deps(), report, rows)
  return { report, rows }
}

describe('organization setup decisions', () => {
  it('writes nothing when auto-enable is on and every member has the chosen types', async () => {
    inspector
      .on(ListMembersCommand)
      .resolves({ members: [{ accountId: '333333333333', relationshipStatus: 'ENABLED' }] })
    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [
        {
          accountId: '333333333333',
          state: ENABLED,
          resourceState: { ec2: DISABLED, ecr: ENABLED }
        }
      ]
    })
    hub
      .on(ListHubMembers)
      .resolves({ Members: [{ AccountId: '333333333333', MemberStatus: 'Enabled' }] })
    const { report, rows } = await run()
    expect(rows).toEqual([])
    expect(report.problems).toEqual([])
    expect(report.unchanged).toContain(
      'Security Hub membership of all 1 organization account(s) in us-east-1'
    )
    expect(hub.commandCalls(CreateMembersCommand)).toHaveLength(0)
    expect(inspector.commandCalls(EnableCommand)).toHaveLength(0)
    expect(inspector.commandCalls(UpdateOrganizationConfigurationCommand)).toHaveLength(0)
    expect(hub.commandCalls(UpdateHubOrganization)).toHaveLength(0)
  })

  it('turns on auto-enable for the missing chosen types, keeping the others as they are', async () => {
    inspector
      .on(DescribeOrganizationConfigurationCommand)
      .resolves({ autoEnable: { ec2: true, ecr: false, lambda: true } })
    const { rows } = await run()
    expect(
      inspector.commandCalls(UpdateOrganizationConfigurationCommand)[0]?.args[0].input
    ).toEqual({
      autoEnable: { ec2: true, ecr: true, lambda: true }
    })
    expect(rows).toEqual([
      { account: ADMIN, region: 'us-east-1', changed: 'auto-enable for new members: ECR' }
    ])
  })

  it('reads every ListMembers page and enables the lacking members in batches of 100', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(300000000000 + i))
    inspector
      .on(ListMembersCommand)
      .resolvesOnce({
        members: ids.slice(0, 50).map((accountId) => ({ accountId })),
        nextToken: 'a'
      })
      .resolvesOnce({
        members: ids.slice(50, 100).map((accountId) => ({ accountId })),
        nextToken: 'b'
      })
      .resolvesOnce({ members: ids.slice(100).map((accountId) => ({ accountId })) })
    inspector.on(BatchGetAccountStatusCommand).resolves({ accounts: [] })
    inspector.on(EnableCommand).callsFake((input: { accountIds: string[] }) => ({
      accounts: input.accountIds.map((accountId) => ({ accountId, status: 'ENABLED' })),
      failedAccounts: []
    }))
    const { rows } = await run()
    expect(inspector.commandCalls(ListMembersCommand)).toHaveLength(3)
    expect(
      inspector.commandCalls(EnableCommand).map((c) => c.args[0].input.accountIds?.length)
    ).toEqual([100, 50])
    expect(rows.filter((r) => r.changed === 'Inspector enabled: ECR')).toHaveLength(150)
  })

  it('explains every failedAccounts reason per account; ALREADY_ENABLED is no failure', async () => {
    inspector.on(ListMembersCommand).resolves({
      members: [
        { accountId: '333333333333', relationshipStatus: 'ENABLED' },
        { accountId: '444444444444', relationshipStatus: 'REMOVED' },
        { accountId: '555555555555', relationshipStatus: 'ENABLED' }
      ]
    })
    inspector.on(BatchGetAccountStatusCommand).resolves({ accounts: [] })
    inspector.on(EnableCommand).resolves({
      accounts: [],
      failedAccounts: [
        { accountId: '333333333333', errorCode: 'ALREADY_ENABLED', errorMessage: '' },
        { accountId: '444444444444', errorCode: 'ACCESS_DENIED', errorMessage: 'denied' },
        { accountId: '555555555555', errorCode: 'SSM_UNAVAILABLE', errorMessage: 'SSM is down' }
      ]
    })
    const { report } = await run()
    expect(report.warnings).toEqual([
      'Inspector not enabled for member 444444444444 in us-east-1: the account is not an associated member (relationship REMOVED); nothing to do unless it should be — then associate it'
    ])
    expect(report.problems).toEqual([
      'Inspector not enabled for member 555555555555 in us-east-1: Inspector refused it (SSM_UNAVAILABLE): SSM is down'
    ])
  })

  it('stops at one line when the caller is not the delegated administrator', async () => {
    inspector
      .on(GetDelegatedAdminAccountCommand)
      .resolves({ delegatedAdmin: { accountId: '999999999999' } })
    const { report } = await run()
    expect(report.problems).toEqual([notAdministratorLine(ADMIN, '999999999999', 'us-east-1')])
    expect(inspector.commandCalls(ListMembersCommand)).toHaveLength(0)
  })

  it('names the management-account command when no administrator is delegated or it cannot be read', () => {
    expect(notAdministratorLine(ADMIN, null, 'us-east-1')).toContain(
      `enable-delegated-admin-account --delegated-admin-account-id ${ADMIN}`
    )
    expect(notAdministratorLine(ADMIN, undefined, 'us-east-1')).toContain(
      'may not read which account is'
    )
  })

  it('leaves Security Hub central configuration alone, and turns auto-enable on under local', async () => {
    hub
      .on(DescribeHubOrganization)
      .resolves({ AutoEnable: false, OrganizationConfiguration: { ConfigurationType: 'CENTRAL' } })
    const central = await run()
    expect(hub.commandCalls(UpdateHubOrganization)).toHaveLength(0)
    expect(central.report.unchanged).toContainEqual(
      expect.stringContaining('central configuration')
    )
    hub
      .on(DescribeHubOrganization)
      .resolves({ AutoEnable: false, OrganizationConfiguration: { ConfigurationType: 'LOCAL' } })
    const local = await run()
    expect(hub.commandCalls(UpdateHubOrganization)[0]?.args[0].input).toEqual({ AutoEnable: true })
    expect(local.rows).toContainEqual({
      account: ADMIN,
      region: 'us-east-1',
      changed: 'Security Hub auto-enable for new members'
    })
  })

  it('adds the organization accounts Security Hub lacks, 50 a call, each unprocessed one named', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => String(300000000000 + i))
    inspector.on(ListMembersCommand).resolves({
      members: [
        ...ids.map((accountId) => ({ accountId, relationshipStatus: 'ENABLED' as const })),
        { accountId: '444444444444', relationshipStatus: 'ACCOUNT_SUSPENDED' as const }
      ]
    })
    inspector.on(BatchGetAccountStatusCommand).resolves({ accounts: [] })
    inspector.on(EnableCommand).resolves({ accounts: [], failedAccounts: [] })
    hub.on(ListHubMembers).resolves({
      Members: [
        { AccountId: ids[0], MemberStatus: 'Enabled' },
        { AccountId: ids[1], MemberStatus: 'Removed' },
        { AccountId: ids[2], MemberStatus: 'Invited' }
      ]
    })
    hub
      .on(CreateMembersCommand)
      .resolvesOnce({
        UnprocessedAccounts: [{ AccountId: ids[3], ProcessingResult: 'Account is not\nactive' }]
      })
      .resolves({ UnprocessedAccounts: [] })
    const { report, rows } = await run()
    const sent = hub
      .commandCalls(CreateMembersCommand)
      .map((c) => (c.args[0].input.AccountDetails ?? []).map((d) => d.AccountId))
    // The Enabled member, the one waiting on an invitation and the suspended account are not sent.
    expect(sent.map((batch) => batch.length)).toEqual([50, 8])
    expect(sent.flat()).toEqual([ids[1], ...ids.slice(3)])
    expect(rows.filter((r) => r.changed === 'Security Hub member added')).toHaveLength(57)
    expect(report.problems).toEqual([
      `Security Hub member ${ids[3]} not added in us-east-1: Account is not active; check the account is active in the organization and that no SCP denies Security Hub there, then rerun setup`
    ])
    expect(report.warnings).toHaveLength(1)
    expect(report.warnings[0]).toContain(
      `Security Hub membership of 1 account(s) in us-east-1 is not Enabled (${ids[2]}: Invited)`
    )
  })

  it('adds no Security Hub member under central configuration, and says its policies decide', async () => {
    inspector
      .on(ListMembersCommand)
      .resolves({ members: [{ accountId: '333333333333', relationshipStatus: 'ENABLED' }] })
    inspector.on(BatchGetAccountStatusCommand).resolves({ accounts: [] })
    inspector.on(EnableCommand).resolves({ accounts: [], failedAccounts: [] })
    hub
      .on(DescribeHubOrganization)
      .resolves({ AutoEnable: false, OrganizationConfiguration: { ConfigurationType: 'CENTRAL' } })
    const { report } = await run()
    expect(hub.commandCalls(CreateMembersCommand)).toHaveLength(0)
    expect(report.unchanged).toContain(
      "Security Hub membership of 1 organization account(s) in us-east-1: central configuration's policies decide it, so setup adds no member"
    )
  })

  it('creates the finding aggregator only when none exists', async () => {
    hub
      .on(ListFindingAggregatorsCommand)
      .resolves({ FindingAggregators: [{ FindingAggregatorArn: 'arn' }] })
    await ensureFindingAggregator(['us-east-1', 'eu-west-1'], ADMIN, deps(), emptyReport(), [])
    expect(hub.commandCalls(CreateFindingAggregatorCommand)).toHaveLength(0)
    hub.on(ListFindingAggregatorsCommand).resolves({ FindingAggregators: [] })
    hub.on(CreateFindingAggregatorCommand).resolves({})
    await ensureFindingAggregator(['us-east-1', 'eu-west-1'], ADMIN, deps(), emptyReport(), [])
    expect(hub.commandCalls(CreateFindingAggregatorCommand)[0]?.args[0].input).toEqual({
      RegionLinkingMode: 'SPECIFIED_REGIONS',
      Regions: ['eu-west-1']
    })
  })

  it('classes a suspended account as a warning and an SCP block as a problem', () => {
    expect(explainMemberFailure('ACCOUNT_IS_ISOLATED', '', 'ACCOUNT_SUSPENDED').severity).toBe(
      'warning'
    )
    expect(explainMemberFailure('BLOCKED_BY_ORGANIZATION_POLICY', '', 'ENABLED').severity).toBe(
      'problem'
    )
  })
})
