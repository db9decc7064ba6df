/**
 * Runs the gate in-process (`runGate`, not the bundle) against the local AWS endpoint, on virtual
 * time shared by both, with the product's SDK clients (`createAwsClients`) reaching the endpoint
 * through its test-only overrides.
 */
import { setTimeout as realSleep } from 'node:timers/promises'
import { AdaptiveRetryStrategy, DefaultRateLimiter } from '@smithy/core/retry'
import {
  createAwsClients,
  MAX_ATTEMPTS,
  type AwsClients,
  type ClientOverrides
} from '../../src/aws/clients.js'
import { buildGateConfig } from '../../src/gate/config.js'
import type { RawInputs } from '../../src/inputs/read.js'
import type { Verdict } from '../../src/domain/verdict.js'
import { runGate, type GateDeps } from '../../src/gate/run.js'
import { mulberry32 } from '../fake-aws/random.js'
import type { Scenario } from '../fake-aws/scenario.js'
import { startFakeAws, type FakeAws } from '../fake-aws/server.js'
import { TEST_CREDENTIALS } from '../fake-aws/test-support.js'
import { VirtualTime } from './virtual-time.js'
import { ALL_CLIENT_CLASSES } from '../fixtures/client-classes.js'

/**
 * The SDK's own waits (retry backoff, the adaptive rate limiter's token bucket) run on real
 * timers. They keep their product semantics — adaptive mode, MAX_ATTEMPTS attempts, the SDK's
 * classification of what is retryable, its retry quota — but their real sleeps are this many
 * times shorter, so a run under heavy throttling still takes milliseconds.
 */
export const COMPRESSION = 1000

// The typings mark the limiter's clock private; its time runs COMPRESSION times faster here, so its
// computed rates and its (compressed, see below) sleeps stay consistent with each other.
// @ts-expect-error -- overriding the private clock of DefaultRateLimiter is the point
class CompressedRateLimiter extends DefaultRateLimiter {
  override getCurrentTimeInSeconds(): number {
    return (Date.now() * COMPRESSION) / 1000
  }
}

type LimiterSleep = (resolve: () => void, delayMs: number) => unknown
const limiterStatics = DefaultRateLimiter as unknown as { setTimeoutFn: LimiterSleep }

/**
 * Shortens the rate limiter's sleeps (a static of the SDK's class, so: for this test file's module
 * registry only, until the returned function restores it).
 */
export function compressRateLimiterSleeps(): () => void {
  const original = limiterStatics.setTimeoutFn
  limiterStatics.setTimeoutFn = (resolve, delayMs) => setTimeout(resolve, delayMs / COMPRESSION)
  return () => {
    limiterStatics.setTimeoutFn = original
  }
}

/**
 * What `createAwsClients` builds by default (`retryMode: 'adaptive'`, MAX_ATTEMPTS), with the two
 * waits compressed: the backoff uses the SDK's formula (full jitter over base × 2^retries, capped
 * at 20 s; the SDK picks the base, 1 s for throttling) on a seeded random source, sleeps
 * 1/COMPRESSION of it for real and lets the full backoff pass on virtual time, so the scenario
 * moves on while a call is retried, as it would. A `Retry-After` is honoured as sent (the fake
 * sends small ones).
 */
export function compressedRetryStrategy(
  time: VirtualTime,
  random: () => number
): NonNullable<ClientOverrides['retryStrategy']> {
  let base = 50
  const backoff = {
    setDelayBase(delayMs: number) {
      base = delayMs
    },
    computeNextBackoffDelay(retries: number) {
      const full = Math.floor(random() * Math.min(base * 2 ** retries, 20_000))
      time.advance(full)
      return full / COMPRESSION
    }
  }
  return new AdaptiveRetryStrategy(MAX_ATTEMPTS, {
    maxAttempts: MAX_ATTEMPTS,
    backoff,
    rateLimiter: new CompressedRateLimiter()
  })
}

interface Destroyable {
  destroy(): void
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string; priority: 'high' }
    ): void
  }
}

/** The product's clients, each call of which `time` tracks; `destroy` closes their sockets. */
function trackedClients(
  clients: AwsClients,
  time: VirtualTime
): { clients: AwsClients; destroy(): void } {
  const made = new Set<Destroyable>()
  const track = <T>(client: T): T => {
    const host = client as unknown as Destroyable
    if (!made.has(host)) {
      made.add(host)
      host.middlewareStack.add((next) => (args) => time.track(() => next(args)), {
        step: 'initialize',
        name: 'reliabilityVirtualTime',
        priority: 'high'
      })
    }
    return client
  }
  return {
    clients: {
      ecr: (region) => track(clients.ecr(region)),
      inspector: (region) => track(clients.inspector(region)),
      lambda: (region) => track(clients.lambda(region)),
      securityHub: (region) => track(clients.securityHub(region)),
      sts: () => track(clients.sts()),
      cloudformation: (region) => track(clients.cloudformation(region)),
      logs: (region) => track(clients.logs(region)),
      sns: (region) => track(clients.sns(region)),
      s3: (region) => track(clients.s3(region)),
      inspectorScan: (region) => clients.inspectorScan(region),
      load: (service) => clients.load(service),
      awsTime: clients.awsTime
    },
    destroy: () => {
      for (const client of made) client.destroy()
    }
  }
}

export interface GateRun {
  verdict: Verdict
  /** The endpoint's record of the run (closed by then; `calls` stays readable). */
  fake: FakeAws
  /** The gate's log, `info:` / `warning:` / `debug:` prefixed. */
  log: string[]
  /** Virtual milliseconds the gate took. */
  virtualMs: number
}

export interface GateRunOptions {
  /** Seeds the SDK backoff jitter and the gate's poll jitter. */
  seed: number
  /** The gate's environment (AWS_REGION us-east-1 unless given). */
  env?: Record<string, string>
}

/** One gate from start to verdict against a fresh endpoint for `scenario`, closed afterwards. */
export async function runGateInProcess(
  scenario: Scenario,
  inputs: RawInputs,
  options: GateRunOptions
): Promise<GateRun> {
  // Virtual time starts at the real time: the endpoint's Date headers follow virtual time, and
  // the SDK re-signs (and retries) a call whose answer's Date is 5 min or more off its real clock.
  const time = new VirtualTime(Date.now())
  const fake = await startFakeAws(scenario, {
    now: () => time.now(),
    dateFromClock: true,
    // A slow answer takes its time on the scenario clock, and a sliver of real time so that
    // concurrent calls can overtake it.
    delay: async (ms) => {
      time.advance(ms)
      await realSleep(ms / COMPRESSION)
    }
  })
  const backoffRandom = mulberry32(options.seed ^ 0x5bd1e995)
  const pollRandom = mulberry32(options.seed ^ 0x27d4eb2f)
  const { clients, destroy } = trackedClients(
    createAwsClients({
      classes: ALL_CLIENT_CLASSES,
      clock: time,
      overrides: () => ({
        endpoint: fake.url,
        region: 'us-east-1',
        credentials: TEST_CREDENTIALS,
        retryStrategy: compressedRetryStrategy(time, backoffRandom)
      })
    }),
    time
  )
  const log: string[] = []
  const logger = {
    info: (line: string) => log.push(`info: ${line}`),
    warning: (line: string) => log.push(`warning: ${line}`),
    debug: (line: string) => log.push(`debug: ${line}`)
  }
  // runGate hands its deps on to the scanners, whose poll jitter reads `random` (ScanDeps); a
  // seeded one makes the whole run repeatable.
  const deps: GateDeps & { random: () => number } = {
    clients,
    clock: time,
    log: logger,
    random: pollRandom
  }
  const started = time.now()
  try {
    const config = buildGateConfig(
      inputs,
      (path) => {
        throw new Error(`no files here (${path})`)
      },
      { AWS_REGION: 'us-east-1', ...options.env }
    )
    const verdict = await runGate(config, deps)
    return { verdict, fake, log, virtualMs: time.now() - started }
  } finally {
    destroy()
    await fake.close()
  }
}
