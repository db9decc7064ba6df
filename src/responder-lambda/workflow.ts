import {
  BatchUpdateFindingsCommand,
  GetFindingsCommand,
  SecurityHubClient,
  type AwsSecurityFindingIdentifier
} from '@aws-sdk/client-securityhub'
import type { Finding, IdentifiedFinding } from './finding.js'

// One require per SDK package keeps the inline bundle small: handler.ts takes the client from here.
export { SecurityHubClient }

/** `Note.UpdatedBy` on every finding the responder marks: how it recognises its own updates. */
export const MARKER = 'inspector-gate-responder'

/**
 * Why a finding is not (or no longer) the responder's to announce; undefined when it is. The rule
 * only lets ACTIVE, NEW findings through; these checks are the defence in depth behind it.
 * A note of ours at least as new as the finding's `UpdatedAt` means nothing happened at the
 * provider since we marked it (BatchUpdateFindings leaves `UpdatedAt` alone): our own update coming
 * back. A finding the provider re-opened since (ARCHIVED → ACTIVE resets the status to NEW) has a
 * newer `UpdatedAt` and is announced again.
 */
export function skipReason({
  RecordState,
  Workflow,
  Note,
  UpdatedAt
}: Finding): string | undefined {
  if (RecordState == 'ARCHIVED') return 'archived'
  if (Workflow?.Status != 'NEW') return 'status ' + Workflow?.Status
  if (Note?.UpdatedBy == MARKER && !(Date.parse(UpdatedAt!) > Date.parse(Note.UpdatedAt!))) {
    return 'marked by the responder'
  }
  return undefined
}

/**
 * The findings' current state in Security Hub, by Id, 20 Ids per call (GetFindings takes at most
 * 20 values per filter). For events whose copy may be stale: a retried invocation carries the
 * same event, whose findings we may already have notified and marked.
 */
export async function currentFindings(
  client: SecurityHubClient,
  ids: string[]
): Promise<Map<string, Finding>> {
  const current = new Map<string, Finding>()
  for (let i = 0; i < ids.length; i += 20) {
    const { Findings = [] } = await client.send(
      new GetFindingsCommand({
        Filters: { Id: ids.slice(i, i + 20).map((Value) => ({ Value, Comparison: 'EQUALS' })) },
        MaxResults: 100
      })
    )
    // The SDK's AwsSecurityFinding is a superset of the fields we read.
    for (const finding of Findings) current.set(finding.Id!, finding as Finding)
  }
  return current
}

/**
 * Sets `Workflow.Status = NOTIFIED`, with a note, on the notified findings, 100 per call (the API's
 * maximum). The rule matches only NEW, so the Imported event this very update emits, and later
 * re-imports of these findings, no longer invoke the function. Unprocessed findings with a
 * transient error code get one immediate second try (a failure here means a retried invocation,
 * hence a second message). Returns the findings that could not be marked, with the reason.
 */
export async function markNotified(
  client: SecurityHubClient,
  findings: IdentifiedFinding[],
  now: Date
): Promise<Array<[id: unknown, error: unknown]>> {
  const failures: Array<[unknown, unknown]> = []
  const Note = {
    Text: `The inspector-gate responder notified this finding through SNS at ${now.toISOString()}.`,
    UpdatedBy: MARKER
  }
  for (let i = 0; i < findings.length; i += 100) {
    let batch: AwsSecurityFindingIdentifier[] = findings
      .slice(i, i + 100)
      .map(({ Id, ProductArn }) => ({ Id, ProductArn }))
    for (let attempt = 0; batch[0]; attempt++) {
      const sent = batch
      batch = []
      try {
        const { UnprocessedFindings = [] } = await client.send(
          new BatchUpdateFindingsCommand({
            FindingIdentifiers: sent,
            Workflow: { Status: 'NOTIFIED' },
            Note
          })
        )
        for (const {
          FindingIdentifier: id,
          ErrorCode: code,
          ErrorMessage
        } of UnprocessedFindings) {
          if (!attempt && id && /^(ConcurrentUpdateError|InternalFailure)$/.test(`${code}`)) {
            batch.push(id)
          } else failures.push([id?.Id, `${code}: ${ErrorMessage}`])
        }
      } catch (error) {
        for (const { Id } of sent) failures.push([Id, error])
      }
    }
  }
  return failures
}
