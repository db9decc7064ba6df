import { describe, expect, it } from '@jest/globals'
import { reportShapeProblem } from '../../src/domain/report-shape.js'
import {
  aHostileReport,
  aReport,
  aReportWithPostureGap,
  aReportWithTrend,
  anEmptyReport
} from '../report/render/report-fixtures.js'

/**
 * aReport as JSON, then edited: the way a previous report.json arrives. The edits put values of
 * any type anywhere, which is the point, so the JSON is untyped here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>
function edited(edit: (report: Loose) => unknown): unknown {
  const report = JSON.parse(JSON.stringify(aReport())) as Loose
  const out = edit(report)
  return out === undefined ? report : out
}

describe('reportShapeProblem', () => {
  it('accepts every report this version writes', () => {
    for (const report of [
      aReport(),
      aReportWithTrend(),
      anEmptyReport(),
      aHostileReport(),
      aReportWithPostureGap()
    ]) {
      expect(reportShapeProblem(JSON.parse(JSON.stringify(report)))).toBeUndefined()
    }
  })

  it('accepts a report of schema 1 written before gaps existed', () => {
    expect(
      reportShapeProblem(
        edited((r) => {
          delete r['gaps']
        })
      )
    ).toBeUndefined()
  })

  it.each([
    ['not an object', [], 'the report is a list, not an object'],
    ['null', null, 'the report is null, not an object'],
    ['a number', 42, 'the report is 42, not an object'],
    ['another schema', edited((r) => void (r['schemaVersion'] = 2)), 'schemaVersion is 2, not 1'],
    [
      'a schema version as a string',
      edited((r) => void (r['schemaVersion'] = '1')),
      'schemaVersion is a string ("1"), not 1'
    ],
    [
      'no schema version',
      edited((r) => void delete r['schemaVersion']),
      'schemaVersion is missing'
    ],
    [
      'totals without counts by severity (issue 19 case 13)',
      edited((r) => void delete r['totals'].bySeverity),
      'totals.bySeverity is missing'
    ],
    [
      'one severity missing',
      edited((r) => void delete r['totals'].bySeverity.CRITICAL),
      'totals.bySeverity.CRITICAL is missing'
    ],
    [
      'a count as a string',
      edited((r) => void (r['totals'].findings = '1284')),
      'totals.findings is a string ("1284"), not a number'
    ],
    [
      'a count too large to be finite',
      JSON.parse(JSON.stringify(aReport()).replace('"findings":1284', '"findings":1e999')),
      'totals.findings is Infinity, not a whole number ≥ 0'
    ],
    [
      'a negative count',
      edited((r) => void (r['age'][1].breaching = -3)),
      'age[1].breaching is -3, not a whole number ≥ 0'
    ],
    [
      'an object instead of a list',
      edited((r) => void (r['compliance'] = { fsbp: 1 })),
      'compliance is an object, not a list'
    ],
    [
      'a list instead of an object',
      edited((r) => void (r['totals'] = [1284])),
      'totals is a list, not an object'
    ],
    [
      'a standard without its ARN',
      edited((r) => void delete r['compliance'][1].standardsArn),
      'compliance[1].standardsArn is missing'
    ],
    [
      'a failed-control count as text',
      edited((r) => void (r['compliance'][0].controlsFailed = 'many')),
      'compliance[0].controlsFailed is a string ("many"), not a number'
    ],
    [
      'an unknown severity',
      edited((r) => void (r['age'][0].severity = 'SEVERE')),
      'age[0].severity is "SEVERE", not one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL'
    ],
    ['no trend field', edited((r) => void delete r['trend']), 'trend is missing'],
    [
      'a trend entry of text',
      edited(
        (r) =>
          void (r['trend'] = [{ metric: 'totals.findings', previous: '1', current: 2, change: 1 }])
      ),
      'trend[0].previous is a string ("1"), not a number'
    ],
    [
      'a bad date',
      edited((r) => void (r['generatedAt'] = 'last week')),
      'generatedAt is not a date'
    ],
    [
      'gaps of another shape',
      edited((r) => void (r['gaps'] = ['posture'])),
      'gaps[0] is a string ("posture"), not an object'
    ]
  ])('names the first problem: %s', (_, value, problem) => {
    expect(reportShapeProblem(value)).toBe(problem)
  })
})
