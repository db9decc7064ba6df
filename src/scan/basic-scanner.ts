import { describeBasicScan, startBasicScan, type BasicScan } from '../aws/ecr.js'
import { AwsCallError } from '../aws/errors.js'
import { normalizeBasicFinding } from '../aws/normalize.js'
import type { ImageReference } from '../domain/image-reference.js'
import type { ScannedArtifact } from '../domain/finding.js'
import type { ArtifactOutcome } from '../domain/outcome.js'
import type { ScanDeps } from './deps.js'
import { poll } from './poller.js'
import { classifyBasicScanStatus } from './scan-status.js'
import { artifactName, pollOptions, tolerateTransient } from './waiting.js'

/**
 * ECR basic scanning of one digest. When no scan exists yet (no scan on push), start one; ECR allows
 * one per image per 24 h, so "limit exceeded" on start means a scan is already under way or done.
 */
export async function scanBasic(
  artifact: ScannedArtifact,
  ref: ImageReference,
  deps: ScanDeps
): Promise<ArtifactOutcome> {
  const client = deps.clients.ecr(artifact.region)
  const name = artifactName(artifact)
  let startAttempted = false

  type BasicWait =
    { kind: 'refused'; outcome: ArtifactOutcome } | { kind: 'complete'; scan: BasicScan }
  const awaited = await poll<BasicWait>(
    async () => {
      const read = await tolerateTransient(() => describeBasicScan(client, ref, artifact.digest))
      if (!read.ok) return { done: false, state: read.state }
      const current = read.value
      let status = current.status
      if (status === undefined) {
        if (startAttempted) {
          return { done: false, state: 'waiting for the scan ECR accepted to appear' }
        }
        startAttempted = true
        const started = await startBasicScan(client, ref, artifact.digest)
        if (started !== 'unsupported') {
          deps.log.info(
            started === 'started'
              ? `${name}: no basic scan existed; started one`
              : `${name}: a basic scan was already requested for this image in the last 24 h; waiting for it`
          )
          return { done: false, state: 'scan requested' }
        }
        // ECR refused to start a scan of this image type: the same verdict as a scan that says so.
        status = 'UNSUPPORTED_IMAGE'
      }
      const c = classifyBasicScanStatus(status, current.description)
      if (c.kind === 'wait') return { done: false, state: c.state }
      if (c.kind === 'unscannable') {
        const outcome: ArtifactOutcome = {
          status: 'unscannable',
          artifact,
          reason: c.reason,
          explanation: c.explanation
        }
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
  return {
    status: 'scanned',
    artifact,
    scanMode: 'basic',
    ...(result.completedAt !== undefined && { scannedAt: result.completedAt }),
    findings: result.findings.map((raw) => normalizeBasicFinding(raw, artifact)),
    // Basic scan results are final once COMPLETE; nothing trickles in afterwards.
    settled: true
  }
}
