import type { ECRClient } from '@aws-sdk/client-ecr'
import { AwsCallError } from '../../aws/errors.js'
import { describeImage, describePushTimes, getManifest } from '../../aws/ecr.js'
import type { ImageArtifact } from '../../domain/finding.js'
import { imageResourceId, type ImageReference } from '../../domain/image-reference.js'

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
])

interface IndexEntry {
  digest?: unknown
  mediaType?: unknown
  artifactType?: unknown
  platform?: { os?: unknown; architecture?: unknown; variant?: unknown }
  annotations?: Record<string, unknown>
}

export interface ResolvedImage {
  artifacts: ImageArtifact[]
  /** What was left out and why (attestation manifests), for the log. */
  skipped: string[]
}

/**
 * Resolves one reference to the digests Inspector actually scans. Inspector does not scan image
 * indexes; it scans each platform manifest under its own (usually untagged) digest, so an index is
 * expanded into its platform children and BuildKit attestation manifests are dropped.
 */
export async function resolveImage(client: ECRClient, ref: ImageReference): Promise<ResolvedImage> {
  const image = await describeImage(client, ref)
  const base = {
    kind: 'image' as const,
    reference: ref.raw,
    registryId: ref.registryId,
    region: ref.region,
    repository: ref.repository
  }
  let mediaType = image.mediaType
  let document: string | undefined
  if (mediaType === undefined) {
    // Older images may lack the media type in DescribeImages; the manifest itself is authoritative.
    const manifest = await getManifest(client, ref, image.digest)
    document = manifest.document
    mediaType = manifest.mediaType ?? mediaTypeOf(document)
  }
  if (mediaType === undefined || !INDEX_TYPES.has(mediaType)) {
    return {
      artifacts: [
        {
          ...base,
          digest: image.digest,
          resourceId: imageResourceId(ref, image.digest),
          pushedAt: image.pushedAt
        }
      ],
      skipped: []
    }
  }

  document ??= (await getManifest(client, ref, image.digest)).document
  const { platforms, skipped } = platformChildren(document, ref)
  // Each child's own push time: the index is pushed last, and a scan may finish before it lands.
  const pushedAt = await describePushTimes(
    client,
    ref,
    platforms.map((p) => p.digest)
  )
  return {
    artifacts: platforms.map(({ digest, platform }) => {
      const childPushedAt = pushedAt.get(digest)
      if (childPushedAt === undefined) {
        // Without its push time a scan of any age would count as a scan of this push.
        throw new AwsCallError(
          `ECR's DescribeImages answer for the platform images of ${ref.raw} has no push time for ${digest}; the gate cannot tell whether a scan is of this push`,
          'UnexpectedResponse',
          false
        )
      }
      return {
        ...base,
        digest,
        platform,
        indexDigest: image.digest,
        resourceId: imageResourceId(ref, digest),
        pushedAt: childPushedAt
      }
    }),
    skipped
  }
}

function mediaTypeOf(document: string): string | undefined {
  try {
    const parsed = JSON.parse(document) as { mediaType?: unknown; manifests?: unknown }
    if (typeof parsed.mediaType === 'string') return parsed.mediaType
    return Array.isArray(parsed.manifests) ? 'application/vnd.oci.image.index.v1+json' : undefined
  } catch {
    return undefined
  }
}

export function platformChildren(
  document: string,
  ref: Pick<ImageReference, 'raw'>
): { platforms: Array<{ digest: string; platform: string }>; skipped: string[] } {
  let parsed: { manifests?: unknown }
  try {
    parsed = JSON.parse(document) as { manifests?: unknown }
  } catch {
    throw new AwsCallError(
      `the image index of ${ref.raw} is not valid JSON`,
      'UnexpectedResponse',
      false
    )
  }
  if (!Array.isArray(parsed.manifests)) {
    throw new AwsCallError(
      `the image index of ${ref.raw} has no manifests list`,
      'UnexpectedResponse',
      false
    )
  }
  const platforms: Array<{ digest: string; platform: string }> = []
  const skipped: string[] = []
  for (const entry of parsed.manifests as IndexEntry[]) {
    if (typeof entry.digest !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(entry.digest)) {
      throw new AwsCallError(
        `the image index of ${ref.raw} lists a manifest without a valid digest`,
        'UnexpectedResponse',
        false
      )
    }
    // Only a child proven to be an attestation is skipped. `unknown/unknown` alone proves nothing:
    // anyone who can push can write it on an image full of vulnerable packages, and skipping it
    // would leave that image ungated. Such a child is gated like any other.
    if (isAttestation(entry)) {
      skipped.push(`${entry.digest} (attestation manifest)`)
      continue
    }
    if (typeof entry.mediaType === 'string' && INDEX_TYPES.has(entry.mediaType)) {
      throw new AwsCallError(
        `the image index of ${ref.raw} contains another index (${entry.digest}); gate the nested index by its own reference`,
        'UnexpectedResponse',
        false
      )
    }
    platforms.push({ digest: entry.digest, platform: platformLabel(entry, ref) })
  }
  if (platforms.length === 0) {
    throw new AwsCallError(
      `the image index of ${ref.raw} has no platform images to scan`,
      'UnexpectedResponse',
      false
    )
  }
  return { platforms, skipped }
}

/** In-toto statements: what BuildKit and other tools store SBOM and provenance attestations as. */
const IN_TOTO = /^application\/vnd\.in-toto(\+json|\.)/

/**
 * An index entry the index itself marks as an attestation: BuildKit's
 * `vnd.docker.reference.type: attestation-manifest` annotation, or an in-toto artifact or media
 * type (OCI 1.1 `artifactType`).
 */
function isAttestation(entry: IndexEntry): boolean {
  if (entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') return true
  return [entry.artifactType, entry.mediaType].some(
    (type) => typeof type === 'string' && IN_TOTO.test(type)
  )
}

/** `linux/arm64/v8`. The parts come from a manifest anyone who can push wrote, so they are checked. */
function platformLabel(entry: IndexEntry, ref: Pick<ImageReference, 'raw'>): string {
  if (entry.platform === undefined) return 'unspecified platform'
  const parts = [entry.platform.os, entry.platform.architecture, entry.platform.variant].filter(
    (part) => part !== undefined
  )
  if (!parts.every((part) => typeof part === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(part))) {
    throw new AwsCallError(
      `the image index of ${ref.raw} has a malformed platform`,
      'UnexpectedResponse',
      false
    )
  }
  return parts.join('/')
}
