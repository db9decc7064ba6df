import { afterEach } from '@jest/globals'
import type { Scenario } from './scenario.js'
import { startFakeAws } from './server.js'
import type { FakeAws, FakeAwsOptions } from './server.js'
import { manualNow } from './timeline.js'
import type { ManualNow } from './timeline.js'

/** The fake checks no signature; the SDK only needs something to sign with. */
export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' }

/**
 * Fakes started in a test are closed after it. `startAt` drives the timeline by hand, so timeline
 * tests never sleep.
 */
export function fakesClosedAfterEachTest(): {
  start(scenario: Scenario, options?: FakeAwsOptions): Promise<FakeAws>
  startAt(scenario: Scenario): Promise<{ fake: FakeAws; clock: ManualNow }>
} {
  const running: FakeAws[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((fake) => fake.close()))
  })
  const start = async (scenario: Scenario, options: FakeAwsOptions = {}): Promise<FakeAws> => {
    const fake = await startFakeAws(scenario, options)
    running.push(fake)
    return fake
  }
  return {
    start,
    startAt: async (scenario) => {
      const clock = manualNow()
      return { fake: await start(scenario, { now: clock.now }), clock }
    }
  }
}
