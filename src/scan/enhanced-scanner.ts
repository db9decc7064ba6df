import { getCoverage, listImageFindings } from '../aws/inspector.js'
import { normalizeInspectorFinding } from '../aws/normalize.js'
import type { Finding, ScannedArtifact } from '../domain/finding.js'
import type { ArtifactOutcome } from '../domain/outcome.js'
import { poll } from './poller.js'
import { classifyCoverage } from './scan-status.js'
import type { ScanDeps } from './deps.js'
import { artifactName, pollOptions, tolerateTransient } from './waiting.js'

/**
 * Enhanced (Inspector) scanning of one image digest: wait until Inspector coverage says that exact
 * digest was scanned at or after its push, then read its findings until two reads agree.
 */
export async function scanEnhanced(
  artifact: ScannedArtifact,
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
    pollOptions(deps, name),
    deps.clock
  )
  if (coverage.kind === 'unscannable') {
    return {
      status: 'unscannable',
      artifact,
      reason: coverage.reason,
      explanation: coverage.explanation
    }
  }
  const scannedAt = coverage.scannedAt
  deps.log.info(`${name}: Inspector scan complete (${scannedAt?.toISOString() ?? 'time unknown'})`)

  const { findings, settled } = await settleFindings(artifact, scannedAt, deps)
  return {
    status: 'scanned',
    artifact,
    scanMode: 'enhanced',
    ...(scannedAt !== undefined && { scannedAt }),
    findings,
    settled
  }
}

/**
 * Findings keep arriving for a while after Inspector reports the scan complete, so one read is not
 * enough: re-read until two consecutive reads agree, within the settle bound. A scan that finished
 * longer ago than that bound has already settled, and one read is enough.
 */
async function settleFindings(
  artifact: ScannedArtifact,
  scannedAt: Date | undefined,
  deps: ScanDeps
): Promise<{ findings: Finding[]; settled: boolean }> {
  const client = deps.clients.inspector(artifact.region)
  const read = async (): Promise<Finding[]> =>
    (await listImageFindings(client, artifact)).map((raw) =>
      normalizeInspectorFinding(raw, artifact)
    )

  let latest = await read()
  const settledLongAgo =
    scannedAt !== undefined && deps.clock.now() - scannedAt.getTime() >= deps.timing.settleMs
  if (settledLongAgo) return { findings: latest, settled: true }

  const settleDeadline = Math.min(deps.deadline, deps.clock.now() + deps.timing.settleMs)
  let previous = fingerprint(latest)
  for (;;) {
    const remaining = settleDeadline - deps.clock.now()
    if (remaining <= 0) break
    await deps.clock.sleep(Math.min(deps.timing.settleIntervalMs, remaining))
    latest = await read()
    const current = fingerprint(latest)
    if (current === previous) return { findings: latest, settled: true }
    deps.log.info(`${artifactName(artifact)}: findings still arriving (${latest.length} so far)`)
    previous = current
  }
  deps.log.warning(
    `${artifactName(artifact)}: findings were still changing when the settle bound ran out; the verdict uses the ${latest.length} findings read last`
  )
  return { findings: latest, settled: false }
}

function fingerprint(findings: Finding[]): string {
  return findings
    .map((f) => `${f.id}:${f.severity}`)
    .sort()
    .join('\n')
}
