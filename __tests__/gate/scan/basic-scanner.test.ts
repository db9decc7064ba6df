import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  DescribeImageScanFindingsCommand,
  ECRClient,
  ImageArchivedException,
  LimitExceededException,
  ScanNotFoundException,
  StartImageScanCommand,
  UnsupportedImageTypeException
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { scanBasic } from '../../../src/gate/scan/basic-scanner.js'
import { parseImageReference } from '../../../src/domain/image-reference.js'
import { VirtualClock } from '../../helpers/virtual-clock.js'
import { artifact, scanDeps } from '../../fixtures/aws-clients.js'

const ecr = mockClient(ECRClient)
const target = artifact()
const ref = parseImageReference(target.reference)

const deps = scanDeps

const notFound = () =>
  new ScanNotFoundException({ message: 'Image scan does not exist', $metadata: {} })
const status = (s: string, findings: object[] = [], nextToken?: string) => ({
  imageScanStatus: { status: s as 'COMPLETE', description: `status ${s}` },
  imageScanFindings: { findings, imageScanCompletedAt: new Date('2026-11-22T10:02:00Z') },
  ...(nextToken && { nextToken })
})
const basicFinding = (name: string, severity: string) => ({
  name,
  severity: severity as 'HIGH',
  uri: `https://security-tracker.debian.org/tracker/${name}`,
  attributes: [
    { key: 'package_name', value: 'zlib' },
    { key: 'package_version', value: '1.2.11' },
    { key: 'CVSS3_SCORE', value: '9.8' }
  ]
})

beforeEach(() => {
  ecr.reset()
})

describe('scanBasic', () => {
  it('starts a scan when none exists, waits for COMPLETE and reads every page', async () => {
    ecr
      .on(DescribeImageScanFindingsCommand)
      .rejectsOnce(notFound())
      .resolvesOnce(status('IN_PROGRESS'))
      .resolvesOnce(status('COMPLETE', [basicFinding('CVE-2022-37434', 'CRITICAL')], 'page-2'))
      .resolvesOnce(status('COMPLETE', [basicFinding('CVE-2018-25032', 'HIGH')]))
    ecr.on(StartImageScanCommand).resolves({})

    const outcome = await scanBasic(target, ref, deps(new VirtualClock()))

    expect(ecr.commandCalls(StartImageScanCommand)).toHaveLength(1)
    expect(outcome).toMatchObject({ status: 'scanned', scanMode: 'basic', settled: true })
    if (outcome.status !== 'scanned') return
    expect(
      outcome.findings.map((f) => [f.vulnerabilityId, f.severity, f.packages[0]?.name])
    ).toEqual([
      ['CVE-2022-37434', 'critical', 'zlib'],
      ['CVE-2018-25032', 'high', 'zlib']
    ])
    expect(outcome.findings[0]?.cvss?.score).toBe(9.8)
  })

  it('waits for an existing scan when ECR says the daily scan was already used', async () => {
    ecr.on(DescribeImageScanFindingsCommand).rejectsOnce(notFound()).resolves(status('COMPLETE'))
    ecr
      .on(StartImageScanCommand)
      .rejects(new LimitExceededException({ message: 'limit', $metadata: {} }))

    const outcome = await scanBasic(target, ref, deps(new VirtualClock()))

    expect(outcome).toMatchObject({ status: 'scanned', findings: [] })
  })

  it('starts at most one scan however long the scan takes to appear', async () => {
    ecr
      .on(DescribeImageScanFindingsCommand)
      .rejectsOnce(notFound())
      .rejectsOnce(notFound())
      .rejectsOnce(notFound())
      .resolves(status('COMPLETE'))
    ecr.on(StartImageScanCommand).resolves({})

    await scanBasic(target, ref, deps(new VirtualClock()))

    expect(ecr.commandCalls(StartImageScanCommand)).toHaveLength(1)
  })

  it('reports an image type ECR cannot scan', async () => {
    ecr.on(DescribeImageScanFindingsCommand).rejects(notFound())
    ecr
      .on(StartImageScanCommand)
      .rejects(new UnsupportedImageTypeException({ message: 'unsupported', $metadata: {} }))

    const outcome = await scanBasic(target, ref, deps(new VirtualClock()))

    expect(outcome).toMatchObject({ status: 'unscannable', reason: 'UNSUPPORTED_IMAGE' })
  })

  it('reports an archived image as IMAGE_ARCHIVED, an error that on-error decides', async () => {
    ecr.on(DescribeImageScanFindingsCommand).rejects(notFound())
    ecr
      .on(StartImageScanCommand)
      .rejects(new ImageArchivedException({ message: 'archived', $metadata: {} }))

    const outcome = await scanBasic(target, ref, deps(new VirtualClock()))

    expect(outcome).toMatchObject({ status: 'error', timedOut: false })
    expect(outcome.status === 'error' && outcome.message).toContain(
      'ECR basic scanning will not scan it (IMAGE_ARCHIVED): the image was moved to the ECR archive tier'
    )
    expect(ecr.commandCalls(StartImageScanCommand)).toHaveLength(1)
  })

  it('reports an image ECR cannot scan as unscannable', async () => {
    ecr.on(DescribeImageScanFindingsCommand).resolves(status('UNSUPPORTED_IMAGE'))

    const outcome = await scanBasic(target, ref, deps(new VirtualClock()))

    expect(outcome).toMatchObject({ status: 'unscannable', reason: 'UNSUPPORTED_IMAGE' })
  })

  it.each(['FAILED', 'LIMIT_EXCEEDED'])(
    'reports %s as an error that on-error decides',
    async (s) => {
      ecr.on(DescribeImageScanFindingsCommand).resolves(status(s))

      const outcome = await scanBasic(target, ref, deps(new VirtualClock()))

      expect(outcome).toMatchObject({ status: 'error', timedOut: false })
      expect(outcome.status === 'error' && outcome.message).toContain(`(${s})`)
    }
  )

  it('gives up on a scan ECR will not run today: limit exceeded and no scan appears', async () => {
    ecr.on(DescribeImageScanFindingsCommand).rejects(notFound())
    ecr
      .on(StartImageScanCommand)
      .rejects(new LimitExceededException({ message: 'limit', $metadata: {} }))

    const outcome = await scanBasic(target, ref, deps(new VirtualClock()))

    expect(outcome).toMatchObject({ status: 'error' })
    expect(outcome.status === 'error' && outcome.message).toContain('LIMIT_EXCEEDED')
    expect(ecr.commandCalls(StartImageScanCommand)).toHaveLength(1)
  })

  it('refuses to count when enhanced findings appear on the basic path', async () => {
    ecr.on(DescribeImageScanFindingsCommand).resolves({
      imageScanStatus: { status: 'COMPLETE' },
      imageScanFindings: { findings: [], enhancedFindings: [{ findingArn: 'arn:x' }] }
    })

    await expect(scanBasic(target, ref, deps(new VirtualClock()))).rejects.toThrow(
      'enhanced findings'
    )
  })

  it('refuses a list short of the counts ECR states beside it (issue 19, case 5)', async () => {
    ecr.on(DescribeImageScanFindingsCommand).resolves({
      imageScanStatus: { status: 'COMPLETE' },
      imageScanFindings: {
        findings: [basicFinding('CVE-2018-25032', 'HIGH')],
        findingSeverityCounts: { CRITICAL: 5, HIGH: 1 }
      }
    })

    await expect(scanBasic(target, ref, deps(new VirtualClock()))).rejects.toThrow(
      'lists fewer findings than its own findingSeverityCounts (CRITICAL 0 of 5)'
    )
  })

  it('accepts a list that holds what the counts say', async () => {
    ecr.on(DescribeImageScanFindingsCommand).resolves({
      imageScanStatus: { status: 'COMPLETE' },
      imageScanFindings: {
        findings: [basicFinding('CVE-2018-25032', 'HIGH')],
        findingSeverityCounts: { HIGH: 1 }
      }
    })

    const outcome = await scanBasic(target, ref, deps(new VirtualClock()))
    expect(outcome.status).toBe('scanned')
  })
})
