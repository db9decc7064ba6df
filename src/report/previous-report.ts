import { readFileSync, statSync } from 'node:fs'
import type { ComplianceReport } from '../domain/report.js'
import { asCheckedReport, reportShapeProblem } from '../domain/report-shape.js'
import type { Logger } from '../gate/scan/deps.js'
import { errorMessage } from '../runtime/host.js'

/**
 * A report.json holds aggregates only: even thousands of accounts × Regions stay far below this.
 * Anything larger is not one of ours, and is not read into memory.
 */
export const MAX_PREVIOUS_REPORT_BYTES = 32 * 1024 * 1024

/**
 * The previous report for the trend. Missing (the first run) is said; anything in doubt (not JSON,
 * another shape or schema, too large, an incomplete report) costs only the trend, with one warning
 * naming the file and the first problem: it must never cost the week's report.
 */
export function readPreviousReport(
  path: string,
  log: Logger,
  maxBytes = MAX_PREVIOUS_REPORT_BYTES
): ComplianceReport | undefined {
  const noTrend = (problem: string): undefined => {
    log.warning(`previous-report: ${path} ${problem}; this report has no trend`)
    return undefined
  }
  let size: number
  try {
    const stat = statSync(path)
    if (!stat.isFile()) return noTrend('is not a file')
    size = stat.size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      log.info(`no previous report at ${path}; this report has no trend`)
      return undefined
    }
    return noTrend(`could not be read (${errorMessage(error)})`)
  }
  if (size > maxBytes) {
    return noTrend(
      `is ${size.toLocaleString('en-US')} bytes, larger than any report.json (at most ${maxBytes.toLocaleString('en-US')})`
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    return noTrend(`is not JSON (${errorMessage(error).split('\n')[0]})`)
  }
  const problem = reportShapeProblem(parsed)
  if (problem !== undefined) return noTrend(`is not a report.json this version wrote: ${problem}`)
  const report = asCheckedReport(parsed)
  // Its totals count only part of that period: a change against them would be made up.
  const gap = (report.gaps ?? []).find((g) => g.section === 'findings')
  if (gap !== undefined) return noTrend(`is an incomplete report (${gap.effect.slice(0, 200)})`)
  return report
}
