import { beforeEach, describe, expect, it } from '@jest/globals'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'
import { mockClient } from 'aws-sdk-client-mock'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deliverReport } from '../../src/report/delivery.js'
import { aReport } from './render/report-fixtures.js'
import { testClients } from '../fixtures/aws-clients.js'
import { tempDir } from '../helpers/temp-dir.js'

const s3 = mockClient(S3Client)
const sns = mockClient(SNSClient)
const log = { info: () => undefined, warning: () => undefined, debug: () => undefined }

function files(): string[] {
  const dir = tempDir('report-')
  return ['findings.csv', 'report.json', 'report.html'].map((name) => {
    const path = join(dir, name)
    writeFileSync(path, `${name} body`)
    return path
  })
}

beforeEach(() => {
  s3.reset()
  sns.reset()
})

describe('deliverReport', () => {
  it('uploads every file under <prefix>/<date>/ and publishes a summary pointing there', async () => {
    const report = aReport()
    const result = await deliverReport(
      report,
      files(),
      {
        snsTopicArn: 'arn:aws:sns:us-east-1:123456789012:reports',
        s3: { bucket: 'sec-reports', prefix: 'weekly' }
      },
      { clients: testClients(), region: 'us-east-1', log }
    )

    const date = report.generatedAt.slice(0, 10)
    expect(result.s3Uri).toBe(`s3://sec-reports/weekly/${date}/`)
    const puts = s3
      .commandCalls(PutObjectCommand)
      .map((c) => [c.args[0].input.Key, c.args[0].input.ContentType, c.args[0].input.ContentLength])
    expect(puts).toEqual([
      [`weekly/${date}/findings.csv`, 'text/csv; charset=utf-8', 'findings.csv body'.length],
      [`weekly/${date}/report.json`, 'application/json', 'report.json body'.length],
      [`weekly/${date}/report.html`, 'text/html; charset=utf-8', 'report.html body'.length]
    ])
    const message = sns.commandCalls(PublishCommand)[0]?.args[0].input
    expect(message?.TopicArn).toBe('arn:aws:sns:us-east-1:123456789012:reports')
    expect(message?.Subject?.length).toBeLessThanOrEqual(100)
    expect(message?.Subject).toMatch(/^[\x20-\x7e]+$/)
    expect(message?.Message).toContain(`Findings: ${report.totals.findings}`)
    expect(message?.Message).toContain(`Full report: s3://sec-reports/weekly/${date}/`)
  })

  it('does nothing without targets', async () => {
    const result = await deliverReport(
      aReport(),
      files(),
      { snsTopicArn: undefined, s3: undefined },
      { clients: testClients(), region: 'us-east-1', log }
    )
    expect(result.s3Uri).toBeUndefined()
    expect(s3.calls()).toHaveLength(0)
    expect(sns.calls()).toHaveLength(0)
  })

  it('says which permission is missing when the upload is denied', async () => {
    s3.on(PutObjectCommand).rejects(
      Object.assign(new Error('Access Denied'), { name: 'AccessDenied' })
    )
    await expect(
      deliverReport(
        aReport(),
        files(),
        { snsTopicArn: undefined, s3: { bucket: 'b-b-b', prefix: '' } },
        { clients: testClients(), region: 'us-east-1', log }
      )
    ).rejects.toThrow('the role needs s3:PutObject')
  })
})
