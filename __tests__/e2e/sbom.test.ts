import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { purlKey, SBOM_VULNERABILITIES } from '../fake-aws/sbom-vulnerabilities.js'
import { scenarioImages } from '../fake-aws/scenarios.js'
import { e2eHarness } from './harness.js'
import { runCliBundle } from './runner.js'

/**
 * The pre-push gate from the committed bundle, as a runner runs it: SBOM files in the workspace,
 * `sboms` naming them, Inspector Scan answered by the local endpoint.
 */
const { fake, gate, start } = e2eHarness()

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/sboms/${name}`, import.meta.url), 'utf8')
const VULNERABLE = fixture('syft-cyclonedx-1.5-vulnerable.json')
const CLEAN = fixture('syft-cyclonedx-1.5-clean.json')
const BUILDKIT = fixture('buildkit-spdx-2.3-attestation.json')
const TRUNCATED = fixture('malformed-truncated.json')

/** The catalogue the endpoint answers from: the truth, by vulnerability id, for a list of purls. */
function catalogueIds(purls: string[]): Map<string, string> {
  const bySeverity = new Map<string, string>()
  for (const purl of purls) {
    for (const v of SBOM_VULNERABILITIES[purlKey(purl)] ?? []) bySeverity.set(v.id, v.severity)
  }
  return bySeverity
}
const purlsOf = (text: string): string[] =>
  ((JSON.parse(text) as { components?: { purl?: string }[] }).components ?? []).flatMap((c) =>
    c.purl === undefined ? [] : [c.purl]
  )

interface FileView {
  result: string
  artifacts: { reference: string; kind: string; status: string; sbomFormat: string | null }[]
  findings: {
    vulnerabilityId: string
    severity: string
    blocking: boolean
    source: string
    artifact: { reference: string; kind: string }
  }[]
}
const findings = (path: string | undefined): FileView =>
  JSON.parse(readFileSync(path as string, 'utf8')) as FileView

describe('gate e2e: SBOMs before the push (Inspector Scan)', () => {
  it('passes a clean CycloneDX SBOM from syft with one ScanSbom call and no other', async () => {
    const run = await gate(
      'clean',
      { images: '', sboms: 'sbom.cdx.json' },
      { 'sbom.cdx.json': CLEAN }
    )

    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('pass')
    expect(fake().calls.map((call) => call.operation)).toEqual(['ScanSbom'])
    expect(run.summary).toContain('sbom.cdx.json')
  })

  it('fails a vulnerable one with the counts Inspector Scan found', async () => {
    const run = await gate(
      'clean',
      { images: '', sboms: 'sbom.cdx.json', 'fail-on': 'critical' },
      { 'sbom.cdx.json': VULNERABLE }
    )

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('fail')
    const file = findings(run.outputs['findings-file'])
    const truth = catalogueIds(purlsOf(VULNERABLE))
    expect(new Map(file.findings.map((f) => [f.vulnerabilityId, f.severity]))).toEqual(
      new Map(
        [...truth].map(([id, severity]) => [id, severity === 'other' ? 'untriaged' : severity])
      )
    )
    const blocking = file.findings.filter((f) => f.blocking).map((f) => f.vulnerabilityId)
    expect(blocking.sort()).toEqual(
      [...truth]
        .filter(([, severity]) => severity === 'critical')
        .map(([id]) => id)
        .sort()
    )
    expect(blocking).toHaveLength(5)
    expect(file.findings.every((f) => f.source === 'inspector-scan')).toBe(true)
    expect(run.log).toMatch(/::error::inspector-gate fail: 5 findings at or above fail-on critical/)
    // Each blocking finding's annotation names the target: the file and the image it describes.
    expect(run.log).toContain('Blocks in: sbom.cdx.json (SBOM of ghcr.io/acme/shop-api:1.8.2)')
  })

  it("gates BuildKit's SPDX attestation, named by the image it describes", async () => {
    const run = await gate(
      'clean',
      { images: '', sboms: 'sbom.spdx.json' },
      { 'sbom.spdx.json': BUILDKIT }
    )

    const file = findings(run.outputs['findings-file'])
    expect(file.artifacts).toEqual([
      expect.objectContaining({
        reference: 'sbom.spdx.json',
        kind: 'sbom',
        status: 'scanned',
        sbomFormat: 'SPDX 2.3'
      })
    ])
    const purls = (
      JSON.parse(BUILDKIT) as {
        predicate: { packages: { externalRefs?: { referenceLocator: string }[] }[] }
      }
    ).predicate.packages.flatMap((p) => (p.externalRefs ?? []).map((r) => r.referenceLocator))
    expect(file.findings.map((f) => f.vulnerabilityId).sort()).toEqual(
      [...catalogueIds(purls).keys()].sort()
    )
    expect(run.summary).toContain('SBOM of')
  })

  it('refuses a malformed file in one line naming it, before any AWS call', async () => {
    const run = await gate(
      'clean',
      { images: '', sboms: 'broken.json' },
      { 'broken.json': TRUNCATED }
    )

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    const errors = run.log.split('\n').filter((line) => line.startsWith('::error::'))
    expect(errors).toEqual([expect.stringMatching(/^::error::sboms: broken\.json is not JSON \(/)])
    expect(fake().calls).toEqual([])
  })

  it('gives both verdicts when sboms and images are in one step', async () => {
    const run = await gate(
      'clean',
      { images: scenarioImages.clean.uri, sboms: 'sbom.cdx.json', 'fail-on': 'critical' },
      { 'sbom.cdx.json': VULNERABLE }
    )

    const file = findings(run.outputs['findings-file'])
    expect(file.artifacts.map((a) => [a.kind, a.status])).toEqual([
      ['image', 'scanned'],
      ['sbom', 'scanned']
    ])
    // The image is clean at `critical`; the SBOM is not, so the step fails on the SBOM alone.
    expect(run.outputs['result']).toBe('fail')
    const blockingKinds = new Set(
      file.findings.filter((f) => f.blocking).map((f) => f.artifact.kind)
    )
    expect([...blockingKinds]).toEqual(['sbom'])
    expect(fake().callsTo('ScanSbom')).toHaveLength(1)
    expect(fake().callsTo('ListCoverage').length).toBeGreaterThan(0)
  })

  it('works from the CLI in any CI: inspector-gate --sboms', async () => {
    await start('clean')
    const run = await runCliBundle({
      args: ['gate', '--sboms', 'sbom.cdx.json', '--fail-on', 'critical', '--format', 'json'],
      endpoint: fake().url,
      files: { 'sbom.cdx.json': VULNERABLE }
    })

    expect(run.exitCode).toBe(1)
    const printed = JSON.parse(run.stdout) as FileView
    expect(printed.result).toBe('fail')
    expect(printed.findings.some((f) => f.vulnerabilityId === 'CVE-2021-44228' && f.blocking)).toBe(
      true
    )
  })
})
