/**
 * Security Hub CSPM GetInsightResults (classic ASFF), as @aws-sdk/client-securityhub models it:
 * `GET /insights/results/{InsightArn+}` (no body, not paginated) →
 * `{InsightResults: {InsightArn, GroupByAttribute, ResultValues: [{GroupByAttributeValue, Count}]}}`.
 *
 * - Needs the hub: 401 InvalidAccessException otherwise.
 * - The insight: a custom one made by CreateInsight (or the scenario's `securityHub.insights`),
 *   or the managed insight `arn:aws:securityhub:::insight/securityhub/default/1` ("AWS resources
 *   with the most findings": RecordState ACTIVE, WorkflowStatus NEW or NOTIFIED, grouped by
 *   ResourceId, as the Security Hub CSPM user guide lists it). Other ARNs: 404
 *   ResourceNotFoundException (the other managed insights are not modelled here).
 * - Counts: the insight's Filters run through GetFindings' filter engine (asff-filters.ts) over the
 *   same fixture, "now" being the instant of the call; each matching finding counts once for each
 *   value of the group-by attribute it has (multi-valued attributes such as Type count under each
 *   value; a finding without the attribute is not counted). Each fixture finding has one resource,
 *   so grouping by ResourceId counts findings per resource.
 * - At most 100 result values ("Number of insight results: 100 … a hard quota", Security Hub
 *   quotas): the largest counts, ties by value. AWS documents the cap, not the order; the order
 *   here (count descending, then value ascending) is the fake's, and the console's look.
 * - A GroupByAttribute the fake has no values for (one outside asff-filters.ts's string
 *   attributes) is refused with InvalidInputException rather than answered with made-up groups.
 * - Not rate limited here; AWS's quota for it is the "all other operations" one (10 requests/s,
 *   burst 30, in the service documentation).
 * - Cost: the finding cores are generated once per fixture and kept (about 1.6 KB a finding, so
 *   160 MB at 100,000), then each call is one filter pass over them; generating them afresh for
 *   each call (as GetFindings' first page does) would cost ~1.5 s per call at 100,000 findings,
 *   the fake's time and not AWS's.
 */
import type { GetInsightResultsResponse, InsightResultValue } from '@aws-sdk/client-securityhub'
import { compileFindingsQuery, invalidInput, STRING_FIELDS } from './asff-filters.js'
import { asffCoreAt } from './fixtures-asff.js'
import type { AsffCore, AsffFixture } from './fixtures-asff.js'
import { findInsight, requireHub } from './securityhub-baseline-api.js'
import { fixtureOf } from './securityhub-findings-api.js'
import type { FakeState } from './state.js'

type Input = Record<string, unknown>

/** AWS's hard quota of result values per GetInsightResults answer. */
export const MAX_INSIGHT_RESULTS = 100

export const MANAGED_RESOURCES_WITH_MOST_FINDINGS =
  'arn:aws:securityhub:::insight/securityhub/default/1'

interface InsightDefinition {
  insightArn: string
  filters: Record<string, unknown>
  groupByAttribute: string
}

const MANAGED: readonly InsightDefinition[] = [
  {
    insightArn: MANAGED_RESOURCES_WITH_MOST_FINDINGS,
    filters: {
      RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
      WorkflowStatus: [
        { Value: 'NEW', Comparison: 'EQUALS' },
        { Value: 'NOTIFIED', Comparison: 'EQUALS' }
      ]
    },
    groupByAttribute: 'ResourceId'
  }
]

const cores = new WeakMap<AsffFixture, readonly AsffCore[]>()

function coresOf(fixture: AsffFixture): readonly AsffCore[] {
  let all = cores.get(fixture)
  if (all === undefined) {
    all = Array.from({ length: fixture.count }, (_, i) => asffCoreAt(fixture, i))
    cores.set(fixture, all)
  }
  return all
}

function definitionOf(state: FakeState, arn: unknown): InsightDefinition {
  const managed = MANAGED.find((m) => m.insightArn === arn)
  if (managed !== undefined) return managed
  return findInsight(state, arn)
}

export function getInsightResults(state: FakeState, input: Input): GetInsightResultsResponse {
  requireHub(state)
  const insight = definitionOf(state, input.InsightArn)
  const extract = STRING_FIELDS[insight.groupByAttribute]
  if (extract === undefined) {
    throw invalidInput(
      `GroupByAttribute '${insight.groupByAttribute}' is not one fake-aws can group findings by ` +
        `(it groups by: ${Object.keys(STRING_FIELDS).join(', ')}).`
    )
  }
  const query = compileFindingsQuery(insight.filters, undefined, {
    startMs: state.clock.dateAt(0).getTime(),
    nowOffsetMs: state.clock.elapsedMs()
  })
  const counts = new Map<string, number>()
  const fixture = fixtureOf(state)
  for (const core of fixture === undefined ? [] : coresOf(fixture)) {
    if (!query.matches(core)) continue
    for (const value of new Set(extract(core))) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  const values: InsightResultValue[] = [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_INSIGHT_RESULTS)
    .map(([GroupByAttributeValue, Count]) => ({ GroupByAttributeValue, Count }))
  return {
    InsightResults: {
      InsightArn: insight.insightArn,
      GroupByAttribute: insight.groupByAttribute,
      ResultValues: values
    }
  }
}
