/**
 * Amazon Inspector Scan (REST-JSON, signing name `inspector-scan`): ScanSbom, `POST /scan/sbom`,
 * `{sbom: <CycloneDX 1.5 JSON>, outputFormat?}` → `{sbom: <vulnerability report>}`, matched
 * against the small catalogue in sbom-vulnerabilities.ts by package URL.
 *
 * Sources (public material; no code or prose copied):
 * - API reference: https://docs.aws.amazon.com/inspector/v2/APIReference/API_scan_ScanSbom.html
 *   (CycloneDX 1.5 only, at most 5,000 components a request, answers up to 10 MB; errors
 *   AccessDenied 403, InternalServer 500, Throttling 429, Validation 400; outputFormat
 *   CYCLONE_DX_1_5 | INSPECTOR | INSPECTOR_ALT, optional, default not documented).
 * - Property taxonomy: https://docs.aws.amazon.com/inspector/latest/user/cyclonedx-namespace.html
 *   (amazon:inspector:sbom_scanner:{critical,high,medium,low}_vulnerabilities, exploit_available,
 *   exploit_last_seen_in_public, fixed_version:<component bom-ref>, cisa_kev_date_added/due, info,
 *   warning, path, …).
 * - Real ScanSbom answers recorded by AWS's own GitHub Action, repository
 *   aws-actions/vulnerability-scan-github-action-for-amazon-inspector, files
 *   entrypoint/tests/test_data/scans/alpine:3.18.2.json.scan (CYCLONE_DX_1_5: components renumbered
 *   `comp-1…` in the answer, input properties and metadata.component dropped, metadata.tools.services
 *   "Amazon Inspector Scan SBOM API", one vulnerability per CVE with `affects` → every affected
 *   component, ratings NVD CVSSv31 + EPSS (severity none, method other), `analysis.state`
 *   exploitable / in_triage, component properties info "Component scanned: no vulnerabilities
 *   found." / warning "Component skipped: no rules found."), scans/golang:latest.json.scan (a
 *   later answer: nested components kept nested and numbered parents first, both texts under
 *   `info`, totals with `other_vulnerabilities`; the fake follows this later form),
 *   entrypoint/tests/test_data/test_pkg_vuln/inspector-scan-cdx-no-vulnerabilities.json (no
 *   findings: no severity totals, `vulnerabilities: null`), and
 *   entrypoint/tests/test_data/artifacts/containers/dockerfile_checks/inspector-scan.json (the
 *   INSPECTOR format: `messages`, `vulnerabilities[].affects[{installed_version: purl,
 *   fixed_version}]`, `properties.{cvss[],cwes,epss,exploit_available,…}`, `vulnerability_count`).
 * An untriaged vulnerability (no NVD score yet) is rated by AMAZON_INSPECTOR with severity
 * `unknown` and counted as other, as the same action's parser
 * (module entrypoint.pkg_vuln, and its unit tests) reads it.
 * INSPECTOR_ALT is not described anywhere public: the fake refuses it loudly (a fake-aws message),
 * rather than inventing a shape. The default outputFormat is not documented: an absent one answers
 * CycloneDX 1.5 here, the one format the API reference describes.
 * Validation choices where the documentation is silent: a body that is not JSON, or an `sbom` that
 * is not a JSON object, is ValidationException CANNOT_PARSE (the modeled reason for input that
 * cannot be parsed); a document that is not CycloneDX (SPDX, an in-toto statement) or not spec
 * 1.5 is UNSUPPORTED_SBOM_TYPE; more than 5,000 components (nested ones counted) is
 * FIELD_VALIDATION_FAILED naming `sbom.components`.
 */
import { randomUUID } from 'node:crypto'
import { modelEnum } from './model-check.js'
import {
  purlKey,
  purlType,
  SBOM_VULNERABILITIES,
  SCANNED_PURL_TYPES
} from './sbom-vulnerabilities.js'
import type { SbomSeverity, SbomVulnerability } from './sbom-vulnerabilities.js'
import { FakeAwsError } from './wire.js'

export const SCAN_SBOM_MAX_COMPONENTS = 5_000
const NS = 'amazon:inspector:sbom_scanner'
const SEVERITIES: readonly SbomSeverity[] = ['critical', 'high', 'medium', 'low', 'other']
const SCANNED = 'Component scanned: no vulnerabilities found.'
const SKIPPED = 'Component skipped: no rules found.'

export function inspectorScanOperationFor(method: string, path: string): string | undefined {
  return method === 'POST' && path === '/scan/sbom' ? 'ScanSbom' : undefined
}

/** The request body; one that is not a JSON object is refused as Inspector Scan refuses it. */
export function parseScanSbomBody(text: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw validation('CANNOT_PARSE', 'The request body could not be parsed as JSON.')
  }
  if (!isRecord(parsed)) throw validation('CANNOT_PARSE', 'The request body must be a JSON object.')
  return parsed
}

export function handleInspectorScan(
  operation: string,
  input: Record<string, unknown>,
  context: { now: Date }
): Record<string, unknown> {
  if (operation !== 'ScanSbom') {
    throw validation(
      'UNKNOWN_OPERATION',
      `fake-aws: Inspector Scan ${operation} is not implemented`
    )
  }
  const format = input['outputFormat'] ?? 'CYCLONE_DX_1_5'
  if (typeof format !== 'string' || !modelEnum('inspector-scan', 'OutputFormat').includes(format)) {
    throw validation(
      'FIELD_VALIDATION_FAILED',
      'Invalid outputFormat.',
      'outputFormat',
      `Value must be one of ${modelEnum('inspector-scan', 'OutputFormat').join(', ')}.`
    )
  }
  const sbom = input['sbom']
  if (sbom === undefined || sbom === null) {
    throw validation(
      'FIELD_VALIDATION_FAILED',
      'sbom is required.',
      'sbom',
      'Member must not be null.'
    )
  }
  if (!isRecord(sbom))
    throw validation('CANNOT_PARSE', 'The sbom could not be parsed as a JSON object.')
  if (sbom['bomFormat'] !== 'CycloneDX' || sbom['specVersion'] !== '1.5') {
    throw validation(
      'UNSUPPORTED_SBOM_TYPE',
      `Unsupported SBOM type: only CycloneDX 1.5 JSON is supported (got ${describeSbomType(sbom)}).`
    )
  }
  const components = flatten(sbom['components'])
  if (components.length > SCAN_SBOM_MAX_COMPONENTS) {
    throw validation(
      'FIELD_VALIDATION_FAILED',
      `The SBOM has ${components.length} components; at most ${SCAN_SBOM_MAX_COMPONENTS} are supported per request.`,
      'sbom.components',
      `Must contain at most ${SCAN_SBOM_MAX_COMPONENTS} components.`
    )
  }
  // Checked by flatten above: every component, nested ones too, is a JSON object.
  const scanned = scan((sbom['components'] ?? []) as Record<string, unknown>[])
  if (format === 'CYCLONE_DX_1_5') return { sbom: cycloneDxReport(scanned, context.now) }
  if (format === 'INSPECTOR') return { sbom: inspectorReport(scanned) }
  throw validation(
    'OTHER',
    `fake-aws: outputFormat ${format} is not implemented (its shape is not publicly documented)`
  )
}

interface ScannedComponent {
  ref: string
  source: Record<string, unknown>
  purl?: string
  vulnerabilities: readonly SbomVulnerability[]
  /** The `info` text for a component without findings; none for one without a purl. */
  note?: string
  /** Nested components (`components[].components`), kept nested as Inspector answers them. */
  children: ScannedComponent[]
}

/** The components as a tree, numbered `comp-1…` in document order, parents before children. */
function scan(sources: Record<string, unknown>[], counter = { next: 1 }): ScannedComponent[] {
  return sources.map((source) => {
    const ref = `comp-${counter.next}`
    counter.next += 1
    const nested = Array.isArray(source['components'])
      ? (source['components'] as Record<string, unknown>[])
      : []
    const purl = typeof source['purl'] === 'string' ? source['purl'] : undefined
    const vulnerabilities = purl === undefined ? [] : (SBOM_VULNERABILITIES[purlKey(purl)] ?? [])
    const component: ScannedComponent = { ref, source, vulnerabilities, children: [] }
    if (purl !== undefined) {
      component.purl = purl
      if (vulnerabilities.length === 0) {
        component.note = SCANNED_PURL_TYPES.includes(purlType(purl) ?? '') ? SCANNED : SKIPPED
      }
    }
    component.children = scan(nested, counter)
    return component
  })
}

function everyComponent(tree: ScannedComponent[]): ScannedComponent[] {
  return tree.flatMap((c) => [c, ...everyComponent(c.children)])
}

/** Each CVE once, with every component it affects (the answer's own bom-refs), in first-seen order. */
function byVulnerability(
  scanned: ScannedComponent[]
): { vulnerability: SbomVulnerability; affected: ScannedComponent[] }[] {
  const found = new Map<
    string,
    { vulnerability: SbomVulnerability; affected: ScannedComponent[] }
  >()
  for (const component of everyComponent(scanned)) {
    for (const vulnerability of component.vulnerabilities) {
      const entry = found.get(vulnerability.id) ?? { vulnerability, affected: [] }
      entry.affected.push(component)
      found.set(vulnerability.id, entry)
    }
  }
  return [...found.values()]
}

function totals(found: { vulnerability: SbomVulnerability }[]): Record<SbomSeverity, number> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, other: 0 }
  for (const { vulnerability } of found) counts[vulnerability.severity] += 1
  return counts
}

function cycloneDxReport(scanned: ScannedComponent[], now: Date): Record<string, unknown> {
  const found = byVulnerability(scanned)
  const counts = totals(found)
  const metadata: Record<string, unknown> = {
    timestamp: now.toISOString(),
    tools: { services: [{ name: 'Amazon Inspector Scan SBOM API', version: '4f2c9e1a+8d03b7c6' }] }
  }
  if (found.length > 0) {
    metadata['properties'] = SEVERITIES.map((severity) => ({
      name: `${NS}:${severity}_vulnerabilities`,
      value: String(counts[severity])
    }))
  }
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${randomUUID()}`,
    metadata,
    components: scanned.map(cycloneDxComponent),
    vulnerabilities:
      found.length === 0
        ? null
        : found.map(({ vulnerability: v, affected }, i) => ({
            'bom-ref': `vuln-${i + 1}`,
            id: v.id,
            source: { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${v.id}` },
            ratings: [
              v.cvss === undefined
                ? // Not scored by NVD yet: Inspector's own rating, severity unknown (untriaged).
                  { severity: 'unknown', method: 'other', source: { name: 'AMAZON_INSPECTOR' } }
                : {
                    severity: v.severity,
                    score: v.cvss.score,
                    method: 'CVSSv31',
                    vector: v.cvss.vector,
                    source: { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${v.id}` }
                  },
              {
                severity: 'none',
                score: v.epss,
                method: 'other',
                vector: `model:v2025.03.14,date:${now.toISOString().slice(0, 10)}T00:00:00+0000`,
                source: { name: 'EPSS', url: 'https://www.first.org/epss/' }
              }
            ],
            cwes: v.cwes,
            description: v.description,
            advisories: v.advisories.map((url) => ({ url })),
            created: v.published,
            published: v.published,
            updated: v.updated,
            affects: affected.map((c) => ({ ref: c.ref })),
            analysis: { state: v.exploitLastSeen === undefined ? 'in_triage' : 'exploitable' },
            properties: vulnerabilityProperties(v, affected)
          }))
  }
}

function vulnerabilityProperties(
  v: SbomVulnerability,
  affected: ScannedComponent[]
): { name: string; value: string }[] {
  const properties: { name: string; value: string }[] = []
  if (v.kev !== undefined) {
    properties.push({ name: `${NS}:cisa_kev_date_added`, value: v.kev.added })
    properties.push({ name: `${NS}:cisa_kev_date_due`, value: v.kev.due })
  }
  if (v.exploitLastSeen !== undefined) {
    properties.push({ name: `${NS}:exploit_available`, value: 'true' })
    properties.push({ name: `${NS}:exploit_last_seen_in_public`, value: v.exploitLastSeen })
  }
  if (v.fixedVersion !== undefined) {
    for (const c of affected) {
      properties.push({ name: `${NS}:fixed_version:${c.ref}`, value: v.fixedVersion })
    }
  }
  return properties
}

function cycloneDxComponent(c: ScannedComponent): Record<string, unknown> {
  const out: Record<string, unknown> = { 'bom-ref': c.ref }
  for (const key of ['name', 'purl', 'type', 'version']) {
    if (typeof c.source[key] === 'string') out[key] = c.source[key]
  }
  if (c.note !== undefined) out['properties'] = [{ name: `${NS}:info`, value: c.note }]
  if (c.children.length > 0) out['components'] = c.children.map(cycloneDxComponent)
  return out
}

function inspectorReport(scanned: ScannedComponent[]): Record<string, unknown> {
  const found = byVulnerability(scanned)
  return {
    messages: everyComponent(scanned).flatMap((c) =>
      c.note === undefined || c.purl === undefined ? [] : [{ purl: c.purl, info_message: c.note }]
    ),
    vulnerabilities: found.map(({ vulnerability: v, affected }) => ({
      id: v.id,
      affects: affected.map((c) => ({
        installed_version: c.purl,
        ...(v.fixedVersion === undefined ? {} : { fixed_version: v.fixedVersion })
      })),
      created: v.published,
      updated: v.updated,
      description: v.description,
      properties: {
        cvss:
          v.cvss === undefined
            ? []
            : [
                {
                  cvss_3_base_score: v.cvss.score,
                  cvss_3_base_vector: v.cvss.vector,
                  severity: v.severity,
                  source: 'NVD'
                }
              ],
        cwes: v.cwes,
        epss: v.epss,
        ...(v.exploitLastSeen === undefined
          ? {}
          : { exploit_available: true, exploit_last_seen_in_public: v.exploitLastSeen })
      },
      references: v.advisories,
      severity: v.severity,
      source: `https://nvd.nist.gov/vuln/detail/${v.id}`
    })),
    vulnerability_count: totals(found)
  }
}

/** Every component, nested ones (`components[].components`) after their parent. */
function flatten(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    throw validation('CANNOT_PARSE', 'The SBOM components member must be a JSON array.')
  }
  return value.flatMap((item: unknown) => {
    if (!isRecord(item))
      throw validation('CANNOT_PARSE', 'Every SBOM component must be a JSON object.')
    return [item, ...flatten(item['components'])]
  })
}

function describeSbomType(sbom: Record<string, unknown>): string {
  if (typeof sbom['spdxVersion'] === 'string') return sbom['spdxVersion']
  if (typeof sbom['_type'] === 'string') return `an in-toto statement ${sbom['_type']}`
  const format = typeof sbom['bomFormat'] === 'string' ? sbom['bomFormat'] : 'no bomFormat'
  const version = typeof sbom['specVersion'] === 'string' ? sbom['specVersion'] : 'no specVersion'
  return `${format} ${version}`
}

function validation(
  reason:
    | 'UNKNOWN_OPERATION'
    | 'CANNOT_PARSE'
    | 'FIELD_VALIDATION_FAILED'
    | 'UNSUPPORTED_SBOM_TYPE'
    | 'OTHER',
  message: string,
  field?: string,
  fieldMessage?: string
): FakeAwsError {
  const fields =
    field === undefined ? {} : { fields: [{ name: field, message: fieldMessage ?? message }] }
  return new FakeAwsError('ValidationException', 400, message, {}, { reason, ...fields })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
