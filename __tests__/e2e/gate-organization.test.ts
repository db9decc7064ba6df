/**
 * Images in a member account's registry, gated from the organization's delegated administrator
 * (issue 18), and the permission errors a role meets on another account's registry.
 */
import { describe, expect, it } from '@jest/globals'
import { MEMBER_IMAGE, ORGANIZATION } from '../fake-aws/scenarios.js'
import { e2eHarness, findingsFile } from './harness.js'

const { fake, gate } = e2eHarness()

const AS_ADMIN = { env: { AWS_ACCESS_KEY_ID: ORGANIZATION.keys.admin } }
const AS_OTHER_MEMBER = { env: { AWS_ACCESS_KEY_ID: ORGANIZATION.keys.otherMember } }
const filtersOf = (input: unknown): Record<string, unknown> =>
  (input as { filterCriteria: Record<string, unknown> }).filterCriteria
const EQUALS_OWNER = [{ comparison: 'EQUALS', value: ORGANIZATION.imageOwner }]

describe('gating a member account’s image from the delegated administrator', () => {
  it('reads the member’s registry, coverage and findings by its account id and fails on its CRITICAL', async () => {
    const run = await gate('memberRegistry', {}, {}, AS_ADMIN)

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('fail')
    expect(run.outputs['critical']).toBe('1')
    expect(run.outputs['medium']).toBe('1')
    expect(
      findingsFile(run)
        .findings.map((f) => f.vulnerabilityId)
        .sort()
    ).toEqual(['CVE-2022-37434', 'CVE-2024-29041'])
    expect(run.log).toContain(
      `registry ${ORGANIZATION.imageOwner} belongs to another account than ${ORGANIZATION.admin}`
    )
    const calls = fake().calls
    const ecrReads = calls.filter((c) => c.service === 'ecr')
    expect(ecrReads.length).toBeGreaterThan(0)
    for (const call of ecrReads)
      expect({
        operation: call.operation,
        registryId: (call.input as Record<string, unknown>)['registryId']
      }).toEqual({
        operation: call.operation,
        registryId: ORGANIZATION.imageOwner
      })
    const coverage = fake().callsTo('ListCoverage')
    const findings = fake().callsTo('ListFindings')
    expect(coverage.length).toBeGreaterThan(0)
    expect(findings.length).toBeGreaterThan(0)
    for (const call of coverage) expect(filtersOf(call.input)['accountId']).toEqual(EQUALS_OWNER)
    for (const call of findings) expect(filtersOf(call.input)['awsAccountId']).toEqual(EQUALS_OWNER)
    // Nothing is switched on from here: the member's Inspector is the member's (or auto-enable's).
    expect(fake().writes).toEqual([])
  })

  it('without the member’s repository policy, says in one line which policy must let the administrator read', async () => {
    const run = await gate('memberRegistryNoPolicy', {}, {}, AS_ADMIN)

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    const errors = run.log.split('\n').filter((line) => line.startsWith('::error::'))
    expect(errors).toEqual([
      `::error::inspector-gate error: ${MEMBER_IMAGE.uri}: permission denied reading repository app of account ${ORGANIZATION.imageOwner}'s registry (us-east-1) from account ${ORGANIZATION.admin}: the repository policy in ${ORGANIZATION.imageOwner} must allow ${ORGANIZATION.admin} ecr:DescribeImages and ecr:BatchGetImage (and the role needs them, as infra/iam/gate-ecr-policy.json grants) — AWS said: User: arn:aws:sts::${ORGANIZATION.admin}:assumed-role/inspector-gate/ci is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:us-east-1:${ORGANIZATION.imageOwner}:repository/app because no resource-based policy allows the ecr:DescribeImages action`
    ])
    expect(fake().callsTo('ListCoverage')).toEqual([])
  })

  it('from another member’s role, the same denial names that member as the account to allow', async () => {
    const run = await gate('memberRegistry', {}, {}, AS_OTHER_MEMBER)

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toContain(
      `permission denied reading repository app of account ${ORGANIZATION.imageOwner}'s registry (us-east-1) from account ${ORGANIZATION.otherMember}: the repository policy in ${ORGANIZATION.imageOwner} must allow ${ORGANIZATION.otherMember}`
    )
  })
})
