import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createInspectorScanClient, scanSbom } from '../../src/aws/inspector-scan.js'
import { readSbomDocument } from '../../src/sbom/document.js'
import { NAMESPACE, readScanAnswer, SbomAnswerError } from '../../src/sbom/scan-answer.js'
import { scenarios } from '../fake-aws/scenarios.js'
import { startFakeAws, type FakeAws } from '../fake-aws/server.js'

const running: FakeAws[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()))
})

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/sboms/${name}`, import.meta.url), 'utf8')

/** The file read as the gate reads it, sent through the adapter to the local endpoint. */
async function scanned(name: string): Promise<Record<string, unknown>> {
  const fake = await startFakeAws(scenarios.clean)
  running.push(fake)
  const client = createInspectorScanClient({
    region: 'us-east-1',
    endpoint: fake.url,
    env: {},
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    delay: async () => undefined
  })
  const document = readSbomDocument(name, fixture(name))
  const { sbom } = await scanSbom(client, {
    file: name,
    sbom: document.cycloneDx,
    outputFormat: 'CYCLONE_DX_1_5'
  })
  return sbom
}

function errorOf(answer: Record<string, unknown>): string {
  try {
    readScanAnswer('sbom.json', answer)
  } catch (error) {
    if (error instanceof SbomAnswerError) return error.message
    throw error
  }
  throw new Error('no error')
}

const vulnerability = (overrides: Record<string, unknown> = {}) => ({
  id: 'CVE-2021-44228',
  ratings: [
    { severity: 'critical', score: 10, method: 'CVSSv31', source: { name: 'NVD' } },
    { severity: 'none', score: 0.94, method: 'other', source: { name: 'EPSS' } }
  ],
  affects: [{ ref: 'comp-1' }],
  properties: [
    { name: `${NAMESPACE}:exploit_available`, value: 'true' },
    { name: `${NAMESPACE}:fixed_version:comp-1`, value: '2.17.1' }
  ],
  ...overrides
})
const answer = (vulnerabilities: unknown[], totals: Record<string, string> = {}) => ({
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  metadata: {
    properties: Object.entries(totals).map(([severity, value]) => ({
      name: `${NAMESPACE}:${severity}_vulnerabilities`,
      value
    }))
  },
  components: [
    {
      'bom-ref': 'comp-1',
      name: 'log4j-core',
      version: '2.14.1',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'
    }
  ],
  vulnerabilities
})

describe('readScanAnswer, on what the local endpoint answers', () => {
  it('reads every vulnerability with its packages, fixed versions, scores and exploit flag, matching the totals', async () => {
    const report = readScanAnswer(
      'vulnerable.json',
      await scanned('syft-cyclonedx-1.5-vulnerable.json')
    )
    const log4shell = report.vulnerabilities.find((v) => v.id === 'CVE-2021-44228')
    expect(log4shell).toMatchObject({
      severity: 'critical',
      score: 10,
      exploitAvailable: true,
      packages: [{ name: 'log4j-core', version: '2.14.1', fixedVersion: expect.any(String) }]
    })
    const counted = Object.values(report.totals).reduce((a, b) => a + b, 0)
    expect(counted).toBe(report.vulnerabilities.length)
    expect(report.vulnerabilities.length).toBeGreaterThan(5)
  })

  it('a clean SBOM: no vulnerabilities and zero totals', async () => {
    const report = readScanAnswer('clean.json', await scanned('syft-cyclonedx-1.5-clean.json'))
    expect(report.vulnerabilities).toEqual([])
    expect(report.totals).toEqual({ critical: 0, high: 0, medium: 0, low: 0, other: 0 })
  })

  it("reads BuildKit's SPDX attestation, turned into CycloneDX by the gate, through the endpoint", async () => {
    const report = readScanAnswer('spdx.json', await scanned('buildkit-spdx-2.3-attestation.json'))
    expect(Object.values(report.totals).reduce((a, b) => a + b, 0)).toBe(
      report.vulnerabilities.length
    )
  })
})

describe('readScanAnswer refuses an answer it cannot trust, in one line', () => {
  it('counts the highest of several severity ratings, never EPSS', () => {
    const two = vulnerability({
      ratings: [
        { severity: 'medium', score: 5.3, method: 'CVSSv31', source: { name: 'NVD' } },
        { severity: 'high', score: 7.5, method: 'CVSSv31', source: { name: 'GHSA' } },
        { severity: 'none', score: 0.5, method: 'other', source: { name: 'EPSS' } }
      ]
    })
    const report = readScanAnswer('s.json', answer([two], { high: '1' }))
    expect(report.vulnerabilities[0]).toMatchObject({ severity: 'high', score: 7.5, epss: 0.5 })
  })

  it('an unscored CVE (severity unknown) is untriaged', () => {
    const unscored = vulnerability({
      ratings: [{ severity: 'unknown', source: { name: 'AMAZON_INSPECTOR' } }]
    })
    expect(
      readScanAnswer('s.json', answer([unscored], { other: '1' })).vulnerabilities[0]?.severity
    ).toBe('untriaged')
  })

  it.each([
    [
      'totals that disagree with the list',
      answer([vulnerability()], { critical: '2' }),
      "Inspector's totals count 2 vulnerabilities but the answer lists 1"
    ],
    [
      'vulnerabilities but no totals',
      answer([vulnerability()]),
      "Inspector's totals count 0 vulnerabilities but the answer lists 1"
    ],
    [
      'a list that is not one',
      { ...answer([]), vulnerabilities: { id: 'x' } },
      'vulnerabilities is not a list'
    ],
    [
      'a vulnerability without an id',
      answer([vulnerability({ id: '' })], { critical: '1' }),
      'vulnerabilities[0] has no id'
    ],
    [
      'no severity rating',
      answer([vulnerability({ ratings: [] })], { critical: '1' }),
      'has no severity rating'
    ],
    [
      'an unknown severity',
      answer([vulnerability({ ratings: [{ severity: 'severe' }] })], { critical: '1' }),
      'has a rating of severity "severe"'
    ],
    [
      'a vulnerability of no component',
      answer([vulnerability({ affects: [{ ref: 'comp-9' }] })], { critical: '1' }),
      'affects no component of the answer'
    ],
    [
      'a total that is no count',
      answer([vulnerability()], { critical: '1.5' }),
      'is "1.5", not a count'
    ]
  ])('%s', (_what, odd, expected) => {
    const message = errorOf(odd as Record<string, unknown>)
    expect(message).toContain(expected)
    expect(message.startsWith('the scan of sbom.json: ')).toBe(true)
  })
})
