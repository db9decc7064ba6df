import { getCoverage, listImageFindings } from '../../aws/inspector.js'
import { normalizeInspectorFinding } from '../../aws/normalize.js'
import type { Finding, ImageArtifact } from '../../domain/finding.js'
import type { ArtifactOutcome } from '../../domain/outcome.js'
import { poll } from '../../runtime/poll.js'
import { classifyCoverage } from './scan-status.js'
import type { ScanDeps } from './deps.js'
import { repositoryArnOf, type ScanEventHandle } from './scan-events.js'
import { settleFindings, settleReserveMs } from './settle.js'
import { tolerateTransient } from '../../aws/transient.js'
import { artifactName, pollOptions, refusalOutcome } from './waiting.js'

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
  // Inspector's own scan event, when there is a log group to read it from: it may end the coverage
  // wait (it says the scan of this digest is complete) and it settles the findings on its counts.
  const scanEvent = watchScanEvent(artifact, deps)
  try {
    return await scanWithEvent(artifact, client, name, deps, scanEvent)
  } finally {
    scanEvent?.close()
  }
}

async function scanWithEvent(
  artifact: ImageArtifact,
  client: ReturnType<ScanDeps['clients']['inspector']>,
  name: string,
  deps: ScanDeps,
  scanEvent: ScanEventHandle | undefined
): Promise<ArtifactOutcome> {
  const coverage = await poll(
    async () => {
      const event = scanEvent?.state()
      if (event?.kind === 'found') {
        deps.log.info(`${name}: Inspector's scan event says the scan is complete`)
        return { done: true, value: { kind: 'done' as const, scannedAt: event.event.time } }
      }
      const snapshot = await tolerateTransient(() =>
        getCoverage(
          client,
          { resourceId: artifact.resourceId, accountId: artifact.registryId },
          'AWS_ECR_CONTAINER_IMAGE'
        )
      )
      if (!snapshot.ok) return { done: false, state: snapshot.state }
      const c = classifyCoverage(snapshot.value, artifact.pushedAt)
      return c.kind === 'wait' ? { done: false, state: c.state } : { done: true, value: c }
    },
    {
      ...pollOptions(deps, name, settleReserveMs(deps)),
      ...(scanEvent !== undefined && { wake: scanEvent.found })
    },
    deps.clock
  )
  if (coverage.kind !== 'done') return refusalOutcome(artifact, coverage, 'Inspector')
  const scannedAt = coverage.scannedAt
  deps.log.info(`${name}: Inspector scan complete (${scannedAt?.toISOString() ?? 'time unknown'})`)

  const read = async (): Promise<Finding[]> =>
    (await listImageFindings(client, artifact)).map((raw) =>
      normalizeInspectorFinding(raw, artifact)
    )
  const { findings, settled, settledBy } = await settleFindings(
    name,
    read,
    scannedAt,
    deps,
    scanEvent
  )
  return {
    status: 'scanned',
    artifact,
    scanMode: 'enhanced',
    ...(scannedAt !== undefined && { scannedAt }),
    findings,
    settled,
    settledBy
  }
}

/** A digest of a known push is watched for; without a push time no event can be tied to it. */
function watchScanEvent(artifact: ImageArtifact, deps: ScanDeps): ScanEventHandle | undefined {
  if (deps.scanEvents === undefined || artifact.pushedAt === undefined) return undefined
  return deps.scanEvents.watch({
    digest: artifact.digest,
    repositoryArn: repositoryArnOf(artifact.resourceId, artifact.digest),
    region: artifact.region,
    pushedAt: artifact.pushedAt.getTime()
  })
}
