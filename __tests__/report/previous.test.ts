import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectedReport } from '../fake-aws/fixtures-asff.js'
import { aReport } from './render/report-fixtures.js'
import { runReportInProcess, smallReportScenario } from './report-in-process.js'
import { tempDir } from '../helpers/temp-dir.js'

const TRUTH = expectedReport({ count: 600, seed: 2026 }, { periodDays: 7 })

function workspaceWith(previous: string): string {
  const workspace = tempDir('report-previous-')
  writeFileSync(join(workspace, 'previous.json'), previous)
  return workspace
}

describe('a report with a previous report of odd shape', () => {
  it.each([
    [
      'totals without counts by severity',
      JSON.stringify({ ...aReport(), totals: { findings: 9 } })
    ],
    [
      'numbers as strings',
      JSON.stringify(aReport()).replace('"findings":1284', '"findings":"1284"')
    ],
    ['a list', '[{"schemaVersion":1}]'],
    ['another schema version', JSON.stringify({ ...aReport(), schemaVersion: 2 })],
    ['not JSON', 'findings.csv,title\n']
  ])('is written in full without the trend: %s', async (_, previous) => {
    const run = await runReportInProcess(
      smallReportScenario(),
      { 'previous-report': 'previous.json' },
      { workspace: workspaceWith(previous) }
    )

    expect(run.outcome).toMatchObject({ result: 'pass' })
    expect(run.csvRows).toHaveLength(TRUTH.total)
    expect(run.report.totals.findings).toBe(TRUTH.total)
    expect(run.report.trend).toBeNull()
    expect(run.html).toContain('</html>')
    const warnings = run.warnings.filter((line) => line.startsWith('previous-report:'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^previous-report: \/.*previous\.json .*; this report has no trend$/
    )
  })

  it('shows the trend against a previous report this version wrote', async () => {
    const run = await runReportInProcess(
      smallReportScenario(),
      { 'previous-report': 'previous.json' },
      { workspace: workspaceWith(JSON.stringify(aReport())) }
    )

    expect(run.report.trend?.find((t) => t.metric === 'totals.findings')).toEqual({
      metric: 'totals.findings',
      previous: 1284,
      current: TRUTH.total,
      change: TRUTH.total - 1284
    })
    expect(run.warnings).toEqual([])
  })
})

describe('a previous report of another scope', () => {
  it.each([
    ['another period', { period: { ...aReport().period, days: 30 } }, 'period 30d, not 7d'],
    [
      'other filters',
      { filters: { ...aReport().filters, products: ['GuardDuty'] } },
      'report-products guardduty, not (all)'
    ]
  ])('gives no trend and says what differs: %s', async (_, change, difference) => {
    const run = await runReportInProcess(
      smallReportScenario(),
      { 'previous-report': 'previous.json' },
      { workspace: workspaceWith(JSON.stringify({ ...aReport(), ...change })) }
    )

    expect(run.outcome).toMatchObject({ result: 'pass' })
    expect(run.report.trend).toBeNull()
    expect(run.warnings).toEqual([
      expect.stringMatching(
        /^previous-report: no trend this time, because the previous report covers another scope \(/
      )
    ])
    expect(run.warnings[0]).toContain(difference)
  })
})
