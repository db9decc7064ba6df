import { describeBasicScan, startBasicScan, type BasicScan } from '../../aws/ecr.js'
import { AwsCallError } from '../../aws/errors.js'
import { normalizeBasicFinding } from '../../aws/normalize.js'
import type { ImageReference } from '../../domain/image-reference.js'
import type { ImageArtifact } from '../../domain/finding.js'
import type { ArtifactOutcome } from '../../domain/outcome.js'
import type { ScanDeps } from './deps.js'
import { poll } from '../../runtime/poll.js'
import { classifyBasicScanStatus } from './scan-status.js'
import { artifactName, pollOptions, refusalOutcome, tolerateTransient } from './waiting.js'

/**
 * ECR basic scanning of one digest. When no scan exists yet (no scan on push), start one; ECR allows
 * one per image per 24 h, so "limit exceeded" on start means a scan is already under way or done.
 */
export async function scanBasic(
  artifact: ImageArtifact,
  ref: ImageReference,
  deps: ScanDeps
): Promise<ArtifactOutcome> {
  const client = deps.clients.ecr(artifact.region)
  const name = artifactName(artifact)
  let startAttempted = false
  let limitHitAt: number | undefined

  /** No scan exists yet: start one (once), or say how long to wait for the one ECR accepted. */
  const noScanYet = async (): Promise<string | { done: false; state: string }> => {
    if (!startAttempted) {
      startAttempted = true
      const started = await startBasicScan(client, ref, artifact.digest)
      // ECR refusing to scan this image type is the same verdict as a scan that says so.
      if (started === 'unsupported') return 'UNSUPPORTED_IMAGE'
      // An archived image is not scanned until restored: a setup problem, like the scan status.
      if (started === 'archived') return 'IMAGE_ARCHIVED'
      if (started === 'limit-exceeded') limitHitAt = deps.clock.now()
      deps.log.info(
        started === 'started'
          ? `${name}: no basic scan existed; started one`
          : `${name}: a basic scan was already requested for this image in the last 24 h; waiting for it`
      )
      return { done: false, state: 'scan requested' }
    }
    if (limitHitAt !== undefined && deps.clock.now() - limitHitAt > 2 * deps.timing.pollMaxMs) {
      // ECR said today's scan was used, yet none appears: none will, until tomorrow.
      return 'LIMIT_EXCEEDED'
    }
    return { done: false, state: 'waiting for the scan ECR accepted to appear' }
  }

  type BasicWait =
    { kind: 'refused'; outcome: ArtifactOutcome } | { kind: 'complete'; scan: BasicScan }
  const awaited = await poll<BasicWait>(
    async () => {
      const read = await tolerateTransient(() => describeBasicScan(client, ref, artifact.digest))
      if (!read.ok) return { done: false, state: read.state }
      const current = read.value
      const status = current.status ?? (await noScanYet())
      if (typeof status !== 'string') return status
      const c = classifyBasicScanStatus(status, current.description)
      if (c.kind === 'wait') return { done: false, state: c.state }
      if (c.kind !== 'done') {
        const outcome = refusalOutcome(artifact, c, 'ECR basic scanning')
        return { done: true, value: { kind: 'refused', outcome } }
      }
      return { done: true, value: { kind: 'complete', scan: current } }
    },
    pollOptions(deps, name),
    deps.clock
  )
  if (awaited.kind === 'refused') return awaited.outcome

  const result = awaited.scan
  if (result.enhancedCount > 0) {
    // Enhanced findings on the basic path mean the registry changed scan type mid-run; reading
    // only the basic list would under-count, so refuse rather than guess.
    throw new AwsCallError(
      `${name}: ECR returned enhanced findings although the registry reported basic scanning; run the gate again`,
      'UnexpectedResponse',
      false
    )
  }
  checkListMatchesCounts(result, name)
  return {
    status: 'scanned',
    artifact,
    scanMode: 'basic',
    ...(result.completedAt !== undefined && { scannedAt: result.completedAt }),
    findings: result.findings.map((raw) => normalizeBasicFinding(raw, artifact)),
    // Basic scan results are final once COMPLETE; nothing trickles in afterwards.
    settled: true,
    settledBy: { kind: 'scan-complete' }
  }
}

/**
 * ECR states the number of findings per severity beside the list. A list short of those counts is
 * not the whole answer (a truncated page, a proxy that dropped it): judging it would pass what the
 * counts say is there.
 */
function checkListMatchesCounts(scan: BasicScan, name: string): void {
  const listed = new Map<string, number>()
  for (const finding of scan.findings) {
    const severity = String(finding.severity)
    listed.set(severity, (listed.get(severity) ?? 0) + 1)
  }
  const short = Object.entries(scan.statedCounts)
    .filter(([severity, count]) => (listed.get(severity) ?? 0) < count)
    .map(([severity, count]) => `${severity} ${listed.get(severity) ?? 0} of ${count}`)
  if (short.length > 0) {
    throw new AwsCallError(
      `${name}: ECR's DescribeImageScanFindings lists fewer findings than its own findingSeverityCounts (${short.join(', ')}); the finding list is incomplete, so the gate cannot pass it; run the gate again`,
      'UnexpectedResponse',
      false
    )
  }
}
