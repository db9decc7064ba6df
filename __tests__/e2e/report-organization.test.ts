/**
 * Issue 18's organization report, end to end on the bundle: a fresh 5-account, 2-Region
 * organization is set up in one run from its delegated administrator, then reported from the
 * aggregation Region, and every per-account and per-Region number equals the fixture's truth.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectedReport } from '../fake-aws/fixtures-asff.js'
import { ORGANIZATION, ORGANIZATION_FINDINGS } from '../fake-aws/scenarios.js'
import type { ComplianceReport, CountRow } from '../../src/domain/report.js'
import { e2eHarness } from './harness.js'

const { start, run } = e2eHarness()

const ACCOUNTS = [ORGANIZATION.admin, ...ORGANIZATION.members]
const REGIONS = ['eu-west-1', 'us-east-1']
const TARGETS = { CRITICAL: 2, HIGH: 14, MEDIUM: 30, LOW: 90 }
const ORG_SETUP = {
  mode: 'setup',
  organization: 'true',
  regions: 'us-east-1, eu-west-1',
  'aggregate-regions': 'true',
  'scan-types': 'ecr, lambda',
  insights: 'false'
}
const ORG_REPORT = {
  mode: 'report',
  period: '30d',
  'report-dir': 'organization',
  'remediation-targets': 'critical=2, high=14, medium=30, low=90'
}

const totals = (rows: readonly CountRow[]) =>
  Object.fromEntries(rows.map((row) => [row.key, row.total]))

describe('organization report e2e (issue 18)', () => {
  it('reports a freshly set-up organization from its aggregation Region: every account and Region equals the fixture', async () => {
    const fake = await start('organizationReport', { timeScale: 1 })
    const truth = expectedReport(ORGANIZATION_FINDINGS, {
      periodDays: 30,
      remediationTargets: TARGETS
    })

    const setup = await run(ORG_SETUP)
    expect(setup.exitCode).toBe(0)
    const result = await run(ORG_REPORT)

    expect(result.exitCode).toBe(0)
    const dir = result.outputs['report-dir'] as string
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ComplianceReport
    // What it covers, named exactly: every account and both Regions, once each.
    expect(report.accounts).toEqual(ACCOUNTS)
    expect(report.regions).toEqual(REGIONS)
    expect(report.totals.findings).toBe(truth.total)
    expect(totals(report.byAccount)).toEqual(truth.byAccount)
    expect(totals(report.byRegion)).toEqual(truth.byRegion)
    expect(totals(report.byAccountRegion)).toEqual(truth.byAccountRegion)
    expect(Object.keys(truth.byAccountRegion)).toHaveLength(ACCOUNTS.length * REGIONS.length)
    // Posture per account and standard, from each account's own control findings.
    const posture: Record<string, Record<string, { passed: number; failed: number }>> = {}
    for (const row of report.accountPosture) {
      posture[row.accountId] = {
        ...posture[row.accountId],
        [row.standardsId]: { passed: row.controlsPassed, failed: row.controlsFailed }
      }
    }
    expect(posture).toEqual(truth.accountStandards)
    expect(Object.keys(truth.accountStandards).sort()).toEqual(ACCOUNTS)
    // The accounts past their remediation target, most first.
    const expectedPastTarget = Object.entries(truth.pastTargetByAccount).sort(
      ([a, x], [b, y]) => y - x || a.localeCompare(b)
    )
    expect(expectedPastTarget).toHaveLength(ACCOUNTS.length)
    expect(report.accountsPastTarget.map((row) => [row.accountId, row.breaching])).toEqual(
      expectedPastTarget
    )
    // Each Region's posture against the standards setup enabled there.
    expect(report.compliance.map((s) => s.region)).toEqual([...REGIONS, ...REGIONS].sort())
    for (const standard of report.compliance) {
      const id = standard.standardsArn.split(':').slice(5).join(':')
      const regional = expectedReport(ORGANIZATION_FINDINGS, {
        periodDays: 30,
        standardsRegion: standard.region ?? ''
      }).standards[id]
      expect([standard.region, id, standard.controlsPassed, standard.controlsFailed]).toEqual([
        standard.region,
        id,
        regional?.passed.length,
        regional?.failed.length
      ])
    }
    expect(fake.throttled('GetFindings')).toBe(0)
    expect(result.summary).toContain(
      `**Covers:** 5 accounts \\(${ACCOUNTS.join(', ')}\\) in 2 Regions \\(${REGIONS.join(', ')}\\)`
    )
    expect(result.summary).toContain(
      '### Accounts with the most findings past their remediation target'
    )
    expect(result.summary).toContain('### Posture per account')
  })
})
