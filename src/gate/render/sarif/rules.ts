/**
 * SARIF rules: one per vulnerability in a run, with the help GitHub shows on the alert page. All
 * finding text is untrusted: `text` fields get plain single-line text (`singleLine`/`truncate`),
 * `markdown` fields are built only from `escape.ts` helpers, and `helpUri` is set only for
 * http(s) URLs (`safeHref`).
 */
import type { ReportingDescriptor } from 'sarif'
import type { Finding, VulnerablePackage } from '../../../domain/finding.js'
import { epssOf, epssPercent } from '../../../domain/policy.js'
import { severityRank, type RankedSeverity } from '../../../domain/severity.js'
import type { AssessedFinding } from '../../../domain/verdict.js'
import {
  codeSpan,
  markdownText,
  safeHref,
  safeLink,
  singleLine,
  truncate
} from '../../../text/escape.js'
import { SEVERITY_LABELS } from '../labels.js'
import { repositoryPath } from './location.js'

/** Titles become the alert's headline; descriptions are cut to a few KB (the findings file has all). */
const SHORT_DESCRIPTION_MAX = 300
const FULL_DESCRIPTION_MAX = 4000
const REMEDIATION_MAX = 2000
const PACKAGE_TEXT_MAX = 200
/** Packages (or code locations) listed in a rule's help before "and N more". */
const MAX_HELP_ITEMS = 20
/** GitHub keeps at most 20 tags per rule. */
const MAX_TAGS = 20

/**
 * `security-severity` when Inspector gives no score: the middle of GitHub's band for the severity
 * (≥ 9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low). GitHub has no informational band and reads
 * 0 as "no security severity", so informational sits at the bottom of the low band (1.0). Untriaged
 * findings are derived from their effective severity (the policy's `untriaged-as`), so they show up
 * at the level the gate counted them, never without a severity.
 */
export const SEVERITY_SCORES: Record<RankedSeverity, number> = {
  critical: 9.5,
  high: 8.0,
  medium: 5.5,
  low: 2.0,
  informational: 1.0
}

/** Inspector score, else CVSS base score, else the severity's score; within 0.1–10. */
export function securitySeverity(entry: AssessedFinding): number {
  const { inspectorScore, cvss } = entry.finding
  const score = [inspectorScore, cvss?.score].find(
    (value): value is number => value !== undefined && Number.isFinite(value) && value > 0
  )
  return Math.min(10, Math.max(0.1, score ?? SEVERITY_SCORES[entry.effectiveSeverity]))
}

/** Blocking results are errors; the rest are warnings down to medium, notes below. */
export function resultLevel(entry: Pick<AssessedFinding, 'blocking' | 'effectiveSeverity'>) {
  if (entry.blocking) return 'error' as const
  return severityRank(entry.effectiveSeverity) >= severityRank('medium')
    ? ('warning' as const)
    : ('note' as const)
}

/**
 * The rule for one vulnerability, from every result of it in the run (most severe first): its
 * packages or code locations are listed together, and its severity is the highest of them.
 */
export function ruleDescriptor(id: string, entries: AssessedFinding[]): ReportingDescriptor {
  if (entries.length === 0) throw new Error(`rule ${id} has no findings`)
  // The most severe finding speaks for the rule (the first one of that severity: entries are sorted).
  const top = entries.reduce((best, entry) =>
    severityRank(entry.effectiveSeverity) > severityRank(best.effectiveSeverity) ? entry : best
  )
  const finding = top.finding
  // reduce, not Math.max(...): one vulnerability can have tens of thousands of findings.
  const score = entries.reduce((best, entry) => Math.max(best, securitySeverity(entry)), -Infinity)
  const href = pickUrl(entries)
  const title = singleLine(finding.title) || id
  const description = singleLine(finding.description) || title
  const level = entries.some((entry) => entry.blocking) ? 'error' : resultLevel(top)
  return {
    id,
    shortDescription: { text: truncate(title, SHORT_DESCRIPTION_MAX) },
    fullDescription: { text: truncate(description, FULL_DESCRIPTION_MAX) },
    ...(href !== undefined && { helpUri: href }),
    help: {
      text: helpText(id, entries, top, score, href),
      markdown: helpMarkdown(id, entries, top, score, href)
    },
    defaultConfiguration: { level },
    properties: {
      'security-severity': score.toFixed(1),
      tags: tags(entries, top.effectiveSeverity)
    }
  }
}

function tags(entries: AssessedFinding[], severity: RankedSeverity): string[] {
  const all = new Set<string>(['security', 'vulnerability', severity])
  // The risk facts the gate can block on (fail-on-exploitable, fail-on-epss), for filtering alerts.
  if (entries.some(({ finding }) => finding.exploitAvailable === 'yes')) all.add('exploit-known')
  const epss = entries.reduce((best, { finding }) => Math.max(best, epssOf(finding) ?? -1), -1)
  if (epss >= 0) all.add(`epss:${epssPercent(epss).replace(' ', '')}`)
  for (const { finding } of entries) {
    all.add(finding.type === 'code' ? 'code' : 'package')
    if (finding.severity === 'untriaged') all.add('untriaged')
    for (const cwe of finding.code?.cwes ?? []) {
      // GitHub's convention for CWE tags; anything else in the field is dropped, not echoed.
      const match = /^CWE-(\d{1,6})$/i.exec(cwe.trim())
      if (match?.[1] !== undefined) all.add(`external/cwe/cwe-${Number(match[1])}`)
    }
  }
  return [...all].slice(0, MAX_TAGS)
}

function pickUrl(entries: AssessedFinding[]): string | undefined {
  for (const { finding } of entries) {
    const href = finding.url === undefined ? undefined : safeHref(finding.url)
    if (href !== undefined) return href
  }
  return undefined
}

// ---- help ----------------------------------------------------------------------------------

interface Facts {
  severity: string
  scores: string[]
}

function facts(top: AssessedFinding, score: number): Facts {
  const finding = top.finding
  const label = SEVERITY_LABELS[top.effectiveSeverity]
  const scores = [`security severity ${score.toFixed(1)}`]
  if (finding.inspectorScore !== undefined) {
    scores.push(`Inspector score ${finding.inspectorScore.toFixed(1)}`)
  }
  if (finding.cvss !== undefined) {
    const version = finding.cvss.version === undefined ? '' : ` v${finding.cvss.version}`
    scores.push(`CVSS${version} ${finding.cvss.score.toFixed(1)}`)
  }
  if (finding.epss !== undefined) scores.push(`EPSS ${(finding.epss * 100).toFixed(2)}%`)
  if (finding.exploitAvailable === 'yes') scores.push('exploit available')
  return {
    severity: finding.severity === 'untriaged' ? `${label} (untriaged)` : label,
    scores
  }
}

function helpText(
  id: string,
  entries: AssessedFinding[],
  top: AssessedFinding,
  score: number,
  href: string | undefined
): string {
  const finding = top.finding
  const { severity, scores } = facts(top, score)
  const lines = [
    truncate(singleLine(finding.title) || id, SHORT_DESCRIPTION_MAX),
    '',
    truncate(singleLine(finding.description), FULL_DESCRIPTION_MAX),
    '',
    `Severity: ${severity} (${singleLine(scores.join(', '))})`
  ]
  const code = codeLines(entries, (text) => truncate(singleLine(text), PACKAGE_TEXT_MAX))
  if (code !== undefined) {
    lines.push('', 'Locations:', ...code.items.map((item) => `- ${item}`))
    if (code.more > 0) lines.push(`- and ${code.more} more`)
    if (code.detectors.length > 0) lines.push(`Detector: ${code.detectors.join(', ')}`)
    if (code.cwes.length > 0) lines.push(`CWE: ${code.cwes.join(', ')}`)
  }
  const packages = packageItems(entries)
  if (packages.items.length > 0) {
    lines.push('', 'Packages (installed → fixed):')
    for (const pkg of packages.items) {
      const name = truncate(singleLine(pkg.name), PACKAGE_TEXT_MAX)
      lines.push(
        `- ${name} ${versionText(pkg.installedVersion)} → ${fixedText(pkg.fixedInVersion)}`
      )
    }
    if (packages.more > 0) lines.push(`- and ${packages.more} more`)
  }
  if (href !== undefined) lines.push('', `Advisory: ${href}`)
  if (finding.remediation !== undefined && singleLine(finding.remediation) !== '') {
    lines.push('', `Remediation: ${truncate(singleLine(finding.remediation), REMEDIATION_MAX)}`)
  }
  return lines.join('\n')
}

function helpMarkdown(
  id: string,
  entries: AssessedFinding[],
  top: AssessedFinding,
  score: number,
  href: string | undefined
): string {
  const finding = top.finding
  const { severity, scores } = facts(top, score)
  const blocks = [
    `**${markdownText(singleLine(finding.title) || id, SHORT_DESCRIPTION_MAX)}**`,
    markdownText(finding.description, FULL_DESCRIPTION_MAX),
    `**Severity:** ${markdownText(severity)} · ${scores.map((part) => markdownText(part)).join(' · ')}`
  ]
  const code = codeLines(entries, (text) => codeSpan(text, PACKAGE_TEXT_MAX))
  if (code !== undefined) {
    const items = code.items.map((item) => `- ${item}`)
    if (code.more > 0) items.push(`- and ${code.more} more`)
    blocks.push(`**Locations:**\n\n${items.join('\n')}`)
    if (code.detectors.length > 0) {
      blocks.push(`**Detector:** ${code.detectors.map((name) => markdownText(name)).join(', ')}`)
    }
    if (code.cwes.length > 0) {
      blocks.push(`**CWE:** ${code.cwes.map((cwe) => markdownText(cwe)).join(', ')}`)
    }
  }
  const packages = packageItems(entries)
  if (packages.items.length > 0) {
    const items = packages.items.map(
      (pkg) =>
        `- ${markdownText(pkg.name, PACKAGE_TEXT_MAX)} ${markdownText(versionText(pkg.installedVersion), PACKAGE_TEXT_MAX)} → ${markdownText(fixedText(pkg.fixedInVersion), PACKAGE_TEXT_MAX)}`
    )
    if (packages.more > 0) items.push(`- and ${packages.more} more`)
    blocks.push(`**Packages** (installed → fixed):\n\n${items.join('\n')}`)
  }
  if (href !== undefined) blocks.push(`**Advisory:** ${safeLink(id, href)}`)
  if (finding.remediation !== undefined && singleLine(finding.remediation) !== '') {
    blocks.push(`**Remediation:** ${markdownText(finding.remediation, REMEDIATION_MAX)}`)
  }
  return blocks.filter((block) => block !== '').join('\n\n')
}

function versionText(version: string | undefined): string {
  return version === undefined || singleLine(version) === ''
    ? 'unknown version'
    : truncate(singleLine(version), PACKAGE_TEXT_MAX)
}

function fixedText(version: string | undefined): string {
  return version === undefined || singleLine(version) === ''
    ? 'no fixed version yet'
    : truncate(singleLine(version), PACKAGE_TEXT_MAX)
}

/** The packages of every result of the rule, each distinct one once. */
function packageItems(entries: AssessedFinding[]): { items: VulnerablePackage[]; more: number } {
  const seen = new Map<string, VulnerablePackage>()
  for (const { finding } of entries) {
    for (const pkg of finding.packages) {
      const key = [pkg.name, pkg.installedVersion, pkg.fixedInVersion].join('\u0000')
      if (!seen.has(key)) seen.set(key, pkg)
    }
  }
  const all = [...seen.values()]
  return { items: all.slice(0, MAX_HELP_ITEMS), more: Math.max(0, all.length - MAX_HELP_ITEMS) }
}

/** Code findings of the rule: `file:line` items (rendered by `render`), detectors and CWEs. */
function codeLines(
  entries: AssessedFinding[],
  render: (text: string) => string
): { items: string[]; more: number; detectors: string[]; cwes: string[] } | undefined {
  const code = entries.flatMap(({ finding }) => (finding.code === undefined ? [] : [finding]))
  if (code.length === 0) return undefined
  const places = [...new Set(code.map(placeText))]
  const detectors = new Set<string>()
  const cwes = new Set<string>()
  for (const finding of code) {
    const name = finding.code?.detectorName
    if (name !== undefined && singleLine(name) !== '')
      detectors.add(truncate(singleLine(name), 200))
    for (const cwe of finding.code?.cwes ?? []) cwes.add(truncate(singleLine(cwe), 50))
  }
  return {
    items: places.slice(0, MAX_HELP_ITEMS).map(render),
    more: Math.max(0, places.length - MAX_HELP_ITEMS),
    detectors: [...detectors].slice(0, MAX_HELP_ITEMS),
    cwes: [...cwes].slice(0, MAX_HELP_ITEMS)
  }
}

function placeText(finding: Finding): string {
  const code = finding.code
  if (code === undefined) return ''
  const path = repositoryPath(code.filePath) || singleLine(code.filePath)
  return code.startLine === undefined ? path : `${path}:${code.startLine}`
}
