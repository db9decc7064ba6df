import { afterEach, describe, expect, it } from '@jest/globals'
import { BatchGetImageCommand, DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import {
  Inspector2Client,
  ListCoverageCommand,
  ListFindingsCommand
} from '@aws-sdk/client-inspector2'
import {
  HOSTILE_VULNERABILITY,
  KNOWN_VULNERABILITIES,
  findingArnFor,
  inspectorFinding,
  manyFindings,
  manyFindingSpecs
} from './fixtures.js'
import type { ImageArtifact } from './fixtures.js'
import { scenarioImages, scenarios } from './scenarios.js'
import type { ScenarioName } from './scenarios.js'
import { startFakeAws } from './server.js'
import type { FakeAws } from './server.js'
import { manualNow } from './timeline.js'

const running: FakeAws[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()))
})

const config = (fake: FakeAws) => ({
  endpoint: fake.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1
})

describe('named scenarios', () => {
  const names = Object.keys(scenarios) as ScenarioName[]

  it.each(names)('%s resolves its image reference and settles as its timing says', async (name) => {
    const clock = manualNow()
    const scenario = { ...scenarios[name], faults: [] }
    const fake = await startFakeAws(scenario, { now: clock.now })
    running.push(fake)
    const ecr = new ECRClient(config(fake))
    const image = scenarioImages[name]

    const described = await ecr.send(
      new DescribeImagesCommand({
        repositoryName: image.repository,
        imageIds: [{ imageTag: image.tag }]
      })
    )
    expect(described.imageDetails?.[0]?.imageDigest).toBe(image.digest)

    // A multi-arch tag resolves to an index listing its platform children, then attestations.
    const got = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: image.repository,
        imageIds: [{ imageTag: image.tag }]
      })
    )
    const manifest = JSON.parse(got.images?.[0]?.imageManifest ?? '{}') as {
      manifests?: { digest: string }[]
    }
    expect(manifest.manifests?.map((m) => m.digest)).toEqual(
      image.platforms === undefined
        ? undefined
        : [...image.platforms.map((p) => p.digest), ...(image.attestations ?? [])]
    )

    // After the settle point, no coverage row may still be moving, except neverScanned's.
    clock.advanceMs((scenario.timing?.settledAtSeconds ?? 0) * 1000)
    const coverage = await new Inspector2Client(config(fake)).send(new ListCoverageCommand({}))
    const pending = (coverage.coveredResources ?? []).filter((r) =>
      ['PENDING_INITIAL_SCAN', 'SCAN_IN_PROGRESS'].includes(r.scanStatus?.reason ?? '')
    )
    expect(pending.length > 0).toBe(name === 'neverScanned')
  })

  it('demo carries the hostile-text finding, plus SUPPRESSED and CLOSED ones', async () => {
    const clock = manualNow()
    const fake = await startFakeAws(scenarios.demo, { now: clock.now })
    running.push(fake)
    clock.advanceMs(8000)
    const { findings = [] } = await new Inspector2Client(config(fake)).send(
      new ListFindingsCommand({ maxResults: 100 })
    )
    expect(findings.map((f) => f.title)).toContain(HOSTILE_VULNERABILITY.title)
    expect(
      findings
        .filter((f) => f.status !== 'ACTIVE')
        .map((f) => f.status)
        .sort()
    ).toEqual(['CLOSED', 'SUPPRESSED'])
  })
})

describe('fixtures', () => {
  const artifact: ImageArtifact = {
    account: '123456789012',
    region: 'us-east-1',
    repositoryName: 'app',
    imageDigest: `sha256:${'a'.repeat(64)}`,
    imageTags: ['v1'],
    pushedAt: new Date('2026-01-15T12:00:00Z')
  }

  it('derives a stable 32-hex finding ARN from the inputs', () => {
    const arn = findingArnFor(KNOWN_VULNERABILITIES.zlibCritical, artifact)
    expect(arn).toMatch(/^arn:aws:inspector2:us-east-1:123456789012:finding\/[0-9a-f]{32}$/)
    expect(inspectorFinding(KNOWN_VULNERABILITIES.zlibCritical, artifact).findingArn).toBe(arn)
    expect(
      findingArnFor(KNOWN_VULNERABILITIES.zlibCritical, {
        ...artifact,
        imageDigest: `sha256:${'b'.repeat(64)}`
      })
    ).not.toBe(arn)
  })

  it('sets fixAvailable YES / NO / PARTIAL from the vulnerable packages', () => {
    expect(inspectorFinding(KNOWN_VULNERABILITIES.opensslHigh, artifact).fixAvailable).toBe('YES')
    const noFix = inspectorFinding(KNOWN_VULNERABILITIES.zlibNoFix, artifact)
    expect(noFix.fixAvailable).toBe('NO')
    expect(noFix.packageVulnerabilityDetails?.vulnerablePackages?.[0]?.fixedInVersion).toBe(
      'NotAvailable'
    )
    const partial = inspectorFinding(
      {
        ...KNOWN_VULNERABILITIES.opensslHigh,
        extraPackages: [{ name: 'openssl', installedVersion: '3.0.11' }]
      },
      artifact
    )
    expect(partial.fixAvailable).toBe('PARTIAL')
    expect(partial.title).toBe('CVE-2024-6119 - libssl3, openssl')
  })

  it('generates many distinct findings deterministically per seed', () => {
    expect(manyFindingSpecs(50, 3)).toEqual(manyFindingSpecs(50, 3))
    expect(manyFindingSpecs(50, 3)).not.toEqual(manyFindingSpecs(50, 4))
    const findings = manyFindings(200, artifact, 3)
    expect(new Set(findings.map((f) => f.findingArn)).size).toBe(200)
    const critical = findings.filter((f) => f.severity === 'CRITICAL').length
    const medium = findings.filter((f) => f.severity === 'MEDIUM').length
    expect(critical).toBeLessThan(medium)
  })
})
