/** Small builders for evaluate() tests: realistic defaults, overrides for what a test is about. */
import type { Finding, ImageArtifact } from '../../src/domain/finding.js'
import type { IgnoreRule } from '../../src/domain/ignore-rules.js'
import type { ArtifactOutcome } from '../../src/domain/outcome.js'
import type { Policy } from '../../src/domain/policy.js'

export const ACCOUNT = '123456789012'
export const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`
export const DIGEST_AMD64 = `sha256:${'a'.repeat(64)}`
export const DIGEST_ARM64 = `sha256:${'b'.repeat(64)}`
export const DIGEST_OTHER = `sha256:${'c'.repeat(64)}`

export const NOW = new Date('2026-03-15T12:00:00Z')
export const TODAY = '2026-03-15'
export const YESTERDAY = '2026-03-14'

/** The gate's own defaults (see action.yml). */
export function policy(overrides: Partial<Policy> = {}): Policy {
  return {
    failOn: 'high',
    maxFindings: {},
    untriagedAs: 'high',
    fixableOnly: false,
    onUnscannable: 'fail',
    onError: 'fail',
    ...overrides
  }
}

export function artifact(overrides: Partial<ImageArtifact> = {}): ImageArtifact {
  const repository = overrides.repository ?? 'app'
  const digest = overrides.digest ?? DIGEST_AMD64
  return {
    kind: 'image',
    reference: `${REGISTRY}/${repository}:1.0.0`,
    registryId: ACCOUNT,
    region: 'us-east-1',
    repository,
    digest,
    resourceId: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${repository}/${digest}`,
    ...overrides
  }
}

let sequence = 0

export function finding(overrides: Partial<Finding> = {}): Finding {
  sequence += 1
  return {
    id: `arn:aws:inspector2:us-east-1:${ACCOUNT}:finding/${sequence.toString(16).padStart(32, '0')}`,
    vulnerabilityId: `CVE-2025-${10000 + sequence}`,
    title: 'A flaw in openssl',
    description: 'A flaw was found in openssl.',
    severity: 'high',
    type: 'package',
    source: 'inspector',
    packages: [{ name: 'openssl', installedVersion: '3.0.1', fixedInVersion: '3.0.2' }],
    fixAvailable: 'yes',
    exploitAvailable: 'no',
    artifact: artifact(),
    ...overrides
  }
}

export function scanned(
  findings: Finding[],
  overrides: Partial<Extract<ArtifactOutcome, { status: 'scanned' }>> = {}
): ArtifactOutcome {
  return {
    status: 'scanned',
    artifact: findings[0]?.artifact ?? artifact(),
    scanMode: 'enhanced',
    findings,
    settled: true,
    ...overrides
  }
}

export function unscannable(over: Partial<ImageArtifact> = {}): ArtifactOutcome {
  return {
    status: 'unscannable',
    artifact: artifact(over),
    reason: 'UNSUPPORTED_OS',
    explanation: 'Inspector does not support the base image operating system'
  }
}

export function failed(message: string, reference = `${REGISTRY}/app:1.0.0`): ArtifactOutcome {
  return { status: 'error', reference, message, timedOut: false }
}

export function rule(overrides: Partial<IgnoreRule> = {}): IgnoreRule {
  return {
    id: 'CVE-2025-0001',
    reason: 'not reachable',
    file: '.inspector-ignore.yml',
    line: 2,
    ...overrides
  }
}
