import { describe, expect, it } from '@jest/globals'
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import {
  Inspector2Client,
  ListCoverageCommand,
  ListFindingsCommand,
  type ListCoverageResponse
} from '@aws-sdk/client-inspector2'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { createFaultInjector, flapCoverage, type FaultCall, type FaultPlan } from './faults.js'
import type { ChaosSpec } from './scenario.js'
import { scenarioImages, scenarios } from './scenarios.js'
import { fakesClosedAfterEachTest, TEST_CREDENTIALS } from './test-support.js'

const fakes = fakesClosedAfterEachTest()

const call = (operation: string, input: Record<string, unknown> = {}): FaultCall => ({
  service: 'inspector2',
  operation,
  input,
  nowSeconds: 0
})

const everyKind: ChaosSpec = {
  seed: 7,
  probability: 0.5,
  kinds: [
    'throttle',
    'server-error',
    'drop',
    'slow',
    'expired-token',
    'coverage-flap',
    'page-overlap'
  ]
}

/** A plan without its FakeAwsError instance (Retry-After and codes kept), for comparisons. */
function shape(plan: FaultPlan | undefined): unknown {
  if (plan?.kind !== 'error') return plan
  return { ...plan, error: [plan.error.code, plan.error.status, plan.error.headers] }
}

describe('chaos', () => {
  it('gives the same faults for a seed, whatever other operations are called in between', () => {
    const alone = createFaultInjector([], everyKind)
    const interleaved = createFaultInjector([], everyKind)
    const findings = Array.from({ length: 40 }, () => shape(alone.next(call('ListFindings'))))
    const again = Array.from({ length: 40 }, () => {
      interleaved.next(call('ListCoverage'))
      return shape(interleaved.next(call('ListFindings')))
    })

    expect(again).toEqual(findings)
    expect(findings.filter((plan) => plan !== undefined).length).toBeGreaterThan(5)
    const other = createFaultInjector([], { ...everyKind, seed: 8 })
    expect(Array.from({ length: 40 }, () => shape(other.next(call('ListFindings'))))).not.toEqual(
      findings
    )
  })

  it('starts every sequence again on reset', () => {
    const injector = createFaultInjector([], everyKind)
    const first = Array.from({ length: 20 }, () => shape(injector.next(call('ListFindings'))))
    injector.reset()
    expect(Array.from({ length: 20 }, () => shape(injector.next(call('ListFindings'))))).toEqual(
      first
    )
  })

  it('hits page tokens and coverage only where they apply', () => {
    const tokenKinds = createFaultInjector([], {
      seed: 1,
      probability: 1,
      kinds: ['expired-token', 'page-overlap']
    })
    expect(tokenKinds.next(call('ListFindings'))).toBeUndefined()
    expect(tokenKinds.next(call('ListFindings', { nextToken: 'abc' }))?.chaos).toMatch(
      /^(expired-token|page-overlap)$/
    )

    const flaps = createFaultInjector([], { seed: 1, probability: 1, kinds: ['coverage-flap'] })
    expect(flaps.next(call('ListFindings'))).toBeUndefined()
    expect(flaps.next(call('ListCoverage'))?.kind).toBe('coverage-flap')
  })

  it('keeps Retry-After within the bound, in a form the SDK parses', () => {
    const injector = createFaultInjector([], {
      seed: 3,
      probability: 1,
      kinds: ['throttle'],
      maxRetryAfterSeconds: 0.02
    })
    for (let i = 0; i < 50; i += 1) {
      const plan = injector.next(call('ListCoverage'))
      const retryAfter = plan?.kind === 'error' ? plan.error.headers['retry-after'] : undefined
      expect(retryAfter).toMatch(/^0\.0[0-2]\d*$/)
    }
  })
})

describe('counted faults', () => {
  it('answers every operation with the service’s expired-token error from a scenario second on', () => {
    const injector = createFaultInjector([
      {
        operation: '*',
        count: Number.POSITIVE_INFINITY,
        status: 403,
        error: 'expired-credentials',
        fromSeconds: 60
      }
    ])
    const at = (service: FaultCall['service'], nowSeconds: number) => {
      const plan = injector.next({ service, operation: 'Any', input: {}, nowSeconds })
      return plan?.kind === 'error' ? [plan.error.code, plan.error.status] : plan
    }

    expect(at('inspector2', 59)).toBeUndefined()
    expect(at('inspector2', 60)).toEqual(['ExpiredTokenException', 403])
    expect(at('ecr', 61)).toEqual(['ExpiredTokenException', 400])
    expect(at('sts', 62)).toEqual(['ExpiredToken', 403])
  })
})

describe('flapCoverage', () => {
  const response: ListCoverageResponse = {
    coveredResources: [
      {
        resourceId: 'repo',
        resourceType: 'AWS_ECR_REPOSITORY',
        accountId: '123456789012',
        scanType: 'PACKAGE',
        scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' }
      },
      {
        resourceId: 'image',
        resourceType: 'AWS_ECR_CONTAINER_IMAGE',
        accountId: '123456789012',
        scanType: 'PACKAGE',
        scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
        lastScannedAt: new Date('2026-01-15T12:00:03Z')
      }
    ]
  }
  const now = new Date('2026-01-15T12:00:09Z')
  const image = (mode: Parameters<typeof flapCoverage>[1]) =>
    flapCoverage(response, mode, now).coveredResources?.find((r) => r.resourceId === 'image')

  it('hides the resource row, shows a rescan in progress, or a newer scan', () => {
    expect(image('missing')).toBeUndefined()
    expect(image('in-progress')?.scanStatus).toEqual({
      statusCode: 'ACTIVE',
      reason: 'SCAN_IN_PROGRESS'
    })
    expect(image('rescanned')?.lastScannedAt).toEqual(now)
    expect(flapCoverage(response, 'missing', now).coveredResources?.[0]?.resourceId).toBe('repo')
  })
})

describe('on the wire', () => {
  const config = (url: string, region = 'us-east-1') => ({
    endpoint: url,
    region,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1
  })

  it('drops the connection: the SDK sees a reset, not an answer', async () => {
    const fake = await fakes.start({
      ...scenarios.clean,
      chaos: { seed: 1, probability: 1, kinds: ['drop'] }
    })
    const sts = new STSClient(config(fake.url))

    // ECONNRESET ("socket hang up"), which the SDK names TimeoutError (under jest it arrives
    // wrapped, as Node's error comes from another realm).
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toThrow(/socket hang up/)
    expect(fake.calls.map((c) => [c.status, c.errorCode, c.chaos])).toEqual([
      [0, 'ConnectionDropped', 'drop']
    ])
    sts.destroy()
  })

  it('answers a continued ListFindings with 400 ValidationException when its token expired', async () => {
    const { fake, clock } = await fakes.startAt({
      ...scenarios.manyFindings300,
      chaos: { seed: 1, probability: 1, kinds: ['expired-token'] }
    })
    clock.advanceMs(3000)
    const inspector = new Inspector2Client(config(fake.url))
    const first = await inspector.send(new ListFindingsCommand({ maxResults: 100 }))

    await expect(
      inspector.send(new ListFindingsCommand({ maxResults: 100, nextToken: first.nextToken }))
    ).rejects.toMatchObject({
      name: 'ValidationException',
      reason: 'FIELD_VALIDATION_FAILED',
      $metadata: { httpStatusCode: 400 }
    })
    inspector.destroy()
  })

  it('repeats the end of the previous page when a page overlaps, and still reaches the end', async () => {
    const { fake, clock } = await fakes.startAt({
      ...scenarios.manyFindings300,
      chaos: { seed: 1, probability: 1, kinds: ['page-overlap'] }
    })
    clock.advanceMs(3000)
    const inspector = new Inspector2Client(config(fake.url))
    const arns: string[] = []
    let nextToken: string | undefined
    do {
      const page = await inspector.send(new ListFindingsCommand({ maxResults: 100, nextToken }))
      arns.push(...(page.findings ?? []).map((f) => f.findingArn ?? ''))
      nextToken = page.nextToken
    } while (nextToken !== undefined)

    expect(new Set(arns).size).toBe(300)
    expect(arns.length).toBeGreaterThan(300)
    inspector.destroy()
  })

  it('flaps coverage for one call', async () => {
    const { fake, clock } = await fakes.startAt({
      ...scenarios.clean,
      chaos: { seed: 2, probability: 1, kinds: ['coverage-flap'] }
    })
    clock.advanceMs(4000)
    const inspector = new Inspector2Client(config(fake.url))
    const seen = new Set<string>()
    for (let i = 0; i < 12; i += 1) {
      const { coveredResources = [] } = await inspector.send(new ListCoverageCommand({}))
      const row = coveredResources.find((r) => r.resourceType === 'AWS_ECR_CONTAINER_IMAGE')
      seen.add(
        row === undefined
          ? 'missing'
          : row.scanStatus?.reason === 'SCAN_IN_PROGRESS'
            ? 'in-progress'
            : row.lastScannedAt?.getTime() === clock.now()
              ? 'rescanned'
              : 'unchanged'
      )
    }
    expect([...seen].sort()).toEqual(['in-progress', 'missing', 'rescanned'])
    inspector.destroy()
  })

  it('shows an empty account in other regions when otherRegions is empty', async () => {
    const fake = await fakes.start({ ...scenarios.clean, otherRegions: 'empty' })
    const ids = { repositoryName: 'app', imageIds: [{ imageTag: scenarioImages.clean.tag }] }
    const home = new ECRClient(config(fake.url))
    const west = new ECRClient(config(fake.url, 'us-west-2'))

    await expect(home.send(new DescribeImagesCommand(ids))).resolves.toMatchObject({
      imageDetails: [{ imageDigest: scenarioImages.clean.digest }]
    })
    await expect(west.send(new DescribeImagesCommand(ids))).rejects.toMatchObject({
      name: 'RepositoryNotFoundException'
    })
    home.destroy()
    west.destroy()
  })
})
