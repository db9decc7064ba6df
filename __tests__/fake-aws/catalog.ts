/**
 * The scenario flattened into what the operations look up: every manifest (index, platform
 * child, attestation, plain image) as one stored image in its repository.
 */
import type { ScanFrequency } from '@aws-sdk/client-ecr'
import { attestationManifest, imageManifest, indexManifest } from './manifests.js'
import type { IndexEntry } from './manifests.js'
import { DEFAULT_ACCOUNT, DEFAULT_REGION, MEDIA_TYPES } from './scenario.js'
import type {
  CoverageStep,
  ImageSpec,
  ManifestMediaType,
  Platform,
  RepositorySpec,
  Scenario,
  ScannableContent
} from './scenario.js'

export type ImageRole = 'image' | 'index' | 'platform-child' | 'attestation'

export interface StoredImage {
  repositoryName: string
  digest: string
  tags: string[]
  pushedAtSeconds: number
  mediaType: ManifestMediaType
  manifest: string
  sizeInBytes: number
  role: ImageRole
  platform?: Platform
  coverage: CoverageStep[]
  content: ScannableContent
}

export interface StoredRepository {
  name: string
  scanFrequency: ScanFrequency
  images: StoredImage[]
}

export interface Catalog {
  account: string
  region: string
  registryScanType: 'BASIC' | 'ENHANCED'
  repositories: Map<string, StoredRepository>
  allImages(): StoredImage[]
}

export function buildCatalog(scenario: Scenario): Catalog {
  const registryScanType = scenario.registryScanType ?? 'ENHANCED'
  const repositories = new Map<string, StoredRepository>()
  for (const spec of scenario.repositories) {
    repositories.set(spec.name, buildRepository(spec, registryScanType))
  }
  return {
    account: scenario.account ?? DEFAULT_ACCOUNT,
    region: scenario.region ?? DEFAULT_REGION,
    registryScanType,
    repositories,
    allImages: () => [...repositories.values()].flatMap((repo) => repo.images)
  }
}

function buildRepository(spec: RepositorySpec, scanType: 'BASIC' | 'ENHANCED'): StoredRepository {
  const images = spec.images.flatMap((image) => storeImage(spec.name, image))
  assertUnique(
    spec.name,
    'digest',
    images.map((image) => image.digest)
  )
  assertUnique(
    spec.name,
    'tag',
    images.flatMap((image) => image.tags)
  )
  return {
    name: spec.name,
    scanFrequency:
      spec.scanFrequency ?? (scanType === 'ENHANCED' ? 'CONTINUOUS_SCAN' : 'SCAN_ON_PUSH'),
    images
  }
}

function storeImage(repositoryName: string, spec: ImageSpec): StoredImage[] {
  const pushedAtSeconds = spec.pushedAtSeconds ?? 0
  if (spec.kind === 'image') {
    const mediaType = spec.mediaType ?? MEDIA_TYPES.dockerManifest
    const stored: StoredImage = {
      repositoryName,
      digest: spec.digest,
      tags: spec.tags ?? [],
      pushedAtSeconds,
      mediaType,
      manifest: imageManifest(spec.digest, mediaType),
      sizeInBytes: spec.sizeInBytes ?? 80_846_645,
      role: 'image',
      coverage: spec.coverage ?? [],
      content: spec
    }
    if (spec.platform !== undefined) stored.platform = spec.platform
    return [stored]
  }

  // Children are pushed (untagged) just before the index that references them.
  const children: StoredImage[] = spec.children.map((child) => {
    if (child.kind === 'attestation') {
      return {
        repositoryName,
        digest: child.digest,
        tags: [],
        pushedAtSeconds,
        mediaType: MEDIA_TYPES.ociManifest,
        manifest: attestationManifest(child.digest),
        sizeInBytes: 1_690,
        role: 'attestation',
        platform: { os: 'unknown', architecture: 'unknown' },
        coverage: child.coverage ?? [],
        content: {}
      }
    }
    const mediaType =
      child.mediaType ??
      (spec.mediaType === MEDIA_TYPES.ociIndex
        ? MEDIA_TYPES.ociManifest
        : MEDIA_TYPES.dockerManifest)
    return {
      repositoryName,
      digest: child.digest,
      tags: [],
      pushedAtSeconds,
      mediaType,
      manifest: imageManifest(child.digest, mediaType),
      sizeInBytes: child.sizeInBytes ?? 80_846_645,
      role: 'platform-child',
      platform: child.platform,
      coverage: child.coverage ?? [],
      content: child
    }
  })
  const entries: IndexEntry[] = spec.children.map((child, i) => {
    const stored = children[i]
    if (stored === undefined) throw new Error('unreachable: children and specs are parallel')
    const entry: IndexEntry = {
      mediaType:
        stored.mediaType === MEDIA_TYPES.dockerManifest
          ? stored.mediaType
          : MEDIA_TYPES.ociManifest,
      digest: stored.digest,
      manifest: stored.manifest,
      platform: stored.platform ?? { os: 'unknown', architecture: 'unknown' }
    }
    if (child.kind === 'attestation') entry.attests = child.attests
    return entry
  })
  const index: StoredImage = {
    repositoryName,
    digest: spec.digest,
    tags: spec.tags ?? [],
    pushedAtSeconds,
    mediaType: spec.mediaType,
    manifest: indexManifest(spec.mediaType, entries),
    sizeInBytes: spec.sizeInBytes ?? children.reduce((sum, child) => sum + child.sizeInBytes, 0),
    role: 'index',
    coverage: spec.coverage ?? [],
    content: {}
  }
  return [...children, index]
}

function assertUnique(repositoryName: string, what: string, values: string[]): void {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value))
      throw new Error(`scenario repository ${repositoryName}: duplicate ${what} ${value}`)
    seen.add(value)
  }
}

/** Images visible at `nowSeconds` (pushed already). */
export function visibleImages(repo: StoredRepository, nowSeconds: number): StoredImage[] {
  return repo.images.filter((image) => image.pushedAtSeconds <= nowSeconds)
}

/** ECR's image lookup: by digest, by tag, or both (which must then agree). */
export function findImage(
  repo: StoredRepository,
  id: { imageDigest?: string | undefined; imageTag?: string | undefined },
  nowSeconds: number
): StoredImage | undefined {
  return visibleImages(repo, nowSeconds).find(
    (image) =>
      (id.imageDigest === undefined || image.digest === id.imageDigest) &&
      (id.imageTag === undefined || image.tags.includes(id.imageTag)) &&
      (id.imageDigest !== undefined || id.imageTag !== undefined)
  )
}
