import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createAwsClients, DEFAULT_MAX_IN_FLIGHT } from '../../src/aws/clients.js'
import { RequestSlots } from '../../src/aws/in-flight.js'
import { buildGateConfig } from '../../src/gate/config.js'
import { runGate } from '../../src/gate/run.js'
import { systemClock } from '../../src/runtime/clock.js'
import { manyImages, withTimeScale, type ImageRef } from '../fake-aws/scenarios.js'
import { startFakeAws, type FakeAws } from '../fake-aws/server.js'
import { TEST_CREDENTIALS } from '../fake-aws/test-support.js'
import type { Scenario } from '../fake-aws/scenario.js'
import { ALL_CLIENT_CLASSES } from '../fixtures/client-classes.js'

/**
 * Twenty images in one gate, every fourth a two-platform index: the real clients (adaptive retries,
 * the shared in-flight cap) against the local endpoint, in process. Scenario time runs 10× and the
 * polls every 250 ms, so the run takes a few seconds.
 */
const saved = { ...process.env }
let fake: FakeAws
const started: FakeAws[] = []
beforeAll(() => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true'
  })
})
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})
afterAll(() => {
  process.env = saved
})

/** Gates `images` of `scenario` in process with the real clients sharing `slots`. */
async function gateAll(scenario: Scenario, images: ImageRef[], slots: RequestSlots) {
  fake = await startFakeAws(withTimeScale(scenario, 10))
  started.push(fake)
  process.env['AWS_ENDPOINT_URL'] = fake.url
  const config = buildGateConfig(
    { images: images.map((image) => image.uri).join('\n'), timeout: '60s', settle: '5s' },
    () => '',
    { AWS_REGION: 'us-east-1', INSPECTOR_GATE_POLL_INTERVAL: '250ms' }
  )
  const log = { info: () => undefined, warning: () => undefined, debug: () => undefined }
  return runGate(config, {
    clients: createAwsClients({ classes: ALL_CLIENT_CLASSES, slots }),
    clock: systemClock,
    log
  })
}

describe('a gate of 20 images, 5 of them multi-arch', () => {
  it('completes with every platform scanned, within the in-flight cap, never throttled', async () => {
    const { scenario, images } = manyImages(20)
    const slots = new RequestSlots(DEFAULT_MAX_IN_FLIGHT)
    const verdict = await gateAll(scenario, images, slots)

    expect(verdict.outcomes.filter((o) => o.status !== 'scanned')).toEqual([])
    // 15 single-platform images + 5 indexes of 2 platforms each (attestations skipped).
    expect(verdict.outcomes).toHaveLength(25)
    expect(verdict.result).toBe('fail')
    expect(verdict.counts.medium).toBe(25)
    expect(verdict.counts.low).toBe(25)
    // i % 3 === 0 carries the HIGH: 7 images, two of them (i = 3, 15) multi-arch, counted per platform.
    expect(verdict.counts.high).toBe(9)
    expect(slots.peak).toBeLessThanOrEqual(DEFAULT_MAX_IN_FLIGHT)
    expect(slots.peak).toBeGreaterThan(1)
    expect(fake.calls.filter((call) => call.status === 429)).toEqual([])
    expect(fake.calls.filter((call) => call.status >= 500)).toEqual([])
    // All twenty tags are in one repository: its scanning rules are read once, not per tag.
    const rules = fake.calls.filter(
      (c) => c.operation === 'BatchGetRepositoryScanningConfiguration'
    )
    expect(rules).toHaveLength(1)
  })
})

describe('the in-flight cap', () => {
  it('binds: with 2 slots the same gate never has more than 2 requests in flight', async () => {
    const { scenario, images } = manyImages(8)
    const slots = new RequestSlots(2)
    const verdict = await gateAll(scenario, images, slots)
    expect(verdict.outcomes.every((o) => o.status === 'scanned')).toBe(true)
    expect(slots.peak).toBe(2)
  })
})
