import { describe, expect, it } from '@jest/globals'
import { countShortfall, parseScanEvent, ScanEventShapeError } from '../../src/domain/scan-event.js'
import { aFinding } from '../gate/render/verdict-fixtures.js'

const DIGEST = `sha256:${'3'.repeat(64)}`
const REPO = 'arn:aws:ecr:us-east-2:123456789012:repository/amazon/amazon-ecs-sample'

function event(detail: Record<string, unknown> = {}, top: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '0',
    id: '739c0d3c-4f02-85c7-5a88-94a9EXAMPLE',
    'detail-type': 'Inspector2 Scan',
    source: 'aws.inspector2',
    account: '123456789012',
    time: '2021-12-03T18:03:16Z',
    region: 'us-east-2',
    resources: [REPO],
    detail: {
      'scan-status': 'INITIAL_SCAN_COMPLETE',
      'repository-name': REPO,
      'finding-severity-counts': { CRITICAL: 7, HIGH: 61, MEDIUM: 62, TOTAL: 158 },
      'image-digest': DIGEST,
      'image-tags': ['latest'],
      ...detail
    },
    ...top
  })
}

describe('parseScanEvent', () => {
  it('reads AWS’s example event', () => {
    expect(parseScanEvent(event())).toEqual({
      digest: DIGEST,
      repositoryArn: REPO,
      time: new Date('2021-12-03T18:03:16Z'),
      counts: { bySeverity: { CRITICAL: 7, HIGH: 61, MEDIUM: 62 }, total: 158 },
      account: '123456789012',
      region: 'us-east-2'
    })
  })

  it('passes over what is not an image’s initial scan event', () => {
    expect(parseScanEvent('not json')).toBeUndefined()
    expect(parseScanEvent(event({}, { 'detail-type': 'Inspector2 Finding' }))).toBeUndefined()
    expect(parseScanEvent(event({}, { source: 'aws.securityhub' }))).toBeUndefined()
    expect(parseScanEvent(event({ 'scan-status': 'SCAN_IN_PROGRESS' }))).toBeUndefined()
    expect(parseScanEvent(event({ 'image-digest': undefined }))).toBeUndefined()
  })

  it.each([
    [{ 'finding-severity-counts': undefined }, 'no detail.finding-severity-counts'],
    [{ 'finding-severity-counts': { HIGH: 1 } }, 'no finding-severity-counts.TOTAL'],
    [{ 'finding-severity-counts': { HIGH: -1, TOTAL: 2 } }, 'finding-severity-counts.HIGH is -1'],
    [{ 'finding-severity-counts': { HIGH: '2', TOTAL: 2 } }, 'finding-severity-counts.HIGH is "2"'],
    [{ 'finding-severity-counts': { HIGH: 3, TOTAL: 2 } }, 'add up to 3, more than its TOTAL 2'],
    [{ 'repository-name': '' }, 'no detail.repository-name']
  ])('refuses a scan event of odd shape, naming what is wrong (%j)', (detail, message) => {
    expect(() => parseScanEvent(event(detail))).toThrow(ScanEventShapeError)
    expect(() => parseScanEvent(event(detail))).toThrow(message)
  })

  it('refuses a time that is not a date', () => {
    expect(() => parseScanEvent(event({}, { time: 'yesterday' }))).toThrow('is not a date')
  })
})

describe('countShortfall', () => {
  const counts = { bySeverity: { CRITICAL: 1, HIGH: 1 }, total: 3 }
  it('names each severity and the total the findings lack', () => {
    expect(countShortfall([aFinding({ severity: 'high' })], counts)).toEqual([
      'CRITICAL 0 of 1',
      'TOTAL 1 of 3'
    ])
  })
  it('is empty when the findings hold the counts, or more (a later re-scan)', () => {
    const held = [
      aFinding({ id: 'a', severity: 'critical' }),
      aFinding({ id: 'b', severity: 'high' }),
      aFinding({ id: 'c', severity: 'low' }),
      aFinding({ id: 'd', severity: 'low' })
    ]
    expect(countShortfall(held, counts)).toEqual([])
  })
})
