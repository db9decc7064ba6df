import { getCoverage, listImageFindings } from '../aws/inspector.js'
import { normalizeInspectorFinding } from '../aws/normalize.js'
import type { Finding, ImageArtifact } from '../domain/finding.js'
import type { ArtifactOutcome } from '../domain/outcome.js'
import { poll } from './poller.js'
import { classifyCoverage } from './scan-status.js'
import type { ScanDeps } from './deps.js'
import { settleFindings, settleReserveMs } from './settle.js'
import { artifactName, pollOptions, refusalOutcome, tolerateTransient } from './waiting.js'

/**
 * Enhanced (Inspector) scanning of one image digest: wait until Inspector coverage says that exact
 * digest was scanned at or after its push, then read its findings until two reads agree.
 */
export async function scanEnhanced(
  artifact: ImageArtifact,
  deps: ScanDeps
): Promise<ArtifactOutcome> {
  const client = deps.clients.inspector(artifact.region)
  const name = artifactName(artifact)

  const coverage = await poll(
    async () => {
      const snapshot = await tolerateTransient(() =>
        getCoverage(client, artifact.resourceId, 'AWS_ECR_CONTAINER_IMAGE')
      )
      if (!snapshot.ok) return { done: false, state: snapshot.state }
      const c = classifyCoverage(snapshot.value, artifact.pushedAt)
      return c.kind === 'wait' ? { done: false, state: c.state } : { done: true, value: c }
    },
    pollOptions(deps, name, settleReserveMs(deps)),
    deps.clock
  )
  if (coverage.kind !== 'done') return refusalOutcome(artifact, coverage, 'Inspector')
  const scannedAt = coverage.scannedAt
  deps.log.info(`${name}: Inspector scan complete (${scannedAt?.toISOString() ?? 'time unknown'})`)

  const read = async (): Promise<Finding[]> =>
    (await listImageFindings(client, artifact)).map((raw) =>
      normalizeInspectorFinding(raw, artifact)
    )
  const { findings, settled } = await settleFindings(name, read, scannedAt, deps)
  return {
    status: 'scanned',
    artifact,
    scanMode: 'enhanced',
    ...(scannedAt !== undefined && { scannedAt }),
    findings,
    settled
  }
}
