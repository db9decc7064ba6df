import { describe, expect, it } from '@jest/globals'
import { sbomArtifact, sbomFinding } from '../../src/sbom/findings.js'
import type { SbomVulnerability } from '../../src/sbom/scan-answer.js'
import { sbomTarget } from '../fixtures/artifacts.js'

const vulnerability = (overrides: Partial<SbomVulnerability> = {}): SbomVulnerability => ({
  id: 'CVE-2021-23337',
  severity: 'high',
  score: 7.2,
  epss: 0.0123,
  exploitAvailable: false,
  description: 'Command injection via the template function of lodash.',
  url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337',
  cwes: ['CWE-94'],
  packages: [
    { name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20', fixedVersion: '4.17.21' }
  ],
  ...overrides
})

describe('an SBOM scan vulnerability as a gate finding', () => {
  it('keeps what Inspector Scan said, titled as Inspector titles package findings', () => {
    const artifact = sbomTarget()
    const finding = sbomFinding(vulnerability(), artifact)

    expect(finding).toEqual({
      id: 'sbom:build/app.cdx.json/CVE-2021-23337',
      vulnerabilityId: 'CVE-2021-23337',
      title: 'CVE-2021-23337 - lodash',
      description: 'Command injection via the template function of lodash.',
      severity: 'high',
      type: 'package',
      source: 'inspector-scan',
      url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337',
      packages: [
        {
          name: 'lodash',
          installedVersion: '4.17.20',
          fixedInVersion: '4.17.21',
          packageManager: 'NPM'
        }
      ],
      fixAvailable: 'yes',
      exploitAvailable: 'no',
      epss: 0.0123,
      cvss: { score: 7.2 },
      remediation: 'upgrade lodash to 4.17.21',
      artifact
    })
    // Inspector's own score is not in the answer: never stand the CVSS rating in for it.
    expect(finding).not.toHaveProperty('inspectorScore')
  })

  it('no fixed version named is unknown fixability (which fixable-only does not let off); some is partial', () => {
    const unnamed = vulnerability({ packages: [{ name: 'zlib', version: '1.2.11' }] })
    const some = vulnerability({
      packages: [
        { name: 'openssl', version: '1.1.1k-1', fixedVersion: '1.1.1n-0' },
        { name: 'libssl1.1', version: '1.1.1k-1' }
      ]
    })

    expect(sbomFinding(unnamed, sbomTarget())).toMatchObject({ fixAvailable: 'unknown' })
    expect(sbomFinding(unnamed, sbomTarget())).not.toHaveProperty('remediation')
    expect(sbomFinding(some, sbomTarget())).toMatchObject({
      fixAvailable: 'partial',
      title: 'CVE-2021-23337 - openssl, libssl1.1'
    })
  })

  it('a known exploit and an untriaged severity carry over', () => {
    const finding = sbomFinding(
      vulnerability({ exploitAvailable: true, severity: 'untriaged' }),
      sbomTarget()
    )

    expect(finding).toMatchObject({ exploitAvailable: 'yes', severity: 'untriaged' })
  })

  it('names the target by the SBOM file and the image the SBOM describes', () => {
    const artifact = sbomArtifact(
      {
        file: 'sbom.spdx.json',
        format: 'SPDX 2.3',
        components: 42,
        subject: { name: 'ghcr.io/acme/app:1.2', digest: `sha256:${'a'.repeat(64)}` },
        cycloneDx: {}
      },
      'eu-west-1'
    )

    expect(artifact).toEqual({
      kind: 'sbom',
      reference: 'sbom.spdx.json',
      region: 'eu-west-1',
      resourceId: 'sbom:sbom.spdx.json',
      format: 'SPDX 2.3',
      components: 42,
      subjectName: 'ghcr.io/acme/app:1.2',
      subjectDigest: `sha256:${'a'.repeat(64)}`
    })
  })
})
