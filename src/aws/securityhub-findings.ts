import {
  GetFindingsCommand,
  type AwsSecurityFinding,
  type AwsSecurityFindingFilters,
  type SecurityHubClient
} from '@aws-sdk/client-securityhub'
import type { ReportFinding } from '../domain/report-aggregator.js'
import { SECURITY_HUB_SEVERITIES, type SeverityLabel } from '../domain/report.js'
import { AwsCallError, callAws } from './errors.js'
import { pageGuard } from './paging.js'

/**
 * Reads every finding matching the filters, page by page (100 a page), waiting on `pace` before
 * each call. Pages are handed over as they arrive, so memory holds one page, whatever the total.
 */
export async function readFindings(
  client: SecurityHubClient,
  filters: AwsSecurityFindingFilters,
  pace: () => Promise<void>,
  onPage: (findings: AwsSecurityFinding[]) => void | Promise<void>
): Promise<void> {
  const guard = pageGuard('GetFindings', 100_000)
  let nextToken: string | undefined
  do {
    await pace()
    const token = nextToken
    const out = await callAws(
      { action: 'securityhub:GetFindings', doing: 'reading Security Hub findings' },
      () =>
        client.send(
          new GetFindingsCommand({
            Filters: filters,
            MaxResults: 100,
            ...(token !== undefined && { NextToken: token })
          })
        )
    )
    if (!Array.isArray(out.Findings)) {
      throw new AwsCallError(
        'GetFindings returned a page without a findings list',
        'UnexpectedResponse',
        false
      )
    }
    await onPage(out.Findings)
    nextToken = out.NextToken || undefined
    guard(nextToken)
  } while (nextToken !== undefined)
}

/** The first finding matching the filters (one call, one finding), or undefined when none does. */
export async function firstFinding(
  client: SecurityHubClient,
  filters: AwsSecurityFindingFilters
): Promise<AwsSecurityFinding | undefined> {
  const out = await callAws(
    {
      action: 'securityhub:GetFindings',
      doing: 'listing the products that have Security Hub findings'
    },
    () => client.send(new GetFindingsCommand({ Filters: filters, MaxResults: 1 }))
  )
  if (!Array.isArray(out.Findings)) {
    throw new AwsCallError(
      'GetFindings returned a page without a findings list',
      'UnexpectedResponse',
      false
    )
  }
  return out.Findings[0]
}

/** ASFF → the report's fields. A finding whose severity cannot be read is an error, not a guess. */
export function toReportFinding(finding: AwsSecurityFinding): ReportFinding {
  const resource = finding.Resources?.[0]
  const createdAt = date(finding.CreatedAt, 'CreatedAt', finding.Id)
  return {
    id: finding.Id ?? '(no id)',
    title: finding.Title ?? '',
    severity: severityOf(finding),
    product: finding.ProductName ?? finding.CompanyName ?? productFromArn(finding.ProductArn),
    accountId: finding.AwsAccountId ?? 'unknown',
    region: finding.Region ?? resource?.Region ?? 'unknown',
    resourceType: resource?.Type ?? 'Other',
    resourceId: resource?.Id ?? 'unknown',
    createdAt,
    updatedAt: date(finding.UpdatedAt, 'UpdatedAt', finding.Id),
    firstObservedAt: finding.FirstObservedAt
      ? date(finding.FirstObservedAt, 'FirstObservedAt', finding.Id)
      : undefined,
    recordState: finding.RecordState ?? 'ACTIVE',
    workflowStatus: finding.Workflow?.Status ?? finding.WorkflowState ?? 'NEW',
    complianceStatus: finding.Compliance?.Status,
    securityControlId: finding.Compliance?.SecurityControlId,
    standardsIds: (finding.Compliance?.AssociatedStandards ?? []).flatMap((s) =>
      s.StandardsId ? [s.StandardsId] : []
    )
  }
}

function severityOf(finding: AwsSecurityFinding): SeverityLabel {
  const label = finding.Severity?.Label
  if (label !== undefined && (SECURITY_HUB_SEVERITIES as readonly string[]).includes(label))
    return label as SeverityLabel
  // Older providers fill only Normalized (0–100); ASFF documents the mapping to labels.
  const normalized = finding.Severity?.Normalized
  if (typeof normalized === 'number') {
    if (normalized >= 90) return 'CRITICAL'
    if (normalized >= 70) return 'HIGH'
    if (normalized >= 40) return 'MEDIUM'
    if (normalized >= 1) return 'LOW'
    return 'INFORMATIONAL'
  }
  throw new AwsCallError(
    `finding ${finding.Id ?? '(no id)'} has no readable severity`,
    'UnexpectedResponse',
    false
  )
}

function date(value: string | undefined, field: string, id: string | undefined): Date {
  const time = value === undefined ? NaN : Date.parse(value)
  if (Number.isNaN(time)) {
    throw new AwsCallError(
      `finding ${id ?? '(no id)'} has no valid ${field}`,
      'UnexpectedResponse',
      false
    )
  }
  return new Date(time)
}

/** `arn:aws:securityhub:us-east-1::product/aws/guardduty` → `guardduty`. */
function productFromArn(arn: string | undefined): string {
  return arn?.split('/').pop() ?? 'unknown'
}
