import { MAX_SBOM_COMPONENTS as MAX_COMPONENTS } from '../domain/sbom-limits.js'

/**
 * An SBOM file as the pre-push gate reads it, before any AWS call: JSON, a format Inspector Scan
 * can take, within its limits, and what it describes (the image it was made from, when it says).
 *
 * `ScanSbom` takes CycloneDX 1.5 JSON with at most 5,000 components (AWS API reference,
 * API_scan_ScanSbom). CycloneDX 1.4 documents are valid 1.5 documents but for their
 * `specVersion`, so they are sent as 1.5. SPDX 2.3 JSON (syft's `spdx-json`, BuildKit's `sbom:
 * true` attestation, an in-toto statement around SPDX) is turned into the CycloneDX components
 * Inspector matches on: each package's package URL, name and version.
 */

export { MAX_COMPONENTS }

export type SbomFormat = 'CycloneDX 1.4' | 'CycloneDX 1.5' | 'SPDX 2.3'

export interface SbomSubject {
  /** The image (or other artifact) the SBOM describes, as the SBOM names it. */
  name?: string
  /** `sha256:…` when the SBOM records the image's digest. */
  digest?: string
}

export interface SbomDocument {
  /** The file as the user wrote it in `sboms`. */
  file: string
  format: SbomFormat
  components: number
  subject: SbomSubject
  /** What is sent to ScanSbom: a CycloneDX 1.5 document. */
  cycloneDx: Record<string, unknown>
}

/** A file the gate cannot send: the message is one line naming the file and what is wrong. */
export class SbomDocumentError extends Error {
  override name = 'SbomDocumentError'
}

type Json = Record<string, unknown>

const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const DIGEST = /sha256:[0-9a-f]{64}/

export function readSbomDocument(file: string, text: string): SbomDocument {
  const fail = (what: string): never => {
    throw new SbomDocumentError(`sboms: ${file} ${what}`)
  }
  if (text.trim() === '') fail('is empty')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    // The parser's message quotes the text near the error: kept short, it says where to look.
    fail(
      `is not JSON (${((error as Error).message.split('\n')[0] ?? 'parse error').slice(0, 120)})`
    )
  }
  if (!isRecord(parsed)) fail('is not a JSON object (an SBOM document is one)')
  const document = parsed as Json
  // BuildKit and cosign keep the SBOM as the predicate of an in-toto statement.
  if (typeof document['_type'] === 'string' && /in-toto/.test(document['_type'])) {
    return fromInToto(file, document, fail)
  }
  if (document['bomFormat'] === 'CycloneDX') return fromCycloneDx(file, document, fail)
  if (typeof document['spdxVersion'] === 'string') return fromSpdx(file, document, {}, fail)
  return fail(
    'is neither CycloneDX JSON (bomFormat "CycloneDX") nor SPDX JSON (spdxVersion); produce one with syft -o cyclonedx-json, docker buildx --sbom=true or cdxgen'
  )
}

function fromCycloneDx(file: string, bom: Json, fail: (what: string) => never): SbomDocument {
  const version = bom['specVersion']
  if (version !== '1.4' && version !== '1.5') {
    fail(
      `is CycloneDX ${typeof version === 'string' ? version.slice(0, 12) : '(no specVersion)'}; Inspector takes CycloneDX 1.5 (1.4 is sent as 1.5): produce 1.5 (syft -o cyclonedx-json@1.5)`
    )
  }
  const components = bom['components'] ?? []
  if (!Array.isArray(components)) fail('has a components member that is not a list')
  const count = countWithin(file, components as unknown[], fail)
  const metadata = isRecord(bom['metadata']) ? bom['metadata'] : {}
  const component = isRecord(metadata['component']) ? metadata['component'] : {}
  return {
    file,
    format: version === '1.4' ? 'CycloneDX 1.4' : 'CycloneDX 1.5',
    components: count,
    subject: subjectOf([component['name'], component['version'], component['purl']]),
    cycloneDx: { ...bom, specVersion: '1.5' }
  }
}

function fromSpdx(
  file: string,
  spdx: Json,
  subject: SbomSubject,
  fail: (what: string) => never
): SbomDocument {
  if (spdx['spdxVersion'] !== 'SPDX-2.3') {
    fail(
      `is ${String(spdx['spdxVersion']).slice(0, 16)}; SPDX is read in version 2.3 (SPDX-2.3) only`
    )
  }
  const packages = spdx['packages'] ?? []
  if (!Array.isArray(packages)) fail('has a packages member that is not a list')
  const components = (packages as unknown[]).flatMap((pkg) => {
    if (!isRecord(pkg)) return []
    const purl = packageUrlOf(pkg)
    // Without a package URL Inspector has nothing to match a package on.
    if (purl === undefined) return []
    return [
      {
        type: 'library',
        'bom-ref': typeof pkg['SPDXID'] === 'string' ? pkg['SPDXID'] : purl,
        name: typeof pkg['name'] === 'string' ? pkg['name'] : purl,
        ...(typeof pkg['versionInfo'] === 'string' && { version: pkg['versionInfo'] }),
        purl
      }
    ]
  })
  const count = countWithin(file, components, fail)
  const named = subject.name ?? (typeof spdx['name'] === 'string' ? spdx['name'] : undefined)
  return {
    file,
    format: 'SPDX 2.3',
    components: count,
    subject: { ...subjectOf([named]), ...subject },
    cycloneDx: {
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      version: 1,
      metadata: {
        ...(named !== undefined && { component: { type: 'container', name: named } })
      },
      components
    }
  }
}

function fromInToto(file: string, statement: Json, fail: (what: string) => never): SbomDocument {
  const predicate = statement['predicate']
  if (!isRecord(predicate)) fail('is an in-toto statement without a predicate')
  const subjects = Array.isArray(statement['subject']) ? statement['subject'] : []
  const first = subjects.find(isRecord)
  const digest = isRecord(first?.['digest']) ? first['digest']['sha256'] : undefined
  const subject: SbomSubject = {
    ...(typeof first?.['name'] === 'string' && { name: first['name'] }),
    ...(typeof digest === 'string' &&
      /^[0-9a-f]{64}$/.test(digest) && { digest: `sha256:${digest}` })
  }
  const inner = predicate as Json
  if (inner['bomFormat'] === 'CycloneDX') {
    const read = fromCycloneDx(file, inner, fail)
    return { ...read, subject: { ...read.subject, ...subject } }
  }
  if (typeof inner['spdxVersion'] === 'string') return fromSpdx(file, inner, subject, fail)
  return fail(
    `is an in-toto statement whose predicate (${String(statement['predicateType']).slice(0, 60)}) is neither CycloneDX nor SPDX`
  )
}

function countWithin(file: string, components: unknown[], fail: (what: string) => never): number {
  if (components.length > MAX_COMPONENTS) {
    fail(
      `has ${components.length.toLocaleString('en-US')} components; Inspector scans at most ${MAX_COMPONENTS.toLocaleString('en-US')} a request: split the SBOM (one per image or per layer)`
    )
  }
  return components.length
}

function packageUrlOf(pkg: Json): string | undefined {
  const refs = Array.isArray(pkg['externalRefs']) ? pkg['externalRefs'] : []
  for (const ref of refs) {
    if (
      isRecord(ref) &&
      ref['referenceType'] === 'purl' &&
      typeof ref['referenceLocator'] === 'string'
    ) {
      return ref['referenceLocator']
    }
  }
  return undefined
}

/** The name and the digest, from whichever of the given values carries them. */
function subjectOf(values: unknown[]): SbomSubject {
  const texts = values.filter((v): v is string => typeof v === 'string' && v !== '')
  const digest = texts.map((t) => DIGEST.exec(t)?.[0]).find((d) => d !== undefined)
  const name = texts.find((t) => !DIGEST.test(t) || !t.startsWith('sha256:'))
  return { ...(name !== undefined && { name }), ...(digest !== undefined && { digest }) }
}
