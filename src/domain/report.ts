/**
 * The compliance report: aggregates only (the CSV carries the findings), so its size does not grow
 * with the number of findings. This is also the schema of report.json (`schemaVersion` 1); a
 * previous report.json is read back for the trend, so fields are only ever added.
 */
export const REPORT_SCHEMA_VERSION = 1

/** ASFF `Severity.Label` values, highest first. */
export const SECURITY_HUB_SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL'
] as const
export type SeverityLabel = (typeof SECURITY_HUB_SEVERITIES)[number]
export type SeverityCounts = Record<SeverityLabel, number>

/**
 * ASFF `Workflow.Status` values, and whether each leaves a finding open (counted in the age of
 * open findings): NEW and NOTIFIED are still to be dealt with, RESOLVED and SUPPRESSED are not.
 */
export const WORKFLOW_STATUSES: Readonly<Record<string, 'open' | 'closed'>> = {
  NEW: 'open',
  NOTIFIED: 'open',
  RESOLVED: 'closed',
  SUPPRESSED: 'closed'
}

/**
 * ASFF `Compliance.Status` values, as a control's status counts them: FAILED fails it, PASSED
 * passes it only if all its findings do, WARNING and NOT_AVAILABLE leave it undecided. Another
 * value is undecided too: a control never passes on a status the report does not know.
 */
export const COMPLIANCE_STATUSES: Readonly<Record<string, 'failed' | 'passed' | 'undecided'>> = {
  FAILED: 'failed',
  PASSED: 'passed',
  WARNING: 'undecided',
  NOT_AVAILABLE: 'undecided'
}

export interface CountRow {
  key: string
  total: number
  bySeverity: SeverityCounts
}

export interface ResourceRow {
  resourceId: string
  resourceType: string
  critical: number
  high: number
  total: number
}

export interface AgeRow {
  severity: SeverityLabel
  /** Open (ACTIVE, not RESOLVED/SUPPRESSED) findings of this severity. */
  open: number
  /** The remediation target for this severity, in days; null when none is set. */
  targetDays: number | null
  /** Open findings older than the target. */
  breaching: number
  oldestDays: number | null
  /** Open findings per age bucket: ≤1, ≤7, ≤30, ≤90, >90 days. */
  buckets: { upTo1: number; upTo7: number; upTo30: number; upTo90: number; over90: number }
}

export interface FailingControl {
  controlId: string
  title: string
  severity: SeverityLabel
  /** Resources failing this control. */
  failedResources: number
}

export interface StandardPosture {
  /**
   * The Region whose subscription and control findings these are: in an aggregation Region,
   * GetFindings returns linked Regions' findings too, and each Region has its own standards.
   * Absent in reports written before it was added (their posture merged every Region).
   */
  region?: string
  standardsArn: string
  name: string
  controlsPassed: number
  controlsFailed: number
  /** Failing controls, highest severity first, then by most failed resources. */
  failingControls: FailingControl[]
}

export interface ComplianceReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  generatedAt: string
  period: { start: string; end: string; days: number }
  /** The filters the findings were read with, as given. */
  filters: {
    products: string[]
    severities: string[]
    accounts: string[]
    resourceTypes: string[]
    workflowStatuses: string[]
    /** `report-regions`; absent in reports written before it was added (they read every Region). */
    regions?: string[]
  }
  totals: {
    findings: number
    bySeverity: SeverityCounts
    /** Created within the period. */
    newInPeriod: number
    /** Created before the period and still updated within it. */
    older: number
  }
  byProduct: CountRow[]
  byResourceType: CountRow[]
  /** Keyed `<account>/<region>`. */
  byAccountRegion: CountRow[]
  /** Keyed by account id (an organization's members, seen from its administrator). */
  byAccount: CountRow[]
  /** Keyed by Region (the linked Regions, seen from an aggregation Region). */
  byRegion: CountRow[]
  /** The resources with the most critical, then high findings (at most 10). */
  topResources: ResourceRow[]
  age: AgeRow[]
  compliance: StandardPosture[]
  /**
   * Each account's posture per standard, from the control findings the account's own Security Hub
   * wrote (in every covered Region): a member's subscriptions cannot be read from its
   * administrator, so a standard counts for an account when the account has control findings of it.
   */
  accountPosture: AccountPosture[]
  /**
   * The accounts with the most open findings past their severity's remediation target, most first
   * (at most 10; empty when no target is set or none is past it).
   */
  accountsPastTarget: AccountBreachRow[]
  /** Present when a previous report was given: the change in every headline number. */
  trend: TrendEntry[] | null
  /**
   * The parts of the report that could not be read (empty when complete). Added after the first
   * reports of schema version 1 were written, so a previous report may lack it.
   */
  gaps: ReportGap[]
  /**
   * The Regions the report covers: `report-regions` when given, else the run's Region and every
   * Region a finding came from.
   */
  regions: string[]
  /**
   * The accounts the report covers: `report-accounts` when given, else the caller's account and
   * every account a finding came from. Absent in reports written before it was added.
   */
  accounts?: string[]
  /**
   * Present when a `report-products` name matched no finding: those names, and the products that
   * had findings under the other filters (`withFindings` absent when they could not be listed;
   * `more` when there are more than were listed). Added after schema version 1's first reports.
   */
  productFilter?: ProductFilterNote
}

export interface AccountPosture {
  accountId: string
  /** `standards/aws-foundational-security-best-practices/v/1.0.0`, as control findings name it. */
  standardsId: string
  name: string
  controlsPassed: number
  controlsFailed: number
}

export interface AccountBreachRow {
  accountId: string
  /** Open findings past their severity's target. */
  breaching: number
  /** Of `breaching`, per severity. */
  bySeverity: SeverityCounts
  /** Open findings of the account (with or without a target). */
  open: number
}

export interface ProductFilterNote {
  unmatched: string[]
  withFindings?: string[]
  more?: boolean
}

/** A posture's key in the trend: one per Region and standard. */
export function postureKey(standard: Pick<StandardPosture, 'region' | 'standardsArn'>): string {
  return standard.region === undefined
    ? standard.standardsArn
    : `${standard.region}|${standard.standardsArn}`
}

/** A posture's name for readers: the standard's, with its Region when it has one. */
export function postureName(standard: Pick<StandardPosture, 'region' | 'name'>): string {
  return standard.region === undefined ? standard.name : `${standard.name} (${standard.region})`
}

/**
 * A part of the report that could not be read: the rest is still written, and the step's result
 * follows `on-error`. `reason` is the one-line error (operation, permission, what to do), `effect`
 * what the report lacks because of it.
 */
export interface ReportGap {
  section: 'findings' | 'posture'
  /** The IAM action of the call that failed, e.g. `securityhub:GetEnabledStandards`. */
  operation: string
  reason: string
  effect: string
}

/** A gap as one line, for logs, the step failure and the summaries. */
export function gapLine(gap: ReportGap): string {
  return `${gap.effect}: ${gap.reason}`
}

/** What the trend reads of a report: the previous one is checked for exactly this (and more). */
export type TrendSource = Pick<ComplianceReport, 'totals' | 'age' | 'compliance'>

export interface TrendEntry {
  /** `totals.findings`, `totals.bySeverity.CRITICAL`, `compliance.<standard>.controlsFailed`, … */
  metric: string
  previous: number
  current: number
  change: number
}

export function emptySeverityCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 }
}
