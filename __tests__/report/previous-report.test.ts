import { describe, expect, it } from '@jest/globals'
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_PREVIOUS_REPORT_BYTES, readPreviousReport } from '../../src/report/previous-report.js'
import { aReport } from './render/report-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

function logger() {
  const lines: string[] = []
  return {
    lines,
    log: {
      info: (line: string) => void lines.push(`info: ${line}`),
      warning: (line: string) => void lines.push(`warning: ${line}`),
      debug: () => undefined
    }
  }
}

function file(name: string, content: string): string {
  const path = join(tempDir('previous-'), name)
  writeFileSync(path, content)
  return path
}

describe('readPreviousReport', () => {
  it('reads a report this version wrote', () => {
    const { lines, log } = logger()
    const path = file('report.json', JSON.stringify(aReport()))
    expect(readPreviousReport(path, log)?.totals.findings).toBe(1284)
    expect(lines).toEqual([])
  })

  it('says so, without a warning, on the first run', () => {
    const { lines, log } = logger()
    const path = join(tempDir('previous-'), 'report.json')
    expect(readPreviousReport(path, log)).toBeUndefined()
    expect(lines).toEqual([`info: no previous report at ${path}; this report has no trend`])
  })

  it.each([
    ['not JSON', '<html>not a report</html>', /is not JSON \(Unexpected token/],
    ['truncated JSON', JSON.stringify(aReport()).slice(0, 500), /is not JSON/],
    [
      'an odd shape',
      JSON.stringify({ ...aReport(), totals: { findings: 3 } }),
      /is not a report\.json this version wrote: totals\.bySeverity is missing/
    ],
    ['a list', '[]', /is not a report\.json this version wrote: the report is a list/],
    [
      'an incomplete report',
      JSON.stringify(
        aReport({
          gaps: [
            {
              section: 'findings',
              operation: 'securityhub:GetFindings',
              reason: 'permission denied',
              effect: 'no findings (none could be read)'
            }
          ]
        })
      ),
      /is an incomplete report \(no findings \(none could be read\)\)/
    ]
  ])('drops only the trend, with one warning naming the file, for %s', (_, content, problem) => {
    const { lines, log } = logger()
    const path = file('report.json', content)
    expect(readPreviousReport(path, log)).toBeUndefined()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^warning: previous-report: ${path} `))
    expect(lines[0]).toMatch(problem)
    expect(lines[0]).toMatch(/; this report has no trend$/)
    expect(lines[0]).not.toContain('\n')
  })

  it('does not read a file larger than any report.json into memory', () => {
    const { lines, log } = logger()
    // Sparse: the size is there, the bytes are not.
    const path = join(tempDir('previous-'), 'report.json')
    const fd = openSync(path, 'w')
    ftruncateSync(fd, MAX_PREVIOUS_REPORT_BYTES + 1)
    closeSync(fd)
    expect(readPreviousReport(path, log)).toBeUndefined()
    expect(lines).toEqual([
      `warning: previous-report: ${path} is 33,554,433 bytes, larger than any report.json (at most 33,554,432); this report has no trend`
    ])
  })

  it('warns for a directory in its place', () => {
    const { lines, log } = logger()
    const dir = tempDir('previous-')
    expect(readPreviousReport(dir, log)).toBeUndefined()
    expect(lines).toEqual([
      `warning: previous-report: ${dir} is not a file; this report has no trend`
    ])
  })
})
