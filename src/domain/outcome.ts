import type { Finding, ScannedArtifact } from './finding.js'

/**
 * What happened to one artifact. A gate only passes when every artifact was really scanned, so the
 * non-`scanned` statuses are first-class results, not exceptions.
 */
export type ArtifactOutcome =
  | {
      status: 'scanned'
      artifact: ScannedArtifact
      scanMode: 'enhanced' | 'basic'
      /** When the scan this verdict rests on finished (Inspector `lastScannedAt` / ECR completion). */
      scannedAt?: Date
      findings: Finding[]
      /**
       * False when findings were still changing when the settle bound ran out: the verdict then rests
       * on the last read, and says so.
       */
      settled: boolean
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
