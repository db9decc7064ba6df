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
    expect(run.html).toContain('2 Regions: <strong>eu-west-1, us-east-1</strong>')
    expect(run.html).toContain('AWS Foundational Security Best Practices v1.0.0 (eu-west-1)')
    expect(run.summary).toContain('**Regions:** eu-west-1, us-east-1')
    expect(run.outcome.render('text')).toContain('Regions: eu-west-1, us-east-1')
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
})
