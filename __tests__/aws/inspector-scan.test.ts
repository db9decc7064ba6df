import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Sha256 } from '@smithy/core/checksum'
import { CredentialsProviderError } from '@smithy/core/config'
import { HttpRequest } from '@smithy/core/protocols'
import { SignatureV4 } from '@smithy/signature-v4'
import { AwsCallError } from '../../src/aws/errors.js'
import {
  createInspectorScanClient,
  type InspectorScanClientOptions,
  MAX_SBOM_COMPONENTS,
  resolveInspectorScanEndpoint,
  scanSbom
} from '../../src/aws/inspector-scan.js'
import { UNPARSEABLE_TRIES } from '../../src/aws/unparseable.js'

/**
 * The ScanSbom adapter against a tiny local HTTP server that answers from a script: one answer per
 * request, the last one repeated. Waits between attempts go to an injected delay that records them
 * and returns at once, so nothing here sleeps.
 */
interface Answer {
  status: number
  headers?: Record<string, string>
  body: string
}
interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

let server: Server
let url: string
let script: Answer[] = []
let received: Received[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      })
      const answer = script[Math.min(received.length, script.length) - 1] ?? ok({})
      res.writeHead(answer.status, answer.headers ?? { 'content-type': 'application/json' })
      res.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
beforeEach(() => {
  script = []
  received = []
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  components: [{ type: 'library', name: 'log4j-core', purl: 'pkg:maven/a/log4j-core@2.17.0' }]
}
const SCANNED = { ...SBOM, vulnerabilities: [{ id: 'CVE-2021-44832' }] }

function ok(body: unknown): Answer {
  return { status: 200, body: JSON.stringify(body) }
}
function awsError(
  status: number,
  code: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {}
): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, ...headers },
    body: JSON.stringify(body)
  }
}

function client(
  extra: {
    env?: Record<string, string>
    now?: () => number
    credentials?: InspectorScanClientOptions['credentials']
  } = {}
) {
  const waits: number[] = []
  const scan = createInspectorScanClient({
    region: 'eu-west-1',
    env: extra.env ?? { AWS_ENDPOINT_URL_INSPECTOR_SCAN: url },
    credentials: extra.credentials ?? {
      accessKeyId: 'AKIDTEST',
      secretAccessKey: 'secret',
      sessionToken: 'token'
    },
    delay: async (ms) => {
      waits.push(ms)
    },
    random: () => 0.5,
    ...(extra.now ? { now: extra.now } : {})
  })
  return { scan, waits }
}

const scan = (c: ReturnType<typeof client>['scan'], sbom: unknown = SBOM) =>
  scanSbom(c, { file: 'build/sbom.json', sbom, outputFormat: 'CYCLONE_DX_1_5' })

async function failure(promise: Promise<unknown>): Promise<AwsCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(AwsCallError)
  expect((error as Error).message).not.toContain('\n')
  return error as AwsCallError
}

describe('the ScanSbom request', () => {
  it('is a SigV4-signed POST /scan/sbom for inspector-scan in the region, with the SBOM and the output format', async () => {
    script = [ok({ sbom: SCANNED })]
    const { scan: c } = client()

    const result = await scan(c)

    expect(result.sbom).toEqual(SCANNED)
    expect(received).toHaveLength(1)
    const [request] = received
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/scan/sbom')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-west-1\/inspector-scan\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/
    )
    expect(request?.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/)
    expect(request?.headers['x-amz-security-token']).toBe('token')
    expect(request?.headers['amz-sdk-request']).toBe('attempt=1; max=6')
    expect(JSON.parse(request?.body ?? '')).toEqual({ sbom: SBOM, outputFormat: 'CYCLONE_DX_1_5' })
  })

  it('carries a signature that verifies over the body it was sent with', async () => {
    script = [ok({ sbom: SCANNED })]
    await scan(client().scan)
    const request = received[0] as Received
    const auth = String(request.headers['authorization'])
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? []
    // The payload hash is left for the verifier to compute from the body that arrived.
    const headers = Object.fromEntries(
      signedHeaders
        .filter((name) => name !== 'x-amz-content-sha256')
        .map((name) => [name, String(request.headers[name])])
    )
    const amzDate = String(request.headers['x-amz-date'])
    const signingDate = new Date(
      amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')
    )
    const verifier = new SignatureV4({
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret', sessionToken: 'token' },
      region: 'eu-west-1',
      service: 'inspector-scan',
      sha256: Sha256
    })
    const expected = await verifier.sign(
      new HttpRequest({
        method: request.method,
        protocol: 'http:',
        hostname: '127.0.0.1',
        path: request.url,
        headers,
        body: request.body
      }),
      { signingDate }
    )
    expect(auth).toBe(expected.headers['authorization'])
    // The same check fails on a body other than the one signed.
    const tampered = await verifier.sign(
      new HttpRequest({
        method: request.method,
        protocol: 'http:',
        hostname: '127.0.0.1',
        path: request.url,
        headers,
        body: `${request.body} `
      }),
      { signingDate }
    )
    expect(auth).not.toBe(tampered.headers['authorization'])
  })

  it('leaves outputFormat out when none is asked for', async () => {
    script = [ok({ sbom: SCANNED })]
    await scanSbom(client().scan, { file: 'sbom.json', sbom: SBOM })
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({ sbom: SBOM })
  })

  it('keeps a path prefix of the configured endpoint', async () => {
    script = [ok({ sbom: SCANNED })]
    await scan(client({ env: { AWS_ENDPOINT_URL: `${url}/proxy/` } }).scan)
    expect(received[0]?.url).toBe('/proxy/scan/sbom')
  })

  it(`refuses an SBOM of more than ${MAX_SBOM_COMPONENTS} components before sending it`, async () => {
    const components = Array.from({ length: MAX_SBOM_COMPONENTS + 1 }, (_, i) => ({
      type: 'library',
      name: `c${i}`
    }))
    const error = await failure(scan(client().scan, { ...SBOM, components }))
    expect(error.message).toBe(
      `the SBOM build/sbom.json lists 5001 components, more than the 5000 Inspector's ScanSbom takes in one request; split it (for instance one SBOM per image or package directory) and scan each`
    )
    expect(received).toHaveLength(0)
  })
})

describe('the endpoint', () => {
  it('is AWS_ENDPOINT_URL_INSPECTOR_SCAN first, then AWS_ENDPOINT_URL, then the regional default', () => {
    const both = {
      AWS_ENDPOINT_URL_INSPECTOR_SCAN: 'http://scan.local:4566',
      AWS_ENDPOINT_URL: 'http://all.local:4566'
    }
    expect(resolveInspectorScanEndpoint('eu-west-1', both)).toEqual({
      url: new URL('http://scan.local:4566'),
      source: 'AWS_ENDPOINT_URL_INSPECTOR_SCAN'
    })
    expect(
      resolveInspectorScanEndpoint('eu-west-1', { AWS_ENDPOINT_URL: 'http://all.local:4566' })
    ).toEqual({ url: new URL('http://all.local:4566'), source: 'AWS_ENDPOINT_URL' })
    expect(resolveInspectorScanEndpoint('eu-west-1', {}).url.href).toBe(
      'https://inspector-scan.eu-west-1.amazonaws.com/'
    )
    expect(resolveInspectorScanEndpoint('cn-north-1', {}).url.href).toBe(
      'https://inspector-scan.cn-north-1.amazonaws.com.cn/'
    )
  })

  it('ignores the variables when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true, and an explicit endpoint wins', () => {
    const env = {
      AWS_ENDPOINT_URL: 'http://all.local',
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true'
    }
    expect(resolveInspectorScanEndpoint('us-east-1', env).source).toBe('default')
    expect(
      resolveInspectorScanEndpoint('us-east-1', { AWS_ENDPOINT_URL: 'http://all.local' }, url)
    ).toEqual({ url: new URL(url), source: 'endpoint' })
  })

  it('refuses a region that is not a region name and a variable that is not a URL, in one line', () => {
    expect(() => resolveInspectorScanEndpoint('evil.example.com/x', {})).toThrow(
      /^"evil\.example\.com\/x" is not an AWS region name \(like eu-west-1\)/
    )
    expect(() =>
      resolveInspectorScanEndpoint('eu-west-1', { AWS_ENDPOINT_URL_INSPECTOR_SCAN: 'not a url' })
    ).toThrow(/^AWS_ENDPOINT_URL_INSPECTOR_SCAN is not an http\(s\) URL \("not a url"\)/)
  })

  it('is where the client sends, from the environment it is given', async () => {
    script = [ok({ sbom: SCANNED })]
    const c = client({ env: { AWS_ENDPOINT_URL: url } }).scan
    expect(c.endpoint.source).toBe('AWS_ENDPOINT_URL')
    await scan(c)
    expect(received).toHaveLength(1)
  })
})

describe('retries', () => {
  it('retries a 429 after the Retry-After it names, then succeeds', async () => {
    script = [
      awsError(429, 'ThrottlingException', { message: 'Rate exceeded' }, { 'retry-after': '2' }),
      ok({ sbom: SCANNED })
    ]
    const { scan: c, waits } = client()

    const result = await scan(c)

    expect(result.sbom).toEqual(SCANNED)
    expect(received).toHaveLength(2)
    expect(waits).toEqual([2000])
    expect(received[1]?.headers['amz-sdk-request']).toBe('attempt=2; max=6')
    // One call, two attempts: the SDK's invocation id ties them together.
    expect(received[1]?.headers['amz-sdk-invocation-id']).toBe(
      received[0]?.headers['amz-sdk-invocation-id']
    )
  })

  it('reads a Retry-After given as a date against the injected clock', async () => {
    const now = Date.parse('2026-12-03T12:00:00Z')
    script = [
      awsError(
        429,
        'ThrottlingException',
        { message: 'Rate exceeded' },
        { 'retry-after': 'Thu, 03 Dec 2026 12:00:03 GMT' }
      ),
      ok({ sbom: SCANNED })
    ]
    const { scan: c, waits } = client({ now: () => now })
    await scan(c)
    expect(waits).toEqual([3000])
  })

  it('gives up after 6 attempts of a 500 with one line, backing off as the SDK does', async () => {
    script = [awsError(500, 'InternalServerException', { message: 'internal', reason: 'OTHER' })]
    const { scan: c, waits } = client()

    const error = await failure(scan(c))

    expect(received).toHaveLength(6)
    expect(error.message).toBe(
      'inspector-scan:ScanSbom failed while scanning the SBOM build/sbom.json: InternalServerException: internal'
    )
    expect(error.retryable).toBe(true)
    // Full jitter (0.5 here) of 50 ms doubling: the SDK's base for errors other than throttling.
    expect(waits).toEqual([25, 50, 100, 200, 400])
  })

  it('retries a refused connection as the SDK does, and says what failed in one line', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const { scan: c, waits } = client({
      env: { AWS_ENDPOINT_URL_INSPECTOR_SCAN: `http://127.0.0.1:${port}` }
    })

    const error = await failure(scan(c))

    expect(waits).toHaveLength(5)
    expect(error.message).toMatch(
      /^inspector-scan:ScanSbom failed while scanning the SBOM build\/sbom.json: .*ECONNREFUSED/
    )
  })

  it('does not retry when no credentials can be found, and says how to provide them', async () => {
    let asked = 0
    const { scan: c, waits } = client({
      credentials: async () => {
        asked++
        throw new CredentialsProviderError('Could not load credentials from any providers')
      }
    })
    const error = await failure(scan(c))
    expect(asked).toBe(1)
    expect(waits).toEqual([])
    expect(received).toHaveLength(0)
    expect(error.message).toMatch(
      /^no AWS credentials found: the AWS SDK looks for AWS_ACCESS_KEY_ID/
    )
  })

  it('stops retrying once the call is aborted during a wait, with the last AWS error', async () => {
    script = [awsError(500, 'InternalServerException', { message: 'internal', reason: 'OTHER' })]
    const abort = new AbortController()
    const waits: number[] = []
    const c = createInspectorScanClient({
      region: 'eu-west-1',
      env: { AWS_ENDPOINT_URL_INSPECTOR_SCAN: url },
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      // The deadline passes during the first wait: the wait ends early and nothing is sent again.
      delay: async (ms, wake) => {
        waits.push(ms)
        abort.abort()
        expect(wake?.aborted).toBe(true)
      }
    })
    const error = await failure(
      scanSbom(c, { file: 'build/sbom.json', sbom: SBOM, abortSignal: abort.signal })
    )
    expect(received).toHaveLength(1)
    expect(waits).toHaveLength(1)
    expect(error.message).toBe(
      'inspector-scan:ScanSbom failed while scanning the SBOM build/sbom.json: InternalServerException: internal'
    )
  })

  it('says AWS kept throttling after 6 throttled attempts', async () => {
    script = [awsError(429, 'ThrottlingException', { message: 'Rate exceeded' })]
    const { scan: c, waits } = client()
    const error = await failure(scan(c))
    expect(received).toHaveLength(6)
    expect(error.message).toMatch(
      /^AWS kept throttling inspector-scan:ScanSbom while scanning the SBOM build\/sbom.json, even after retries/
    )
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000])
  })
})

describe('errors', () => {
  it('names inspector-scan:ScanSbom when access is denied (error code from the header, suffix dropped)', async () => {
    script = [
      awsError(
        403,
        'AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/',
        { message: 'User: arn:aws:sts::123456789012:assumed-role/ci is not authorized' }
      )
    ]
    const error = await failure(scan(client().scan))
    expect(received).toHaveLength(1)
    expect(error.message).toMatch(
      /^permission denied while scanning the SBOM build\/sbom.json: the role needs inspector-scan:ScanSbom \(/
    )
    expect(error.message).toContain('AWS said: User: arn:aws:sts::123456789012:assumed-role/ci')
  })

  it('finds the error code in the body when the header is missing', async () => {
    script = [
      {
        status: 403,
        body: JSON.stringify({ __type: 'AccessDeniedException', message: 'denied' })
      }
    ]
    const error = await failure(scan(client().scan))
    expect(error.code).toBe('AccessDeniedException')
  })

  it.each([
    [
      'UNSUPPORTED_SBOM_TYPE',
      'Inspector does not accept this SBOM type (it takes CycloneDX 1.5 JSON)'
    ],
    ['CANNOT_PARSE', 'Inspector could not parse the SBOM']
  ])('puts a ValidationException %s into words, without retrying', async (reason, words) => {
    script = [awsError(400, 'ValidationException', { message: 'Bad SBOM', reason })]
    const error = await failure(scan(client().scan))
    expect(received).toHaveLength(1)
    expect(error.message).toMatch(
      /^inspector-scan:ScanSbom refused the request while scanning the SBOM build\/sbom.json: /
    )
    expect(error.message).toContain(words)
    expect(error.message).toMatch(/ — AWS said: Bad SBOM$/)
    expect(error.retryable).toBe(false)
  })

  it('names the fields of FIELD_VALIDATION_FAILED', async () => {
    script = [
      awsError(400, 'ValidationException', {
        message: 'Invalid',
        reason: 'FIELD_VALIDATION_FAILED',
        fields: [{ name: 'outputFormat', message: 'must be one of CYCLONE_DX_1_5\nsecond line' }]
      })
    ]
    const error = await failure(scan(client().scan))
    expect(error.message).toContain(
      'Inspector rejected fields of the SBOM (outputFormat: must be one of CYCLONE_DX_1_5)'
    )
  })

  it('says a 200 that is not JSON is not AWS’s answer, naming the operation', async () => {
    script = [{ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>hi</html>' }]
    const error = await failure(scan(client().scan))
    expect(received).toHaveLength(1)
    expect(error.message).toMatch(
      /^ScanSbom answered with a response that is not AWS's \(HTTP 200, not JSON\) while scanning the SBOM build\/sbom.json: check AWS_ENDPOINT_URL/
    )
    expect(error.retryable).toBe(false)
  })

  it(`stops after ${UNPARSEABLE_TRIES} non-JSON 502s rather than waiting them out`, async () => {
    script = [
      { status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad Gateway</h1>' }
    ]
    const error = await failure(scan(client().scan))
    expect(received).toHaveLength(UNPARSEABLE_TRIES)
    expect(error.message).toMatch(
      /^ScanSbom answered with a response that is not AWS's \(HTTP 502, not JSON, 3 times\)/
    )
  })

  it('says a JSON answer without an SBOM is not one AWS documents', async () => {
    script = [ok({ findings: [] })]
    const error = await failure(scan(client().scan))
    expect(error.message).toMatch(
      /^ScanSbom returned the scan of build\/sbom.json with sbom missing; this is not an answer AWS documents/
    )
  })

  it('says an SBOM member that is not a document is not one AWS documents', async () => {
    script = [ok({ sbom: 'none' })]
    const error = await failure(scan(client().scan))
    expect(error.message).toContain('with sbom of type string, not an object')
  })
})
