/**
 * The verdict as a SARIF 2.1.0 log for GitHub code scanning (`github/codeql-action/upload-sarif`).
 *
 * - One run per target as the user named it (an entry of `images:` or `functions:`): the platforms
 *   of a multi-arch image and the package and code scans of a function share it. Each run has its
 *   own category (`automationDetails.id`), derived from what stays the same across pushes (the ECR
 *   repository or the Lambda function, see `sarif-identity.ts`), because GitHub rejects two runs of
 *   one tool with the same category in an upload and replaces a category's alerts with each upload.
 * - One rule per vulnerability per run; one result per counted (active, not ignored) finding per
 *   artifact. Ignored findings are left out: they are the team's decision, and the summary and the
 *   findings file list them.
 * - Targets that were not completely scanned (any artifact unscannable or errored) get no run of
 *   their own. An upload replaces the category's previous analysis, so a run with missing results
 *   would tell code scanning the vulnerabilities were fixed and close their alerts, when the truth
 *   is that nobody looked. Without a run the category keeps the alerts of its last complete scan.
 *   Their failures are reported instead as `toolExecutionNotifications` of a results-free status run
 *   (category `inspector-gate/status/`, which never has alerts to close), and as warnings. The
 *   status run is also what keeps the log valid when no target has a run: GitHub rejects a log
 *   with no runs.
 * - A scan whose findings had not settled counts as incomplete too: findings that had not arrived
 *   yet would look fixed, and their alerts would close.
 * - GitHub's limits: at most 20 runs per upload (runs with blocking findings are kept first) and
 *   25,000 results per run (the most severe are kept); each cut is a warning for the caller.
 *   Every result has exactly one location (GitHub rejects results without one, and allows 1,000).
 *
 * Pure and deterministic: no clock, output ordered by the verdict (targets in the order of its
 * outcomes, results blocking first, then by severity and score).
 */
import type { Invocation, Log, Notification, Result, Run, ToolComponent } from 'sarif'
import {
  artifactLabel,
  artifactVariant,
  type Finding,
  type ScannedArtifact
} from '../../../domain/finding.js'
import type { ArtifactOutcome } from '../../../domain/outcome.js'
import { severityRank } from '../../../domain/severity.js'
import type { AssessedFinding, Verdict } from '../../../domain/verdict.js'
import { safeHref, sarifMessageText, singleLine, truncate } from '../../../text/escape.js'
import { compareAssessed } from '../finding-order.js'
import { plural } from '../labels.js'
import {
  automationId,
  FINGERPRINT_KEY,
  findingFingerprint,
  ruleIdOf,
  stableTargetKey,
  statusCategory,
  targetSlugName
} from './identity.js'
import { findingPlace, pathToUri, repositoryPath } from './location.js'
import { resultLevel, ruleDescriptor } from './rules.js'

export interface SarifOptions {
  /** Repository-relative path results are located at (the `sarif-location` input), e.g. `Dockerfile`; forward slashes. */
  location: string
  /** The tool's version (package.json version), for tool.driver.version / semanticVersion. */
  toolVersion: string
  /** Project page for tool.driver.informationUri. */
  informationUri: string
  /**
   * The gate step (workflow, job, step id) when known. Mixed into every category, so two gate
   * steps never share one, even for the same repository: GitHub rejects an upload with two runs
   * of one category, and separate uploads of one category replace each other's alerts.
   */
  step?: string
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'
export const SARIF_TOOL_NAME = 'inspector-gate'
/** GitHub's limits for one upload (docs: "SARIF support for code scanning", upload limits). */
export const MAX_SARIF_RUNS = 20
export const MAX_SARIF_RESULTS_PER_RUN = 25_000

/** Where results point when `location` is not a usable repository path. */
const FALLBACK_LOCATION = 'Dockerfile'
const MESSAGE_MAX = 1000
const PROPERTY_TEXT_MAX = 500
const MAX_PACKAGES_IN_PROPERTIES = 50
const MAX_PACKAGES_IN_MESSAGE = 3
/** References named in a warning before "and N more". */
const MAX_NAMED = 5

export function renderSarif(
  verdict: Verdict,
  options: SarifOptions
): { log: Log; warnings: string[] } {
  const warnings: string[] = []
  const location = defaultLocation(options.location, warnings)
  const targets = collectTargets(verdict)
  const keys = targetKeys(targets)
  const complete = targets.filter(isComplete)
  const incomplete = targets.filter((target) => !isComplete(target))

  for (const target of incomplete) {
    warnings.push(
      `no code scanning run for ${referenceText(target.reference)}: ${notScannedText(target)}; code scanning keeps the alerts of its last complete scan`
    )
  }

  const needsStatusRun = incomplete.length > 0 || complete.length === 0
  const capacity = MAX_SARIF_RUNS - (needsStatusRun ? 1 : 0)
  const ranked = rankTargets(complete)
  const kept = new Set(ranked.slice(0, capacity))
  const left = ranked.slice(capacity)
  if (left.length > 0) {
    warnings.push(
      `${plural(left.length, 'target')} left out (GitHub accepts at most ${MAX_SARIF_RUNS} runs per upload; targets with blocking findings were kept first): ${namedList(left.map((target) => target.reference))}`
    )
  }

  const runs: Run[] = complete
    .filter((target) => kept.has(target))
    .map((target) =>
      targetRun(target, keys.get(target) ?? target.reference, location, options, warnings)
    )
  if (needsStatusRun) runs.push(statusRun(incomplete, left, options))
  return { log: { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs }, warnings }
}

// ---- targets -------------------------------------------------------------------------------

/** One entry of `images:`/`functions:`: its outcomes and its counted findings (sorted). */
interface Target {
  reference: string
  /** Position in the verdict: runs keep the verdict's order. */
  order: number
  outcomes: ArtifactOutcome[]
  findings: AssessedFinding[]
  /** Any resolved artifact of the target; what its stable identity is derived from. */
  artifact: ScannedArtifact | undefined
}

function collectTargets(verdict: Verdict): Target[] {
  const targets = new Map<string, Target>()
  const targetFor = (reference: string, artifact: ScannedArtifact | undefined): Target => {
    let target = targets.get(reference)
    if (target === undefined) {
      target = { reference, order: targets.size, outcomes: [], findings: [], artifact }
      targets.set(reference, target)
    }
    target.artifact ??= artifact
    return target
  }
  for (const outcome of verdict.outcomes) {
    const reference = outcome.status === 'error' ? outcome.reference : outcome.artifact.reference
    targetFor(reference, outcome.artifact).outcomes.push(outcome)
  }
  for (const entry of [...verdict.assessed].sort(compareAssessed)) {
    const artifact = entry.finding.artifact
    targetFor(artifact.reference, artifact).findings.push(entry)
  }
  return [...targets.values()]
}

/**
 * Each target's stable key. Two references to the same repository or function in one verdict
 * (`app:latest` and `app@sha256:…`) would share a category, which GitHub rejects; they fall back
 * to keys that include the reference as written.
 */
function targetKeys(targets: Target[]): Map<Target, string> {
  const base = new Map<Target, string>()
  const uses = new Map<string, number>()
  for (const target of targets) {
    const key =
      target.artifact === undefined
        ? `reference\u0000${target.reference}`
        : stableTargetKey(target.artifact)
    base.set(target, key)
    uses.set(key, (uses.get(key) ?? 0) + 1)
  }
  const keys = new Map<Target, string>()
  for (const [target, key] of base) {
    keys.set(target, (uses.get(key) ?? 0) > 1 ? `${key}\u0000${target.reference}` : key)
  }
  return keys
}

function isComplete(target: Target): boolean {
  return target.outcomes.every((outcome) => outcome.status === 'scanned' && outcome.settled)
}

/** Targets with blocking findings first, then by their worst severity and how much they hold. */
function rankTargets(targets: Target[]): Target[] {
  const rank = new Map(
    targets.map((target) => {
      let blocking = 0
      let worst = 0
      for (const entry of target.findings) {
        if (entry.blocking) blocking += 1
        worst = Math.max(worst, severityRank(entry.effectiveSeverity))
      }
      return [target, { blocking, worst, size: target.findings.length }] as const
    })
  )
  const score = (target: Target) => rank.get(target) ?? { blocking: 0, worst: 0, size: 0 }
  return [...targets].sort((a, b) => {
    const ra = score(a)
    const rb = score(b)
    return (
      Number(rb.blocking > 0) - Number(ra.blocking > 0) ||
      rb.worst - ra.worst ||
      rb.blocking - ra.blocking ||
      rb.size - ra.size ||
      a.order - b.order
    )
  })
}

// ---- runs ----------------------------------------------------------------------------------

function targetRun(
  target: Target,
  key: string,
  location: string,
  options: SarifOptions,
  warnings: string[]
): Run {
  const kept = target.findings.slice(0, MAX_SARIF_RESULTS_PER_RUN)
  const omitted = target.findings.length - kept.length
  if (omitted > 0) {
    warnings.push(
      `${plural(omitted, 'finding')} of ${referenceText(target.reference)} left out of its run (GitHub accepts at most ${MAX_SARIF_RESULTS_PER_RUN.toLocaleString('en-US')} results per run; the most severe were kept)`
    )
  }

  const byRule = new Map<string, AssessedFinding[]>()
  for (const entry of kept) {
    const id = ruleIdOf(entry.finding.vulnerabilityId)
    const group = byRule.get(id)
    if (group === undefined) byRule.set(id, [entry])
    else group.push(entry)
  }
  const ruleIds = [...byRule.keys()]
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]))
  const rules = [...byRule].map(([id, entries]) => ruleDescriptor(id, entries))

  const results = kept.map((entry) => {
    const ruleId = ruleIdOf(entry.finding.vulnerabilityId)
    return findingResult(entry, ruleId, ruleIndex.get(ruleId) ?? 0, key, location)
  })

  // Only complete targets get a run (see isComplete), so the scan behind it succeeded.
  const invocation: Invocation = { executionSuccessful: true }

  return {
    tool: { driver: driver(options, rules) },
    automationDetails: {
      id: automationId(
        options.step === undefined ? key : `${key}\u0002${options.step}`,
        targetSlugName(target.artifact, target.reference)
      )
    },
    invocations: [invocation],
    results,
    properties: { reference: truncate(singleLine(target.reference), PROPERTY_TEXT_MAX) }
  }
}

/** Notifications for targets without a run; never any results, so it never closes an alert. */
function statusRun(incomplete: Target[], left: Target[], options: SarifOptions): Run {
  const notifications: Notification[] = incomplete.flatMap((target) =>
    target.outcomes.flatMap((outcome) => {
      switch (outcome.status) {
        case 'scanned':
          return outcome.settled
            ? []
            : [
                notification(
                  'warning',
                  `${artifactLabel(outcome.artifact.reference, outcome.artifact)}: findings were still arriving when settle ran out. No run was uploaded for ${target.reference}; code scanning keeps the alerts of its last complete scan.`
                )
              ]
        case 'unscannable':
          return [
            notification(
              'warning',
              `${artifactLabel(outcome.artifact.reference, outcome.artifact)} cannot be scanned (${outcome.reason}): ${withoutPeriod(short(outcome.explanation, 500))}. No run was uploaded for ${target.reference}; code scanning keeps the alerts of its last complete scan.`
            )
          ]
        case 'error':
          return [
            notification(
              'error',
              `${artifactLabel(outcome.reference, outcome.artifact)}: ${withoutPeriod(short(outcome.message, 500))}. No run was uploaded for ${target.reference}; code scanning keeps the alerts of its last complete scan.`
            )
          ]
      }
    })
  )
  if (left.length > 0) {
    notifications.push(
      notification(
        'warning',
        `${plural(left.length, 'target')} left out of this upload (GitHub accepts at most ${MAX_SARIF_RUNS} runs): ${namedList(left.map((target) => target.reference))}`
      )
    )
  }
  const invocation: Invocation =
    notifications.length === 0
      ? { executionSuccessful: true }
      : {
          executionSuccessful: incomplete.length === 0,
          toolExecutionNotifications: notifications
        }
  return {
    tool: { driver: driver(options, []) },
    automationDetails: { id: statusCategory(options.step) },
    invocations: [invocation],
    results: []
  }
}

function driver(options: SarifOptions, rules: ToolComponent['rules']): ToolComponent {
  const informationUri = safeHref(options.informationUri)
  const semantic = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(options.toolVersion)
  return {
    name: SARIF_TOOL_NAME,
    fullName: 'inspector-gate (Amazon Inspector findings)',
    version: options.toolVersion,
    ...(semantic && { semanticVersion: options.toolVersion }),
    ...(informationUri !== undefined && { informationUri }),
    rules
  }
}

function notification(level: 'error' | 'warning', text: string): Notification {
  return { level, message: { text: sarifMessageText(text, MESSAGE_MAX) } }
}

// ---- results -------------------------------------------------------------------------------

function findingResult(
  entry: AssessedFinding,
  ruleId: string,
  ruleIndex: number,
  targetKey: string,
  location: string
): Result {
  const finding = entry.finding
  // `location` is a usable path, so there is always a place: GitHub rejects a result without one.
  const place = findingPlace(finding, location) ?? { file: location, startLine: 1 }
  return {
    ruleId,
    ruleIndex,
    level: resultLevel(entry),
    message: { text: sarifMessageText(messageText(entry), MESSAGE_MAX) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(place.file) },
          region:
            place.endLine === undefined
              ? { startLine: place.startLine }
              : { startLine: place.startLine, endLine: place.endLine }
        }
      }
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(targetKey, finding) },
    properties: resultProperties(entry)
  }
}

/** `CVE-… (high): openssl@3.0.1 → 3.0.2 in app:1 (linux/arm64, sha256:0f9e8d7c6b5a); blocks the gate.` */
function messageText(entry: AssessedFinding): string {
  const finding = entry.finding
  const severity =
    finding.severity === 'untriaged'
      ? `untriaged, counted as ${entry.effectiveSeverity}`
      : entry.effectiveSeverity
  const what = finding.code === undefined ? packagesText(finding) : codeText(finding)
  const reasons = (entry.blockedBy ?? []).map((reason) => reason.text).join('; ')
  const decision = entry.blocking
    ? `blocks the gate${reasons === '' ? '' : ` (${short(reasons, 200)})`}`
    : `does not block${entry.note === undefined ? '' : ` (${short(entry.note, 100)})`}`
  return `${short(finding.vulnerabilityId, 200)} (${severity}): ${what} in ${targetText(finding.artifact)}; ${decision}.`
}

function packagesText(finding: Finding): string {
  const shown = finding.packages.slice(0, MAX_PACKAGES_IN_MESSAGE).map((pkg) => {
    const installed =
      pkg.installedVersion === undefined ? '' : `@${short(pkg.installedVersion, 60)}`
    const fixed =
      pkg.fixedInVersion === undefined
        ? ' (no fixed version yet)'
        : ` → ${short(pkg.fixedInVersion, 60)}`
    return `${short(pkg.name, 100)}${installed}${fixed}`
  })
  const more = finding.packages.length - shown.length
  if (shown.length === 0) return short(finding.title, 200) || 'no package named'
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}

function codeText(finding: Finding): string {
  const code = finding.code
  if (code === undefined) return ''
  const detector = short(code.detectorName ?? '', 100) || short(finding.title, 200)
  const path = repositoryPath(code.filePath) || short(code.filePath, 200)
  const line = code.startLine === undefined ? '' : `:${code.startLine}`
  return `${detector} at ${path}${line}`
}

/** `app:1 (linux/arm64, sha256:0f9e8d7c6b5a)` / `orders (code scanning, CodeSha256 Zm9vYmFyYmF6)`. */
function targetText(artifact: ScannedArtifact): string {
  const variant = artifactVariant(artifact)
  // `sha256:` and 12 hex digits, as `docker images` shortens them.
  const content =
    artifact.kind === 'image'
      ? singleLine(artifact.digest).slice(0, 19)
      : artifact.kind === 'sbom'
        ? `${artifact.components} components`
        : `CodeSha256 ${singleLine(artifact.codeSha256).slice(0, 12)}`
  const details = variant === undefined ? content : `${variant}, ${content}`
  return `${short(artifact.reference, 200)} (${details})`
}

function resultProperties(entry: AssessedFinding): Record<string, unknown> {
  const { finding } = entry
  const artifact = finding.artifact
  return {
    reference: short(artifact.reference, PROPERTY_TEXT_MAX),
    findingId: short(finding.id, PROPERTY_TEXT_MAX),
    severity: finding.severity,
    effectiveSeverity: entry.effectiveSeverity,
    blocking: entry.blocking,
    ...(entry.blockedBy !== undefined && {
      blockedBy: entry.blockedBy.map((reason) => ({
        rule: reason.rule,
        text: short(reason.text, PROPERTY_TEXT_MAX)
      }))
    }),
    ...(entry.note !== undefined && { note: short(entry.note, PROPERTY_TEXT_MAX) }),
    ...(artifact.kind === 'image'
      ? {
          digest: artifact.digest,
          ...(artifact.platform !== undefined && { platform: artifact.platform })
        }
      : artifact.kind === 'sbom'
        ? {
            sbomFormat: artifact.format,
            ...(artifact.subjectName !== undefined && {
              subject: short(artifact.subjectName, PROPERTY_TEXT_MAX)
            }),
            ...(artifact.subjectDigest !== undefined && { digest: artifact.subjectDigest })
          }
        : {
            functionName: artifact.functionName,
            codeSha256: artifact.codeSha256,
            scanType: artifact.scanType
          }),
    packages: finding.packages.slice(0, MAX_PACKAGES_IN_PROPERTIES).map((pkg) => ({
      name: short(pkg.name, PROPERTY_TEXT_MAX),
      ...(pkg.installedVersion !== undefined && {
        installedVersion: short(pkg.installedVersion, PROPERTY_TEXT_MAX)
      }),
      ...(pkg.fixedInVersion !== undefined && {
        fixedInVersion: short(pkg.fixedInVersion, PROPERTY_TEXT_MAX)
      }),
      ...(pkg.packageManager !== undefined && {
        packageManager: short(pkg.packageManager, PROPERTY_TEXT_MAX)
      }),
      ...(pkg.filePath !== undefined && { filePath: short(pkg.filePath, PROPERTY_TEXT_MAX) })
    })),
    fixAvailable: finding.fixAvailable,
    exploitAvailable: finding.exploitAvailable,
    ...(finding.inspectorScore !== undefined && { inspectorScore: finding.inspectorScore }),
    ...(finding.epss !== undefined && { epss: finding.epss }),
    ...(finding.cvss !== undefined && {
      cvss: {
        score: finding.cvss.score,
        ...(finding.cvss.version !== undefined && { version: short(finding.cvss.version, 20) }),
        ...(finding.cvss.vector !== undefined && { vector: short(finding.cvss.vector, 200) })
      }
    })
  }
}

// ---- text ----------------------------------------------------------------------------------

function short(text: string, maxLength: number): string {
  return truncate(singleLine(text), maxLength)
}

/** A sentence the caller ends itself: `…OS.` + `. No run` must not read `OS.. No run`. */
function withoutPeriod(text: string): string {
  return singleLine(text).replace(/\.+$/, '')
}

function referenceText(reference: string): string {
  return short(reference, 200)
}

function namedList(references: string[]): string {
  const named = references.slice(0, MAX_NAMED).map(referenceText)
  const more = references.length - named.length
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ')
}

function notScannedText(target: Target): string {
  const parts = target.outcomes.flatMap((outcome) => {
    if (outcome.status === 'unscannable') {
      return [
        `${artifactLabel(outcome.artifact.reference, outcome.artifact)} cannot be scanned (${short(outcome.reason, 100)})`
      ]
    }
    if (outcome.status === 'error') {
      return [
        `${artifactLabel(outcome.reference, outcome.artifact)} failed (${short(outcome.message, 300)})`
      ]
    }
    if (!outcome.settled) {
      return [
        `${artifactLabel(outcome.artifact.reference, outcome.artifact)} had findings still arriving`
      ]
    }
    return []
  })
  return short(parts.join('; '), 1000)
}

function defaultLocation(location: string, warnings: string[]): string {
  const path = repositoryPath(location)
  if (path !== '') return path
  warnings.push(
    `sarif-location "${short(location, 200)}" is not a repository file path; results point at ${FALLBACK_LOCATION}`
  )
  return FALLBACK_LOCATION
}
