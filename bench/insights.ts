/**
 * `npm run bench:insights [-- sizes…] [--org] [--page]` (issue 18): how far server-side
 * aggregation (CreateInsight + GetInsightResults) takes the report's aggregates below the
 * GetFindings paging floor, against the local endpoint and `reportScale(n)` (default 100,000).
 *
 * - Every aggregate the report computes client-side (src/domain/report-aggregator.ts) that one
 *   insight (Filters + GroupByAttribute → counts per value) can give is asked as one temporary
 *   insight: CreateInsight, GetInsightResults, DeleteInsight, at most 8 in flight (so at most 8 of
 *   the account's 100 custom insights are taken at any time). Date filters are relative
 *   (`DateRange` in days), so the same insights can be kept between runs: then a report is the
 *   GetInsightResults calls alone. The "kept" pass measures that: an untimed first pass creates the
 *   insights (a setup's work), the timed second one only reads them. The insights that depend on
 *   the data (the top-resource candidates, the failing controls) would in practice change from
 *   run to run and cost a CreateInsight or UpdateInsight each.
 * - Sections are asked one after another, so that their calls are counted apart; a product could
 *   overlap them (few depend on each other), so the wall times here are not the least possible.
 * - What insights cannot give (the oldest open finding per severity, the type of a top resource)
 *   is read with GetFindings of one finding each.
 * - Calls are paced as the service documentation's quotas say: GetFindings 3/s burst 6; every
 *   insight operation ("all other operations") 10/s burst 30, paced here as one shared bucket
 *   (the conservative reading; per-operation buckets would be faster).
 * - The answers are checked against the report the product's own ReportAggregator computes from
 *   the same fixture (rendered in-process, as GetFindings would serve it): "exact" per section.
 * - The paging floor is the report's: (pages − 6) ÷ 3 s. `--page` also pages GetFindings for real
 *   against a second endpoint with the quota on (about 5 minutes at 100,000 findings).
 * - `--org`: the organization shape, 12 accounts in 4 Regions instead of 3 in 2.
 * The fake's own cost (it counts the whole fixture for each insight, on this machine's CPU) is in
 * the local wall time; AWS's time per call is not measured by this and is not known.
 */
import {
  CreateInsightCommand,
  DeleteInsightCommand,
  GetFindingsCommand,
  GetInsightResultsCommand,
  SecurityHubClient
} from '@aws-sdk/client-securityhub'
import type { AwsSecurityFindingFilters, InsightResultValue } from '@aws-sdk/client-securityhub'
import { createRateLimiter } from '../src/aws/rate-limiter.js'
import { toReportFinding } from '../src/aws/securityhub-findings.js'
import {
  ReportAggregator,
  standardsIdOf,
  topResourceOrder
} from '../src/domain/report-aggregator.js'
import type { EnabledStandard } from '../src/domain/report-aggregator.js'
import { productKey } from '../src/domain/report-products.js'
import { SECURITY_HUB_SEVERITIES } from '../src/domain/report.js'
import type { ComplianceReport, CountRow, SeverityLabel } from '../src/domain/report.js'
import { systemClock } from '../src/runtime/clock.js'
import { ASFF_DEFAULT_STANDARDS, asffFindings } from '../__tests__/fake-aws/fixtures-asff.js'
import type { AsffFixtureSpec, Scenario } from '../__tests__/fake-aws/scenario.js'
import { reportScale } from '../__tests__/fake-aws/scenarios.js'
import { startFakeAws } from '../__tests__/fake-aws/server.js'
import type { FakeAws } from '../__tests__/fake-aws/server.js'
import { standardsArnFor } from '../__tests__/fake-aws/standards.js'
import { manualNow } from '../__tests__/fake-aws/timeline.js'
import { BENCH_CREDENTIALS, BENCH_REGION } from './lib/in-process.js'
import { markdownTable } from './lib/markdown.js'

const DAY_MS = 86_400_000
const PERIOD_DAYS = 90
/** action.yml's default `remediation-targets`. */
const TARGETS: Partial<Record<SeverityLabel, number>> = {
  CRITICAL: 2,
  HIGH: 14,
  MEDIUM: 30,
  LOW: 90
}
const IN_FLIGHT = 8
const INSIGHT_RATE = 10
const INSIGHT_BURST = 30
const GET_FINDINGS_RATE = 3
const GET_FINDINGS_BURST = 6
const MAX_INSIGHT_RESULTS = 100
/** AWS's hard quota of custom insights per account and Region. */
const MAX_CUSTOM_INSIGHTS = 100
const MAX_FILTER_VALUES = 20
const TOP_RESOURCES = 10

const ORG_ACCOUNTS = Array.from({ length: 12 }, (_, i) => String(111111111111 + i * 7919))
const ORG_REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2']

type Filters = AwsSecurityFindingFilters
const eq = (...values: string[]) =>
  values.map((Value) => ({ Value, Comparison: 'EQUALS' as const }))
const within = (days: number) => [{ DateRange: { Value: days, Unit: 'DAYS' as const } }]
const olderThan = (days: number) => [
  { DateRange: { Value: days, Unit: 'DAYS' as const, Comparison: 'OLDER_THAN' as const } }
]

/** The report's findings: updated in the period, ACTIVE (findingFilters in src/report/run.ts). */
const BASE: Filters = { UpdatedAt: within(PERIOD_DAYS), RecordState: eq('ACTIVE') }
/** Open findings, as the age section counts them. */
const OPEN: Filters = { ...BASE, WorkflowStatus: eq('NEW', 'NOTIFIED') }

interface Counter {
  insights: number
  getFindings: number
  /** A result list that hit the cap of 100: the section cannot be exact. */
  capped: string[]
}

/**
 * The product's token bucket (src/aws/rate-limiter.ts), its callers queued one after another: it is
 * written for one caller at a time, and several waiting at once would all go after the same sleep.
 */
function serialPacer(rate: number, burst: number): () => Promise<void> {
  const limiter = createRateLimiter(systemClock, rate, burst)
  let queue = Promise.resolve()
  return () => {
    queue = queue.then(limiter)
    return queue
  }
}

/** Asks insights and single findings, paced, and counts what it asked. */
class Asker {
  readonly counter: Counter = { insights: 0, getFindings: 0, capped: [] }
  private readonly paceInsight = serialPacer(INSIGHT_RATE, INSIGHT_BURST)
  private readonly paceFindings = serialPacer(GET_FINDINGS_RATE, GET_FINDINGS_BURST)
  private active = 0
  /** Kept insights, created or being created. */
  private keeping = 0
  private readonly waiting: (() => void)[] = []

  /**
   * `kept`: insights kept between runs, by label. A label found there is only read
   * (GetInsightResults); one not found is created and kept (no DeleteInsight), while fewer than
   * 100 − IN_FLIGHT are kept (the quota of 100 custom insights); beyond that it is temporary.
   * Without `kept` every insight is temporary: CreateInsight, GetInsightResults, DeleteInsight.
   */
  constructor(
    private readonly client: SecurityHubClient,
    private readonly kept?: Map<string, string>
  ) {
    this.keeping = kept?.size ?? 0
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    while (this.active >= IN_FLIGHT) await new Promise<void>((r) => this.waiting.push(r))
    this.active += 1
    try {
      return await work()
    } finally {
      this.active -= 1
      this.waiting.shift()?.()
    }
  }

  /**
   * One insight's counts per group value. `capOk`: the caller checks the cut itself (a ranking
   * that only needs the top values); otherwise a list at the cap makes its section inexact.
   */
  async insight(
    label: string,
    Filters: Filters,
    GroupByAttribute: string,
    capOk = false
  ): Promise<Map<string, number>> {
    return this.slot(async () => {
      this.counter.insights += 1
      let InsightArn = this.kept?.get(label)
      // Kept insights leave IN_FLIGHT of the account's 100 free for the temporary ones.
      const temporary =
        this.kept === undefined ||
        (InsightArn === undefined && this.keeping >= MAX_CUSTOM_INSIGHTS - IN_FLIGHT)
      // Counted before the call, so that calls in flight together cannot overshoot.
      if (!temporary && InsightArn === undefined) this.keeping += 1
      if (InsightArn === undefined) {
        await this.paceInsight()
        const created = await this.client.send(
          new CreateInsightCommand({
            Name: `inspector-gate bench: ${label}`,
            Filters,
            GroupByAttribute
          })
        )
        InsightArn = created.InsightArn
        if (InsightArn !== undefined && !temporary) this.kept?.set(label, InsightArn)
      }
      try {
        await this.paceInsight()
        const out = await this.client.send(new GetInsightResultsCommand({ InsightArn }))
        const values: InsightResultValue[] = out.InsightResults?.ResultValues ?? []
        if (values.length >= MAX_INSIGHT_RESULTS && !capOk) this.counter.capped.push(label)
        return new Map(values.map((v) => [v.GroupByAttributeValue ?? '', v.Count ?? 0]))
      } finally {
        if (temporary) {
          await this.paceInsight()
          await this.client.send(new DeleteInsightCommand({ InsightArn }))
        }
      }
    })
  }

  async oneFinding(Filters: Filters, sortField?: string) {
    return this.slot(async () => {
      this.counter.getFindings += 1
      await this.paceFindings()
      const out = await this.client.send(
        new GetFindingsCommand({
          Filters,
          MaxResults: 1,
          ...(sortField !== undefined && { SortCriteria: [{ Field: sortField, SortOrder: 'asc' }] })
        })
      )
      return out.Findings?.[0]
    })
  }
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
const emptySeverities = () =>
  Object.fromEntries(SECURITY_HUB_SEVERITIES.map((s) => [s, 0])) as Record<SeverityLabel, number>

/** Rows `{key, total, bySeverity}` from one insight per severity grouped by `groupBy`. */
async function rowsBySeverity(
  ask: Asker,
  label: string,
  filters: Filters,
  groupBy: string,
  key: (value: string) => string = (v) => v
): Promise<Map<string, CountRow>> {
  const rows = new Map<string, CountRow>()
  await Promise.all(
    SECURITY_HUB_SEVERITIES.map(async (severity) => {
      const counts = await ask.insight(
        `${label} ${severity}`,
        { ...filters, SeverityLabel: eq(severity) },
        groupBy
      )
      for (const [value, count] of counts) {
        const k = key(value)
        const row = rows.get(k) ?? { key: k, total: 0, bySeverity: emptySeverities() }
        row.bySeverity[severity] += count
        row.total += count
        rows.set(k, row)
      }
    })
  )
  return rows
}

const sortRows = (rows: Iterable<CountRow>) =>
  [...rows].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key))

interface Section {
  name: string
  insights: number
  getFindings: number
  exact: boolean
  note: string
}

/** The report's aggregates, server-side; each section checked against `truth`. */
async function serverSide(
  client: SecurityHubClient,
  truth: ComplianceReport,
  standards: readonly string[],
  kept?: Map<string, string>
): Promise<{ sections: Section[]; counter: Counter; wallSeconds: number }> {
  const ask = new Asker(client, kept)
  const sections: Section[] = []
  const started = Date.now()
  const section = async (name: string, note: string, work: () => Promise<boolean>) => {
    const before = { ...ask.counter, capped: ask.counter.capped.length }
    const exact = await work()
    sections.push({
      name,
      insights: ask.counter.insights - before.insights,
      getFindings: ask.counter.getFindings - before.getFindings,
      exact: exact && ask.counter.capped.length === before.capped,
      note
    })
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

  // Sections are asked one after another (so their calls are counted apart); calls within one run
  // together, IN_FLIGHT at most.
  let regions: string[] = []
  await section(
    'Totals by severity, new in period',
    'by SeverityLabel; the same with CreatedAt in the period; by Region (the Regions the sections below ask)',
    async () => {
      const [bySeverity, created, byRegion] = await Promise.all([
        ask.insight('totals', BASE, 'SeverityLabel'),
        ask.insight('new in period', { ...BASE, CreatedAt: within(PERIOD_DAYS) }, 'SeverityLabel'),
        ask.insight('regions', BASE, 'Region')
      ])
      regions = [...byRegion.keys()].sort()
      const totals = { ...emptySeverities(), ...Object.fromEntries(bySeverity) }
      return (
        same(totals, truth.totals.bySeverity) &&
        sum(bySeverity) === truth.totals.findings &&
        sum(created) === truth.totals.newInPeriod
      )
    }
  )
  await section('By product × severity', 'one insight per severity, by ProductName', async () => {
    const rows = await rowsBySeverity(ask, 'product', BASE, 'ProductName', productKey)
    return same(sortRows(rows.values()), truth.byProduct)
  })
  await section(
    'By resource type × severity',
    'one insight per severity, by ResourceType',
    async () => {
      const rows = await rowsBySeverity(ask, 'resource type', BASE, 'ResourceType')
      return same(sortRows(rows.values()), truth.byResourceType)
    }
  )
  await section(
    'By account/Region × severity',
    'one insight per Region × severity, by AwsAccountId (+1 for the Regions, counted above)',
    async () => {
      const all: CountRow[] = []
      await Promise.all(
        regions.map(async (region) => {
          const rows = await rowsBySeverity(
            ask,
            `account ${region}`,
            { ...BASE, Region: eq(region) },
            'AwsAccountId',
            (a) => `${a}/${region}`
          )
          all.push(...rows.values())
        })
      )
      return same(sortRows(all), truth.byAccountRegion)
    }
  )
  await section(
    'Age: open, buckets, breaching, oldest',
    'open + 4 cumulative FirstObservedAt WITHIN 1/7/30/90 days + 1 OLDER_THAN target per severity with a target, by SeverityLabel; oldest: GetFindings of 1 sorted by FirstObservedAt per severity',
    async () => {
      const [open, w1, w7, w30, w90] = await Promise.all([
        ask.insight('open', OPEN, 'SeverityLabel'),
        ...[1, 7, 30, 90].map((d) =>
          ask.insight(`open within ${d}`, { ...OPEN, FirstObservedAt: within(d) }, 'SeverityLabel')
        )
      ])
      const breaching = new Map<SeverityLabel, number>()
      const oldest = new Map<SeverityLabel, number>()
      const now = Date.parse(truth.period.end)
      await Promise.all(
        SECURITY_HUB_SEVERITIES.map(async (s) => {
          const target = TARGETS[s]
          if (target !== undefined) {
            const over = await ask.insight(
              `breaching ${s}`,
              { ...OPEN, SeverityLabel: eq(s), FirstObservedAt: olderThan(target) },
              'SeverityLabel'
            )
            breaching.set(s, sum(over))
          }
          if ((open.get(s) ?? 0) > 0) {
            const first = await ask.oneFinding({ ...OPEN, SeverityLabel: eq(s) }, 'FirstObservedAt')
            const since = Date.parse(first?.FirstObservedAt ?? first?.CreatedAt ?? '')
            oldest.set(s, Math.floor(Math.max(0, (now - since) / DAY_MS)))
          }
        })
      )
      const n = (m: Map<string, number> | undefined, s: string) => m?.get(s) ?? 0
      const rows = SECURITY_HUB_SEVERITIES.map((s) => ({
        severity: s,
        open: n(open, s),
        targetDays: TARGETS[s] ?? null,
        breaching: TARGETS[s] === undefined ? 0 : (breaching.get(s) ?? 0),
        oldestDays: oldest.get(s) ?? null,
        buckets: {
          upTo1: n(w1, s),
          upTo7: n(w7, s) - n(w1, s),
          upTo30: n(w30, s) - n(w7, s),
          upTo90: n(w90, s) - n(w30, s),
          over90: n(open, s) - n(w90, s)
        }
      }))
      return same(rows, truth.age)
    }
  )
  await section(
    'Top 10 resources (CRITICAL, then HIGH, then total)',
    'by ResourceId: CRITICAL; then HIGH and all for the candidates (≤ 20 per ResourceId filter); type: GetFindings of 1 per resource',
    async () => {
      const critical = await ask.insight(
        'top critical',
        { ...BASE, SeverityLabel: eq('CRITICAL') },
        'ResourceId',
        true
      )
      const ranked = [...critical].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      let candidates: string[]
      let exact = true
      if (ranked.length >= TOP_RESOURCES) {
        const threshold = ranked[TOP_RESOURCES - 1]?.[1] ?? 0
        candidates = ranked.filter(([, c]) => c >= threshold).map(([id]) => id)
        // A tie at the 10th count that reaches the 100th value may go on past the cap.
        if (ranked.length >= MAX_INSIGHT_RESULTS && (ranked.at(-1)?.[1] ?? 0) === threshold)
          exact = false
      } else {
        const high = await ask.insight(
          'top high',
          { ...BASE, SeverityLabel: eq('HIGH') },
          'ResourceId',
          true
        )
        const extra = [...high]
          .filter(([id]) => !critical.has(id))
          .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        const need = TOP_RESOURCES - ranked.length
        const threshold = extra[need - 1]?.[1] ?? 0
        candidates = [
          ...critical.keys(),
          ...extra.filter(([, c]) => c >= threshold).map(([id]) => id)
        ]
        if (high.size >= MAX_INSIGHT_RESULTS) exact = false
      }
      const highs = new Map<string, number>()
      const totals = new Map<string, number>()
      const chunks: string[][] = []
      for (let i = 0; i < candidates.length; i += MAX_FILTER_VALUES)
        chunks.push(candidates.slice(i, i + MAX_FILTER_VALUES))
      await Promise.all(
        chunks.flatMap((chunk, i) => [
          ask
            .insight(
              `top high ${i}`,
              { ...BASE, SeverityLabel: eq('HIGH'), ResourceId: eq(...chunk) },
              'ResourceId'
            )
            .then((m) => m.forEach((v, k) => highs.set(k, v))),
          ask
            .insight(`top total ${i}`, { ...BASE, ResourceId: eq(...chunk) }, 'ResourceId')
            .then((m) => m.forEach((v, k) => totals.set(k, v)))
        ])
      )
      const top = candidates
        .map((id) => ({
          resourceId: id,
          critical: critical.get(id) ?? 0,
          high: highs.get(id) ?? 0,
          total: totals.get(id) ?? 0
        }))
        .sort(topResourceOrder)
        .slice(0, TOP_RESOURCES)
      const rows = await Promise.all(
        top.map(async (r) => {
          const one = await ask.oneFinding({ ...BASE, ResourceId: eq(r.resourceId) })
          return {
            resourceId: r.resourceId,
            resourceType: one?.Resources?.[0]?.Type ?? 'Other',
            critical: r.critical,
            high: r.high,
            total: r.total
          }
        })
      )
      return exact && same(rows, truth.topResources)
    }
  )
  const key = (x: { region: string; standardsId: string }) => `${x.region}|${x.standardsId}`
  const want = new Map(
    truth.compliance.map((c) => {
      const k = key({ region: c.region ?? '', standardsId: standardsIdOf(c.standardsArn) })
      return [k, c] as const
    })
  )
  /** Failing controls by `<region>|<standardsId>`, from the posture section. */
  const failing = new Map<string, string[]>()
  await section(
    'Control posture: controls passed and failed per Region × standard',
    '3 insights per Region × standard, by ComplianceSecurityControlId: FAILED, PASSED, WARNING or NOT_AVAILABLE (passed = PASSED and neither of the others)',
    async () => {
      let exact = true
      await Promise.all(
        regions.flatMap((region) =>
          standards.map(async (standardsId) => {
            const scope = {
              ...BASE,
              Region: eq(region),
              ComplianceAssociatedStandardsId: eq(standardsId)
            }
            const control = 'ComplianceSecurityControlId'
            const [failed, passed, undecided] = await Promise.all([
              ask.insight(
                `failed ${region} ${standardsId}`,
                { ...scope, ComplianceStatus: eq('FAILED') },
                control
              ),
              ask.insight(
                `passed ${region} ${standardsId}`,
                { ...scope, ComplianceStatus: eq('PASSED') },
                control
              ),
              ask.insight(
                `undecided ${region} ${standardsId}`,
                { ...scope, ComplianceStatus: eq('WARNING', 'NOT_AVAILABLE') },
                control
              )
            ])
            const passing = [...passed.keys()].filter((c) => !failed.has(c) && !undecided.has(c))
            const k = key({ region, standardsId })
            failing.set(k, [...failed.keys()].sort())
            const truthFor = want.get(k)
            exact &&=
              truthFor !== undefined &&
              truthFor.controlsPassed === passing.length &&
              same(
                truthFor.failingControls.map((f) => f.controlId).sort(),
                [...failed.keys()].sort()
              )
          })
        )
      )
      return exact
    }
  )
  await section(
    'Control posture: failed resources per failing control',
    'one insight per Region × failing control (FAILED, by ResourceId): the number of values; a findings count is not a resource count',
    async () => {
      const resources = new Map<string, number>()
      const asked = new Set<string>()
      for (const [k, controls] of failing) {
        const region = k.split('|')[0] ?? ''
        for (const c of controls) asked.add(`${region}|${c}`)
      }
      await Promise.all(
        [...asked].map(async (rc) => {
          const [region = '', control = ''] = rc.split('|')
          const byResource = await ask.insight(
            `failed resources ${rc}`,
            {
              ...BASE,
              Region: eq(region),
              ComplianceSecurityControlId: eq(control),
              ComplianceStatus: eq('FAILED')
            },
            'ResourceId'
          )
          resources.set(rc, byResource.size)
        })
      )
      return [...failing].every(([k, controls]) => {
        const region = k.split('|')[0] ?? ''
        const truthFor = want.get(k)
        return same(
          controls.map((c) => [c, resources.get(`${region}|${c}`)]),
          (truthFor?.failingControls ?? [])
            .map((f) => [f.controlId, f.failedResources])
            .sort(([a], [b]) => String(a).localeCompare(String(b)))
        )
      })
    }
  )
  return { sections, counter: ask.counter, wallSeconds: (Date.now() - started) / 1000 }
}

/** The report as the product computes it, over the fixture as GetFindings serves it at `nowMs`. */
function clientSide(
  spec: AsffFixtureSpec,
  nowMs: number,
  regions: readonly string[],
  standards: readonly string[]
): ComplianceReport {
  const periodStart = new Date(nowMs - PERIOD_DAYS * DAY_MS)
  const aggregator = new ReportAggregator({
    periodStart,
    periodEnd: new Date(nowMs),
    remediationTargets: TARGETS,
    filters: { products: [], severities: [], accounts: [], resourceTypes: [], workflowStatuses: [] }
  })
  for (const raw of asffFindings(spec, nowMs)) {
    const updated = Date.parse(raw.UpdatedAt ?? '')
    if (raw.RecordState !== 'ACTIVE' || updated < periodStart.getTime() || updated > nowMs) continue
    aggregator.add(toReportFinding(raw))
  }
  const byRegion = new Map<string, EnabledStandard[]>(
    regions.map((region) => [
      region,
      standards.map((id) => ({
        arn: standardsArnFor(id.replace(/^standards\//, ''), region),
        name: id
      }))
    ])
  )
  return aggregator.result(new Date(nowMs), byRegion)
}

function scenarioOf(size: number, org: boolean): { scenario: Scenario; spec: AsffFixtureSpec } {
  const base = reportScale(size)
  const findings = base.securityHub?.findings as AsffFixtureSpec
  const spec: AsffFixtureSpec = org
    ? { ...findings, accounts: ORG_ACCOUNTS, regions: ORG_REGIONS }
    : findings
  return { scenario: { ...base, securityHub: { ...base.securityHub, findings: spec } }, spec }
}

/** GetFindings paged as the report pages it (100 a page, paced 3/s burst 6), against the quota. */
async function pageAll(
  scenario: Scenario
): Promise<{ pages: number; wallSeconds: number; throttled: number }> {
  const fake = await startFakeAws(scenario)
  try {
    const client = hubClient(fake)
    const pace = createRateLimiter(systemClock, GET_FINDINGS_RATE, GET_FINDINGS_BURST)
    const started = Date.now()
    const end = new Date()
    const Filters: Filters = {
      UpdatedAt: [
        {
          Start: new Date(end.getTime() - PERIOD_DAYS * DAY_MS).toISOString(),
          End: end.toISOString()
        }
      ],
      RecordState: eq('ACTIVE')
    }
    let pages = 0
    let token: string | undefined
    do {
      await pace()
      const out = await client.send(
        new GetFindingsCommand({
          Filters,
          MaxResults: 100,
          ...(token !== undefined && { NextToken: token })
        })
      )
      pages += 1
      token = out.NextToken
    } while (token !== undefined)
    return {
      pages,
      wallSeconds: (Date.now() - started) / 1000,
      throttled: fake.throttled('GetFindings')
    }
  } finally {
    await fake.close()
  }
}

function hubClient(fake: FakeAws): SecurityHubClient {
  return new SecurityHubClient({
    endpoint: fake.url,
    region: BENCH_REGION,
    credentials: BENCH_CREDENTIALS,
    maxAttempts: 3
  })
}

const floor = (calls: number, rate: number, burst: number) => Math.max(0, (calls - burst) / rate)

const OPS = ['CreateInsight', 'GetInsightResults', 'DeleteInsight', 'GetFindings'] as const
type Sent = Record<(typeof OPS)[number], number>

interface Pass {
  result: Awaited<ReturnType<typeof serverSide>>
  /** Calls the endpoint received during the pass, by operation. */
  sent: Sent
}

async function measuredPass(
  fake: FakeAws,
  truth: ComplianceReport,
  standards: readonly string[],
  kept?: Map<string, string>
): Promise<Pass> {
  const count = () => Object.fromEntries(OPS.map((op) => [op, fake.callsTo(op).length])) as Sent
  const before = count()
  const result = await serverSide(hubClient(fake), truth, standards, kept)
  const after = count()
  const sent = Object.fromEntries(OPS.map((op) => [op, after[op] - before[op]])) as Sent
  if (sent.GetInsightResults !== result.counter.insights) {
    throw new Error(
      `bench: counted ${result.counter.insights} insights, the endpoint saw ${sent.GetInsightResults}`
    )
  }
  return { result, sent }
}

async function bench(size: number, org: boolean, page: boolean): Promise<void> {
  const { scenario, spec } = scenarioOf(size, org)
  const standards = (spec.standards ?? ASFF_DEFAULT_STANDARDS).map((id) => `standards/${id}`)
  const clock = manualNow(Date.now())
  // The clock stands still (the report's "now" and the truth's are one instant), so the endpoint's
  // GetFindings bucket, which refills on that clock, is off: this bench paces to the quota itself.
  const still: Scenario = {
    ...scenario,
    securityHub: { ...scenario.securityHub, getFindingsThrottle: false }
  }
  const fake = await startFakeAws(still, { now: clock.now })
  let temporary: Pass
  let kept: Pass
  let keptCount: number
  let truth: ComplianceReport
  try {
    const nowMs = clock.now()
    const regions = spec.regions ?? ['us-east-1', 'eu-west-1']
    const builtAt = Date.now()
    truth = clientSide(spec, nowMs, regions, standards)
    console.error(
      `insights: ${size} findings, client-side report computed in ${((Date.now() - builtAt) / 1000).toFixed(1)} s`
    )
    temporary = await measuredPass(fake, truth, standards)
    console.error(
      `insights: temporary insights done in ${temporary.result.wallSeconds.toFixed(1)} s`
    )
    // Kept insights: a first run creates them (a setup's work, not timed), the next only reads.
    const arns = new Map<string, string>()
    await serverSide(hubClient(fake), truth, standards, arns)
    kept = await measuredPass(fake, truth, standards, arns)
    keptCount = arns.size
    console.error(`insights: kept insights done in ${kept.result.wallSeconds.toFixed(1)} s`)
    const client = hubClient(fake)
    for (const InsightArn of arns.values()) {
      await client.send(new DeleteInsightCommand({ InsightArn }))
    }
  } finally {
    await fake.close()
  }
  const shape = org
    ? `${ORG_ACCOUNTS.length} accounts × ${ORG_REGIONS.length} Regions`
    : '3 accounts × 2 Regions'
  const pages = Math.max(1, Math.ceil(truth.totals.findings / 100))
  const paged = page ? await pageAll(scenario) : undefined
  const fmt = (x: number) => x.toFixed(1)
  const findingsFloor = (g: number) => floor(g, GET_FINDINGS_RATE, GET_FINDINGS_BURST)
  const insightCalls = (sent: Sent) =>
    sent.CreateInsight + sent.GetInsightResults + sent.DeleteInsight
  const exact = (p: Pass) => {
    const off = p.result.sections.filter((s) => !s.exact).map((s) => s.name)
    return off.length === 0 ? 'yes' : `all but: ${off.join('; ')}`
  }
  const row = (label: string, p: Pass) => {
    const shared = floor(insightCalls(p.sent), INSIGHT_RATE, INSIGHT_BURST)
    const perOperation = Math.max(
      ...(['CreateInsight', 'GetInsightResults', 'DeleteInsight'] as const).map((op) =>
        floor(p.sent[op], INSIGHT_RATE, INSIGHT_BURST)
      )
    )
    const g = p.sent.GetFindings
    return [
      label,
      `${insightCalls(p.sent) + g} (${p.sent.CreateInsight} / ${p.sent.GetInsightResults} / ${p.sent.DeleteInsight} / ${g})`,
      fmt(p.result.wallSeconds),
      `${fmt(Math.max(shared, findingsFloor(g)))} / ${fmt(Math.max(perOperation, findingsFloor(g)))}`,
      exact(p)
    ]
  }
  console.log(
    `\n### ${size.toLocaleString('en-US')} findings (${truth.totals.findings.toLocaleString('en-US')} in the ${PERIOD_DAYS}-day period), ${shape}\n`
  )
  console.log(
    markdownTable(
      [
        'Way to the aggregates',
        'Calls (Create / GetResults / Delete / GetFindings)',
        'Wall s here (paced)',
        'Quota floor s (one bucket / per operation)',
        'Equal to the report'
      ],
      [
        [
          'GetFindings paging (the report today)',
          `${pages} (0 / 0 / 0 / ${pages})`,
          paged === undefined
            ? '—'
            : `${fmt(paged.wallSeconds)} (${paged.pages} pages, ${paged.throttled} 429s)`,
          fmt(findingsFloor(pages)),
          'it is the report'
        ],
        row('Insights, temporary', temporary),
        row(`Insights, kept between runs (${keptCount} kept)`, kept)
      ],
      [1, 2, 3]
    )
  )
  console.log('')
  console.log(
    markdownTable(
      ['Report section', 'Insights', 'GetFindings', 'Equal to the client-side report', 'How'],
      temporary.result.sections.map((s) => [
        s.name,
        String(s.insights),
        String(s.getFindings),
        s.exact ? 'yes' : 'NO',
        s.note
      ]),
      [1, 2]
    )
  )
  const capped = temporary.result.counter.capped
  if (capped.length > 0) console.log(`\nResult lists at the cap of 100: ${capped.join(', ')}`)
}

const args = process.argv.slice(2)
const sizes = args.map(Number).filter((x) => x > 0)
for (const size of sizes.length > 0 ? sizes : [100_000]) {
  await bench(size, args.includes('--org'), args.includes('--page'))
}
