import { describe, expect, it } from '@jest/globals'
import { expectedReport } from '../fake-aws/fixtures-asff.js'
import { runReportInProcess, smallReportScenario } from './report-in-process.js'

const DENIED_STANDARDS = {
  operation: 'GetEnabledStandards',
  service: 'securityhub' as const,
  count: 100,
  status: 403 as const
}

describe('a report with a section that cannot be read', () => {
  it('still writes every finding when GetEnabledStandards is denied, and says the posture is missing', async () => {
    const scenario = smallReportScenario({ faults: [DENIED_STANDARDS] })
    const truth = expectedReport({ count: 600, seed: 2026 }, { periodDays: 7 })
    expect(truth.total).toBeGreaterThan(100)

    const run = await runReportInProcess(scenario)

    // The findings are all there: CSV, JSON totals, HTML.
    expect(run.csvRows).toHaveLength(truth.total)
    expect(run.report.totals.findings).toBe(truth.total)
    expect(run.report.totals.bySeverity).toEqual(truth.bySeverity)
    expect(run.html).toContain(truth.total.toLocaleString('en-US'))
    // The posture is a gap with its reason, not an empty posture.
    expect(run.report.compliance).toEqual([])
    expect(run.report.gaps).toEqual([
      {
        section: 'posture',
        operation: 'securityhub:GetEnabledStandards',
        reason: expect.stringMatching(
          /^permission denied while reading the enabled security standards: the role needs securityhub:GetEnabledStandards \(infra\/iam\/report-policy\.json/
        ),
        effect: 'no compliance posture (the enabled standards could not be read)'
      },
      // The linked Region's findings: its own subscriptions, read there, denied as well.
      expect.objectContaining({
        section: 'posture',
        effect:
          'no compliance posture for eu-west-1 (its enabled standards could not be read there)'
      })
    ])
    expect(run.html).toContain('This report is incomplete')
    expect(run.html).toMatch(
      /id="compliance"[^]*No compliance posture[^]*securityhub:GetEnabledStandards/
    )
    expect(run.summary).toContain('**This report is incomplete**')
    expect(run.summary).toContain('securityhub:GetEnabledStandards')
    expect(run.summary).toMatch(/### Compliance posture\n\n⚠️ \*\*no compliance posture/)
    // on-error: fail (the default) fails the step with the one line, after writing everything.
    expect(run.outcome.result).toBe('error')
    expect(run.outcome.failure).toMatch(
      /^inspector-gate report incomplete: no compliance posture \(the enabled standards could not be read\): permission denied .*securityhub:GetEnabledStandards/
    )
    expect(run.outcome.failure).not.toContain('\n')
    expect(run.outputs.get('result')).toBe('error')
    expect(run.outputs.get('report-findings')).toBe(String(truth.total))
    expect(run.outputs.get('report-controls-failed')).toBe('')
    expect(run.outcome.render('text')).toContain('controls failed: unknown')
  })

  it('passes the step with warnings under on-error: warn', async () => {
    const run = await runReportInProcess(smallReportScenario({ faults: [DENIED_STANDARDS] }), {
      'on-error': 'warn'
    })

    expect(run.outcome.failure).toBeUndefined()
    expect(run.outcome.result).toBe('error')
    expect(run.errors).toEqual([])
    expect(run.warnings).toContainEqual(
      expect.stringMatching(/^report incomplete: no compliance posture .*GetEnabledStandards/)
    )
    expect(run.report.gaps).toHaveLength(2)
  })

  it('keeps the posture and says the findings are missing when GetFindings is denied', async () => {
    const run = await runReportInProcess(
      smallReportScenario({
        faults: [{ operation: 'GetFindings', service: 'securityhub', count: 100, status: 403 }]
      })
    )

    expect(run.csvRows).toEqual([])
    expect(run.report.compliance.map((s) => s.name)).toHaveLength(2)
    expect(run.report.gaps).toEqual([
      expect.objectContaining({
        section: 'findings',
        operation: 'securityhub:GetFindings',
        effect: 'no findings (none could be read)',
        reason: expect.stringContaining('the role needs securityhub:GetFindings')
      })
    ])
    // Not "no findings were updated": nothing could be read.
    expect(run.summary).toContain('**No findings could be read**')
    expect(run.summary).not.toContain('No findings were updated')
    expect(run.html).not.toContain('No findings were updated')
    expect(run.outcome.failure).toMatch(/^inspector-gate report incomplete: no findings/)
  })

  it('counts only the pages read before GetFindings stopped, and says how many', async () => {
    // The second page carries a finding without a readable severity: the read stops there.
    const run = await runReportInProcess(
      smallReportScenario({
        answerEdits: [
          {
            operation: 'GetFindings',
            edit: (answer, input) => {
              if (input['NextToken'] === undefined) return answer
              const [first, ...rest] = answer['Findings'] as Record<string, unknown>[]
              return { ...answer, Findings: [{ ...first, Severity: {} }, ...rest] }
            }
          }
        ]
      })
    )

    expect(run.csvRows).toHaveLength(100)
    expect(run.report.totals.findings).toBe(100)
    expect(run.report.gaps).toEqual([
      expect.objectContaining({
        section: 'findings',
        effect: expect.stringContaining('only the 100 read before the failure are counted')
      })
    ])
    expect(run.html).toContain('Findings incomplete')
  })

  it('passes as before when every section is read', async () => {
    const run = await runReportInProcess(smallReportScenario())

    expect(run.outcome).toMatchObject({ result: 'pass' })
    expect(run.outcome.failure).toBeUndefined()
    expect(run.report.gaps).toEqual([])
    expect(run.html).not.toContain('This report is incomplete')
    // Two standards in each of the two Regions the findings come from.
    expect(run.report.compliance.map((s) => s.region)).toEqual([
      'eu-west-1',
      'eu-west-1',
      'us-east-1',
      'us-east-1'
    ])
  })
})
