import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { syntheticCycloneDx } from '../fixtures/sboms/cyclonedx.js'
import { modelViolations } from './model-check.js'
import { scenarios } from './scenarios.js'
import type { Scenario } from './scenario.js'
import type { FakeAws } from './server.js'
import { fakesClosedAfterEachTest } from './test-support.js'

const fakes = fakesClosedAfterEachTest()

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/sboms/${name}`, import.meta.url), 'utf8')
}
const VULNERABLE = JSON.parse(fixture('syft-cyclonedx-1.5-vulnerable.json')) as unknown
const CLEAN = JSON.parse(fixture('syft-cyclonedx-1.5-clean.json')) as unknown

interface Answer {
  status: number
  errorType: string | null
  retryAfter: string | null
  body: Record<string, unknown>
}

/** A ScanSbom request as the SDK sends it; the fake reads the service from the signing scope. */
async function post(fake: FakeAws, body: string, path = '/scan/sbom'): Promise<Answer> {
  const res = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-amz-date': '20260101T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/inspector-scan/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, Signature=0000'
    },
    body
  })
  return {
    status: res.status,
    errorType: res.headers.get('x-amzn-errortype'),
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as Record<string, unknown>
  }
}

const scanSbom = (fake: FakeAws, sbom: unknown, outputFormat?: string) =>
  post(fake, JSON.stringify(outputFormat === undefined ? { sbom } : { sbom, outputFormat }))

interface CdxComponent {
  'bom-ref': string
  purl?: string
  name: string
  properties?: { name: string; value: string }[]
}
interface CdxVulnerability {
  id: string
  ratings: { severity: string; score: number; method: string; source: { name: string } }[]
  affects: { ref: string }[]
  cwes: number[]
  analysis: { state: string }
  properties: { name: string; value: string }[]
}
interface CdxReport {
  bomFormat: string
  specVersion: string
  metadata: { properties?: { name: string; value: string }[] }
  components: CdxComponent[]
  vulnerabilities: CdxVulnerability[] | null
}

const NS = 'amazon:inspector:sbom_scanner'

function totals(report: CdxReport): Record<string, string> {
  return Object.fromEntries(
    (report.metadata.properties ?? []).map((p) => [p.name.replace(`${NS}:`, ''), p.value])
  )
}

/** The purls a vulnerability affects, through the answer's own bom-refs. */
function affectedPurls(report: CdxReport, id: string): string[] {
  const byRef = new Map(report.components.map((c) => [c['bom-ref'], c.purl]))
  const vulnerability = report.vulnerabilities?.find((v) => v.id === id)
  return (vulnerability?.affects ?? []).map((a) => byRef.get(a.ref) ?? `unknown ${a.ref}`)
}

describe('fake Inspector Scan: ScanSbom (CYCLONE_DX_1_5)', () => {
  it('reports the catalogued vulnerabilities of a syft SBOM, per CVE, with severity totals', async () => {
    const fake = await fakes.start(scenarios.clean)
    const answer = await scanSbom(fake, VULNERABLE, 'CYCLONE_DX_1_5')
    expect(answer.status).toBe(200)
    const report = answer.body['sbom'] as CdxReport
    expect(report).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.5' })
    expect(totals(report)).toEqual({
      critical_vulnerabilities: '5',
      high_vulnerabilities: '4',
      medium_vulnerabilities: '3',
      low_vulnerabilities: '1',
      other_vulnerabilities: '1'
    })
    expect(report.vulnerabilities).toHaveLength(14)
    // The answer numbers components itself (comp-1…), as Inspector does; purls are kept.
    expect(report.components.map((c) => c['bom-ref'])).toEqual(
      report.components.map((_, i) => `comp-${i + 1}`)
    )
    expect(affectedPurls(report, 'CVE-2021-44228')).toEqual([
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'
    ])
    // One entry for a CVE shared by two packages, affecting both.
    expect(affectedPurls(report, 'CVE-2021-3711')).toEqual([
      'pkg:deb/debian/openssl@1.1.1k-1?arch=amd64&distro=debian-11',
      'pkg:deb/debian/libssl1.1@1.1.1k-1?arch=amd64&upstream=openssl&distro=debian-11'
    ])
    const log4shell = report.vulnerabilities?.find((v) => v.id === 'CVE-2021-44228')
    expect(log4shell?.ratings[0]).toMatchObject({
      severity: 'critical',
      score: 10,
      method: 'CVSSv31',
      source: { name: 'NVD' }
    })
    expect(log4shell?.ratings[1]).toMatchObject({ severity: 'none', method: 'other' })
    expect(log4shell?.ratings[1]?.source.name).toBe('EPSS')
    expect(log4shell?.cwes).toContain(917)
    expect(log4shell?.analysis.state).toBe('exploitable')
    const ref = log4shell?.affects[0]?.ref ?? ''
    expect(log4shell?.properties).toEqual(
      expect.arrayContaining([
        { name: `${NS}:exploit_available`, value: 'true' },
        { name: `${NS}:cisa_kev_date_added`, value: '2021-12-10' },
        { name: `${NS}:fixed_version:${ref}`, value: '2.15.0' }
      ])
    )
    // Not scored by NVD yet: Inspector's own rating, severity unknown, counted as other.
    const untriaged = report.vulnerabilities?.find((v) => v.id === 'CVE-2024-45338')
    expect(untriaged?.ratings[0]).toEqual({
      severity: 'unknown',
      method: 'other',
      source: { name: 'AMAZON_INSPECTOR' }
    })
    // No fix released: no fixed_version property.
    const apt = report.vulnerabilities?.find((v) => v.id === 'CVE-2011-3374')
    expect(apt?.properties.some((p) => p.name.startsWith(`${NS}:fixed_version`))).toBe(false)
    // Clean packages are marked scanned; the OS component without a purl is left alone.
    const api = report.components.find((c) => c.name === 'log4j-api')
    expect(api?.properties).toEqual([
      { name: `${NS}:info`, value: 'Component scanned: no vulnerabilities found.' }
    ])
    expect(report.components.find((c) => c.name === 'debian')?.properties).toBeUndefined()
    expect(fake.conformance()).toMatchObject({ responses: 1, violations: [] })
  })

  it('answers a clean SBOM without findings: no totals, vulnerabilities null', async () => {
    const fake = await fakes.start(scenarios.clean)
    const answer = await scanSbom(fake, CLEAN)
    expect(answer.status).toBe(200)
    const report = answer.body['sbom'] as CdxReport
    expect(report.vulnerabilities).toBeNull()
    expect(report.metadata.properties).toBeUndefined()
    expect(report.components.filter((c) => c.purl !== undefined).length).toBe(8)
    expect(fake.conformance().violations).toEqual([])
  })

  it('answers components of types it has no rules for as skipped', async () => {
    const fake = await fakes.start(scenarios.clean)
    const sbom = syntheticCycloneDx(1, { include: ['pkg:generic/busybox-static@1.36.1'] })
    const report = (await scanSbom(fake, sbom)).body['sbom'] as CdxReport
    expect(report.components[0]?.properties).toEqual([
      { name: `${NS}:info`, value: 'Component skipped: no rules found.' }
    ])
  })

  it('keeps nested components nested, numbered parents first, and finds vulnerabilities in them', async () => {
    const fake = await fakes.start(scenarios.clean)
    const sbom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [
        {
          type: 'application',
          name: 'shop-api',
          version: '1.8.2',
          purl: 'pkg:maven/com.acme/shop-api@1.8.2',
          components: [
            {
              type: 'library',
              name: 'log4j-core',
              version: '2.14.1',
              purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'
            }
          ]
        },
        { type: 'library', name: 'lodash', version: '4.17.21', purl: 'pkg:npm/lodash@4.17.21' }
      ]
    }
    const report = (await scanSbom(fake, sbom)).body['sbom'] as CdxReport & {
      components: (CdxComponent & { components?: CdxComponent[] })[]
    }
    expect(report.components.map((c) => c['bom-ref'])).toEqual(['comp-1', 'comp-3'])
    expect(report.components[0]?.components?.map((c) => [c['bom-ref'], c.name])).toEqual([
      ['comp-2', 'log4j-core']
    ])
    expect(report.vulnerabilities?.find((v) => v.id === 'CVE-2021-44228')?.affects).toEqual([
      { ref: 'comp-2' }
    ])
  })
})

describe('fake Inspector Scan: ScanSbom (INSPECTOR)', () => {
  it('answers the same findings in the Inspector format, counted by severity', async () => {
    const fake = await fakes.start(scenarios.clean)
    const answer = await scanSbom(fake, VULNERABLE, 'INSPECTOR')
    expect(answer.status).toBe(200)
    const report = answer.body['sbom'] as {
      vulnerabilities: {
        id: string
        affects: { installed_version: string; fixed_version?: string }[]
      }[]
      vulnerability_count: Record<string, number>
    }
    expect(report.vulnerability_count).toEqual({
      critical: 5,
      high: 4,
      medium: 3,
      low: 1,
      other: 1
    })
    expect(report.vulnerabilities.find((v) => v.id === 'CVE-2020-14343')?.affects).toEqual([
      { installed_version: 'pkg:pypi/pyyaml@5.3.1', fixed_version: '5.4' }
    ])
  })

  it('refuses INSPECTOR_ALT loudly: its shape is not public, so the fake does not invent one', async () => {
    const fake = await fakes.start(scenarios.clean)
    const answer = await scanSbom(fake, CLEAN, 'INSPECTOR_ALT')
    expect(answer.status).toBe(400)
    expect(String(answer.body['message'])).toMatch(/^fake-aws: outputFormat INSPECTOR_ALT/)
  })
})

describe('fake Inspector Scan: ScanSbom validation, as AWS refuses', () => {
  it('refuses SPDX (a BuildKit attestation or its bare document) and CycloneDX 1.4 as UNSUPPORTED_SBOM_TYPE', async () => {
    const fake = await fakes.start(scenarios.clean)
    const attestation = JSON.parse(fixture('buildkit-spdx-2.3-attestation.json')) as {
      predicate: unknown
    }
    for (const sbom of [
      attestation,
      attestation.predicate,
      syntheticCycloneDx(3, { specVersion: '1.4' })
    ]) {
      const answer = await scanSbom(fake, sbom)
      expect(answer).toMatchObject({
        status: 400,
        errorType: 'ValidationException',
        body: { reason: 'UNSUPPORTED_SBOM_TYPE' }
      })
    }
    expect(fake.conformance().violations).toEqual([])
  })

  it('accepts 5,000 components and refuses 5,001 with FIELD_VALIDATION_FAILED', async () => {
    const fake = await fakes.start(scenarios.clean)
    expect((await scanSbom(fake, syntheticCycloneDx(5_000))).status).toBe(200)
    // Nested components count: 5,000 at the top and one inside the first is over the limit.
    const nested = syntheticCycloneDx(5_000) as { components: Record<string, unknown>[] }
    const first = nested.components[0] ?? {}
    first['components'] = [{ type: 'library', name: 'inner', purl: 'pkg:npm/inner@1.0.0' }]
    for (const sbom of [syntheticCycloneDx(5_001), nested]) {
      const answer = await scanSbom(fake, sbom)
      expect(answer).toMatchObject({
        status: 400,
        errorType: 'ValidationException',
        body: { reason: 'FIELD_VALIDATION_FAILED', fields: [{ name: 'sbom.components' }] }
      })
    }
  })

  it('refuses a body or an sbom that cannot be parsed with CANNOT_PARSE', async () => {
    const fake = await fakes.start(scenarios.clean)
    const truncated = fixture('malformed-truncated.json')
    expect(() => JSON.parse(truncated) as unknown).toThrow()
    for (const answer of [
      await post(fake, truncated),
      await scanSbom(fake, truncated),
      await scanSbom(fake, [VULNERABLE])
    ]) {
      expect(answer).toMatchObject({
        status: 400,
        errorType: 'ValidationException',
        body: { reason: 'CANNOT_PARSE' }
      })
    }
  })

  it('refuses a missing sbom and an outputFormat outside the model (the request model check agrees)', async () => {
    const fake = await fakes.start(scenarios.clean)
    expect(await post(fake, JSON.stringify({ outputFormat: 'CYCLONE_DX_1_5' }))).toMatchObject({
      status: 400,
      body: { reason: 'FIELD_VALIDATION_FAILED', fields: [{ name: 'sbom' }] }
    })
    expect(await scanSbom(fake, CLEAN, 'SPDX_2_3')).toMatchObject({
      status: 400,
      body: { reason: 'FIELD_VALIDATION_FAILED', fields: [{ name: 'outputFormat' }] }
    })
    expect(fake.conformance()).toMatchObject({ refused: 2, violations: [] })
  })

  it('answers a path outside the API with UnknownOperationException', async () => {
    const fake = await fakes.start(scenarios.clean)
    const answer = await post(fake, JSON.stringify({ sbom: CLEAN }), '/scan/image')
    expect(answer).toMatchObject({ status: 404, errorType: 'UnknownOperationException' })
  })
})

describe('fake Inspector Scan: faults', () => {
  const faulty = (status: 403 | 429 | 500, retryAfterSeconds?: number): Scenario => ({
    ...scenarios.clean,
    faults: [
      {
        operation: 'ScanSbom',
        service: 'inspector-scan',
        status,
        count: 1,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds })
      }
    ]
  })

  it('throttles with ThrottlingException 429 and Retry-After, then answers', async () => {
    const fake = await fakes.start(faulty(429, 2))
    const first = await scanSbom(fake, CLEAN)
    expect(first).toMatchObject({ status: 429, errorType: 'ThrottlingException', retryAfter: '2' })
    expect(typeof first.body['message']).toBe('string')
    expect((await scanSbom(fake, CLEAN)).status).toBe(200)
    expect(fake.throttled('ScanSbom')).toBe(1)
  })

  it("answers AccessDeniedException 403 and InternalServerException 500 with the model's reason", async () => {
    const denied = await fakes.start(faulty(403))
    expect(await scanSbom(denied, CLEAN)).toMatchObject({
      status: 403,
      errorType: 'AccessDeniedException',
      body: { message: expect.stringContaining('inspector-scan:ScanSbom') as unknown }
    })
    const broken = await fakes.start(faulty(500))
    expect(await scanSbom(broken, CLEAN)).toMatchObject({
      status: 500,
      errorType: 'InternalServerException',
      body: { reason: 'OTHER' }
    })
  })
})

describe('model check: document shapes', () => {
  it('takes any JSON value for a `document: true` shape (ScanSbom sbom) and still checks its siblings', () => {
    expect(
      modelViolations('inspector-scan', 'ScanSbom', 'response', { sbom: { components: [1, 'x'] } })
    ).toEqual([])
    expect(
      modelViolations('inspector-scan', 'ScanSbom', 'request', { sbom: [true, null] })
    ).toEqual([])
    expect(
      modelViolations('inspector-scan', 'ScanSbom', 'request', { sbom: {}, outputFormat: 'XML' })
    ).toEqual([expect.stringContaining('is not one of OutputFormat')])
    expect(modelViolations('inspector-scan', 'ScanSbom', 'request', {})).toEqual([
      expect.stringContaining('sbom: required')
    ])
  })
})
