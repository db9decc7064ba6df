import { describe, expect, it } from '@jest/globals'
import { MAX_COMPONENTS, readSbomDocument, SbomDocumentError } from '../../src/sbom/document.js'

const DIGEST = `sha256:${'4f'.repeat(32)}`

/** A CycloneDX document as syft writes it for an image (metadata.component names the image). */
function cycloneDx(specVersion: string, components: unknown[] = []): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion,
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
    metadata: {
      tools: { components: [{ type: 'application', author: 'anchore', name: 'syft' }] },
      component: { 'bom-ref': 'img', type: 'container', name: 'shop/api', version: DIGEST }
    },
    components
  })
}

const log4j = {
  'bom-ref': 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
  type: 'library',
  name: 'log4j-core',
  version: '2.14.1',
  purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'
}

/** SPDX 2.3 as syft's spdx-json or BuildKit's attestation writes it. */
const spdx = {
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'sbom',
  packages: [
    {
      SPDXID: 'SPDXRef-Package-zlib',
      name: 'zlib1g',
      versionInfo: '1:1.2.13.dfsg-1',
      externalRefs: [
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: 'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12'
        }
      ]
    },
    // A file-level package without a purl: nothing for Inspector to match.
    { SPDXID: 'SPDXRef-File', name: 'app.jar' }
  ]
}

function errorOf(file: string, text: string): string {
  try {
    readSbomDocument(file, text)
  } catch (error) {
    if (error instanceof SbomDocumentError) return error.message
    throw error
  }
  throw new Error('no error')
}

describe('readSbomDocument', () => {
  it('reads CycloneDX 1.5 as it is, with the image it describes', () => {
    const read = readSbomDocument('sbom.cdx.json', cycloneDx('1.5', [log4j]))
    expect(read).toMatchObject({
      format: 'CycloneDX 1.5',
      components: 1,
      subject: { name: 'shop/api', digest: DIGEST }
    })
    expect(read.cycloneDx['components']).toEqual([log4j])
  })

  it('sends CycloneDX 1.4 as 1.5, which Inspector takes', () => {
    const read = readSbomDocument('old.json', cycloneDx('1.4', [log4j]))
    expect(read.format).toBe('CycloneDX 1.4')
    expect(read.cycloneDx['specVersion']).toBe('1.5')
  })

  it('turns SPDX 2.3 into the CycloneDX components Inspector matches on (package URLs)', () => {
    const read = readSbomDocument('sbom.spdx.json', JSON.stringify(spdx))
    expect(read.format).toBe('SPDX 2.3')
    expect(read.components).toBe(1)
    expect(read.cycloneDx).toMatchObject({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      components: [
        {
          type: 'library',
          name: 'zlib1g',
          version: '1:1.2.13.dfsg-1',
          purl: 'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12'
        }
      ]
    })
  })

  it("unwraps BuildKit's in-toto attestation and takes the image from its subject", () => {
    const statement = {
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://spdx.dev/Document',
      subject: [
        {
          name: 'pkg:docker/shop/api@v1?platform=linux%2Famd64',
          digest: { sha256: '4f'.repeat(32) }
        }
      ],
      predicate: spdx
    }
    const read = readSbomDocument('attestation.json', JSON.stringify(statement))
    expect(read.subject).toEqual({
      name: 'pkg:docker/shop/api@v1?platform=linux%2Famd64',
      digest: DIGEST
    })
    expect(read.components).toBe(1)
  })

  it.each([
    ['an empty file', '  \n', 'sboms: e.json is empty'],
    ['text that is not JSON', '{"bomFormat": ', 'sboms: e.json is not JSON ('],
    ['a JSON list', '[]', 'sboms: e.json is not a JSON object'],
    ['another format', '{"kind":"k8s"}', 'sboms: e.json is neither CycloneDX JSON'],
    [
      'CycloneDX 1.3',
      cycloneDx('1.3'),
      'sboms: e.json is CycloneDX 1.3; Inspector takes CycloneDX 1.5'
    ],
    [
      'SPDX 2.2',
      JSON.stringify({ ...spdx, spdxVersion: 'SPDX-2.2' }),
      'sboms: e.json is SPDX-2.2;'
    ],
    [
      'components that are not a list',
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: {} }),
      'sboms: e.json has a components member that is not a list'
    ]
  ])('refuses %s in one line naming the file', (_what, text, start) => {
    const message = errorOf('e.json', text)
    expect(message.startsWith(start)).toBe(true)
    expect(message).not.toContain('\n')
  })

  it(`refuses more than ${MAX_COMPONENTS.toLocaleString('en-US')} components before any call, with the way out`, () => {
    const many = Array.from({ length: MAX_COMPONENTS + 1 }, (_, i) => ({
      type: 'library',
      name: `p${i}`,
      purl: `pkg:npm/p${i}@1.0.0`
    }))
    expect(errorOf('big.json', cycloneDx('1.5', many))).toBe(
      'sboms: big.json has 5,001 components; Inspector scans at most 5,000 a request: split the SBOM (one per image or per layer)'
    )
    expect(readSbomDocument('ok.json', cycloneDx('1.5', many.slice(1))).components).toBe(5_000)
  })
})
