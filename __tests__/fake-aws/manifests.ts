/**
 * Builds the manifest JSON that BatchGetImage returns. Digests come from the scenario
 * (`digestFor(label)`), not from hashing these bytes: the fake never verifies content, and
 * scenario authors can then name every digest up front.
 */
import { digestFor, MEDIA_TYPES } from './scenario.js'
import type { IndexMediaType, Platform, SingleManifestMediaType } from './scenario.js'

const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json'
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'
const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip'

export interface IndexEntry {
  mediaType: SingleManifestMediaType
  digest: string
  manifest: string
  platform: Platform
  /** Set for BuildKit attestation manifests: the digest of the image they describe. */
  attests?: string
}

export function imageManifest(digest: string, mediaType: SingleManifestMediaType): string {
  const oci = mediaType === MEDIA_TYPES.ociManifest
  const layer = (n: number, size: number) => ({
    mediaType: oci ? OCI_LAYER : DOCKER_LAYER,
    size,
    digest: digestFor(`${digest}/layer/${n}`)
  })
  return JSON.stringify({
    schemaVersion: 2,
    mediaType,
    config: {
      mediaType: oci ? OCI_CONFIG : DOCKER_CONFIG,
      size: 7023,
      digest: digestFor(`${digest}/config`)
    },
    layers: [layer(0, 29_126_484), layer(1, 3_507_042), layer(2, 48_213_119)]
  })
}

/** What `docker buildx` pushes next to each platform image when provenance/SBOM is on. */
export function attestationManifest(digest: string): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config: { mediaType: OCI_CONFIG, size: 167, digest: digestFor(`${digest}/config`) },
    layers: [
      {
        mediaType: 'application/vnd.in-toto+json',
        size: 1523,
        digest: digestFor(`${digest}/provenance`),
        annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' }
      }
    ]
  })
}

export function indexManifest(mediaType: IndexMediaType, entries: IndexEntry[]): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType,
    manifests: entries.map((entry) => ({
      mediaType: entry.mediaType,
      digest: entry.digest,
      size: Buffer.byteLength(entry.manifest),
      platform: entry.platform,
      ...(entry.attests === undefined
        ? {}
        : {
            annotations: {
              'vnd.docker.reference.digest': entry.attests,
              'vnd.docker.reference.type': 'attestation-manifest'
            }
          })
    }))
  })
}
