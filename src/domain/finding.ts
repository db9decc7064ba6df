import type { Severity } from './severity.js'

interface ArtifactCommon {
  /** What the user wrote in `images:` or `functions:`, so every result traces back to their input. */
  reference: string
  region: string
  /** Inspector's resource id (coverage rows and findings use the same string). */
  resourceId: string
}

/** A single-platform image digest: what Inspector scans in ECR. */
export interface ImageArtifact extends ArtifactCommon {
  kind: 'image'
  registryId: string
  repository: string
  /** The digest Inspector scanned (`sha256:…`): for an image index, the platform child's digest. */
  digest: string
  /** `linux/amd64`, `linux/arm64/v8`… when the reference was an image index; undefined otherwise. */
  platform?: string
  /** The image index's digest when this artifact is one of its platform images. */
  indexDigest?: string
  pushedAt?: Date
}

/**
 * One scan type of one deployed Lambda function (`$LATEST`, the only version Inspector scans).
 * Standard (package) and code scanning are separate coverage rows, so they are separate artifacts.
 */
export interface FunctionArtifact extends ArtifactCommon {
  kind: 'function'
  accountId: string
  functionName: string
  /** The deployed code; findings of any other CodeSha256 belong to an earlier deployment. */
  codeSha256: string
  /** When the deployment landed: a scan before this is a scan of the previous code. */
  lastModified: Date
  runtime?: string
  scanType: 'package' | 'code'
}

/**
 * An SBOM file scanned before the push by Inspector Scan (`ScanSbom`): its reference is the file as
 * listed in `sboms:`, its subject what the SBOM says it describes (an image name and digest when
 * the SBOM records them).
 */
export interface SbomArtifact extends ArtifactCommon {
  kind: 'sbom'
  /** `CycloneDX 1.5`, `SPDX 2.3`…: the document's own format, before conversion. */
  format: string
  components: number
  subjectName?: string
  /** `sha256:…` when the SBOM records the image's digest. */
  subjectDigest?: string
}

export type ScannedArtifact = ImageArtifact | FunctionArtifact | SbomArtifact

/** What tells artifacts of one reference apart: the platform, the Lambda scan type, the subject. */
export function artifactVariant(artifact: ScannedArtifact): string | undefined {
  if (artifact.kind === 'image') return artifact.platform
  if (artifact.kind === 'sbom') return sbomSubject(artifact)
  return artifact.scanType === 'code' ? 'code scanning' : 'package scanning'
}

/** `SBOM of app:1.2`, `SBOM of sha256:…`: what an SBOM says it describes, when it says. */
function sbomSubject(artifact: SbomArtifact): string | undefined {
  const subject = artifact.subjectName ?? artifact.subjectDigest
  return subject === undefined ? undefined : `SBOM of ${subject}`
}

/** The content that was scanned: an image digest, a function's code hash, an SBOM's subject. */
export function artifactContent(artifact: ScannedArtifact): string {
  if (artifact.kind === 'image') return artifact.digest
  // The image's digest when the SBOM records it: the same content a scan after the push will see.
  if (artifact.kind === 'sbom') return artifact.subjectDigest ?? `${artifact.components} components`
  return `CodeSha256 ${artifact.codeSha256}`
}

/** `app:v1 (linux/arm64)` / `orders-api (code scanning)`: how messages name an artifact. */
export function artifactLabel(reference: string, artifact: ScannedArtifact | undefined): string {
  const variant = artifact === undefined ? undefined : artifactVariant(artifact)
  return variant === undefined ? reference : `${reference} (${variant})`
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
  /** `inspector-scan`: Inspector Scan's ScanSbom, on an SBOM before the push. */
  source: 'inspector' | 'ecr-basic' | 'inspector-scan'
  /** Advisory link (from the vulnerability source, falling back to the remediation URL). */
  url?: string
  packages: VulnerablePackage[]
  fixAvailable: Availability
  exploitAvailable: Availability
  inspectorScore?: number
  /** EPSS probability 0–1 (Inspector only). */
  epss?: number
  cvss?: { score: number; version?: string; vector?: string }
  /** Where a code-scanning finding is (Lambda code scanning only). */
  code?: CodeLocation
  remediation?: string
  firstObservedAt?: string
  /** The artifact the finding is about; scoped ignore entries match against it. */
  artifact: ScannedArtifact
}

/** A code-scanning finding's place in the function's code, and what detected it. */
export interface CodeLocation {
  filePath: string
  startLine?: number
  endLine?: number
  cwes: string[]
  detectorName?: string
  ruleId?: string
}
