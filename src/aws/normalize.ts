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

function availability(value: string | undefined): Availability {
  switch (value) {
    case 'YES':
      return 'yes'
    case 'NO':
      return 'no'
    case 'PARTIAL':
      return 'partial'
    default:
      return 'unknown'
  }
}

const FINDING_TYPES: Record<string, Finding['type']> = {
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
  const type = FINDING_TYPES[raw.type ?? '']
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
    fixAvailable: availability(raw.fixAvailable),
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
