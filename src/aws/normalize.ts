import type { ImageScanFinding } from '@aws-sdk/client-ecr'
import type {
  CodeVulnerabilityDetails,
  Finding as InspectorFinding
} from '@aws-sdk/client-inspector2'
import type {
  Availability,
  CodeLocation,
  Finding,
  ImageArtifact,
  ScannedArtifact,
  VulnerablePackage
} from '../domain/finding.js'
import { parseAwsSeverity, type Severity } from '../domain/severity.js'
import { AwsCallError } from './errors.js'
import { ShapeCheck } from './response-shape.js'

/**
 * SDK shapes → domain Finding. A finding whose shape we do not understand is an error, never a
 * silently dropped or zero-counted finding: that is the fail-open bug class this tool exists to avoid.
 */
function unexpected(what: string): AwsCallError {
  return new AwsCallError(`unexpected finding shape from AWS: ${what}`, 'UnexpectedResponse', false)
}

function severityOf(value: string | undefined, id: string): Severity {
  const severity = parseAwsSeverity(value)
  if (severity === undefined)
    throw unexpected(`finding ${id} has unknown severity "${String(value)}"`)
  return severity
}

/**
 * Inspector's `fixAvailable` (YES, NO, PARTIAL) and `exploitAvailable` (YES, NO) values, read by
 * one table; anything else is `unknown` (never `no`), which no policy counts as "no fix".
 */
export const AVAILABILITY: Readonly<Record<string, Availability>> = {
  YES: 'yes',
  NO: 'no',
  PARTIAL: 'partial'
}

function availability(value: string | undefined): Availability {
  return value !== undefined && Object.hasOwn(AVAILABILITY, value)
    ? (AVAILABILITY[value] as Availability)
    : 'unknown'
}

/** Inspector finding types; a finding of another type is an error naming it, never skipped. */
export const FINDING_TYPES: Readonly<Record<string, Finding['type']>> = {
  PACKAGE_VULNERABILITY: 'package',
  CODE_VULNERABILITY: 'code',
  NETWORK_REACHABILITY: 'network'
}

export function normalizeInspectorFinding(
  raw: InspectorFinding,
  artifact: ScannedArtifact
): Finding {
  const id = raw.findingArn
  if (!id) throw unexpected('a finding without findingArn')
  checkInspectorFinding(raw, new ShapeCheck('ListFindings', `finding ${id}`))
  const type = Object.hasOwn(FINDING_TYPES, raw.type ?? '')
    ? FINDING_TYPES[raw.type ?? '']
    : undefined
  if (type === undefined) throw unexpected(`finding ${id} has unknown type "${String(raw.type)}"`)
  const details = raw.packageVulnerabilityDetails
  const packages: VulnerablePackage[] = (details?.vulnerablePackages ?? []).map((p) => ({
    name: p.name ?? '(unnamed package)',
    ...(p.version !== undefined && {
      installedVersion: formatVersion(p.version, p.release, p.epoch)
    }),
    ...(p.fixedInVersion !== undefined &&
      p.fixedInVersion !== 'NotAvailable' && { fixedInVersion: p.fixedInVersion }),
    ...(p.packageManager !== undefined && { packageManager: p.packageManager }),
    ...(p.filePath !== undefined && { filePath: p.filePath })
  }))
  const codeDetails = raw.codeVulnerabilityDetails
  const url =
    details?.sourceUrl ??
    details?.referenceUrls?.[0] ??
    codeDetails?.referenceUrls?.[0] ??
    raw.remediation?.recommendation?.Url
  const adjusted = raw.inspectorScoreDetails?.adjustedCvss
  return {
    id,
    vulnerabilityId:
      details?.vulnerabilityId ??
      codeDetails?.ruleId ??
      codeDetails?.detectorId ??
      raw.title ??
      id.split('/').pop() ??
      id,
    title: raw.title ?? details?.vulnerabilityId ?? '(untitled finding)',
    description: raw.description ?? '',
    severity: severityOf(raw.severity, id),
    type,
    source: 'inspector',
    ...(url !== undefined && { url }),
    packages,
    fixAvailable: fixability(raw),
    exploitAvailable: availability(raw.exploitAvailable),
    ...(raw.inspectorScore !== undefined && { inspectorScore: raw.inspectorScore }),
    ...(raw.epss?.score !== undefined && { epss: raw.epss.score }),
    ...(adjusted?.score !== undefined && {
      cvss: {
        score: adjusted.score,
        ...(adjusted.version !== undefined && { version: adjusted.version }),
        ...(adjusted.scoringVector !== undefined && { vector: adjusted.scoringVector })
      }
    }),
    ...(raw.remediation?.recommendation?.text !== undefined && {
      remediation: raw.remediation.recommendation.text
    }),
    ...(raw.firstObservedAt !== undefined && {
      firstObservedAt: raw.firstObservedAt.toISOString()
    }),
    ...(codeDetails !== undefined && { code: codeLocation(codeDetails, id) }),
    artifact
  }
}

/**
 * Whether a fix exists, from every field that says so: `fixAvailable`, and each vulnerable
 * package's `fixedInVersion` or `remediation`. A finding whose `fixAvailable` is missing (or says
 * NO) while its packages name a fixed version is fixable: with `fixable-only`, reading only
 * `fixAvailable` would pass a critical that has a published fix.
 */
function fixability(raw: InspectorFinding): Availability {
  const stated = availability(raw.fixAvailable)
  if (stated === 'yes' || stated === 'partial') return stated
  const packages = raw.packageVulnerabilityDetails?.vulnerablePackages ?? []
  const fixed = packages.filter(
    (p) =>
      (p.fixedInVersion !== undefined &&
        p.fixedInVersion !== '' &&
        p.fixedInVersion !== 'NotAvailable') ||
      (p.remediation !== undefined && p.remediation.trim() !== '')
  )
  if (fixed.length === 0) return stated
  return fixed.length === packages.length ? 'yes' : 'partial'
}

/**
 * Every member of an Inspector finding that the gate reads, checked for its type before it is read
 * (see ShapeCheck): a malformed finding makes its target an error that names it.
 */
function checkInspectorFinding(raw: InspectorFinding, check: ShapeCheck): void {
  const f = raw as unknown as Record<string, unknown>
  for (const member of [
    'type',
    'severity',
    'title',
    'description',
    'fixAvailable',
    'exploitAvailable'
  ]) {
    check.string(member, f[member])
  }
  check.number('inspectorScore', f['inspectorScore'])
  check.number('epss.score', check.object('epss', f['epss'])?.['score'])
  check.date('firstObservedAt', f['firstObservedAt'])
  const details = check.object('packageVulnerabilityDetails', f['packageVulnerabilityDetails'])
  if (details !== undefined) {
    check.string('packageVulnerabilityDetails.vulnerabilityId', details['vulnerabilityId'])
    check.string('packageVulnerabilityDetails.sourceUrl', details['sourceUrl'])
    check.strings('packageVulnerabilityDetails.referenceUrls', details['referenceUrls'])
    const packages = check.list(
      'packageVulnerabilityDetails.vulnerablePackages',
      details['vulnerablePackages']
    )
    packages?.forEach((entry, i) => {
      const where = `packageVulnerabilityDetails.vulnerablePackages[${i}]`
      const p = check.object(where, entry)
      if (p === undefined) throw check.fail(where, 'missing')
      for (const member of [
        'name',
        'version',
        'release',
        'fixedInVersion',
        'remediation',
        'packageManager',
        'filePath'
      ]) {
        check.string(`${where}.${member}`, p[member])
      }
      check.number(`${where}.epoch`, p['epoch'])
    })
  }
  const code = check.object('codeVulnerabilityDetails', f['codeVulnerabilityDetails'])
  if (code !== undefined) {
    for (const member of ['ruleId', 'detectorId', 'detectorName']) {
      check.string(`codeVulnerabilityDetails.${member}`, code[member])
    }
    check.strings('codeVulnerabilityDetails.referenceUrls', code['referenceUrls'])
    check.strings('codeVulnerabilityDetails.cwes', code['cwes'])
    const path = check.object('codeVulnerabilityDetails.filePath', code['filePath'])
    if (path !== undefined) {
      check.string('codeVulnerabilityDetails.filePath.filePath', path['filePath'])
      check.string('codeVulnerabilityDetails.filePath.fileName', path['fileName'])
      check.number('codeVulnerabilityDetails.filePath.startLine', path['startLine'])
      check.number('codeVulnerabilityDetails.filePath.endLine', path['endLine'])
    }
  }
  const cvss = check.object(
    'inspectorScoreDetails.adjustedCvss',
    check.object('inspectorScoreDetails', f['inspectorScoreDetails'])?.['adjustedCvss']
  )
  if (cvss !== undefined) {
    check.number('inspectorScoreDetails.adjustedCvss.score', cvss['score'])
    check.string('inspectorScoreDetails.adjustedCvss.version', cvss['version'])
    check.string('inspectorScoreDetails.adjustedCvss.scoringVector', cvss['scoringVector'])
  }
  const recommendation = check.object(
    'remediation.recommendation',
    check.object('remediation', f['remediation'])?.['recommendation']
  )
  if (recommendation !== undefined) {
    check.string('remediation.recommendation.text', recommendation['text'])
    check.string('remediation.recommendation.Url', recommendation['Url'])
  }
}

function codeLocation(details: CodeVulnerabilityDetails, id: string): CodeLocation {
  const path = details.filePath?.filePath ?? details.filePath?.fileName
  if (!path) throw unexpected(`code finding ${id} has no file path`)
  return {
    filePath: path,
    ...(details.filePath?.startLine !== undefined && { startLine: details.filePath.startLine }),
    ...(details.filePath?.endLine !== undefined && { endLine: details.filePath.endLine }),
    cwes: details.cwes ?? [],
    ...(details.detectorName !== undefined && { detectorName: details.detectorName }),
    ...(details.ruleId !== undefined && { ruleId: details.ruleId })
  }
}

function formatVersion(
  version: string,
  release: string | undefined,
  epoch: number | undefined
): string {
  const withRelease = release ? `${version}-${release}` : version
  return epoch ? `${epoch}:${withRelease}` : withRelease
}

/** ECR basic scanning findings carry package data as loose key/value attributes. */
export function normalizeBasicFinding(raw: ImageScanFinding, artifact: ImageArtifact): Finding {
  const name = raw.name
  if (!name) throw unexpected('a basic scan finding without a name')
  const attr = new Map((raw.attributes ?? []).map((a) => [a.key ?? '', a.value ?? '']))
  const packageName = attr.get('package_name')
  const score = Number(attr.get('CVSS3_SCORE') ?? attr.get('CVSS2_SCORE'))
  const vector = attr.get('CVSS3_VECTOR') ?? attr.get('CVSS2_VECTOR')
  const packages: VulnerablePackage[] = packageName
    ? [
        {
          name: packageName,
          ...(attr.get('package_version') !== undefined && {
            installedVersion: attr.get('package_version') as string
          })
        }
      ]
    : []
  return {
    id: `${artifact.resourceId}/${name}/${packageName ?? ''}`,
    vulnerabilityId: name,
    title: name,
    description: raw.description ?? '',
    severity: severityOf(raw.severity, name),
    type: 'package',
    source: 'ecr-basic',
    ...(raw.uri !== undefined && { url: raw.uri }),
    packages,
    fixAvailable: 'unknown',
    exploitAvailable: 'unknown',
    ...(Number.isFinite(score) && {
      cvss: {
        score,
        version: attr.has('CVSS3_SCORE') ? '3' : '2',
        ...(vector !== undefined && { vector })
      }
    }),
    artifact
  }
}
