/**
 * ComplianceReport fixtures for the report renderers: a realistic week (numbers that add up), the
 * same week with a trend, an empty week, and a hostile one. Builders return fresh objects.
 */
import {
  REPORT_SCHEMA_VERSION,
  emptySeverityCounts,
  type AccountPosture,
  type AgeRow,
  type ComplianceReport,
  type CountRow,
  type SeverityCounts,
  type StandardPosture
} from '../../../src/domain/report.js'

export const FSBP_ARN =
  'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0'
export const CIS_ARN =
  'arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0'
const FSBP_ID = 'standards/aws-foundational-security-best-practices/v/1.0.0'
const CIS_ID = 'standards/cis-aws-foundations-benchmark/v/3.0.0'
export const FSBP_NAME = 'AWS Foundational Security Best Practices v1.0.0'
export const CIS_NAME = 'CIS AWS Foundations Benchmark v3.0.0'

export const HOSTILE_TITLE = '</script><img src=x onerror=alert(1)>'
export const HOSTILE_CONTROL_TITLE = 'Ensure | pipes and <b>bold</b> stay "inert"'

/** CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL. */
export function counts(
  critical: number,
  high: number,
  medium: number,
  low: number,
  informational: number
): SeverityCounts {
  return { CRITICAL: critical, HIGH: high, MEDIUM: medium, LOW: low, INFORMATIONAL: informational }
}

function row(key: string, bySeverity: SeverityCounts): CountRow {
  const total = Object.values(bySeverity).reduce((sum, value) => sum + value, 0)
  return { key, total, bySeverity }
}

function ageRow(
  severity: AgeRow['severity'],
  targetDays: number | null,
  breaching: number,
  oldestDays: number | null,
  [upTo1, upTo7, upTo30, upTo90, over90]: [number, number, number, number, number]
): AgeRow {
  const open = upTo1 + upTo7 + upTo30 + upTo90 + over90
  return {
    severity,
    open,
    targetDays,
    breaching,
    oldestDays,
    buckets: { upTo1, upTo7, upTo30, upTo90, over90 }
  }
}

function accountPosture(
  accountId: string,
  standardsId: string,
  name: string,
  controlsPassed: number,
  controlsFailed: number
): AccountPosture {
  return { accountId, standardsId, name, controlsPassed, controlsFailed }
}

function fsbp(): StandardPosture {
  return {
    standardsArn: FSBP_ARN,
    name: FSBP_NAME,
    controlsPassed: 187,
    controlsFailed: 23,
    failingControls: [
      {
        controlId: 'EC2.19',
        title: 'Security groups should not allow unrestricted access to ports with high risk',
        severity: 'CRITICAL',
        failedResources: 3
      },
      {
        controlId: 'IAM.6',
        title: 'Hardware MFA should be enabled for the root user',
        severity: 'CRITICAL',
        failedResources: 1
      },
      {
        controlId: 'S3.8',
        title: 'S3 general purpose buckets should block public access',
        severity: 'HIGH',
        failedResources: 4
      },
      {
        controlId: 'ECR.1',
        title: 'ECR private repositories should have image scanning configured',
        severity: 'HIGH',
        failedResources: 2
      },
      {
        controlId: 'S3.5',
        title: 'S3 general purpose buckets should require requests to use SSL',
        severity: 'MEDIUM',
        failedResources: 12
      },
      {
        controlId: 'Lambda.2',
        title: 'Lambda functions should use supported runtimes',
        severity: 'MEDIUM',
        failedResources: 5
      }
    ]
  }
}

function cis(): StandardPosture {
  return {
    standardsArn: CIS_ARN,
    name: CIS_NAME,
    controlsPassed: 38,
    controlsFailed: 6,
    failingControls: [
      {
        controlId: 'IAM.6',
        title: 'Hardware MFA should be enabled for the root user',
        severity: 'CRITICAL',
        failedResources: 1
      },
      {
        controlId: 'EC2.53',
        title:
          'EC2 security groups should not allow ingress from 0.0.0.0/0 to remote server administration ports',
        severity: 'HIGH',
        failedResources: 2
      },
      {
        controlId: 'CloudTrail.7',
        title: 'Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket',
        severity: 'LOW',
        failedResources: 1
      }
    ]
  }
}

/**
 * A week of one organisation: 1,284 findings (23 critical, 187 high, 512 medium, 401 low, 161
 * informational), 214 new, four products, six resource types, two standards. Every breakdown sums
 * to the totals.
 */
export function aReport(overrides: Partial<ComplianceReport> = {}): ComplianceReport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: '2025-06-09T06:00:12.345Z',
    period: { start: '2025-06-02T06:00:00.000Z', end: '2025-06-09T06:00:00.000Z', days: 7 },
    filters: {
      products: [],
      severities: [],
      accounts: [],
      resourceTypes: [],
      workflowStatuses: []
    },
    totals: {
      findings: 1284,
      bySeverity: counts(23, 187, 512, 401, 161),
      newInPeriod: 214,
      older: 1070
    },
    byProduct: [
      row('Inspector', counts(21, 150, 380, 221, 30)),
      row('Security Hub', counts(2, 35, 120, 150, 105)),
      row('GuardDuty', counts(0, 2, 12, 25, 2)),
      row('IAM Access Analyzer', counts(0, 0, 0, 5, 24))
    ],
    byResourceType: [
      row('AwsEcrContainerImage', counts(17, 121, 290, 160, 23)),
      row('AwsLambdaFunction', counts(4, 29, 90, 61, 7)),
      row('AwsS3Bucket', counts(1, 14, 50, 45, 50)),
      row('AwsIamRole', counts(1, 10, 30, 61, 40)),
      row('AwsEc2SecurityGroup', counts(0, 11, 40, 49, 20)),
      row('AwsAccount', counts(0, 2, 12, 25, 21))
    ],
    byAccountRegion: [
      row('111122223333/eu-west-1', counts(18, 140, 360, 282, 100)),
      row('111122223333/us-east-1', counts(4, 30, 100, 80, 36)),
      row('444455556666/eu-west-1', counts(1, 17, 52, 39, 25))
    ],
    byAccount: [
      row('111122223333', counts(22, 170, 460, 362, 136)),
      row('444455556666', counts(1, 17, 52, 39, 25))
    ],
    byRegion: [
      row('eu-west-1', counts(19, 157, 412, 321, 125)),
      row('us-east-1', counts(4, 30, 100, 80, 36))
    ],
    topResources: [
      {
        resourceId:
          'arn:aws:ecr:eu-west-1:111122223333:repository/shop/api/sha256:3f1c0a9be27d4c1e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f',
        resourceType: 'AwsEcrContainerImage',
        critical: 6,
        high: 31,
        total: 140
      },
      {
        resourceId:
          'arn:aws:ecr:eu-west-1:111122223333:repository/shop/worker/sha256:9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b',
        resourceType: 'AwsEcrContainerImage',
        critical: 4,
        high: 22,
        total: 97
      },
      {
        resourceId: 'arn:aws:lambda:us-east-1:111122223333:function:billing-export',
        resourceType: 'AwsLambdaFunction',
        critical: 2,
        high: 9,
        total: 31
      },
      {
        resourceId: 'arn:aws:s3:::acme-public-assets',
        resourceType: 'AwsS3Bucket',
        critical: 1,
        high: 3,
        total: 12
      }
    ],
    age: [
      ageRow('CRITICAL', 15, 3, 41, [4, 6, 8, 2, 1]),
      ageRow('HIGH', 30, 25, 88, [20, 45, 80, 25, 0]),
      ageRow('MEDIUM', 90, 12, 140, [60, 100, 200, 108, 12]),
      ageRow('LOW', 180, 0, 160, [30, 70, 120, 110, 50]),
      ageRow('INFORMATIONAL', null, 0, 170, [10, 20, 40, 39, 30])
    ],
    compliance: [fsbp(), cis()],
    accountPosture: [
      accountPosture('111122223333', FSBP_ID, FSBP_NAME, 180, 25),
      accountPosture('111122223333', CIS_ID, CIS_NAME, 36, 7),
      accountPosture('444455556666', FSBP_ID, FSBP_NAME, 201, 9),
      accountPosture('444455556666', CIS_ID, CIS_NAME, 41, 3)
    ],
    // 40 past target in all (the age rows' 3 + 25 + 12), 599 open.
    accountsPastTarget: [
      { accountId: '111122223333', breaching: 33, bySeverity: counts(3, 20, 10, 0, 0), open: 520 },
      { accountId: '444455556666', breaching: 7, bySeverity: counts(0, 5, 2, 0, 0), open: 79 }
    ],
    trend: null,
    gaps: [],
    regions: ['eu-west-1', 'us-east-1'],
    accounts: ['111122223333', '444455556666'],
    ...overrides
  }
}

/** `aReport` compared with a previous week of 1,228 findings. */
export function aReportWithTrend(): ComplianceReport {
  const entry = (metric: string, previous: number, current: number) => ({
    metric,
    previous,
    current,
    change: current - previous
  })
  return aReport({
    trend: [
      entry('totals.findings', 1228, 1284),
      entry('totals.newInPeriod', 190, 214),
      entry('totals.older', 1038, 1070),
      entry('totals.bySeverity.CRITICAL', 25, 23),
      entry('totals.bySeverity.HIGH', 170, 187),
      entry('totals.bySeverity.MEDIUM', 512, 512),
      entry('totals.bySeverity.LOW', 400, 401),
      entry('totals.bySeverity.INFORMATIONAL', 121, 161),
      entry(`compliance.${FSBP_ARN}.controlsFailed`, 26, 23),
      entry(`compliance.${FSBP_ARN}.controlsPassed`, 184, 187),
      entry(`compliance.${CIS_ARN}.controlsFailed`, 5, 6)
    ]
  })
}

/** The week of `aReport` without its posture: GetEnabledStandards was denied. */
export function aReportWithPostureGap(): ComplianceReport {
  return aReport({ compliance: [], gaps: [POSTURE_GAP] })
}

export const POSTURE_GAP = {
  section: 'posture',
  operation: 'securityhub:GetEnabledStandards',
  reason:
    'permission denied while reading the enabled security standards: the role needs securityhub:GetEnabledStandards (infra/iam/report-policy.json (mode: report) or setup-policy.json (mode: setup) in the inspector-gate repository grants it) — AWS said: User is not authorized <script>',
  effect: 'no compliance posture (the enabled standards could not be read)'
} as const

/** A week in which nothing was updated. */
export function anEmptyReport(): ComplianceReport {
  const noAge = (severity: AgeRow['severity'], target: number | null) =>
    ageRow(severity, target, 0, null, [0, 0, 0, 0, 0])
  return aReport({
    totals: { findings: 0, bySeverity: emptySeverityCounts(), newInPeriod: 0, older: 0 },
    byProduct: [],
    byResourceType: [],
    byAccountRegion: [],
    byAccount: [],
    byRegion: [],
    accountPosture: [],
    accountsPastTarget: [],
    topResources: [],
    age: [
      noAge('CRITICAL', 15),
      noAge('HIGH', 30),
      noAge('MEDIUM', 90),
      noAge('LOW', 180),
      noAge('INFORMATIONAL', null)
    ],
    compliance: []
  })
}

/** Untrusted text everywhere a finding, product or control can put it. */
export function aHostileReport(): ComplianceReport {
  const report = aReport()
  const [inspector, ...products] = report.byProduct
  const [standard, ...standards] = report.compliance
  const [control, ...controls] = standard?.failingControls ?? []
  const [resource, ...resources] = report.topResources
  if (!inspector || !standard || !control || !resource) throw new Error('fixture changed')
  return {
    ...report,
    filters: { ...report.filters, products: [HOSTILE_TITLE] },
    byProduct: [{ ...inspector, key: HOSTILE_TITLE }, ...products],
    byResourceType: [
      ...report.byResourceType,
      row('" onmouseover="alert(1)', counts(0, 0, 1, 0, 0))
    ],
    topResources: [
      { ...resource, resourceId: `javascript:alert(1)//${HOSTILE_TITLE}` },
      ...resources
    ],
    compliance: [
      {
        ...standard,
        name: `<svg onload=alert(1)> ${standard.name}`,
        failingControls: [
          { ...control, controlId: 'EC2.19|x', title: HOSTILE_CONTROL_TITLE },
          ...controls
        ]
      },
      ...standards
    ]
  }
}

/** Every count multiplied by `factor`: the same report for a bigger organisation. */
export function scaledReport(report: ComplianceReport, factor: number): ComplianceReport {
  const times = (value: number): number => value * factor
  const scaleCounts = (c: SeverityCounts): SeverityCounts =>
    counts(times(c.CRITICAL), times(c.HIGH), times(c.MEDIUM), times(c.LOW), times(c.INFORMATIONAL))
  const scaleRow = (r: CountRow): CountRow => ({
    ...r,
    total: times(r.total),
    bySeverity: scaleCounts(r.bySeverity)
  })
  return {
    ...report,
    totals: {
      findings: times(report.totals.findings),
      bySeverity: scaleCounts(report.totals.bySeverity),
      newInPeriod: times(report.totals.newInPeriod),
      older: times(report.totals.older)
    },
    byProduct: report.byProduct.map(scaleRow),
    byResourceType: report.byResourceType.map(scaleRow),
    byAccountRegion: report.byAccountRegion.map(scaleRow),
    byAccount: report.byAccount.map(scaleRow),
    byRegion: report.byRegion.map(scaleRow),
    accountsPastTarget: report.accountsPastTarget.map((r) => ({
      ...r,
      breaching: times(r.breaching),
      open: times(r.open),
      bySeverity: scaleCounts(r.bySeverity)
    })),
    topResources: report.topResources.map((r) => ({
      ...r,
      critical: times(r.critical),
      high: times(r.high),
      total: times(r.total)
    })),
    age: report.age.map((a) => ({
      ...a,
      open: times(a.open),
      breaching: times(a.breaching),
      buckets: {
        upTo1: times(a.buckets.upTo1),
        upTo7: times(a.buckets.upTo7),
        upTo30: times(a.buckets.upTo30),
        upTo90: times(a.buckets.upTo90),
        over90: times(a.buckets.over90)
      }
    })),
    compliance: report.compliance.map((s) => ({
      ...s,
      failingControls: s.failingControls.map((c) => ({
        ...c,
        failedResources: times(c.failedResources)
      }))
    }))
  }
}

/**
 * A week of a 40-account organization in 3 Regions, as its aggregation Region reports it: the
 * breakdowns, the posture per account and the accounts past target at the scale of issue 18.
 */
export function anOrganizationReport(): ComplianceReport {
  const regions = ['ap-southeast-2', 'eu-west-1', 'us-east-1']
  const accounts = Array.from({ length: 40 }, (_, i) => String(100000000000 + i * 7919))
  const share = (i: number) => counts(i % 4, 3 + (i % 9), 10 + (i % 13), 8, 2)
  const byAccount = accounts.map((account, i) => row(account, share(i)))
  const byAccountRegion = accounts.flatMap((account, i) =>
    regions.map((region, r) => row(`${account}/${region}`, share(i + r)))
  )
  return aReport({
    accounts,
    regions,
    byAccount,
    byRegion: regions.map((region, r) => row(region, counts(30 + r, 200, 500, 320, 80))),
    byAccountRegion,
    accountPosture: accounts.flatMap((account, i) => [
      accountPosture(account, FSBP_ID, FSBP_NAME, 190 - i, 20 + i),
      accountPosture(account, CIS_ID, CIS_NAME, 40 - (i % 7), 4 + (i % 7))
    ]),
    accountsPastTarget: accounts.slice(0, 10).map((accountId, i) => ({
      accountId,
      breaching: 60 - i * 5,
      bySeverity: counts(3, 20 - i, 37 - i * 4, 0, 0),
      open: 400 - i * 10
    }))
  })
}
