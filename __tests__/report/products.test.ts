import { describe, expect, it } from '@jest/globals'
import { productFilterNames, productKey } from '../../src/domain/report-products.js'
import { expectedReport } from '../fake-aws/fixtures-asff.js'
import { runReportInProcess, smallReportScenario, REPORT_STANDARDS } from './report-in-process.js'

const CSPM = { count: 600, seed: 2026, securityHubProductName: 'Security Hub CSPM' as const }

describe('the Security Hub CSPM product name', () => {
  it('asks GetFindings for both names when a filter names either', () => {
    expect(productFilterNames(['Security Hub'])).toEqual(['Security Hub', 'Security Hub CSPM'])
    expect(productFilterNames(['security hub cspm', 'Inspector'])).toEqual([
      'Security Hub',
      'Security Hub CSPM',
      'Inspector'
    ])
    expect(productFilterNames(['GuardDuty'])).toEqual(['GuardDuty'])
    expect(productKey('Security Hub')).toBe(productKey('Security Hub CSPM'))
  })

  it('keeps control findings named "Security Hub CSPM" under report-products: Security Hub', async () => {
    const truth = expectedReport(CSPM, { periodDays: 7 })
    const controls = truth.byProduct['Security Hub CSPM'] ?? 0
    expect(controls).toBeGreaterThan(50)

    const run = await runReportInProcess(
      smallReportScenario({
        securityHub: {
          enabled: true,
          standards: REPORT_STANDARDS,
          findings: CSPM,
          getFindingsThrottle: false
        }
      }),
      { 'report-products': 'Security Hub' }
    )

    expect(run.csvRows).toHaveLength(controls)
    expect(run.report.byProduct.map((row) => [row.key, row.total])).toEqual([
      ['Security Hub CSPM', controls]
    ])
    expect(run.report.compliance.every((s) => s.controlsPassed + s.controlsFailed > 0)).toBe(true)
  })

  it('counts both names as one product', async () => {
    const run = await runReportInProcess(smallReportScenario())
    const truth = expectedReport({ count: 600, seed: 2026 }, { periodDays: 7 })

    expect(run.report.byProduct.find((row) => row.key === 'Security Hub CSPM')?.total).toBe(
      truth.byProduct['Security Hub']
    )
    expect(run.report.byProduct.some((row) => row.key === 'Security Hub')).toBe(false)
  })
})
