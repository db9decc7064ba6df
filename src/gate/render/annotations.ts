/**
 * Blocking findings as workflow annotations (`core.error(message, { title, file, startLine })`).
 * GitHub shows at most 10 error annotations per step, so findings are grouped: one annotation per
 * vulnerability across every artifact and platform it blocks in (a code-scanning finding: per
 * vulnerability and place, since each place is its own fix), most severe first, and the last slot
 * sums up whatever did not fit.
 *
 * Annotation text is plain text, not markdown. `@actions/core` percent-encodes `%`, CR and LF (and
 * `:` and `,` in properties) when it writes the `::error …::` command; this module's job is to keep
 * every field single-line (`singleLine`) and short (`truncate`).
 */
import { artifactVariant, type Finding, type VulnerablePackage } from '../../domain/finding.js'
import type { AssessedFinding, Verdict } from '../../domain/verdict.js'
import { safeHref, singleLine, truncate } from '../../text/escape.js'
import { compareAssessed } from './finding-order.js'
import { SEVERITY_LABELS } from './labels.js'
import { findingPlace, repositoryPath } from './sarif/location.js'

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
  file?: string
  startLine?: number
  endLine?: number
}

/** GitHub shows at most 10 error annotations per step. */
export const DEFAULT_MAX_ANNOTATIONS = 10
const TITLE_MAX = 100
const MESSAGE_MAX = 1000
/** Packages, targets and ids named in one annotation before "and N more". */
const MAX_NAMED = 5

export function findingAnnotations(
  verdict: Verdict,
  options: { max?: number; file?: string }
): Annotation[] {
  const max = Math.floor(options.max ?? DEFAULT_MAX_ANNOTATIONS)
  if (!(max >= 1)) return []
  const groups = groupBlocking(verdict.assessed)
  if (groups.length <= max) return groups.map((group) => groupAnnotation(group, options.file))
  const shown = groups.slice(0, max - 1)
  return [
    ...shown.map((group) => groupAnnotation(group, options.file)),
    overflowAnnotation(groups.slice(max - 1), shown.length > 0, options.file)
  ]
}

/** Blocking findings grouped, groups in the order of their most severe finding. */
function groupBlocking(assessed: AssessedFinding[]): AssessedFinding[][] {
  const groups = new Map<string, AssessedFinding[]>()
  for (const entry of assessed.filter((a) => a.blocking).sort(compareAssessed)) {
    const { finding } = entry
    const key =
      finding.code === undefined
        ? `package\u0000${finding.vulnerabilityId}`
        : `code\u0000${finding.vulnerabilityId}\u0000${finding.code.filePath}\u0000${finding.code.startLine ?? ''}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [entry])
    else group.push(entry)
  }
  return [...groups.values()]
}

function groupAnnotation(group: AssessedFinding[], file: string | undefined): Annotation {
  const top = group[0]
  if (top === undefined) throw new Error('empty annotation group')
  const { finding } = top
  const severity = severityText(top)
  const subject = finding.code === undefined ? packageNames(group) : codePlace(finding)
  const title = `${severity} ${text(finding.vulnerabilityId, 60)}${subject === '' ? '' : ` in ${subject}`}`
  const parts = [text(finding.title, 300) || text(finding.vulnerabilityId, 100)]
  if (finding.code === undefined) {
    const packages = packageChanges(group)
    if (packages !== '') parts.push(`Packages: ${packages}`)
  } else {
    const detector = text(finding.code.detectorName ?? '', 100)
    if (detector !== '') parts.push(`Detector: ${detector}`)
    const cwes = finding.code.cwes.map((cwe) => text(cwe, 20)).filter((cwe) => cwe !== '')
    if (cwes.length > 0) parts.push(`CWE: ${named(cwes)}`)
  }
  parts.push(`Blocks in: ${targets(group)}`)
  // A LOW as an error needs its reason ("exploit known"): the rules that blocked the group.
  const reasons = [...new Set(group.flatMap((entry) => (entry.blockedBy ?? []).map((r) => r.text)))]
  if (reasons.length > 0) parts.push(`Blocked by: ${text(reasons.join('; '), 300)}`)
  const href = finding.url === undefined ? undefined : safeHref(finding.url)
  if (href !== undefined) parts.push(`Advisory: ${href}`)
  const place = findingPlace(finding, file)
  return {
    level: 'error',
    title: text(title, TITLE_MAX),
    message: text(`${parts.join('. ')}.`, MESSAGE_MAX),
    ...(place !== undefined && { file: place.file, startLine: place.startLine }),
    ...(place?.endLine !== undefined && { endLine: place.endLine })
  }
}

function overflowAnnotation(
  rest: AssessedFinding[][],
  anyShown: boolean,
  file: string | undefined
): Annotation {
  const ids = [...new Set(rest.map((group) => text(group[0]?.finding.vulnerabilityId ?? '', 60)))]
  const count = `${rest.length}${anyShown ? ' more' : ''} blocking ${rest.length === 1 ? 'vulnerability' : 'vulnerabilities'}`
  const location = file === undefined ? '' : repositoryPath(file)
  return {
    level: 'error',
    title: text(count, TITLE_MAX),
    message: text(
      `${count} (${listWithin(ids, 700)}) — see the job summary / findings file.`,
      MESSAGE_MAX
    ),
    ...(location !== '' && { file: location, startLine: 1 })
  }
}

// ---- text ----------------------------------------------------------------------------------

function text(value: string, maxLength: number): string {
  return truncate(singleLine(value), maxLength)
}

function severityText(entry: AssessedFinding): string {
  const label = SEVERITY_LABELS[entry.effectiveSeverity]
  return entry.finding.severity === 'untriaged' ? `${label} (untriaged)` : label
}

/** `a, b, c, d, e and 3 more`. */
function named(items: string[]): string {
  const shown = items.slice(0, MAX_NAMED)
  const more = items.length - shown.length
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}

/** As many items as fit in `budget` characters, then "and N more". */
function listWithin(items: string[], budget: number): string {
  const shown: string[] = []
  let length = 0
  for (const item of items) {
    if (shown.length > 0 && length + item.length + 2 > budget) break
    shown.push(item)
    length += item.length + 2
  }
  const more = items.length - shown.length
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}

function distinctPackages(group: AssessedFinding[]): VulnerablePackage[] {
  const seen = new Map<string, VulnerablePackage>()
  for (const { finding } of group) {
    for (const pkg of finding.packages) {
      const key = [pkg.name, pkg.installedVersion, pkg.fixedInVersion].join('\u0000')
      if (!seen.has(key)) seen.set(key, pkg)
    }
  }
  return [...seen.values()]
}

function packageNames(group: AssessedFinding[]): string {
  const names = [...new Set(distinctPackages(group).map((pkg) => text(pkg.name, 40)))]
  const shown = names.slice(0, 2)
  return names.length > shown.length ? `${shown.join(', ')} +${names.length - 2}` : shown.join(', ')
}

/** `openssl 3.0.1 → 3.0.2, zlib 1.2 → no fixed version yet`. */
function packageChanges(group: AssessedFinding[]): string {
  return named(
    distinctPackages(group).map((pkg) => {
      const installed =
        pkg.installedVersion === undefined ? '' : ` ${text(pkg.installedVersion, 40)}`
      const fixed =
        pkg.fixedInVersion === undefined || singleLine(pkg.fixedInVersion) === ''
          ? 'no fixed version yet'
          : text(pkg.fixedInVersion, 40)
      return `${text(pkg.name, 80)}${installed} → ${fixed}`
    })
  )
}

function codePlace(finding: Finding): string {
  const code = finding.code
  if (code === undefined) return ''
  const path = repositoryPath(code.filePath) || text(code.filePath, 80)
  return code.startLine === undefined ? path : `${path}:${code.startLine}`
}

/** `shop/api:1.4.2 (linux/amd64, linux/arm64), orders-api (code scanning)`. */
function targets(group: AssessedFinding[]): string {
  const byReference = new Map<string, Set<string>>()
  for (const { finding } of group) {
    const reference = text(finding.artifact.reference, 120)
    const variants = byReference.get(reference) ?? new Set<string>()
    const variant = artifactVariant(finding.artifact)
    if (variant !== undefined) variants.add(text(variant, 40))
    byReference.set(reference, variants)
  }
  return named(
    [...byReference].map(([reference, variants]) =>
      variants.size === 0 ? reference : `${reference} (${[...variants].join(', ')})`
    )
  )
}
