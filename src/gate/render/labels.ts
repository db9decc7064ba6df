/** Human wording shared by the summary's sections. */
import type { Finding } from '../../domain/finding.js'
import type { IgnoreRule } from '../../domain/ignore-rules.js'
import { RANKED_SEVERITIES, type Severity } from '../../domain/severity.js'

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  informational: 'Info',
  untriaged: 'Untriaged'
}

/** Marks for compact count cells, as the report summary uses them (🔴🟠🟡). */
export const SEVERITY_MARKS: Record<Severity, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  informational: '⚪',
  untriaged: '❔'
}

/** The count columns, in the order Inspector's console shows them. */
export const COUNTED_SEVERITIES: readonly Severity[] = [...RANKED_SEVERITIES, 'untriaged']

/** Minutes are enough to tell scans apart, and UTC avoids guessing the reader's zone. */
export function formatTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'at an unknown time'
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** `file:line`, the way editors and the domain's messages point at an ignore entry. */
export function ruleLocation(rule: IgnoreRule): string {
  return `${rule.file}:${rule.line}`
}

/**
 * The title without the id the cell already shows: Inspector titles package findings
 * "CVE-2023-45853 - zlib1g", which beside the CVE link would say the id twice.
 */
export function titleBesideId(finding: Pick<Finding, 'title' | 'vulnerabilityId'>): string {
  const { title, vulnerabilityId } = finding
  if (vulnerabilityId === '' || !title.startsWith(vulnerabilityId)) return title
  return title
    .slice(vulnerabilityId.length)
    .replace(/^\s*[-:–—]\s*/, '')
    .trim()
}

/** Inspector scores an untriaged finding 0: it is not scored, and 0.0 would read as harmless. */
export function scoreLabel(finding: Pick<Finding, 'inspectorScore' | 'severity'>): string {
  if (finding.inspectorScore === undefined || finding.severity === 'untriaged') return '—'
  return finding.inspectorScore.toFixed(1)
}

/** An ECR registry host (`123456789012.dkr.ecr.eu-west-1.amazonaws.com/`) at the start of a reference. */
const ECR_HOST = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\//

/**
 * `shop/api:1.4.2` for `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:1.4.2`: findings rows
 * name their image without the long host, which the Targets table shows once per target.
 */
export function withoutRegistryHost(reference: string): string {
  return reference.replace(ECR_HOST, '')
}
