/**
 * Security Hub CSPM standards and insights (REST-JSON), as @aws-sdk/client-securityhub models them:
 * - DescribeStandards `GET /standards?NextToken&MaxResults&Providers` → `{Standards, NextToken}`
 * - GetEnabledStandards `POST /standards/get` `{StandardsSubscriptionArns?, NextToken?,
 *   MaxResults?, Providers?}` → `{StandardsSubscriptions, NextToken}`
 * - BatchEnableStandards `POST /standards/register` `{StandardsSubscriptionRequests:
 *   [{StandardsArn, StandardsInput?}] (1–25)}` → `{StandardsSubscriptions}`; 1 request/second,
 *   burst 1: faster calls get 429 LimitExceededException (the SDK models no
 *   TooManyRequestsException for Security Hub; LimitExceededException is its throttling error)
 * - CreateInsight `POST /insights` `{Name, Filters, GroupByAttribute}` → `{InsightArn}`
 * - GetInsights `POST /insights/get` `{InsightArns?, NextToken?, MaxResults?}` → `{Insights, NextToken}`
 * - UpdateInsight `PATCH /insights/{InsightArn+}` `{Name?, Filters?, GroupByAttribute?}` → `{}`
 * - DeleteInsight `DELETE /insights/{InsightArn+}` → `{InsightArn}`
 * (GetInsightResults counts findings, so it lives with GetFindings: securityhub-insight-results.ts.)
 * Every operation needs the hub (401 InvalidAccessException otherwise). Insight names are not
 * unique, exactly as in AWS.
 */
import type {
  BatchEnableStandardsResponse,
  CreateInsightResponse,
  DeleteInsightResponse,
  DescribeStandardsResponse,
  GetEnabledStandardsResponse,
  GetInsightsResponse,
  Insight,
  StandardsSubscription
} from '@aws-sdk/client-securityhub'
import { nextInsightArn } from './accounts.js'
import type { StoredInsight } from './accounts.js'
import { paginate } from './paging.js'
import {
  consumeStandardsPoll,
  standardIdOfArn,
  standardsArnFor,
  standardsCatalog,
  standardsStatusOf,
  standardsSubscriptionArnFor,
  startStandard
} from './standards.js'
import type { StandardsState, StandardsSubscriptionState } from './standards.js'
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

type Input = Record<string, unknown>

/** AWS's quota of custom insights per account and Region. */
export const MAX_CUSTOM_INSIGHTS = 100

/** Every Security Hub operation but EnableSecurityHub needs the hub: 401 InvalidAccessException. */
export function requireHub(state: FakeState): void {
  if (!state.securityHub.enabled) {
    throw new FakeAwsError(
      'InvalidAccessException',
      401,
      `Account ${state.catalog.account} is not subscribed to AWS Security Hub`
    )
  }
}

function invalidInput(message: string): FakeAwsError {
  return new FakeAwsError('InvalidInputException', 400, message)
}

function pageOptions(state: FakeState, input: Input, query: unknown) {
  return {
    nextToken: input.NextToken,
    maxResults: input.MaxResults,
    query,
    defaultPageSize: state.scenario.securityHub?.defaultPageSize ?? 100,
    minPageSize: 1,
    maxPageSize: 100,
    errorCode: 'InvalidInputException'
  }
}

function providersOf(input: Input): string[] | undefined {
  return Array.isArray(input.Providers) ? input.Providers.map(String) : undefined
}

export function describeStandards(state: FakeState, input: Input): DescribeStandardsResponse {
  requireHub(state)
  const providers = providersOf(input)
  const standards = standardsCatalog(state.catalog.region).filter(
    (s) => providers === undefined || providers.includes(s.Provider ?? 'AWS')
  )
  const page = paginate(standards, pageOptions(state, input, { providers }))
  const out: DescribeStandardsResponse = { Standards: page.items }
  if (page.nextToken !== undefined) out.NextToken = page.nextToken
  return out
}

function renderSubscription(
  state: FakeState,
  sub: StandardsSubscriptionState,
  current: StandardsState
): StandardsSubscription {
  const out: StandardsSubscription = {
    StandardsSubscriptionArn: standardsSubscriptionArnFor(
      sub.id,
      state.catalog.region,
      state.catalog.account
    ),
    StandardsArn: standardsArnFor(sub.id, state.catalog.region),
    StandardsInput: { ...sub.input },
    StandardsStatus: current.status,
    StandardsControlsUpdatable:
      current.status === 'READY' || current.status === 'INCOMPLETE'
        ? 'READY_FOR_UPDATES'
        : 'NOT_READY_FOR_UPDATES',
    Provider: 'AWS'
  }
  if (current.reason !== undefined) {
    out.StandardsStatusReason = { StatusReasonCode: current.reason }
  }
  return out
}

/** Standards subscriptions as the fake holds them now (reading uses up no polls). */
export function standardsSubscriptionsNow(state: FakeState): StandardsSubscription[] {
  const now = state.clock.scenarioSeconds()
  return state.securityHub.standards.map((sub) =>
    renderSubscription(state, sub, standardsStatusOf(sub, now))
  )
}

/** Each PENDING subscription in the returned page uses up one of its `pendingPolls`. */
export function getEnabledStandards(state: FakeState, input: Input): GetEnabledStandardsResponse {
  requireHub(state)
  const arns = Array.isArray(input.StandardsSubscriptionArns)
    ? input.StandardsSubscriptionArns.map(String)
    : undefined
  if (arns !== undefined && (arns.length < 1 || arns.length > 25)) {
    throw invalidInput('StandardsSubscriptionArns must contain between 1 and 25 items.')
  }
  const providers = providersOf(input)
  const now = state.clock.scenarioSeconds()
  const matching = state.securityHub.standards.filter(
    (sub) =>
      (arns === undefined ||
        arns.includes(
          standardsSubscriptionArnFor(sub.id, state.catalog.region, state.catalog.account)
        )) &&
      (providers === undefined || providers.includes('AWS'))
  )
  const page = paginate(matching, pageOptions(state, input, { arns, providers }))
  const subscriptions = page.items.map((sub) => {
    const current = standardsStatusOf(sub, now)
    const rendered = renderSubscription(state, sub, current)
    if (current.status === 'PENDING') consumeStandardsPoll(sub)
    return rendered
  })
  const out: GetEnabledStandardsResponse = { StandardsSubscriptions: subscriptions }
  if (page.nextToken !== undefined) out.NextToken = page.nextToken
  return out
}

/** 1 request/second, burst 1: a call within the interval of the last accepted one is refused. */
function throttleBatchEnable(state: FakeState): void {
  const spec = state.scenario.securityHub?.batchEnableStandardsThrottle
  if (spec === false) return
  const intervalMs = spec?.intervalMs ?? 1000
  const nowMs = state.clock.elapsedMs()
  const last = state.securityHub.lastBatchEnableMs
  if (last !== undefined && nowMs - last < intervalMs) {
    const waitSeconds = (intervalMs - (nowMs - last)) / 1000
    const headers: Record<string, string> =
      spec?.retryAfterHeader === true ? { 'retry-after': waitSeconds.toFixed(3) } : {}
    throw new FakeAwsError('LimitExceededException', 429, 'Rate exceeded', headers)
  }
  state.securityHub.lastBatchEnableMs = nowMs
}

/**
 * Validates the whole batch before enabling anything. A standard that is already subscribed is
 * answered with its subscription as it stands (idempotent, nothing changes); new ones answer
 * PENDING and then play out as `standardsEnable` says.
 */
export function batchEnableStandards(state: FakeState, input: Input): BatchEnableStandardsResponse {
  throttleBatchEnable(state)
  requireHub(state)
  const requests = Array.isArray(input.StandardsSubscriptionRequests)
    ? (input.StandardsSubscriptionRequests as Input[])
    : []
  if (requests.length < 1 || requests.length > 25) {
    throw invalidInput('StandardsSubscriptionRequests must contain between 1 and 25 items.')
  }
  const region = state.catalog.region
  const wanted: { id: string; input: Record<string, string> }[] = []
  for (const request of requests) {
    const arn = typeof request.StandardsArn === 'string' ? request.StandardsArn : ''
    const id = standardIdOfArn(arn, region)
    if (id === undefined) {
      throw invalidInput(`Invalid StandardsArn: '${arn}' is not a standard available in ${region}.`)
    }
    const standardsInput = request.StandardsInput ?? {}
    if (
      standardsInput === null ||
      typeof standardsInput !== 'object' ||
      Array.isArray(standardsInput) ||
      Object.values(standardsInput).some((v) => typeof v !== 'string')
    ) {
      throw invalidInput('StandardsInput must be a map of strings.')
    }
    if (!wanted.some((w) => w.id === id)) {
      wanted.push({ id, input: { ...(standardsInput as Record<string, string>) } })
    }
  }
  const now = state.clock.scenarioSeconds()
  const spec = state.scenario.securityHub?.standardsEnable
  const subscriptions = wanted.map(({ id, input: standardsInput }) => {
    const existing = state.securityHub.standards.find((sub) => sub.id === id)
    if (existing !== undefined) {
      return renderSubscription(state, existing, standardsStatusOf(existing, now))
    }
    const sub = startStandard(id, standardsInput, now, spec)
    state.securityHub.standards.push(sub)
    // A new subscription always answers PENDING, whatever the scenario's settling rules.
    return renderSubscription(state, sub, { status: 'PENDING' })
  })
  return { StandardsSubscriptions: subscriptions }
}

/** Subscribe the default standards (EnableSecurityHub without `EnableDefaultStandards: false`). */
export function enableDefaultStandards(state: FakeState, ids: readonly string[]): void {
  const now = state.clock.scenarioSeconds()
  for (const id of ids) {
    if (state.securityHub.standards.some((sub) => sub.id === id)) continue
    state.securityHub.standards.push(
      startStandard(id, {}, now, state.scenario.securityHub?.standardsEnable)
    )
  }
}

function renderInsight(insight: StoredInsight): Insight {
  return {
    InsightArn: insight.insightArn,
    Name: insight.name,
    Filters: structuredClone(insight.filters),
    GroupByAttribute: insight.groupByAttribute
  }
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 128) {
    throw invalidInput(
      'Invalid parameter: Name must be a non-empty string of at most 128 characters.'
    )
  }
  return name
}

function checkFilters(filters: unknown): Record<string, unknown> {
  if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) {
    throw invalidInput('Invalid parameter: Filters must be an AwsSecurityFindingFilters object.')
  }
  return structuredClone(filters as Record<string, unknown>)
}

function checkGroupBy(groupBy: unknown): string {
  if (typeof groupBy !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(groupBy)) {
    throw invalidInput(
      `Invalid parameter: GroupByAttribute '${String(groupBy)}' is not a finding attribute.`
    )
  }
  return groupBy
}

export function createInsight(state: FakeState, input: Input): CreateInsightResponse {
  requireHub(state)
  const name = checkName(input.Name)
  const filters = checkFilters(input.Filters)
  const groupByAttribute = checkGroupBy(input.GroupByAttribute)
  if (state.securityHub.insights.length >= MAX_CUSTOM_INSIGHTS) {
    throw new FakeAwsError(
      'LimitExceededException',
      429,
      `You have reached the maximum number of custom insights (${MAX_CUSTOM_INSIGHTS}).`
    )
  }
  const insightArn = nextInsightArn(state.securityHub, state.catalog.region, state.catalog.account)
  state.securityHub.insights.push({ insightArn, name, filters, groupByAttribute })
  return { InsightArn: insightArn }
}

export function findInsight(state: FakeState, arn: unknown): StoredInsight {
  const insight = state.securityHub.insights.find((i) => i.insightArn === arn)
  if (insight === undefined) {
    throw new FakeAwsError(
      'ResourceNotFoundException',
      404,
      `Insight ${String(arn)} not found in account ${state.catalog.account}`
    )
  }
  return insight
}

export function getInsights(state: FakeState, input: Input): GetInsightsResponse {
  requireHub(state)
  const arns = Array.isArray(input.InsightArns) ? input.InsightArns.map(String) : undefined
  const insights =
    arns === undefined ? state.securityHub.insights : arns.map((arn) => findInsight(state, arn))
  const page = paginate(insights, pageOptions(state, input, { arns }))
  const out: GetInsightsResponse = { Insights: page.items.map(renderInsight) }
  if (page.nextToken !== undefined) out.NextToken = page.nextToken
  return out
}

/** Validates every given member before changing any. */
export function updateInsight(state: FakeState, input: Input): Record<string, never> {
  requireHub(state)
  const insight = findInsight(state, input.InsightArn)
  const name = input.Name === undefined ? undefined : checkName(input.Name)
  const filters = input.Filters === undefined ? undefined : checkFilters(input.Filters)
  const groupBy =
    input.GroupByAttribute === undefined ? undefined : checkGroupBy(input.GroupByAttribute)
  if (name !== undefined) insight.name = name
  if (filters !== undefined) insight.filters = filters
  if (groupBy !== undefined) insight.groupByAttribute = groupBy
  return {}
}

export function deleteInsight(state: FakeState, input: Input): DeleteInsightResponse {
  requireHub(state)
  const insight = findInsight(state, input.InsightArn)
  state.securityHub.insights.splice(state.securityHub.insights.indexOf(insight), 1)
  return { InsightArn: insight.insightArn }
}
