import { describe, expect, it } from '@jest/globals'
import { evaluate } from '../../src/domain/evaluate.js'
import type { Finding } from '../../src/domain/finding.js'
import type { IgnoreRule } from '../../src/domain/ignore-rules.js'
import type { ArtifactOutcome } from '../../src/domain/outcome.js'
import type { Policy } from '../../src/domain/policy.js'
import { RANKED_SEVERITIES, type RankedSeverity } from '../../src/domain/severity.js'
import type { Verdict } from '../../src/domain/verdict.js'
import { artifact, sbomTarget } from '../fixtures/artifacts.js'
import { DIGEST_ARM64, DIGEST_OTHER, NOW, REGISTRY, TODAY, YESTERDAY } from '../fixtures/digests.js'
import { finding } from '../fixtures/findings.js'
import { rule } from '../fixtures/ignore-rules.js'
import { failed, scanned, unscannable } from '../fixtures/outcomes.js'
import { policy } from '../fixtures/policy.js'

function run(
  outcomes: ArtifactOutcome[],
  policyOverrides: Partial<Policy> = {},
  ignoreRules: IgnoreRule[] = []
): Verdict {
  return evaluate({ outcomes, policy: policy(policyOverrides), ignoreRules, now: NOW })
}

/** Evaluates findings of one scanned image. */
function gate(
  findings: Finding[],
  policyOverrides: Partial<Policy> = {},
  ignoreRules: IgnoreRule[] = []
): Verdict {
  return run([scanned(findings)], policyOverrides, ignoreRules)
}

function blockingIds(verdict: Verdict): string[] {
  return verdict.assessed.filter((a) => a.blocking).map((a) => a.finding.vulnerabilityId)
}

describe('evaluate: fail-on floor', () => {
  const floors: { failOn: RankedSeverity; blocks: RankedSeverity[] }[] = [
    { failOn: 'critical', blocks: ['critical'] },
    { failOn: 'high', blocks: ['critical', 'high'] },
    { failOn: 'medium', blocks: ['critical', 'high', 'medium'] },
    { failOn: 'low', blocks: ['critical', 'high', 'medium', 'low'] },
    { failOn: 'informational', blocks: [...RANKED_SEVERITIES] }
  ]

  it.each(floors)('fail-on $failOn blocks exactly $blocks', ({ failOn, blocks }) => {
    const findings = RANKED_SEVERITIES.map((severity) =>
      finding({ severity, vulnerabilityId: `CVE-${severity}` })
    )
    const verdict = gate(findings, { failOn })

    expect(verdict.result).toBe('fail')
    expect(blockingIds(verdict).sort()).toEqual(blocks.map((s) => `CVE-${s}`).sort())
    expect(verdict.failures).toHaveLength(1)
    expect(verdict.failures[0]).toContain(`at or above fail-on ${failOn}`)
    for (const a of verdict.assessed.filter((x) => !x.blocking)) {
      expect(a.note).toBe(`below fail-on ${failOn}`)
    }
  })

  it('passes when every finding is below the floor', () => {
    const verdict = gate([finding({ severity: 'medium' }), finding({ severity: 'low' })])

    expect(verdict.result).toBe('pass')
    expect(verdict.failures).toEqual([])
    expect(blockingIds(verdict)).toEqual([])
  })

  it('names the number of blocking findings by severity in the failure line', () => {
    const verdict = gate([
      finding({ severity: 'critical' }),
      finding({ severity: 'high' }),
      finding({ severity: 'high' })
    ])

    expect(verdict.failures).toEqual(['3 findings at or above fail-on high (1 critical, 2 high)'])
  })

  it('fail-on none never fails on findings, however severe', () => {
    const verdict = gate([finding({ severity: 'critical' }), finding({ severity: 'untriaged' })], {
      failOn: 'none'
    })

    expect(verdict.result).toBe('pass')
    expect(verdict.failures).toEqual([])
    expect(verdict.assessed.every((a) => !a.blocking && a.note === 'fail-on is none')).toBe(true)
  })

  it('passes with no findings at all', () => {
    const verdict = gate([])

    expect(verdict.result).toBe('pass')
    expect(verdict.assessed).toEqual([])
    expect(verdict.warnings).toEqual([])
  })
})

describe('evaluate: untriaged-as', () => {
  it('counts UNTRIAGED as high by default, so it blocks at fail-on high', () => {
    const verdict = gate([finding({ severity: 'untriaged', vulnerabilityId: 'CVE-U' })])

    expect(verdict.result).toBe('fail')
    expect(verdict.assessed[0]).toMatchObject({ effectiveSeverity: 'high', blocking: true })
    expect(verdict.failures[0]).toContain('(1 high)')
  })

  it('untriaged-as low lets UNTRIAGED pass fail-on high, reported as low', () => {
    const verdict = gate([finding({ severity: 'untriaged' })], { untriagedAs: 'low' })

    expect(verdict.result).toBe('pass')
    expect(verdict.assessed[0]).toMatchObject({
      effectiveSeverity: 'low',
      blocking: false,
      note: 'below fail-on high'
    })
  })

  it('untriaged-as critical makes UNTRIAGED block even at fail-on critical', () => {
    const verdict = gate([finding({ severity: 'untriaged' })], {
      untriagedAs: 'critical',
      failOn: 'critical'
    })

    expect(verdict.result).toBe('fail')
    expect(verdict.assessed[0]?.effectiveSeverity).toBe('critical')
    expect(verdict.failures[0]).toContain('(1 critical)')
  })

  it('counts stay by raw severity: UNTRIAGED is counted as untriaged, not as its effective level', () => {
    const verdict = gate([finding({ severity: 'untriaged' })], { untriagedAs: 'critical' })

    expect(verdict.counts.untriaged).toBe(1)
    expect(verdict.counts.critical).toBe(0)
  })
})

describe('evaluate: fixable-only', () => {
  it.each([
    ['yes', true, undefined],
    ['partial', true, undefined],
    ['no', false, 'no fix available (fixable-only)'],
    // A missing fact never passes: unknown fixability blocks (issue 19, case 4).
    ['unknown', true, undefined]
  ] as const)(
    'a critical finding with fixAvailable %s blocks: %s',
    (fixAvailable, blocks, note) => {
      const verdict = gate([finding({ severity: 'critical', fixAvailable })], { fixableOnly: true })

      expect(verdict.result).toBe(blocks ? 'fail' : 'pass')
      expect(verdict.assessed[0]?.blocking).toBe(blocks)
      expect(verdict.assessed[0]?.note).toBe(note)
    }
  )

  it('says "fixable" in the failure line', () => {
    const verdict = gate([finding({ severity: 'high', fixAvailable: 'yes' })], {
      fixableOnly: true
    })

    expect(verdict.failures).toEqual(['1 fixable finding at or above fail-on high (1 high)'])
  })

  it('names findings of unknown fixability in the failure line instead of calling them fixable', () => {
    const verdict = gate(
      [
        finding({ severity: 'high', fixAvailable: 'yes', vulnerabilityId: 'CVE-1' }),
        finding({ severity: 'high', fixAvailable: 'unknown', vulnerabilityId: 'CVE-2' })
      ],
      { fixableOnly: true }
    )

    expect(verdict.failures).toEqual([
      '2 findings at or above fail-on high (2 high); 1 of unknown fixability, which fixable-only does not let off'
    ])
  })

  it('without fixable-only, an unfixable critical still blocks', () => {
    const verdict = gate([finding({ severity: 'critical', fixAvailable: 'no' })])

    expect(verdict.result).toBe('fail')
  })

  it('still counts unfixable findings', () => {
    const verdict = gate([finding({ severity: 'critical', fixAvailable: 'no' })], {
      fixableOnly: true
    })

    expect(verdict.counts.critical).toBe(1)
  })
})

describe('evaluate: max-findings budgets', () => {
  const highs = (n: number): Finding[] =>
    Array.from({ length: n }, (_, i) => finding({ severity: 'high', vulnerabilityId: `CVE-H${i}` }))

  it('passes when the image is within its budget, noting it', () => {
    const verdict = gate(highs(2), { maxFindings: { high: 2 } })

    expect(verdict.result).toBe('pass')
    expect(verdict.failures).toEqual([])
    expect(verdict.assessed.every((a) => !a.blocking && a.note === 'within budget')).toBe(true)
  })

  it('fails over budget and marks every finding of that severity blocking', () => {
    const verdict = gate(highs(3), { maxFindings: { high: 2 } })

    expect(verdict.result).toBe('fail')
    expect(verdict.failures).toEqual([
      `${REGISTRY}/app:1.0.0: 3 high findings exceed max-findings high=2`
    ])
    expect(verdict.assessed).toHaveLength(3)
    for (const a of verdict.assessed) {
      expect(a).toMatchObject({ blocking: true, note: 'over budget high=2' })
    }
  })

  it('a zero budget fails on the first finding', () => {
    const verdict = gate(highs(1), { maxFindings: { critical: 0, high: 0 } })

    expect(verdict.result).toBe('fail')
    expect(verdict.failures[0]).toContain('max-findings high=0')
  })

  it('counts per image reference, not across images', () => {
    const api = artifact({ repository: 'api' })
    const web = artifact({ repository: 'web' })
    const outcomes = [
      scanned([finding({ artifact: api }), finding({ artifact: api })]),
      scanned([finding({ artifact: web }), finding({ artifact: web })])
    ]

    const withinEach = run(outcomes, { maxFindings: { high: 2 } })
    expect(withinEach.result).toBe('pass')

    const overOne = run([...outcomes, scanned([finding({ artifact: web })])], {
      maxFindings: { high: 2 }
    })
    expect(overOne.result).toBe('fail')
    expect(overOne.failures).toEqual([
      `${web.reference}: 3 high findings exceed max-findings high=2`
    ])
    const blockingRepos = overOne.assessed
      .filter((a) => a.blocking)
      .map((a) => (a.finding.artifact.kind === 'image' ? a.finding.artifact.repository : ''))
    expect(new Set(blockingRepos)).toEqual(new Set(['web']))
  })

  it('replaces the floor for its severity: budgeted highs do not block at fail-on high', () => {
    const verdict = gate(highs(1), { failOn: 'high', maxFindings: { high: 5 } })

    expect(verdict.result).toBe('pass')
    expect(verdict.assessed[0]?.blocking).toBe(false)
  })

  it('combines with the floor for other severities', () => {
    const critical = finding({ severity: 'critical', vulnerabilityId: 'CVE-C' })
    const verdict = gate([critical, ...highs(2)], { failOn: 'high', maxFindings: { high: 5 } })

    expect(verdict.result).toBe('fail')
    expect(blockingIds(verdict)).toEqual(['CVE-C'])
    expect(verdict.failures).toEqual(['1 finding at or above fail-on high (1 critical)'])
  })

  it('applies even when fail-on is none', () => {
    const verdict = gate(highs(2), { failOn: 'none', maxFindings: { high: 1 } })

    expect(verdict.result).toBe('fail')
    expect(verdict.failures).toHaveLength(1)
    expect(verdict.failures[0]).toContain('exceed max-findings high=1')
  })

  it('counts the same CVE in the same package on two platforms of one reference once', () => {
    const reference = `${REGISTRY}/app@sha256:${'f'.repeat(64)}`
    const amd64 = artifact({ reference, platform: 'linux/amd64' })
    const arm64 = artifact({ reference, platform: 'linux/arm64', digest: DIGEST_ARM64 })
    const onBoth = (a: typeof amd64): Finding =>
      finding({ artifact: a, vulnerabilityId: 'CVE-SAME' })
    const outcomes = [scanned([onBoth(amd64)]), scanned([onBoth(arm64)])]

    expect(run(outcomes, { maxFindings: { high: 1 } }).result).toBe('pass')
    expect(run(outcomes, { maxFindings: { high: 0 } }).failures).toEqual([
      `${reference}: 1 high findings exceed max-findings high=0`
    ])
  })

  it('counts one CVE in one package at two paths of one image twice (issue 19, case 11)', () => {
    const at = (filePath: string): Finding =>
      finding({ vulnerabilityId: 'CVE-JAR', packages: [{ name: 'log4j-core', filePath }] })
    const verdict = gate([at('/app/a.jar'), at('/opt/b.jar')], { maxFindings: { high: 1 } })

    expect(verdict.result).toBe('fail')
    expect(verdict.failures[0]).toContain('2 high findings exceed max-findings high=1')
  })

  it('still counts the same package at the same path on two platforms once', () => {
    const reference = `${REGISTRY}/app@sha256:${'f'.repeat(64)}`
    const jar = {
      vulnerabilityId: 'CVE-JAR',
      packages: [{ name: 'log4j-core', filePath: '/app/a.jar' }]
    }
    const outcomes = [
      scanned([finding({ artifact: artifact({ reference }), ...jar })]),
      scanned([
        finding({
          artifact: artifact({ reference, platform: 'linux/arm64', digest: DIGEST_ARM64 }),
          ...jar
        })
      ])
    ]

    expect(run(outcomes, { maxFindings: { high: 1 } }).result).toBe('pass')
  })

  it('counts the same CVE in different packages separately', () => {
    const verdict = gate(
      [
        finding({ vulnerabilityId: 'CVE-X', packages: [{ name: 'openssl' }] }),
        finding({ vulnerabilityId: 'CVE-X', packages: [{ name: 'libssl3' }] })
      ],
      { maxFindings: { high: 1 } }
    )

    expect(verdict.result).toBe('fail')
  })

  it('budgets UNTRIAGED at its effective severity', () => {
    const verdict = gate([finding({ severity: 'untriaged' }), finding({ severity: 'untriaged' })], {
      untriagedAs: 'medium',
      failOn: 'critical',
      maxFindings: { medium: 1 }
    })

    expect(verdict.result).toBe('fail')
    expect(verdict.failures[0]).toContain('2 medium findings exceed max-findings medium=1')
  })

  it('with fixable-only, only fixable findings use up the budget', () => {
    const verdict = gate([finding({ fixAvailable: 'yes' }), finding({ fixAvailable: 'no' })], {
      fixableOnly: true,
      maxFindings: { high: 1 }
    })

    expect(verdict.result).toBe('pass')
  })
})

describe('evaluate: ignore rules', () => {
  it('ignores a finding by CVE id, case-insensitively, and records the rule used', () => {
    const f = finding({ vulnerabilityId: 'CVE-2025-1234' })
    const r = rule({ id: 'cve-2025-1234' })
    const verdict = gate([f], {}, [r])

    expect(verdict.result).toBe('pass')
    expect(verdict.ignored).toEqual([{ finding: f, rule: r }])
    expect(verdict.assessed).toEqual([])
    expect(verdict.counts.high).toBe(0)
    expect(verdict.unusedRules).toEqual([])
    expect(verdict.warnings).toEqual([])
  })

  it('ignores a finding by its full finding ARN', () => {
    const f = finding()
    const verdict = gate([f], {}, [rule({ id: f.id })])

    expect(verdict.ignored).toHaveLength(1)
    expect(verdict.result).toBe('pass')
  })

  it('ignores a finding by the id after finding/ as the console shows it', () => {
    const f = finding({ id: `arn:aws:inspector2:us-east-1:123456789012:finding/0123abcd` })
    const verdict = gate([f], {}, [rule({ id: '0123ABCD' })])

    expect(verdict.ignored).toHaveLength(1)
  })

  it('does not treat a partial finding id as a match', () => {
    const f = finding({ id: `arn:aws:inspector2:us-east-1:123456789012:finding/0123abcd` })
    const verdict = gate([f], {}, [rule({ id: 'abcd' })])

    expect(verdict.ignored).toEqual([])
    expect(verdict.result).toBe('fail')
  })

  it('a repository-scoped rule applies only to that repository', () => {
    const api = finding({ vulnerabilityId: 'CVE-1', artifact: artifact({ repository: 'api' }) })
    const web = finding({ vulnerabilityId: 'CVE-1', artifact: artifact({ repository: 'web' }) })
    const verdict = run([scanned([api]), scanned([web])], {}, [
      rule({ id: 'CVE-1', repository: 'api' })
    ])

    expect(verdict.ignored.map((i) => i.finding)).toEqual([api])
    expect(verdict.assessed.map((a) => a.finding)).toEqual([web])
    expect(verdict.result).toBe('fail')
  })

  it('a repository scope with * matches by wildcard', () => {
    const inTeam = finding({
      vulnerabilityId: 'CVE-1',
      artifact: artifact({ repository: 'team/api' })
    })
    const other = finding({ vulnerabilityId: 'CVE-1', artifact: artifact({ repository: 'teamx' }) })
    const verdict = run([scanned([inTeam]), scanned([other])], {}, [
      rule({ id: 'CVE-1', repository: 'team/*' })
    ])

    expect(verdict.ignored.map((i) => i.finding)).toEqual([inTeam])
  })

  it('treats regex characters in a repository scope literally', () => {
    const f = finding({ vulnerabilityId: 'CVE-1', artifact: artifact({ repository: 'appxv1' }) })
    const verdict = gate([f], {}, [rule({ id: 'CVE-1', repository: 'app.v1*' })])

    expect(verdict.ignored).toEqual([])
  })

  it('an image-scoped rule matches the reference as written', () => {
    const f = finding({ vulnerabilityId: 'CVE-1' })
    const other = finding({
      vulnerabilityId: 'CVE-1',
      artifact: artifact({ reference: `${REGISTRY}/app:2.0.0`, digest: DIGEST_OTHER })
    })
    const verdict = run([scanned([f]), scanned([other])], {}, [
      rule({ id: 'CVE-1', image: f.artifact.reference })
    ])

    expect(verdict.ignored.map((i) => i.finding)).toEqual([f])
  })

  it('an image-scoped rule matches the scanned digest', () => {
    const f = finding({ vulnerabilityId: 'CVE-1' })
    const verdict = gate([f], {}, [rule({ id: 'CVE-1', image: imageDigestOf(f) })])
    const miss = gate([f], {}, [rule({ id: 'CVE-1', image: DIGEST_OTHER })])

    expect(verdict.ignored).toHaveLength(1)
    expect(miss.ignored).toEqual([])
  })

  it('an sbom-scoped rule matches the SBOM file as listed, or the image it describes', () => {
    const inSbom = finding({ vulnerabilityId: 'CVE-1', artifact: sbomTarget() })
    const inOther = finding({
      vulnerabilityId: 'CVE-1',
      artifact: sbomTarget({
        reference: 'build/other.cdx.json',
        subjectName: 'ghcr.io/acme/other:3'
      })
    })
    const both = [scanned([inSbom]), scanned([inOther])]
    const ignoredBy = (r: IgnoreRule) => run(both, {}, [r]).ignored.map((i) => i.finding)

    expect(ignoredBy(rule({ id: 'CVE-1', sbom: 'build/app.cdx.json' }))).toEqual([inSbom])
    expect(ignoredBy(rule({ id: 'CVE-1', sbom: 'ghcr.io/acme/app:1.2' }))).toEqual([inSbom])
    expect(ignoredBy(rule({ id: 'CVE-1', sbom: DIGEST_OTHER }))).toEqual([])
    // The SBOM's subject is an image: an image scope naming it applies to the SBOM too.
    expect(ignoredBy(rule({ id: 'CVE-1', image: 'ghcr.io/acme/app:1.2' }))).toEqual([inSbom])
    // But not the file name as an image, nor a repository or function scope (no such thing here).
    expect(ignoredBy(rule({ id: 'CVE-1', image: 'build/app.cdx.json' }))).toEqual([])
    expect(ignoredBy(rule({ id: 'CVE-1', repository: '*' }))).toEqual([])
    expect(ignoredBy(rule({ id: 'CVE-1', function: 'build/app.cdx.json' }))).toEqual([])
  })

  it('an sbom-scoped rule never matches an image or a function', () => {
    const f = finding({ vulnerabilityId: 'CVE-1' })
    const verdict = gate([f], {}, [rule({ id: 'CVE-1', sbom: f.artifact.reference })])

    expect(verdict.ignored).toEqual([])
  })

  it('a package-scoped rule matches only findings in that package', () => {
    const inOpenssl = finding({ vulnerabilityId: 'CVE-1', packages: [{ name: 'openssl' }] })
    const inCurl = finding({ vulnerabilityId: 'CVE-1', packages: [{ name: 'curl' }] })
    const verdict = gate([inOpenssl, inCurl], {}, [rule({ id: 'CVE-1', package: 'curl' })])

    expect(verdict.ignored.map((i) => i.finding)).toEqual([inCurl])
    expect(verdict.assessed.map((a) => a.finding)).toEqual([inOpenssl])
  })

  it('an expired rule (expired yesterday) no longer applies, is listed and warned about', () => {
    const f = finding({ vulnerabilityId: 'CVE-1' })
    const r = rule({ id: 'CVE-1', expires: YESTERDAY, line: 7 })
    const verdict = gate([f], {}, [r])

    expect(verdict.result).toBe('fail')
    expect(verdict.ignored).toEqual([])
    expect(verdict.expiredRules).toEqual([r])
    expect(verdict.unusedRules).toEqual([])
    expect(verdict.warnings).toEqual([
      `ignore entry CVE-1 (.inspector-ignore.yml:7) expired on ${YESTERDAY} and no longer applies`
    ])
  })

  it('a rule expiring today still applies until the end of the UTC day', () => {
    const f = finding({ vulnerabilityId: 'CVE-1' })
    const r = rule({ id: 'CVE-1', expires: TODAY })
    const lastMoment = new Date(`${TODAY}T23:59:59.999Z`)
    const nextDay = new Date(lastMoment.getTime() + 1)
    const at = (now: Date): Verdict =>
      evaluate({ outcomes: [scanned([f])], policy: policy(), ignoreRules: [r], now })

    expect(at(NOW).result).toBe('pass')
    expect(at(lastMoment).result).toBe('pass')
    expect(at(lastMoment).expiredRules).toEqual([])
    expect(at(nextDay).result).toBe('fail')
    expect(at(nextDay).expiredRules).toEqual([r])
  })

  it('warns about a rule that matched no finding', () => {
    const r = rule({ id: 'CVE-9999-0000', line: 4 })
    const verdict = gate([finding({ severity: 'low' })], {}, [r])

    expect(verdict.result).toBe('pass')
    expect(verdict.unusedRules).toEqual([r])
    expect(verdict.warnings).toEqual([
      'ignore entry CVE-9999-0000 (.inspector-ignore.yml:4) matched no finding; remove it if it is no longer needed'
    ])
  })

  it('an ignored finding neither blocks nor uses up a budget', () => {
    const verdict = gate(
      [finding({ vulnerabilityId: 'CVE-A' }), finding({ vulnerabilityId: 'CVE-B' })],
      { maxFindings: { high: 1 } },
      [rule({ id: 'CVE-A' })]
    )

    expect(verdict.result).toBe('pass')
  })
})

describe('evaluate: outcomes other than scanned', () => {
  it('unscannable with on-unscannable fail fails, naming the image and reason', () => {
    const verdict = run([unscannable({ platform: 'linux/arm64' })], { onUnscannable: 'fail' })

    expect(verdict.result).toBe('fail')
    expect(verdict.failures).toEqual([
      `${REGISTRY}/app:1.0.0 (linux/arm64) cannot be scanned (UNSUPPORTED_OS): Inspector does not support the base image operating system`
    ])
    expect(verdict.warnings).toEqual([])
  })

  it('unscannable with on-unscannable warn warns and passes', () => {
    const verdict = run([unscannable()], { onUnscannable: 'warn' })

    expect(verdict.result).toBe('pass')
    expect(verdict.failures).toEqual([])
    expect(verdict.warnings).toHaveLength(1)
    expect(verdict.warnings[0]).toContain('cannot be scanned (UNSUPPORTED_OS)')
  })

  it('an error with on-error fail is result error (not fail), with the message in failures', () => {
    const verdict = run([failed('AccessDeniedException: not authorized')], { onError: 'fail' })

    expect(verdict.result).toBe('error')
    expect(verdict.failures).toEqual([
      `${REGISTRY}/app:1.0.0: AccessDeniedException: not authorized`
    ])
    expect(verdict.warnings).toEqual([])
  })

  it('an error with on-error warn puts the message in warnings, not failures', () => {
    const verdict = run([failed('timed out after 15m')], { onError: 'warn' })

    // The verdict stays `error` (no verdict was reached); the action passes the step for warn.
    expect(verdict.result).toBe('error')
    expect(verdict.failures).toEqual([])
    expect(verdict.warnings).toEqual([`${REGISTRY}/app:1.0.0: timed out after 15m`])
  })

  it('labels an error with the platform when the artifact was resolved', () => {
    const outcome: ArtifactOutcome = {
      status: 'error',
      reference: `${REGISTRY}/app:1.0.0`,
      artifact: artifact({ platform: 'linux/amd64' }),
      message: 'boom',
      timedOut: false
    }

    expect(run([outcome]).failures).toEqual([`${REGISTRY}/app:1.0.0 (linux/amd64): boom`])
  })

  it('precedence: a policy failure beats an error', () => {
    const verdict = run([scanned([finding({ severity: 'critical' })]), failed('throttled')])

    expect(verdict.result).toBe('fail')
    expect(verdict.failures).toHaveLength(2)
    expect(verdict.failures[1]).toContain('throttled')
  })

  it('precedence: an unscannable failure beats an error', () => {
    expect(run([unscannable(), failed('throttled')]).result).toBe('fail')
  })

  it('precedence: an error beats a pass', () => {
    const verdict = run([scanned([finding({ severity: 'low' })]), failed('throttled')])

    expect(verdict.result).toBe('error')
  })

  it('returns the outcomes it was given', () => {
    const outcomes = [scanned([]), unscannable(), failed('x')]

    expect(run(outcomes, { onUnscannable: 'warn' }).outcomes).toBe(outcomes)
  })

  it('treats a verdict on findings that had not settled as an error (fail closed)', () => {
    const f = finding({ severity: 'low' })
    const verdict = run([scanned([f], { settled: false })])

    expect(verdict.result).toBe('error')
    const unsettled = verdict.failures.filter((w) => w.includes(f.artifact.reference))
    expect(unsettled).toHaveLength(1)
    expect(unsettled[0]).toMatch(/settle/)
  })

  it('lets on-error: warn pass an unsettled verdict with a warning', () => {
    const f = finding({ severity: 'low' })
    const verdict = run([scanned([f], { settled: false })], { onError: 'warn' })

    expect(verdict.result).toBe('error')
    expect(verdict.failures).toEqual([])
    expect(verdict.warnings.some((w) => w.includes('settle'))).toBe(true)
  })

  it('does not warn about settling when the findings settled', () => {
    const verdict = run([scanned([finding({ severity: 'low' })], { settled: true })])

    expect(verdict.warnings).toEqual([])
  })
})

describe('evaluate: counts and ordering', () => {
  it('counts non-ignored findings by raw severity, blocking or not', () => {
    const verdict = gate(
      [
        finding({ severity: 'critical', vulnerabilityId: 'CVE-IGNORED' }),
        finding({ severity: 'critical' }),
        finding({ severity: 'high', fixAvailable: 'no' }),
        finding({ severity: 'medium' }),
        finding({ severity: 'low' }),
        finding({ severity: 'informational' }),
        finding({ severity: 'untriaged' })
      ],
      { fixableOnly: true },
      [rule({ id: 'CVE-IGNORED' })]
    )

    expect(verdict.counts).toEqual({
      critical: 1,
      high: 1,
      medium: 1,
      low: 1,
      informational: 1,
      untriaged: 1
    })
  })

  it('orders blocking findings first, then by effective severity', () => {
    const verdict = gate(
      [
        finding({ severity: 'low', vulnerabilityId: 'CVE-LOW' }),
        finding({ severity: 'critical', fixAvailable: 'no', vulnerabilityId: 'CVE-CRIT-NOFIX' }),
        finding({ severity: 'high', vulnerabilityId: 'CVE-HIGH' }),
        finding({ severity: 'medium', vulnerabilityId: 'CVE-MED' }),
        finding({ severity: 'untriaged', vulnerabilityId: 'CVE-UNTRIAGED' }),
        finding({ severity: 'critical', vulnerabilityId: 'CVE-CRIT' })
      ],
      { fixableOnly: true, untriagedAs: 'medium', failOn: 'high' }
    )

    expect(verdict.assessed.map((a) => [a.finding.vulnerabilityId, a.blocking])).toEqual([
      ['CVE-CRIT', true],
      ['CVE-HIGH', true],
      ['CVE-CRIT-NOFIX', false],
      ['CVE-MED', false],
      ['CVE-UNTRIAGED', false],
      ['CVE-LOW', false]
    ])
  })

  it('within a severity, orders by Inspector score, then by vulnerability id', () => {
    const verdict = gate([
      finding({ vulnerabilityId: 'CVE-B', inspectorScore: 7.5 }),
      finding({ vulnerabilityId: 'CVE-A', inspectorScore: 7.5 }),
      finding({ vulnerabilityId: 'CVE-C', inspectorScore: 8.8 }),
      finding({ vulnerabilityId: 'CVE-0' })
    ])

    expect(verdict.assessed.map((a) => a.finding.vulnerabilityId)).toEqual([
      'CVE-C',
      'CVE-A',
      'CVE-B',
      'CVE-0'
    ])
  })

  it('is pure: the same input gives the same verdict', () => {
    const findings = [finding({ severity: 'critical' }), finding({ severity: 'low' })]
    const rules = [rule({ id: 'CVE-0000-0000' })]

    expect(gate(findings, {}, rules)).toEqual(gate(findings, {}, rules))
  })
})

function imageDigestOf(f: { artifact: { kind: string } & Partial<{ digest: string }> }): string {
  if (f.artifact.kind !== 'image' || f.artifact.digest === undefined)
    throw new Error('not an image')
  return f.artifact.digest
}

describe('evaluate: budgets for code findings', () => {
  it('counts the same rule in two files twice: each place is a separate problem', () => {
    const code = (file: string) =>
      finding({
        severity: 'high',
        vulnerabilityId: 'python/sql-injection',
        packages: [],
        code: { filePath: file, startLine: 10, cwes: ['CWE-89'] }
      })
    const verdict = gate([code('a.py'), code('b.py')], { failOn: 'none', maxFindings: { high: 1 } })

    expect(verdict.result).toBe('fail')
    expect(verdict.failures[0]).toContain('2 high findings exceed max-findings high=1')
  })
})
