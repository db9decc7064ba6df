import type { ComplianceReport } from '../../src/domain/report.js'
import { describe, expect, it } from '@jest/globals'
import {
  ReportAggregator,
  standardsIdOf,
  type ReportFinding
} from '../../src/domain/report-aggregator.js'

const END = new Date('2026-11-22T00:00:00Z')
const START = new Date('2026-11-15T00:00:00Z')
const FSBP =
  'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0'
const daysAgo = (n: number) => new Date(END.getTime() - n * 86_400_000)

let n = 0
function finding(overrides: Partial<ReportFinding> = {}): ReportFinding {
  n += 1
  return {
    id: `f-${n}`,
    title: 'CVE-2024-1234 - openssl',
    severity: 'HIGH',
    product: 'Inspector',
    accountId: '111111111111',
    region: 'us-east-1',
    resourceType: 'AwsEcrContainerImage',
    resourceId: 'arn:aws:ecr:us-east-1:111111111111:repository/app/sha256:aa',
    createdAt: daysAgo(3),
    updatedAt: daysAgo(1),
    firstObservedAt: daysAgo(3),
    recordState: 'ACTIVE',
    workflowStatus: 'NEW',
    complianceStatus: undefined,
    securityControlId: undefined,
    standardsIds: [],
    ...overrides
  }
}

function aggregate(findings: ReportFinding[], standards = [{ arn: FSBP, name: 'FSBP' }]) {
  const aggregator = new ReportAggregator({
    periodStart: START,
    periodEnd: END,
    remediationTargets: { CRITICAL: 2, HIGH: 14 },
    filters: { products: [], severities: [], accounts: [], resourceTypes: [], workflowStatuses: [] }
  })
  for (const f of findings) aggregator.add(f)
  // The standards as read in the findings' (default) Region.
  return {
    result: (at: Date, previous?: ComplianceReport) =>
      aggregator.result(at, new Map([['us-east-1', standards]]), previous)
  }
}

describe('ReportAggregator across Regions', () => {
  it("keeps each Region's control results apart, against that Region's own standards", () => {
    const aggregator = new ReportAggregator({
      periodStart: START,
      periodEnd: END,
      remediationTargets: {},
      filters: {
        products: [],
        severities: [],
        accounts: [],
        resourceTypes: [],
        workflowStatuses: []
      }
    })
    const control = (region: string, resourceId: string, status: string, standardsIds: string[]) =>
      finding({
        region,
        resourceId,
        securityControlId: 'S3.5',
        complianceStatus: status,
        standardsIds
      })
    const fsbpId = FSBP.split(':').slice(5).join(':')
    const cisId = 'standards/cis-aws-foundations-benchmark/v/5.0.0'
    // S3.5 fails in both Regions; CIS is enabled in us-east-1 only.
    aggregator.add(control('us-east-1', 'bucket-a', 'FAILED', [fsbpId]))
    aggregator.add(control('eu-west-1', 'bucket-b', 'FAILED', [fsbpId, cisId]))
    aggregator.add(control('ap-south-1', 'bucket-c', 'FAILED', [fsbpId]))
    const cis = { arn: `arn:aws:securityhub:us-east-1::${cisId}`, name: 'CIS' }
    const report = aggregator.result(
      END,
      new Map([
        ['us-east-1', [{ arn: FSBP, name: 'FSBP' }, cis]],
        ['eu-west-1', [{ arn: FSBP.replace('us-east-1', 'eu-west-1'), name: 'FSBP' }]]
      ]),
      undefined,
      [],
      { regions: ['us-east-1'] }
    )
    expect(
      report.compliance.map((s) => [
        s.region,
        s.name,
        s.controlsFailed,
        s.failingControls[0]?.failedResources
      ])
    ).toEqual([
      ['eu-west-1', 'FSBP', 1, 1],
      ['us-east-1', 'FSBP', 1, 1],
      // eu-west-1's CIS result does not count against us-east-1's CIS subscription.
      ['us-east-1', 'CIS', 0, undefined]
    ])
    expect(report.regions).toEqual(['ap-south-1', 'eu-west-1', 'us-east-1'])
  })
})

describe('ReportAggregator', () => {
  it('counts by severity, product, resource type and account/region, and new against older', () => {
    const report = aggregate([
      finding({ severity: 'CRITICAL' }),
      finding({
        severity: 'LOW',
        product: 'GuardDuty',
        resourceType: 'AwsEc2Instance',
        createdAt: daysAgo(40)
      }),
      finding({ region: 'eu-west-1' })
    ]).result(END)

    expect(report.totals).toEqual({
      findings: 3,
      bySeverity: { CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 1, INFORMATIONAL: 0 },
      newInPeriod: 2,
      older: 1
    })
    expect(report.byProduct.map((r) => [r.key, r.total])).toEqual([
      ['Inspector', 2],
      ['GuardDuty', 1]
    ])
    expect(report.byAccountRegion.map((r) => r.key).sort()).toEqual([
      '111111111111/eu-west-1',
      '111111111111/us-east-1'
    ])
    expect(report.period).toEqual({ start: START.toISOString(), end: END.toISOString(), days: 7 })
  })

  it('counts open findings older than their remediation target as breaching', () => {
    const report = aggregate([
      finding({ severity: 'CRITICAL', firstObservedAt: daysAgo(5) }),
      finding({ severity: 'CRITICAL', firstObservedAt: daysAgo(1) }),
      finding({ severity: 'CRITICAL', firstObservedAt: daysAgo(9), workflowStatus: 'SUPPRESSED' }),
      finding({ severity: 'HIGH', firstObservedAt: daysAgo(100) })
    ]).result(END)

    const critical = report.age.find((a) => a.severity === 'CRITICAL')
    expect(critical).toMatchObject({ open: 2, targetDays: 2, breaching: 1, oldestDays: 5 })
    expect(critical?.buckets).toEqual({ upTo1: 1, upTo7: 1, upTo30: 0, upTo90: 0, over90: 0 })
    expect(report.age.find((a) => a.severity === 'HIGH')).toMatchObject({
      breaching: 1,
      buckets: { over90: 1 }
    })
    expect(report.age.find((a) => a.severity === 'MEDIUM')).toMatchObject({
      targetDays: null,
      breaching: 0
    })
  })

  it('derives control pass/fail per standard: any FAILED fails, all PASSED passes', () => {
    const control = (
      id: string,
      status: string,
      resource: string,
      severity: ReportFinding['severity'] = 'MEDIUM'
    ) =>
      finding({
        product: 'Security Hub',
        securityControlId: id,
        complianceStatus: status,
        resourceId: resource,
        severity,
        title: `${id} control`,
        standardsIds: [standardsIdOf(FSBP)]
      })
    const report = aggregate([
      control('S3.1', 'PASSED', 'bucket-a'),
      control('S3.1', 'FAILED', 'bucket-b', 'HIGH'),
      control('S3.1', 'FAILED', 'bucket-c'),
      control('IAM.1', 'PASSED', 'account'),
      control('EC2.2', 'WARNING', 'sg-1'),
      control('CloudTrail.1', 'PASSED', 'trail-a'),
      control('CloudTrail.1', 'NOT_AVAILABLE', 'trail-b'),
      control('KMS.4', 'FAILED', 'key-1', 'CRITICAL')
    ]).result(END)

    const [fsbp] = report.compliance
    expect(fsbp).toMatchObject({ controlsPassed: 1, controlsFailed: 2 })
    expect(fsbp?.failingControls.map((c) => [c.controlId, c.severity, c.failedResources])).toEqual([
      ['KMS.4', 'CRITICAL', 1],
      ['S3.1', 'HIGH', 2]
    ])
  })

  it('ranks the resources with most critical, then high findings', () => {
    const report = aggregate([
      finding({ resourceId: 'a', severity: 'HIGH' }),
      finding({ resourceId: 'a', severity: 'HIGH' }),
      finding({ resourceId: 'b', severity: 'CRITICAL' }),
      finding({ resourceId: 'c', severity: 'LOW' })
    ]).result(END)
    expect(report.topResources.map((r) => r.resourceId)).toEqual(['b', 'a'])
  })

  it('gives the change in every headline number against a previous report', () => {
    const previous = aggregate([finding({ severity: 'CRITICAL' }), finding()]).result(daysAgo(7))
    const report = aggregate([finding()]).result(END, previous)
    const byMetric = new Map(report.trend?.map((t) => [t.metric, t]))
    expect(byMetric.get('totals.findings')).toEqual({
      metric: 'totals.findings',
      previous: 2,
      current: 1,
      change: -1
    })
    expect(byMetric.get('totals.bySeverity.CRITICAL')?.change).toBe(-1)
    expect(byMetric.has(`compliance.us-east-1|${FSBP}.controlsFailed`)).toBe(true)
  })

  it('maps a standards ARN to the id control findings use, including CIS 1.2.0’s ruleset form', () => {
    expect(standardsIdOf(FSBP)).toBe('standards/aws-foundational-security-best-practices/v/1.0.0')
    expect(
      standardsIdOf('arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0')
    ).toBe('ruleset/cis-aws-foundations-benchmark/v/1.2.0')
  })
})

describe('ReportAggregator for an organization (issue 18)', () => {
  const MEMBER = '222222222222'
  const OTHER = '333333333333'
  const fsbpId = standardsIdOf(FSBP)
  const control = (accountId: string, region: string, status: string, controlId = 'S3.5') =>
    finding({
      accountId,
      region,
      resourceId: `bucket-${accountId}-${region}`,
      securityControlId: controlId,
      complianceStatus: status,
      standardsIds: [fsbpId]
    })

  it('breaks the findings down by account and by Region, each summing to the total', () => {
    const report = aggregate([
      finding({ accountId: MEMBER, region: 'eu-west-1', severity: 'CRITICAL' }),
      finding({ accountId: MEMBER, region: 'us-east-1' }),
      finding({ accountId: OTHER, region: 'eu-west-1', severity: 'LOW' })
    ]).result(END)
    expect(report.byAccount.map((r) => [r.key, r.total, r.bySeverity.CRITICAL])).toEqual([
      [MEMBER, 2, 1],
      [OTHER, 1, 0]
    ])
    expect(report.byRegion.map((r) => [r.key, r.total])).toEqual([
      ['eu-west-1', 2],
      ['us-east-1', 1]
    ])
    expect(report.accounts).toEqual([MEMBER, OTHER])
    expect(report.regions).toEqual(['eu-west-1', 'us-east-1'])
  })

  it('names the covered accounts and Regions: those given, and every one a finding came from', () => {
    const aggregator = new ReportAggregator({
      periodStart: START,
      periodEnd: END,
      remediationTargets: {},
      filters: {
        products: [],
        severities: [],
        accounts: [],
        resourceTypes: [],
        workflowStatuses: []
      }
    })
    aggregator.add(finding({ accountId: MEMBER, region: 'eu-west-1' }))
    const report = aggregator.result(END, new Map(), undefined, [], {
      regions: ['us-east-1'],
      accounts: ['111111111111']
    })
    // The caller's account and Region are covered even without a finding of theirs.
    expect(report.accounts).toEqual(['111111111111', MEMBER])
    expect(report.regions).toEqual(['eu-west-1', 'us-east-1'])
  })

  it("counts each account's controls per standard across its Regions, as Security Hub decides them", () => {
    const report = aggregate([
      // MEMBER: S3.5 passes in one Region and fails in the other, so it fails; S3.1 passes.
      control(MEMBER, 'us-east-1', 'PASSED'),
      control(MEMBER, 'eu-west-1', 'FAILED'),
      control(MEMBER, 'us-east-1', 'PASSED', 'S3.1'),
      // OTHER: S3.5 passes; S3.1 has a WARNING, so it neither passes nor fails.
      control(OTHER, 'us-east-1', 'PASSED'),
      control(OTHER, 'us-east-1', 'PASSED', 'S3.1'),
      control(OTHER, 'us-east-1', 'WARNING', 'S3.1')
    ]).result(END)
    expect(report.accountPosture).toEqual([
      {
        accountId: MEMBER,
        standardsId: fsbpId,
        name: 'FSBP',
        controlsPassed: 1,
        controlsFailed: 1
      },
      { accountId: OTHER, standardsId: fsbpId, name: 'FSBP', controlsPassed: 1, controlsFailed: 0 }
    ])
  })

  it('names a standard the caller has not enabled by its id', () => {
    const cisId = 'standards/cis-aws-foundations-benchmark/v/5.0.0'
    const report = aggregate([
      finding({
        accountId: MEMBER,
        securityControlId: 'IAM.1',
        complianceStatus: 'FAILED',
        standardsIds: [cisId]
      })
    ]).result(END)
    expect(report.accountPosture.map((row) => [row.name, row.controlsFailed])).toEqual([[cisId, 1]])
  })

  it('ranks the accounts by open findings past their severity’s target, and leaves out the rest', () => {
    // Targets: critical 2 days, high 14 days; medium has none.
    const report = aggregate([
      finding({ accountId: MEMBER, severity: 'CRITICAL', firstObservedAt: daysAgo(3) }),
      finding({ accountId: MEMBER, severity: 'HIGH', firstObservedAt: daysAgo(20) }),
      finding({ accountId: MEMBER, severity: 'HIGH', firstObservedAt: daysAgo(5) }),
      finding({ accountId: OTHER, severity: 'CRITICAL', firstObservedAt: daysAgo(9) }),
      // Resolved: not open, so never past a target.
      finding({
        accountId: OTHER,
        severity: 'CRITICAL',
        firstObservedAt: daysAgo(9),
        workflowStatus: 'RESOLVED'
      }),
      // No target for medium, and a fresh critical: open, not past.
      finding({ accountId: '444444444444', severity: 'MEDIUM', firstObservedAt: daysAgo(80) }),
      finding({ accountId: '444444444444', severity: 'CRITICAL', firstObservedAt: daysAgo(1) })
    ]).result(END)
    expect(
      report.accountsPastTarget.map((row) => [
        row.accountId,
        row.breaching,
        row.bySeverity.CRITICAL,
        row.bySeverity.HIGH,
        row.open
      ])
    ).toEqual([
      [MEMBER, 2, 1, 1, 3],
      [OTHER, 1, 1, 0, 1]
    ])
    const breaching = report.age.reduce((sum, row) => sum + row.breaching, 0)
    expect(report.accountsPastTarget.reduce((sum, row) => sum + row.breaching, 0)).toBe(breaching)
  })

  it('lists at most ten accounts past their target, most first', () => {
    const findings = Array.from({ length: 12 }, (_, index) =>
      Array.from({ length: index + 1 }, () =>
        finding({
          accountId: String(500000000000 + index),
          severity: 'CRITICAL',
          firstObservedAt: daysAgo(30)
        })
      )
    ).flat()
    const report = aggregate(findings).result(END)
    expect(report.accountsPastTarget).toHaveLength(10)
    expect(report.accountsPastTarget[0]).toMatchObject({ accountId: '500000000011', breaching: 12 })
    expect(report.accountsPastTarget[9]).toMatchObject({ accountId: '500000000002', breaching: 3 })
  })
})
