import type { InsightDefinition } from '../aws/securityhub-insights.js'

const eq = (Value: string) => ({ Value, Comparison: 'EQUALS' as const })
const ACTIVE_INSPECTOR = {
  ProductName: [eq('Inspector')],
  RecordState: [eq('ACTIVE')],
  WorkflowStatus: [eq('NEW'), eq('NOTIFIED')]
}

/**
 * The insights setup keeps, found again by name on every run (names are not unique in the API, so
 * the name is the key). The prefix marks them as this tool's, so nobody's own insights are touched.
 */
export const INSIGHTS: InsightDefinition[] = [
  {
    name: 'inspector-gate: Critical vulnerabilities by resource',
    filters: { ...ACTIVE_INSPECTOR, SeverityLabel: [eq('CRITICAL')] },
    groupByAttribute: 'ResourceId'
  },
  {
    name: 'inspector-gate: Unpatched EC2 instances',
    filters: {
      ...ACTIVE_INSPECTOR,
      ResourceType: [eq('AwsEc2Instance')],
      VulnerabilitiesFixAvailable: [eq('YES'), eq('PARTIAL')]
    },
    groupByAttribute: 'ResourceId'
  },
  {
    name: 'inspector-gate: Exploitable critical vulnerabilities by image',
    filters: {
      ...ACTIVE_INSPECTOR,
      ResourceType: [eq('AwsEcrContainerImage')],
      SeverityLabel: [eq('CRITICAL')],
      VulnerabilitiesExploitAvailable: [eq('YES')]
    },
    groupByAttribute: 'ResourceId'
  }
]

/** Whether an existing insight already says what the definition says (key order aside). */
export function sameInsight(a: InsightDefinition, b: InsightDefinition): boolean {
  return a.groupByAttribute === b.groupByAttribute && canonical(a.filters) === canonical(b.filters)
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
