import type { Severity } from './severity.js'

/** One artifact Inspector scans: a single-platform image digest (later: a Lambda function's code). */
export interface ScannedArtifact {
  kind: 'image'
  /** What the user wrote in `images:`, so every result can be traced back to their input. */
  reference: string
  registryId: string
  region: string
  repository: string
  /** The digest Inspector scanned (`sha256:…`): for an image index, the platform child's digest. */
  digest: string
  /** `linux/amd64`, `linux/arm64/v8`… when the reference was an image index; undefined otherwise. */
  platform?: string
  /** The image index's digest when this artifact is one of its platform images. */
  indexDigest?: string
  /** Inspector's resource id for this digest: `arn:aws:ecr:<region>:<account>:repository/<repo>/sha256:…`. */
  resourceId: string
  pushedAt?: Date
}

export interface VulnerablePackage {
  name: string
  installedVersion?: string
  fixedInVersion?: string
  packageManager?: string
  filePath?: string
}

export type Availability = 'yes' | 'no' | 'partial' | 'unknown'

/** A finding in one shape, whichever API it came from. All text fields are untrusted. */
export interface Finding {
  /** Stable identity: the Inspector finding ARN, or a synthesized id for basic-scanning findings. */
  id: string
  /** CVE-… / GHSA-… / ALAS-… — what ignore entries usually name. */
  vulnerabilityId: string
  title: string
  description: string
  severity: Severity
  type: 'package' | 'code' | 'network'
  source: 'inspector' | 'ecr-basic'
  /** Advisory link (from the vulnerability source, falling back to the remediation URL). */
  url?: string
  packages: VulnerablePackage[]
  fixAvailable: Availability
  exploitAvailable: Availability
  inspectorScore?: number
  /** EPSS probability 0–1 (Inspector only). */
  epss?: number
  cvss?: { score: number; version?: string; vector?: string }
  remediation?: string
  firstObservedAt?: string
  /** The artifact the finding is about; scoped ignore entries match against it. */
  artifact: ScannedArtifact
}
