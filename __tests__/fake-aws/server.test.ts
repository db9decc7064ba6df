import { describe, expect, it } from '@jest/globals'
import {
  BatchGetImageCommand,
  BatchGetRepositoryScanningConfigurationCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  ECRClient,
  ECRServiceException,
  GetRegistryScanningConfigurationCommand,
  ImageNotFoundException,
  LimitExceededException,
  RepositoryNotFoundException,
  ScanNotFoundException,
  StartImageScanCommand,
  UnsupportedImageTypeException,
  ValidationException as EcrValidationException,
  paginateDescribeImageScanFindings
} from '@aws-sdk/client-ecr'
import {
  BatchGetAccountStatusCommand,
  Inspector2Client,
  InternalServerException,
  ListCoverageCommand,
  ListFindingsCommand,
  ThrottlingException,
  ValidationException,
  paginateListCoverage,
  paginateListFindings
} from '@aws-sdk/client-inspector2'
import type { CoveredResource, Finding } from '@aws-sdk/client-inspector2'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { digestFor, MEDIA_TYPES } from './scenario.js'
import type { Scenario } from './scenario.js'
import { IMAGES, scenarios } from './scenarios.js'
import type { FakeAws } from './server.js'
import { manualNow } from './timeline.js'
import { fakesClosedAfterEachTest, TEST_CREDENTIALS } from './test-support.js'

const credentials = TEST_CREDENTIALS
const { start, startAt } = fakesClosedAfterEachTest()

function clients(fake: FakeAws, maxAttempts = 1) {
  const config = { endpoint: fake.url, region: 'us-east-1', credentials, maxAttempts }
  return {
    ecr: new ECRClient(config),
    inspector: new Inspector2Client(config),
    sts: new STSClient(config)
  }
}

const equals = (value: string) => [{ comparison: 'EQUALS' as const, value }]
const platformDigest = (i: number) => IMAGES.multiArch.platforms?.[i]?.digest ?? ''

describe('STS', () => {
  it('answers GetCallerIdentity in the Query protocol with the scenario account', async () => {
    const fake = await start({ ...scenarios.clean, account: '210987654321' })
    const identity = await clients(fake).sts.send(new GetCallerIdentityCommand({}))
    expect(identity.Account).toBe('210987654321')
    expect(identity.Arn).toMatch(/^arn:aws:sts::210987654321:assumed-role\//)
    expect(identity.UserId).toBeTruthy()
    expect(fake.calls).toEqual([
      expect.objectContaining({ service: 'sts', operation: 'GetCallerIdentity', status: 200 })
    ])
  })

  it('is reachable through the plain AWS_ENDPOINT_URL environment variable', async () => {
    const fake = await start(scenarios.clean)
    const saved = process.env.AWS_ENDPOINT_URL
    process.env.AWS_ENDPOINT_URL = fake.url
    try {
      const sts = new STSClient({ region: 'us-east-1', credentials })
      const inspector = new Inspector2Client({ region: 'us-east-1', credentials })
      expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012')
      const status = await inspector.send(new BatchGetAccountStatusCommand({}))
      expect(status.accounts?.[0]?.accountId).toBe('123456789012')
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL
      else process.env.AWS_ENDPOINT_URL = saved
    }
    expect(fake.calls.map((c) => c.operation)).toEqual([
      'GetCallerIdentity',
      'BatchGetAccountStatus'
    ])
  })
})

describe('ECR images', () => {
  it('describes an image by tag and by digest, with imagePushedAt as a Date', async () => {
    const fake = await start(scenarios.clean)
    const { ecr } = clients(fake)
    const byTag = await ecr.send(
      new DescribeImagesCommand({
        repositoryName: 'app',
        imageIds: [{ imageTag: IMAGES.clean.tag }]
      })
    )
    const detail = byTag.imageDetails?.[0]
    expect(detail).toMatchObject({
      imageDigest: IMAGES.clean.digest,
      imageTags: ['v1.0.0'],
      imageManifestMediaType: MEDIA_TYPES.dockerManifest,
      repositoryName: 'app',
      registryId: '123456789012'
    })
    expect(detail?.imagePushedAt).toBeInstanceOf(Date)
    expect(detail?.imageSizeInBytes).toBeGreaterThan(0)
    const byDigest = await ecr.send(
      new DescribeImagesCommand({
        repositoryName: 'app',
        imageIds: [{ imageDigest: IMAGES.clean.digest }]
      })
    )
    expect(byDigest.imageDetails?.[0]?.imageTags).toEqual(['v1.0.0'])
  })

  it('throws the typed ImageNotFoundException and RepositoryNotFoundException', async () => {
    const fake = await start(scenarios.clean)
    const { ecr } = clients(fake)
    const missingTag = ecr.send(
      new DescribeImagesCommand({ repositoryName: 'app', imageIds: [{ imageTag: 'nope' }] })
    )
    await expect(missingTag).rejects.toBeInstanceOf(ImageNotFoundException)
    await expect(missingTag).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } })
    await expect(
      ecr.send(
        new DescribeImagesCommand({ repositoryName: 'other', imageIds: [{ imageTag: 'v1.0.0' }] })
      )
    ).rejects.toBeInstanceOf(RepositoryNotFoundException)
  })

  it('lists an index and its untagged children; tagStatus filters them', async () => {
    const fake = await start(scenarios.multiArch)
    const { ecr } = clients(fake)
    const all = await ecr.send(new DescribeImagesCommand({ repositoryName: 'app' }))
    expect(all.imageDetails).toHaveLength(4)
    const tagged = await ecr.send(
      new DescribeImagesCommand({ repositoryName: 'app', filter: { tagStatus: 'TAGGED' } })
    )
    expect(tagged.imageDetails?.map((d) => d.imageDigest)).toEqual([IMAGES.multiArch.digest])
    expect(tagged.imageDetails?.[0]?.imageManifestMediaType).toBe(MEDIA_TYPES.ociIndex)
  })

  it('returns the index manifest with platforms and the attestation annotation; failures for unknown ids', async () => {
    const fake = await start(scenarios.multiArch)
    const { ecr } = clients(fake)
    const result = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: 'app',
        imageIds: [{ imageTag: 'v1.2.3' }, { imageDigest: digestFor('missing') }]
      })
    )
    const image = result.images?.[0]
    expect(image?.imageManifestMediaType).toBe(MEDIA_TYPES.ociIndex)
    expect(image?.imageId).toEqual({ imageDigest: IMAGES.multiArch.digest, imageTag: 'v1.2.3' })
    const manifest = JSON.parse(image?.imageManifest ?? '{}') as {
      manifests: {
        digest: string
        platform: { os: string; architecture: string; variant?: string }
        annotations?: Record<string, string>
      }[]
    }
    expect(manifest.manifests.map((m) => m.platform)).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'unknown', architecture: 'unknown' }
    ])
    expect(manifest.manifests[2]?.annotations).toEqual({
      'vnd.docker.reference.digest': platformDigest(0),
      'vnd.docker.reference.type': 'attestation-manifest'
    })
    expect(result.failures).toEqual([
      expect.objectContaining({
        imageId: { imageDigest: digestFor('missing') },
        failureCode: 'ImageNotFound'
      })
    ])
    const child = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: 'app',
        imageIds: [{ imageDigest: platformDigest(1) }]
      })
    )
    expect(child.images?.[0]?.imageManifestMediaType).toBe(MEDIA_TYPES.ociManifest)
  })
})

describe('ECR scanning configuration', () => {
  it('reports ENHANCED with continuous scanning for the default enhanced registry', async () => {
    const fake = await start(scenarios.clean)
    const { ecr } = clients(fake)
    const registry = await ecr.send(new GetRegistryScanningConfigurationCommand({}))
    expect(registry.scanningConfiguration).toEqual({
      scanType: 'ENHANCED',
      rules: [
        {
          scanFrequency: 'CONTINUOUS_SCAN',
          repositoryFilters: [{ filter: 'app', filterType: 'WILDCARD' }]
        }
      ]
    })
    const repos = await ecr.send(
      new BatchGetRepositoryScanningConfigurationCommand({ repositoryNames: ['app', 'ghost'] })
    )
    expect(repos.scanningConfigurations?.[0]).toMatchObject({
      repositoryName: 'app',
      scanFrequency: 'CONTINUOUS_SCAN',
      scanOnPush: false
    })
    expect(repos.failures).toEqual([
      expect.objectContaining({ repositoryName: 'ghost', failureCode: 'REPOSITORY_NOT_FOUND' })
    ])
  })

  it('reports BASIC and a MANUAL repository for basicNoScan', async () => {
    const fake = await start(scenarios.basicNoScan)
    const { ecr } = clients(fake)
    const registry = await ecr.send(new GetRegistryScanningConfigurationCommand({}))
    expect(registry.scanningConfiguration).toEqual({ scanType: 'BASIC', rules: [] })
    const repos = await ecr.send(
      new BatchGetRepositoryScanningConfigurationCommand({ repositoryNames: ['app'] })
    )
    expect(repos.scanningConfigurations?.[0]).toMatchObject({
      scanFrequency: 'MANUAL',
      appliedScanFilters: []
    })
  })
})

describe('ECR basic scanning', () => {
  const basicScan = (ecr: ECRClient, tag: string, extra: { maxResults?: number } = {}) =>
    ecr.send(
      new DescribeImageScanFindingsCommand({
        repositoryName: 'app',
        imageId: { imageTag: tag },
        ...extra
      })
    )

  it('moves IN_PROGRESS → COMPLETE on the scan-on-push timeline and then returns findings', async () => {
    const { fake, clock } = await startAt(scenarios.basic)
    const { ecr } = clients(fake)
    const during = await basicScan(ecr, 'v4.0.0')
    expect(during.imageScanStatus?.status).toBe('IN_PROGRESS')
    expect(during.imageScanFindings).toBeUndefined()

    clock.advanceMs(2000)
    const done = await basicScan(ecr, 'v4.0.0')
    expect(done.imageScanStatus?.status).toBe('COMPLETE')
    expect(done.imageScanFindings?.imageScanCompletedAt).toBeInstanceOf(Date)
    expect(done.imageScanFindings?.findingSeverityCounts).toEqual({
      CRITICAL: 1,
      HIGH: 1,
      MEDIUM: 1,
      LOW: 1,
      INFORMATIONAL: 1
    })
    const critical = done.imageScanFindings?.findings?.find((f) => f.severity === 'CRITICAL')
    expect(critical).toMatchObject({
      name: 'CVE-2022-37434',
      uri: expect.stringContaining('CVE-2022-37434')
    })
    expect(critical?.attributes).toEqual(
      expect.arrayContaining([
        { key: 'package_name', value: 'zlib' },
        { key: 'package_version', value: '1:1.2.11.dfsg-2+deb11u1' },
        { key: 'CVSS3_SCORE', value: '9.8' }
      ])
    )
  })

  it('pages basic findings with maxResults/nextToken (paginateDescribeImageScanFindings)', async () => {
    const { fake, clock } = await startAt(scenarios.basic)
    clock.advanceMs(2000)
    const { ecr } = clients(fake)
    const pages = []
    for await (const page of paginateDescribeImageScanFindings(
      { client: ecr, pageSize: 2 },
      { repositoryName: 'app', imageId: { imageDigest: IMAGES.basic.digest } }
    )) {
      pages.push(page)
    }
    expect(pages.map((p) => p.imageScanFindings?.findings?.length)).toEqual([2, 2, 1])
    await expect(basicScan(ecr, 'v4.0.0', { maxResults: 1001 })).rejects.toMatchObject({
      name: 'InvalidParameterException'
    })
  })

  it('has no scan until StartImageScan, then completes; a second scan within 24 h is refused', async () => {
    const { fake, clock } = await startAt(scenarios.basicNoScan)
    const { ecr } = clients(fake)
    await expect(basicScan(ecr, 'v4.1.0')).rejects.toBeInstanceOf(ScanNotFoundException)

    const started = await ecr.send(
      new StartImageScanCommand({ repositoryName: 'app', imageId: { imageTag: 'v4.1.0' } })
    )
    expect(started.imageScanStatus?.status).toBe('IN_PROGRESS')
    expect(started.imageId?.imageDigest).toBe(IMAGES.basicNoScan.digest)
    expect((await basicScan(ecr, 'v4.1.0')).imageScanStatus?.status).toBe('IN_PROGRESS')

    clock.advanceMs(2000)
    const done = await basicScan(ecr, 'v4.1.0')
    expect(done.imageScanStatus?.status).toBe('COMPLETE')
    expect(done.imageScanFindings?.findings).toHaveLength(3)

    await expect(
      ecr.send(
        new StartImageScanCommand({ repositoryName: 'app', imageId: { imageTag: 'v4.1.0' } })
      )
    ).rejects.toBeInstanceOf(LimitExceededException)
  })

  it('refuses StartImageScan for an image that scanned on push less than 24 h ago', async () => {
    const fake = await start(scenarios.basic)
    const { ecr } = clients(fake)
    await expect(
      ecr.send(
        new StartImageScanCommand({ repositoryName: 'app', imageId: { imageTag: 'v4.0.0' } })
      )
    ).rejects.toBeInstanceOf(LimitExceededException)
  })

  it('refuses StartImageScan on an index and on an ENHANCED registry', async () => {
    const basicMultiArch: Scenario = { ...scenarios.multiArch, registryScanType: 'BASIC' }
    const fake = await start(basicMultiArch)
    await expect(
      clients(fake).ecr.send(
        new StartImageScanCommand({ repositoryName: 'app', imageId: { imageTag: 'v1.2.3' } })
      )
    ).rejects.toBeInstanceOf(UnsupportedImageTypeException)

    const enhanced = await start(scenarios.clean)
    const refused = clients(enhanced).ecr.send(
      new StartImageScanCommand({ repositoryName: 'app', imageId: { imageTag: 'v1.0.0' } })
    )
    await expect(refused).rejects.toBeInstanceOf(EcrValidationException)
    await expect(refused).rejects.toThrow('This feature is disabled')
  })
})

describe('ECR view of enhanced scans', () => {
  it('goes PENDING → IN_PROGRESS → ACTIVE (continuous) with enhancedFindings', async () => {
    const { fake, clock } = await startAt(scenarios.clean)
    const { ecr } = clients(fake)
    const read = () =>
      ecr.send(
        new DescribeImageScanFindingsCommand({
          repositoryName: 'app',
          imageId: { imageTag: 'v1.0.0' }
        })
      )
    expect((await read()).imageScanStatus?.status).toBe('PENDING')
    clock.advanceMs(1500)
    expect((await read()).imageScanStatus?.status).toBe('IN_PROGRESS')
    clock.advanceMs(2000)
    const done = await read()
    expect(done.imageScanStatus?.status).toBe('ACTIVE')
    const findings = done.imageScanFindings?.enhancedFindings ?? []
    expect(findings).toHaveLength(3)
    expect(findings[0]?.remediation?.recommendation?.url).toMatch(/^https:\/\//)
    expect(findings[0]?.firstObservedAt).toBeInstanceOf(Date)
    expect(done.imageScanFindings?.findingSeverityCounts).toEqual({ MEDIUM: 1, LOW: 2 })
  })
})

describe('Inspector ListCoverage', () => {
  const coverageOf = async (inspector: Inspector2Client, digest: string) => {
    const result = await inspector.send(
      new ListCoverageCommand({
        filterCriteria: {
          resourceId: equals(`arn:aws:ecr:us-east-1:123456789012:repository/app/${digest}`)
        }
      })
    )
    return result.coveredResources ?? []
  }

  it('follows the coverage timeline: absent, PENDING_INITIAL_SCAN, SCAN_IN_PROGRESS, SUCCESSFUL', async () => {
    const { fake, clock } = await startAt(scenarios.clean)
    const { inspector } = clients(fake)
    expect(await coverageOf(inspector, IMAGES.clean.digest)).toEqual([])
    clock.advanceMs(500)
    expect((await coverageOf(inspector, IMAGES.clean.digest))[0]?.scanStatus).toEqual({
      statusCode: 'ACTIVE',
      reason: 'PENDING_INITIAL_SCAN'
    })
    clock.advanceMs(1000)
    expect((await coverageOf(inspector, IMAGES.clean.digest))[0]?.scanStatus?.reason).toBe(
      'SCAN_IN_PROGRESS'
    )
    clock.advanceMs(1500)
    const [done] = await coverageOf(inspector, IMAGES.clean.digest)
    expect(done).toMatchObject({
      resourceType: 'AWS_ECR_CONTAINER_IMAGE',
      scanType: 'PACKAGE',
      accountId: '123456789012',
      scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
      resourceMetadata: {
        ecrRepository: { name: 'app', scanFrequency: 'CONTINUOUS_SCAN' },
        ecrImage: { tags: ['v1.0.0'] }
      }
    })
    expect(done?.lastScannedAt).toBeInstanceOf(Date)
    expect(fake.calls.map((c) => c.atScenarioSeconds)).toEqual([0, 0.5, 1.5, 3])
  })

  it('runs timeScale times faster than real time', async () => {
    const clock = manualNow()
    const fake = await start({ ...scenarios.clean, timeScale: 10 }, { now: clock.now })
    const { inspector } = clients(fake)
    clock.advanceMs(300)
    expect(fake.scenarioSeconds()).toBeCloseTo(3)
    const [row] = await coverageOf(inspector, IMAGES.clean.digest)
    expect(row?.scanStatus?.reason).toBe('SUCCESSFUL')
    // Reported dates are the real instants: scenario 3 s == start + 300 ms.
    expect(row?.lastScannedAt?.getTime()).toBe(clock.now())
  })

  it('sends AWS’s time in the Date header and in reported dates, shifted by clockSkewMs', async () => {
    const clock = manualNow()
    const fake = await start(
      { ...scenarios.clean, clockSkewMs: -90_000 },
      {
        now: clock.now,
        dateFromClock: true
      }
    )
    clock.advanceMs(3_000)
    const answer = await fetch(`${fake.url}/coverage/list`, {
      method: 'POST',
      body: '{}',
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=test/20260115/us-east-1/inspector2/aws4_request, SignedHeaders=host, Signature=0'
      }
    })
    expect(answer.headers.get('date')).toBe(new Date(clock.now() - 90_000).toUTCString())
    const [row] = await coverageOf(clients(fake).inspector, IMAGES.clean.digest)
    // The scan happened at scenario 3 s: now, on AWS's clock 90 s behind.
    expect(row?.lastScannedAt?.getTime()).toBe(clock.now() - 90_000)
    expect(fake.scenarioSeconds()).toBe(3)
  })

  it('holds scenario time at second 0 until the first request, and again after a reset', async () => {
    const clock = manualNow()
    const fake = await start(scenarios.clean, {
      now: clock.now,
      holdTimelineUntil: 'first-request'
    })
    const { inspector } = clients(fake)
    // A slow start-up: ten real seconds pass before the process under test asks anything.
    clock.advanceMs(10_000)
    expect(fake.scenarioSeconds()).toBe(0)
    expect(await coverageOf(inspector, IMAGES.clean.digest)).toEqual([])
    clock.advanceMs(3000)
    const [row] = await coverageOf(inspector, IMAGES.clean.digest)
    expect(row?.scanStatus?.reason).toBe('SUCCESSFUL')
    // Scenario second 3 is three real seconds after the first request, not after start.
    expect(row?.lastScannedAt?.getTime()).toBe(clock.now())
    expect(fake.calls.map((c) => c.atScenarioSeconds)).toEqual([0, 3])

    fake.resetTimeline()
    clock.advanceMs(10_000)
    expect(fake.scenarioSeconds()).toBe(0)
    expect(await coverageOf(inspector, IMAGES.clean.digest)).toEqual([])
  })

  it('can hold scenario time until the first call of one operation', async () => {
    const clock = manualNow()
    const fake = await start(scenarios.clean, { now: clock.now, holdTimelineUntil: 'ListCoverage' })
    const { inspector, sts } = clients(fake)
    await sts.send(new GetCallerIdentityCommand({}))
    clock.advanceMs(10_000)
    expect(fake.scenarioSeconds()).toBe(0)
    expect(await coverageOf(inspector, IMAGES.clean.digest)).toEqual([])
    clock.advanceMs(1000)
    expect(fake.scenarioSeconds()).toBe(1)
    expect((await coverageOf(inspector, IMAGES.clean.digest))[0]?.scanStatus?.reason).toBe(
      'PENDING_INITIAL_SCAN'
    )
  })

  it('paces the story by the paced operations: a stalled process meets each step on its next read', async () => {
    const clock = manualNow()
    const fake = await start(scenarios.trickle, {
      now: clock.now,
      holdTimelineUntil: 'ListCoverage',
      pace: { maxSecondsPerRequest: 1.5, operations: ['ListCoverage', 'ListFindings'] }
    })
    const { inspector, sts } = clients(fake)
    expect(await coverageOf(inspector, IMAGES.trickle.digest)).toEqual([])
    // A 10 s pause: the real-scaled story would be over; the next paced read is 1.5 s on.
    clock.advanceMs(10_000)
    expect((await coverageOf(inspector, IMAGES.trickle.digest))[0]?.scanStatus?.reason).toBe(
      'SCAN_IN_PROGRESS'
    )
    // A request of another operation neither moves the story nor sees a later moment.
    await sts.send(new GetCallerIdentityCommand({}))
    clock.advanceMs(10_000)
    expect((await coverageOf(inspector, IMAGES.trickle.digest))[0]?.scanStatus?.reason).toBe(
      'SUCCESSFUL'
    )
    // A process that keeps up sees real-scaled time: 0.5 s later is 0.5 s on, not 1.5 s.
    clock.advanceMs(500)
    await coverageOf(inspector, IMAGES.trickle.digest)
    expect(fake.calls.map((c) => [c.operation, c.atScenarioSeconds])).toEqual([
      ['ListCoverage', 0],
      ['ListCoverage', 1.5],
      ['GetCallerIdentity', 1.5],
      ['ListCoverage', 3],
      ['ListCoverage', 3.5]
    ])
    fake.resetTimeline()
    expect(fake.scenarioSeconds()).toBe(0)
  })

  it('applies resourceType, scanType and ecrRepositoryName filters and pages with paginateListCoverage', async () => {
    const { fake, clock } = await startAt(scenarios.multiArch)
    clock.advanceMs(4000)
    const { inspector } = clients(fake)
    const rows: CoveredResource[] = []
    for await (const page of paginateListCoverage(
      { client: inspector, pageSize: 2 },
      {
        filterCriteria: {
          resourceType: equals('AWS_ECR_CONTAINER_IMAGE'),
          scanType: equals('PACKAGE'),
          ecrRepositoryName: equals('app')
        }
      }
    )) {
      rows.push(...(page.coveredResources ?? []))
    }
    // Two platform images, the attestation and the index (no repository row).
    expect(rows).toHaveLength(4)
    const reasonOf = (digest: string) =>
      rows.find((r) => r.resourceId?.endsWith(digest))?.scanStatus?.reason
    expect(reasonOf(platformDigest(0))).toBe('SUCCESSFUL')
    expect(reasonOf(platformDigest(1))).toBe('SUCCESSFUL')
    expect(reasonOf(IMAGES.multiArch.digest)).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect(fake.callsTo('ListCoverage')).toHaveLength(2)
  })

  it('rejects maxResults > 200 and PREFIX comparisons with ValidationException', async () => {
    const fake = await start(scenarios.clean)
    const { inspector } = clients(fake)
    await expect(
      inspector.send(new ListCoverageCommand({ maxResults: 201 }))
    ).rejects.toBeInstanceOf(ValidationException)
    await expect(
      inspector.send(
        new ListCoverageCommand({
          filterCriteria: { resourceId: [{ comparison: 'PREFIX' as 'EQUALS', value: 'arn:' }] }
        })
      )
    ).rejects.toBeInstanceOf(ValidationException)
  })

  it('reaches INACTIVE / UNSUPPORTED_OS for the unscannable scenario', async () => {
    const { fake, clock } = await startAt(scenarios.unscannable)
    clock.advanceMs(1500)
    const [row] = await coverageOf(clients(fake).inspector, IMAGES.unscannable.digest)
    expect(row?.scanStatus).toEqual({ statusCode: 'INACTIVE', reason: 'UNSUPPORTED_OS' })
    expect(row?.lastScannedAt).toBeUndefined()
  })
})

describe('Inspector ListFindings', () => {
  const activeFindingsFor = async (inspector: Inspector2Client, digest: string, pageSize = 100) => {
    const findings: Finding[] = []
    for await (const page of paginateListFindings(
      { client: inspector, pageSize },
      {
        filterCriteria: {
          ecrImageHash: equals(digest),
          findingStatus: equals('ACTIVE'),
          resourceType: equals('AWS_ECR_CONTAINER_IMAGE')
        }
      }
    )) {
      findings.push(...(page.findings ?? []))
    }
    return findings
  }

  it('collects all 300 findings across pages with paginateListFindings', async () => {
    const { fake, clock } = await startAt(scenarios.manyFindings300)
    clock.advanceMs(2000)
    const { inspector } = clients(fake)
    const findings = await activeFindingsFor(inspector, IMAGES.manyFindings300.digest)
    expect(findings).toHaveLength(300)
    expect(new Set(findings.map((f) => f.findingArn)).size).toBe(300)
    // Asked for 100 a page, answered at most 25: the model's FindingList holds no more.
    expect(fake.callsTo('ListFindings')).toHaveLength(12)
    const severities = new Set(findings.map((f) => f.severity))
    expect(severities).toEqual(
      new Set(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNTRIAGED'])
    )
  })

  it('returns the full Finding shape with Dates, in a stable order', async () => {
    const { fake, clock } = await startAt(scenarios.criticals)
    clock.advanceMs(3000)
    const { inspector } = clients(fake)
    const first = await activeFindingsFor(inspector, IMAGES.criticals.digest, 2)
    const second = await activeFindingsFor(inspector, IMAGES.criticals.digest, 100)
    expect(first.map((f) => f.findingArn)).toEqual(second.map((f) => f.findingArn))
    expect(first.filter((f) => f.severity === 'CRITICAL')).toHaveLength(2)
    const zlib = first.find(
      (f) => f.packageVulnerabilityDetails?.vulnerabilityId === 'CVE-2022-37434'
    )
    expect(zlib).toMatchObject({
      findingArn: expect.stringMatching(
        /^arn:aws:inspector2:us-east-1:123456789012:finding\/[0-9a-f]{32}$/
      ),
      type: 'PACKAGE_VULNERABILITY',
      status: 'ACTIVE',
      fixAvailable: 'YES',
      exploitAvailable: 'YES',
      inspectorScore: 9.8,
      epss: { score: 0.0108 },
      remediation: { recommendation: { Url: 'https://nvd.nist.gov/vuln/detail/CVE-2022-37434' } },
      resources: [
        {
          type: 'AWS_ECR_CONTAINER_IMAGE',
          id: `arn:aws:ecr:us-east-1:123456789012:repository/app/${IMAGES.criticals.digest}`,
          details: {
            awsEcrContainerImage: { repositoryName: 'app', imageHash: IMAGES.criticals.digest }
          }
        }
      ]
    })
    expect(zlib?.firstObservedAt).toBeInstanceOf(Date)
    expect(zlib?.resources?.[0]?.details?.awsEcrContainerImage?.pushedAt).toBeInstanceOf(Date)
    expect(zlib?.packageVulnerabilityDetails?.vulnerablePackages?.[0]).toMatchObject({
      name: 'zlib1g',
      fixedInVersion: '1:1.2.11.dfsg-2+deb11u2',
      packageManager: 'OS'
    })
  })

  it('applies findingStatus, severity, resourceId and repository filters', async () => {
    const { fake, clock } = await startAt(scenarios.criticals)
    clock.advanceMs(3000)
    const { inspector } = clients(fake)
    const count = async (
      filterCriteria: Record<string, { comparison: 'EQUALS'; value: string }[]>
    ) => (await inspector.send(new ListFindingsCommand({ filterCriteria }))).findings?.length
    expect(await count({})).toBe(7)
    expect(await count({ findingStatus: equals('SUPPRESSED') })).toBe(1)
    expect(await count({ severity: equals('CRITICAL'), findingStatus: equals('ACTIVE') })).toBe(2)
    expect(
      await count({
        severity: [...equals('CRITICAL'), ...equals('HIGH')],
        findingStatus: equals('ACTIVE')
      })
    ).toBe(5)
    expect(
      await count({
        resourceId: equals(
          `arn:aws:ecr:us-east-1:123456789012:repository/app/${IMAGES.criticals.digest}`
        )
      })
    ).toBe(7)
    expect(await count({ ecrImageRepositoryName: equals('other') })).toBe(0)
    expect(await count({ ecrImageHash: equals(digestFor('someone-else')) })).toBe(0)
  })

  it('lets findings trickle in after coverage reports SUCCESSFUL', async () => {
    const { fake, clock } = await startAt(scenarios.trickle)
    const { inspector } = clients(fake)
    clock.advanceMs(2000)
    expect(await activeFindingsFor(inspector, IMAGES.trickle.digest)).toHaveLength(1)
    clock.advanceMs(2500)
    expect(await activeFindingsFor(inspector, IMAGES.trickle.digest)).toHaveLength(3)
    clock.advanceMs(1500)
    const settled = await activeFindingsFor(inspector, IMAGES.trickle.digest)
    expect(settled.map((f) => f.severity)).toEqual(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])
  })

  it('keeps each platform child findings separate in the multi-arch scenario', async () => {
    const { fake, clock } = await startAt(scenarios.multiArch)
    clock.advanceMs(4000)
    const { inspector } = clients(fake)
    const amd64 = await activeFindingsFor(inspector, platformDigest(0))
    const arm64 = await activeFindingsFor(inspector, platformDigest(1))
    expect(amd64.map((f) => f.packageVulnerabilityDetails?.vulnerabilityId).sort()).toEqual([
      'CVE-2024-29041',
      'CVE-2024-6119'
    ])
    expect(arm64).toHaveLength(3)
    expect(arm64[0]?.resources?.[0]?.details?.awsEcrContainerImage?.architecture).toBe('arm64')
    expect(await activeFindingsFor(inspector, IMAGES.multiArch.digest)).toEqual([])
  })

  it('validates maxResults 1–100 and rejects a foreign nextToken', async () => {
    const { fake, clock } = await startAt(scenarios.manyFindings300)
    clock.advanceMs(2000)
    const { inspector } = clients(fake)
    await expect(
      inspector.send(new ListFindingsCommand({ maxResults: 101 }))
    ).rejects.toBeInstanceOf(ValidationException)
    await expect(inspector.send(new ListFindingsCommand({ maxResults: 0 }))).rejects.toBeInstanceOf(
      ValidationException
    )
    const first = await inspector.send(new ListFindingsCommand({ maxResults: 10 }))
    expect(first.nextToken).toEqual(expect.any(String))
    await expect(
      inspector.send(
        new ListFindingsCommand({
          maxResults: 10,
          nextToken: first.nextToken,
          filterCriteria: { severity: equals('HIGH') }
        })
      )
    ).rejects.toBeInstanceOf(ValidationException)
  })

  it('sorts by severity when asked', async () => {
    const { fake, clock } = await startAt(scenarios.criticals)
    clock.advanceMs(3000)
    const result = await clients(fake).inspector.send(
      new ListFindingsCommand({
        sortCriteria: { field: 'SEVERITY', sortOrder: 'DESC' },
        filterCriteria: { findingStatus: equals('ACTIVE') }
      })
    )
    expect(result.findings?.map((f) => f.severity)).toEqual([
      'CRITICAL',
      'CRITICAL',
      'HIGH',
      'HIGH',
      'HIGH',
      'MEDIUM'
    ])
  })
})

describe('Inspector BatchGetAccountStatus', () => {
  it('reports every resource type ENABLED by default', async () => {
    const fake = await start(scenarios.clean)
    const result = await clients(fake).inspector.send(new BatchGetAccountStatusCommand({}))
    expect(result.accounts?.[0]).toMatchObject({
      accountId: '123456789012',
      state: { status: 'ENABLED' },
      resourceState: {
        ecr: { status: 'ENABLED' },
        ec2: { status: 'ENABLED' },
        lambda: { status: 'ENABLED' }
      }
    })
  })

  it('reports ecr DISABLED for inspectorOffForEcr, and then covers nothing', async () => {
    const { fake, clock } = await startAt(scenarios.inspectorOffForEcr)
    clock.advanceMs(5000)
    const { inspector } = clients(fake)
    const result = await inspector.send(
      new BatchGetAccountStatusCommand({ accountIds: ['123456789012'] })
    )
    expect(result.accounts?.[0]?.resourceState?.ecr?.status).toBe('DISABLED')
    expect((await inspector.send(new ListCoverageCommand({}))).coveredResources).toEqual([])
    expect((await inspector.send(new ListFindingsCommand({}))).findings).toEqual([])
  })
})

describe('fault injection and SDK retries', () => {
  it('throws a typed, retryable ThrottlingException carrying Retry-After', async () => {
    const fake = await start({
      ...scenarios.clean,
      faults: [{ operation: 'ListCoverage', count: 1, status: 429, retryAfterSeconds: 7 }]
    })
    const error: unknown = await clients(fake)
      .inspector.send(new ListCoverageCommand({}))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ThrottlingException)
    expect(error).toMatchObject({
      $retryable: { throttling: true },
      retryAfterSeconds: 7,
      $metadata: { httpStatusCode: 429 }
    })
    expect(fake.calls[0]).toMatchObject({ status: 429, errorCode: 'ThrottlingException' })
  })

  it('lets the SDK retry a throttle after Retry-After, then a 500', async () => {
    const fake = await start({
      ...scenarios.clean,
      faults: [
        { operation: 'ListFindings', count: 1, status: 429, retryAfterSeconds: 0.4 },
        { operation: 'ListFindings', count: 1, status: 500 }
      ]
    })
    const result = await clients(fake, 3).inspector.send(new ListFindingsCommand({}))
    expect(result.$metadata.attempts).toBe(3)
    const [throttled, failed, ok] = fake.callsTo('ListFindings')
    expect([throttled?.status, failed?.status, ok?.status]).toEqual([429, 500, 200])
    expect((failed?.atMs ?? 0) - (throttled?.atMs ?? 0)).toBeGreaterThanOrEqual(380)
  })

  it('maps a 500 to InternalServerException', async () => {
    const fake = await start({
      ...scenarios.clean,
      faults: [{ operation: 'ListFindings', count: 5, status: 500 }]
    })
    await expect(clients(fake).inspector.send(new ListFindingsCommand({}))).rejects.toBeInstanceOf(
      InternalServerException
    )
  })

  it('throttles ECR with a ThrottlingException the SDK classifies as throttling', async () => {
    const fake = await start({
      ...scenarios.clean,
      faults: [{ operation: 'DescribeImages', service: 'ecr', count: 1, status: 429 }]
    })
    const error: unknown = await clients(fake)
      .ecr.send(new DescribeImagesCommand({ repositoryName: 'app' }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ECRServiceException)
    expect(error).toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } })

    fake.resetTimeline()
    const retried = await clients(fake, 2).ecr.send(
      new DescribeImagesCommand({ repositoryName: 'app' })
    )
    expect(retried.$metadata.attempts).toBe(2)
  })

  it('re-arms faults and restarts the timeline on resetTimeline()', async () => {
    const clock = manualNow()
    const fake = await start(
      { ...scenarios.clean, faults: [{ operation: 'GetCallerIdentity', count: 1, status: 503 }] },
      { now: clock.now }
    )
    const { sts } = clients(fake)
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'ServiceUnavailableException'
    })
    clock.advanceMs(5000)
    await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined()
    fake.resetTimeline()
    expect(fake.calls).toEqual([])
    expect(fake.scenarioSeconds()).toBe(0)
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 503 }
    })
  })
})

describe('routing and recording', () => {
  it('answers unsigned requests with a plain-JSON 403', async () => {
    const fake = await start(scenarios.clean)
    const response = await fetch(`${fake.url}/findings/list`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ message: expect.stringContaining('SigV4') })
    expect(fake.calls[0]).toMatchObject({ service: 'unknown', status: 403 })
  })

  it('records service, operation, parsed input and status for every call', async () => {
    const fake = await start(scenarios.clean)
    const { ecr, inspector } = clients(fake)
    await ecr.send(
      new DescribeImagesCommand({ repositoryName: 'app', imageIds: [{ imageTag: 'v1.0.0' }] })
    )
    await inspector.send(
      new ListFindingsCommand({ maxResults: 5, filterCriteria: { ecrImageHash: equals('x') } })
    )
    expect(fake.calls).toEqual([
      expect.objectContaining({
        service: 'ecr',
        operation: 'DescribeImages',
        status: 200,
        input: { repositoryName: 'app', imageIds: [{ imageTag: 'v1.0.0' }] }
      }),
      expect.objectContaining({
        service: 'inspector2',
        operation: 'ListFindings',
        status: 200,
        input: {
          maxResults: 5,
          filterCriteria: { ecrImageHash: [{ comparison: 'EQUALS', value: 'x' }] }
        }
      })
    ])
    expect(fake.calls[1]?.atMs).toBeGreaterThanOrEqual(fake.calls[0]?.atMs ?? 0)
  })
})
