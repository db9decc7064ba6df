/**
 * The Policy section's promise, as properties over random findings and policies: the rules are
 * OR-ed, so turning on (or tightening) a blocking rule never turns a failing gate into a passing one
 * and never unblocks a finding; every blocking finding says which enabled rule blocked it.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { evaluate } from '../../src/domain/evaluate.js'
import type { Availability, Finding } from '../../src/domain/finding.js'
import type { Policy } from '../../src/domain/policy.js'
import { RANKED_SEVERITIES, SEVERITIES } from '../../src/domain/severity.js'
import type { Verdict } from '../../src/domain/verdict.js'
import { NOW } from '../fixtures/digests.js'
import { finding } from '../fixtures/findings.js'
import { scanned } from '../fixtures/outcomes.js'
import { policy as basePolicy } from '../fixtures/policy.js'
import { RUNS } from './support.js'

const availability = fc.constantFrom<Availability>('yes', 'no', 'partial', 'unknown')
const probability = fc.integer({ min: 0, max: 100 }).map((n) => n / 100)
const score = fc.integer({ min: 0, max: 100 }).map((n) => n / 10)

const findingArb: fc.Arbitrary<Finding> = fc
  .record(
    {
      severity: fc.constantFrom(...SEVERITIES),
      exploitAvailable: availability,
      fixAvailable: availability,
      epss: probability,
      inspectorScore: score,
      id: fc.integer({ min: 0, max: 6 })
    },
    { requiredKeys: ['severity', 'exploitAvailable', 'fixAvailable', 'id'] }
  )
  .map(({ id, ...fields }) => finding({ ...fields, vulnerabilityId: `CVE-2026-${id}` }))

const policyArb: fc.Arbitrary<Policy> = fc
  .record(
    {
      failOn: fc.constantFrom(...RANKED_SEVERITIES, 'none' as const),
      maxFindings: fc.dictionary(
        fc.constantFrom(...RANKED_SEVERITIES),
        fc.integer({ min: 0, max: 3 }),
        { maxKeys: 2 }
      ),
      untriagedAs: fc.constantFrom(...RANKED_SEVERITIES),
      fixableOnly: fc.boolean(),
      failOnExploitable: fc.boolean(),
      failOnEpss: probability,
      minScore: score
    },
    { requiredKeys: ['failOn', 'maxFindings', 'untriagedAs', 'fixableOnly', 'failOnExploitable'] }
  )
  .map((fields) => basePolicy(fields))

/** One more blocking rule, or a blocking rule made stricter. */
type Tightening = (policy: Policy) => Policy
const tightenings: fc.Arbitrary<{ name: string; tighten: Tightening }> = fc.oneof(
  fc.constant({
    name: 'fail-on-exploitable on',
    tighten: (p: Policy) => ({ ...p, failOnExploitable: true })
  }),
  probability.map((epss) => ({
    name: `fail-on-epss ${epss} (or lower)`,
    tighten: (p: Policy) => ({
      ...p,
      failOnEpss: p.failOnEpss === undefined ? epss : Math.min(p.failOnEpss, epss)
    })
  })),
  fc.constant({
    name: 'min-score off',
    tighten: ({ minScore: _off, ...p }: Policy) => p
  }),
  fc.constant({
    name: 'fail-on one severity lower',
    tighten: (p: Policy) => {
      if (p.failOn === 'none') return { ...p, failOn: 'critical' as const }
      const lower = RANKED_SEVERITIES[RANKED_SEVERITIES.indexOf(p.failOn) + 1]
      return lower === undefined ? p : { ...p, failOn: lower }
    }
  })
)

function judge(findings: Finding[], policy: Policy): Verdict {
  return evaluate({ outcomes: [scanned(findings)], policy, ignoreRules: [], now: NOW })
}

const blockingIds = (verdict: Verdict): Set<string> =>
  new Set(verdict.assessed.filter((a) => a.blocking).map((a) => a.finding.id))

describe('risk rules: properties', () => {
  it('adding or tightening a blocking rule never turns a fail into a pass, nor unblocks a finding', () => {
    fc.assert(
      fc.property(
        fc.array(findingArb, { maxLength: 12 }),
        policyArb,
        tightenings,
        (findings, policy, { tighten }) => {
          const before = judge(findings, policy)
          const after = judge(findings, tighten(policy))
          expect({
            before: before.result,
            after: before.result === 'fail' ? after.result : 'fail'
          }).toEqual({ before: before.result, after: 'fail' })
          const still = blockingIds(after)
          expect([...blockingIds(before)].filter((id) => !still.has(id))).toEqual([])
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('a finding blocks exactly when it records a reason, and only enabled rules give reasons', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 12 }), policyArb, (findings, policy) => {
        const verdict = judge(findings, policy)
        // Every broken promise, named; none expected.
        const problems = verdict.assessed.flatMap((a) => {
          const found: string[] = []
          if (a.blocking !== (a.blockedBy ?? []).length > 0)
            found.push(`${a.finding.id}: blocking without a reason, or a reason without blocking`)
          for (const { rule } of a.blockedBy ?? []) {
            const enabled =
              (rule === 'fail-on' && policy.failOn !== 'none') ||
              (rule === 'max-findings' && policy.maxFindings[a.effectiveSeverity] !== undefined) ||
              (rule === 'fail-on-exploitable' &&
                policy.failOnExploitable &&
                a.finding.exploitAvailable === 'yes') ||
              (rule === 'fail-on-epss' &&
                a.finding.epss !== undefined &&
                a.finding.epss >= (policy.failOnEpss ?? Infinity))
            if (!enabled) found.push(`${a.finding.id}: reason ${rule} from a rule not switched on`)
          }
          // fixable-only applies before every rule.
          if (policy.fixableOnly && a.finding.fixAvailable === 'no' && a.blocking) {
            found.push(`${a.finding.id}: blocks although fixable-only lets it off`)
          }
          return found
        })
        expect(problems).toEqual([])
        expect(verdict.result === 'fail').toBe(verdict.assessed.some((a) => a.blocking))
      }),
      { numRuns: RUNS }
    )
  })

  it('a missing score never lets a finding off min-score', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 12 }), policyArb, (findings, policy) => {
        const unscored = findings.map(({ inspectorScore: _none, ...f }) => f as Finding)
        const withFloor = judge(unscored, policy)
        const withoutMinScore = { ...policy }
        delete withoutMinScore.minScore
        expect(blockingIds(withFloor)).toEqual(blockingIds(judge(unscored, withoutMinScore)))
      }),
      { numRuns: RUNS }
    )
  })
})
