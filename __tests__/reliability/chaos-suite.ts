/**
 * The seeded fault-injection suite: for each case, the fault-free verdict once, then N runs under
 * seeded chaos, each held to the invariants below. `RELIABILITY_RUNS=n` changes N;
 * `RELIABILITY_SEED=s` replays one seed (the seed is in every test name and failure message).
 */
/* eslint-disable jest/no-export -- the shared suite that the chaos-*.test.ts files register */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { RawInputs } from '../../src/inputs/read.js'
import type { ScannedArtifact } from '../../src/domain/finding.js'
import type { Verdict } from '../../src/domain/verdict.js'
import type { RunResult } from '../../src/domain/result.js'
import type { ChaosKind, ChaosSpec, Scenario } from '../fake-aws/scenario.js'
import { compressRateLimiterSleeps, runGateInProcess, type GateRun } from './harness.js'

export interface ChaosCase {
  name: string
  scenario: Scenario
  inputs: RawInputs
  /** What the fault-free run must give, so the suite is known to test something. */
  expected: RunResult
  /** Seeded runs (default RELIABILITY_RUNS or 30). */
  runs?: number
  env?: Record<string, string>
  /** Replaces parts of the seed's chaos (kinds, probability…). */
  chaos?: Partial<Omit<ChaosSpec, 'seed'>>
}

export const ALL_CHAOS_KINDS: readonly ChaosKind[] = [
  'throttle',
  'server-error',
  'drop',
  'slow',
  'expired-token',
  'coverage-flap',
  'page-overlap'
]

/** How hard a seed shakes the endpoint: a share of calls from 10 % to 60 %. */
const PROBABILITIES = [0.1, 0.25, 0.4, 0.6] as const

export function chaosFor(seed: number): ChaosSpec {
  return {
    seed,
    probability: PROBABILITIES[seed % PROBABILITIES.length] ?? 0.25,
    kinds: ALL_CHAOS_KINDS,
    // Retry-After is honoured in real time: keep it small (up to 20 ms).
    maxRetryAfterSeconds: 0.02,
    // Virtual milliseconds (the harness's delay): a slow answer takes up to 5 scenario seconds.
    maxSlowMs: 5_000
  }
}

function seedsFor(c: ChaosCase): number[] {
  const only = process.env['RELIABILITY_SEED']
  if (only !== undefined && only !== '') return [Number(only)]
  const runs = c.runs ?? Number(process.env['RELIABILITY_RUNS'] ?? 30)
  return Array.from({ length: runs }, (_, i) => i + 1)
}

/** The command that runs this one seed of this one case again. */
function replay(name: string, seed: number): string {
  return `RELIABILITY_SEED=${seed} npm test -- __tests__/reliability -t '${name} under seeded chaos'`
}

function artifactKey(artifact: ScannedArtifact): string {
  if (artifact.kind === 'image') return `${artifact.repository}@${artifact.digest}`
  if (artifact.kind === 'sbom') return `sbom:${artifact.reference}`
  return `${artifact.functionName}#${artifact.scanType}@${artifact.codeSha256}`
}

/** Finding ids per scanned artifact, as read (duplicates kept, sorted). */
function idsByArtifact(verdict: Verdict): Map<string, string[]> {
  const ids = new Map<string, string[]>()
  for (const outcome of verdict.outcomes) {
    if (outcome.status !== 'scanned') continue
    ids.set(artifactKey(outcome.artifact), outcome.findings.map((f) => f.id).sort())
  }
  return ids
}

/** Why a fail-closed run failed, in a few buckets for the summary. */
function closedBecause(verdict: Verdict): string {
  const text = verdict.failures.join(' ')
  if (/nextToken|pagination token|ValidationException|InvalidParameter/i.test(text))
    return 'stale page token'
  if (/ECONNRESET|socket hang up|connection/i.test(text)) return 'dropped connection'
  if (/throttl|TooManyRequests|LimitExceeded/i.test(text)) return 'throttling'
  if (/Internal|ServiceUnavailable|ServerException|ServiceException|\b50[03]\b/.test(text))
    return 'server error'
  if (/timed out/.test(text)) return 'timeout'
  if (/still arriving/.test(text)) return 'settle ran out'
  return 'other'
}

/** Everything a chaos run is held to, as one object so a failure shows all of it with the seed. */
function compare(name: string, seed: number, baseline: Verdict, run: Verdict) {
  const before = idsByArtifact(baseline)
  const after = idsByArtifact(run)
  const duplicated: string[] = []
  const differing: string[] = []
  for (const [artifact, ids] of after) {
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i)
    if (dupes.length > 0) duplicated.push(`${artifact}: ${[...new Set(dupes)].join(', ')}`)
    const expected = before.get(artifact)
    if (expected === undefined) differing.push(`${artifact}: scanned here but not fault-free`)
    else {
      const lost = expected.filter((id) => !ids.includes(id))
      const extra = [...new Set(ids)].filter((id) => !expected.includes(id))
      if (lost.length > 0 || extra.length > 0)
        differing.push(`${artifact}: lost [${lost.join(', ')}], extra [${extra.join(', ')}]`)
    }
  }
  const complete = run.outcomes.every((o) => o.status !== 'error')
  const sameResult = run.result === baseline.result
  // A complete run with the fault-free result must have read exactly what the fault-free run read.
  const totals =
    sameResult && complete
      ? { counts: run.counts, assessed: run.assessed.length }
      : { counts: baseline.counts, assessed: baseline.assessed.length }
  return {
    replay: replay(name, seed),
    result: sameResult
      ? 'same as fault-free'
      : run.result === 'error'
        ? 'failed closed'
        : `WRONG: ${run.result} where the fault-free run gave ${baseline.result}`,
    duplicated,
    differing,
    totals,
    multiLineFailures: run.failures.filter((line) => line.includes('\n'))
  }
}

interface Tally {
  same: number
  closed: number
  wrong: number
  closedBecause: Map<string, number>
  closedSeeds: number[]
  injected: Map<string, number>
  realMs: number
}

const bump = (map: Map<string, number>, key: string, by = 1) =>
  map.set(key, (map.get(key) ?? 0) + by)

const format = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ${n}`)
    .join(', ') || 'none'

/**
 * Registers the suite for `cases` in the calling test file; `mustInject` lists the fault kinds the
 * file's runs must have injected at least once (page-token kinds need multi-page reads).
 */
export function describeChaos(cases: ChaosCase[], mustInject: readonly ChaosKind[]): void {
  // A run takes well under a second; the margin is for a loaded machine.
  jest.setTimeout(30_000)
  let restore: () => void = () => undefined
  beforeAll(() => {
    restore = compressRateLimiterSleeps()
  })
  afterAll(() => restore())

  const injectedEverywhere = new Map<string, number>()

  describe.each(cases)('$name under seeded chaos', (c) => {
    let baseline: GateRun
    const tally: Tally = {
      same: 0,
      closed: 0,
      wrong: 0,
      closedBecause: new Map(),
      closedSeeds: [],
      injected: new Map(),
      realMs: 0
    }

    beforeAll(async () => {
      baseline = await runGateInProcess(c.scenario, c.inputs, {
        seed: 0,
        ...(c.env !== undefined && { env: c.env })
      })
    })

    afterAll(() => {
      const runs = tally.same + tally.closed + tally.wrong
      console.log(
        `[reliability] ${c.name}: ${runs} seeded runs in ${(tally.realMs / 1000).toFixed(1)} s — ` +
          `${tally.same} same verdict as fault-free (${(baseline as GateRun | undefined)?.verdict.result ?? 'none'}), ` +
          `${tally.closed} failed closed (${format(tally.closedBecause)}${tally.closedSeeds.length > 0 ? `; seeds ${tally.closedSeeds.join(' ')}` : ''}), ` +
          `${tally.wrong} wrong; ` +
          `faults injected: ${format(tally.injected)}`
      )
    })

    it(`gives ${c.expected} without faults`, () => {
      const { result, failures } = baseline.verdict
      expect({ result, failing: failures.length > 0 }).toEqual({
        result: c.expected,
        failing: c.expected !== 'pass'
      })
    })

    it.each(seedsFor(c))('seed %i', async (seed) => {
      const started = Date.now()
      const scenario: Scenario = { ...c.scenario, chaos: { ...chaosFor(seed), ...c.chaos } }
      const run = await runGateInProcess(scenario, c.inputs, {
        seed,
        ...(c.env !== undefined && { env: c.env })
      })
      tally.realMs += Date.now() - started
      for (const call of run.fake.calls) {
        if (call.chaos === undefined) continue
        bump(tally.injected, call.chaos)
        bump(injectedEverywhere, call.chaos)
      }
      const verdict = run.verdict
      const base = baseline.verdict
      if (verdict.result === base.result) tally.same += 1
      else if (verdict.result === 'error') {
        tally.closed += 1
        tally.closedSeeds.push(seed)
        bump(tally.closedBecause, closedBecause(verdict))
      } else tally.wrong += 1

      // Never a pass that should be a fail, asserted on its own so its failure reads plainly.
      expect({
        replay: replay(c.name, seed),
        passedWhereFaultFreeFailed: base.result === 'fail' && verdict.result === 'pass'
      }).toEqual({
        replay: replay(c.name, seed),
        passedWhereFaultFreeFailed: false
      })
      expect(compare(c.name, seed, base, verdict)).toEqual({
        replay: replay(c.name, seed),
        result: expect.stringMatching(/^(same as fault-free|failed closed)$/),
        duplicated: [],
        differing: [],
        totals: { counts: base.counts, assessed: base.assessed.length },
        multiLineFailures: []
      })
    })
  })

  it(`injected ${mustInject.join(', ')}`, () => {
    const replaying = (process.env['RELIABILITY_SEED'] ?? '') !== ''
    const missing = mustInject.filter((kind) => !injectedEverywhere.has(kind))
    expect(replaying ? [] : missing).toEqual([])
  })
}
