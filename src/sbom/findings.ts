import type { Availability, Finding, SbomArtifact, VulnerablePackage } from '../domain/finding.js'
import type { SbomDocument } from './document.js'
import type { SbomPackage, SbomVulnerability } from './scan-answer.js'

/**
 * The SBOM as a gate target. Inspector has no resource for it (nothing was pushed), so its id is the
 * file's, which is what the findings' ids and SARIF's fingerprints rest on.
 */
export function sbomArtifact(document: SbomDocument, region: string): SbomArtifact {
  return {
    kind: 'sbom',
    reference: document.file,
    region,
    resourceId: `sbom:${document.file}`,
    format: document.format,
    components: document.components,
    ...(document.subject.name !== undefined && { subjectName: document.subject.name }),
    ...(document.subject.digest !== undefined && { subjectDigest: document.subject.digest })
  }
}

/**
 * One of Inspector Scan's vulnerabilities in the gate's Finding shape, so the same policy, ignore
 * file and publishers apply. What the answer does not say stays unknown rather than a guess: no
 * Inspector score (the answer carries the CVSS rating it was ranked by), and a vulnerability with
 * no fixed version named is of unknown fixability, which `fixable-only` does not let off.
 */
export function sbomFinding(vulnerability: SbomVulnerability, artifact: SbomArtifact): Finding {
  const packages = vulnerability.packages.map(vulnerablePackage)
  const names = [...new Set(packages.map((p) => p.name))]
  const fixes = vulnerability.packages.filter((p) => p.fixedVersion !== undefined)
  return {
    id: `${artifact.resourceId}/${vulnerability.id}`,
    vulnerabilityId: vulnerability.id,
    // As Inspector titles package findings: `CVE-2023-45853 - zlib1g`.
    title: `${vulnerability.id} - ${names.join(', ')}`,
    description: vulnerability.description,
    severity: vulnerability.severity,
    type: 'package',
    source: 'inspector-scan',
    ...(vulnerability.url !== undefined && { url: vulnerability.url }),
    packages,
    fixAvailable: fixAvailability(fixes.length, vulnerability.packages.length),
    exploitAvailable: vulnerability.exploitAvailable ? 'yes' : 'no',
    ...(vulnerability.epss !== undefined && { epss: vulnerability.epss }),
    ...(vulnerability.score !== undefined && { cvss: { score: vulnerability.score } }),
    ...(fixes.length > 0 && {
      remediation: fixes.map((p) => `upgrade ${p.name} to ${p.fixedVersion}`).join('; ')
    }),
    artifact
  }
}

function fixAvailability(fixed: number, affected: number): Availability {
  if (fixed === 0) return 'unknown'
  return fixed === affected ? 'yes' : 'partial'
}

function vulnerablePackage(pkg: SbomPackage): VulnerablePackage {
  const manager = pkg.purl === undefined ? undefined : /^pkg:([a-z0-9.+-]+)\//i.exec(pkg.purl)?.[1]
  return {
    name: pkg.name,
    ...(pkg.version !== undefined && { installedVersion: pkg.version }),
    ...(pkg.fixedVersion !== undefined && { fixedInVersion: pkg.fixedVersion }),
    ...(manager !== undefined && { packageManager: manager.toUpperCase() })
  }
}
