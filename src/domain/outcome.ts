import type { Finding, ScannedArtifact } from './finding.js'
import type { ScanEventCounts } from './scan-event.js'

/**
 * What showed the finding set complete. `scan-event`: ListFindings held at least what Inspector's
 * own scan event counted (when unsettled, `shortfall` says what was missing). `quiet-period`: two
 * reads agreed after the quiet period (`withoutScanEvent` says why the event was not used, when it
 * was looked for). `scan-complete`: ECR basic scanning, whose findings come with its COMPLETE.
 * `scan-answer`: Inspector Scan's synchronous answer on an SBOM, whose vulnerabilities add up to the
 * totals it states.
 */
export type SettleProof =
  | { kind: 'scan-event'; counts: ScanEventCounts; eventTime: Date; shortfall?: string[] }
  | { kind: 'quiet-period'; withoutScanEvent?: string }
  | { kind: 'scan-complete' }
  | { kind: 'scan-answer' }

/**
 * What happened to one artifact. A gate only passes when every artifact was really scanned, so the
 * non-`scanned` statuses are first-class results, not exceptions.
 */
export type ArtifactOutcome =
  | {
      status: 'scanned'
      artifact: ScannedArtifact
      /** `sbom`: Inspector Scan's ScanSbom on an SBOM file, before any push. */
      scanMode: 'enhanced' | 'basic' | 'sbom'
      /** When the scan this verdict rests on finished (Inspector `lastScannedAt` / ECR completion). */
      scannedAt?: Date
      findings: Finding[]
      /**
       * False when findings were still changing when the settle bound ran out: the verdict then rests
       * on the last read, and says so.
       */
      settled: boolean
      /** How `settled` was decided; absent in outcomes made before proofs were recorded. */
      settledBy?: SettleProof
    }
  | {
      status: 'unscannable'
      artifact: ScannedArtifact
      /** The AWS status or reason code, e.g. `UNSUPPORTED_OS`. */
      reason: string
      /** What it means and what the user can do about it. */
      explanation: string
    }
  | {
      status: 'error'
      /** The user's reference; the artifact is absent when the failure happened before resolving it. */
      reference: string
      artifact?: ScannedArtifact
      message: string
      timedOut: boolean
    }
