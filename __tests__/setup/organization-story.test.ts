/**
 * Organization-wide setup in process (issue 18): the product's runSetup and SDK clients against
 * the local endpoint's organization, on a virtual clock (waits pass at once, nothing sleeps).
 */
import { describe, expect, it } from '@jest/globals'
import { createAwsClients } from '../../src/aws/clients.js'
import { buildSetupConfig } from '../../src/setup/config.js'
import { runSetup, type SetupReport } from '../../src/setup/run.js'
import { renderSetupSummary } from '../../src/setup/summary.js'
import type { RawInputs } from '../../src/inputs/read.js'
import type { Clock } from '../../src/runtime/clock.js'
import { ALL_CLIENT_CLASSES } from '../fixtures/client-classes.js'
import type { OrganizationMemberSpec } from '../fake-aws/organization.js'
import type { Scenario } from '../fake-aws/scenario.js'
import type { FakeAws } from '../fake-aws/server.js'
import { fakesClosedAfterEachTest } from '../fake-aws/test-support.js'

const { start } = fakesClosedAfterEachTest()

const ADMIN = '111111111111'
const MANAGEMENT = '222222222222'

function organization(members: OrganizationMemberSpec[], accessKeys = {}): Scenario {
  return {
    name: 'fresh organization',
    account: ADMIN,
    repositories: [],
    organization: { managementAccount: MANAGEMENT, delegatedAdmin: ADMIN, members, accessKeys }
  }
}

/** A fresh organization: the administrator plus four members (the management account among them). */
const FIVE_ACCOUNTS: OrganizationMemberSpec[] = [
  { accountId: MANAGEMENT },
  { accountId: '333333333333' },
  { accountId: '444444444444' },
  { accountId: '555555555555' }
]

function virtualClock(): Clock {
  let now = Date.parse('2026-12-03T12:00:00Z')
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms
    }
  }
}

async function setup(fake: FakeAws, inputs: RawInputs, accessKeyId = 'test'): Promise<SetupReport> {
  const config = buildSetupConfig(
    { standards: 'none', insights: 'false', organization: 'true', ...inputs },
    { AWS_REGION: 'us-east-1', INSPECTOR_GATE_POLL_INTERVAL: '1s' }
  )
  const clients = createAwsClients({
    classes: ALL_CLIENT_CLASSES,
    maxAttempts: 1,
    overrides: () => ({
      endpoint: fake.url,
      region: 'us-east-1',
      credentials: { accessKeyId, secretAccessKey: 'test' }
    })
  })
  const log = { info: () => undefined, warning: () => undefined, debug: () => undefined }
  return (await runSetup(config, { clients, clock: virtualClock(), log })).report
}

describe('organization setup (issue 18)', () => {
  it('sets up a fresh 5-account, 2-Region organization in one run; the second run changes nothing', async () => {
    const fake = await start(organization(FIVE_ACCOUNTS))
    const inputs = {
      regions: 'us-east-1, eu-west-1',
      'scan-types': 'ecr, lambda',
      'aggregate-regions': 'true'
    }
    const first = await setup(fake, inputs)
    expect(first.problems).toEqual([])
    const table = first.table ?? []
    for (const region of ['us-east-1', 'eu-west-1']) {
      for (const member of FIVE_ACCOUNTS) {
        expect(table).toContainEqual({
          account: member.accountId,
          region,
          changed: 'Inspector enabled: ECR, LAMBDA'
        })
        expect(table).toContainEqual({
          account: member.accountId,
          region,
          changed: 'Security Hub member added'
        })
      }
      expect(fake.organization(region)?.members.map((m) => m.securityHubMember)).toEqual([
        true,
        true,
        true,
        true
      ])
      expect(table).toContainEqual({
        account: ADMIN,
        region,
        changed: 'auto-enable for new members: ECR, LAMBDA'
      })
      expect(table).toContainEqual({
        account: ADMIN,
        region,
        changed: 'Security Hub auto-enable for new members'
      })
    }
    expect(table).toContainEqual({
      account: ADMIN,
      region: 'us-east-1',
      changed: 'finding aggregator linking eu-west-1'
    })
    // Members in batches: one Enable per Region carries all four accounts.
    const memberEnables = fake
      .callsTo('Enable')
      .map((c) => (c.input as { accountIds?: string[] }).accountIds)
      .filter((ids) => ids !== undefined)
    expect(memberEnables.map((ids) => ids.length)).toEqual([4, 4])
    expect(renderSetupSummary(first)).toContain(
      '| 333333333333 | eu-west-1 | Inspector enabled: ECR, LAMBDA |'
    )

    const changedBefore = fake.writes.filter((w) => w.outcome === 'changed').length
    const writesBefore = fake.writes.length
    const second = await setup(fake, inputs)
    expect(second.problems).toEqual([])
    expect(second.changes).toEqual([])
    expect(second.table).toEqual([])
    expect(fake.writes.length).toBe(writesBefore)
    expect(fake.writes.filter((w) => w.outcome === 'changed').length).toBe(changedBefore)
    expect(renderSetupSummary(second)).toContain('Nothing to change in any account or Region.')
  })

  it('explains each member Enable refused, per account, and still enables the rest', async () => {
    const fake = await start(
      organization([
        { accountId: '333333333333' },
        { accountId: '444444444444', relationshipStatus: 'ACCOUNT_SUSPENDED' },
        { accountId: '555555555555', enableFailure: 'BLOCKED_BY_ORGANIZATION_POLICY' }
      ])
    )
    const report = await setup(fake, { 'scan-types': 'ecr' })
    expect(report.table).toContainEqual({
      account: '333333333333',
      region: 'us-east-1',
      changed: 'Inspector enabled: ECR'
    })
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /^Inspector not enabled for member 444444444444 in us-east-1: the account is suspended/
      )
    )
    expect(report.problems).toEqual([
      expect.stringMatching(
        /^Inspector not enabled for member 555555555555 in us-east-1: an organization policy \(SCP\) blocks/
      )
    ])
  })

  it('from another account, says which account is the administrator and writes nothing of the organization', async () => {
    const fake = await start(
      organization(FIVE_ACCOUNTS, { management: MANAGEMENT, member: '333333333333' })
    )
    const fromManagement = await setup(fake, { 'scan-types': 'ecr' }, 'management')
    expect(fromManagement.problems).toEqual([
      `organization: account ${ADMIN} is the Inspector delegated administrator in us-east-1, not ${MANAGEMENT}; run setup with that account's role`
    ])
    const fromMember = await setup(fake, { 'scan-types': 'ecr' }, 'member')
    expect(fromMember.problems).toEqual([
      expect.stringMatching(
        /^organization: account 333333333333 is not the Inspector delegated administrator in us-east-1, and may not read which account is; .*enable-delegated-admin-account/
      )
    ])
    expect(fake.writesTo('UpdateOrganizationConfiguration')).toEqual([])
    expect(fake.inspectorEnables.filter((e) => e.accountIds !== undefined)).toEqual([])
  })

  it('leaves Security Hub central configuration alone and says so', async () => {
    const scenario = organization(FIVE_ACCOUNTS)
    scenario.organization = {
      ...scenario.organization!,
      securityHub: { configurationType: 'CENTRAL' }
    }
    const fake = await start(scenario)
    const report = await setup(fake, { 'scan-types': 'ecr' })
    expect(report.problems).toEqual([])
    expect(report.unchanged).toContainEqual(expect.stringContaining('uses central configuration'))
    expect(
      fake.callsTo('UpdateOrganizationConfiguration').filter((c) => c.service === 'securityhub')
    ).toEqual([])
  })
})
