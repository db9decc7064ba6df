/**
 * Security Hub CSPM standards: the catalogue DescribeStandards offers and the life of a standards
 * subscription (PENDING → READY / INCOMPLETE / FAILED). ARN forms, as AWS reports them:
 * - `arn:<partition>:securityhub:<region>::standards/<id>` for every standard, except
 * - CIS AWS Foundations Benchmark v1.2.0, the legacy `arn:<partition>:securityhub:::ruleset/<id>`
 *   (no Region);
 * - subscriptions `arn:<partition>:securityhub:<region>:<account>:subscription/<id>` (CIS 1.2.0
 *   included).
 * `<id>` is the resource part after `standards/` or `ruleset/`, e.g. `pci-dss/v/3.2.1`.
 */
import type { Standard, StandardsStatus, StatusReasonCode } from '@aws-sdk/client-securityhub'
import type { StandardId, StandardsEnableSpec } from './scenario.js'

/** The standard ids of the catalogue, for scenarios and tests. */
export const STANDARD_IDS = {
  fsbp: 'aws-foundational-security-best-practices/v/1.0.0',
  cis120: 'cis-aws-foundations-benchmark/v/1.2.0',
  cis140: 'cis-aws-foundations-benchmark/v/1.4.0',
  cis300: 'cis-aws-foundations-benchmark/v/3.0.0',
  cis500: 'cis-aws-foundations-benchmark/v/5.0.0',
  nist80053: 'nist-800-53/v/5.0.0',
  nist800171: 'nist-800-171/v/2.0.0',
  pci321: 'pci-dss/v/3.2.1',
  pci401: 'pci-dss/v/4.0.1',
  tagging: 'aws-resource-tagging-standard/v/1.0.0'
} as const satisfies Record<string, StandardId>

/** What EnableSecurityHub turns on unless `EnableDefaultStandards: false`. */
export const DEFAULT_STANDARDS: readonly StandardId[] = [STANDARD_IDS.fsbp, STANDARD_IDS.cis120]

interface CatalogEntry {
  id: StandardId
  name: string
  description: string
  enabledByDefault: boolean
  /** CIS 1.2.0 only: `ruleset/` without a Region. */
  legacyRuleset?: boolean
}

const cis = (version: string, legacyRuleset = false): CatalogEntry => ({
  id: `cis-aws-foundations-benchmark/v/${version}`,
  name: `CIS AWS Foundations Benchmark v${version}`,
  description: `The Center for Internet Security (CIS) AWS Foundations Benchmark v${version} is a set of security configuration best practices for AWS. This Security Hub standard automatically checks for your compliance readiness against a subset of CIS requirements.`,
  enabledByDefault: legacyRuleset,
  ...(legacyRuleset && { legacyRuleset })
})

const pci = (version: string): CatalogEntry => ({
  id: `pci-dss/v/${version}`,
  name: `PCI DSS v${version}`,
  description: `The Payment Card Industry Data Security Standard (PCI DSS) v${version} is an information security standard for entities that store, process, and/or transmit cardholder data. This Security Hub standard automatically checks for your compliance readiness against a subset of PCI DSS requirements.`,
  enabledByDefault: false
})

/** In the order AWS added them (not sorted by version: clients must pick the newest themselves). */
const CATALOG: readonly CatalogEntry[] = [
  {
    id: STANDARD_IDS.fsbp,
    name: 'AWS Foundational Security Best Practices v1.0.0',
    description:
      "The AWS Foundational Security Best Practices standard is a set of automated security checks that detect when AWS accounts and deployed resources do not align to security best practices. The standard is defined by AWS security experts. This curated set of controls helps improve your security posture in AWS, and cover AWS's most popular and foundational services.",
    enabledByDefault: true
  },
  cis('1.2.0', true),
  cis('1.4.0'),
  pci('3.2.1'),
  {
    id: STANDARD_IDS.nist80053,
    name: 'NIST Special Publication 800-53 Revision 5',
    description:
      'National Institute of Standards and Technology (NIST) Special Publication (SP) 800-53 Revision 5 provides a catalog of security and privacy controls for information systems and organizations. This Security Hub standard automatically checks for your compliance readiness against a subset of NIST SP 800-53 Rev. 5 requirements.',
    enabledByDefault: false
  },
  cis('3.0.0'),
  {
    id: STANDARD_IDS.tagging,
    name: 'AWS Resource Tagging Standard v1.0.0',
    description:
      'The AWS Resource Tagging Standard is a set of automated security checks that detect when AWS resources are missing the tag keys that you specify. It helps you identify, organize and govern your resources.',
    enabledByDefault: false
  },
  {
    id: STANDARD_IDS.nist800171,
    name: 'NIST Special Publication 800-171 Revision 2',
    description:
      'National Institute of Standards and Technology (NIST) Special Publication (SP) 800-171 Revision 2 provides security requirements for protecting controlled unclassified information (CUI) in nonfederal systems and organizations. This Security Hub standard automatically checks for your compliance readiness against a subset of NIST SP 800-171 Rev. 2 requirements.',
    enabledByDefault: false
  },
  pci('4.0.1'),
  cis('5.0.0')
]

export function partitionOf(region: string): 'aws' | 'aws-cn' | 'aws-us-gov' {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  return 'aws'
}

export function isKnownStandard(id: StandardId): boolean {
  return CATALOG.some((entry) => entry.id === id)
}

export function standardsArnFor(id: StandardId, region: string): string {
  const entry = CATALOG.find((e) => e.id === id)
  const partition = partitionOf(region)
  return entry?.legacyRuleset === true
    ? `arn:${partition}:securityhub:::ruleset/${id}`
    : `arn:${partition}:securityhub:${region}::standards/${id}`
}

export function standardsSubscriptionArnFor(
  id: StandardId,
  region: string,
  account: string
): string {
  return `arn:${partitionOf(region)}:securityhub:${region}:${account}:subscription/${id}`
}

/** The catalogue standard with exactly this ARN here, or undefined. */
export function standardIdOfArn(arn: string, region: string): StandardId | undefined {
  return CATALOG.find((entry) => standardsArnFor(entry.id, region) === arn)?.id
}

/** DescribeStandards' view of the catalogue in `region`. */
export function standardsCatalog(region: string): Standard[] {
  return CATALOG.map((entry) => ({
    StandardsArn: standardsArnFor(entry.id, region),
    Name: entry.name,
    Description: entry.description,
    EnabledByDefault: entry.enabledByDefault,
    Provider: 'AWS',
    StandardsManagedBy: { Company: 'AWS', Product: 'Security Hub' }
  }))
}

export interface StandardsState {
  status: StandardsStatus
  reason?: StatusReasonCode
}

/** One standards subscription as the fake keeps it. */
export interface StandardsSubscriptionState {
  id: StandardId
  input: Record<string, string>
  /** The status once settled (READY unless the scenario scripts a failure). */
  settled: StandardsState
  /** While enabling: what is still needed before `settled` shows. */
  pending?: { untilSeconds?: number; pollsLeft?: number }
}

/** A new subscription, PENDING according to `spec` (settles at once when it sets nothing). */
export function startStandard(
  id: StandardId,
  input: Record<string, string>,
  nowSeconds: number,
  spec: StandardsEnableSpec | undefined
): StandardsSubscriptionState {
  const outcome = spec?.outcomes?.find((o) => o.standard === id)
  const settled: StandardsState =
    outcome === undefined ? { status: 'READY' } : { status: outcome.status, reason: outcome.reason }
  const sub: StandardsSubscriptionState = { id, input, settled }
  const polls = spec?.pendingPolls ?? 0
  const seconds = spec?.pendingSeconds ?? 0
  if (polls > 0 || seconds > 0) {
    sub.pending = {}
    if (polls > 0) sub.pending.pollsLeft = polls
    if (seconds > 0) sub.pending.untilSeconds = nowSeconds + seconds
  }
  return sub
}

/** The status now; a pending subscription whose conditions are met settles here. */
export function standardsStatusOf(
  sub: StandardsSubscriptionState,
  nowSeconds: number
): StandardsState {
  if (sub.pending === undefined) return sub.settled
  const timeDone = sub.pending.untilSeconds === undefined || nowSeconds >= sub.pending.untilSeconds
  const pollsDone = (sub.pending.pollsLeft ?? 0) <= 0
  if (timeDone && pollsDone) {
    delete sub.pending
    return sub.settled
  }
  return { status: 'PENDING' }
}

/** A GetEnabledStandards response just listed this subscription. */
export function consumeStandardsPoll(sub: StandardsSubscriptionState): void {
  if (sub.pending?.pollsLeft !== undefined && sub.pending.pollsLeft > 0) sub.pending.pollsLeft -= 1
}
