import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectedReport } from '../fake-aws/fixtures-asff.js'
import { REPORT_FIXTURES } from '../fake-aws/scenarios.js'
import type { ComplianceReport } from '../../src/domain/report.js'
import { e2eHarness } from './harness.js'

const { start, run } = e2eHarness()

const REPORT = { mode: 'report', period: '7d', 'report-dir': 'weekly' }

function readReport(dir: string): { report: ComplianceReport; csvRows: string[]; html: string } {
  const csv = readFileSync(join(dir, 'findings.csv'), 'utf8').split('\r\n').filter(Boolean)
  return {
    report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ComplianceReport,
    csvRows: csv.slice(1),
    html: readFileSync(join(dir, 'report.html'), 'utf8')
  }
}

describe('report e2e', () => {
  it('reports a mixed account exactly: CSV rows, severity totals and control pass/fail equal the fixture', async () => {
    const fake = await start('reportMixed', { timeScale: 1 })
    const truth = expectedReport(REPORT_FIXTURES.mixed, { periodDays: 7 })
    expect(truth.total).toBeGreaterThan(3_000)

    const result = await run(REPORT)

    expect(result.exitCode).toBe(0)
    const { report, csvRows, html } = readReport(result.outputs['report-dir'] as string)
    expect(csvRows).toHaveLength(truth.total)
    expect(report.totals.findings).toBe(truth.total)
    expect(report.totals.bySeverity).toEqual(truth.bySeverity)
    expect(report.totals.newInPeriod).toBe(truth.createdInPeriod)
    // The posture per Region: each Region's control findings against its own standards.
    for (const standard of report.compliance) {
      const id = standard.standardsArn.split(':').slice(5).join(':')
      const regional = expectedReport(REPORT_FIXTURES.mixed, {
        periodDays: 7,
        standardsRegion: standard.region ?? ''
      })
      const tally = regional.standards[id]
      expect({ id, passed: standard.controlsPassed, failed: standard.controlsFailed }).toEqual({
        id,
        passed: tally?.passed.length,
        failed: tally?.failed.length
      })
    }
    expect(report.compliance.map((s) => s.region)).toEqual([
      'eu-west-1',
      'eu-west-1',
      'us-east-1',
      'us-east-1'
    ])
    expect(report.regions).toEqual(['eu-west-1', 'us-east-1'])
    expect(result.outputs['report-findings']).toBe(String(truth.total))
    // Paced to the quota: the 3 rps / burst 6 limit was never hit.
    expect(fake.throttled('GetFindings')).toBe(0)
    expect(html).toContain('<svg')
    expect(result.summary).toContain(truth.total.toLocaleString('en-US'))
  })

  it('shows the trend against the previous report of the same scope, and none against another', async () => {
    await start('reportMixed', { timeScale: 1 })
    const week = await run({ ...REPORT, 'report-dir': 'week' })
    const days = await run({ ...REPORT, period: '3d', 'report-dir': 'days' })
    const reportOf = (r: typeof week) => join(r.outputs['report-dir'] as string, 'report.json')

    const same = await run({ ...REPORT, 'previous-report': reportOf(week) })
    const other = await run({ ...REPORT, 'previous-report': reportOf(days), 'report-dir': 'other' })

    const { report } = readReport(same.outputs['report-dir'] as string)
    const total = report.trend?.find((t) => t.metric === 'totals.findings')
    expect(total).toEqual({
      metric: 'totals.findings',
      previous: report.totals.findings,
      current: report.totals.findings,
      change: 0
    })
    // A 3-day report against a 7-day one would show a rise that is only the longer period.
    expect(readReport(other.outputs['report-dir'] as string).report.trend).toBeNull()
    expect(other.log).toMatch(
      /::warning::previous-report: no trend this time, because the previous report covers another scope \(period 3d, not 7d\)/
    )
  })

  it('says so for an empty period', async () => {
    await start('reportEmpty')

    const result = await run(REPORT)

    expect(result.exitCode).toBe(0)
    expect(result.outputs['report-findings']).toBe('0')
    expect(result.summary).toContain('No findings were updated in the last 7 days')
    expect(readReport(result.outputs['report-dir'] as string).csvRows).toEqual([])
  })

  it('fails with the fix when Security Hub is not enabled', async () => {
    await start('reportHubOff')

    const result = await run(REPORT)

    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(
      /::error::inspector-gate report: AWS Security Hub is not enabled in account 123456789012 \(us-east-1\).*mode: setup/
    )
  })

  it('reports without compliance posture, with a warning, when no standard is enabled', async () => {
    await start('reportNoStandards', { timeScale: 1 })

    const result = await run(REPORT)

    expect(result.exitCode).toBe(0)
    expect(result.log).toMatch(/::warning::no security standards are enabled/)
    expect(readReport(result.outputs['report-dir'] as string).report.compliance).toEqual([])
  })
})
