import type { RunDeps } from '../aws/run-deps.js'
import type { AwsSecurityFinding, AwsSecurityFindingFilters } from '@aws-sdk/client-securityhub'
import type { AwsClients } from '../aws/clients.js'
import { createRateLimiter } from '../aws/rate-limiter.js'
import { AwsCallError } from '../aws/errors.js'
import { describeHub } from '../aws/securityhub.js'
import { readFindings, toReportFinding } from '../aws/securityhub-findings.js'
import { describeStandards, getEnabledStandards } from '../aws/securityhub-standards.js'
import { getCallerAccount } from '../aws/sts.js'
import {
  ReportAggregator,
  type EnabledStandard,
  type ReportFinding
} from '../domain/report-aggregator.js'
import type {
  ComplianceReport,
  ProductFilterNote,
  ReportGap,
  SeverityLabel
} from '../domain/report.js'
import { scopeDifferences } from '../domain/report-comparable.js'
import { productFilterNames, productFilterSentence, productKey } from '../domain/report-products.js'
import { isRegionName } from '../domain/region.js'
import { productsWithFindings } from './products-with-findings.js'
import type { Logger } from '../runtime/logger.js'

export interface ReportConfig {
  region: string
  periodDays: number
  filters: ComplianceReport['filters']
  remediationTargets: Partial<Record<SeverityLabel, number>>
  previous?: ComplianceReport
}

export class ReportError extends Error {
  override name = 'ReportError'
}

/**
 * GetFindings allows 3 requests a second with a burst of 6, per account and Region, measured where
 * the requests arrive: pacing a little under it keeps network jitter from turning into 429s.
 */
const GET_FINDINGS_RATE = 2.8
const GET_FINDINGS_BURST = 5
const PROGRESS_EVERY_PAGES = 25

/**
 * The compliance report: every ACTIVE finding updated in the period, read at the API's own pace,
 * each handed to `onFinding` (the CSV) and to the aggregator, never all held at once.
 */
export async function runReport(
  config: ReportConfig,
  deps: RunDeps,
  /** Each page as it arrives; awaited, so a slow file write slows the reading instead of buffering. */
  onPage: (page: Array<{ raw: AwsSecurityFinding; finding: ReportFinding }>) => void | Promise<void>
): Promise<ComplianceReport> {
  const { region } = config
  const client = deps.clients.securityHub(region)
  const accountId = await getCallerAccount(deps.clients.sts())
  if (!(await describeHub(client))) {
    throw new ReportError(
      `AWS Security Hub is not enabled in account ${accountId} (${region}), so there are no findings to report; turn it on with mode: setup (or aws securityhub enable-security-hub)`
    )
  }
  // Each section is read on its own: a section that cannot be read becomes a gap, said in every
  // file, and the rest of the report is still written (on-error decides the step).
  const gaps: ReportGap[] = []
  // With `report-regions`, the run's own Region is covered only when listed: its posture would
  // otherwise stand in a report that says it covers other Regions.
  const regionFilter = config.filters.regions ?? []
  const coversHome = regionFilter.length === 0 || regionFilter.includes(region)
  const standards = coversHome
    ? await standardsOrGap(
        () => readyStandards(client, deps.log, accountId, region),
        gaps,
        'no compliance posture (the enabled standards could not be read)'
      )
    : undefined

  const end = new Date(deps.clock.now())
  const start = new Date(end.getTime() - config.periodDays * 86_400_000)
  const aggregator = new ReportAggregator({
    periodStart: start,
    periodEnd: end,
    remediationTargets: config.remediationTargets,
    filters: config.filters
  })

  const pace = createRateLimiter(deps.clock, GET_FINDINGS_RATE, GET_FINDINGS_BURST)
  const began = deps.clock.now()
  let pages = 0
  let findings = 0
  try {
    await readFindings(client, findingFilters(config, start, end), pace, async (page) => {
      pages += 1
      const normalized = page.map((raw) => ({ raw, finding: toReportFinding(raw) }))
      for (const { finding } of normalized) aggregator.add(finding)
      try {
        await onPage(normalized)
      } catch (error) {
        // The CSV could not be written: not a read failure, so no gap; the step fails.
        throw new SinkError(error)
      }
      findings += page.length
      if (pages % PROGRESS_EVERY_PAGES === 0) {
        const seconds = Math.max(1, (deps.clock.now() - began) / 1000)
        // GetFindings returns no total, so an ETA can only be given per page still to come.
        deps.log.info(
          `read ${pages} pages, ${findings} findings in ${Math.round(seconds)} s (${(findings / seconds).toFixed(0)} findings/s; at the API's 3 pages/s each further 1,000 findings take about 3.3 s)`
        )
      }
    })
  } catch (error) {
    if (error instanceof SinkError) throw error.cause
    if (!(error instanceof AwsCallError)) throw error
    gaps.push({
      section: 'findings',
      operation: 'securityhub:GetFindings',
      reason: error.message,
      effect:
        findings === 0
          ? 'no findings (none could be read)'
          : `findings incomplete (only the ${findings.toLocaleString('en-US')} read before the failure are counted, in the CSV, the totals and the control results)`
    })
  }
  deps.log.info(
    `read ${findings} findings updated between ${start.toISOString()} and ${end.toISOString()} in ${pages} page(s)`
  )
  if (findings === 0 && gaps.every((g) => g.section !== 'findings'))
    deps.log.info('no findings in the period: the report says so')
  // In an aggregation (home) Region GetFindings returns the linked Regions' findings too. Each
  // Region's control results count against that Region's own subscriptions, read there.
  const standardsByRegion = new Map<string, EnabledStandard[]>()
  if (standards !== undefined) standardsByRegion.set(region, standards)
  for (const other of aggregator.findingRegions()) {
    if (other === region || !isRegionName(other)) continue
    const theirs = await standardsOrGap(
      () => readyStandards(deps.clients.securityHub(other), deps.log, accountId, other),
      gaps,
      `no compliance posture for ${other} (its enabled standards could not be read there)`
    )
    if (theirs !== undefined) standardsByRegion.set(other, theirs)
  }
  // Totals of part of the period against a whole one: a change would be made up.
  const partial = gaps.some((g) => g.section === 'findings')
  if (partial && config.previous !== undefined) {
    deps.log.warning(
      'previous-report: no trend this time, because not every finding could be read (see the report)'
    )
  }
  const report = aggregator.result(
    new Date(deps.clock.now()),
    standardsByRegion,
    partial ? undefined : comparablePrevious(config, deps.log),
    gaps,
    {
      regions: regionFilter.length > 0 ? regionFilter : [region],
      accounts: config.filters.accounts.length > 0 ? config.filters.accounts : [accountId]
    }
  )
  if (!partial) {
    const filters = findingFilters(config, start, end)
    const note = await productFilterNote(config, report, client, filters, pace, deps.log)
    if (note !== undefined) report.productFilter = note
  }
  return report
}

/**
 * A `report-products` name that matched no finding, said with the products that had findings: a
 * typo or another case ("inspector") would otherwise read as "no findings". A failure to list
 * them costs only that list (the report's numbers are complete), with one warning.
 */
async function productFilterNote(
  config: ReportConfig,
  report: ComplianceReport,
  client: ReturnType<AwsClients['securityHub']>,
  filters: AwsSecurityFindingFilters,
  pace: () => Promise<void>,
  log: Logger
): Promise<ProductFilterNote | undefined> {
  const counted = new Set(report.byProduct.filter((row) => row.total > 0).map((row) => row.key))
  const unmatched = config.filters.products.filter((name) => !counted.has(productKey(name)))
  if (unmatched.length === 0) return undefined
  let note: ProductFilterNote
  try {
    const { products, more } = await productsWithFindings(client, filters, pace)
    note = { unmatched, withFindings: products, ...(more && { more }) }
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error
    log.warning(`report-products: could not list the products that have findings: ${error.message}`)
    note = { unmatched }
  }
  log.warning(productFilterSentence(note))
  return note
}

/**
 * The previous report when its scope is this one's; otherwise no trend, with one warning saying
 * what differs (a "▼ -1,882 since last" that is only a change of filters would read as progress).
 */
function comparablePrevious(config: ReportConfig, log: Logger): ComplianceReport | undefined {
  const previous = config.previous
  if (previous === undefined) return undefined
  const differences = scopeDifferences(previous, {
    period: { days: config.periodDays },
    filters: config.filters
  })
  if (differences.length === 0) return previous
  log.warning(
    `previous-report: no trend this time, because the previous report covers another scope (${differences.join('; ')}); give the previous report of the same period and filters`
  )
  return undefined
}

/** Wraps a failure of the page consumer, so that it is not taken for a failed read. */
class SinkError extends Error {
  constructor(override readonly cause: unknown) {
    super('the report files could not be written')
  }
}

/** A Region's standards, or undefined with a posture gap saying `effect` when they cannot be read. */
async function standardsOrGap(
  read: () => Promise<EnabledStandard[]>,
  gaps: ReportGap[],
  effect: string
): Promise<EnabledStandard[] | undefined> {
  try {
    return await read()
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error
    gaps.push({
      section: 'posture',
      operation: 'securityhub:GetEnabledStandards',
      reason: error.message,
      effect
    })
    return undefined
  }
}

/** The standards whose controls the posture counts: enabled and READY (others are said). */
async function readyStandards(
  client: ReturnType<AwsClients['securityHub']>,
  log: Logger,
  accountId: string,
  region: string
): Promise<EnabledStandard[]> {
  const subscriptions = await getEnabledStandards(client)
  if (subscriptions.length === 0) {
    log.warning(
      `no security standards are enabled in account ${accountId} (${region}); the report has no compliance posture — enable standards with mode: setup`
    )
    return []
  }
  const names = new Map<string, string>()
  try {
    for (const s of await describeStandards(client)) names.set(s.arn, s.name)
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error
    // Only the display names are lost: the posture is counted all the same, standards by ARN.
    log.warning(`the standards are named by ARN in this report: ${error.message}`)
  }
  for (const s of subscriptions.filter((s) => s.status !== 'READY')) {
    log.warning(
      `the standard ${names.get(s.standardsArn) ?? s.standardsArn} is ${s.status}; its controls are not counted`
    )
  }
  return subscriptions
    .filter((s) => s.status === 'READY')
    .map((s) => ({ arn: s.standardsArn, name: names.get(s.standardsArn) ?? s.standardsArn }))
}

export function findingFilters(
  config: ReportConfig,
  start: Date,
  end: Date
): AwsSecurityFindingFilters {
  const equalsAny = (values: string[]) =>
    values.map((Value) => ({ Value, Comparison: 'EQUALS' as const }))
  const { filters } = config
  return {
    UpdatedAt: [{ Start: start.toISOString(), End: end.toISOString() }],
    RecordState: equalsAny(['ACTIVE']),
    ...(filters.products.length > 0 && {
      ProductName: equalsAny(productFilterNames(filters.products))
    }),
    ...(filters.severities.length > 0 && { SeverityLabel: equalsAny(filters.severities) }),
    ...(filters.accounts.length > 0 && { AwsAccountId: equalsAny(filters.accounts) }),
    ...(filters.regions !== undefined &&
      filters.regions.length > 0 && { Region: equalsAny(filters.regions) }),
    ...(filters.resourceTypes.length > 0 && { ResourceType: equalsAny(filters.resourceTypes) }),
    ...(filters.workflowStatuses.length > 0 && {
      WorkflowStatus: equalsAny(filters.workflowStatuses)
    })
  }
}
