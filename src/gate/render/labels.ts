/** Human wording shared by the summary's sections. */
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
