/** Small builders for Verdict fixtures: defaults that look real, overrides for what a test is about. */
import type { Finding, ImageArtifact, ScannedArtifact } from '../../../src/domain/finding.js'
import type { IgnoreRule } from '../../../src/domain/ignore-rules.js'
import type { ArtifactOutcome } from '../../../src/domain/outcome.js'
import type { Policy } from '../../../src/domain/policy.js'
import { emptySeverityCounts, type RankedSeverity } from '../../../src/domain/severity.js'
import type { AssessedFinding, IgnoredFinding, Verdict } from '../../../src/domain/verdict.js'

export const DIGEST_AMD64 = `sha256:${'a1b2c3d4e5f6'.repeat(5)}abcd`
export const DIGEST_ARM64 = `sha256:${'0f9e8d7c6b5a'.repeat(5)}ef01`

export function aPolicy(overrides: Partial<Policy> = {}): Policy {
  return {
    failOn: 'high',
    maxFindings: {},
    untriagedAs: 'medium',
    fixableOnly: false,
    onUnscannable: 'fail',
    onError: 'fail',
    ...overrides
  }
}

export function anArtifact(overrides: Partial<ImageArtifact> = {}): ImageArtifact {
  const repository = overrides.repository ?? 'shop/api'
  const digest = overrides.digest ?? DIGEST_AMD64
  return {
    kind: 'image',
    reference: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${repository}:1.4.2`,
    registryId: '123456789012',
    region: 'eu-west-1',
    repository,
    digest,
    resourceId: `arn:aws:ecr:eu-west-1:123456789012:repository/${repository}/${digest}`,
    ...overrides
  }
}

let findingSequence = 0

export function aFinding(overrides: Partial<Finding> = {}): Finding {
  findingSequence += 1
  return {
    id: `arn:aws:inspector2:eu-west-1:123456789012:finding/f${findingSequence}`,
    vulnerabilityId: `CVE-2024-${1000 + findingSequence}`,
    title: 'CVE in openssl',
    description: 'A flaw was found in openssl.',
    severity: 'high',
    type: 'package',
    source: 'inspector',
    url: `https://nvd.nist.gov/vuln/detail/CVE-2024-${1000 + findingSequence}`,
    packages: [
      { name: 'openssl', installedVersion: '3.0.1', fixedInVersion: '3.0.2', packageManager: 'OS' }
    ],
    fixAvailable: 'yes',
    exploitAvailable: 'no',
    inspectorScore: 7.5,
    epss: 0.0123,
    artifact: anArtifact(),
    ...overrides
  }
}

/** An assessed finding; the effective severity defaults to the raw one (untriaged → medium). */
export function assessed(
  finding: Finding,
  overrides: Partial<Omit<AssessedFinding, 'finding'>> = {}
): AssessedFinding {
  const effectiveSeverity: RankedSeverity =
    finding.severity === 'untriaged' ? 'medium' : finding.severity
  return { finding, effectiveSeverity, blocking: false, ...overrides }
}

export function aRule(overrides: Partial<IgnoreRule> = {}): IgnoreRule {
  return {
    id: 'CVE-2023-0001',
    reason: 'Not reachable: the binary is never executed',
    expires: '2099-12-31',
    file: '.inspector-ignore.yml',
    line: 3,
    ...overrides
  }
}

export function ignoredBy(finding: Finding, rule: IgnoreRule): IgnoredFinding {
  return { finding, rule }
}

export function scanned(
  artifact: ScannedArtifact,
  findings: Finding[] = [],
  overrides: Partial<Extract<ArtifactOutcome, { status: 'scanned' }>> = {}
): ArtifactOutcome {
  return {
    status: 'scanned',
    artifact,
    scanMode: 'enhanced',
    findings,
    settled: true,
    ...overrides
  }
}

/**
 * A verdict whose counts are derived from its assessed findings, as the policy engine would; only
 * what a test names is set by hand.
 */
export function aVerdict(overrides: Partial<Verdict> = {}): Verdict {
  const assessedFindings = overrides.assessed ?? []
  const counts = emptySeverityCounts()
  for (const entry of assessedFindings) counts[entry.finding.severity] += 1
  const anyBlocking = assessedFindings.some((entry) => entry.blocking)
  return {
    result: anyBlocking ? 'fail' : 'pass',
    failures: [],
    warnings: [],
    outcomes: [scanned(anArtifact())],
    assessed: assessedFindings,
    ignored: [],
    counts,
    expiredRules: [],
    unusedRules: [],
    ...overrides
  }
}

export const AMD64 = anArtifact({ reference: 'shop/api:1.4.2', platform: 'linux/amd64' })
export const ARM64 = anArtifact({
  reference: 'shop/api:1.4.2',
  platform: 'linux/arm64',
  digest: DIGEST_ARM64
})

/** The untrusted text the renderers must neutralise, in the fields where it can arrive. */
export const HOSTILE_TITLE = 'x | <img src=x onerror=alert(1)> [a](javascript:alert(1))'
export const HOSTILE_PACKAGE = 'evil\n`pkg` | </td><script>alert(1)</script>'

/**
 * Two blocking findings (one critical, one carrying hostile text and a javascript: URL), two
 * non-blocking (one untriaged), one ignored, one expired and one unused ignore entry, and every
 * kind of artifact outcome.
 */
export function aSmallFailVerdict(): Verdict {
  const critical = aFinding({
    id: 'arn:aws:inspector2:eu-west-1:123456789012:finding/critical',
    vulnerabilityId: 'CVE-2024-3094',
    title: 'xz backdoor',
    severity: 'critical',
    url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-3094',
    packages: [{ name: 'xz-utils', installedVersion: '5.6.0', fixedInVersion: '5.6.1' }],
    inspectorScore: 10,
    epss: 0.8512,
    exploitAvailable: 'yes',
    artifact: AMD64
  })
  const hostile = aFinding({
    id: 'arn:aws:inspector2:eu-west-1:123456789012:finding/hostile',
    vulnerabilityId: 'CVE-2024-6666',
    title: HOSTILE_TITLE,
    description: 'desc <script>',
    severity: 'high',
    url: 'javascript:alert(1)',
    packages: [{ name: HOSTILE_PACKAGE, installedVersion: '1.0' }],
    fixAvailable: 'no',
    artifact: ARM64
  })
  const untriaged = aFinding({
    id: 'arn:aws:inspector2:eu-west-1:123456789012:finding/untriaged',
    vulnerabilityId: 'CVE-2025-0001',
    severity: 'untriaged',
    inspectorScore: 6,
    artifact: AMD64
  })
  const low = aFinding({
    id: 'arn:aws:inspector2:eu-west-1:123456789012:finding/low',
    vulnerabilityId: 'CVE-2023-0009',
    severity: 'low',
    inspectorScore: 3.1,
    artifact: ARM64
  })
  const ignoredFinding = aFinding({
    id: 'arn:aws:inspector2:eu-west-1:123456789012:finding/ignored',
    vulnerabilityId: 'CVE-2023-0001',
    severity: 'high',
    packages: [{ name: '@types/node', installedVersion: '1.0.0' }],
    artifact: AMD64
  })
  return aVerdict({
    result: 'fail',
    failures: ['2 findings at or above high (fail-on high)', 'shop/legacy:7 could not be scanned'],
    warnings: ['Ignore entry CVE-2022-0002 (.inspector-ignore.yml:9) matched no finding'],
    outcomes: [
      scanned(AMD64, [], { scannedAt: new Date('2025-03-01T10:20:00Z') }),
      scanned(ARM64, [], { scanMode: 'basic', settled: false }),
      {
        status: 'unscannable',
        artifact: anArtifact({ reference: 'shop/legacy:7', repository: 'shop/legacy' }),
        reason: 'UNSUPPORTED_OS',
        explanation: 'Inspector does not support this base image OS.'
      },
      { status: 'error', reference: 'shop/missing:1', message: 'Image not found', timedOut: true }
    ],
    assessed: [
      assessed(low, { note: 'below fail-on high' }),
      assessed(untriaged, { note: 'below fail-on high' }),
      assessed(hostile, { blocking: true }),
      assessed(critical, { blocking: true })
    ],
    ignored: [ignoredBy(ignoredFinding, aRule({ id: 'CVE-2023-0001', line: 3 }))],
    expiredRules: [
      aRule({ id: 'CVE-2021-44228', expires: '2024-01-31', line: 12, reason: 'Waiting on vendor' })
    ],
    unusedRules: [aRule({ id: 'CVE-2022-0002', line: 9, reason: 'Old base image' })]
  })
}
