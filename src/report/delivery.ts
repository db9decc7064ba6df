import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { AwsClients } from '../aws/clients.js'
import { publishToTopic, putObject } from '../aws/delivery.js'
import type { ComplianceReport } from '../domain/report.js'
import { renderReportNotice } from './render/notice.js'
import type { Logger } from '../runtime/logger.js'

export interface DeliveryTargets {
  snsTopicArn: string | undefined
  s3: { bucket: string; prefix: string } | undefined
}

const CONTENT_TYPES: Record<string, string> = {
  'findings.csv': 'text/csv; charset=utf-8',
  'report.json': 'application/json',
  'report.html': 'text/html; charset=utf-8'
}

/**
 * Optional delivery after the files are written: the folder to S3 under `<prefix>/<date>/`
 * (streamed from disk), then a short summary to SNS that points at it.
 */
export async function deliverReport(
  report: ComplianceReport,
  files: string[],
  targets: DeliveryTargets,
  deps: { clients: AwsClients; region: string; log: Logger }
): Promise<{ s3Uri: string | undefined }> {
  let s3Uri: string | undefined
  if (targets.s3 !== undefined) {
    const { bucket, prefix } = targets.s3
    const folder = [prefix, report.generatedAt.slice(0, 10)].filter(Boolean).join('/')
    for (const file of files) {
      const name = basename(file)
      const body = createReadStream(file)
      try {
        await putObject(
          deps.clients.s3(deps.region),
          { bucket, key: `${folder}/${name}` },
          body,
          statSync(file).size,
          CONTENT_TYPES[name] ?? 'application/octet-stream'
        )
      } finally {
        // A refused upload leaves the stream unread: close it rather than leak its descriptor.
        // Its errors now concern nobody (the call is over and has said what went wrong).
        body.on('error', () => undefined)
        body.destroy()
      }
    }
    s3Uri = `s3://${bucket}/${folder}/`
    deps.log.info(`uploaded the report to ${s3Uri}`)
  }
  if (targets.snsTopicArn !== undefined) {
    const notice = renderReportNotice(report, s3Uri)
    await publishToTopic(
      deps.clients.sns(deps.region),
      targets.snsTopicArn,
      notice.subject,
      notice.message
    )
    deps.log.info(`published the report summary to ${targets.snsTopicArn}`)
  }
  return { s3Uri }
}
