/**
 * A local AWS endpoint for ECR, Inspector2 and STS that the real SDK v3 clients talk to, either
 * via `endpoint: fake.url` or `AWS_ENDPOINT_URL=fake.url`. Requests are routed by the SigV4
 * signing service (all three clients share one URL), answered in each service's own protocol,
 * and recorded in `calls`. Signatures are not verified.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildCatalog } from './catalog.js'
import { ECR_TARGET_PREFIX, handleEcr } from './ecr-api.js'
import { createFaultInjector } from './faults.js'
import { handleInspector, inspectorOperationFor } from './inspector-api.js'
import type { Scenario } from './scenario.js'
import type { FakeState } from './state.js'
import { handleSts } from './sts-api.js'
import { createTimelineClock } from './timeline.js'
import {
  AWS_JSON_11,
  FakeAwsError,
  parseFormBody,
  parseJsonBody,
  sendAwsJsonError,
  sendJson,
  sendQueryError,
  sendQueryXml,
  sendRestJsonError,
  signingServiceOf
} from './wire.js'
import type { ServiceName } from './wire.js'

export interface FakeAwsOptions {
  /** Default 0 (any free port). */
  port?: number
  /** One line per request, e.g. `console.log` or a test collector. */
  log?: (line: string) => void
  /** Real-time source in epoch ms (default Date.now); inject one to drive the timeline by hand. */
  now?: () => number
}

export interface RecordedCall {
  /** `unknown` for requests without a usable SigV4 signature. */
  service: ServiceName | 'unknown'
  operation: string
  /** Real milliseconds since start (or the last resetTimeline). */
  atMs: number
  /** Scenario seconds at the time of the call (atMs / 1000 × timeScale). */
  atScenarioSeconds: number
  status: number
  /** The error code sent back, if any. */
  errorCode?: string
  /** Parsed request: the JSON body, or the form fields for STS. */
  input: unknown
}

export interface FakeAws {
  url: string
  port: number
  scenario: Scenario
  calls: RecordedCall[]
  /** Scenario seconds since start (or the last resetTimeline). */
  scenarioSeconds(): number
  callsTo(operation: string): RecordedCall[]
  /** Back to scenario second 0: clears calls, re-arms faults, forgets StartImageScan calls. */
  resetTimeline(): void
  close(): Promise<void>
}

const KNOWN_SERVICES: readonly string[] = ['ecr', 'inspector2', 'sts']

export async function startFakeAws(
  scenario: Scenario,
  options: FakeAwsOptions = {}
): Promise<FakeAws> {
  const clock = createTimelineClock(scenario.timeScale ?? 1, options.now)
  const state: FakeState = {
    scenario,
    catalog: buildCatalog(scenario),
    clock,
    manualScans: new Map()
  }
  const faults = createFaultInjector(scenario.faults ?? [])
  const calls: RecordedCall[] = []
  const log = options.log ?? (() => undefined)

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`fake-aws: unhandled ${String(error)}`)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const signed = signingServiceOf(req.headers.authorization)
    const service =
      signed !== undefined && KNOWN_SERVICES.includes(signed) ? (signed as ServiceName) : undefined
    const call: RecordedCall = {
      service: service ?? 'unknown',
      operation: 'Unknown',
      atMs: clock.elapsedMs(),
      atScenarioSeconds: clock.scenarioSeconds(),
      status: 0,
      input: undefined
    }
    calls.push(call)
    const finish = (status: number, errorCode?: string) => {
      call.status = status
      if (errorCode !== undefined) call.errorCode = errorCode
      log(
        `fake-aws ${call.atScenarioSeconds.toFixed(2)}s ${call.service}:${call.operation} → ${status}` +
          (errorCode === undefined ? '' : ` ${errorCode}`)
      )
    }

    if (service === undefined) {
      // No service we know how to speak: answer in plain JSON.
      const message = `fake-aws: no usable SigV4 signing service (got ${signed ?? 'none'})`
      sendJson(
        res,
        403,
        'application/json',
        { message },
        { 'x-amzn-errortype': 'IncompleteSignatureException' }
      )
      finish(403, 'IncompleteSignatureException')
      return
    }

    try {
      const { operation, input } = parseRequest(service, req, body)
      call.operation = operation
      call.input = input
      if (scenario.slowMs !== undefined) await sleep(scenario.slowMs)
      const fault = faults.next(service, operation)
      if (fault !== undefined) {
        if (fault.delayMs > 0) await sleep(fault.delayMs)
        throw fault.error
      }
      const status = respond(service, operation, input, res)
      finish(status)
    } catch (error) {
      const awsError =
        error instanceof FakeAwsError
          ? error
          : new FakeAwsError(
              'InternalFailure',
              500,
              `fake-aws bug: ${error instanceof Error ? error.stack : String(error)}`
            )
      if (!(error instanceof FakeAwsError)) log(awsError.message)
      sendError(service, res, awsError)
      finish(awsError.status, awsError.code)
    }
  }

  function respond(
    service: ServiceName,
    operation: string,
    input: Record<string, unknown>,
    res: ServerResponse
  ): number {
    switch (service) {
      case 'ecr':
        sendJson(res, 200, AWS_JSON_11, handleEcr(state, operation, input))
        return 200
      case 'inspector2':
        sendJson(res, 200, 'application/json', handleInspector(state, operation, input))
        return 200
      case 'sts':
        sendQueryXml(res, operation, handleSts(state, operation))
        return 200
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  log(`fake-aws: scenario '${scenario.name}' listening on ${url}`)

  return {
    url,
    port,
    scenario,
    calls,
    scenarioSeconds: () => clock.scenarioSeconds(),
    callsTo: (operation) => calls.filter((call) => call.operation === operation),
    resetTimeline() {
      clock.reset()
      faults.reset()
      state.manualScans.clear()
      calls.length = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // The SDK keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections()
      })
  }
}

function parseRequest(
  service: ServiceName,
  req: IncomingMessage,
  body: string
): { operation: string; input: Record<string, unknown> } {
  switch (service) {
    case 'ecr': {
      const target = String(req.headers['x-amz-target'] ?? '')
      if (!target.startsWith(ECR_TARGET_PREFIX)) {
        throw new FakeAwsError('UnknownOperationException', 400, `Unknown X-Amz-Target '${target}'`)
      }
      return { operation: target.slice(ECR_TARGET_PREFIX.length), input: parseJsonBody(body) }
    }
    case 'inspector2': {
      const path = new URL(req.url ?? '/', 'http://fake').pathname
      const operation = inspectorOperationFor(req.method ?? 'GET', path)
      if (operation === undefined) {
        throw new FakeAwsError(
          'UnknownOperationException',
          404,
          `fake-aws: no Inspector2 route ${req.method} ${path}`
        )
      }
      return { operation, input: parseJsonBody(body) }
    }
    case 'sts': {
      const { Action, ...input } = parseFormBody(body)
      return { operation: Action ?? 'Unknown', input }
    }
  }
}

function sendError(service: ServiceName, res: ServerResponse, error: FakeAwsError): void {
  switch (service) {
    case 'ecr':
      return sendAwsJsonError(res, error)
    case 'inspector2':
      return sendRestJsonError(res, error)
    case 'sts':
      return sendQueryError(res, error)
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
