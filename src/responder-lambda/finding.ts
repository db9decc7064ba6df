/**
 * The parts of an ASFF finding (as EventBridge delivers it: JSON, dates as ISO strings) that the
 * responder reads. Security Hub validates the ASFF schema when it imports a finding, so the shapes
 * hold (Resources is an array of objects, …), but any field may be absent, and the text in them is
 * the provider's, untrusted.
 */
export interface Resource {
  Type?: string
  Id?: string
  Region?: string
  Details?: {
    AwsEcrContainerImage?: { RepositoryName?: string; ImageDigest?: string }
  }
}

export interface Finding {
  Id?: string
  ProductArn?: string
  ProductName?: string
  AwsAccountId?: string
  Region?: string
  Title?: string
  Description?: string
  FirstObservedAt?: string
  LastObservedAt?: string
  UpdatedAt?: string
  Severity?: { Label?: string }
  Remediation?: { Recommendation?: { Text?: string; Url?: string } }
  Resources?: Resource[]
  Vulnerabilities?: Array<{
    Id?: string
    VulnerablePackages?: Array<{ Name?: string; Version?: string; FixedInVersion?: string }>
  }>
  RecordState?: string
  Workflow?: { Status?: string }
  Note?: { UpdatedBy?: string; UpdatedAt?: string }
}

/** A finding with the two fields that identify it to BatchUpdateFindings. */
export type IdentifiedFinding = Finding & { Id: string; ProductArn: string }

export const isIdentified = (finding: Finding | null): finding is IdentifiedFinding =>
  typeof finding?.Id == 'string' && typeof finding.ProductArn == 'string'

/** The envelope EventBridge delivers; unknown until checked. */
export interface ImportedEvent {
  'detail-type'?: unknown
  source?: unknown
  account?: unknown
  time?: unknown
  detail?: { findings?: unknown }
}

/**
 * The findings of a "Security Hub Findings - Imported" event, or undefined for any other event (a
 * rule widened by hand, a console test event): those are not ours to act on. An Imported event
 * without a findings array is malformed and throws, so it ends in the dead-letter queue.
 */
export function findingsOf(
  event: ImportedEvent | null | undefined
): Array<Finding | null> | undefined {
  if (event?.['detail-type'] != 'Security Hub Findings - Imported') return undefined
  if (event.source != 'aws.securityhub') return undefined
  const findings = event.detail?.findings
  if (!Array.isArray(findings)) throw Error('no detail.findings array')
  return findings as Array<Finding | null>
}
