import { describe, expect, it } from '@jest/globals'
import { expectedReport } from '../fake-aws/fixtures-asff.js'
import { runReportInProcess, smallReportScenario } from './report-in-process.js'

describe('a report run in an aggregation Region', () => {
  it('keeps a posture per Region, each against the standards read in that Region, and names the Regions', async () => {
    const run = await runReportInProcess(smallReportScenario())

    expect(run.report.regions).toEqual(['eu-west-1', 'us-east-1'])
    const regional = (region: string) => run.report.compliance.filter((s) => s.region === region)
    expect(regional('us-east-1')).toHaveLength(2)
    expect(regional('eu-west-1')).toHaveLength(2)
    // GetEnabledStandards was asked in each Region, not only the run's.
    expect(run.fake.callsTo('GetEnabledStandards')).toHaveLength(2)
    // A control failing in both Regions fails once in each Region's posture, with that Region's
    // resources only (the fixture's resources are per Region).
    for (const standard of run.report.compliance) {
      for (const control of standard.failingControls) {
        expect(control.failedResources).toBeGreaterThan(0)
      }
    }
    // Exactly the fixture's truth, Region by Region.
    for (const standard of run.report.compliance) {
      const id = standard.standardsArn.split(':').slice(5).join(':')
      const truth = expectedReport(
        { count: 600, seed: 2026 },
        { periodDays: 7, standardsRegion: standard.region ?? '' }
      ).standards[id]
      expect([standard.region, id, standard.controlsPassed, standard.controlsFailed]).toEqual([
        standard.region,
        id,
        truth?.passed.length,
        truth?.failed.length
      ])
    }
    const covers =
      '3 accounts (123456789012, 210987654321, 345678901234) in 2 Regions (eu-west-1, us-east-1)'
    expect(run.html).toContain(`Covers: <strong>${covers}</strong>`)
    expect(run.html).toContain('AWS Foundational Security Best Practices v1.0.0 (eu-west-1)')
    // Markdown-escaped, as every untrusted cell is: it renders as `covers`.
    expect(run.summary).toContain(`**Covers:** ${covers.replace(/[()]/g, '\\$&')}`)
    expect(run.outcome.render('text')).toContain(`Covers: ${covers}`)
  })

  it('gives a linked Region whose standards cannot be read a gap, not the home Region’s standards', async () => {
    // eu-west-1 holds findings (aggregated into us-east-1) but its own hub answers as off.
    const run = await runReportInProcess(smallReportScenario({ otherRegions: 'empty' }))

    expect(run.report.regions).toEqual(['eu-west-1', 'us-east-1'])
    expect(run.report.compliance.map((s) => s.region)).toEqual(['us-east-1', 'us-east-1'])
    expect(run.report.gaps).toEqual([
      expect.objectContaining({
        section: 'posture',
        operation: 'securityhub:GetEnabledStandards',
        effect:
          'no compliance posture for eu-west-1 (its enabled standards could not be read there)'
      })
    ])
    expect(run.outcome.result).toBe('error')
  })

  it('with report-regions, reads and covers only those Regions: the run’s own is left out when not listed', async () => {
    const run = await runReportInProcess(smallReportScenario(), { 'report-regions': 'eu-west-1' })
    const truth = expectedReport({ count: 600, seed: 2026 }, { periodDays: 7 })

    expect(run.outcome.result).toBe('pass')
    expect(run.report.regions).toEqual(['eu-west-1'])
    expect(run.report.filters.regions).toEqual(['eu-west-1'])
    expect(run.report.totals.findings).toBe(truth.byRegion['eu-west-1'])
    expect(run.report.byRegion.map((row) => row.key)).toEqual(['eu-west-1'])
    // Asked of Security Hub, not filtered afterwards.
    for (const call of run.fake.callsTo('GetFindings')) {
      expect(call.input).toMatchObject({
        Filters: { Region: [{ Value: 'eu-west-1', Comparison: 'EQUALS' }] }
      })
    }
    // The posture of eu-west-1 only: us-east-1's standards were not even read.
    expect(run.report.compliance.map((s) => s.region)).toEqual(['eu-west-1', 'eu-west-1'])
    expect(run.fake.callsTo('GetEnabledStandards')).toHaveLength(1)
    expect(run.summary).toContain('Regions: eu-west-1')
  })

  it('with report-accounts, covers exactly those accounts, with a breakdown that sums to the total', async () => {
    const accounts = '210987654321, 345678901234'
    const run = await runReportInProcess(smallReportScenario(), { 'report-accounts': accounts })
    const truth = expectedReport({ count: 600, seed: 2026 }, { periodDays: 7 })

    expect(run.report.accounts).toEqual(['210987654321', '345678901234'])
    expect(Object.fromEntries(run.report.byAccount.map((row) => [row.key, row.total]))).toEqual({
      '210987654321': truth.byAccount['210987654321'],
      '345678901234': truth.byAccount['345678901234']
    })
    expect(run.summary).toContain('2 accounts \\(210987654321, 345678901234\\) in 2 Regions')
  })
})
