import { beforeAll, describe, expect, it, test } from '@jest/globals'
import type { Log, Notification, ReportingDescriptor, Result, Run } from 'sarif'
import { evaluate } from '../../../../src/domain/evaluate.js'
import type { Finding, FunctionArtifact, ImageArtifact } from '../../../../src/domain/finding.js'
import type { ArtifactOutcome } from '../../../../src/domain/outcome.js'
import type { Policy } from '../../../../src/domain/policy.js'
import type { Verdict } from '../../../../src/domain/verdict.js'
import { sarifMessageText } from '../../../../src/text/escape.js'
import {
  MAX_SARIF_RESULTS_PER_RUN,
  MAX_SARIF_RUNS,
  renderSarif,
  type SarifOptions
} from '../../../../src/gate/render/sarif/sarif.js'
import { FINGERPRINT_KEY, STATUS_CATEGORY } from '../../../../src/gate/render/sarif/identity.js'
import { artifact, sbomTarget } from '../../../fixtures/artifacts.js'
import { ACCOUNT, DIGEST_ARM64, DIGEST_OTHER, NOW, REGISTRY } from '../../../fixtures/digests.js'
import { finding } from '../../../fixtures/findings.js'
import { failed, scanned, unscannable } from '../../../fixtures/outcomes.js'
import { policy } from '../../../fixtures/policy.js'
import {
  MULTITOOL_SUPPORTED,
  multitoolFindings,
  schemaErrors
} from '../../../helpers/sarif-validation.js'

// ---- builders ------------------------------------------------------------------------------

const OPTIONS: SarifOptions = {
  location: 'Dockerfile',
  toolVersion: '1.2.3',
  informationUri: 'https://github.com/inspector-gate/inspector-gate'
}

const AMD64 = artifact({ platform: 'linux/amd64' })
const ARM64 = artifact({ platform: 'linux/arm64', digest: DIGEST_ARM64 })
const WORKER = artifact({ repository: 'worker', digest: DIGEST_OTHER })

function lambda(
  scanType: FunctionArtifact['scanType'],
  overrides: Partial<FunctionArtifact> = {}
): FunctionArtifact {
  return {
    kind: 'function',
    reference: 'orders-api',
    region: 'us-east-1',
    resourceId: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api:$LATEST`,
    accountId: ACCOUNT,
    functionName: 'orders-api',
    codeSha256: 'k3Jx9c0S2b5yYm9vZ2xlZm9vYmFyYmF6cXV4MTIzNDU=',
    lastModified: new Date('2026-03-15T11:00:00Z'),
    runtime: 'python3.11',
    scanType,
    ...overrides
  }
}

function codeFinding(overrides: Partial<Finding> = {}): Finding {
  return finding({
    vulnerabilityId: 'python/sql-injection@v1.0',
    title: 'SQL injection',
    description: 'User input reaches a SQL query unsanitised.',
    type: 'code',
    packages: [],
    fixAvailable: 'no',
    code: {
      filePath: '/src\\handlers\\orders.py',
      startLine: 42,
      endLine: 44,
      cwes: ['CWE-89'],
      detectorName: 'SQL injection',
      ruleId: 'python/sql-injection@v1.0'
    },
    artifact: lambda('code'),
    ...overrides
  })
}

function verdictOf(outcomes: ArtifactOutcome[], overrides: Partial<Policy> = {}): Verdict {
  return evaluate({ outcomes, policy: policy(overrides), ignoreRules: [], now: NOW })
}

/** Every log the suite renders is checked against the SARIF 2.1.0 schema. */
function render(
  verdict: Verdict,
  options: Partial<SarifOptions> = {}
): { log: Log; warnings: string[] } {
  const rendered = renderSarif(verdict, { ...OPTIONS, ...options })
  expect(schemaErrors(rendered.log)).toEqual([])
  return rendered
}

function runsWithResults(log: Log): Run[] {
  return log.runs.filter((run) => run.automationDetails?.id !== STATUS_CATEGORY)
}

function rulesOf(run: Run | undefined): ReportingDescriptor[] {
  return run?.tool.driver.rules ?? []
}

function resultsOf(run: Run | undefined): Result[] {
  return run?.results ?? []
}

function ruleById(run: Run | undefined, id: string): ReportingDescriptor {
  const rule = rulesOf(run).find((candidate) => candidate.id === id)
  if (rule === undefined) throw new Error(`no rule ${id}`)
  return rule
}

function onlyRun(log: Log): Run {
  const runs = runsWithResults(log)
  expect(runs).toHaveLength(1)
  return runs[0] as Run
}

function uriOf(result: Result | undefined): string | undefined {
  return result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri
}

function regionOf(result: Result | undefined): unknown {
  return result?.locations?.[0]?.physicalLocation?.region
}

function fingerprintOf(result: Result | undefined): string | undefined {
  return result?.partialFingerprints?.[FINGERPRINT_KEY]
}

const CATEGORY = /^inspector-gate\/[a-z0-9][a-z0-9._-]*-[0-9a-f]{12}\/$/

// ---- the log -------------------------------------------------------------------------------

describe('renderSarif log and runs', () => {
  it('writes SARIF 2.1.0 with one run per reference: a multi-arch image is one run', () => {
    const verdict = verdictOf([
      scanned([finding({ artifact: AMD64 })]),
      scanned([finding({ artifact: ARM64 })]),
      scanned([finding({ artifact: WORKER, severity: 'low' })])
    ])
    const { log, warnings } = render(verdict)

    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(warnings).toEqual([])
    expect(log.runs).toHaveLength(2)
    const [app, worker] = log.runs
    expect(app?.properties?.['reference']).toBe(`${REGISTRY}/app:1.0.0`)
    expect(resultsOf(app)).toHaveLength(2)
    expect(resultsOf(app).map((r) => r.properties?.['platform'])).toEqual([
      'linux/amd64',
      'linux/arm64'
    ])
    expect(worker?.properties?.['reference']).toBe(`${REGISTRY}/worker:1.0.0`)
    expect(resultsOf(worker)).toHaveLength(1)

    const ids = log.runs.map((run) => run.automationDetails?.id ?? '')
    for (const id of ids) expect(id).toMatch(CATEGORY)
    expect(new Set(ids).size).toBe(2)
    expect(ids[0]).toMatch(/^inspector-gate\/app-/)
    expect(ids[1]).toMatch(/^inspector-gate\/worker-/)
    for (const run of log.runs) {
      expect(run.tool.driver).toMatchObject({
        name: 'inspector-gate',
        version: '1.2.3',
        semanticVersion: '1.2.3',
        informationUri: 'https://github.com/inspector-gate/inspector-gate'
      })
      expect(run.invocations).toEqual([{ executionSuccessful: true }])
    }
  })

  it('keeps a category across pushes (new tag, new digest) and apart for colliding names', () => {
    const categoryOf = (image: ImageArtifact): string | undefined =>
      render(verdictOf([scanned([finding({ artifact: image })])])).log.runs[0]?.automationDetails
        ?.id
    const thisPush = categoryOf(artifact({ reference: `${REGISTRY}/app:sha-1111111` }))
    const nextPush = categoryOf(
      artifact({ reference: `${REGISTRY}/app:sha-2222222`, digest: DIGEST_OTHER })
    )
    expect(nextPush).toBe(thisPush)

    const slash = categoryOf(artifact({ repository: 'shop/api', reference: 'shop/api:1' }))
    const dash = categoryOf(artifact({ repository: 'shop-api', reference: 'shop-api:1' }))
    expect(slash).toMatch(/^inspector-gate\/shop-api-[0-9a-f]{12}\/$/)
    expect(dash).toMatch(/^inspector-gate\/shop-api-[0-9a-f]{12}\/$/)
    expect(slash).not.toBe(dash)
  })

  it('gives two references to one repository distinct categories', () => {
    const latest = artifact({ reference: `${REGISTRY}/app:latest` })
    const pinned = artifact({ reference: `${REGISTRY}/app@${latest.digest}` })
    const { log } = render(
      verdictOf([
        scanned([finding({ artifact: latest })]),
        scanned([finding({ artifact: pinned })])
      ])
    )
    expect(log.runs).toHaveLength(2)
    const ids = log.runs.map((run) => run.automationDetails?.id)
    expect(new Set(ids).size).toBe(2)
  })

  it("keeps an SBOM's category and fingerprints across builds: the image it describes, without tag or digest", () => {
    const resultOf = (sbom: ReturnType<typeof sbomTarget>) => {
      const run = onlyRun(
        render(verdictOf([scanned([finding({ vulnerabilityId: 'CVE-1', artifact: sbom })])])).log
      )
      return { category: run.automationDetails?.id, result: resultsOf(run)[0] }
    }
    const thisBuild = resultOf(sbomTarget())
    const nextBuild = resultOf(
      sbomTarget({ subjectName: 'ghcr.io/acme/app:1.3', subjectDigest: DIGEST_OTHER })
    )
    const otherImage = resultOf(sbomTarget({ subjectName: 'ghcr.io/acme/worker:1.2' }))

    expect(thisBuild.category).toMatch(/^inspector-gate\/sbom-ghcr.io-acme-app-[0-9a-f]{12}\/$/)
    expect(nextBuild.category).toBe(thisBuild.category)
    expect(fingerprintOf(nextBuild.result)).toBe(fingerprintOf(thisBuild.result))
    expect(otherImage.category).not.toBe(thisBuild.category)
    expect(thisBuild.result?.properties).toMatchObject({
      sbomFormat: 'CycloneDX 1.5',
      subject: 'ghcr.io/acme/app:1.2',
      digest: sbomTarget().subjectDigest
    })
    // An SBOM has no place in the repository of its own: its results point at the location given.
    expect(uriOf(thisBuild.result)).toBe('Dockerfile')
  })

  it("puts a function's package and code scans in one run", () => {
    const verdict = verdictOf([
      scanned([finding({ artifact: lambda('package') })]),
      scanned([codeFinding()])
    ])
    const run = onlyRun(render(verdict).log)
    expect(run.automationDetails?.id).toMatch(/^inspector-gate\/lambda-orders-api-[0-9a-f]{12}\/$/)
    expect(
      resultsOf(run)
        .map((r) => r.properties?.['scanType'])
        .sort()
    ).toEqual(['code', 'package'])
  })

  it('gives a target that was not fully scanned no run, and reports it in a status run', () => {
    const legacy = artifact({ repository: 'legacy' })
    const verdict = verdictOf([
      scanned([finding({ artifact: WORKER })]),
      unscannable({ repository: 'legacy' }),
      // One platform scanned, the other errored: its run would close the errored platform's alerts.
      scanned([finding({ artifact: AMD64 })]),
      failed('timed out waiting for the scan', AMD64.reference)
    ])
    const { log, warnings } = render(verdict)

    expect(
      log.runs.map((run) => run.properties?.['reference'] ?? run.automationDetails?.id)
    ).toEqual([WORKER.reference, STATUS_CATEGORY])
    const status = log.runs[1]
    expect(status?.results).toEqual([])
    expect(rulesOf(status)).toEqual([])
    expect(status?.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: {
              text: `${legacy.reference} cannot be scanned (UNSUPPORTED_OS): Inspector does not support the base image operating system. No run was uploaded for ${legacy.reference}; code scanning keeps the alerts of its last complete scan.`
            }
          },
          {
            level: 'error',
            message: {
              text: `${AMD64.reference}: timed out waiting for the scan. No run was uploaded for ${AMD64.reference}; code scanning keeps the alerts of its last complete scan.`
            }
          }
        ]
      }
    ])
    expect(warnings).toEqual([
      `no code scanning run for ${legacy.reference}: ${legacy.reference} cannot be scanned (UNSUPPORTED_OS); code scanning keeps the alerts of its last complete scan`,
      `no code scanning run for ${AMD64.reference}: ${AMD64.reference} failed (timed out waiting for the scan); code scanning keeps the alerts of its last complete scan`
    ])
  })

  it('still writes one (status) run when nothing was scanned: GitHub rejects a log without runs', () => {
    const { log } = render(verdictOf([failed('AccessDeniedException: not authorized')]))
    expect(log.runs).toHaveLength(1)
    expect(log.runs[0]?.automationDetails?.id).toBe(STATUS_CATEGORY)
    expect(log.runs[0]?.results).toEqual([])

    const empty = render(verdictOf([])).log
    expect(empty.runs).toHaveLength(1)
    expect(empty.runs[0]?.invocations).toEqual([{ executionSuccessful: true }])
  })

  it('gives a scan whose findings had not settled no run: late findings would look fixed', () => {
    const verdict = verdictOf([scanned([finding({ artifact: AMD64 })], { settled: false })])
    const { log, warnings } = render(verdict)
    expect(log.runs.map((run) => run.automationDetails?.id)).toEqual([STATUS_CATEGORY])
    expect(log.runs[0]?.invocations?.[0]?.toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: {
          text: `${AMD64.reference} (linux/amd64): findings were still arriving when settle ran out. No run was uploaded for ${AMD64.reference}; code scanning keeps the alerts of its last complete scan.`
        }
      }
    ])
    expect(warnings).toEqual([
      `no code scanning run for ${AMD64.reference}: ${AMD64.reference} (linux/amd64) had findings still arriving; code scanning keeps the alerts of its last complete scan`
    ])
  })

  it('gives two gate steps disjoint categories, even for the same repository', () => {
    const verdict = verdictOf([
      scanned([finding({ artifact: AMD64 })]),
      unscannable({ repository: 'legacy' })
    ])
    const categories = (step: string) =>
      render(verdict, { step }).log.runs.map((run) => run.automationDetails?.id)
    const build = categories('ci/build/gate')
    const nightly = categories('ci/build/gate-again')
    expect(build).toHaveLength(2)
    expect(nightly).toHaveLength(2)
    expect(build.filter((id) => nightly.includes(id))).toEqual([])
    // The same step keeps its categories from run to run.
    expect(categories('ci/build/gate')).toEqual(build)
    expect(build).not.toContain(STATUS_CATEGORY)
  })

  it('is deterministic', () => {
    const verdict = verdictOf([
      scanned([finding({ artifact: AMD64 }), finding({ artifact: AMD64, severity: 'low' })]),
      scanned([codeFinding()])
    ])
    expect(JSON.stringify(render(verdict).log)).toBe(JSON.stringify(render(verdict).log))
    expect(JSON.stringify(render(verdict).log)).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/)
  })
})

// ---- caps ----------------------------------------------------------------------------------

describe('renderSarif caps', () => {
  it(`keeps ${MAX_SARIF_RUNS} runs, those with blocking findings first, and warns`, () => {
    const images = Array.from({ length: 23 }, (_, i) =>
      artifact({ repository: `svc-${String(i).padStart(2, '0')}` })
    )
    // The last three in input order are the ones that block.
    const outcomes = images.map((image, i) =>
      scanned([finding({ artifact: image, severity: i >= 20 ? 'critical' : 'low' })])
    )
    const { log, warnings } = render(verdictOf(outcomes))

    expect(log.runs).toHaveLength(MAX_SARIF_RUNS)
    const kept = log.runs.map((run) => run.properties?.['reference'])
    for (const blocking of images.slice(20)) expect(kept).toContain(blocking.reference)
    // Runs keep the verdict's order.
    expect(kept).toEqual(images.map((image) => image.reference).filter((ref) => kept.includes(ref)))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^3 targets left out \(GitHub accepts at most 20 runs per upload; targets with blocking findings were kept first\): /
    )
  })

  it('counts the status run against the limit', () => {
    const outcomes = Array.from({ length: 21 }, (_, i) =>
      scanned([finding({ artifact: artifact({ repository: `svc-${i}` }) })])
    )
    const { log, warnings } = render(verdictOf([...outcomes, failed('boom', 'broken:1')]))
    expect(log.runs).toHaveLength(MAX_SARIF_RUNS)
    expect(log.runs.at(-1)?.automationDetails?.id).toBe(STATUS_CATEGORY)
    const notifications = log.runs.at(-1)?.invocations?.[0]?.toolExecutionNotifications ?? []
    expect(notifications.map((n) => n.message.text)).toEqual([
      'broken:1: boom. No run was uploaded for broken:1; code scanning keeps the alerts of its last complete scan.',
      expect.stringMatching(/^2 targets left out of this upload/)
    ])
    expect(warnings.map((w) => w.slice(0, 24))).toEqual([
      'no code scanning run for',
      '2 targets left out (GitH'
    ])
  })

  it(`keeps ${MAX_SARIF_RESULTS_PER_RUN.toLocaleString('en-US')} results per run, the blocking ones first`, () => {
    const total = MAX_SARIF_RESULTS_PER_RUN + 10
    const findings: Finding[] = []
    for (let i = 0; i < total; i++) {
      // A few vulnerabilities over many packages keep the rules table small.
      const blocking = i % 2500 === 7 && i < MAX_SARIF_RESULTS_PER_RUN
      findings.push(
        finding({
          id: `finding-${i}`,
          vulnerabilityId: blocking ? `CVE-2026-9${i}` : `CVE-2026-${i % 40}`,
          severity: blocking ? 'critical' : 'low',
          packages: [{ name: `pkg-${i}`, installedVersion: '1.0.0' }],
          artifact: AMD64
        })
      )
    }
    const { log, warnings } = render(verdictOf([scanned(findings)]))
    const results = resultsOf(onlyRun(log))
    expect(results).toHaveLength(MAX_SARIF_RESULTS_PER_RUN)
    expect(results.filter((r) => r.level === 'error')).toHaveLength(10)
    expect(results.slice(0, 10).every((r) => r.level === 'error')).toBe(true)
    expect(warnings).toEqual([
      `10 findings of ${AMD64.reference} left out of its run (GitHub accepts at most 25,000 results per run; the most severe were kept)`
    ])
    for (const result of results) expect(result.locations).toHaveLength(1)
  })
})

// ---- rules ---------------------------------------------------------------------------------

describe('renderSarif rules', () => {
  it('has one rule per vulnerability, shared by the platforms it is found on', () => {
    const shared = { vulnerabilityId: 'CVE-2026-1000', url: 'https://nvd.nist.gov/x' }
    const verdict = verdictOf([
      scanned([finding({ ...shared, artifact: AMD64 }), finding({ artifact: AMD64 })]),
      scanned([finding({ ...shared, artifact: ARM64 })])
    ])
    const run = onlyRun(render(verdict).log)
    const rules = rulesOf(run)
    expect(rules).toHaveLength(2)
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(2)
    const sharedResults = resultsOf(run).filter((r) => r.ruleId === 'CVE-2026-1000')
    expect(sharedResults).toHaveLength(2)
    for (const result of resultsOf(run)) {
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId)
    }
  })

  it('describes the vulnerability: descriptions, help as text and markdown, level, tags', () => {
    const f = finding({
      vulnerabilityId: 'CVE-2024-3094',
      title: 'CVE-2024-3094 - xz-utils',
      description: 'Malicious code was discovered in the upstream tarballs of xz.',
      severity: 'critical',
      url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-3094',
      packages: [
        { name: 'xz-utils', installedVersion: '5.6.0', fixedInVersion: '5.6.1' },
        { name: 'liblzma5', installedVersion: '5.6.0' }
      ],
      inspectorScore: 10,
      epss: 0.85,
      exploitAvailable: 'yes',
      remediation: 'Upgrade xz-utils.',
      artifact: AMD64
    })
    const rule = ruleById(onlyRun(render(verdictOf([scanned([f])])).log), 'CVE-2024-3094')
    expect(rule).toEqual({
      id: 'CVE-2024-3094',
      shortDescription: { text: 'CVE-2024-3094 - xz-utils' },
      fullDescription: { text: 'Malicious code was discovered in the upstream tarballs of xz.' },
      helpUri: 'https://nvd.nist.gov/vuln/detail/CVE-2024-3094',
      help: {
        text: [
          'CVE-2024-3094 - xz-utils',
          '',
          'Malicious code was discovered in the upstream tarballs of xz.',
          '',
          'Severity: Critical (security severity 10.0, Inspector score 10.0, EPSS 85.00%, exploit available)',
          '',
          'Packages (installed → fixed):',
          '- xz-utils 5.6.0 → 5.6.1',
          '- liblzma5 5.6.0 → no fixed version yet',
          '',
          'Advisory: https://nvd.nist.gov/vuln/detail/CVE-2024-3094',
          '',
          'Remediation: Upgrade xz-utils.'
        ].join('\n'),
        markdown: [
          '**CVE-2024-3094 - xz-utils**',
          '',
          'Malicious code was discovered in the upstream tarballs of xz.',
          '',
          '**Severity:** Critical · security severity 10.0 · Inspector score 10.0 · EPSS 85.00% · exploit available',
          '',
          '**Packages** (installed → fixed):',
          '',
          '- xz-utils 5.6.0 → 5.6.1',
          '- liblzma5 5.6.0 → no fixed version yet',
          '',
          '**Advisory:** [CVE-2024-3094](https://nvd.nist.gov/vuln/detail/CVE-2024-3094)',
          '',
          '**Remediation:** Upgrade xz-utils.'
        ].join('\n')
      },
      defaultConfiguration: { level: 'error' },
      properties: {
        'security-severity': '10.0',
        tags: ['security', 'vulnerability', 'critical', 'exploit-known', 'epss:85%', 'package']
      }
    })
  })

  it('tags a rule with neither risk fact when its findings have none', () => {
    const f = finding({ severity: 'high', exploitAvailable: 'no', artifact: AMD64 })
    const rule = ruleById(onlyRun(render(verdictOf([scanned([f])])).log), f.vulnerabilityId)
    expect(rule?.properties?.tags).toEqual(['security', 'vulnerability', 'high', 'package'])
  })

  it('records in each result which rules blocked it', () => {
    const f = finding({ severity: 'low', exploitAvailable: 'yes', epss: 0.42, artifact: AMD64 })
    const verdict = verdictOf([scanned([f])], { failOnExploitable: true, failOnEpss: 0.1 })
    const [result] = resultsOf(onlyRun(render(verdict).log))
    expect(result?.level).toBe('error')
    expect(result?.message.text).toMatch(/; blocks the gate \(exploit known; EPSS 42 % ≥ 10 %\)\.$/)
    expect(result?.properties?.['blockedBy']).toEqual([
      { rule: 'fail-on-exploitable', text: 'exploit known' },
      { rule: 'fail-on-epss', text: 'EPSS 42 % ≥ 10 %' }
    ])
  })

  it('tags code findings with their CWEs and lists their places', () => {
    const verdict = verdictOf([scanned([codeFinding()])])
    const rule = ruleById(onlyRun(render(verdict).log), 'python/sql-injection@v1.0')
    expect(rule.properties?.tags).toEqual([
      'security',
      'vulnerability',
      'high',
      'code',
      'external/cwe/cwe-89'
    ])
    expect(rule.help?.markdown).toContain('**Locations:**\n\n- `src/handlers/orders.py:42`')
    expect(rule.help?.markdown).toContain('**Detector:** SQL injection')
    expect(rule.help?.text).toContain('CWE: CWE-89')
  })

  it('maps security-severity from the score, then CVSS, then the severity', () => {
    const cases: [Partial<Finding>, string][] = [
      [{ severity: 'high', inspectorScore: 9.8, cvss: { score: 5 } }, '9.8'],
      [{ severity: 'high', cvss: { score: 6.1, version: '3.1' } }, '6.1'],
      [{ severity: 'critical' }, '9.5'],
      [{ severity: 'high' }, '8.0'],
      [{ severity: 'medium' }, '5.5'],
      [{ severity: 'low' }, '2.0'],
      [{ severity: 'informational' }, '1.0'],
      // Untriaged counts at untriaged-as (high in this policy), and shows as high.
      [{ severity: 'untriaged' }, '8.0'],
      [{ severity: 'low', inspectorScore: 0 }, '2.0'],
      [{ severity: 'critical', inspectorScore: 12 }, '10.0']
    ]
    const findings = cases.map(([overrides], i) =>
      finding({ vulnerabilityId: `CVE-2026-${i}`, artifact: AMD64, ...overrides })
    )
    const run = onlyRun(render(verdictOf([scanned(findings)])).log)
    cases.forEach(([, expected], i) => {
      expect([i, ruleById(run, `CVE-2026-${i}`).properties?.['security-severity']]).toEqual([
        i,
        expected
      ])
    })

    const lowPolicy = verdictOf([scanned([finding({ severity: 'untriaged', artifact: AMD64 })])], {
      untriagedAs: 'low'
    })
    expect(rulesOf(onlyRun(render(lowPolicy).log))[0]?.properties?.['security-severity']).toBe(
      '2.0'
    )
  })

  it('sets helpUri only for http(s) advisory links', () => {
    const urls = ['javascript:alert(1)', 'data:text/html,x', 'not a url', 'http://example.com/a']
    const findings = urls.map((url, i) =>
      finding({ vulnerabilityId: `CVE-2026-${i}`, url, artifact: AMD64 })
    )
    const run = onlyRun(render(verdictOf([scanned(findings)])).log)
    expect(urls.map((_, i) => ruleById(run, `CVE-2026-${i}`).helpUri)).toEqual([
      undefined,
      undefined,
      undefined,
      'http://example.com/a'
    ])
  })
})

// ---- results -------------------------------------------------------------------------------

describe('renderSarif results', () => {
  it('makes blocking findings errors, the rest warnings or notes by severity', () => {
    const verdict = verdictOf([
      scanned([
        finding({ vulnerabilityId: 'CVE-A', severity: 'critical', artifact: AMD64 }),
        finding({ vulnerabilityId: 'CVE-B', severity: 'high', artifact: AMD64 }),
        finding({ vulnerabilityId: 'CVE-C', severity: 'medium', artifact: AMD64 }),
        finding({ vulnerabilityId: 'CVE-D', severity: 'low', artifact: AMD64 }),
        finding({ vulnerabilityId: 'CVE-E', severity: 'informational', artifact: AMD64 })
      ])
    ])
    const run = onlyRun(render(verdict, {}).log)
    expect(resultsOf(run).map((r) => [r.ruleId, r.level])).toEqual([
      ['CVE-A', 'error'],
      ['CVE-B', 'error'],
      ['CVE-C', 'warning'],
      ['CVE-D', 'note'],
      ['CVE-E', 'note']
    ])
    expect(ruleById(run, 'CVE-C').defaultConfiguration?.level).toBe('warning')

    const lenient = onlyRun(
      render(
        verdictOf([scanned([finding({ severity: 'critical', artifact: AMD64 })])], {
          failOn: 'none'
        })
      ).log
    )
    expect(resultsOf(lenient)[0]?.level).toBe('warning')
  })

  it('says what, where and whether it blocks in one line', () => {
    const arm64 = artifact({ platform: 'linux/arm64', digest: `sha256:${'b'.repeat(64)}` })
    const verdict = verdictOf([
      scanned([
        finding({
          vulnerabilityId: 'CVE-2026-1',
          severity: 'critical',
          packages: [{ name: 'openssl', installedVersion: '3.0.1', fixedInVersion: '3.0.2' }],
          artifact: arm64
        }),
        finding({
          vulnerabilityId: 'CVE-2026-2',
          severity: 'untriaged',
          packages: [{ name: 'zlib', installedVersion: '1.2.11' }],
          artifact: arm64
        })
      ])
    ])
    const results = resultsOf(onlyRun(render(verdict, {}).log))
    expect(results.map((r) => r.message.text)).toEqual([
      `CVE-2026-1 (critical): openssl@3.0.1 → 3.0.2 in ${REGISTRY}/app:1.0.0 (linux/arm64, sha256:bbbbbbbbbbbb); blocks the gate (severity CRITICAL ≥ fail-on high).`,
      `CVE-2026-2 (untriaged, counted as high): zlib@1.2.11 (no fixed version yet) in ${REGISTRY}/app:1.0.0 (linux/arm64, sha256:bbbbbbbbbbbb); blocks the gate (severity UNTRIAGED counted as HIGH ≥ fail-on high).`
    ])

    const lenient = verdictOf([scanned([finding({ severity: 'low', artifact: AMD64 })])])
    expect(resultsOf(onlyRun(render(lenient).log))[0]?.message.text).toMatch(
      /; does not block \(below fail-on high\)\.$/
    )
  })

  it('locates image findings at sarif-location, line 1', () => {
    const verdict = verdictOf([scanned([finding({ artifact: AMD64 })])])
    const result = resultsOf(onlyRun(render(verdict, { location: 'docker/app/Dockerfile' }).log))[0]
    expect(uriOf(result)).toBe('docker/app/Dockerfile')
    expect(regionOf(result)).toEqual({ startLine: 1 })
    expect(result?.properties).toMatchObject({
      digest: AMD64.digest,
      platform: 'linux/amd64',
      fixAvailable: 'yes',
      exploitAvailable: 'no',
      packages: [{ name: 'openssl', installedVersion: '3.0.1', fixedInVersion: '3.0.2' }]
    })
  })

  it('locates Lambda code findings at their own file and lines, normalised', () => {
    const verdict = verdictOf([
      scanned([
        codeFinding(),
        codeFinding({
          vulnerabilityId: 'python/path-traversal@v1.0',
          code: { filePath: 'lib/my file#1.py', startLine: 9, endLine: 3, cwes: [] }
        }),
        codeFinding({
          vulnerabilityId: 'python/weird-path@v1.0',
          code: { filePath: '../../..', cwes: [] }
        })
      ])
    ])
    const results = resultsOf(onlyRun(render(verdict).log))
    expect(results.map((r) => [r.ruleId, uriOf(r), regionOf(r)])).toEqual([
      // An end before the start is dropped; the path is percent-encoded as a URI reference.
      ['python/path-traversal@v1.0', 'lib/my%20file%231.py', { startLine: 9 }],
      ['python/sql-injection@v1.0', 'src/handlers/orders.py', { startLine: 42, endLine: 44 }],
      // Nothing usable left of the path: the result still needs a location.
      ['python/weird-path@v1.0', 'Dockerfile', { startLine: 1 }]
    ])
  })

  it('falls back to Dockerfile when sarif-location is not a usable path', () => {
    const { log, warnings } = render(verdictOf([scanned([finding({ artifact: AMD64 })])]), {
      location: '/'
    })
    expect(uriOf(resultsOf(onlyRun(log))[0])).toBe('Dockerfile')
    expect(warnings).toEqual([
      'sarif-location "/" is not a repository file path; results point at Dockerfile'
    ])
  })

  it('fingerprints stay the same across pushes and differ by platform and package', () => {
    const push = (tag: string, amd: string, arm: string): Result[] =>
      resultsOf(
        onlyRun(
          render(
            verdictOf([
              scanned(
                ['openssl', 'zlib'].map((name) =>
                  finding({
                    vulnerabilityId: 'CVE-2026-7',
                    packages: [{ name, installedVersion: tag }],
                    artifact: artifact({
                      reference: `${REGISTRY}/app:${tag}`,
                      platform: 'linux/amd64',
                      digest: amd
                    })
                  })
                )
              ),
              scanned([
                finding({
                  vulnerabilityId: 'CVE-2026-7',
                  artifact: artifact({
                    reference: `${REGISTRY}/app:${tag}`,
                    platform: 'linux/arm64',
                    digest: arm
                  })
                })
              ])
            ])
          ).log
        )
      )
    const first = push('1.0.0', `sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`)
    const second = push('1.0.1', `sha256:${'3'.repeat(64)}`, `sha256:${'4'.repeat(64)}`)
    const fingerprints = (results: Result[]): string[] =>
      results.map((r) => `${String(r.properties?.['platform'])} ${fingerprintOf(r) ?? ''}`).sort()
    expect(fingerprints(second)).toEqual(fingerprints(first))
    expect(new Set(first.map(fingerprintOf)).size).toBe(3)
    for (const result of first) expect(fingerprintOf(result)).toMatch(/^[0-9a-f]{32}$/)
  })
})

// ---- untrusted text ------------------------------------------------------------------------

const TEN_KB = 'A'.repeat(10 * 1024)
const HOSTILE_TITLE =
  'x | <img src=x onerror=alert(1)> [a](javascript:alert(1)) @octocat #1\n::set-output name=x::y\r\n::add-mask::secret \u202eevil\u0007'
const HOSTILE_PACKAGE = 'evil\n`pkg` | </td><script>alert(1)</script> @types/node'

function hostileVerdict(): Verdict {
  return verdictOf([
    scanned([
      finding({
        vulnerabilityId: 'CVE-2026-6666',
        title: `${HOSTILE_TITLE} ${TEN_KB}`,
        description: `<script>alert(1)</script>\n\n# heading\n[click](javascript:alert(1)) @org/team ${TEN_KB}`,
        url: 'javascript:alert(1)',
        remediation: `<details><summary>x</summary> ${TEN_KB}`,
        packages: [
          {
            name: HOSTILE_PACKAGE,
            installedVersion: '1.0\n::set-output',
            fixedInVersion: '<b>2</b>'
          },
          { name: TEN_KB, installedVersion: TEN_KB }
        ],
        artifact: AMD64
      }),
      codeFinding({
        vulnerabilityId: '[x](javascript:alert(1))',
        title: HOSTILE_TITLE,
        description: HOSTILE_TITLE,
        url: 'https://example.com/a)[b](javascript:alert(1)',
        code: {
          filePath: 'javascript:alert(1)',
          startLine: 1,
          cwes: ['CWE-79 <script>', 'CWE-1'],
          detectorName: HOSTILE_TITLE
        },
        artifact: AMD64
      })
    ]),
    failed(`[x](javascript:alert(1))\n::set-output name=a::b ${TEN_KB}`, 'evil:1')
  ])
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const CONTROL_OR_BIDI_EXCEPT_LF =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

/** Every markdown link destination in the text. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\(([^)\s]*)/g)].map((match) => match[1] ?? '')
}

describe('renderSarif untrusted text', () => {
  let log: Log
  let rules: ReportingDescriptor[]
  let results: Result[]
  let notifications: Notification[]
  beforeAll(() => {
    log = render(hostileVerdict()).log
    const runs = runsWithResults(log)
    rules = runs.flatMap(rulesOf)
    results = runs.flatMap(resultsOf)
    notifications = log.runs.flatMap((run) =>
      (run.invocations ?? []).flatMap((invocation) => invocation.toolExecutionNotifications ?? [])
    )
  })

  it('keeps markdown fields inert: no HTML, no javascript: links, no live mentions', () => {
    expect(rules).toHaveLength(2)
    for (const rule of rules) {
      const markdown = rule.help?.markdown ?? ''
      expect(markdown).not.toMatch(/<[a-z/!]/i)
      expect(markdown).not.toMatch(/@(?=[a-z])/i)
      expect(markdown).not.toMatch(/\n\s*#/)
      for (const target of linkTargets(markdown)) expect(target).toMatch(/^https?:\/\//)
      expect(markdown).not.toMatch(/\]\(javascript:/i)
      expect(markdown.length).toBeLessThan(40_000)
    }
  })

  it('keeps text fields plain, single-line and bounded', () => {
    for (const rule of rules) {
      expect(rule.shortDescription?.text).not.toMatch(CONTROL_OR_BIDI)
      expect(rule.fullDescription?.text).not.toMatch(CONTROL_OR_BIDI)
      expect(rule.help?.text).not.toMatch(CONTROL_OR_BIDI_EXCEPT_LF)
      expect(rule.shortDescription?.text.length).toBeLessThanOrEqual(300)
      expect(rule.fullDescription?.text.length).toBeLessThanOrEqual(4000)
      expect(rule.help?.text.length).toBeLessThan(20_000)
      expect(rule.id).not.toMatch(CONTROL_OR_BIDI)
    }
    for (const message of [...results, ...notifications].map((item) => item.message.text ?? '')) {
      expect(message).not.toMatch(CONTROL_OR_BIDI)
      expect(message.length).toBeLessThanOrEqual(2000)
      // SARIF embedded links: every bracket is escaped, so nothing renders as a link.
      expect(message).not.toMatch(/(?<!\\)[[\]]/)
    }
    expect(notifications.length).toBeGreaterThan(0)
  })

  it('never writes a javascript: URL into a URI field', () => {
    const uris = [
      ...rules.map((rule) => rule.helpUri),
      ...results.map(uriOf),
      ...log.runs.map((run) => run.tool.driver.informationUri)
    ].filter((uri): uri is string => uri !== undefined)
    for (const uri of uris) expect(uri).not.toMatch(/^javascript:/i)
    // A relative reference must not start with a scheme.
    const relative = uris.filter((uri) => !/^https?:\/\//.test(uri))
    for (const uri of relative) expect(uri).not.toMatch(/^[^/]*:/)
    expect(results.map(uriOf)).toContain('javascript%3Aalert(1)')
    // The `javascript:` advisory gets no helpUri; the https one is kept, its syntax percent-encoded.
    expect(rules.map((rule) => rule.helpUri)).toEqual([
      undefined,
      'https://example.com/a%29%5Bb%5D%28javascript:alert%281%29'
    ])
  })

  it('drops anything in a CWE field that is not a CWE id from the tags', () => {
    const code = rules.find((rule) => rule.properties?.tags?.includes('code'))
    expect(code?.properties?.tags).toEqual([
      'security',
      'vulnerability',
      'high',
      'code',
      'external/cwe/cwe-1'
    ])
  })

  it('escapes SARIF embedded-link syntax in messages', () => {
    expect(sarifMessageText('[a](javascript:x) \\ ]')).toBe('\\[a\\](javascript:x) \\\\ \\]')
    expect(sarifMessageText('a\nb\u202ec', 3)).toBe('a …')
  })
})

// ---- validators ----------------------------------------------------------------------------

describe('SARIF validation', () => {
  it('the schema check catches an invalid log (it is not vacuous)', () => {
    const { log } = renderSarif(verdictOf([scanned([finding({ artifact: AMD64 })])]), OPTIONS)
    const broken = JSON.parse(JSON.stringify(log)) as Log
    const result = broken.runs[0]?.results?.[0] as unknown as Record<string, unknown>
    delete result['message']
    result['level'] = 'fatal'
    expect(schemaErrors(broken).length).toBeGreaterThanOrEqual(2)
  })

  // The multitool runs on Linux; on Linux a missing executable fails the test (see the helper).
  const multitoolTest = MULTITOOL_SUPPORTED ? test : test.skip
  multitoolTest(
    "passes Microsoft's SARIF multitool with GitHub's ingestion rules (Gh;Sarif)",
    expectAcceptedByMultitool,
    60_000
  )
})

/** Representative logs: hostile text, a multi-arch image with a failed target, a Lambda function. */
function expectAcceptedByMultitool(): void {
  const multiArch = verdictOf([
    scanned([
      finding({ vulnerabilityId: 'CVE-2026-1', severity: 'critical', artifact: AMD64 }),
      finding({ severity: 'untriaged', artifact: AMD64 })
    ]),
    scanned([
      finding({ vulnerabilityId: 'CVE-2026-1', severity: 'critical', artifact: ARM64 }),
      finding({ severity: 'low', cvss: { score: 3.1 }, artifact: ARM64 })
    ]),
    scanned([finding({ artifact: WORKER })], { settled: false }),
    unscannable({ repository: 'legacy' })
  ])
  const lambdaCode = verdictOf([
    scanned([finding({ artifact: lambda('package') })]),
    scanned([codeFinding(), codeFinding({ code: { filePath: 'app.py', cwes: [] } })])
  ])
  // A log GitHub would reject, in the same invocation, proves the check is not vacuous.
  const rejected = render(verdictOf([scanned([finding({ artifact: AMD64 })])])).log
  delete rejected.runs[0]?.results?.[0]?.locations
  delete rejected.runs[0]?.tool.driver.rules?.[0]?.help

  const findings = multitoolFindings({
    hostile: render(hostileVerdict()).log,
    'multi-arch': render(multiArch).log,
    'lambda-code': render(lambdaCode).log,
    rejected
  })
  expect(
    findings.filter((f) => f.file === 'rejected.sarif' && f.level === 'error').map((f) => f.ruleId)
  ).toEqual(expect.arrayContaining(['GH1015', 'GH2012']))
  // GH rules are GitHub's ingestion requirements: none may fire, at any level; nothing else may
  // be an error.
  const problems = findings.filter(
    (f) => f.file !== 'rejected.sarif' && (f.level === 'error' || f.ruleId.startsWith('GH'))
  )
  expect(problems).toEqual([])
}
