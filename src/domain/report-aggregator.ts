import {
  emptySeverityCounts,
  COMPLIANCE_STATUSES,
  postureKey,
  REPORT_SCHEMA_VERSION,
  SECURITY_HUB_SEVERITIES,
  WORKFLOW_STATUSES,
  type AccountBreachRow,
  type AccountPosture,
  type AgeRow,
  type ComplianceReport,
  type CountRow,
  type ReportGap,
  type TrendSource,
  type FailingControl,
  type ResourceRow,
  type SeverityLabel,
  type StandardPosture,
  type TrendEntry
} from './report.js'
import { productKey } from './report-products.js'

/** The few ASFF fields a report needs, already checked (see aws/securityhub-findings.ts). */
export interface ReportFinding {
  id: string
  title: string
  severity: SeverityLabel
  product: string
  accountId: string
  region: string
  resourceType: string
  resourceId: string
  createdAt: Date
  updatedAt: Date
  firstObservedAt: Date | undefined
  recordState: string
  workflowStatus: string
  complianceStatus: string | undefined
  /** `S3.1`: the control a control finding reports on. */
  securityControlId: string | undefined
  /** `standards/aws-foundational-security-best-practices/v/1.0.0`, … */
  standardsIds: string[]
}

export interface EnabledStandard {
  /** The subscription's StandardsArn. */
  arn: string
  name: string
}

export interface AggregationOptions {
  periodStart: Date
  periodEnd: Date
  /** Days per severity within which an open finding should be fixed. */
  remediationTargets: Partial<Record<SeverityLabel, number>>
  filters: ComplianceReport['filters']
}

const DAY_MS = 86_400_000
const TOP_RESOURCES = 10
const TOP_ACCOUNTS_PAST_TARGET = 10

/** What the report covers besides the findings' own accounts and Regions (see `result`). */
export interface ReportCoverage {
  regions?: readonly string[]
  accounts?: readonly string[]
}

interface AccountRegionRow {
  accountId: string
  region: string
  row: CountRow
}

/** A control's results in one account and standard, across the account's Regions. */
interface AccountControlState {
  failed: boolean
  passed: boolean
  undecided: boolean
}

interface ControlState {
  title: string
  severity: SeverityLabel
  failed: boolean
  passed: boolean
  /** A WARNING or NOT_AVAILABLE result: the control is then neither passed nor failed. */
  undecided: boolean
  failedResources: Set<string>
}

/**
 * Builds the report one finding at a time, so 100,000 findings need no more memory than their
 * distinct products, resources and controls. Nothing here reads a clock: `periodEnd` is "now".
 */
export class ReportAggregator {
  private findings = 0
  private readonly bySeverity = emptySeverityCounts()
  private newInPeriod = 0
  private readonly byProduct = new Map<string, CountRow>()
  private readonly byResourceType = new Map<string, CountRow>()
  /**
   * Keyed `<account>/<region>`, each with its parts: the breakdowns by account and by Region, and
   * the accounts and Regions seen, are summed from these few rows when the report is made.
   */
  private readonly byAccountRegion = new Map<string, AccountRegionRow>()
  /** `<account>|<standardsId>` → controlId → state: each account's posture apart. */
  private readonly accountControls = new Map<string, Map<string, AccountControlState>>()
  private readonly accountBreaches = new Map<string, AccountBreachRow>()
  private readonly resources = new Map<string, ResourceRow>()
  private readonly age = new Map<SeverityLabel, AgeRow>()
  /** `<region>|<standardsId>` → controlId → state: each Region's control results apart. */
  private readonly controls = new Map<string, Map<string, ControlState>>()

  constructor(private readonly options: AggregationOptions) {
    for (const severity of SECURITY_HUB_SEVERITIES) {
      this.age.set(severity, {
        severity,
        open: 0,
        targetDays: options.remediationTargets[severity] ?? null,
        breaching: 0,
        oldestDays: null,
        buckets: { upTo1: 0, upTo7: 0, upTo30: 0, upTo90: 0, over90: 0 }
      })
    }
  }

  add(finding: ReportFinding): void {
    this.findings += 1
    this.bySeverity[finding.severity] += 1
    if (finding.createdAt.getTime() >= this.options.periodStart.getTime()) this.newInPeriod += 1
    count(this.byProduct, productKey(finding.product), finding.severity)
    count(this.byResourceType, finding.resourceType, finding.severity)
    this.countAccountRegion(finding)
    this.countResource(finding)
    this.countAge(finding)
    this.countControl(finding)
  }

  private countAccountRegion(finding: ReportFinding): void {
    const key = `${finding.accountId}/${finding.region}`
    let entry = this.byAccountRegion.get(key)
    if (entry === undefined) {
      entry = {
        accountId: finding.accountId,
        region: finding.region,
        row: { key, total: 0, bySeverity: emptySeverityCounts() }
      }
      this.byAccountRegion.set(key, entry)
    }
    entry.row.total += 1
    entry.row.bySeverity[finding.severity] += 1
  }

  private countResource(finding: ReportFinding): void {
    let row = this.resources.get(finding.resourceId)
    if (row === undefined) {
      row = {
        resourceId: finding.resourceId,
        resourceType: finding.resourceType,
        critical: 0,
        high: 0,
        total: 0
      }
      this.resources.set(finding.resourceId, row)
    }
    row.total += 1
    if (finding.severity === 'CRITICAL') row.critical += 1
    if (finding.severity === 'HIGH') row.high += 1
  }

  private countAge(finding: ReportFinding): void {
    if (finding.recordState !== 'ACTIVE' || WORKFLOW_STATUSES[finding.workflowStatus] !== 'open')
      return
    const row = this.age.get(finding.severity) as AgeRow
    const since = finding.firstObservedAt ?? finding.createdAt
    const days = Math.max(0, (this.options.periodEnd.getTime() - since.getTime()) / DAY_MS)
    row.open += 1
    const account = this.accountBreach(finding.accountId)
    account.open += 1
    if (row.targetDays !== null && days > row.targetDays) {
      row.breaching += 1
      account.breaching += 1
      account.bySeverity[finding.severity] += 1
    }
    row.oldestDays = Math.max(row.oldestDays ?? 0, Math.floor(days))
    const b = row.buckets
    if (days <= 1) b.upTo1 += 1
    else if (days <= 7) b.upTo7 += 1
    else if (days <= 30) b.upTo30 += 1
    else if (days <= 90) b.upTo90 += 1
    else b.over90 += 1
  }

  private accountBreach(accountId: string): AccountBreachRow {
    let row = this.accountBreaches.get(accountId)
    if (row === undefined) {
      row = { accountId, breaching: 0, bySeverity: emptySeverityCounts(), open: 0 }
      this.accountBreaches.set(accountId, row)
    }
    return row
  }

  /**
   * As Security Hub decides a control's status: it fails when any of its active findings in the
   * period is FAILED, and passes only when all of them are PASSED; otherwise (a WARNING or
   * NOT_AVAILABLE among them) it is neither.
   */
  private countControl(finding: ReportFinding): void {
    const controlId = finding.securityControlId
    if (controlId === undefined || finding.recordState !== 'ACTIVE') return
    for (const standardsId of finding.standardsIds) {
      const key = `${finding.region}|${standardsId}`
      let controls = this.controls.get(key)
      if (controls === undefined) {
        controls = new Map()
        this.controls.set(key, controls)
      }
      let state = controls.get(controlId)
      if (state === undefined) {
        state = {
          title: finding.title,
          severity: finding.severity,
          failed: false,
          passed: false,
          undecided: false,
          failedResources: new Set()
        }
        controls.set(controlId, state)
      }
      const outcome = complianceOutcome(finding.complianceStatus)
      this.countAccountControl(finding.accountId, standardsId, controlId, outcome)
      if (outcome === 'failed') {
        state.failed = true
        state.failedResources.add(finding.resourceId)
        if (rank(finding.severity) > rank(state.severity)) state.severity = finding.severity
      } else if (outcome === 'passed') {
        state.passed = true
      } else {
        state.undecided = true
      }
    }
  }

  /** The same rule as the Region's posture, for one account and standard across its Regions. */
  private countAccountControl(
    accountId: string,
    standardsId: string,
    controlId: string,
    outcome: 'failed' | 'passed' | 'undecided'
  ): void {
    const key = `${accountId}|${standardsId}`
    let controls = this.accountControls.get(key)
    if (controls === undefined) {
      controls = new Map()
      this.accountControls.set(key, controls)
    }
    let state = controls.get(controlId)
    if (state === undefined) {
      state = { failed: false, passed: false, undecided: false }
      controls.set(controlId, state)
    }
    state[outcome] = true
  }

  /** The Regions the findings so far came from. */
  findingRegions(): string[] {
    return [...new Set([...this.byAccountRegion.values()].map((entry) => entry.region))].sort()
  }

  /**
   * `standards`: each Region's READY standards, as read in that Region; a Region's control findings
   * count only against its own subscriptions (a Region not given has no posture: a gap says why).
   */
  result(
    generatedAt: Date,
    standards: ReadonlyMap<string, readonly EnabledStandard[]>,
    previous?: TrendSource,
    gaps: readonly ReportGap[] = [],
    /**
     * Covered whatever the findings: the run's Region and the caller's account, or the
     * `report-regions` and `report-accounts` filters (the findings then come only from those).
     */
    coverage: ReportCoverage = {}
  ): ComplianceReport {
    const { periodStart, periodEnd } = this.options
    const entries = [...this.byAccountRegion.values()]
    const report: ComplianceReport = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      generatedAt: generatedAt.toISOString(),
      period: {
        start: periodStart.toISOString(),
        end: periodEnd.toISOString(),
        days: Math.round((periodEnd.getTime() - periodStart.getTime()) / DAY_MS)
      },
      filters: this.options.filters,
      totals: {
        findings: this.findings,
        bySeverity: { ...this.bySeverity },
        newInPeriod: this.newInPeriod,
        older: this.findings - this.newInPeriod
      },
      byProduct: sortedRows(this.byProduct.values()),
      byResourceType: sortedRows(this.byResourceType.values()),
      byAccountRegion: sortedRows(entries.map((entry) => entry.row)),
      byAccount: sortedRows(summedBy(entries, (entry) => entry.accountId)),
      byRegion: sortedRows(summedBy(entries, (entry) => entry.region)),
      topResources: [...this.resources.values()]
        .filter((r) => r.critical + r.high > 0)
        .sort(topResourceOrder)
        .slice(0, TOP_RESOURCES),
      age: SECURITY_HUB_SEVERITIES.map((s) => this.age.get(s) as AgeRow),
      compliance: [...standards.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([region, list]) => list.map((standard) => this.posture(region, standard))),
      accountPosture: this.accountPosture(standards),
      accountsPastTarget: [...this.accountBreaches.values()]
        .filter((row) => row.breaching > 0)
        .sort((a, b) => b.breaching - a.breaching || a.accountId.localeCompare(b.accountId))
        .slice(0, TOP_ACCOUNTS_PAST_TARGET),
      trend: null,
      gaps: [...gaps],
      regions: [
        ...new Set([...(coverage.regions ?? []), ...entries.map((entry) => entry.region)])
      ].sort(),
      accounts: [
        ...new Set([...(coverage.accounts ?? []), ...entries.map((entry) => entry.accountId)])
      ].sort()
    }
    if (previous !== undefined) report.trend = trend(previous, report)
    return report
  }

  /**
   * Per account and standard, sorted by account then standard. Named as the caller's own
   * subscriptions name the standard (the same standards ARN in every account), else by its id.
   */
  private accountPosture(
    standards: ReadonlyMap<string, readonly EnabledStandard[]>
  ): AccountPosture[] {
    const names = new Map<string, string>()
    for (const list of standards.values())
      for (const standard of list) names.set(standardsIdOf(standard.arn), standard.name)
    const rows: AccountPosture[] = []
    for (const [key, controls] of this.accountControls) {
      const split = key.indexOf('|')
      const accountId = key.slice(0, split)
      const standardsId = key.slice(split + 1)
      let passed = 0
      let failed = 0
      for (const state of controls.values()) {
        const status = controlStatus(state)
        if (status === 'failed') failed += 1
        else if (status === 'passed') passed += 1
      }
      rows.push({
        accountId,
        standardsId,
        name: names.get(standardsId) ?? standardsId,
        controlsPassed: passed,
        controlsFailed: failed
      })
    }
    return rows.sort(
      (a, b) => a.accountId.localeCompare(b.accountId) || a.standardsId.localeCompare(b.standardsId)
    )
  }

  private posture(region: string, standard: EnabledStandard): StandardPosture {
    const controls =
      this.controls.get(`${region}|${standardsIdOf(standard.arn)}`) ??
      new Map<string, ControlState>()
    const failing: FailingControl[] = []
    let passed = 0
    for (const [controlId, state] of controls) {
      const status = controlStatus(state)
      if (status === 'failed') {
        failing.push({
          controlId,
          title: state.title,
          severity: state.severity,
          failedResources: state.failedResources.size
        })
      } else if (status === 'passed') {
        passed += 1
      }
    }
    failing.sort(
      (a, b) =>
        rank(b.severity) - rank(a.severity) ||
        b.failedResources - a.failedResources ||
        a.controlId.localeCompare(b.controlId)
    )
    return {
      region,
      standardsArn: standard.arn,
      name: standard.name,
      controlsPassed: passed,
      controlsFailed: failing.length,
      failingControls: failing
    }
  }
}

/**
 * A control finding names its standard as `standards/<slug>/v/<version>` (or `ruleset/…` for CIS
 * 1.2.0); the subscription names it by ARN. The ARN's resource part is the same string.
 */
export function standardsIdOf(standardsArn: string): string {
  return standardsArn.split(':').slice(5).join(':')
}

/** The top resources' order: most critical, then high, then findings in all; ties by id. */
export function topResourceOrder(
  a: Pick<ResourceRow, 'resourceId' | 'critical' | 'high' | 'total'>,
  b: Pick<ResourceRow, 'resourceId' | 'critical' | 'high' | 'total'>
): number {
  return (
    b.critical - a.critical ||
    b.high - a.high ||
    b.total - a.total ||
    a.resourceId.localeCompare(b.resourceId)
  )
}

/**
 * A control's status from its findings' results, as Security Hub decides it: failed when any
 * failed, passed only when some passed and none was undecided, otherwise neither.
 */
function controlStatus(state: AccountControlState): 'failed' | 'passed' | 'neither' {
  if (state.failed) return 'failed'
  return state.passed && !state.undecided ? 'passed' : 'neither'
}

/** The account/Region rows summed per account or per Region. */
function summedBy(
  entries: readonly AccountRegionRow[],
  keyOf: (entry: AccountRegionRow) => string
): CountRow[] {
  const rows = new Map<string, CountRow>()
  for (const entry of entries) {
    const key = keyOf(entry)
    let row = rows.get(key)
    if (row === undefined) {
      row = { key, total: 0, bySeverity: emptySeverityCounts() }
      rows.set(key, row)
    }
    row.total += entry.row.total
    for (const severity of SECURITY_HUB_SEVERITIES)
      row.bySeverity[severity] += entry.row.bySeverity[severity]
  }
  return [...rows.values()]
}

/** A finding's Compliance.Status as a control counts it; an unknown value decides nothing. */
function complianceOutcome(status: string | undefined): 'failed' | 'passed' | 'undecided' {
  const value = status ?? ''
  return Object.hasOwn(COMPLIANCE_STATUSES, value)
    ? (COMPLIANCE_STATUSES[value] ?? 'undecided')
    : 'undecided'
}

function rank(severity: SeverityLabel): number {
  return SECURITY_HUB_SEVERITIES.length - SECURITY_HUB_SEVERITIES.indexOf(severity)
}

function count(rows: Map<string, CountRow>, key: string, severity: SeverityLabel): void {
  let row = rows.get(key)
  if (row === undefined) {
    row = { key, total: 0, bySeverity: emptySeverityCounts() }
    rows.set(key, row)
  }
  row.total += 1
  row.bySeverity[severity] += 1
}

function sortedRows(rows: Iterable<CountRow>): CountRow[] {
  return [...rows].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key))
}

/** The change in every headline number, against the previous report (the metrics both have). */
export function trend(previous: TrendSource, current: TrendSource): TrendEntry[] {
  const metrics = (r: TrendSource): Map<string, number> => {
    const m = new Map<string, number>()
    m.set('totals.findings', r.totals.findings)
    m.set('totals.newInPeriod', r.totals.newInPeriod)
    for (const s of SECURITY_HUB_SEVERITIES)
      m.set(`totals.bySeverity.${s}`, r.totals.bySeverity[s] ?? 0)
    for (const a of r.age) m.set(`age.${a.severity}.breaching`, a.breaching)
    for (const c of r.compliance) {
      // Keyed by Region and ARN: a display name can change between reports, these cannot. A report
      // from before Regions were kept merged them, and is not compared.
      m.set(`compliance.${postureKey(c)}.controlsFailed`, c.controlsFailed)
      m.set(`compliance.${postureKey(c)}.controlsPassed`, c.controlsPassed)
    }
    return m
  }
  const before = metrics(previous)
  const entries: TrendEntry[] = []
  for (const [metric, value] of metrics(current)) {
    const old = before.get(metric)
    if (old !== undefined)
      entries.push({ metric, previous: old, current: value, change: value - old })
  }
  return entries
}
