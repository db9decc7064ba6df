import type { ComplianceReport } from './report.js'

type Scope = Pick<ComplianceReport, 'filters'> & {
  period: Pick<ComplianceReport['period'], 'days'>
}

const FILTER_NAMES: Record<keyof ComplianceReport['filters'], string> = {
  products: 'report-products',
  severities: 'report-severities',
  accounts: 'report-accounts',
  resourceTypes: 'report-resource-types',
  workflowStatuses: 'report-workflow-statuses',
  regions: 'report-regions'
}

/**
 * What makes a previous report's totals not comparable with this one's: another period length or
 * other filters. A trend across them would show a change that is only the change of scope (a week
 * against a month, one product against all), so each difference is named. Empty when comparable.
 * Filters are compared as sets, case-insensitively: `CRITICAL, HIGH` and `high, critical` match.
 */
export function scopeDifferences(previous: Scope, current: Scope): string[] {
  const differences: string[] = []
  if (previous.period.days !== current.period.days) {
    differences.push(`period ${previous.period.days}d, not ${current.period.days}d`)
  }
  for (const key of Object.keys(FILTER_NAMES) as (keyof typeof FILTER_NAMES)[]) {
    // A filter a previous report predates was not set there: it read every value.
    const before = normalized(previous.filters[key] ?? [])
    const now = normalized(current.filters[key] ?? [])
    if (before.join('\n') !== now.join('\n')) {
      differences.push(`${FILTER_NAMES[key]} ${listed(before)}, not ${listed(now)}`)
    }
  }
  return differences
}

function normalized(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => v !== ''))].sort()
}

function listed(values: string[]): string {
  if (values.length === 0) return '(all)'
  const shown = values.slice(0, 5).join(', ')
  return values.length > 5 ? `${shown} and ${values.length - 5} more` : shown
}
