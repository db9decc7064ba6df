import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAwsClients } from '../../src/aws/clients.js'
import { AwsCallError, explainAwsError } from '../../src/aws/errors.js'
import { UNPARSEABLE_TRIES } from '../../src/aws/unparseable.js'
import { ensureEnabled } from '../../src/ensure-enabled/ensure-enabled.js'
import { mulberry32 } from '../fake-aws/random.js'
import { TEST_CREDENTIALS } from '../fake-aws/test-support.js'
import { VirtualClock } from '../helpers/virtual-clock.js'
import { compressedRetryStrategy, compressRateLimiterSleeps } from '../reliability/harness.js'
import { VirtualTime } from '../reliability/virtual-time.js'
import { ALL_CLIENT_CLASSES } from '../fixtures/client-classes.js'

/**
 * A proxy (or a wrong AWS_ENDPOINT_URL) answering Inspector's Enable with an HTML 500 page, while
 * BatchGetAccountStatus gets a real answer (never enabled). Counts the requests per path.
 */
let server: Server
let url: string
const hits = new Map<string, number>()
let restoreSleeps: () => void

beforeAll(async () => {
  restoreSleeps = compressRateLimiterSleeps()
  server = createServer((req, res) => {
    const path = req.url ?? ''
    hits.set(path, (hits.get(path) ?? 0) + 1)
    req.resume()
    req.on('end', () => {
      if (path.startsWith('/status/batch/get')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ accounts: [], failedAccounts: [] }))
        return
      }
      res.writeHead(500, { 'content-type': 'text/html' })
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterEach(() => hits.clear())
afterAll(async () => {
  restoreSleeps()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

function inspectorClient() {
  const time = new VirtualTime()
  return createAwsClients({
    classes: ALL_CLIENT_CLASSES,
    overrides: () => ({
      endpoint: url,
      region: 'us-east-1',
      credentials: TEST_CREDENTIALS,
      retryStrategy: compressedRetryStrategy(time, mulberry32(3))
    })
  }).inspector('us-east-1')
}

describe('an answer that is not AWS’s (non-JSON 500)', () => {
  it(`stops Enable after ${UNPARSEABLE_TRIES} tries and says so in one line naming the operation`, async () => {
    const clock = new VirtualClock()
    const lines: string[] = []
    const error = await ensureEnabled(
      'enable',
      {
        ecr: true,
        lambda: false,
        lambdaCode: false,
        securityHub: false,
        inspectorImport: false
      },
      {
        inspector: inspectorClient(),
        securityHub: undefined as never,
        clock,
        log: {
          info: (line: string) => lines.push(line),
          warning: (line: string) => lines.push(line),
          debug: () => undefined
        },
        accountId: '123456789012',
        region: 'us-east-1'
      }
    ).catch((e: unknown) => e as Error)

    expect(error).toBeInstanceOf(AwsCallError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    expect(message).toMatch(
      /^Enable answered with a response that is not AWS's \(HTTP 500, not JSON, 3 times\)/
    )
    expect(message).toContain('AWS_ENDPOINT_URL')
    expect(message).not.toContain('SyntaxError')
    expect(hits.get('/enable')).toBe(UNPARSEABLE_TRIES)
    // Not waited out: no "retrying in" pause of the Enable loop, no virtual minutes spent.
    expect(lines.filter((l) => l.includes('waiting out an AWS error'))).toEqual([])
    expect(clock.sleeps).toEqual([])
  })

  it('classifies the SDK’s own deserialization failure as not retryable, whatever its status', () => {
    const sdkError = Object.assign(
      new SyntaxError('Unexpected token \'<\', "<html>" is not valid JSON'),
      {
        $metadata: { httpStatusCode: 500 }
      }
    )
    Object.defineProperty(sdkError, '$response', { value: { statusCode: 500 }, enumerable: false })
    const explained = explainAwsError(sdkError, {
      action: 'inspector2:BatchGetAccountStatus',
      doing: 'checking that Amazon Inspector is enabled'
    })
    expect(explained.retryable).toBe(false)
    expect(explained.message).toMatch(
      /^BatchGetAccountStatus answered with a response that is not AWS's \(HTTP 500, not JSON\)/
    )
  })

  it('leaves an AWS error (with its $fault) as it was: a 500 InternalServerException stays retryable', () => {
    const awsError = Object.assign(new Error('internal'), {
      name: 'InternalServerException',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 }
    })
    Object.defineProperty(awsError, '$response', { value: { statusCode: 500 }, enumerable: false })
    const explained = explainAwsError(awsError, { action: 'inspector2:Enable', doing: 'enabling' })
    expect(explained.retryable).toBe(true)
    expect(explained.code).toBe('InternalServerException')
  })
})
