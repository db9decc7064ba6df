/**
 * ECR (AWS JSON 1.1) operations: DescribeImages, BatchGetImage, GetRegistryScanningConfiguration,
 * BatchGetRepositoryScanningConfiguration, DescribeImageScanFindings, StartImageScan.
 */
import type {
  BatchGetImageResponse,
  BatchGetRepositoryScanningConfigurationResponse,
  DescribeImageScanFindingsResponse,
  DescribeImagesResponse,
  EnhancedImageScanFinding,
  GetRegistryScanningConfigurationResponse,
  Image,
  ImageDetail,
  ImageFailure,
  ImageIdentifier,
  ImageScanFindings,
  ImageScanStatus,
  RegistryScanningRule,
  RepositoryScanningConfiguration,
  RepositoryScanningConfigurationFailure,
  ScanFrequency,
  ScanStatus,
  StartImageScanResponse
} from '@aws-sdk/client-ecr'
import type { Finding } from '@aws-sdk/client-inspector2'
import { findImage, visibleImages } from './catalog.js'
import type { StoredImage, StoredRepository } from './catalog.js'
import { basicScanFinding } from './fixtures.js'
import { paginate } from './paging.js'
import {
  basicScanStatus,
  defaultScanDescription,
  imageCoverage,
  imageKey,
  lastBasicScanStart,
  materializeFinding,
  repositoryArn
} from './state.js'
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

export const ECR_TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.'

type Input = Record<string, unknown>

export function handleEcr(
  state: FakeState,
  operation: string,
  input: Input,
  caller: string = state.catalog.account
): unknown {
  const now = state.clock.scenarioSeconds()
  checkRegistryAccess(state, operation, input, caller)
  switch (operation) {
    case 'DescribeImages':
      return describeImages(state, input, now)
    case 'BatchGetImage':
      return batchGetImage(state, input, now)
    case 'GetRegistryScanningConfiguration':
      return getRegistryScanningConfiguration(state)
    case 'BatchGetRepositoryScanningConfiguration':
      return batchGetRepositoryScanningConfiguration(state, input)
    case 'DescribeImageScanFindings':
      return describeImageScanFindings(state, input, now)
    case 'StartImageScan':
      return startImageScan(state, input, now)
    default:
      throw new FakeAwsError(
        'UnknownOperationException',
        400,
        `fake-aws: ECR ${operation} is not implemented`
      )
  }
}

/** Image reads of another account's registry cross-account, as ECR decides them. */
const CROSS_ACCOUNT_READS = new Set(['DescribeImages', 'BatchGetImage'])

/**
 * The registry a request names (registryId, else the caller's own) must be the one the fake holds,
 * and a caller of another account needs the repository policy's grant (Scenario.ecrReaders), and
 * then only for image reads: registry and repository scanning configuration stay the owner's.
 */
function checkRegistryAccess(
  state: FakeState,
  operation: string,
  input: Input,
  caller: string
): void {
  const registry = typeof input.registryId === 'string' ? input.registryId : caller
  const repository = typeof input.repositoryName === 'string' ? input.repositoryName : undefined
  const resource =
    repository === undefined
      ? `arn:aws:ecr:${state.catalog.region}:${registry}:registry/${registry}`
      : `arn:aws:ecr:${state.catalog.region}:${registry}:repository/${repository}`
  const denied = (why: string) =>
    new FakeAwsError(
      'AccessDeniedException',
      400,
      `User: arn:aws:sts::${caller}:assumed-role/inspector-gate/ci is not authorized to perform: ecr:${operation} on resource: ${resource} ${why}`
    )
  if (registry === caller) {
    if (registry === state.catalog.account) return
    // The caller's own registry, which this scenario holds no repository of; its registry-level
    // configuration is answered as the scenario's (a registry has one whoever owns it).
    if (repository === undefined) return
    throw new FakeAwsError(
      'RepositoryNotFoundException',
      400,
      `The repository with name '${repository}' does not exist in the registry with id '${registry}'`
    )
  }
  if (registry !== state.catalog.account) {
    throw denied('because no resource-based policy allows the action')
  }
  const granted = (state.scenario.ecrReaders ?? []).includes(caller)
  if (!granted || !CROSS_ACCOUNT_READS.has(operation)) {
    throw denied(`because no resource-based policy allows the ecr:${operation} action`)
  }
}

function repositoryOf(state: FakeState, input: Input): StoredRepository {
  const name = input.repositoryName
  if (typeof name !== 'string' || name.length < 2) {
    throw new FakeAwsError(
      'InvalidParameterException',
      400,
      'Invalid parameter at repositoryName: must be a repository name'
    )
  }
  const repo = state.catalog.repositories.get(name)
  if (repo === undefined) {
    throw new FakeAwsError(
      'RepositoryNotFoundException',
      400,
      `The repository with name '${name}' does not exist in the registry with id '${state.catalog.account}'`
    )
  }
  return repo
}

function imageIdOf(raw: unknown): ImageIdentifier {
  const id = (raw ?? {}) as { imageDigest?: unknown; imageTag?: unknown }
  const out: ImageIdentifier = {}
  if (typeof id.imageDigest === 'string') out.imageDigest = id.imageDigest
  if (typeof id.imageTag === 'string') out.imageTag = id.imageTag
  if (out.imageDigest === undefined && out.imageTag === undefined) {
    throw new FakeAwsError(
      'InvalidParameterException',
      400,
      'Invalid parameter at imageId: imageDigest or imageTag is required'
    )
  }
  return out
}

function describeId(id: ImageIdentifier): string {
  return `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`
}

function imageOrThrow(
  state: FakeState,
  repo: StoredRepository,
  id: ImageIdentifier,
  now: number
): StoredImage {
  const image = findImage(repo, id, now)
  if (image === undefined) {
    throw new FakeAwsError(
      'ImageNotFoundException',
      400,
      `The image with imageId ${describeId(id)} does not exist within the repository with name '${repo.name}' in the registry with id '${state.catalog.account}'`
    )
  }
  return image
}

function imageDetail(state: FakeState, image: StoredImage): ImageDetail {
  const detail: ImageDetail = {
    registryId: state.catalog.account,
    repositoryName: image.repositoryName,
    imageDigest: image.digest,
    imageSizeInBytes: image.sizeInBytes,
    imagePushedAt: state.clock.dateAt(image.pushedAtSeconds),
    imageManifestMediaType: image.mediaType,
    imageStatus: 'ACTIVE'
  }
  if (image.tags.length > 0) detail.imageTags = image.tags
  if (image.role === 'attestation')
    detail.artifactMediaType = 'application/vnd.oci.image.config.v1+json'
  return detail
}

function describeImages(state: FakeState, input: Input, now: number): DescribeImagesResponse {
  const repo = repositoryOf(state, input)
  if (Array.isArray(input.imageIds)) {
    // Like ECR: asking for a specific image that does not exist fails the whole call.
    const images = input.imageIds.map((raw) => imageOrThrow(state, repo, imageIdOf(raw), now))
    return { imageDetails: images.map((image) => imageDetail(state, image)) }
  }
  const tagStatus = (input.filter as { tagStatus?: unknown } | undefined)?.tagStatus ?? 'ANY'
  const images = visibleImages(repo, now).filter(
    (image) =>
      tagStatus === 'ANY' ||
      (tagStatus === 'TAGGED' ? image.tags.length > 0 : image.tags.length === 0)
  )
  const page = paginate(images, {
    nextToken: input.nextToken,
    maxResults: input.maxResults,
    query: { repositoryName: repo.name, filter: input.filter },
    defaultPageSize: 100,
    minPageSize: 1,
    maxPageSize: 1000,
    errorCode: 'InvalidParameterException'
  })
  const out: DescribeImagesResponse = {
    imageDetails: page.items.map((image) => imageDetail(state, image))
  }
  if (page.nextToken !== undefined) out.nextToken = page.nextToken
  return out
}

function batchGetImage(state: FakeState, input: Input, now: number): BatchGetImageResponse {
  const repo = repositoryOf(state, input)
  const ids = Array.isArray(input.imageIds) ? input.imageIds.map(imageIdOf) : []
  const images: Image[] = []
  const failures: ImageFailure[] = []
  for (const id of ids) {
    const image = findImage(repo, id, now)
    if (image === undefined) {
      const failure: ImageFailure = {
        imageId: id,
        failureCode: 'ImageNotFound',
        failureReason: 'Requested image not found'
      }
      failures.push(failure)
      continue
    }
    const imageId: ImageIdentifier = { imageDigest: image.digest }
    if (id.imageTag !== undefined) imageId.imageTag = id.imageTag
    images.push({
      registryId: state.catalog.account,
      repositoryName: repo.name,
      imageId,
      imageManifest: image.manifest,
      imageManifestMediaType: image.mediaType
    })
  }
  return { images, failures }
}

function getRegistryScanningConfiguration(
  state: FakeState
): GetRegistryScanningConfigurationResponse {
  const byFrequency = new Map<ScanFrequency, string[]>()
  for (const repo of state.catalog.repositories.values()) {
    if (repo.scanFrequency === 'MANUAL') continue
    byFrequency.set(repo.scanFrequency, [...(byFrequency.get(repo.scanFrequency) ?? []), repo.name])
  }
  const rules: RegistryScanningRule[] = [...byFrequency].map(([scanFrequency, names]) => ({
    scanFrequency,
    repositoryFilters: names.map((filter) => ({ filter, filterType: 'WILDCARD' }))
  }))
  return {
    registryId: state.catalog.account,
    scanningConfiguration: { scanType: state.catalog.registryScanType, rules }
  }
}

function batchGetRepositoryScanningConfiguration(
  state: FakeState,
  input: Input
): BatchGetRepositoryScanningConfigurationResponse {
  const names = Array.isArray(input.repositoryNames) ? input.repositoryNames.map(String) : []
  if (names.length < 1 || names.length > 25) {
    throw new FakeAwsError(
      'InvalidParameterException',
      400,
      'repositoryNames must hold 1 to 25 names'
    )
  }
  const scanningConfigurations: RepositoryScanningConfiguration[] = []
  const failures: RepositoryScanningConfigurationFailure[] = []
  for (const name of names) {
    const repo = state.catalog.repositories.get(name)
    if (repo === undefined) {
      failures.push({
        repositoryName: name,
        failureCode: 'REPOSITORY_NOT_FOUND',
        failureReason: 'REPOSITORY_NOT_FOUND'
      })
      continue
    }
    scanningConfigurations.push({
      repositoryArn: repositoryArn(state, name),
      repositoryName: name,
      scanOnPush: repo.scanFrequency === 'SCAN_ON_PUSH',
      scanFrequency: repo.scanFrequency,
      appliedScanFilters:
        repo.scanFrequency === 'MANUAL' ? [] : [{ filter: name, filterType: 'WILDCARD' }]
    })
  }
  return { scanningConfigurations, failures }
}

function scanNotFound(state: FakeState, repo: StoredRepository, id: ImageIdentifier): FakeAwsError {
  return new FakeAwsError(
    'ScanNotFoundException',
    400,
    `Image scan does not exist for the image with '${describeId(id)}' in the repository with name '${repo.name}' in the registry with id '${state.catalog.account}'`
  )
}

function describeImageScanFindings(
  state: FakeState,
  input: Input,
  now: number
): DescribeImageScanFindingsResponse {
  const repo = repositoryOf(state, input)
  const id = imageIdOf(input.imageId)
  const image = imageOrThrow(state, repo, id, now)
  const imageId: ImageIdentifier = { imageDigest: image.digest }
  if (id.imageTag !== undefined) imageId.imageTag = id.imageTag
  const pageRequest = {
    nextToken: input.nextToken,
    maxResults: input.maxResults,
    query: { repositoryName: repo.name, imageDigest: image.digest },
    defaultPageSize: 100,
    minPageSize: 1,
    maxPageSize: 1000,
    errorCode: 'InvalidParameterException'
  }
  const base = { registryId: state.catalog.account, repositoryName: repo.name, imageId }

  if (state.catalog.registryScanType === 'ENHANCED') {
    const status = enhancedScanStatus(state, repo, image, now)
    const out: DescribeImageScanFindingsResponse = { ...base, imageScanStatus: status }
    if (status.status !== 'COMPLETE' && status.status !== 'ACTIVE') return out
    const findings = (image.content.findings ?? [])
      .filter((timed) => timed.visibleFromSeconds <= now && (timed.status ?? 'ACTIVE') === 'ACTIVE')
      .sort((a, b) => a.visibleFromSeconds - b.visibleFromSeconds)
      .map((timed) => toEnhancedFinding(materializeFinding(state, image, timed)))
    const page = paginate(findings, pageRequest)
    out.imageScanFindings = {
      imageScanCompletedAt: state.clock.dateAt(lastScanSeconds(image, now) ?? now),
      vulnerabilitySourceUpdatedAt: state.clock.dateAt(now),
      findingSeverityCounts: severityCounts(findings),
      enhancedFindings: page.items
    }
    if (page.nextToken !== undefined) out.nextToken = page.nextToken
    return out
  }

  const step = basicScanStatus(state, image, now)
  if (step === undefined) throw scanNotFound(state, repo, id)
  const imageScanStatus: ImageScanStatus = { status: step.status }
  const description = step.description ?? defaultScanDescription(step.status)
  if (description !== undefined) imageScanStatus.description = description
  const out: DescribeImageScanFindingsResponse = { ...base, imageScanStatus }
  if (step.status !== 'COMPLETE') return out
  const findings = (image.content.basicFindings ?? []).map(basicScanFinding)
  const page = paginate(findings, pageRequest)
  const scanFindings: ImageScanFindings = {
    imageScanCompletedAt: state.clock.dateAt(step.atSeconds),
    vulnerabilitySourceUpdatedAt: state.clock.dateAt(step.atSeconds - 3600),
    findingSeverityCounts: severityCounts(findings),
    findings: page.items
  }
  out.imageScanFindings = scanFindings
  if (page.nextToken !== undefined) out.nextToken = page.nextToken
  return out
}

/** ECR's view of an enhanced (Inspector) scan, derived from the coverage timeline. */
function enhancedScanStatus(
  state: FakeState,
  repo: StoredRepository,
  image: StoredImage,
  now: number
): ImageScanStatus {
  const reason = imageCoverage(state, repo, image, now)?.scanStatus?.reason
  const status: ScanStatus = (() => {
    switch (reason) {
      case undefined:
      case 'PENDING_INITIAL_SCAN':
      case 'PENDING_REVIVAL_SCAN':
        return 'PENDING'
      case 'SCAN_IN_PROGRESS':
        return 'IN_PROGRESS'
      case 'SUCCESSFUL':
        return repo.scanFrequency === 'CONTINUOUS_SCAN' ? 'ACTIVE' : 'COMPLETE'
      case 'SCAN_FREQUENCY_SCAN_ON_PUSH':
        return 'COMPLETE'
      case 'SCAN_ELIGIBILITY_EXPIRED':
        return 'SCAN_ELIGIBILITY_EXPIRED'
      case 'IMAGE_ARCHIVED':
        return 'IMAGE_ARCHIVED'
      case 'UNSUPPORTED_OS':
      case 'UNSUPPORTED_MEDIA_TYPE':
        return 'UNSUPPORTED_IMAGE'
      default:
        return 'FINDINGS_UNAVAILABLE'
    }
  })()
  const out: ImageScanStatus = { status }
  const description = defaultScanDescription(status)
  if (description !== undefined) out.description = description
  return out
}

function lastScanSeconds(image: StoredImage, now: number): number | undefined {
  const reached = image.coverage.filter(
    (step) => step.atSeconds <= now && step.reason === 'SUCCESSFUL'
  )
  const last = reached[reached.length - 1]
  return last === undefined ? undefined : (last.lastScannedAtSeconds ?? last.atSeconds)
}

function severityCounts(findings: { severity?: string | undefined }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { severity } of findings) {
    if (severity !== undefined) counts[severity] = (counts[severity] ?? 0) + 1
  }
  return counts
}

/** Inspector's finding flattened into ECR types (note the lower-case `url`, no `epss`). */
function toEnhancedFinding(f: Finding): EnhancedImageScanFinding {
  const out: EnhancedImageScanFinding = {}
  const copy = <K extends keyof EnhancedImageScanFinding & keyof Finding>(key: K) => {
    if (f[key] !== undefined) (out as Record<string, unknown>)[key] = f[key]
  }
  for (const key of [
    'awsAccountId',
    'description',
    'findingArn',
    'firstObservedAt',
    'lastObservedAt'
  ] as const)
    copy(key)
  for (const key of [
    'severity',
    'status',
    'title',
    'type',
    'updatedAt',
    'fixAvailable',
    'exploitAvailable'
  ] as const)
    copy(key)
  const details = f.packageVulnerabilityDetails
  if (details !== undefined) {
    // ECR's VulnerablePackage is a subset of Inspector's: no remediation, no Lambda layer.
    out.packageVulnerabilityDetails = {
      ...details,
      vulnerablePackages: details.vulnerablePackages?.map((p) => ({
        name: p.name,
        version: p.version,
        ...(p.arch !== undefined && { arch: p.arch }),
        ...(p.epoch !== undefined && { epoch: p.epoch }),
        ...(p.filePath !== undefined && { filePath: p.filePath }),
        ...(p.fixedInVersion !== undefined && { fixedInVersion: p.fixedInVersion }),
        ...(p.packageManager !== undefined && { packageManager: p.packageManager }),
        ...(p.release !== undefined && { release: p.release }),
        ...(p.sourceLayerHash !== undefined && { sourceLayerHash: p.sourceLayerHash })
      }))
    } as typeof out.packageVulnerabilityDetails
  }
  if (f.inspectorScore !== undefined) out.score = f.inspectorScore
  const adjusted = f.inspectorScoreDetails?.adjustedCvss
  if (adjusted !== undefined) {
    // ECR's CvssScoreDetails has no cvssSource.
    const { cvssSource: _source, ...cvss } = adjusted
    void _source
    out.scoreDetails = { cvss }
  }
  const recommendation = f.remediation?.recommendation
  if (recommendation !== undefined) {
    out.remediation = { recommendation: { text: recommendation.text, url: recommendation.Url } }
  }
  out.resources = (f.resources ?? []).map((r) => ({ id: r.id, type: r.type, details: r.details }))
  return out
}

function startImageScan(state: FakeState, input: Input, now: number): StartImageScanResponse {
  if (state.catalog.registryScanType === 'ENHANCED') {
    // Manual scans exist only for basic scanning.
    throw new FakeAwsError('ValidationException', 400, 'This feature is disabled')
  }
  const repo = repositoryOf(state, input)
  const id = imageIdOf(input.imageId)
  const image = imageOrThrow(state, repo, id, now)
  if (image.role === 'index' || image.role === 'attestation') {
    throw new FakeAwsError(
      'UnsupportedImageTypeException',
      400,
      'The image is of a type that cannot be scanned.'
    )
  }
  const previous = lastBasicScanStart(state, image, now)
  if (previous !== undefined && now - previous < 24 * 3600) {
    throw new FakeAwsError(
      'LimitExceededException',
      400,
      'The scan quota per image has been exceeded. Wait and try again.'
    )
  }
  state.manualScans.set(imageKey(image), now)
  const imageId: ImageIdentifier = { imageDigest: image.digest }
  if (id.imageTag !== undefined) imageId.imageTag = id.imageTag
  return {
    registryId: state.catalog.account,
    repositoryName: repo.name,
    imageId,
    imageScanStatus: { status: 'IN_PROGRESS' }
  }
}
