import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createAwsClients } from '../../src/aws/clients.js'
import { RequestSlots } from '../../src/aws/in-flight.js'
import { buildGateConfig } from '../../src/gate/config.js'
import { runGate } from '../../src/gate/run.js'
import type { RawInputs } from '../../src/inputs/read.js'
import { systemClock } from '../../src/runtime/clock.js'
import type { Logger } from '../../src/runtime/logger.js'
import { ALL_CLIENT_CLASSES } from '../fixtures/client-classes.js'
import { syntheticCycloneDx } from '../fixtures/sboms/cyclonedx.js'
import type { Scenario } from '../fake-aws/scenario.js'
import { SBOM_VULNERABILITIES } from '../fake-aws/sbom-vulnerabilities.js'
import { scenarios } from '../fake-aws/scenarios.js'
import { startFakeAws, type FakeAws } from '../fake-aws/server.js'

/**
 * The pre-push gate in process, against the local endpoint: the SBOM files as the user lists them,
 * read by the gate's own config builder, scanned through AwsClients (in-flight cap, deadline), the
 * verdict from the same policy as images.
 */

const running: FakeAws[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()))
})

const LOG4J = 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'
const FIXTURES = new URL('../fixtures/sboms/', import.meta.url)
const files: Record<string, string> = {
  'build/vulnerable.cdx.json': readFileSync(
    new URL('syft-cyclonedx-1.5-vulnerable.json', FIXTURES),
    'utf8'
  ),
  'build/clean.cdx.json': readFileSync(new URL('syft-cyclonedx-1.5-clean.json', FIXTURES), 'utf8'),
  'build/buildkit.spdx.json': readFileSync(
    new URL('buildkit-spdx-2.3-attestation.json', FIXTURES),
    'utf8'
  ),
  'build/big.cdx.json': JSON.stringify(
    syntheticCycloneDx(1_000, {
      include: [LOG4J]
    })
  )
}
const readFile = (path: string): string => {
  const text = files[path]
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
  return text
}

const quiet: Logger = { info: () => undefined, warning: () => undefined, debug: () => undefined }

async function gate(
  inputs: RawInputs,
  options: { scenario?: Scenario; slots?: RequestSlots } = {}
): Promise<{ verdict: Awaited<ReturnType<typeof runGate>>; fake: FakeAws }> {
  const fake = await startFakeAws(options.scenario ?? scenarios.clean)
  running.push(fake)
  const config = buildGateConfig(inputs, readFile, { AWS_REGION: 'eu-west-1' })
  const clients = createAwsClients({
    classes: ALL_CLIENT_CLASSES,
    ...(options.slots !== undefined && { slots: options.slots }),
    deadline: { at: systemClock.now() + 60_000, clock: systemClock, name: 'timeout (60s)' },
    overrides: () => ({
      endpoint: fake.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
    })
  })
  const verdict = await runGate(config, { clients, clock: systemClock, log: quiet })
  return { verdict, fake }
}

describe('gate on SBOMs (Inspector Scan) against the local endpoint', () => {
  it("fails a vulnerable SBOM on the policy's severity, with one ScanSbom call and no other", async () => {
    const { verdict, fake } = await gate({ sboms: 'build/vulnerable.cdx.json' })

    expect(verdict.result).toBe('fail')
    expect(fake.calls.map((call) => call.operation)).toEqual(['ScanSbom'])
    const blocking = verdict.assessed.filter((a) => a.blocking).map((a) => a.finding)
    expect(blocking.map((f) => f.vulnerabilityId)).toContain('CVE-2021-44228')
    const log4j = blocking.find((f) => f.vulnerabilityId === 'CVE-2021-44228')
    expect(log4j).toMatchObject({
      severity: 'critical',
      source: 'inspector-scan',
      exploitAvailable: 'yes',
      packages: [{ name: 'log4j-core', installedVersion: '2.14.1', fixedInVersion: '2.15.0' }],
      artifact: { kind: 'sbom', reference: 'build/vulnerable.cdx.json', region: 'eu-west-1' }
    })
    expect(verdict.outcomes).toEqual([
      expect.objectContaining({
        status: 'scanned',
        scanMode: 'sbom',
        settled: true,
        settledBy: { kind: 'scan-answer' }
      })
    ])
  })

  it('passes a clean SBOM with nothing found', async () => {
    const { verdict, fake } = await gate({ sboms: 'build/clean.cdx.json' })

    expect(verdict.result).toBe('pass')
    expect(verdict.assessed).toEqual([])
    expect(fake.callsTo('ScanSbom')).toHaveLength(1)
  })

  it("scans BuildKit's SPDX attestation as the CycloneDX it was turned into, named by its image", async () => {
    const { verdict, fake } = await gate({ sboms: 'build/buildkit.spdx.json' })

    const sent = fake.callsTo('ScanSbom')[0]?.input as { sbom?: { specVersion?: string } }
    expect(sent.sbom?.specVersion).toBe('1.5')
    const outcome = verdict.outcomes[0]
    expect(outcome).toMatchObject({
      status: 'scanned',
      artifact: { kind: 'sbom', format: 'SPDX 2.3' }
    })
    expect(outcome?.artifact).toHaveProperty('subjectName')
  })

  it('scans several SBOMs concurrently within the in-flight cap, each its own target', async () => {
    const slots = new RequestSlots(2)
    const { verdict, fake } = await gate(
      {
        sboms: [
          'build/vulnerable.cdx.json',
          'build/clean.cdx.json',
          'build/big.cdx.json',
          'build/buildkit.spdx.json'
        ].join('\n')
      },
      { slots }
    )

    expect(fake.callsTo('ScanSbom')).toHaveLength(4)
    expect(slots.peak).toBe(2)
    expect(verdict.outcomes.map((o) => o.status === 'scanned' && o.artifact.reference)).toEqual([
      'build/vulnerable.cdx.json',
      'build/clean.cdx.json',
      'build/big.cdx.json',
      'build/buildkit.spdx.json'
    ])
    const big = verdict.assessed.filter(
      (a) => a.finding.artifact.reference === 'build/big.cdx.json'
    )
    // The catalogue the local endpoint answers from is the truth the gate's reading must match.
    const known = SBOM_VULNERABILITIES[LOG4J] ?? []
    expect(big.map((a) => a.finding.vulnerabilityId).sort()).toEqual(known.map((v) => v.id).sort())
  })

  it('a refused call is an error verdict naming the permission, never a pass', async () => {
    const denied: Scenario = {
      ...scenarios.clean,
      faults: [{ operation: 'ScanSbom', service: 'inspector-scan', status: 403, count: 5 }]
    }
    const { verdict } = await gate({ sboms: 'build/clean.cdx.json' }, { scenario: denied })

    expect(verdict.result).toBe('error')
    expect(verdict.failures.join('\n')).toMatch(/build\/clean\.cdx\.json.*inspector-scan:ScanSbom/)
  })
})
