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
 * Every severity name an AWS source uses (Inspector's Severity, ECR basic scanning's
 * FindingSeverity), upper case, to ours. The single list the parser reads, and the enum test
 * compares with the models.
 */
export const AWS_SEVERITIES: Readonly<Record<string, Severity>> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  INFORMATIONAL: 'informational',
  UNTRIAGED: 'untriaged',
  UNDEFINED: 'untriaged'
}

/**
 * Maps a severity string from any AWS source to ours. Returns undefined for a value we do not
 * know, so the caller can fail loudly instead of silently counting it as something else.
 */
export function parseAwsSeverity(value: string | undefined): Severity | undefined {
  const name = (value ?? '').toUpperCase()
  return Object.hasOwn(AWS_SEVERITIES, name) ? AWS_SEVERITIES[name] : undefined
}

export function emptySeverityCounts(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0, informational: 0, untriaged: 0 }
}
