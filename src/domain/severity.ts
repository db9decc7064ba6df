/**
 * Severities as Inspector reports them. `untriaged` is Inspector's UNTRIAGED (the vendor has not
 * scored the vulnerability yet) and ECR basic scanning's UNDEFINED; the policy decides how it counts.
 */
export const SEVERITIES = [
  'critical',
  'high',
  'medium',
  'low',
  'informational',
  'untriaged'
] as const
export type Severity = (typeof SEVERITIES)[number]

/** The ranked severities a threshold can name, highest first. */
export const RANKED_SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const
export type RankedSeverity = (typeof RANKED_SEVERITIES)[number]

const RANK: Record<RankedSeverity, number> = {
  critical: 5,
  high: 4,
  medium: 3,
  low: 2,
  informational: 1
}

export function severityRank(severity: RankedSeverity): number {
  return RANK[severity]
}

export function isAtLeast(severity: RankedSeverity, floor: RankedSeverity): boolean {
  return RANK[severity] >= RANK[floor]
}

/**
 * Maps a severity string from any AWS source to ours. Returns undefined for a value we do not
 * know, so the caller can fail loudly instead of silently counting it as something else.
 */
export function parseAwsSeverity(value: string | undefined): Severity | undefined {
  switch ((value ?? '').toUpperCase()) {
    case 'CRITICAL':
      return 'critical'
    case 'HIGH':
      return 'high'
    case 'MEDIUM':
      return 'medium'
    case 'LOW':
      return 'low'
    case 'INFORMATIONAL':
      return 'informational'
    case 'UNTRIAGED':
    case 'UNDEFINED':
      return 'untriaged'
    default:
      return undefined
  }
}

export function emptySeverityCounts(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0, informational: 0, untriaged: 0 }
}
