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

describe('a report-products name that matches nothing (issue 17)', () => {
  const truth = expectedReport({ count: 600, seed: 2026 }, { periodDays: 7 })
  const productsInTruth = Object.entries(truth.byProduct)
    .filter(([, count]) => count > 0)
    .map(([name]) => productKey(name))
    .sort()

  it('says the filter matched no finding and lists the products that had findings', async () => {
    const run = await runReportInProcess(smallReportScenario(), {
      'report-products': 'NoSuchProduct'
    })

    expect(run.report.totals.findings).toBe(0)
    expect(run.report.productFilter?.unmatched).toEqual(['NoSuchProduct'])
    expect([...(run.report.productFilter?.withFindings ?? [])].sort()).toEqual(productsInTruth)
    expect(run.report.productFilter?.more).toBeUndefined()
    // One GetFindings of one finding per product, and one that finds none.
    const probes = run.fake
      .callsTo('GetFindings')
      .filter((call) => (call.input as { MaxResults?: number }).MaxResults === 1)
    expect(probes).toHaveLength(productsInTruth.length + 1)
    const sentence = `report-products "NoSuchProduct" matched no finding in the period; products with findings under the other filters: `
    expect(run.warnings.some((line) => line.startsWith(sentence))).toBe(true)
    // The summary escapes the quotes as it escapes every text it quotes.
    expect(run.summary).toContain(sentence.replaceAll('"', '&quot;'))
    expect(run.html).toContain('report-products &quot;NoSuchProduct&quot; matched no finding')
  })

  it('names only the names that matched nothing, with the spelling that differs only by case', async () => {
    const run = await runReportInProcess(smallReportScenario(), {
      'report-products': 'Inspector, guardduty'
    })

    expect(run.report.byProduct.map((row) => row.key)).toEqual(['Inspector'])
    expect(run.report.productFilter?.unmatched).toEqual(['guardduty'])
    expect(run.warnings).toContainEqual(
      expect.stringContaining('(names are case-sensitive: did you mean "GuardDuty"?)')
    )
    expect(run.summary).toContain('did you mean &quot;GuardDuty&quot;?')
  })

  it('adds nothing when every name matched', async () => {
    const run = await runReportInProcess(smallReportScenario(), {
      'report-products': 'Inspector'
    })

    expect(run.report.productFilter).toBeUndefined()
    expect(run.summary).not.toContain('matched no finding')
  })
})
