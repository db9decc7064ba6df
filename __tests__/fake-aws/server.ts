/**
 * A local AWS endpoint for ECR, Inspector2, Inspector Scan, STS, Lambda, Security Hub, CloudWatch
 * Logs and CloudFormation that the real SDK v3 clients talk to, either via `endpoint: fake.url` or `AWS_ENDPOINT_URL=fake.url`. Requests are
 * routed by the SigV4 signing service (all clients share one URL), answered in each service's
 * own protocol, and recorded in `calls`; calls of mutating operations are also recorded in
 * `writes`, each marked changed / unchanged / throttled / rejected. Signatures are not verified.
 */
import { appendFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ListCoverageResponse, Status as InspectorStatus } from '@aws-sdk/client-inspector2'
import type { InspectorEnableRecord } from './accounts.js'
import { ECR_TARGET_PREFIX, handleEcr } from './ecr-api.js'
import { createFaultInjector, flapCoverage } from './faults.js'
import type { FaultPlan } from './faults.js'
import { handleInspector, inspectorOperationFor } from './inspector-api.js'
import {
  handleInspectorScan,
  inspectorScanOperationFor,
  parseScanSbomBody
} from './inspector-scan-api.js'
import { handleLambda, lambdaOperationFor } from './lambda-api.js'
import { handleLogs, LOGS_TARGET_PREFIX } from './logs-api.js'
import type { InspectorConfigurationSnapshot } from './inspector-configuration.js'
import { inspectorConfigurationSnapshot } from './inspector-configuration.js'
import { withPageOverlap } from './paging.js'
import type { ChaosKind, InspectorResourceKind, Scenario } from './scenario.js'
import { handleSecurityHub, securityHubOperationFor } from './securityhub-api.js'
import type { SecurityHubContext } from './securityhub-findings-api.js'
import {
  accountSnapshot,
  insightsSnapshot,
  inspectorStatusSnapshot,
  isWriteOperation,
  organizationSnapshot,
  securityHubSnapshot,
  standardsSnapshot,
  writeFingerprint
} from './snapshots.js'
import type {
  AccountSnapshot,
  InsightSnapshot,
  OrganizationSnapshot,
  SecurityHubSnapshot,
  StandardsSubscriptionSnapshot,
  WriteRecord
} from './snapshots.js'
import { createFakeState, resetFakeState } from './state.js'
import type { FakeState } from './state.js'
import { handleSts } from './sts-api.js'
import { CLOUDFORMATION_XML_NAMESPACE, handleCloudFormation } from './cloudformation-api.js'
import { createTimelineClock } from './timeline.js'
import { modelViolations } from './model-check.js'
import { accessKeyOf, callerAccount } from './organization.js'
import {
  AWS_JSON_11,
  FakeAwsError,
  parseFormBody,
  parseJsonBody,
  sendAwsJsonError,
  sendJson,
  sendQueryError,
  sendQueryAnswer,
  sendQueryXml,
  toQueryWire,
  sendRestJsonError,
  signingRegionOf,
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
  /**
   * How the server waits for `slowMs`, fault `delayMs` and chaos `slow` (default a real sleep).
   * Inject one to let such delays pass on the same clock as `now`.
   */
  delay?: (ms: number) => Promise<void>
  /**
   * Hold scenario time at second 0 until the process under test is ready: its first request
   * (`'first-request'`), or its first call of the named operation (e.g. `'ListCoverage'`, when it
   * starts waiting for a scan). See TimelineOptions. Default: time runs from start.
   */
  holdTimelineUntil?: 'first-request' | string
  /**
   * Pace the story by the requests of the process under test (see
   * TimelineOptions.maxSecondsPerRequest): each request of `operations` (default: every request)
   * sees scenario time at most `maxSecondsPerRequest` past the previous one's; other requests see
   * the time the last paced one saw. A story whose steps are closer together than a busy machine's
   * pauses is then met step by step whatever the machine's speed. Default: the real clock alone.
   */
  pace?: { maxSecondsPerRequest: number; operations?: readonly string[] }
  /**
   * Send the `Date` header from `now` (plus the scenario's clockSkewMs), as the in-process suites
   * on virtual time need. Off by default when `now` is injected: a hand-driven `now` far from the
   * real time would make the SDK correct its signing clock and retry 4xx answers.
   */
  dateFromClock?: boolean
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
  /** The error code sent back, if any (`ConnectionDropped` when chaos dropped the connection). */
  errorCode?: string
  /** The chaos fault that hit this call, if any (ChaosSpec). */
  chaos?: ChaosKind
  /** The answer was changed by one of the scenario's answerEdits (deliberately unlike AWS's). */
  edited?: boolean
  /**
   * Parsed request: the JSON body, or the form fields for STS; for REST operations also the
   * path and query members (e.g. Lambda's FunctionName/Qualifier, Security Hub's MaxResults).
   */
  input: unknown
}

export type {
  AccountSnapshot,
  InsightSnapshot,
  InspectorConfigurationSnapshot,
  SecurityHubSnapshot,
  StandardsSubscriptionSnapshot,
  WriteRecord
}

export interface FakeAws {
  url: string
  port: number
  scenario: Scenario
  calls: RecordedCall[]
  /** Scenario seconds since start (or the last resetTimeline). */
  scenarioSeconds(): number
  callsTo(operation: string): RecordedCall[]
  /**
   * How many calls were answered 429 (rate limits such as GetFindings' 3/s burst 6, and injected
   * 429 faults), optionally only those of `operation`. The calls themselves are in `calls`.
   */
  throttled(operation?: string): number
  /** Every Inspector Enable call, in order, with the resource types it asked for and its outcome. */
  inspectorEnables: InspectorEnableRecord[]
  /** Inspector activation per resource type now (reading it does not use up status polls). */
  inspectorStatus(): Record<InspectorResourceKind, InspectorStatus>
  securityHub(): SecurityHubSnapshot
  /**
   * Every call of a mutating operation (Inspector Enable / UpdateConfiguration; Security Hub
   * Enable/DisableSecurityHub, Enable/DisableImportFindingsForProduct, BatchEnableStandards,
   * Create/Update/DeleteInsight), in order, with its outcome. A rerun that changes nothing
   * leaves no `changed` record; one that calls nothing leaves no record at all.
   */
  writes: WriteRecord[]
  writesTo(operation: string): WriteRecord[]
  /**
   * The organization as `region` (default the scenario's) holds it now (issue 18): auto-enable,
   * each member's Inspector activation and Security Hub membership, the finding aggregator.
   */
  organization(region?: string): OrganizationSnapshot | undefined
  /** Security Hub standards subscriptions now (reading does not use up GetEnabledStandards polls). */
  standards(): StandardsSubscriptionSnapshot[]
  /** Custom insights now, in creation order. */
  insights(): InsightSnapshot[]
  /** Inspector's GetConfiguration now (updatedAt as a scenario second). */
  inspectorConfiguration(): InspectorConfigurationSnapshot
  /** All of the above plus `inspectorStatus()` and `securityHub()`, for before/after comparisons. */
  snapshot(): AccountSnapshot
  /**
   * Back to scenario second 0 (held there again, with `holdTimelineUntil`):
   * clears calls, writes and Enable records, re-arms faults, forgets StartImageScan calls, and
   * restores the scenario's Inspector and Security Hub state.
   */
  resetTimeline(): void
  /**
   * What the model check saw (see model-check.ts): requests and answers checked, requests outside
   * the model that the fake refused as AWS would, and every way a request it accepted or an answer
   * it gave differed from AWS's model. `close()` fails while `violations` is not empty.
   */
  conformance(): { requests: number; responses: number; refused: number; violations: string[] }
  close(): Promise<void>
}

const KNOWN_SERVICES: readonly string[] = [
  'ecr',
  'inspector2',
  'inspector-scan',
  'sts',
  'lambda',
  'securityhub',
  'logs',
  'cloudformation'
]

export async function startFakeAws(
  scenario: Scenario,
  options: FakeAwsOptions = {}
): Promise<FakeAws> {
  const holdUntil = options.holdTimelineUntil
  // AWS's clock: the process's clock, shifted by the scenario's skew (its reported dates and the
  // Date header follow it; scenario seconds are differences and do not).
  const localNow = options.now ?? Date.now
  const skew = scenario.clockSkewMs ?? 0
  const awsNow = () => localNow() + skew
  const clock = createTimelineClock(scenario.timeScale ?? 1, awsNow, {
    held: holdUntil !== undefined,
    ...(options.pace && { maxSecondsPerRequest: options.pace.maxSecondsPerRequest })
  })
  const state = createFakeState(scenario, clock)
  const faults = createFaultInjector(scenario.faults ?? [], scenario.chaos)
  const delay = options.delay ?? ((ms: number) => sleep(ms))
  // otherRegions 'empty': the account as another region holds it, made on first use.
  const otherRegions = new Map<string, FakeState>()
  const stateFor = (service: ServiceName, region: string | undefined): FakeState => {
    // An organization's Regions each hold their own member state, as 'empty' Regions do.
    const perRegion = scenario.otherRegions === 'empty' || scenario.organization !== undefined
    if (!perRegion || service === 'sts') return state
    if (region === undefined || region === state.catalog.region) return state
    let regional = otherRegions.get(region)
    if (regional === undefined) {
      regional = createFakeState(emptyRegion(state, region), clock, state.organizationShared)
      otherRegions.set(region, regional)
    }
    return regional
  }
  const calls: RecordedCall[] = []
  const writes: WriteRecord[] = []
  /** Query answers as sent (XML on the wire), held for the model check by call. */
  const queryAnswers = new WeakMap<RecordedCall, unknown>()
  const conformance = { requests: 0, responses: 0, refused: 0, violations: new Set<string>() }
  /**
   * Requests and successful answers against the operation's model. An answer an edit changed on
   * purpose (answerEdits) or a chaos fault shaped is not the fake's own, and is not held to it.
   */
  const checkAgainstModel = (
    service: ServiceName,
    call: RecordedCall,
    input: Record<string, unknown>,
    sentBody: string
  ): void => {
    const query = service === 'sts' || service === 'cloudformation'
    const request = query ? withoutKeys(input, ['Version']) : input
    conformance.requests += 1
    const requestProblems = modelViolations(service, call.operation, 'request', request)
    // The fake must be at least as strict as AWS: a request outside the model that it accepted is
    // a violation; one it refused with a 4xx, as AWS would, is the fake doing its job (the
    // fake's own tests send such requests on purpose).
    if (requestProblems.length > 0 && call.status >= 400 && call.status < 500) {
      conformance.refused += 1
    } else {
      for (const line of requestProblems) conformance.violations.add(`${service} ${line}`)
    }
    if (service === 'sts' || call.status !== 200 || call.edited || call.chaos !== undefined) return
    if (scenario.beyondModel !== undefined) return
    conformance.responses += 1
    const answer =
      service === 'cloudformation'
        ? queryAnswers.get(call)
        : sentBody === ''
          ? {}
          : (JSON.parse(sentBody) as unknown)
    for (const line of modelViolations(service, call.operation, 'response', answer)) {
      conformance.violations.add(`${service} ${line}`)
    }
  }
  const log = options.log ?? (() => undefined)

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`fake-aws: unhandled ${String(error)}`)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (holdUntil === 'first-request') clock.release()
    const body = await readBody(req)
    // Every AWS answer carries a Date header, AWS's time to the second; Node's own would be the
    // real time, not the injected clock's, nor skewed.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
    res.writeHead = ((...args: unknown[]) => {
      const at =
        options.now === undefined || options.dateFromClock === true ? awsNow() : Date.now() + skew
      res.setHeader('date', new Date(at).toUTCString())
      return writeHead(...args)
    }) as typeof res.writeHead
    let sentBody = ''
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
    res.end = ((...args: unknown[]) => {
      const [chunk] = args
      if (typeof chunk === 'string') sentBody += chunk
      else if (Buffer.isBuffer(chunk)) sentBody += chunk.toString('utf8')
      return end(...args)
    }) as typeof res.end
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

    let before: string | undefined
    let target = state
    const recordWrite = () => {
      if (call.service === 'unknown' || !isWriteOperation(call.service, call.operation)) return
      const record: WriteRecord = {
        service: call.service,
        operation: call.operation,
        atScenarioSeconds: call.atScenarioSeconds,
        input: call.input,
        outcome:
          call.status === 429
            ? 'throttled'
            : call.status >= 400 || before === undefined
              ? 'rejected'
              : writeFingerprint(target) === before
                ? 'unchanged'
                : 'changed',
        status: call.status
      }
      if (call.errorCode !== undefined) record.errorCode = call.errorCode
      writes.push(record)
    }

    try {
      const { operation, input } = parseRequest(service, req, body)
      call.operation = operation
      call.input = input
      if (holdUntil === operation) clock.release()
      // The request's moment in the story: before the operation is known, a held timeline cannot
      // tell whether this request releases it.
      const pacedOperations = options.pace?.operations
      if (pacedOperations === undefined || pacedOperations.includes(operation)) {
        clock.observeRequest()
      }
      call.atScenarioSeconds = clock.scenarioSeconds()
      if (scenario.slowMs !== undefined) await delay(scenario.slowMs)
      const signingRegion = signingRegionOf(req.headers.authorization)
      const caller = callerAccount(scenario, accessKeyOf(req.headers.authorization))
      target = stateFor(service, signingRegion)
      const plan = faults.next({
        service,
        operation,
        input,
        nowSeconds: clock.scenarioSeconds()
      })
      if (plan?.chaos !== undefined) call.chaos = plan.chaos
      if (plan?.kind === 'error') {
        if (plan.delayMs > 0) await delay(plan.delayMs)
        throw plan.error
      }
      if (plan?.kind === 'stall') {
        // No answer ever: the call is recorded once the client gives up and closes the socket.
        await new Promise<void>((resolve) => req.socket.once('close', () => resolve()))
        finish(0, 'NeverAnswered')
        return
      }
      if (plan?.kind === 'drop') {
        // No answer at all: the client sees the connection reset.
        req.socket.destroy()
        finish(0, 'ConnectionDropped')
        return
      }
      if (plan?.kind === 'slow') await delay(plan.delayMs)
      if (isWriteOperation(service, operation)) before = writeFingerprint(target)
      const status = respond(
        target,
        service,
        operation,
        input,
        res,
        { signingRegion, caller },
        plan,
        call
      )
      finish(status)
      checkAgainstModel(service, call, input, sentBody)
      recordWrite()
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
      const token = req.headers['x-amz-security-token']
      const sent =
        scenario.echoSecurityToken === true && typeof token === 'string'
          ? new FakeAwsError(
              awsError.code,
              awsError.status,
              `${awsError.message} (request token ${token})`,
              awsError.headers,
              awsError.fields
            )
          : awsError
      sendError(service, res, sent)
      finish(awsError.status, awsError.code)
      // A request AWS would refuse is still a request the code sent: it is held to the model too.
      if (call.operation !== 'Unknown' && call.input !== undefined) {
        checkAgainstModel(service, call, call.input as Record<string, unknown>, '')
      }
      recordWrite()
    }
  }

  /** The scenario's answerEdits of this operation, applied in order (see Scenario.answerEdits). */
  function edited(call: RecordedCall, input: Record<string, unknown>, answer: unknown): unknown {
    const edits = (scenario.answerEdits ?? []).filter((e) => e.operation === call.operation)
    if (edits.length === 0) return answer
    call.edited = true
    return edits.reduce(
      (out, e) => e.edit(copyAnswer(out) as Record<string, unknown>, input),
      answer
    )
  }

  function respond(
    state: FakeState,
    service: ServiceName,
    operation: string,
    input: Record<string, unknown>,
    res: ServerResponse,
    context: SecurityHubContext,
    plan: FaultPlan | undefined,
    call: RecordedCall
  ): number {
    if (plan?.kind === 'page-overlap') {
      return withPageOverlap(plan.items, () =>
        respond(state, service, operation, input, res, context, undefined, call)
      )
    }
    const ownTokens = (scenario.answerEdits ?? []).some(
      (e) => e.operation === operation && e.ownsPageTokens === true
    )
    // The handler answers a first page; the edit still sees the token that was sent.
    const asked = ownTokens ? withoutKeys(input, ['nextToken', 'NextToken', 'Marker']) : input
    switch (service) {
      case 'ecr':
        sendJson(
          res,
          200,
          AWS_JSON_11,
          edited(call, input, handleEcr(state, operation, asked, context.caller))
        )
        return 200
      case 'inspector2': {
        const answer = edited(call, input, handleInspector(state, operation, asked, context.caller))
        sendJson(
          res,
          200,
          'application/json',
          plan?.kind === 'coverage-flap'
            ? flapCoverage(
                answer as ListCoverageResponse,
                plan.mode,
                state.clock.dateAt(state.clock.scenarioSeconds())
              )
            : answer
        )
        return 200
      }
      case 'logs':
        sendJson(res, 200, AWS_JSON_11, edited(call, input, handleLogs(state, operation, asked)))
        return 200
      case 'inspector-scan': {
        const now = state.clock.dateAt(state.clock.scenarioSeconds())
        const answer = handleInspectorScan(operation, input, { now })
        sendJson(res, 200, 'application/json', edited(call, input, answer))
        return 200
      }
      case 'sts':
        sendQueryXml(res, operation, handleSts(state, operation, context.caller))
        return 200
      case 'cloudformation': {
        const answer = edited(
          call,
          input,
          handleCloudFormation(
            scenario.stacks ?? [],
            {
              region: context.signingRegion ?? state.catalog.region,
              account: state.catalog.account,
              createdAt: state.clock.dateAt(0)
            },
            operation,
            input
          )
        ) as Record<string, unknown>
        queryAnswers.set(call, toQueryWire(answer))
        sendQueryAnswer(res, operation, CLOUDFORMATION_XML_NAMESPACE, answer)
        return 200
      }
      case 'lambda':
        sendJson(
          res,
          200,
          'application/json',
          edited(call, input, handleLambda(state, operation, asked))
        )
        return 200
      case 'securityhub':
        sendJson(
          res,
          200,
          'application/json',
          edited(call, input, handleSecurityHub(state, operation, asked, context))
        )
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
    throttled: (operation) =>
      calls.filter(
        (call) => call.status === 429 && (operation === undefined || call.operation === operation)
      ).length,
    inspectorEnables: state.inspectorEnables,
    inspectorStatus: () => inspectorStatusSnapshot(state),
    securityHub: () => securityHubSnapshot(state),
    writes,
    writesTo: (operation) => writes.filter((write) => write.operation === operation),
    organization: (region) =>
      organizationSnapshot(stateFor('inspector2', region ?? state.catalog.region)),
    standards: () => standardsSnapshot(state),
    insights: () => insightsSnapshot(state),
    inspectorConfiguration: () => inspectorConfigurationSnapshot(state),
    snapshot: () => accountSnapshot(state),
    resetTimeline() {
      clock.reset()
      faults.reset()
      resetFakeState(state)
      otherRegions.clear()
      calls.length = 0
      writes.length = 0
    },
    conformance: () => ({
      requests: conformance.requests,
      responses: conformance.responses,
      refused: conformance.refused,
      violations: [...conformance.violations]
    }),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // The SDK keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections()
      })
      recordConformanceCount(conformance.requests, conformance.responses)
      if (conformance.violations.size > 0) {
        throw new Error(
          `fake-aws answered or was asked something AWS's model does not allow (scenario '${scenario.name}'):\n` +
            [...conformance.violations].slice(0, 20).join('\n')
        )
      }
    }
  }
}

/**
 * With INSPECTOR_GATE_CONFORMANCE_COUNT=<file>, each closed endpoint appends how many requests and
 * answers it checked, so a suite run can say how much the model check covered.
 */
function recordConformanceCount(requests: number, responses: number): void {
  const file = process.env['INSPECTOR_GATE_CONFORMANCE_COUNT']
  if (file) appendFileSync(file, `${requests} ${responses}\n`)
}

function withoutKeys(input: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !keys.includes(key)))
}

/** The same account in a region where nothing was ever set up (otherRegions: 'empty'). */
function emptyRegion(home: FakeState, region: string): Scenario {
  const disabled = 'DISABLED' as const
  const scenario: Scenario = {
    name: `${home.scenario.name} (${region}, empty)`,
    account: home.catalog.account,
    region,
    registryScanType: 'BASIC',
    inspectorStatus: {
      ec2: disabled,
      ecr: disabled,
      lambda: disabled,
      lambdaCode: disabled,
      codeRepository: disabled
    },
    securityHub: { enabled: false, inspectorImport: false },
    repositories: []
  }
  if (home.scenario.organization !== undefined) scenario.organization = home.scenario.organization
  if (home.scenario.timeScale !== undefined) scenario.timeScale = home.scenario.timeScale
  return scenario
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
    case 'logs': {
      const target = String(req.headers['x-amz-target'] ?? '')
      if (!target.startsWith(LOGS_TARGET_PREFIX)) {
        throw new FakeAwsError('UnknownOperationException', 400, `Unknown X-Amz-Target '${target}'`)
      }
      return { operation: target.slice(LOGS_TARGET_PREFIX.length), input: parseJsonBody(body) }
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
    case 'inspector-scan': {
      const path = new URL(req.url ?? '/', 'http://fake').pathname
      const operation = inspectorScanOperationFor(req.method ?? 'GET', path)
      if (operation === undefined) {
        throw new FakeAwsError(
          'UnknownOperationException',
          404,
          `fake-aws: no Inspector Scan route ${req.method} ${path}`
        )
      }
      return { operation, input: parseScanSbomBody(body) }
    }
    case 'sts':
    case 'cloudformation': {
      const { Action, ...input } = parseFormBody(body)
      return { operation: Action ?? 'Unknown', input }
    }
    case 'lambda':
    case 'securityhub': {
      const url = new URL(req.url ?? '/', 'http://fake')
      const method = req.method ?? 'GET'
      const route =
        service === 'lambda'
          ? lambdaOperationFor(method, url.pathname, url.searchParams)
          : securityHubOperationFor(method, url.pathname, url.searchParams)
      if (route === undefined) {
        throw new FakeAwsError(
          'UnknownOperationException',
          404,
          `fake-aws: no ${service} route ${method} ${url.pathname}`
        )
      }
      return { operation: route.operation, input: { ...parseJsonBody(body), ...route.input } }
    }
  }
}

function sendError(service: ServiceName, res: ServerResponse, error: FakeAwsError): void {
  switch (service) {
    case 'ecr':
    case 'logs':
      return sendAwsJsonError(res, error)
    case 'inspector2':
    case 'inspector-scan':
      return sendRestJsonError(res, error)
    case 'sts':
    case 'cloudformation':
      return sendQueryError(res, error)
    case 'lambda':
      return sendRestJsonError(res, error, 'lambda')
    case 'securityhub':
      return sendRestJsonError(res, error, 'securityhub')
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * A deep copy of an answer for an edit to change freely (answers can share the fake's state). Not
 * structuredClone: under Jest its Dates come from another realm, which the wire encoder would not
 * recognise as dates.
 */
export function copyAnswer<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (Array.isArray(value)) return value.map((item: unknown) => copyAnswer(item)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, copyAnswer(item as unknown)])
    ) as T
  }
  return value
}
