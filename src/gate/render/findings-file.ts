/**
 * The findings file: the complete, machine-readable verdict, written next to the (size-limited)
 * summary. Its shape is a contract for whoever consumes it, so it is spelled out as types here:
 *
 * - every key is always present; absent values are `null`, never missing;
 * - dates are ISO-8601 UTC strings;
 * - `findings` holds the active findings (assessed and ignored), blocking first, then by effective
 *   severity and Inspector score; `ignored` is `null` for findings the gate counted;
 * - a breaking change to this shape bumps `schemaVersion`.
 *
 * Text fields are copied verbatim (untrusted); JSON.stringify is the only escaping they need.
 */
import type { Finding, ScannedArtifact, VulnerablePackage } from '../../domain/finding.js'
import type { IgnoreRule } from '../../domain/ignore-rules.js'
import type { ArtifactOutcome } from '../../domain/outcome.js'
import type { BlockReason, Policy } from '../../domain/policy.js'
import type { RankedSeverity, Severity } from '../../domain/severity.js'
import type { Verdict } from '../../domain/verdict.js'
import type { RunResult } from '../../domain/result.js'
import {
  artifactKey,
  countsByArtifact,
  emptyArtifactCounts,
  type ArtifactCounts
} from './artifact-counts.js'
import { compareAssessed, effectiveSeverityOf, ignoredComparator } from './finding-order.js'

/**
 * 2: SBOM targets (`kind: sbom`, `sbomFormat`, `sbomComponents`, `subjectName`, issue 15); the
 * policy's risk rules and each finding's `blockedBy` (issue 16).
 */
export const FINDINGS_SCHEMA_VERSION = 2

export interface FindingsFile {
  schemaVersion: typeof FINDINGS_SCHEMA_VERSION
  /** Null only if the caller's clock gave an invalid date. */
  generatedAt: string | null
  result: RunResult
  failures: string[]
  warnings: string[]
  policy: PolicyRecord
  /** Active, not-ignored findings by raw severity, plus blocking and ignored totals. */
  counts: Record<Severity, number> & { blocking: number; ignored: number }
  artifacts: ArtifactRecord[]
  findings: FindingRecord[]
  /** Ignore entries past their `expires` day: they no longer suppress anything. */
  expiredIgnoreRules: IgnoreRuleRecord[]
  /** Ignore entries that matched no finding. */
  unusedIgnoreRules: IgnoreRuleRecord[]
}

/** The policy exactly as evaluated (a rule that is off is `null`); its fields are part of the schema. */
export type PolicyRecord = Omit<Policy, 'failOnEpss' | 'minScore'> & {
  failOnEpss: number | null
  minScore: number | null
}

export interface ArtifactRecord {
  /** The reference as written in `images:`, `functions:` or `sboms:`. */
  reference: string
  /** `image`, `function` or `sbom`; null only for an error before the target was resolved. */
  kind: ScannedArtifact['kind'] | null
  status: ArtifactOutcome['status']
  repository: string | null
  registryId: string | null
  region: string | null
  /** The image digest; for an SBOM, the digest of the image it describes, when it records one. */
  digest: string | null
  platform: string | null
  /** SBOMs only: the document's format (`CycloneDX 1.5`, `SPDX 2.3`…), its components, its subject. */
  sbomFormat: string | null
  sbomComponents: number | null
  subjectName: string | null
  /** Functions only: the deployment that was gated. */
  functionName: string | null
  codeSha256: string | null
  lastModified: string | null
  /** Functions only: `package` (standard) or `code` scanning. */
  scanType: 'package' | 'code' | null
  resourceId: string | null
  pushedAt: string | null
  /** Only for `scanned`. */
  scanMode: 'enhanced' | 'basic' | 'sbom' | null
  scannedAt: string | null
  /** Only for `scanned`: false when findings were still arriving when the settle bound ran out. */
  settled: boolean | null
  /**
   * What settled the findings: `scan-event` (they matched Inspector's scan event counts),
   * `quiet-period` (two reads agreed after it), `scan-complete` (ECR basic scanning),
   * `scan-answer` (Inspector Scan's synchronous answer on an SBOM); null when not scanned or not
   * recorded.
   */
  settledBy: 'scan-event' | 'quiet-period' | 'scan-complete' | 'scan-answer' | null
  /** The scan event's finding-severity-counts (with TOTAL), when the event was used. */
  scanEventCounts: Record<string, number> | null
  /** Only for `unscannable`: the AWS status or reason code, and what it means. */
  reason: string | null
  explanation: string | null
  /** Only for `error`. */
  message: string | null
  timedOut: boolean | null
  /** Only for `scanned`: not-ignored findings by raw severity, plus the ignored count. */
  counts: ArtifactCounts | null
}

export interface FindingRecord {
  id: string
  vulnerabilityId: string
  title: string
  description: string
  /** As Inspector reports it. */
  severity: Severity
  /** After `untriaged-as`. */
  effectiveSeverity: RankedSeverity
  blocking: boolean
  /**
   * The rules that blocked it (`fail-on`, `max-findings`, `fail-on-exploitable`, `fail-on-epss`),
   * each with its reason (`severity HIGH ≥ fail-on high`, `exploit known`); empty when not blocking.
   */
  blockedBy: BlockReason[]
  /** Why a counted finding does not block, when the policy said. */
  note: string | null
  type: Finding['type']
  source: Finding['source']
  url: string | null
  packages: PackageRecord[]
  fixAvailable: Finding['fixAvailable']
  exploitAvailable: Finding['exploitAvailable']
  inspectorScore: number | null
  epss: number | null
  cvss: { score: number; version: string | null; vector: string | null } | null
  remediation: string | null
  /** Code-scanning findings only: file, lines, CWEs and the detector. */
  code: {
    filePath: string
    startLine: number | null
    endLine: number | null
    cwes: string[]
    detectorName: string | null
    ruleId: string | null
  } | null
  firstObservedAt: string | null
  artifact: FindingArtifactRecord
  /** The ignore entry that suppressed the finding, or null when the gate counted it. */
  ignored: IgnoredRecord | null
}

export interface PackageRecord {
  name: string
  installedVersion: string | null
  fixedInVersion: string | null
  packageManager: string | null
  filePath: string | null
}

export interface FindingArtifactRecord {
  reference: string
  kind: ScannedArtifact['kind']
  repository: string | null
  digest: string | null
  platform: string | null
  subjectName: string | null
  functionName: string | null
  codeSha256: string | null
  scanType: 'package' | 'code' | null
  resourceId: string
}

export interface IgnoredRecord {
  reason: string
  /** `file:line` of the ignore entry. */
  rule: string
  ruleId: string
  expires: string | null
}

export interface IgnoreRuleRecord {
  id: string
  reason: string
  expires: string | null
  repository: string | null
  image: string | null
  function: string | null
  sbom: string | null
  package: string | null
  file: string
  line: number
  /** `file:line`, as messages show it. */
  location: string
}

/** The verdict as the findings file (pretty-printed JSON, trailing newline). */
export function renderFindingsJson(
  verdict: Verdict,
  meta: { generatedAt: Date; policy: Policy }
): string {
  return `${JSON.stringify(findingsFile(verdict, meta), null, 2)}\n`
}

export function findingsFile(
  verdict: Verdict,
  meta: { generatedAt: Date; policy: Policy }
): FindingsFile {
  const { policy } = meta
  const counts = countsByArtifact(verdict)
  const assessed = [...verdict.assessed].sort(compareAssessed).map((entry) =>
    findingRecord(entry.finding, {
      effectiveSeverity: entry.effectiveSeverity,
      blocking: entry.blocking,
      blockedBy: entry.blockedBy ?? [],
      note: entry.note ?? null,
      ignored: null
    })
  )
  const ignored = [...verdict.ignored].sort(ignoredComparator(policy)).map(({ finding, rule }) =>
    findingRecord(finding, {
      effectiveSeverity: effectiveSeverityOf(finding, policy),
      blocking: false,
      blockedBy: [],
      note: null,
      ignored: {
        reason: rule.reason,
        rule: `${rule.file}:${rule.line}`,
        ruleId: rule.id,
        expires: rule.expires ?? null
      }
    })
  )
  return {
    schemaVersion: FINDINGS_SCHEMA_VERSION,
    generatedAt: isoOrNull(meta.generatedAt),
    result: verdict.result,
    failures: verdict.failures,
    warnings: verdict.warnings,
    policy: policyRecord(policy),
    counts: {
      ...verdict.counts,
      blocking: verdict.assessed.filter((entry) => entry.blocking).length,
      ignored: verdict.ignored.length
    },
    artifacts: verdict.outcomes.map((outcome) => artifactRecord(outcome, counts)),
    findings: [...assessed, ...ignored],
    expiredIgnoreRules: verdict.expiredRules.map(ruleRecord),
    unusedIgnoreRules: verdict.unusedRules.map(ruleRecord)
  }
}

function policyRecord(policy: Policy): PolicyRecord {
  return {
    failOn: policy.failOn,
    maxFindings: { ...policy.maxFindings },
    untriagedAs: policy.untriagedAs,
    fixableOnly: policy.fixableOnly,
    failOnExploitable: policy.failOnExploitable,
    failOnEpss: policy.failOnEpss ?? null,
    minScore: policy.minScore ?? null,
    onUnscannable: policy.onUnscannable,
    onError: policy.onError
  }
}

function artifactRecord(
  outcome: ArtifactOutcome,
  counts: Map<string, ArtifactCounts>
): ArtifactRecord {
  const artifact = outcome.artifact
  const image = artifact?.kind === 'image' ? artifact : undefined
  const fn = artifact?.kind === 'function' ? artifact : undefined
  const sbom = artifact?.kind === 'sbom' ? artifact : undefined
  const record: ArtifactRecord = {
    reference: outcome.status === 'error' ? outcome.reference : outcome.artifact.reference,
    kind: artifact?.kind ?? null,
    status: outcome.status,
    repository: image?.repository ?? null,
    registryId: image?.registryId ?? null,
    region: artifact?.region ?? null,
    digest: image?.digest ?? sbom?.subjectDigest ?? null,
    platform: image?.platform ?? null,
    sbomFormat: sbom?.format ?? null,
    sbomComponents: sbom?.components ?? null,
    subjectName: sbom?.subjectName ?? null,
    functionName: fn?.functionName ?? null,
    codeSha256: fn?.codeSha256 ?? null,
    lastModified: isoOrNull(fn?.lastModified),
    scanType: fn?.scanType ?? null,
    resourceId: artifact?.resourceId ?? null,
    pushedAt: isoOrNull(image?.pushedAt),
    scanMode: null,
    scannedAt: null,
    settled: null,
    settledBy: null,
    scanEventCounts: null,
    reason: null,
    explanation: null,
    message: null,
    timedOut: null,
    counts: null
  }
  switch (outcome.status) {
    case 'scanned':
      record.scanMode = outcome.scanMode
      record.scannedAt = isoOrNull(outcome.scannedAt)
      record.settled = outcome.settled
      record.settledBy = outcome.settledBy?.kind ?? null
      if (outcome.settledBy?.kind === 'scan-event') {
        const { bySeverity, total } = outcome.settledBy.counts
        record.scanEventCounts = { ...bySeverity, TOTAL: total }
      }
      record.counts = counts.get(artifactKey(outcome.artifact)) ?? emptyArtifactCounts()
      break
    case 'unscannable':
      record.reason = outcome.reason
      record.explanation = outcome.explanation
      break
    case 'error':
      record.message = outcome.message
      record.timedOut = outcome.timedOut
      break
  }
  return record
}

function findingRecord(
  finding: Finding,
  assessment: Pick<
    FindingRecord,
    'effectiveSeverity' | 'blocking' | 'blockedBy' | 'note' | 'ignored'
  >
): FindingRecord {
  return {
    id: finding.id,
    vulnerabilityId: finding.vulnerabilityId,
    title: finding.title,
    description: finding.description,
    severity: finding.severity,
    effectiveSeverity: assessment.effectiveSeverity,
    blocking: assessment.blocking,
    blockedBy: assessment.blockedBy.map((reason) => ({ rule: reason.rule, text: reason.text })),
    note: assessment.note,
    type: finding.type,
    source: finding.source,
    url: finding.url ?? null,
    packages: finding.packages.map(packageRecord),
    fixAvailable: finding.fixAvailable,
    exploitAvailable: finding.exploitAvailable,
    inspectorScore: finding.inspectorScore ?? null,
    epss: finding.epss ?? null,
    cvss:
      finding.cvss === undefined
        ? null
        : {
            score: finding.cvss.score,
            version: finding.cvss.version ?? null,
            vector: finding.cvss.vector ?? null
          },
    remediation: finding.remediation ?? null,
    code:
      finding.code === undefined
        ? null
        : {
            filePath: finding.code.filePath,
            startLine: finding.code.startLine ?? null,
            endLine: finding.code.endLine ?? null,
            cwes: finding.code.cwes,
            detectorName: finding.code.detectorName ?? null,
            ruleId: finding.code.ruleId ?? null
          },
    firstObservedAt: finding.firstObservedAt ?? null,
    artifact: findingArtifactRecord(finding.artifact),
    ignored: assessment.ignored
  }
}

function packageRecord(pkg: VulnerablePackage): PackageRecord {
  return {
    name: pkg.name,
    installedVersion: pkg.installedVersion ?? null,
    fixedInVersion: pkg.fixedInVersion ?? null,
    packageManager: pkg.packageManager ?? null,
    filePath: pkg.filePath ?? null
  }
}

/** The artifact in brief; `artifacts[]` has the rest, matched by `reference` and `digest`. */
function findingArtifactRecord(artifact: ScannedArtifact): FindingArtifactRecord {
  const image = artifact.kind === 'image' ? artifact : undefined
  const fn = artifact.kind === 'function' ? artifact : undefined
  const sbom = artifact.kind === 'sbom' ? artifact : undefined
  return {
    reference: artifact.reference,
    kind: artifact.kind,
    repository: image?.repository ?? null,
    digest: image?.digest ?? sbom?.subjectDigest ?? null,
    platform: image?.platform ?? null,
    subjectName: sbom?.subjectName ?? null,
    functionName: fn?.functionName ?? null,
    codeSha256: fn?.codeSha256 ?? null,
    scanType: fn?.scanType ?? null,
    resourceId: artifact.resourceId
  }
}

function ruleRecord(rule: IgnoreRule): IgnoreRuleRecord {
  return {
    id: rule.id,
    reason: rule.reason,
    expires: rule.expires ?? null,
    repository: rule.repository ?? null,
    image: rule.image ?? null,
    function: rule.function ?? null,
    sbom: rule.sbom ?? null,
    package: rule.package ?? null,
    file: rule.file,
    line: rule.line,
    location: `${rule.file}:${rule.line}`
  }
}

/** toISOString throws on an invalid Date; a bad timestamp must not lose the whole file. */
function isoOrNull(date: Date | undefined): string | null {
  return date === undefined || Number.isNaN(date.getTime()) ? null : date.toISOString()
}
