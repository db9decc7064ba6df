import { describe, expect, it } from '@jest/globals'
import {
  AccessDeniedException,
  BatchGetAccountStatusCommand,
  DescribeOrganizationConfigurationCommand,
  EnableCommand,
  GetDelegatedAdminAccountCommand,
  Inspector2Client,
  ListDelegatedAdminAccountsCommand,
  UpdateOrganizationConfigurationCommand,
  paginateListMembers
} from '@aws-sdk/client-inspector2'
import {
  CreateFindingAggregatorCommand,
  CreateMembersCommand,
  DescribeOrganizationConfigurationCommand as DescribeHubOrganizationCommand,
  InvalidAccessException,
  InvalidInputException,
  ListFindingAggregatorsCommand,
  ListMembersCommand as ListHubMembersCommand,
  SecurityHubClient,
  UpdateOrganizationConfigurationCommand as UpdateHubOrganizationCommand
} from '@aws-sdk/client-securityhub'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { MEMBER_IMAGE, ORGANIZATION, scenarios } from './scenarios.js'
import type { OrganizationSpec } from './organization.js'
import type { Scenario } from './scenario.js'
import type { FakeAws } from './server.js'
import { fakesClosedAfterEachTest } from './test-support.js'

const { start } = fakesClosedAfterEachTest()

const ADMIN = '111111111111'
const MANAGEMENT = '222222222222'
const MEMBER = '333333333333'

function org(extra: Partial<OrganizationSpec> = {}): Scenario {
  return {
    name: 'organization',
    account: ADMIN,
    repositories: [],
    organization: {
      managementAccount: MANAGEMENT,
      delegatedAdmin: ADMIN,
      members: [
        { accountId: MANAGEMENT },
        { accountId: MEMBER },
        { accountId: '444444444444', relationshipStatus: 'ACCOUNT_SUSPENDED' }
      ],
      accessKeys: { management: MANAGEMENT, member: MEMBER },
      ...extra
    }
  }
}

function clients(fake: FakeAws, region = 'us-east-1', accessKeyId = 'test') {
  const config = {
    endpoint: fake.url,
    region,
    credentials: { accessKeyId, secretAccessKey: 'test' },
    maxAttempts: 1
  }
  return {
    inspector: new Inspector2Client(config),
    hub: new SecurityHubClient(config),
    sts: new STSClient(config)
  }
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error
  )
}

describe('the fake organization (issue 18)', () => {
  it('answers each caller as the account its access key names', async () => {
    const fake = await start(org())
    const caller = async (key: string) =>
      (await clients(fake, 'us-east-1', key).sts.send(new GetCallerIdentityCommand({}))).Account
    expect([await caller('test'), await caller('management'), await caller('member')]).toEqual([
      ADMIN,
      MANAGEMENT,
      MEMBER
    ])
    const member = clients(fake, 'us-east-1', 'member')
    expect(
      await caught(member.inspector.send(new DescribeOrganizationConfigurationCommand({})))
    ).toBeInstanceOf(AccessDeniedException)
    expect(
      await caught(member.inspector.send(new GetDelegatedAdminAccountCommand({})))
    ).toBeInstanceOf(AccessDeniedException)
    expect(await caught(member.hub.send(new DescribeHubOrganizationCommand({})))).toBeInstanceOf(
      InvalidAccessException
    )
    const management = clients(fake, 'us-east-1', 'management').inspector
    const admin = await management.send(new GetDelegatedAdminAccountCommand({}))
    expect(admin.delegatedAdmin?.accountId).toBe(ADMIN)
    const listed = await management.send(new ListDelegatedAdminAccountsCommand({}))
    expect(listed.delegatedAdminAccounts).toEqual([{ accountId: ADMIN, status: 'ENABLED' }])
  })

  it('lists members page by page, in the organization order', async () => {
    const members = Array.from({ length: 7 }, (_, i) => ({ accountId: String(500000000000 + i) }))
    const fake = await start(org({ members }))
    const { inspector } = clients(fake)
    const seen: string[] = []
    for await (const page of paginateListMembers({ client: inspector, pageSize: 3 }, {})) {
      expect((page.members ?? []).length).toBeLessThanOrEqual(3)
      seen.push(...(page.members ?? []).map((m) => m.accountId ?? ''))
    }
    expect(seen).toEqual(members.map((m) => m.accountId))
    expect(fake.callsTo('ListMembers')).toHaveLength(3)
  })

  it('enables members per Region and explains each failed account', async () => {
    const fake = await start(org())
    const east = clients(fake).inspector
    const west = clients(fake, 'eu-west-1').inspector
    const out = await east.send(
      new EnableCommand({
        resourceTypes: ['ECR', 'LAMBDA'],
        accountIds: [MEMBER, '444444444444', '999999999999']
      })
    )
    expect(out.accounts?.map((a) => [a.accountId, a.resourceStatus?.ecr])).toEqual([
      [MEMBER, 'ENABLED']
    ])
    expect(out.failedAccounts?.map((f) => [f.accountId, f.errorCode])).toEqual([
      ['999999999999', 'ACCESS_DENIED'],
      ['444444444444', 'ACCOUNT_IS_ISOLATED']
    ])
    const status = async (client: Inspector2Client) =>
      (await client.send(new BatchGetAccountStatusCommand({ accountIds: [MEMBER] }))).accounts?.[0]
        ?.resourceState?.ecr?.status
    expect(await status(east)).toBe('ENABLED')
    expect(await status(west)).toBe('DISABLED')
    expect(fake.writesTo('Enable').map((w) => w.outcome)).toEqual(['changed'])
  })

  it('keeps the Inspector auto-enable per Region, an unchanged update recorded as unchanged', async () => {
    const fake = await start(org())
    const { inspector } = clients(fake)
    const autoEnable = { ec2: true, ecr: true, lambda: false }
    await inspector.send(new UpdateOrganizationConfigurationCommand({ autoEnable }))
    await inspector.send(new UpdateOrganizationConfigurationCommand({ autoEnable }))
    const east = await inspector.send(new DescribeOrganizationConfigurationCommand({}))
    const west = await clients(fake, 'eu-west-1').inspector.send(
      new DescribeOrganizationConfigurationCommand({})
    )
    expect(east.autoEnable).toMatchObject(autoEnable)
    expect(west.autoEnable?.ec2).toBe(false)
    expect(fake.writesTo('UpdateOrganizationConfiguration').map((w) => w.outcome)).toEqual([
      'changed',
      'unchanged'
    ])
  })

  it('refuses Security Hub auto-enable under central configuration, and allows it under local', async () => {
    const central = await start(org({ securityHub: { configurationType: 'CENTRAL' } }))
    const hub = clients(central).hub
    const described = await hub.send(new DescribeHubOrganizationCommand({}))
    expect(described.OrganizationConfiguration?.ConfigurationType).toBe('CENTRAL')
    expect(
      await caught(hub.send(new UpdateHubOrganizationCommand({ AutoEnable: true })))
    ).toBeInstanceOf(InvalidInputException)
    const local = await start(org())
    const localHub = clients(local).hub
    await localHub.send(new UpdateHubOrganizationCommand({ AutoEnable: true }))
    expect((await localHub.send(new DescribeHubOrganizationCommand({}))).AutoEnable).toBe(true)
    const members = await localHub.send(new ListHubMembersCommand({ OnlyAssociated: false }))
    expect(members.Members).toEqual([])
  })

  it('adds organization accounts as Security Hub members with CreateMembers, per Region, each refusal named', async () => {
    const fake = await start(
      org({
        members: [
          { accountId: MANAGEMENT },
          { accountId: MEMBER, securityHubCreateFailure: 'The account is not active' }
        ]
      })
    )
    const east = clients(fake).hub
    const out = await east.send(
      new CreateMembersCommand({
        AccountDetails: [
          { AccountId: MANAGEMENT },
          { AccountId: MEMBER },
          { AccountId: ADMIN },
          { AccountId: '999999999999' }
        ]
      })
    )
    expect(out.UnprocessedAccounts).toEqual([
      { AccountId: MEMBER, ProcessingResult: 'The account is not active' },
      {
        AccountId: ADMIN,
        ProcessingResult: 'The administrator account cannot be a member of itself'
      }
    ])
    const listed = async (client: SecurityHubClient, onlyAssociated: boolean) =>
      (
        await client.send(new ListHubMembersCommand({ OnlyAssociated: onlyAssociated }))
      ).Members?.map((m) => [m.AccountId, m.MemberStatus])
    expect(await listed(east, false)).toEqual([
      [MANAGEMENT, 'Enabled'],
      ['999999999999', 'Created']
    ])
    expect(await listed(east, true)).toEqual([[MANAGEMENT, 'Enabled']])
    expect(await listed(clients(fake, 'eu-west-1').hub, false)).toEqual([])
    expect(fake.organization()?.members.map((m) => m.securityHubMember)).toEqual([true, false])
    expect(
      await caught(
        clients(fake, 'us-east-1', 'member').hub.send(
          new CreateMembersCommand({ AccountDetails: [{ AccountId: MANAGEMENT }] })
        )
      )
    ).toBeInstanceOf(InvalidAccessException)
    expect(fake.writesTo('CreateMembers').map((w) => w.outcome)).toEqual(['changed', 'rejected'])
  })

  it('keeps one finding aggregator for the administrator, seen from every Region', async () => {
    const fake = await start(org())
    const east = clients(fake).hub
    const created = await east.send(
      new CreateFindingAggregatorCommand({
        RegionLinkingMode: 'SPECIFIED_REGIONS',
        Regions: ['eu-west-1']
      })
    )
    expect(created.FindingAggregationRegion).toBe('us-east-1')
    const west = await clients(fake, 'eu-west-1').hub.send(new ListFindingAggregatorsCommand({}))
    expect(west.FindingAggregators).toEqual([
      { FindingAggregatorArn: created.FindingAggregatorArn }
    ])
  })
})

describe('a member account’s registry read from other accounts (issue 18)', () => {
  const memberImage = { repositoryName: 'app', imageIds: [{ imageTag: MEMBER_IMAGE.tag }] }

  it('lets the accounts its repository policy names read images, and nothing else', async () => {
    const fake = await start(scenarios.memberRegistry)
    const admin = new ECRClient(ecrConfig(fake, ORGANIZATION.keys.admin))
    const read = await admin.send(
      new DescribeImagesCommand({ registryId: ORGANIZATION.imageOwner, ...memberImage })
    )
    expect(read.imageDetails?.[0]?.imageDigest).toBe(MEMBER_IMAGE.digest)
    // Without registryId the request is about the administrator's own registry, not the member's.
    expect(await caught(admin.send(new DescribeImagesCommand(memberImage)))).toMatchObject({
      name: 'RepositoryNotFoundException'
    })
    const other = new ECRClient(ecrConfig(fake, ORGANIZATION.keys.otherMember))
    const denied = await caught(
      other.send(new DescribeImagesCommand({ registryId: ORGANIZATION.imageOwner, ...memberImage }))
    )
    expect(denied).toMatchObject({ name: 'AccessDeniedException' })
    expect((denied as Error).message).toBe(
      `User: arn:aws:sts::${ORGANIZATION.otherMember}:assumed-role/inspector-gate/ci is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:us-east-1:${ORGANIZATION.imageOwner}:repository/app because no resource-based policy allows the ecr:DescribeImages action`
    )
  })
})

function ecrConfig(fake: FakeAws, accessKeyId: string) {
  return {
    endpoint: fake.url,
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey: 'test' },
    maxAttempts: 1
  }
}
