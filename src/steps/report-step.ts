import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
  type WriteStream
} from 'node:fs'
import { once } from 'node:events'
import { join, resolve } from 'node:path'
import { createAwsClients } from '../aws/clients.js'
import type { RawInputs } from '../config/gate-config.js'
import { buildReportSettings } from '../config/report-config.js'
import type { ReportFinding } from '../domain/report-aggregator.js'
import { REPORT_SCHEMA_VERSION, type ComplianceReport } from '../domain/report.js'
import { runReport } from '../modes/report.js'
import { deliverReport } from '../modes/report-delivery.js'
import { csvHeader, csvRow } from '../publish/report-csv.js'
import { renderReportHtml } from '../publish/report-html.js'
import { renderReportSummary } from '../publish/report-summary.js'
import { systemClock } from '../scan/clock.js'
import type { Logger } from '../scan/deps.js'
import { errorMessage, failedStep, type Host, type OutputFormat, type StepOutcome } from './host.js'

/** `mode: report`: Security Hub findings → findings.csv, report.json, report.html, summary. */
export async function runReportStep(inputs: RawInputs, host: Host): Promise<StepOutcome> {
  const { workspace } = host
  const log: Logger = host
  try {
    const settings = buildReportSettings(inputs, host.env)
    const dir = resolve(workspace, settings.reportDir)
    mkdirSync(dir, { recursive: true })
    const files = {
      csv: join(dir, 'findings.csv'),
      json: join(dir, 'report.json'),
      html: join(dir, 'report.html')
    }
    const previous =
      settings.previousReport && readPrevious(resolve(workspace, settings.previousReport), log)

    const clients = createAwsClients()
    const csv = createWriteStream(files.csv, { encoding: 'utf8' })
    await write(csv, csvHeader())
    let report: ComplianceReport
    try {
      report = await runReport(
        { ...settings.config, ...(previous ? { previous } : {}) },
        { clients, clock: systemClock, log },
        (page) =>
          write(csv, host.redact(page.map(({ finding }) => csvRow(csvFields(finding))).join('')))
      )
    } finally {
      csv.end()
      await once(csv, 'close')
    }

    writeFileSync(files.json, host.redact(`${JSON.stringify(report, null, 2)}\n`))
    writeFileSync(files.html, host.redact(renderReportHtml(report)))
    // Delivery comes after the files exist, so a failed upload still leaves the artifact.
    const { s3Uri } = await deliverReport(report, Object.values(files), settings, {
      clients,
      region: settings.config.region,
      log
    })
    if (s3Uri !== undefined) host.setOutput('report-s3-uri', s3Uri)
    host.setOutput('result', 'pass')
    host.setOutput('report-dir', dir)
    host.setOutput('report-findings', String(report.totals.findings))
    host.setOutput('report-critical', String(report.totals.bySeverity.CRITICAL))
    host.setOutput('report-high', String(report.totals.bySeverity.HIGH))
    host.setOutput(
      'report-controls-failed',
      String(report.compliance.reduce((n, s) => n + s.controlsFailed, 0))
    )
    const markdown = renderReportSummary(report, { files })
    await host.appendSummary(markdown)
    log.info(`report written to ${dir} (findings.csv, report.json, report.html)`)
    return {
      result: 'pass',
      render: (format: OutputFormat) =>
        format === 'markdown'
          ? markdown
          : format === 'json'
            ? readFileSync(files.json, 'utf8')
            : reportText(report, dir)
    }
  } catch (error) {
    return failedStep(host, `inspector-gate report: ${errorMessage(error)}`)
  }
}

function reportText(report: ComplianceReport, dir: string): string {
  const { totals } = report
  const failed = report.compliance.reduce((n, standard) => n + standard.controlsFailed, 0)
  return [
    `compliance report written to ${dir}`,
    `findings: ${totals.findings} (${totals.bySeverity.CRITICAL} critical, ${totals.bySeverity.HIGH} high)`,
    `controls failed: ${failed}`,
    ''
  ].join('\n')
}

/** Resolves when the stream can take more: a slow disk slows the reading, not the memory. */
async function write(stream: WriteStream, text: string): Promise<void> {
  if (text !== '' && !stream.write(text)) await once(stream, 'drain')
}

function csvFields(finding: ReportFinding) {
  return {
    id: finding.id,
    title: finding.title,
    severity: finding.severity,
    resourceType: finding.resourceType,
    resourceId: finding.resourceId,
    complianceStatus: finding.complianceStatus,
    createdAt: finding.createdAt.toISOString(),
    productName: finding.product,
    accountId: finding.accountId,
    region: finding.region,
    workflowStatus: finding.workflowStatus,
    updatedAt: finding.updatedAt.toISOString()
  }
}

/**
 * The previous report for the trend. Missing (the first run) or unreadable (a corrupt cache) only
 * costs the trend, with a warning: it must not cost the week's report.
 */
function readPrevious(path: string, log: Logger): ComplianceReport | undefined {
  if (!existsSync(path)) {
    log.info(`no previous report at ${path}; this report has no trend`)
    return undefined
  }
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ComplianceReport>
    if (
      parsed.schemaVersion !== REPORT_SCHEMA_VERSION ||
      typeof parsed.totals?.findings !== 'number'
    ) {
      log.warning(
        `previous-report: ${path} is not a report.json of schema version ${REPORT_SCHEMA_VERSION}; no trend this time`
      )
      return undefined
    }
    return parsed as ComplianceReport
  } catch (error) {
    log.warning(
      `previous-report: ${path} could not be read (${error instanceof Error ? error.message : String(error)}); no trend this time`
    )
    return undefined
  }
}
