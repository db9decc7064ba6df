import { describe, expect, it } from '@jest/globals'
import { ORGANIZATION } from '../fake-aws/scenarios.js'
import { e2eHarness } from './harness.js'

const { start, run } = e2eHarness()

const SETUP = { mode: 'setup', 'ecr-rescan-duration': '30d' }

describe('setup e2e', () => {
  it('puts the baseline in place on a fresh account, and a second run changes nothing and says so', async () => {
    const fake = await start('baselineFresh')

    const first = await run(SETUP)

    expect(first.exitCode).toBe(0)
    expect(first.outputs['result']).toBe('pass')
    expect(Number(first.outputs['changes'])).toBeGreaterThan(5)
    expect(fake.inspectorStatus()).toMatchObject({
      ec2: 'ENABLED',
      ecr: 'ENABLED',
      lambda: 'ENABLED'
    })
    expect(fake.securityHub()).toMatchObject({ enabled: true, enabledDefaultStandards: false })
    const ready = fake
      .standards()
      .filter((s) => s.status === 'READY')
      .map((s) => s.standardsArn)
    expect(ready.sort()).toEqual([
      'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
      'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/5.0.0'
    ])
    expect(
      fake
        .insights()
        .map((i) => i.name)
        .sort()
    ).toEqual([
      'inspector-gate: Critical vulnerabilities by resource',
      'inspector-gate: Exploitable critical vulnerabilities by image',
      'inspector-gate: Unpatched EC2 instances'
    ])
    expect(fake.inspectorConfiguration()).toMatchObject({ rescanDuration: 'DAYS_30' })
    expect(first.summary).toContain('Security baseline in place')

    const before = fake.snapshot()
    const writesBefore = fake.writes.length
    const second = await run(SETUP)

    expect(second.exitCode).toBe(0)
    expect(second.outputs['changes']).toBe('0')
    expect(second.log).toContain('the security baseline is already in place')
    expect(second.summary).toContain('Nothing to change')
    expect(fake.snapshot()).toEqual(before)
    expect(fake.writes.slice(writesBefore)).toEqual([])
  })

  it('changes nothing on an account that already has the baseline', async () => {
    const fake = await start('baselineDone')

    const result = await run({ mode: 'setup' })

    expect(result.exitCode).toBe(0)
    expect(result.outputs['changes']).toBe('0')
    expect(fake.writes).toEqual([])
  })

  it('fails naming the standard that could not be enabled and why, after doing the rest', async () => {
    const fake = await start('baselineStandardFails')

    const result = await run({ mode: 'setup' })

    expect(result.exitCode).toBe(1)
    expect(result.outputs['result']).toBe('fail')
    expect(result.log).toMatch(
      /::error::inspector-gate setup: the standard CIS AWS Foundations Benchmark v5\.0\.0 is INCOMPLETE: AWS Config is not recording/
    )
    expect(fake.insights()).toHaveLength(3)
  })

  it('says a second run changes nothing only after the responder stack, which can still fail', async () => {
    // The baseline is in place, so only the responder deployment can fail; the closing line is
    // written after it and must not promise what the failure contradicts.
    await start('baselineDone')

    const result = await run({ mode: 'setup', 'deploy-responder': 'true' })

    expect(result.exitCode).toBe(1)
    expect(result.outputs['result']).toBe('fail')
    expect(result.log).toMatch(
      /::error::inspector-gate setup: responder stack inspector-gate-responder: /
    )
    expect(result.log).toMatch(/; 1 could not be done$/m)
    expect(result.log).not.toContain('already in place')
    expect(result.log).not.toContain('a second run will change nothing')
  })

  it('keeps one insight per name when duplicates exist, updating the stale one and warning about the rest', async () => {
    const fake = await start('baselineDuplicateInsights')

    const result = await run({ mode: 'setup' })

    expect(result.exitCode).toBe(0)
    expect(result.log).toMatch(
      /::warning::2 insights are named "inspector-gate: Critical vulnerabilities by resource"/
    )
    expect(fake.writesTo('CreateInsight')).toHaveLength(0)
    expect(fake.writesTo('UpdateInsight')).toHaveLength(1)
  })
})

describe('organization setup e2e (issue 18)', () => {
  const ORG_SETUP = {
    mode: 'setup',
    organization: 'true',
    regions: 'us-east-1, eu-west-1',
    'aggregate-regions': 'true',
    'scan-types': 'ecr, lambda',
    standards: 'none',
    insights: 'false'
  }
  const REGIONS = ['us-east-1', 'eu-west-1']

  it('sets up a fresh 5-account, 2-Region organization in one run; the second run changes nothing and says so', async () => {
    const fake = await start('organizationFresh')

    const first = await run(ORG_SETUP)

    expect(first.exitCode).toBe(0)
    expect(first.outputs['result']).toBe('pass')
    for (const region of REGIONS) {
      const org = fake.organization(region)
      expect(org?.autoEnable).toMatchObject({ ecr: true, lambda: true, ec2: false })
      expect(org?.securityHub).toEqual({ configurationType: 'LOCAL', autoEnable: true })
      expect(
        org?.members.map((m) => [
          m.accountId,
          m.inspector.ecr,
          m.inspector.lambda,
          m.inspector.ec2,
          m.securityHubMember
        ])
      ).toEqual(ORGANIZATION.members.map((id) => [id, 'ENABLED', 'ENABLED', 'DISABLED', true]))
    }
    expect(fake.organization()?.aggregator).toEqual({
      region: 'us-east-1',
      mode: 'SPECIFIED_REGIONS',
      regions: ['eu-west-1']
    })
    expect(fake.writesTo('CreateFindingAggregator')).toHaveLength(1)
    // One table: account × Region × what changed, every member in both Regions.
    for (const region of REGIONS) {
      for (const member of ORGANIZATION.members) {
        expect(first.summary).toContain(
          `| ${member} | ${region} | Inspector enabled: ECR, LAMBDA |`
        )
        expect(first.summary).toContain(`| ${member} | ${region} | Security Hub member added |`)
      }
      expect(first.summary).toContain(
        `| ${ORGANIZATION.admin} | ${region} | auto-enable for new members: ECR, LAMBDA |`
      )
    }
    expect(first.summary).toContain(
      `| ${ORGANIZATION.admin} | us-east-1 | finding aggregator linking eu-west-1 |`
    )
    expect(first.summary.match(/\| Account \| Region \| Changed \|/g)).toHaveLength(1)
    expect(first.log).toContain('a second run will change nothing')

    const before = REGIONS.map((region) => fake.organization(region))
    const writesBefore = fake.writes.length
    const second = await run(ORG_SETUP)

    expect(second.exitCode).toBe(0)
    expect(second.outputs['changes']).toBe('0')
    expect(second.log).toContain(
      'nothing to change in the organization across us-east-1, eu-west-1'
    )
    expect(second.summary).toContain('Nothing to change in any account or Region.')
    expect(fake.writes.slice(writesBefore)).toEqual([])
    expect(REGIONS.map((region) => fake.organization(region))).toEqual(before)
  })

  it('from a member account, fails with one line naming how to delegate, and writes nothing', async () => {
    const fake = await start('organizationFresh')

    const result = await run(
      { ...ORG_SETUP, regions: 'us-east-1' },
      { env: { AWS_ACCESS_KEY_ID: ORGANIZATION.keys.otherMember } }
    )

    expect(result.exitCode).toBe(1)
    const errors = result.log.split('\n').filter((line) => line.startsWith('::error::'))
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::inspector-gate setup: organization: account ${ORGANIZATION.otherMember} is not the Inspector delegated administrator in us-east-1, and may not read which account is; .*enable-delegated-admin-account`
        )
      )
    ])
    const organizationWrites = [
      'UpdateOrganizationConfiguration',
      'CreateMembers',
      'CreateFindingAggregator'
    ]
    expect(fake.writes.filter((w) => organizationWrites.includes(w.operation))).toEqual([])
    expect(fake.inspectorEnables.filter((e) => e.accountIds !== undefined)).toEqual([])
    // The fake speaks no Organizations API: a call to it would be recorded as an unknown service.
    expect(fake.calls.filter((c) => c.service === 'unknown')).toEqual([])
  })

  it('from the management account, names the delegated administrator to run setup as', async () => {
    const fake = await start('organizationFresh')

    const result = await run(
      { ...ORG_SETUP, regions: 'us-east-1' },
      { env: { AWS_ACCESS_KEY_ID: ORGANIZATION.keys.management } }
    )

    expect(result.exitCode).toBe(1)
    expect(result.log).toContain(
      `::error::inspector-gate setup: organization: account ${ORGANIZATION.admin} is the Inspector delegated administrator in us-east-1, not ${ORGANIZATION.management}; run setup with that account's role`
    )
    expect(fake.writesTo('UpdateOrganizationConfiguration')).toEqual([])
    expect(fake.writesTo('CreateMembers')).toEqual([])
  })
})
