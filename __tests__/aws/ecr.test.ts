import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createAwsClients } from '../../src/aws/clients.js'
import { describeImage, startBasicScan } from '../../src/aws/ecr.js'
import { parseImageReference } from '../../src/domain/image-reference.js'
import { mulberry32 } from '../fake-aws/random.js'
import { IMAGES, scenarios } from '../fake-aws/scenarios.js'
import { fakesClosedAfterEachTest, TEST_CREDENTIALS } from '../fake-aws/test-support.js'
import { compressedRetryStrategy, compressRateLimiterSleeps } from '../reliability/harness.js'
import { VirtualTime } from '../reliability/virtual-time.js'
import { ALL_CLIENT_CLASSES } from '../fixtures/client-classes.js'

const { start } = fakesClosedAfterEachTest()
let restoreSleeps: () => void
beforeAll(() => {
  restoreSleeps = compressRateLimiterSleeps()
})
afterAll(() => restoreSleeps())

/** The product's ECR client (adaptive retries, MAX_ATTEMPTS), its backoff on virtual time. */
function productEcrClient(url: string) {
  const time = new VirtualTime()
  const random = mulberry32(7)
  return createAwsClients({
    classes: ALL_CLIENT_CLASSES,
    overrides: () => ({
      endpoint: url,
      region: 'us-east-1',
      credentials: TEST_CREDENTIALS,
      retryStrategy: compressedRetryStrategy(time, random)
    })
  }).ecr('us-east-1')
}

describe('startBasicScan on the daily quota', () => {
  it('makes one attempt for LimitExceededException, while the same client still retries throttling', async () => {
    // The image scanned on push less than 24 h ago, so ECR refuses another scan today; the first
    // two DescribeImages calls are throttled.
    const fake = await start({
      ...scenarios.basic,
      faults: [{ operation: 'DescribeImages', service: 'ecr', count: 2, status: 429 }]
    })
    const client = productEcrClient(fake.url)
    const ref = parseImageReference(IMAGES.basic.uri)

    await expect(startBasicScan(client, ref, IMAGES.basic.digest)).resolves.toBe('limit-exceeded')
    expect(fake.callsTo('StartImageScan')).toHaveLength(1)

    await expect(describeImage(client, ref)).resolves.toMatchObject({
      digest: IMAGES.basic.digest
    })
    expect(fake.callsTo('DescribeImages').map((c) => c.status)).toEqual([429, 429, 200])
  })
})
