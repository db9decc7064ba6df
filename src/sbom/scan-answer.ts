/**
 * Inspector Scan's answer to ScanSbom in its documented format, CYCLONE_DX_1_5: the components
 * (renumbered by Inspector: `comp-1`…, nested ones kept nested), one vulnerability per CVE with
 * `affects` → the components it was found in, `ratings` (a CVSS rating, plus EPSS as a rating of
 * severity `none`), `properties` in the `amazon:inspector:sbom_scanner` namespace (exploit known,
 * fixed version per component), and the severity totals in `metadata.properties` — absent when
 * nothing was found. AWS documents this format (cyclonedx-namespace); the INSPECTOR format is not
 * described publicly, so the gate asks for this one.
 *
 * The answer is untrusted: an odd shape is an error naming what is wrong, never a silent zero, and
 * the vulnerabilities must add up to Inspector's own totals, or the read is incomplete.
 */
import type { RankedSeverity } from '../domain/severity.js'

export const NAMESPACE = 'amazon:inspector:sbom_scanner'

export type SbomSeverity = RankedSeverity | 'untriaged'

export interface SbomPackage {
  name: string
  version?: string
  purl?: string
  fixedVersion?: string
}

export interface SbomVulnerability {
  id: string
  severity: SbomSeverity
  /** The CVSS base score of the rating the severity came from. */
  score?: number
  epss?: number
  exploitAvailable: boolean
  description: string
  url?: string
  cwes: string[]
  packages: SbomPackage[]
}

export interface SbomScanReport {
  vulnerabilities: SbomVulnerability[]
  /** Inspector's own counts (`critical`, `high`, `medium`, `low`, `other`); zero when none given. */
  totals: Record<'critical' | 'high' | 'medium' | 'low' | 'other', number>
}

/** The answer does not look like ScanSbom's: which member, and what is wrong with it. */
export class SbomAnswerError extends Error {
  override name = 'SbomAnswerError'
}

type Json = Record<string, unknown>
const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** CycloneDX rating severities, as the gate ranks them; `none` is EPSS's, never a finding's. */
const SEVERITY: Record<string, SbomSeverity> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  info: 'informational',
  unknown: 'untriaged'
}
const TOTAL = new RegExp(`^${NAMESPACE}:(critical|high|medium|low|other)_vulnerabilities$`)
const RANK: SbomSeverity[] = ['critical', 'high', 'medium', 'low', 'informational', 'untriaged']

export function readScanAnswer(file: string, sbom: Json): SbomScanReport {
  const fail = (what: string): never => {
    throw new SbomAnswerError(`the scan of ${file}: ${what}; the findings cannot be trusted`)
  }
  const packages = componentsByRef(sbom['components'], fail)
  const raw = sbom['vulnerabilities'] ?? []
  if (!Array.isArray(raw)) fail('vulnerabilities is not a list')
  const vulnerabilities = (raw as unknown[]).map((entry, i) =>
    vulnerabilityOf(entry, `vulnerabilities[${i}]`, packages, fail)
  )
  const totals = totalsOf(sbom['metadata'], fail)
  const counted = Object.values(totals).reduce((a, b) => a + b, 0)
  if (counted !== vulnerabilities.length) {
    fail(
      `Inspector's totals count ${counted} vulnerabilities but the answer lists ${vulnerabilities.length}`
    )
  }
  return { vulnerabilities, totals }
}

function componentsByRef(value: unknown, fail: (what: string) => never): Map<string, SbomPackage> {
  const byRef = new Map<string, SbomPackage>()
  const walk = (list: unknown, path: string): void => {
    if (list === undefined || list === null) return
    if (!Array.isArray(list)) fail(`${path} is not a list`)
    ;(list as unknown[]).forEach((component, i) => {
      if (!isRecord(component)) fail(`${path}[${i}] is not an object`)
      const c = component as Json
      const ref = c['bom-ref']
      const name = c['name']
      if (typeof ref === 'string' && typeof name === 'string') {
        byRef.set(ref, {
          name,
          ...(typeof c['version'] === 'string' && { version: c['version'] }),
          ...(typeof c['purl'] === 'string' && { purl: c['purl'] })
        })
      }
      walk(c['components'], `${path}[${i}].components`)
    })
  }
  walk(value, 'components')
  return byRef
}

function vulnerabilityOf(
  value: unknown,
  path: string,
  packages: Map<string, SbomPackage>,
  fail: (what: string) => never
): SbomVulnerability {
  if (!isRecord(value)) return fail(`${path} is not an object`)
  const id = value['id']
  if (typeof id !== 'string' || id === '') return fail(`${path} has no id`)
  const ratings = Array.isArray(value['ratings']) ? value['ratings'].filter(isRecord) : []
  const epss = ratings.find((r) => isRecord(r['source']) && r['source']['name'] === 'EPSS')
  const severityRatings = ratings.filter((r) => r !== epss && r['severity'] !== 'none')
  // Several scores (NVD, a vendor) can disagree: the gate counts the highest, never the lowest.
  let chosen: { severity: SbomSeverity; score?: number } | undefined
  for (const rating of severityRatings) {
    const severity = SEVERITY[String(rating['severity'])]
    if (severity === undefined) {
      return fail(`${path} (${id}) has a rating of severity ${JSON.stringify(rating['severity'])}`)
    }
    if (chosen === undefined || RANK.indexOf(severity) < RANK.indexOf(chosen.severity)) {
      chosen = {
        severity,
        ...(typeof rating['score'] === 'number' && { score: rating['score'] })
      }
    }
  }
  if (chosen === undefined) return fail(`${path} (${id}) has no severity rating`)
  const properties = new Map<string, string>()
  for (const p of Array.isArray(value['properties']) ? value['properties'] : []) {
    if (isRecord(p) && typeof p['name'] === 'string' && typeof p['value'] === 'string')
      properties.set(p['name'], p['value'])
  }
  const affects = Array.isArray(value['affects']) ? value['affects'] : []
  const affected = affects.flatMap((a): SbomPackage[] => {
    const ref = isRecord(a) ? a['ref'] : undefined
    const pkg = typeof ref === 'string' ? packages.get(ref) : undefined
    if (pkg === undefined) return []
    const fixed = properties.get(`${NAMESPACE}:fixed_version:${String(ref)}`)
    return [{ ...pkg, ...(fixed !== undefined && { fixedVersion: fixed }) }]
  })
  if (affected.length === 0) return fail(`${path} (${id}) affects no component of the answer`)
  const source = isRecord(value['source']) ? value['source']['url'] : undefined
  const cwes = Array.isArray(value['cwes']) ? value['cwes'] : []
  return {
    id,
    severity: chosen.severity,
    ...(chosen.score !== undefined && { score: chosen.score }),
    ...(typeof epss?.['score'] === 'number' && { epss: epss['score'] }),
    exploitAvailable: properties.get(`${NAMESPACE}:exploit_available`) === 'true',
    description: typeof value['description'] === 'string' ? value['description'] : '',
    ...(typeof source === 'string' && { url: source }),
    cwes: cwes.map((cwe) => (typeof cwe === 'number' ? `CWE-${cwe}` : String(cwe))),
    packages: affected
  }
}

function totalsOf(metadata: unknown, fail: (what: string) => never): SbomScanReport['totals'] {
  const totals = { critical: 0, high: 0, medium: 0, low: 0, other: 0 }
  const properties = isRecord(metadata) ? metadata['properties'] : undefined
  if (!Array.isArray(properties)) return totals
  for (const p of properties) {
    if (!isRecord(p) || typeof p['name'] !== 'string') continue
    const match = TOTAL.exec(p['name'])
    if (match === null) continue
    const count = Number(p['value'])
    if (!Number.isSafeInteger(count) || count < 0 || !/^\d+$/.test(String(p['value']))) {
      fail(`metadata property ${p['name']} is ${JSON.stringify(p['value'])}, not a count`)
    }
    totals[match[1] as keyof typeof totals] = count
  }
  return totals
}
