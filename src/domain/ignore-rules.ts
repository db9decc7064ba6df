import type { Finding } from './finding.js'

/** One entry of the ignore file. Where it came from travels with it, so every message can point at it. */
export interface IgnoreRule {
  /** A vulnerability id (CVE-…, GHSA-…) or an Inspector finding ARN / finding id. */
  id: string
  reason: string
  /** Last day (UTC, inclusive) the entry applies, as written: `YYYY-MM-DD`. */
  expires?: string
  /** Optional scope: ECR repository name (`*` wildcards allowed). */
  repository?: string
  /** Optional scope: an image reference as written in `images:`, or a digest (platform or index). */
  image?: string
  /** Optional scope: a Lambda function name, or the reference as written in `functions:`. */
  function?: string
  /** Optional scope: an SBOM file as written in `sboms:`, or the image the SBOM names (or its digest). */
  sbom?: string
  /** Optional scope: a vulnerable package name. */
  package?: string
  /** 1-based line of the entry in its file. */
  line: number
  file: string
}

/** An entry stops applying at the end of its `expires` day, in UTC. */
export function isExpired(rule: IgnoreRule, now: Date): boolean {
  if (rule.expires === undefined) return false
  const endOfDay = Date.parse(`${rule.expires}T23:59:59.999Z`)
  return now.getTime() > endOfDay
}

export function ruleMatches(rule: IgnoreRule, finding: Finding): boolean {
  if (!matchesId(rule.id, finding)) return false
  const { artifact } = finding
  if (artifact.kind === 'sbom') {
    // The SBOM's subject is the image it describes: an `image:` scope naming it applies too.
    if (rule.repository !== undefined || rule.function !== undefined) return false
    const names = [artifact.reference, artifact.subjectName, artifact.subjectDigest]
    if (rule.sbom !== undefined && !names.includes(rule.sbom)) return false
    if (rule.image !== undefined && !names.slice(1).includes(rule.image)) return false
  } else if (artifact.kind === 'image') {
    if (rule.function !== undefined || rule.sbom !== undefined) return false
    if (rule.repository !== undefined && !wildcardMatch(rule.repository, artifact.repository)) {
      return false
    }
    const names = [artifact.reference, artifact.digest, artifact.indexDigest]
    if (rule.image !== undefined && !names.includes(rule.image)) return false
  } else {
    if (rule.repository !== undefined || rule.image !== undefined || rule.sbom !== undefined) {
      return false
    }
    const names = [artifact.reference, artifact.functionName]
    if (rule.function !== undefined && !names.includes(rule.function)) return false
  }
  if (rule.package !== undefined && !finding.packages.some((p) => p.name === rule.package)) {
    return false
  }
  return true
}

function matchesId(id: string, finding: Finding): boolean {
  const wanted = id.toLowerCase()
  if (finding.vulnerabilityId.toLowerCase() === wanted) return true
  const arn = finding.id.toLowerCase()
  // A finding can be named by its full ARN or by the id after `finding/`, as the console shows it.
  return arn === wanted || arn.endsWith(`:finding/${wanted}`)
}

function wildcardMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${escaped.join('.*')}$`).test(value)
}

/** A human label for messages: `CVE-2024-1234 (.inspector-ignore.yml:12)`. */
export function describeRule(rule: IgnoreRule): string {
  return `${rule.id} (${rule.file}:${rule.line})`
}
