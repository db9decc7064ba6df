import {
  BatchGetImageCommand,
  BatchGetRepositoryScanningConfigurationCommand,
  DescribeImagesCommand,
  GetRegistryScanningConfigurationCommand,
  paginateDescribeImageScanFindings,
  StartImageScanCommand,
  type ECRClient,
  type ImageDetail,
  type ImageScanFinding
} from '@aws-sdk/client-ecr'
import type { ImageReference } from '../domain/image-reference.js'
import { AwsCallError, callAws, errorCode, explainAwsError } from './errors.js'
import { guardedPages } from './paging.js'
import { sendWithoutRetryOn } from './single-attempt.js'

export interface ImageDetails {
  digest: string
  tags: string[]
  pushedAt: Date
  mediaType: string | undefined
}

function imageId(ref: ImageReference): { imageDigest?: string; imageTag?: string } {
  return ref.digest !== undefined ? { imageDigest: ref.digest } : { imageTag: ref.tag as string }
}

/** Resolves a reference to the digest ECR holds for it (a tag names whatever was pushed last). */
export async function describeImage(client: ECRClient, ref: ImageReference): Promise<ImageDetails> {
  const doing = `looking up ${ref.raw} in ECR`
  try {
    const out = await client.send(
      new DescribeImagesCommand({
        registryId: ref.registryId,
        repositoryName: ref.repository,
        imageIds: [imageId(ref)]
      })
    )
    const detail = out.imageDetails?.[0]
    if (!detail?.imageDigest) {
      throw new AwsCallError(
        `ECR returned no image details for ${ref.raw}`,
        'UnexpectedResponse',
        false
      )
    }
    checkAnswerIsAsked(detail, ref)
    if (!(detail.imagePushedAt instanceof Date)) {
      // "Scanned after push" is the gate's proof that a scan is of this image: without the push
      // time a year-old scan would do.
      throw new AwsCallError(
        `ECR's DescribeImages answer for ${ref.raw} has no imagePushedAt; the gate cannot tell whether a scan is of this push`,
        'UnexpectedResponse',
        false
      )
    }
    return {
      digest: detail.imageDigest,
      tags: detail.imageTags ?? [],
      pushedAt: detail.imagePushedAt,
      mediaType: detail.imageManifestMediaType
    }
  } catch (error) {
    if (error instanceof AwsCallError) throw error
    const code = errorCode(error)
    if (code === 'ImageNotFoundException') {
      throw new AwsCallError(
        `image ${ref.raw} does not exist in repository ${ref.repository} of registry ${ref.registryId} (${ref.region}); gate the reference your push step produced`,
        code,
        false
      )
    }
    if (code === 'RepositoryNotFoundException') {
      throw new AwsCallError(
        `repository ${ref.repository} does not exist in registry ${ref.registryId} in ${ref.region}; check the region in the image URI (${ref.registryId}.dkr.ecr.<region>.amazonaws.com) against where the push step pushed it`,
        code,
        false
      )
    }
    throw explainAwsError(error, { action: 'ecr:DescribeImages', doing })
  }
}

/**
 * An answer about another image than the one asked for (another digest, a tag it does not carry,
 * another repository or registry) would have the gate judge that image instead: refuse it, naming
 * both values.
 */
function checkAnswerIsAsked(detail: ImageDetail, ref: ImageReference): void {
  const mismatch = (what: string, asked: string, answered: string): AwsCallError =>
    new AwsCallError(
      `ECR's DescribeImages answer for ${ref.raw} is about another image: asked for ${what} ${asked}, answered ${answered}; the gate judges only the image it asked about`,
      'UnexpectedResponse',
      false
    )
  if (ref.digest !== undefined && detail.imageDigest !== ref.digest) {
    throw mismatch('digest', ref.digest, String(detail.imageDigest))
  }
  if (
    ref.digest === undefined &&
    ref.tag !== undefined &&
    !(detail.imageTags ?? []).includes(ref.tag)
  ) {
    throw mismatch('tag', ref.tag, `an image tagged ${JSON.stringify(detail.imageTags ?? [])}`)
  }
  if (detail.repositoryName !== undefined && detail.repositoryName !== ref.repository) {
    throw mismatch('repository', ref.repository, detail.repositoryName)
  }
  if (detail.registryId !== undefined && detail.registryId !== ref.registryId) {
    throw mismatch('registry', ref.registryId, detail.registryId)
  }
}

/** The manifest (or image index) document of one digest, as ECR stores it. */
export async function getManifest(
  client: ECRClient,
  ref: ImageReference,
  digest: string
): Promise<{ mediaType: string | undefined; document: string }> {
  const out = await callAws(
    { action: 'ecr:BatchGetImage', doing: `reading the manifest of ${ref.raw}` },
    () =>
      client.send(
        new BatchGetImageCommand({
          registryId: ref.registryId,
          repositoryName: ref.repository,
          imageIds: [{ imageDigest: digest }],
          // Without these, ECR may refuse to return an index or manifest list as it is stored.
          acceptedMediaTypes: [
            'application/vnd.oci.image.index.v1+json',
            'application/vnd.docker.distribution.manifest.list.v2+json',
            'application/vnd.oci.image.manifest.v1+json',
            'application/vnd.docker.distribution.manifest.v2+json'
          ]
        })
      )
  )
  const image = out.images?.[0]
  const answered = image?.imageId?.imageDigest
  if (image?.imageManifest && answered !== undefined && answered !== digest) {
    throw new AwsCallError(
      `ECR's BatchGetImage answer for ${ref.raw} is about another image: asked for digest ${digest}, answered ${answered}; the gate judges only the image it asked about`,
      'UnexpectedResponse',
      false
    )
  }
  if (!image?.imageManifest) {
    const failure = out.failures?.[0]
    throw new AwsCallError(
      `ECR could not return the manifest of ${ref.raw} (${digest}): ${failure?.failureCode ?? 'no image'} ${failure?.failureReason ?? ''}`.trim(),
      failure?.failureCode ?? 'UnexpectedResponse',
      false
    )
  }
  return { mediaType: image.imageManifestMediaType, document: image.imageManifest }
}

/** The registry scan types the gate has a path for (the enum test holds it to ECR's model). */
export const REGISTRY_SCAN_TYPES = ['ENHANCED', 'BASIC'] as const
export type RegistryScanType = (typeof REGISTRY_SCAN_TYPES)[number]

export async function getRegistryScanType(client: ECRClient): Promise<RegistryScanType> {
  const out = await callAws(
    {
      action: 'ecr:GetRegistryScanningConfiguration',
      doing: 'reading how the ECR registry scans images'
    },
    () => client.send(new GetRegistryScanningConfigurationCommand({}))
  )
  const scanType = out.scanningConfiguration?.scanType
  if (!(REGISTRY_SCAN_TYPES as readonly unknown[]).includes(scanType)) {
    throw new AwsCallError(
      `GetRegistryScanningConfiguration returned an unknown scan type "${String(scanType)}"`,
      'UnexpectedResponse',
      false
    )
  }
  return scanType as RegistryScanType
}

/**
 * What each repository scan frequency means for an enhanced-scanning gate: MANUAL is "no rule
 * covers the repository", so no scan will come; the others scan. Another value is left to the
 * coverage wait, which reports it by its reason.
 */
export const SCAN_FREQUENCIES: Readonly<Record<string, 'scanned' | 'never'>> = {
  SCAN_ON_PUSH: 'scanned',
  CONTINUOUS_SCAN: 'scanned',
  MANUAL: 'never'
}

/** `SCAN_ON_PUSH`, `CONTINUOUS_SCAN` or `MANUAL` (= not covered by any scanning rule). */
export async function getRepositoryScanFrequency(
  client: ECRClient,
  ref: ImageReference
): Promise<string | undefined> {
  const out = await callAws(
    {
      action: 'ecr:BatchGetRepositoryScanningConfiguration',
      doing: `reading the scanning rules that apply to ${ref.repository}`
    },
    () =>
      client.send(
        new BatchGetRepositoryScanningConfigurationCommand({ repositoryNames: [ref.repository] })
      )
  )
  return out.scanningConfigurations?.[0]?.scanFrequency
}

export interface BasicScan {
  /** Undefined when ECR has no scan for the image (ScanNotFoundException). */
  status: string | undefined
  description: string | undefined
  completedAt: Date | undefined
  findings: ImageScanFinding[]
  /** Findings in the enhanced shape: the registry switched to Inspector under our feet. */
  enhancedCount: number
  /** The counts per severity ECR states beside the list (`findingSeverityCounts`). */
  statedCounts: Record<string, number>
}

/** Reads a basic scan's status and, when complete, every page of its findings. */
export async function describeBasicScan(
  client: ECRClient,
  ref: ImageReference,
  digest: string
): Promise<BasicScan> {
  const findings: ImageScanFinding[] = []
  let status: string | undefined
  let description: string | undefined
  let completedAt: Date | undefined
  let enhancedCount = 0
  let statedCounts: Record<string, number> = {}
  try {
    const pages = guardedPages(
      'DescribeImageScanFindings',
      paginateDescribeImageScanFindings(
        { client, pageSize: 1000 },
        {
          registryId: ref.registryId,
          repositoryName: ref.repository,
          imageId: { imageDigest: digest }
        }
      ),
      (page) => page.nextToken
    )
    for await (const page of pages) {
      status = page.imageScanStatus?.status
      description = page.imageScanStatus?.description
      completedAt = page.imageScanFindings?.imageScanCompletedAt ?? completedAt
      for (const finding of page.imageScanFindings?.findings ?? []) findings.push(finding)
      enhancedCount += page.imageScanFindings?.enhancedFindings?.length ?? 0
      statedCounts = page.imageScanFindings?.findingSeverityCounts ?? statedCounts
      if (status !== 'COMPLETE') break
    }
  } catch (error) {
    if (errorCode(error) === 'ScanNotFoundException') {
      return {
        status: undefined,
        description: undefined,
        completedAt: undefined,
        findings: [],
        enhancedCount: 0,
        statedCounts: {}
      }
    }
    throw explainAwsError(error, {
      action: 'ecr:DescribeImageScanFindings',
      doing: `reading the basic scan of ${ref.raw}`
    })
  }
  return { status, description, completedAt, findings, enhancedCount, statedCounts }
}

export type StartScanResult = 'started' | 'limit-exceeded' | 'unsupported' | 'archived'

/**
 * StartImageScan errors that are an answer about the image rather than a failure of the call; any
 * other error is a failure, explained by `explainAwsError` (the enum test lists them).
 */
export const START_SCAN_ANSWERS: Readonly<Record<string, Exclude<StartScanResult, 'started'>>> = {
  LimitExceededException: 'limit-exceeded',
  UnsupportedImageTypeException: 'unsupported',
  ImageArchivedException: 'archived'
}

const DAILY_QUOTA: ReadonlySet<string> = new Set(['LimitExceededException'])

/** Starts a basic scan. ECR allows one per image per 24 hours; scan-on-push counts as that one. */
export async function startBasicScan(
  client: ECRClient,
  ref: ImageReference,
  digest: string
): Promise<StartScanResult> {
  try {
    // LimitExceededException here is the once-a-day scan quota, which no retry lifts, but the SDK
    // classes that code as throttling (6 attempts, ~16 s of backoff, a slower adaptive rate for the
    // ECR client every other call shares): this call gets one attempt for it.
    await sendWithoutRetryOn(
      (command: StartImageScanCommand) => client.send(command),
      new StartImageScanCommand({
        registryId: ref.registryId,
        repositoryName: ref.repository,
        imageId: { imageDigest: digest }
      }),
      DAILY_QUOTA
    )
    return 'started'
  } catch (error) {
    const code = errorCode(error) ?? ''
    if (Object.hasOwn(START_SCAN_ANSWERS, code)) return START_SCAN_ANSWERS[code] as StartScanResult
    throw explainAwsError(error, {
      action: 'ecr:StartImageScan',
      doing: `starting a basic scan of ${ref.raw}`
    })
  }
}

/** The push time of each of these digests in the reference's repository. */
export async function describePushTimes(
  client: ECRClient,
  ref: ImageReference,
  digests: string[]
): Promise<Map<string, Date>> {
  const out = await callAws(
    { action: 'ecr:DescribeImages', doing: `reading the platform images of ${ref.raw}` },
    () =>
      client.send(
        new DescribeImagesCommand({
          registryId: ref.registryId,
          repositoryName: ref.repository,
          imageIds: digests.map((imageDigest) => ({ imageDigest }))
        })
      )
  )
  const times = new Map<string, Date>()
  for (const detail of out.imageDetails ?? []) {
    if (detail.imageDigest && detail.imagePushedAt)
      times.set(detail.imageDigest, detail.imagePushedAt)
  }
  return times
}
