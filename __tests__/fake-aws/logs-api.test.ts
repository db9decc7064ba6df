import { afterEach, describe, expect, it } from '@jest/globals'
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  paginateFilterLogEvents
} from '@aws-sdk/client-cloudwatch-logs'
import type { FilterLogEventsCommandInput, FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs'
import type { Scenario } from './scenario.js'
import {
  IMAGES,
  latencyScenario,
  REPOSITORY,
  SCAN_EVENTS_LOG_GROUP,
  scanEventStory,
  scenarios,
  withScanEvents
} from './scenarios.js'
import { startFakeAws } from './server.js'
import type { FakeAws } from './server.js'
import { manualNow } from './timeline.js'

const running: FakeAws[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()))
})

const START_MS = Date.UTC(2026, 0, 15, 12, 0, 0)

async function startAt(scenario: Scenario, seconds: number) {
  const clock = manualNow(START_MS)
  const fake = await startFakeAws(scenario, { now: clock.now })
  running.push(fake)
  clock.advanceMs(seconds * 1000)
  const logs = new CloudWatchLogsClient({
    endpoint: fake.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1
  })
  return { fake, clock, logs }
}

async function allEvents(
  logs: CloudWatchLogsClient,
  input: Omit<FilterLogEventsCommandInput, 'logGroupName'> = {}
): Promise<FilteredLogEvent[]> {
  const events: FilteredLogEvent[] = []
  for await (const page of paginateFilterLogEvents(
    { client: logs },
    { logGroupName: SCAN_EVENTS_LOG_GROUP, ...input }
  )) {
    events.push(...(page.events ?? []))
  }
  return events
}

interface ScanEvent {
  id: string
  'detail-type': string
  source: string
  account: string
  time: string
  region: string
  resources: string[]
  detail: {
    'scan-status': string
    'repository-name': string
    'finding-severity-counts': Record<string, number>
    'image-digest': string
    'image-tags': string[]
  }
}

const parsed = (event: FilteredLogEvent): ScanEvent => JSON.parse(event.message ?? '') as ScanEvent

/** Two digests with events at 2 s (trickle) and 3 s (clean), to tell terms and windows apart. */
const twoDigests: Scenario = {
  ...scenarios.scanEventBeforeLastFinding,
  name: 'two digests',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        ...(scenarios.trickle.repositories[0]?.images ?? []),
        ...(scenarios.clean.repositories[0]?.images ?? [])
      ]
    }
  ]
}

describe('CloudWatch Logs FilterLogEvents', () => {
  it('answers ResourceNotFoundException for a group the scenario does not have', async () => {
    for (const scenario of [scenarios.trickle, scenarios.scanEventNever]) {
      const { fake, logs } = await startAt(scenario, 10)
      await expect(
        logs.send(new FilterLogEventsCommand({ logGroupName: '/nope' }))
      ).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
        message: 'The specified log group does not exist.'
      })
      expect(fake.callsTo('FilterLogEvents')[0]?.service).toBe('logs')
    }
  })

  it('answers AccessDeniedException when the role lacks logs:FilterLogEvents', async () => {
    const scenario = {
      ...scenarios.scanEventAfterLastFinding,
      scanEvents: { logGroupName: SCAN_EVENTS_LOG_GROUP, accessDenied: true }
    }
    const { logs } = await startAt(scenario, 10)
    await expect(
      logs.send(new FilterLogEventsCommand({ logGroupName: SCAN_EVENTS_LOG_GROUP }))
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('logs:FilterLogEvents') as unknown
    })
  })

  it('serves the EventBridge event with the digest, tags, ARN and counts of ALL its findings', async () => {
    const { fake, logs } = await startAt(scenarios.scanEventBeforeLastFinding, 5)
    const events = await allEvents(logs, { filterPattern: `"${IMAGES.trickle.digest}"` })
    expect(events).toHaveLength(1)
    const [event] = events
    // At 5 s the CRITICAL (6 s) is not listable yet, but the event already counts it.
    expect(parsed(event!)).toMatchObject({
      'detail-type': 'Inspector2 Scan',
      source: 'aws.inspector2',
      account: '123456789012',
      region: 'us-east-1',
      time: '2026-01-15T12:00:05Z',
      resources: ['arn:aws:ecr:us-east-1:123456789012:repository/app'],
      detail: {
        'scan-status': 'INITIAL_SCAN_COMPLETE',
        'repository-name': 'arn:aws:ecr:us-east-1:123456789012:repository/app',
        'finding-severity-counts': { CRITICAL: 1, HIGH: 1, MEDIUM: 1, TOTAL: 4 },
        'image-digest': IMAGES.trickle.digest,
        'image-tags': [IMAGES.trickle.tag]
      }
    })
    expect(event).toMatchObject({ timestamp: START_MS + 5000, ingestionTime: START_MS + 5180 })
    expect(typeof event?.eventId).toBe('string')
    expect(event?.logStreamName).toBe(parsed(event!).id)
    expect(fake.conformance().violations).toEqual([])
  })

  it('rounds the event time down to whole seconds and leaves out zero severities', async () => {
    const scenario: Scenario = {
      ...scenarios.scanEventBeforeLastFinding,
      repositories: [
        {
          name: REPOSITORY,
          images: (scenarios.clean.repositories[0]?.images ?? []).map((image) => ({
            ...image,
            scanEvent: { atSeconds: 3.7 }
          }))
        }
      ]
    }
    const { logs } = await startAt(scenario, 4)
    const [event] = await allEvents(logs)
    expect(event?.timestamp).toBe(START_MS + 3700)
    expect(parsed(event!).time).toBe('2026-01-15T12:00:03Z')
    // clean: MEDIUM + 2 LOW; no CRITICAL or HIGH key at all.
    expect(parsed(event!).detail['finding-severity-counts']).toEqual({ MEDIUM: 1, TOTAL: 3 })
  })

  it('uses counts and atSeconds a scenario sets', async () => {
    const scenario: Scenario = {
      ...scenarios.scanEventBeforeLastFinding,
      repositories: [
        {
          name: REPOSITORY,
          images: (scenarios.trickle.repositories[0]?.images ?? []).map((image) => ({
            ...image,
            scanEvent: { atSeconds: 9, counts: { HIGH: 7, TOTAL: 7 } }
          }))
        }
      ]
    }
    const { clock, logs } = await startAt(scenario, 8.9)
    expect(await allEvents(logs)).toEqual([])
    clock.advanceMs(100)
    const [event] = await allEvents(logs)
    expect(parsed(event!).detail['finding-severity-counts']).toEqual({ HIGH: 7, TOTAL: 7 })
  })

  it('has an event only once its scenario second is reached (default: coverage SUCCESSFUL)', async () => {
    const { clock, logs } = await startAt(scenarios.scanEventAfterLastFinding, 6.9)
    expect(await allEvents(logs, { filterPattern: '"Inspector2 Scan"' })).toEqual([])
    clock.advanceMs(100)
    expect(await allEvents(logs, { filterPattern: '"Inspector2 Scan"' })).toHaveLength(1)

    const { clock: clock2, logs: logs2 } = await startAt(twoDigests, 1.9)
    expect(await allEvents(logs2)).toEqual([])
    clock2.advanceMs(100)
    expect((await allEvents(logs2)).map((e) => parsed(e).detail['image-digest'])).toEqual([
      IMAGES.trickle.digest
    ])
  })

  it("serves no event for a digest whose scanEvent is 'never'", async () => {
    const { logs } = await startAt(scenarios.scanEventNever, 60)
    expect(await allEvents(logs)).toEqual([])
  })

  it('ANDs bare and quoted terms and ORs ?terms', async () => {
    const { logs } = await startAt(twoDigests, 10)
    const digests = async (filterPattern: string) =>
      (await allEvents(logs, { filterPattern })).map((e) => parsed(e).detail['image-digest'])
    expect(await digests('')).toEqual([IMAGES.trickle.digest, IMAGES.clean.digest])
    expect(await digests(`"${IMAGES.clean.digest}"`)).toEqual([IMAGES.clean.digest])
    expect(await digests(`?"${IMAGES.clean.digest}" ?"${IMAGES.trickle.digest}"`)).toEqual([
      IMAGES.trickle.digest,
      IMAGES.clean.digest
    ])
    expect(await digests(`?"${IMAGES.clean.digest}" ?"sha256:${'0'.repeat(64)}"`)).toEqual([
      IMAGES.clean.digest
    ])
    expect(await digests(`INITIAL_SCAN_COMPLETE "${IMAGES.trickle.digest}"`)).toEqual([
      IMAGES.trickle.digest
    ])
    expect(await digests(`"sha256:${'0'.repeat(64)}"`)).toEqual([])
  })

  it('keeps to startTime and endTime (epoch ms, both inclusive)', async () => {
    const { logs } = await startAt(twoDigests, 10)
    const digests = async (startTime?: number, endTime?: number) =>
      (await allEvents(logs, { startTime, endTime })).map((e) => parsed(e).detail['image-digest'])
    expect(await digests(START_MS + 2001)).toEqual([IMAGES.clean.digest])
    expect(await digests(START_MS + 3000)).toEqual([IMAGES.clean.digest])
    expect(await digests(undefined, START_MS + 2000)).toEqual([IMAGES.trickle.digest])
    expect(await digests(START_MS + 3001)).toEqual([])
  })

  it('pages by limit and across the scenario’s empty pages with nextToken', async () => {
    const scenario = {
      ...twoDigests,
      scanEvents: { logGroupName: SCAN_EVENTS_LOG_GROUP, emptyPages: 2 }
    }
    const { logs } = await startAt(scenario, 10)
    const pages: number[] = []
    const seen: string[] = []
    for await (const page of paginateFilterLogEvents(
      { client: logs, pageSize: 1 },
      { logGroupName: SCAN_EVENTS_LOG_GROUP }
    )) {
      pages.push(page.events?.length ?? 0)
      seen.push(...(page.events ?? []).map((e) => parsed(e).detail['image-digest']))
    }
    expect(pages).toEqual([0, 0, 1, 1])
    expect(seen).toEqual([IMAGES.trickle.digest, IMAGES.clean.digest])
  })

  it('refuses a limit beyond 10,000 and a token of another search', async () => {
    const { logs } = await startAt(twoDigests, 10)
    await expect(
      logs.send(new FilterLogEventsCommand({ logGroupName: SCAN_EVENTS_LOG_GROUP, limit: 10_001 }))
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })
    const first = await logs.send(
      new FilterLogEventsCommand({ logGroupName: SCAN_EVENTS_LOG_GROUP, limit: 1 })
    )
    expect(first.nextToken).toBeDefined()
    await expect(
      logs.send(
        new FilterLogEventsCommand({
          logGroupName: SCAN_EVENTS_LOG_GROUP,
          limit: 1,
          filterPattern: '"Inspector2 Scan"',
          nextToken: first.nextToken
        })
      )
    ).rejects.toMatchObject({ name: 'InvalidParameterException' })
  })

  it.each(['{ $.detail.image-digest = "sha256:a" }', '"unclosed', '-"sha256:a"', '[a, b]'])(
    'refuses the unsupported pattern %s, naming it',
    async (filterPattern) => {
      const { logs } = await startAt(twoDigests, 10)
      await expect(
        logs.send(
          new FilterLogEventsCommand({ logGroupName: SCAN_EVENTS_LOG_GROUP, filterPattern })
        )
      ).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringContaining(JSON.stringify(filterPattern)) as unknown
      })
    }
  )

  it('passes the model check on close()', async () => {
    const { fake, logs } = await startAt(twoDigests, 10)
    await allEvents(logs, { filterPattern: '"Inspector2 Scan"', startTime: START_MS })
    expect(fake.conformance().responses).toBeGreaterThan(0)
    running.splice(running.indexOf(fake), 1)
    await expect(fake.close()).resolves.toBeUndefined()
  })
})

describe('CloudWatch Logs endpoint variables', () => {
  it('reaches the fake through AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, as AWS_ENDPOINT_URL does', async () => {
    const { fake } = await startAt(scenarios.scanEventAfterLastFinding, 10)
    for (const name of ['AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'AWS_ENDPOINT_URL']) {
      const saved = process.env[name]
      process.env[name] = fake.url
      try {
        const logs = new CloudWatchLogsClient({
          region: 'us-east-1',
          credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
          maxAttempts: 1
        })
        const answer = await logs.send(
          new FilterLogEventsCommand({ logGroupName: SCAN_EVENTS_LOG_GROUP })
        )
        expect(answer.events).toHaveLength(1)
      } finally {
        if (saved === undefined) delete process.env[name]
        else process.env[name] = saved
      }
    }
    expect(fake.callsTo('FilterLogEvents')).toHaveLength(2)
  })
})

describe('scanEventStory', () => {
  it('is deterministic per seed and puts the event at every position across seeds', () => {
    expect(scanEventStory(7)).toEqual(scanEventStory(7))
    const positions = new Set<string>()
    for (let seed = 0; seed < 100; seed += 1) {
      const story = scanEventStory(seed)
      const { findingsAtSeconds: times, eventAtSeconds: at, findingsBeforeEvent: k } = story
      expect(times.filter((t) => t < at)).toHaveLength(k)
      expect(times).not.toContain(at)
      expect(at).toBeGreaterThanOrEqual(2)
      positions.add(k === 0 ? 'first' : k === times.length ? 'last' : 'between')
    }
    expect([...positions].sort()).toEqual(['between', 'first', 'last'])
  })

  it('serves its event at its second with the counts of all its findings', async () => {
    const story = scanEventStory(3)
    const { clock, logs } = await startAt(story.scenario, story.eventAtSeconds - 0.01)
    expect(await allEvents(logs)).toEqual([])
    clock.advanceMs(10)
    const [event] = await allEvents(logs)
    const counts = parsed(event!).detail['finding-severity-counts']
    expect(counts['TOTAL']).toBe(story.findingsAtSeconds.length)
  })
})

describe('latencyScenario and withScanEvents (the latency bench with the scan event)', () => {
  it('latencyScenario(s, { scanEvents: true }) has the digest event from s with its counts; without, no group', async () => {
    const { scenario, image } = latencyScenario(20.5, { scanEvents: true })
    const { clock, logs } = await startAt(scenario, 20.4)
    expect(await allEvents(logs)).toEqual([])
    clock.advanceMs(100)
    const events = await allEvents(logs, { filterPattern: `"${image.digest}"` })
    expect(events.map((e) => parsed(e).detail['finding-severity-counts'])).toEqual([
      { MEDIUM: 1, TOTAL: 2 }
    ])

    const { logs: plainLogs } = await startAt(latencyScenario(20.5).scenario, 30)
    await expect(
      plainLogs.send(new FilterLogEventsCommand({ logGroupName: SCAN_EVENTS_LOG_GROUP }))
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
  })

  it('withScanEvents(trickle) has the event when coverage turns SUCCESSFUL (2 s), counting the late CRITICAL', async () => {
    const { clock, logs } = await startAt(withScanEvents(scenarios.trickle), 1.9)
    expect(await allEvents(logs)).toEqual([])
    clock.advanceMs(100)
    const [event] = await allEvents(logs)
    expect(parsed(event!).detail['finding-severity-counts']).toEqual({
      CRITICAL: 1,
      HIGH: 1,
      MEDIUM: 1,
      TOTAL: 4
    })
  })
})
