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
      ['us-east-1']
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
