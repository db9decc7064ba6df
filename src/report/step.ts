import {
  createWriteStream,
  mkdirSync,
  readFileSync,
  writeFileSync,
  type WriteStream
} from 'node:fs'
import { once } from 'node:events'
import { join, resolve } from 'node:path'
import { S3Client } from '@aws-sdk/client-s3'
import { SecurityHubClient } from '@aws-sdk/client-securityhub'
import { SNSClient } from '@aws-sdk/client-sns'
import { STSClient } from '@aws-sdk/client-sts'
import { createAwsClients, type AwsClients } from '../aws/clients.js'
import type { RawInputs } from '../inputs/read.js'
import { buildReportSettings } from './config.js'
import type { ReportFinding } from '../domain/report-aggregator.js'
import { gapLine, type ComplianceReport } from '../domain/report.js'
import { runReport } from './run.js'
import { deliverReport } from './delivery.js'
import { csvHeader, csvRow } from './render/csv.js'
import { renderReportHtml } from './render/html.js'
import { renderReportSummary } from './render/summary.js'
import { coverageWords } from './render/format.js'
import { systemClock, type Clock } from '../runtime/clock.js'
import type { Logger } from '../runtime/logger.js'
import { readPreviousReport } from './previous-report.js'
import { failedStep, type Host, type OutputFormat, type StepOutcome } from '../runtime/host.js'
import { stepErrorMessage } from '../inputs/missing-region.js'

/** What the step runs on; tests pass the local endpoint's clients and a virtual clock. */
export interface ReportStepDeps {
  clients: AwsClients
  clock: Clock
}

/** `mode: report`: Security Hub findings → findings.csv, report.json, report.html, summary. */
export async function runReportStep(
  inputs: RawInputs,
  host: Host,
  deps?: ReportStepDeps
): Promise<StepOutcome> {
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
      settings.previousReport &&
      readPreviousReport(resolve(workspace, settings.previousReport), log)

    const clients =
      deps?.clients ??
      createAwsClients({
        classes: { securityHub: SecurityHubClient, sts: STSClient, s3: S3Client, sns: SNSClient },
        advice: host.awsAdvice
      })
    const clock = deps?.clock ?? systemClock
    const csv = createWriteStream(files.csv, { encoding: 'utf8' })
    await write(csv, csvHeader())
    let report: ComplianceReport
    try {
      report = await runReport(
        { ...settings.config, ...(previous ? { previous } : {}) },
        { clients, clock, log },
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
    const result = report.gaps.length === 0 ? 'pass' : 'error'
    host.setOutput('result', result)
    host.setOutput('report-dir', dir)
    host.setOutput('report-findings', String(report.totals.findings))
    host.setOutput('report-critical', String(report.totals.bySeverity.CRITICAL))
    host.setOutput('report-high', String(report.totals.bySeverity.HIGH))
    // Without the posture there is no count of failed controls; 0 would claim that none failed.
    const postureRead = report.gaps.every((gap) => gap.section !== 'posture')
    host.setOutput(
      'report-controls-failed',
      postureRead ? String(report.compliance.reduce((n, s) => n + s.controlsFailed, 0)) : ''
    )
    const markdown = renderReportSummary(report, { files })
    await host.appendSummary(markdown)
    log.info(`report written to ${dir} (findings.csv, report.json, report.html)`)
    const render = (format: OutputFormat) =>
      format === 'markdown'
        ? markdown
        : format === 'json'
          ? readFileSync(files.json, 'utf8')
          : reportText(report, dir)
    if (result === 'pass') return { result, render }
    return concludeGaps(report, settings.onError, host, render)
  } catch (error) {
    return failedStep(host, `inspector-gate report: ${stepErrorMessage(error, host.awsAdvice)}`)
  }
}

/**
 * A report with gaps was still written in full; as in gate mode, `on-error` decides whether what
 * could not be read fails the step (`fail`, the default) or only warns.
 */
function concludeGaps(
  report: ComplianceReport,
  onError: 'fail' | 'warn',
  host: Host,
  render: StepOutcome['render']
): StepOutcome {
  const lines = report.gaps.map(gapLine)
  if (onError === 'warn') {
    for (const line of lines) host.warning(`report incomplete: ${line}`)
    host.warning('the report is incomplete; on-error is warn, so the step passes')
    return { result: 'error', render }
  }
  for (const line of lines.slice(1)) host.error(`report incomplete: ${line}`)
  const more = lines.length > 1 ? ` (+${lines.length - 1} more)` : ''
  return {
    result: 'error',
    failure: `inspector-gate report incomplete: ${lines[0] ?? 'a part could not be read'}${more}`,
    render
  }
}

function reportText(report: ComplianceReport, dir: string): string {
  const { totals } = report
  const failed = report.compliance.reduce((n, standard) => n + standard.controlsFailed, 0)
  return [
    `compliance report written to ${dir}`,
    `Covers: ${coverageWords(report)}`,
    ...report.gaps.map((gap) => `INCOMPLETE: ${gapLine(gap)}`),
    `findings: ${totals.findings} (${totals.bySeverity.CRITICAL} critical, ${totals.bySeverity.HIGH} high)`,
    report.gaps.some((gap) => gap.section === 'posture')
      ? 'controls failed: unknown (the posture could not be read)'
      : `controls failed: ${failed}`,
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
