import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  type Finding as InspectorFinding,
  Inspector2Client,
  ListCoverageCommand,
  ListFindingsCommand,
  ThrottlingException,
  type CoveredResource
} from '@aws-sdk/client-inspector2'
import { mockClient } from 'aws-sdk-client-mock'
import { scanEnhanced } from '../../../src/gate/scan/enhanced-scanner.js'
import { PollTimeoutError } from '../../../src/runtime/poll.js'
import { DEFAULT_TIMING } from '../../../src/gate/scan/deps.js'
import { VirtualClock } from '../../helpers/virtual-clock.js'
import { artifact, inspectorFinding, scanDeps } from '../../fixtures/aws-clients.js'

const inspector = mockClient(Inspector2Client)
const target = artifact({ pushedAt: new Date('2026-11-22T10:00:00Z') })

const deps = scanDeps

function row(reason: string, lastScannedAt?: Date, statusCode = 'ACTIVE'): CoveredResource {
  return {
    resourceId: target.resourceId,
    resourceType: 'AWS_ECR_CONTAINER_IMAGE',
    accountId: '123456789012',
    scanType: 'PACKAGE',
    scanStatus: { statusCode: statusCode as 'ACTIVE', reason: reason as 'SUCCESSFUL' },
    ...(lastScannedAt && { lastScannedAt })
  }
}

beforeEach(() => {
  inspector.reset()
})

describe('scanEnhanced', () => {
  it('waits through discovery and scanning, then reads findings until two reads agree', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T10:00:05Z'))
    const scanned = new Date('2026-11-22T10:00:30Z')
    inspector
      .on(ListCoverageCommand)
      .resolvesOnce({ coveredResources: [] })
      .resolvesOnce({ coveredResources: [row('PENDING_INITIAL_SCAN')] })
      .resolvesOnce({ coveredResources: [row('SCAN_IN_PROGRESS')] })
      .resolves({ coveredResources: [row('SUCCESSFUL', scanned)] })
    const a = inspectorFinding('CVE-2026-0001', 'HIGH')
    const b = inspectorFinding('CVE-2026-0002', 'CRITICAL')
    inspector
      .on(ListFindingsCommand)
      .resolvesOnce({ findings: [a] })
      .resolvesOnce({ findings: [a, b] })
      .resolves({ findings: [b, a] })

    const outcome = await scanEnhanced(target, deps(clock))

    expect(outcome.status).toBe('scanned')
    if (outcome.status !== 'scanned') return
    expect(outcome.findings.map((f) => f.vulnerabilityId).sort()).toEqual([
      'CVE-2026-0001',
      'CVE-2026-0002'
    ])
    expect(outcome.settled).toBe(true)
    expect(outcome.scannedAt).toEqual(scanned)
    expect(inspector.commandCalls(ListCoverageCommand)).toHaveLength(4)
    // Reads 2 and 3 agree only 21 s after the scan, inside the 30 s quiet period: one more read.
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(4)
  })

  it('does not take two agreeing reads right after the scan as settled', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T10:00:05Z'))
    inspector
      .on(ListCoverageCommand)
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:00:05Z'))] })
    let reads = 0
    // Empty for the first 25 s of reads, then a critical arrives.
    inspector.on(ListFindingsCommand).callsFake(async () => ({
      findings: ++reads >= 4 ? [inspectorFinding('CVE-2026-9999', 'CRITICAL')] : []
    }))

    const outcome = await scanEnhanced(target, deps(clock))

    expect(outcome.status === 'scanned' && outcome.findings.map((f) => f.severity)).toEqual([
      'critical'
    ])
  })

  it('leaves time to settle when the scan completes at the very end of the wait', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T10:00:05Z'))
    const deadline = clock.now() + 60_000
    let polls = 0
    // Pending until 50 s have passed, then SUCCESSFUL: the coverage wait must end by deadline − 10 s.
    inspector.on(ListCoverageCommand).callsFake(async () => ({
      coveredResources: [
        ++polls > 0 && clock.now() >= deadline - 12_000
          ? row('SUCCESSFUL', new Date(clock.now()))
          : row('SCAN_IN_PROGRESS')
      ]
    }))
    inspector.on(ListFindingsCommand).resolves({ findings: [] })

    const outcome = await scanEnhanced(target, deps(clock, { deadline }))

    expect(inspector.commandCalls(ListFindingsCommand).length).toBeGreaterThanOrEqual(2)
    expect(outcome.status).toBe('scanned')
  })

  it('asks Inspector for exactly this digest’s coverage and its ACTIVE findings', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T10:30:00Z'))
    inspector
      .on(ListCoverageCommand)
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:01:00Z'))] })
    inspector.on(ListFindingsCommand).resolves({ findings: [] })

    await scanEnhanced(target, deps(clock))

    const coverageInput = inspector.commandCalls(ListCoverageCommand)[0]?.args[0].input
    expect(coverageInput?.filterCriteria?.resourceId).toEqual([
      { comparison: 'EQUALS', value: target.resourceId }
    ])
    const findingsInput = inspector.commandCalls(ListFindingsCommand)[0]?.args[0].input
    expect(findingsInput?.filterCriteria?.ecrImageHash).toEqual([
      { comparison: 'EQUALS', value: target.digest }
    ])
    expect(findingsInput?.filterCriteria?.findingStatus).toEqual([
      { comparison: 'EQUALS', value: 'ACTIVE' }
    ])
    expect(findingsInput?.maxResults).toBe(100)
  })

  it('does not accept a SUCCESSFUL scan from before the push (the previous image under that tag)', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T10:00:05Z'))
    inspector
      .on(ListCoverageCommand)
      .resolvesOnce({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-21T08:00:00Z'))] })
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:00:40Z'))] })
    inspector.on(ListFindingsCommand).resolves({ findings: [] })

    const outcome = await scanEnhanced(target, deps(clock))

    expect(outcome).toMatchObject({
      status: 'scanned',
      scannedAt: new Date('2026-11-22T10:00:40Z')
    })
    expect(inspector.commandCalls(ListCoverageCommand)).toHaveLength(2)
  })

  it('reads twice, one re-read apart, even when the scan finished long ago: AWS promises no time after which one read is enough', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T12:00:00Z'))
    inspector
      .on(ListCoverageCommand)
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:05:00Z'))] })
    inspector
      .on(ListFindingsCommand)
      .resolves({ findings: [inspectorFinding('CVE-2026-0001', 'LOW')] })

    const outcome = await scanEnhanced(target, deps(clock))

    expect(outcome).toMatchObject({
      status: 'scanned',
      settled: true,
      settledBy: { kind: 'quiet-period' }
    })
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(2)
    expect(clock.sleeps).toEqual([DEFAULT_TIMING.settleIntervalMs])
  })

  it('stops settling at the bound and marks the result unsettled when findings keep changing', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T10:00:05Z'))
    inspector
      .on(ListCoverageCommand)
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:00:05Z'))] })
    let n = 0
    inspector.on(ListFindingsCommand).callsFake(async () => ({
      findings: Array.from({ length: ++n }, (_, i) =>
        inspectorFinding(`CVE-2026-${1000 + i}`, 'MEDIUM')
      )
    }))

    const outcome = await scanEnhanced(target, deps(clock))

    expect(outcome).toMatchObject({ status: 'scanned', settled: false })
    // First read, then one read every 10 s within the 60 s bound.
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(7)
    expect(outcome.status === 'scanned' && outcome.findings).toHaveLength(7)
  })

  it('reports an unscannable image with Inspector’s reason', async () => {
    const clock = new VirtualClock()
    inspector
      .on(ListCoverageCommand)
      .resolves({ coveredResources: [row('UNSUPPORTED_OS', undefined, 'INACTIVE')] })

    const outcome = await scanEnhanced(target, deps(clock))

    expect(outcome).toMatchObject({ status: 'unscannable', reason: 'UNSUPPORTED_OS' })
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(0)
  })

  it('gives up at the deadline with the last state it saw', async () => {
    const clock = new VirtualClock()
    inspector.on(ListCoverageCommand).resolves({ coveredResources: [row('PENDING_INITIAL_SCAN')] })

    const attempt = scanEnhanced(target, deps(clock, { deadline: clock.now() + 120_000 }))

    await expect(attempt).rejects.toBeInstanceOf(PollTimeoutError)
    await expect(attempt).rejects.toThrow('PENDING_INITIAL_SCAN')
  })

  it('keeps waiting through throttling the SDK could not absorb', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T10:00:05Z'))
    const throttled = new ThrottlingException({
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 429 }
    })
    Object.assign(throttled, { $retryable: { throttling: true } })
    inspector
      .on(ListCoverageCommand)
      .rejectsOnce(throttled)
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:00:06Z'))] })
    inspector.on(ListFindingsCommand).resolves({ findings: [] })

    const outcome = await scanEnhanced(target, deps(clock))

    expect(outcome.status).toBe('scanned')
  })

  it('fails on a finding whose severity it does not know instead of dropping it', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T12:00:00Z'))
    inspector
      .on(ListCoverageCommand)
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:05:00Z'))] })
    inspector
      .on(ListFindingsCommand)
      .resolves({ findings: [inspectorFinding('CVE-2026-0001', 'SEVERE')] })

    await expect(scanEnhanced(target, deps(clock))).rejects.toThrow('unknown severity "SEVERE"')
  })

  it('collects every page of findings', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T12:00:00Z'))
    inspector
      .on(ListCoverageCommand)
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:05:00Z'))] })
    const pages: Record<string, { findings: InspectorFinding[]; nextToken?: string }> = {
      first: { findings: [inspectorFinding('CVE-1', 'LOW')], nextToken: 'p2' },
      p2: { findings: [inspectorFinding('CVE-2', 'LOW')], nextToken: 'p3' },
      p3: { findings: [inspectorFinding('CVE-3', 'LOW')] }
    }
    // Every read (the settle reads twice) pages through the same three pages.
    inspector
      .on(ListFindingsCommand)
      .callsFake(async (input: { nextToken?: string }) => pages[input.nextToken ?? 'first'])

    const outcome = await scanEnhanced(target, deps(clock))

    expect(outcome.status === 'scanned' && outcome.findings.map((f) => f.vulnerabilityId)).toEqual([
      'CVE-1',
      'CVE-2',
      'CVE-3'
    ])
  })

  it('counts a finding that comes again on the next page once', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T12:00:00Z'))
    inspector
      .on(ListCoverageCommand)
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:05:00Z'))] })
    // A finding inserted ahead of the cursor pushes CVE-2 from page 1 onto page 2 as well.
    const pages: Record<string, { findings: InspectorFinding[]; nextToken?: string }> = {
      first: {
        findings: [inspectorFinding('CVE-1', 'LOW'), inspectorFinding('CVE-2', 'HIGH')],
        nextToken: 'p2'
      },
      p2: { findings: [inspectorFinding('CVE-2', 'HIGH'), inspectorFinding('CVE-3', 'LOW')] }
    }
    inspector
      .on(ListFindingsCommand)
      .callsFake(async (input: { nextToken?: string }) => pages[input.nextToken ?? 'first'])

    const outcome = await scanEnhanced(target, deps(clock))

    expect(outcome.status === 'scanned' && outcome.findings.map((f) => f.vulnerabilityId)).toEqual([
      'CVE-1',
      'CVE-2',
      'CVE-3'
    ])
  })

  it('refuses a page token that comes back unchanged instead of stopping short', async () => {
    const clock = new VirtualClock(Date.parse('2026-11-22T12:00:00Z'))
    inspector
      .on(ListCoverageCommand)
      .resolves({ coveredResources: [row('SUCCESSFUL', new Date('2026-11-22T10:05:00Z'))] })
    inspector.on(ListFindingsCommand).resolves({
      findings: [inspectorFinding('CVE-1', 'LOW')],
      nextToken: 'stuck'
    })

    await expect(scanEnhanced(target, deps(clock))).rejects.toThrow(
      'ListFindings returned a page token it had already returned (after 2 pages)'
    )
  })
})
