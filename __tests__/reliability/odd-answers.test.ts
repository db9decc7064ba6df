/**
 * Issue 19: a seeded generator of odd answers. Each case picks an answer the gate reads and edits
 * it (a field removed, another target's value, an unknown enum value, an odd media type, a wrong
 * type), then gates `criticals` (whose full data FAILS) in process: the verdict may be `fail` or
 * `error`, never `pass`. `RELIABILITY_SEED=n` replays one case; the seed and edits are in each
 * failure, and one summary line counts the cases and verdicts.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mulberry32 } from '../fake-aws/random.js'
import type { AnswerEdit, Scenario } from '../fake-aws/scenario.js'
import type { RawInputs } from '../../src/gate/config.js'
import { FUNCTIONS, scenarioImages, scenarios } from '../fake-aws/scenarios.js'
import { compressRateLimiterSleeps, runGateInProcess } from './harness.js'

jest.setTimeout(30_000)
let restore: () => void = () => undefined
beforeAll(() => {
  restore = compressRateLimiterSleeps()
})
const verdicts = new Map<string, number>()
afterAll(() => {
  restore()
  const total = [...verdicts.values()].reduce((a, b) => a + b, 0)
  console.log(
    `[reliability] odd answers: ${total} generated cases — ${[...verdicts].map(([k, n]) => `${k} ${n}`).join(', ')}`
  )
})

/** Scenarios whose full data fails, and the operations of theirs the gate reads. */
const CASES: { scenario: Scenario; inputs: RawInputs; operations: string[] }[] = [
  {
    scenario: scenarios.criticals,
    inputs: { images: scenarioImages.criticals.uri },
    operations: ['ListCoverage', 'ListFindings', 'DescribeImages', 'BatchGetImage']
  },
  {
    // One HIGH per platform against a budget of one per image: losing a platform passes.
    scenario: scenarios.multiArch,
    inputs: {
      images: scenarioImages.multiArch.uri,
      'fail-on': 'critical',
      'max-findings': 'high=1'
    },
    operations: ['BatchGetImage', 'DescribeImages', 'ListCoverage', 'ListFindings']
  },
  {
    scenario: scenarios.basic,
    inputs: { images: scenarioImages.basic.uri },
    operations: ['DescribeImageScanFindings', 'DescribeImages', 'BatchGetImage']
  },
  {
    scenario: scenarios.lambdaCodeScanning,
    inputs: { functions: FUNCTIONS.ordersApiCodeScan.name },
    operations: [
      'GetFunctionConfiguration',
      'ListVersionsByFunction',
      'ListCoverage',
      'ListFindings'
    ]
  }
]
const OTHER_DIGEST = `sha256:${'e'.repeat(64)}`
const ODD_VALUES: unknown[] = [
  'SOMETHING_NEW',
  OTHER_DIGEST,
  'application/vnd.example.unknown+json',
  'application/vnd.docker.distribution.manifest.v1+json',
  'other-function',
  'bm90IHRoZSBkZXBsb3llZCBjb2Rl',
  'UNKNOWN',
  42,
  true,
  null,
  [],
  {}
]

type Json = Record<string, unknown>

/** Every path to a member of `value` (objects and arrays walked; Dates are leaves). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value instanceof Date || value === null || typeof value !== 'object') return []
  const out: (string | number)[][] = []
  for (const [key, member] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key]
    out.push(path, ...paths(member, path))
  }
  return out
}

function applyAt(answer: Json, path: (string | number)[], change: 'remove' | { value: unknown }) {
  let parent: unknown = answer
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key]
  const last = path[path.length - 1] as string | number
  const holder = parent as Record<string | number, unknown>
  if (change === 'remove') {
    if (Array.isArray(holder)) holder.splice(Number(last), 1)
    else delete holder[last]
  } else holder[last] = change.value
}

/** The edits of one seed, described for the failure message. */
function editsFor(
  seed: number,
  operations: readonly string[]
): { edits: AnswerEdit[]; described: string[] } {
  const random = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const operation = pick(operations)
  const count = 1 + Math.floor(random() * 2)
  const plan = Array.from({ length: count }, () => ({
    at: random(),
    remove: random() < 0.4,
    value: pick(ODD_VALUES)
  }))
  const described: string[] = []
  const edit: AnswerEdit = {
    operation,
    edit(answer) {
      for (const step of plan) {
        const all = paths(answer)
        if (all.length === 0) break
        const path = all[Math.floor(step.at * all.length)] as (string | number)[]
        const what = step.remove ? 'remove' : { value: step.value }
        applyAt(answer, path, what)
        const line = `${operation} ${path.join('.')}: ${step.remove ? 'removed' : `= ${JSON.stringify(step.value)}`}`
        if (!described.includes(line)) described.push(line)
      }
      return answer
    }
  }
  return { edits: [edit], described }
}

function seeds(): number[] {
  const only = process.env['RELIABILITY_SEED']
  if (only !== undefined && only !== '') return [Number(only)]
  return Array.from({ length: Number(process.env['RELIABILITY_RUNS'] ?? 250) }, (_, i) => i + 1)
}

describe('odd answers on a gate whose full data fails', () => {
  it('the full data of every scenario fails', async () => {
    for (const c of CASES) {
      const run = await runGateInProcess(c.scenario, c.inputs, { seed: 0 })
      expect({ scenario: c.scenario.name, result: run.verdict.result }).toEqual({
        scenario: c.scenario.name,
        result: 'fail'
      })
    }
  })

  it.each(seeds())('seed %i', async (seed) => {
    const c = CASES[seed % CASES.length] as (typeof CASES)[number]
    const { edits, described } = editsFor(seed, c.operations)
    const scenario: Scenario = { ...c.scenario, answerEdits: edits }
    const run = await runGateInProcess(scenario, c.inputs, { seed })
    verdicts.set(run.verdict.result, (verdicts.get(run.verdict.result) ?? 0) + 1)
    expect({
      replay: `RELIABILITY_SEED=${seed} npm test -- __tests__/reliability/odd-answers.test.ts`,
      scenario: c.scenario.name,
      edits: described,
      passed: run.verdict.result === 'pass'
    }).toEqual({
      replay: `RELIABILITY_SEED=${seed} npm test -- __tests__/reliability/odd-answers.test.ts`,
      scenario: c.scenario.name,
      edits: described,
      passed: false
    })
  })
})
