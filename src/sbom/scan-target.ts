import { isDeadlineExceeded } from '../aws/errors.js'
import { scanSbom } from '../aws/inspector-scan.js'
import type { RunDeps } from '../aws/run-deps.js'
import type { ArtifactOutcome } from '../domain/outcome.js'
import { errorMessage } from '../runtime/error-message.js'
import type { SbomDocument } from './document.js'
import { sbomArtifact, sbomFinding } from './findings.js'
import { readScanAnswer } from './scan-answer.js'

/**
 * One SBOM, gated before anything is pushed: one synchronous ScanSbom call, no wait and no settle.
 * The answer is complete when it comes (its vulnerabilities must add up to the totals it states,
 * scan-answer.ts), so the outcome is settled by that answer. Every failure is this target's error
 * outcome, which the policy's `on-error` decides, never an empty pass.
 */
export async function scanSbomTarget(
  document: SbomDocument,
  region: string,
  deps: RunDeps
): Promise<ArtifactOutcome> {
  const artifact = sbomArtifact(document, region)
  try {
    const { sbom } = await scanSbom(deps.clients.inspectorScan(region), {
      file: document.file,
      sbom: document.cycloneDx,
      // The format AWS documents (cyclonedx-namespace); INSPECTOR's shape is not published.
      outputFormat: 'CYCLONE_DX_1_5'
    })
    const report = readScanAnswer(document.file, sbom)
    const findings = report.vulnerabilities.map((v) => sbomFinding(v, artifact))
    deps.log.info(
      `${document.file}: Inspector Scan found ${findings.length} vulnerabilit${findings.length === 1 ? 'y' : 'ies'} in ${document.components} components (${document.format})`
    )
    return {
      status: 'scanned',
      artifact,
      scanMode: 'sbom',
      scannedAt: new Date(deps.clock.now()),
      findings,
      settled: true,
      settledBy: { kind: 'scan-answer' }
    }
  } catch (error) {
    return {
      status: 'error',
      reference: document.file,
      artifact,
      message: errorMessage(error),
      timedOut: isDeadlineExceeded(error)
    }
  }
}
