import { afterEach, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { Scenario } from '../fake-aws/scenario.js'
import { startFakeAws, type FakeAws, type FakeAwsOptions } from '../fake-aws/server.js'
import {
  scenarioImages,
  scenarios,
  withTimeScale,
  type ScenarioName
} from '../fake-aws/scenarios.js'
import { runBundle, type BundleOptions, type BundleRun } from './runner.js'

/**
 * The committed bundle, run under Node 24 as a GitHub runner runs it, against the local AWS
 * endpoint. Scenario time runs 10× faster than real time; the action polls every 250 ms, which is
 * longer than any gap between arriving findings in the scenarios (so "two reads agree" is honest).
 * Scenario time starts at the bundle's first AWS request, not when the endpoint starts, so the
 * bundle's start-up (slow on a busy machine) never eats into a story.
 */
export const TIME_SCALE = 10
export const POLL = '250ms'

export interface GateOptions {
  env?: Record<string, string>
  /** When scenario time starts (default: the bundle's first request); see FakeAwsOptions. */
  holdTimelineUntil?: string
  /** Pace the story by the bundle's requests too (see FakeAwsOptions.pace). */
  pace?: FakeAwsOptions['pace']
  /** Scenario seconds per real second (default TIME_SCALE). */
  timeScale?: number
  faults?: Scenario['faults']
  /** Answers edited on their way out (see Scenario.answerEdits). */
  answerEdits?: Scenario['answerEdits']
  /** AWS's clock this far off the runner's (see Scenario.clockSkewMs). */
  clockSkewMs?: number
  /** Error messages repeat the request's session token (see Scenario.echoSecurityToken). */
  echoSecurityToken?: boolean
  /** The workflow event the run sees (a push by default). */
  event?: BundleOptions['event']
  /** CloudFormation stacks in the account (see Scenario.stacks). */
  stacks?: Scenario['stacks']
}

/** One fake endpoint per test, closed after it; `gate` runs the bundle against a named scenario. */
export function e2eHarness(): {
  fake(): FakeAws
  /** Starts the scenario's endpoint (closed after the test); then `run` as often as needed. */
  start(name: ScenarioName, options?: GateOptions): Promise<FakeAws>
  /** Runs the bundle against the running endpoint with exactly these inputs. */
  run(inputs: Record<string, string>, options?: GateOptions): Promise<BundleRun>
  gate(
    name: ScenarioName,
    inputs?: Record<string, string>,
    files?: Record<string, string>,
    options?: GateOptions
  ): Promise<BundleRun>
} {
  // Each case spawns the bundle and waits on a scenario timeline (Retry-After is real time).
  jest.setTimeout(60_000)
  let current: FakeAws | undefined
  // Every endpoint a test started, not only the current one: an open server keeps jest alive.
  let started: FakeAws[] = []
  afterEach(async () => {
    await Promise.all(started.map((fake) => fake.close()))
    started = []
    current = undefined
  })
  const start = async (name: ScenarioName, options: GateOptions = {}): Promise<FakeAws> => {
    const scenario = withTimeScale(scenarios[name], options.timeScale ?? TIME_SCALE)
    current = await startFakeAws(
      {
        ...scenario,
        ...(options.faults && { faults: options.faults }),
        ...(options.answerEdits && { answerEdits: options.answerEdits }),
        ...(options.clockSkewMs !== undefined && { clockSkewMs: options.clockSkewMs }),
        ...(options.echoSecurityToken && { echoSecurityToken: true }),
        ...(options.stacks && { stacks: options.stacks })
      },
      {
        holdTimelineUntil: options.holdTimelineUntil ?? 'first-request',
        ...(options.pace && { pace: options.pace })
      }
    )
    started.push(current)
    return current
  }
  const runWith = (
    fake: FakeAws,
    inputs: Record<string, string>,
    files: Record<string, string>,
    options: GateOptions
  ): Promise<BundleRun> =>
    runBundle({
      endpoint: fake.url,
      inputs,
      files,
      env: { INSPECTOR_GATE_POLL_INTERVAL: POLL, ...options.env },
      ...(options.event === undefined ? {} : { event: options.event })
    })
  return {
    fake: () => {
      if (current === undefined) throw new Error('no fake endpoint is running')
      return current
    },
    start,
    run: (inputs, options = {}) => {
      if (current === undefined) throw new Error('start a scenario first')
      return runWith(current, inputs, {}, options)
    },
    async gate(name, inputs = {}, files = {}, options = {}) {
      const fake = await start(name, options)
      const defaults = { images: scenarioImages[name].uri, timeout: '20s', settle: '5s' }
      return runWith(fake, { ...defaults, ...inputs }, files, options)
    }
  }
}

export interface FindingsFileView {
  result: string
  findings: Array<{
    vulnerabilityId: string
    severity: string
    code: { filePath: string; startLine: number | null; cwes: string[] } | null
    artifact: {
      platform: string | null
      functionName: string | null
      codeSha256: string | null
      scanType: string | null
    }
  }>
}

export function findingsFile(run: BundleRun): FindingsFileView {
  return JSON.parse(
    readFileSync(run.outputs['findings-file'] as string, 'utf8')
  ) as FindingsFileView
}
