import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  Inspector2Client,
  ListCoverageCommand,
  ListFindingsCommand
} from '@aws-sdk/client-inspector2'
import { mockClient } from 'aws-sdk-client-mock'
import { normalizeInspectorFinding } from '../../../src/aws/normalize.js'
import type { Finding } from '../../../src/domain/finding.js'
import { scanEnhanced } from '../../../src/gate/scan/enhanced-scanner.js'
import { settleFindings } from '../../../src/gate/scan/settle.js'
import { artifact, inspectorFinding, scanDeps, testClients } from '../../fixtures/aws-clients.js'
import { VirtualClock } from '../../helpers/virtual-clock.js'

/**
 * The runner's clock and AWS's disagree (issue 19, case 10). lastScannedAt is AWS's time; how
 * long ago the scan finished must be asked of AWS's clock, which the clients learn from the
 * `Date` header of AWS's answers (aws/aws-time.ts), here injected as that estimate.
 */
const inspector = mockClient(Inspector2Client)
const target = artifact({ pushedAt: new Date('2026-11-22T09:00:00Z') })
const LOCAL_START = Date.parse('2026-11-22T10:00:05Z')
const CRITICAL = inspectorFinding('CVE-2026-4242', 'CRITICAL')

const SKEWS = [
  ['90 s behind', -90_000],
  ['an hour behind', -3_600_000],
  ['an hour ahead', 3_600_000]
] as const

/** Deps whose AWS clock is `skewMs` off, as an estimate from a Date header would be (≤ 1 s low). */
function skewedDeps(clock: VirtualClock, skewMs: number | undefined) {
  const awsTime = { offsetMs: () => (skewMs === undefined ? undefined : skewMs - 400) }
  return scanDeps(clock, { clients: { ...testClients(), awsTime } })
}

/** Findings of a scan that just finished: nothing for 20 s, then a CRITICAL. */
function lateCritical(clock: VirtualClock): () => Promise<Finding[]> {
  return async () =>
    clock.now() - LOCAL_START >= 20_000 ? [normalizeInspectorFinding(CRITICAL, target)] : []
}

beforeEach(() => {
  inspector.reset()
})

describe('settling with AWS’s clock off the runner’s', () => {
  it.each(SKEWS)(
    'AWS %s: a scan that just finished is settled, the late CRITICAL read, the verdict within the settle bound',
    async (_, skewMs) => {
      const clock = new VirtualClock(LOCAL_START)
      const scannedAt = new Date(LOCAL_START + skewMs) // AWS's time when the scan finished: now
      const deps = skewedDeps(clock, skewMs)

      const result = await settleFindings('app', lateCritical(clock), scannedAt, deps)

      expect(result.settled).toBe(true)
      expect(result.findings.map((f) => f.severity)).toEqual(['critical'])
      // Not the settle bound (60 s), let alone the timeout: the quiet period and one more read.
      expect(clock.now() - LOCAL_START).toBeLessThanOrEqual(40_000)
    }
  )

  it('AWS 90 s behind: a scan that just finished on AWS’s clock waits out the quiet period, though the runner’s clock calls it 95 s old', async () => {
    const clock = new VirtualClock(LOCAL_START)
    const scannedAt = new Date(LOCAL_START - 90_000 - 5_000)
    let reads = 0
    const result = await settleFindings(
      'app',
      async () => {
        reads += 1
        return []
      },
      scannedAt,
      skewedDeps(clock, -90_000)
    )
    // Quiet 30 s after the scan on AWS's clock: reads at 0, 10, 20 and 30 s.
    expect({ reads, settled: result.settled, waited: clock.now() - LOCAL_START }).toEqual({
      reads: 4,
      settled: true,
      waited: 30_000
    })
  })

  it('no Date seen yet: the runner’s clock decides, as before', async () => {
    const clock = new VirtualClock(LOCAL_START)
    let reads = 0
    await settleFindings(
      'app',
      async () => {
        reads += 1
        return []
      },
      new Date(LOCAL_START - 61_000),
      skewedDeps(clock, undefined)
    )
    // Quiet already on the runner's clock: two agreeing reads, one re-read apart.
    expect({ reads, waited: clock.now() - LOCAL_START }).toEqual({ reads: 2, waited: 10_000 })
  })
})

describe('scanEnhanced with AWS’s clock off the runner’s', () => {
  it.each(SKEWS)(
    'AWS %s: the CRITICAL that arrives 20 s after the scan fails the image',
    async (_, skewMs) => {
      const clock = new VirtualClock(LOCAL_START)
      inspector.on(ListCoverageCommand).resolves({
        coveredResources: [
          {
            resourceId: target.resourceId,
            resourceType: 'AWS_ECR_CONTAINER_IMAGE',
            accountId: '123456789012',
            scanType: 'PACKAGE',
            scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
            lastScannedAt: new Date(LOCAL_START + skewMs)
          }
        ]
      })
      inspector.on(ListFindingsCommand).callsFake(async () => ({
        findings: clock.now() - LOCAL_START >= 20_000 ? [CRITICAL] : []
      }))

      const outcome = await scanEnhanced(target, skewedDeps(clock, skewMs))

      expect(outcome).toMatchObject({ status: 'scanned', settled: true })
      expect(outcome.status === 'scanned' && outcome.findings.map((f) => f.severity)).toEqual([
        'critical'
      ])
      expect(clock.now() - LOCAL_START).toBeLessThanOrEqual(40_000)
    }
  )
})
