import { describe, expect, it } from '@jest/globals'
import {
  renderFindingsJson,
  type FindingRecord,
  type FindingsFile
} from '../../../src/gate/render/findings-file.js'
import { artifact as anArtifact } from '../../fixtures/artifacts.js'
import { finding as aFinding } from '../../fixtures/findings.js'
import { rule as aRule } from '../../fixtures/ignore-rules.js'
import { scanned } from '../../fixtures/outcomes.js'
import { policy as aPolicy } from '../../fixtures/policy.js'
import {
  AMD64,
  aSmallFailVerdict,
  assessed,
  aVerdict,
  HOSTILE_PACKAGE,
  HOSTILE_TITLE,
  ignoredBy
} from '../../fixtures/verdicts.js'

const generatedAt = new Date('2025-03-01T10:30:00.000Z')
const policy = aPolicy({ maxFindings: { critical: 0 }, untriagedAs: 'medium' })

function parse(json: string): FindingsFile {
  return JSON.parse(json) as FindingsFile
}

function render(verdict = aSmallFailVerdict()): FindingsFile {
  return parse(renderFindingsJson(verdict, { generatedAt, policy }))
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

describe('renderFindingsJson', () => {
  it('is pretty-printed JSON with a trailing newline that round-trips', () => {
    const json = renderFindingsJson(aSmallFailVerdict(), { generatedAt, policy })
    expect(json.endsWith('}\n')).toBe(true)
    expect(JSON.stringify(parse(json), null, 2) + '\n').toBe(json)
  })

  it('has the documented top-level fields', () => {
    const file = render()
    expect(Object.keys(file)).toEqual([
      'schemaVersion',
      'generatedAt',
      'result',
      'failures',
      'warnings',
      'policy',
      'counts',
      'artifacts',
      'findings',
      'expiredIgnoreRules',
      'unusedIgnoreRules'
    ])
    expect(file.schemaVersion).toBe(2)
    expect(file.generatedAt).toBe('2025-03-01T10:30:00.000Z')
    expect(file.result).toBe('fail')
    expect(file.failures).toEqual([
      '2 findings at or above high (fail-on high)',
      'shop/legacy:7 could not be scanned'
    ])
    expect(file.warnings).toHaveLength(1)
    expect(file.policy).toEqual({
      failOn: 'high',
      maxFindings: { critical: 0 },
      untriagedAs: 'medium',
      fixableOnly: false,
      failOnExploitable: false,
      failOnEpss: null,
      minScore: null,
      onUnscannable: 'fail',
      onError: 'fail'
    })
  })

  it('counts not-ignored findings by raw severity, plus blocking and ignored', () => {
    expect(render().counts).toEqual({
      critical: 1,
      high: 1,
      medium: 0,
      low: 1,
      informational: 0,
      untriaged: 1,
      blocking: 2,
      ignored: 1
    })
  })

  it('records which proof settled a scan, and the scan event counts it matched', () => {
    const byEvent = scanned([], {
      artifact: AMD64,
      settledBy: {
        kind: 'scan-event',
        counts: { bySeverity: { CRITICAL: 1, HIGH: 2 }, total: 5 },
        eventTime: new Date('2025-03-01T10:20:00Z')
      }
    })
    const quiet = scanned([], { artifact: AMD64, settledBy: { kind: 'quiet-period' } })
    const [event, agreed] = render(aVerdict({ outcomes: [byEvent, quiet] })).artifacts
    expect(event).toMatchObject({
      settledBy: 'scan-event',
      scanEventCounts: { CRITICAL: 1, HIGH: 2, TOTAL: 5 }
    })
    expect(agreed).toMatchObject({ settledBy: 'quiet-period', scanEventCounts: null })
  })

  it('describes every artifact outcome, with null for what does not apply', () => {
    const [amd64, arm64, unscannable, error] = render().artifacts
    expect(amd64).toEqual({
      reference: 'shop/api:1.4.2',
      kind: 'image',
      status: 'scanned',
      repository: 'shop/api',
      registryId: '123456789012',
      region: 'eu-west-1',
      digest: AMD64.digest,
      platform: 'linux/amd64',
      sbomFormat: null,
      sbomComponents: null,
      subjectName: null,
      functionName: null,
      codeSha256: null,
      lastModified: null,
      scanType: null,
      resourceId: AMD64.resourceId,
      pushedAt: null,
      scanMode: 'enhanced',
      scannedAt: '2025-03-01T10:20:00.000Z',
      settled: true,
      settledBy: null,
      scanEventCounts: null,
      reason: null,
      explanation: null,
      message: null,
      timedOut: null,
      counts: {
        critical: 1,
        high: 0,
        medium: 0,
        low: 0,
        informational: 0,
        untriaged: 1,
        ignored: 1
      }
    })
    expect(arm64).toMatchObject({ scanMode: 'basic', settled: false })
    expect(arm64?.counts).toEqual({
      critical: 0,
      high: 1,
      medium: 0,
      low: 1,
      informational: 0,
      untriaged: 0,
      ignored: 0
    })
    expect(unscannable).toMatchObject({
      status: 'unscannable',
      reference: 'shop/legacy:7',
      reason: 'UNSUPPORTED_OS',
      explanation: 'Inspector does not support this base image OS.',
      scanMode: null,
      settled: null,
      settledBy: null,
      scanEventCounts: null,
      counts: null
    })
    expect(error).toMatchObject({
      status: 'error',
      reference: 'shop/missing:1',
      digest: null,
      repository: null,
      message: 'Image not found',
      timedOut: true,
      counts: null
    })
    for (const artifact of render().artifacts) expect(Object.keys(artifact)).toHaveLength(27)
  })

  it('lists assessed then ignored findings, blocking first, then severity and score', () => {
    const ids = render().findings.map((finding) => [
      finding.vulnerabilityId,
      finding.blocking,
      finding.ignored === null
    ])
    expect(ids).toEqual([
      ['CVE-2024-3094', true, true],
      ['CVE-2024-6666', true, true],
      ['CVE-2025-0001', false, true],
      ['CVE-2023-0009', false, true],
      ['CVE-2023-0001', false, false]
    ])
  })

  it('keeps every normalized field, with null for absent ones', () => {
    const finding = aFinding({
      id: 'arn:finding/full',
      vulnerabilityId: 'CVE-2024-7777',
      title: 'CVE in openssl',
      url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-7777',
      packages: [
        {
          name: 'openssl',
          installedVersion: '3.0.1',
          fixedInVersion: '3.0.2',
          packageManager: 'OS'
        }
      ],
      inspectorScore: 7.5,
      epss: 0.0123,
      artifact: anArtifact({ repository: 'shop/api' }),
      cvss: { score: 9.8, version: '3.1' },
      remediation: 'Upgrade openssl',
      firstObservedAt: '2025-02-01T00:00:00.000Z'
    })
    const verdict = aVerdict({ assessed: [assessed(finding, { note: 'below fail-on critical' })] })
    const [record] = render(verdict).findings
    const expected: FindingRecord = {
      id: 'arn:finding/full',
      vulnerabilityId: 'CVE-2024-7777',
      title: 'CVE in openssl',
      description: 'A flaw was found in openssl.',
      severity: 'high',
      effectiveSeverity: 'high',
      blocking: false,
      blockedBy: [],
      note: 'below fail-on critical',
      type: 'package',
      source: 'inspector',
      url: finding.url ?? null,
      packages: [
        {
          name: 'openssl',
          installedVersion: '3.0.1',
          fixedInVersion: '3.0.2',
          packageManager: 'OS',
          filePath: null
        }
      ],
      fixAvailable: 'yes',
      exploitAvailable: 'no',
      inspectorScore: 7.5,
      epss: 0.0123,
      cvss: { score: 9.8, version: '3.1', vector: null },
      remediation: 'Upgrade openssl',
      code: null,
      firstObservedAt: '2025-02-01T00:00:00.000Z',
      artifact: {
        reference: finding.artifact.reference,
        kind: 'image',
        repository: 'shop/api',
        digest: finding.artifact.kind === 'image' ? finding.artifact.digest : null,
        platform: null,
        subjectName: null,
        functionName: null,
        codeSha256: null,
        scanType: null,
        resourceId: finding.artifact.resourceId
      },
      ignored: null
    }
    expect(record).toEqual(expected)
  })

  it('writes absent optional fields as null rather than leaving keys out', () => {
    const bare = aFinding({ packages: [{ name: 'p' }] })
    delete bare.url
    delete bare.inspectorScore
    delete bare.epss
    const [record] = render(aVerdict({ assessed: [assessed(bare)] })).findings
    expect(record).toMatchObject({
      url: null,
      inspectorScore: null,
      epss: null,
      cvss: null,
      remediation: null,
      firstObservedAt: null,
      note: null,
      packages: [
        {
          name: 'p',
          installedVersion: null,
          fixedInVersion: null,
          packageManager: null,
          filePath: null
        }
      ]
    })
  })

  it('records which rules blocked each finding, and none for the others', () => {
    const file = render()
    const critical = file.findings.find((f) => f.severity === 'critical')
    expect(critical?.blockedBy).toEqual([
      { rule: 'fail-on', text: 'severity CRITICAL ≥ fail-on high' },
      { rule: 'fail-on-exploitable', text: 'exploit known' }
    ])
    expect(file.findings.filter((f) => !f.blocking).every((f) => f.blockedBy.length === 0)).toBe(
      true
    )
  })

  it('records the risk rules of the policy', () => {
    const json = renderFindingsJson(aSmallFailVerdict(), {
      generatedAt,
      policy: aPolicy({ failOnExploitable: true, failOnEpss: 0.1, minScore: 7 })
    })
    expect(parse(json).policy).toMatchObject({
      failOnExploitable: true,
      failOnEpss: 0.1,
      minScore: 7
    })
  })

  it('records the effective severity of untriaged findings', () => {
    const untriaged = render().findings.find(
      (finding) => finding.vulnerabilityId === 'CVE-2025-0001'
    )
    expect(untriaged).toMatchObject({ severity: 'untriaged', effectiveSeverity: 'medium' })
  })

  it('records which ignore entry suppressed an ignored finding, and why', () => {
    const ignored = render().findings.find((finding) => finding.ignored !== null)
    expect(ignored).toMatchObject({
      vulnerabilityId: 'CVE-2023-0001',
      blocking: false,
      effectiveSeverity: 'high',
      ignored: {
        reason: 'Not reachable: the binary is never executed',
        rule: '.inspector-ignore.yml:3',
        ruleId: 'CVE-2023-0001',
        expires: '2099-12-31'
      }
    })
  })

  it('derives an ignored untriaged finding’s effective severity from the policy', () => {
    const finding = aFinding({ severity: 'untriaged' })
    const verdict = aVerdict({ ignored: [ignoredBy(finding, aRule())] })
    const file = parse(
      renderFindingsJson(verdict, { generatedAt, policy: aPolicy({ untriagedAs: 'critical' }) })
    )
    expect(file.findings[0]?.effectiveSeverity).toBe('critical')
  })

  it('lists expired and unused ignore entries with where they are', () => {
    const file = render()
    expect(file.expiredIgnoreRules).toEqual([
      {
        id: 'CVE-2021-44228',
        reason: 'Waiting on vendor',
        expires: '2024-01-31',
        repository: null,
        image: null,
        function: null,
        sbom: null,
        package: null,
        file: '.inspector-ignore.yml',
        line: 12,
        location: '.inspector-ignore.yml:12'
      }
    ])
    expect(file.unusedIgnoreRules.map((rule) => rule.location)).toEqual(['.inspector-ignore.yml:9'])
  })

  it('copies untrusted text verbatim: JSON escaping is all it needs', () => {
    const hostile = render().findings.find((finding) => finding.vulnerabilityId === 'CVE-2024-6666')
    expect(hostile?.title).toBe(HOSTILE_TITLE)
    expect(hostile?.url).toBe('javascript:alert(1)')
    expect(hostile?.packages[0]?.name).toBe(HOSTILE_PACKAGE)
  })

  it('writes dates as ISO-8601 and survives an invalid one', () => {
    const artifact = { ...AMD64, pushedAt: new Date('2025-01-02T03:04:05Z') }
    const verdict = aVerdict({
      outcomes: [scanned([], { artifact: artifact, scannedAt: new Date('not a date') })]
    })
    const [record] = render(verdict).artifacts
    expect(record?.pushedAt).toMatch(ISO_8601)
    expect(record?.scannedAt).toBeNull()
  })
})
