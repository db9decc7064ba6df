/**
 * The risk rules (issue 16): fail-on-exploitable, fail-on-epss and min-score, one describe per
 * sentence of the README's Policy section, and how they combine with fail-on, budgets, the ignore
 * file and fixable-only.
 */
import { describe, expect, it } from '@jest/globals'
import { evaluate } from '../../src/domain/evaluate.js'
import type { Finding } from '../../src/domain/finding.js'
import type { IgnoreRule } from '../../src/domain/ignore-rules.js'
import type { Policy } from '../../src/domain/policy.js'
import type { AssessedFinding, Verdict } from '../../src/domain/verdict.js'
import { NOW } from '../fixtures/digests.js'
import { finding } from '../fixtures/findings.js'
import { rule } from '../fixtures/ignore-rules.js'
import { scanned } from '../fixtures/outcomes.js'
import { policy } from '../fixtures/policy.js'

function gate(
  findings: Finding[],
  overrides: Partial<Policy> = {},
  ignoreRules: IgnoreRule[] = []
): Verdict {
  return evaluate({
    outcomes: [scanned(findings)],
    policy: policy(overrides),
    ignoreRules,
    now: NOW
  })
}

function only(verdict: Verdict): AssessedFinding {
  expect(verdict.assessed).toHaveLength(1)
  return verdict.assessed[0] as AssessedFinding
}

describe('fail-on-exploitable', () => {
  const exploitableLow = (): Finding =>
    finding({ vulnerabilityId: 'CVE-X', severity: 'low', exploitAvailable: 'yes' })

  it('blocks a LOW finding with a known exploit, whatever fail-on says', () => {
    const verdict = gate([exploitableLow()], { failOnExploitable: true })

    expect(verdict.result).toBe('fail')
    expect(only(verdict)).toMatchObject({
      blocking: true,
      blockedBy: [{ rule: 'fail-on-exploitable', text: 'exploit known' }]
    })
    expect(verdict.failures).toEqual([
      '1 finding with a known exploit (fail-on-exploitable): CVE-X'
    ])
  })

  it('blocks under fail-on none too', () => {
    expect(gate([exploitableLow()], { failOnExploitable: true, failOn: 'none' }).result).toBe(
      'fail'
    )
  })

  it('is off by default: the same finding passes', () => {
    const verdict = gate([exploitableLow()])

    expect(verdict.result).toBe('pass')
    expect(only(verdict).note).toBe('below fail-on high')
  })

  it('does not block a finding without a known exploit', () => {
    const verdict = gate([finding({ severity: 'low', exploitAvailable: 'no' })], {
      failOnExploitable: true
    })

    expect(verdict.result).toBe('pass')
    expect(verdict.warnings).toEqual([])
  })

  it('does not block by this rule a finding that does not say, and warns about it', () => {
    const verdict = gate([finding({ severity: 'low', exploitAvailable: 'unknown' })], {
      failOnExploitable: true
    })

    expect(verdict.result).toBe('pass')
    expect(only(verdict).note).toBe(
      'below fail-on high; exploit status unknown, so fail-on-exploitable could not judge it'
    )
    expect(verdict.warnings).toEqual([
      'fail-on-exploitable: 1 finding does not say whether an exploit is known (basic scanning does not), so that rule could not judge it; the other rules still did'
    ])
  })

  it('an unknown exploit status does not let a HIGH past fail-on', () => {
    const verdict = gate([finding({ severity: 'high', exploitAvailable: 'unknown' })], {
      failOnExploitable: true
    })

    expect(verdict.result).toBe('fail')
    expect(only(verdict).blockedBy).toEqual([
      { rule: 'fail-on', text: 'severity HIGH ≥ fail-on high' }
    ])
  })

  it('blocks a budgeted finding within its budget', () => {
    const verdict = gate([finding({ severity: 'high', exploitAvailable: 'yes' })], {
      failOnExploitable: true,
      maxFindings: { high: 5 }
    })

    expect(verdict.result).toBe('fail')
    expect(only(verdict).blockedBy).toEqual([
      { rule: 'fail-on-exploitable', text: 'exploit known' }
    ])
  })

  it('the ignore file applies first', () => {
    const verdict = gate([exploitableLow()], { failOnExploitable: true }, [rule({ id: 'CVE-X' })])

    expect(verdict.result).toBe('pass')
    expect(verdict.ignored).toHaveLength(1)
  })

  it('fixable-only applies first: a known-unfixable exploitable finding is let off', () => {
    const verdict = gate([finding({ ...exploitableLow(), fixAvailable: 'no', packages: [] })], {
      failOnExploitable: true,
      fixableOnly: true
    })

    expect(verdict.result).toBe('pass')
    expect(only(verdict).note).toBe('no fix available (fixable-only)')
  })
})

describe('fail-on-epss', () => {
  it('blocks a LOW finding whose EPSS is at or above it, naming the numbers', () => {
    const verdict = gate([finding({ vulnerabilityId: 'CVE-E', severity: 'low', epss: 0.42 })], {
      failOnEpss: 0.1
    })

    expect(verdict.result).toBe('fail')
    expect(only(verdict).blockedBy).toEqual([{ rule: 'fail-on-epss', text: 'EPSS 42 % ≥ 10 %' }])
    expect(verdict.failures).toEqual([
      '1 finding with EPSS at or above 10 % (fail-on-epss): CVE-E (42 %)'
    ])
  })

  it('blocks at exactly the threshold', () => {
    expect(gate([finding({ severity: 'low', epss: 0.1 })], { failOnEpss: 0.1 }).result).toBe('fail')
  })

  it('passes a HIGH with a low EPSS under fail-on none, saying why', () => {
    const verdict = gate([finding({ severity: 'high', epss: 0.0123 })], {
      failOn: 'none',
      failOnEpss: 0.5
    })

    expect(verdict.result).toBe('pass')
    expect(only(verdict).note).toBe('fail-on is none; EPSS 1.23 % below fail-on-epss 50 %')
  })

  it('a missing EPSS does not block by this rule, and a warning counts it', () => {
    const verdict = gate([finding({ severity: 'low' })], { failOnEpss: 0 })

    expect(verdict.result).toBe('pass')
    expect(only(verdict).note).toBe(
      'below fail-on high; no EPSS score, so fail-on-epss could not judge it'
    )
    expect(verdict.warnings).toEqual([
      'fail-on-epss: 1 finding has no EPSS score (basic scanning and code findings have none), so that rule could not judge it; the other rules still did'
    ])
  })

  it('a missing EPSS does not let a HIGH past fail-on', () => {
    const verdict = gate([finding({ severity: 'high' })], { failOnEpss: 0.5 })

    expect(verdict.result).toBe('fail')
    expect(only(verdict).blockedBy?.map((r) => r.rule)).toEqual(['fail-on'])
  })

  it('blocks a budgeted finding within its budget', () => {
    const verdict = gate([finding({ severity: 'medium', epss: 0.9 })], {
      failOnEpss: 0.5,
      maxFindings: { medium: 10 }
    })

    expect(verdict.result).toBe('fail')
  })

  it('fixable-only applies first', () => {
    const verdict = gate([finding({ epss: 0.9, fixAvailable: 'no', packages: [] })], {
      failOnEpss: 0.5,
      fixableOnly: true
    })

    expect(verdict.result).toBe('pass')
  })
})

describe('min-score', () => {
  it('the floor blocks a HIGH scored at or above it, with both facts in the reason', () => {
    const verdict = gate([finding({ severity: 'high', inspectorScore: 7 })], { minScore: 7 })

    expect(verdict.result).toBe('fail')
    expect(only(verdict).blockedBy).toEqual([
      { rule: 'fail-on', text: 'severity HIGH ≥ fail-on high, Inspector score 7.0 ≥ min-score 7.0' }
    ])
    expect(verdict.failures).toEqual([
      '1 finding at or above fail-on high and min-score 7.0 (1 high)'
    ])
  })

  it('lets off a HIGH scored below it, saying so', () => {
    const verdict = gate([finding({ severity: 'high', inspectorScore: 5.3 })], { minScore: 7 })

    expect(verdict.result).toBe('pass')
    expect(only(verdict).note).toBe('Inspector score 5.3 below min-score 7.0')
  })

  it('an unscored HIGH meets it (fail closed), and the reason and failure line say so', () => {
    const verdict = gate([finding({ severity: 'high' })], { minScore: 7 })

    expect(verdict.result).toBe('fail')
    expect(only(verdict).blockedBy).toEqual([
      {
        rule: 'fail-on',
        text: 'severity HIGH ≥ fail-on high; no Inspector score, so min-score 7.0 does not let it off'
      }
    ])
    expect(verdict.failures).toEqual([
      '1 finding at or above fail-on high and min-score 7.0 (1 high); 1 without an Inspector score, which min-score does not let off'
    ])
  })

  it("Inspector's 0 for an UNTRIAGED finding is no score: it meets the floor", () => {
    const verdict = gate([finding({ severity: 'untriaged', inspectorScore: 0 })], {
      minScore: 7
    })

    expect(verdict.result).toBe('fail')
    expect(only(verdict).blockedBy?.[0]?.text).toBe(
      'severity UNTRIAGED counted as HIGH ≥ fail-on high; no Inspector score, so min-score 7.0 does not let it off'
    )
  })

  it('uses the Inspector score, not the CVSS score', () => {
    const verdict = gate([finding({ severity: 'high', inspectorScore: 5, cvss: { score: 9.8 } })], {
      minScore: 7
    })

    expect(verdict.result).toBe('pass')
  })

  it('does not raise a finding below fail-on', () => {
    const verdict = gate([finding({ severity: 'medium', inspectorScore: 9 })], { minScore: 7 })

    expect(verdict.result).toBe('pass')
    expect(only(verdict).note).toBe('below fail-on high')
  })

  it('does not touch budgets: low-scored findings still count against them', () => {
    const findings = [1, 2, 3].map(() => finding({ severity: 'high', inspectorScore: 1 }))
    const verdict = gate(findings, { minScore: 7, maxFindings: { high: 2 } })

    expect(verdict.result).toBe('fail')
    expect(verdict.assessed.every((a) => a.blockedBy?.[0]?.rule === 'max-findings')).toBe(true)
  })

  it('does not let off a finding another rule blocks', () => {
    const verdict = gate(
      [finding({ severity: 'high', inspectorScore: 3, exploitAvailable: 'yes', epss: 0.7 })],
      { minScore: 7, failOnExploitable: true, failOnEpss: 0.5 }
    )

    expect(verdict.result).toBe('fail')
    expect(only(verdict).blockedBy?.map((r) => r.rule)).toEqual([
      'fail-on-exploitable',
      'fail-on-epss'
    ])
  })
})

describe('rules combine: a finding blocks when any rule blocks it', () => {
  it('records every rule that blocked a finding, and each rule has its failure line', () => {
    const verdict = gate(
      [
        finding({
          vulnerabilityId: 'CVE-ALL',
          severity: 'critical',
          exploitAvailable: 'yes',
          epss: 0.42
        })
      ],
      { failOnExploitable: true, failOnEpss: 0.1 }
    )

    expect(only(verdict).blockedBy).toEqual([
      { rule: 'fail-on', text: 'severity CRITICAL ≥ fail-on high' },
      { rule: 'fail-on-exploitable', text: 'exploit known' },
      { rule: 'fail-on-epss', text: 'EPSS 42 % ≥ 10 %' }
    ])
    expect(verdict.failures).toEqual([
      '1 finding at or above fail-on high (1 critical)',
      '1 finding with a known exploit (fail-on-exploitable): CVE-ALL',
      '1 finding with EPSS at or above 10 % (fail-on-epss): CVE-ALL (42 %)'
    ])
  })

  it('an over-budget finding also blocked by a risk rule keeps both reasons', () => {
    const findings = [1, 2].map(() => finding({ severity: 'high', exploitAvailable: 'yes' }))
    const verdict = gate(findings, { failOnExploitable: true, maxFindings: { high: 1 } })

    for (const a of verdict.assessed) {
      expect(a.blockedBy?.map((r) => r.rule)).toEqual(['fail-on-exploitable', 'max-findings'])
    }
  })

  it('names at most five findings in a failure line, then how many more', () => {
    const findings = [1, 2, 3, 4, 5, 6, 7].map((n) =>
      finding({ vulnerabilityId: `CVE-${n}`, severity: 'low', exploitAvailable: 'yes' })
    )
    const [line] = gate(findings, { failOnExploitable: true }).failures

    expect(line).toBe(
      '7 findings with a known exploit (fail-on-exploitable): CVE-1, CVE-2, CVE-3, CVE-4, CVE-5 and 2 more'
    )
  })

  it('a hostile vulnerability id stays on one line in the failure line', () => {
    const [line] = gate(
      [finding({ vulnerabilityId: 'CVE-1\n::error::x', severity: 'low', exploitAvailable: 'yes' })],
      {
        failOnExploitable: true
      }
    ).failures

    expect(line).not.toMatch(/\n/)
  })

  it('without the risk rules nothing changes: blocking findings record the floor only', () => {
    const verdict = gate([finding({ severity: 'high', exploitAvailable: 'yes', epss: 0.9 })])

    expect(only(verdict).blockedBy).toEqual([
      { rule: 'fail-on', text: 'severity HIGH ≥ fail-on high' }
    ])
    expect(verdict.warnings).toEqual([])
  })
})
