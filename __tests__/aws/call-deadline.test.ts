/**
 * The step's deadline reaches every AWS call (issue 19 case 9): a request that is never answered,
 * and a call the SDK keeps retrying under throttling, both end when the deadline passes, with a
 * line that names the operation. Real SDK clients against a local HTTP server; the deadline is
 * fired by the test, so nothing waits on a real timer.
 */
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from '@jest/globals'
import { ListCoverageCommand } from '@aws-sdk/client-inspector2'
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { CallDeadlineError } from '../../src/aws/call-deadline.js'
import { createAwsClients } from '../../src/aws/clients.js'
import { explainAwsError, isDeadlineExceeded } from '../../src/aws/errors.js'
import type { Clock } from '../../src/runtime/clock.js'
import { ALL_CLIENT_CLASSES } from '../fixtures/client-classes.js'

/** A clock whose deadline signal the test fires by hand. */
function handClock(): Clock & { fire(): void } {
  const controller = new AbortController()
  return {
    now: () => 0,
    sleep: () => Promise.resolve(),
    abortAfter: () => controller.signal,
    fire: () => controller.abort()
  }
}

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  if (server) await new Promise((resolve) => server?.close(resolve))
  server = undefined
})

/** A local endpoint; `answer` decides what each request gets (or nothing, by not answering). */
async function endpoint(
  answer: (req: IncomingMessage, res: ServerResponse) => void
): Promise<{ url: string; requests: () => number; received: Promise<void> }> {
  let count = 0
  let first: () => void = () => undefined
  const received = new Promise<void>((resolve) => (first = resolve))
  server = createServer((req, res) => {
    count += 1
    req.resume()
    req.once('end', () => {
      first()
      answer(req, res)
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, requests: () => count, received }
}

function clients(url: string, clock: Clock, retryDelayMs: number) {
  return createAwsClients({
    classes: ALL_CLIENT_CLASSES,
    deadline: { at: 6_000, clock, name: 'timeout (6s)' },
    overrides: () => ({
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      // A backoff of an hour: only the deadline can end the wait between attempts.
      retryStrategy: new ConfiguredRetryStrategy(6, () => retryDelayMs)
    })
  })
}

const listCoverage = new ListCoverageCommand({})

describe('AWS calls end at the step deadline', () => {
  it('cuts off a request that is never answered, naming the operation', async () => {
    const clock = handClock()
    const aws = await endpoint(() => undefined)
    const call = clients(aws.url, clock, 0).inspector('us-east-1').send(listCoverage)
    await aws.received
    clock.fire()

    const error = await call.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CallDeadlineError)
    const line = explainAwsError(error, {
      action: 'inspector2:ListCoverage',
      doing: 'checking Inspector coverage of app@sha256:aa'
    })
    expect(line.message).toBe(
      'the timeout (6s) ran out while checking Inspector coverage of app@sha256:aa: ListCoverage had not finished (AWS slow, throttling, unreachable or paging without end); raise timeout or check the network to AWS'
    )
    expect(isDeadlineExceeded(line)).toBe(true)
    expect(line.retryable).toBe(false)
  })

  it('cuts off the SDK backoff under a throttling storm', async () => {
    const clock = handClock()
    const aws = await endpoint((_req, res) => {
      res.writeHead(429, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ThrottlingException'
      })
      res.end(JSON.stringify({ message: 'Rate exceeded' }))
    })
    const call = clients(aws.url, clock, 3_600_000).inspector('us-east-1').send(listCoverage)
    await aws.received
    // Let the 429 reach the SDK and its hour-long backoff begin, then let the deadline pass.
    await new Promise((resolve) => setImmediate(resolve))
    clock.fire()

    await expect(call).rejects.toBeInstanceOf(CallDeadlineError)
    expect(aws.requests()).toBe(1)
  })

  it('sends nothing once the deadline has passed', async () => {
    const clock = handClock()
    const aws = await endpoint((_req, res) => res.end('{}'))
    clock.fire()

    await expect(
      clients(aws.url, clock, 0).inspector('us-east-1').send(listCoverage)
    ).rejects.toThrow('ListCoverage had not finished when the timeout (6s) ran out')
    expect(aws.requests()).toBe(0)
  })
})

describe('Inspector Scan (the project’s own adapter) ends at the step deadline too', () => {
  it('cuts off a ScanSbom that is never answered, as the SDK clients are', async () => {
    const clock = handClock()
    const aws = await endpoint(() => undefined)
    const call = clients(aws.url, clock, 0)
      .inspectorScan('us-east-1')
      .scanSbom({ sbom: { bomFormat: 'CycloneDX', specVersion: '1.5', components: [] } })
    await aws.received
    clock.fire()

    const error = await call.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CallDeadlineError)
    expect((error as Error).message).toBe('ScanSbom had not finished when the timeout (6s) ran out')
  })
})
