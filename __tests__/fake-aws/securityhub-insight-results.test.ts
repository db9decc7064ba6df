import { describe, expect, it } from '@jest/globals'
import {
  CreateInsightCommand,
  DisableSecurityHubCommand,
  GetFindingsCommand,
  GetInsightResultsCommand,
  InvalidAccessException,
  InvalidInputException,
  ResourceNotFoundException,
  SecurityHubClient,
  UpdateInsightCommand,
  paginateGetFindings
} from '@aws-sdk/client-securityhub'
import type { AwsSecurityFindingFilters, InsightResultValue } from '@aws-sdk/client-securityhub'
import { expectedReport } from './fixtures-asff.js'
import { REPORT_FIXTURES, reportScale } from './scenarios.js'
import type { FakeAws } from './server.js'
import {
  MANAGED_RESOURCES_WITH_MOST_FINDINGS,
  MAX_INSIGHT_RESULTS
} from './securityhub-insight-results.js'
import { fakesClosedAfterEachTest, TEST_CREDENTIALS } from './test-support.js'

const { startAt } = fakesClosedAfterEachTest()

function hub(fake: FakeAws): SecurityHubClient {
  return new SecurityHubClient({
    endpoint: fake.url,
    region: 'us-east-1',
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1
  })
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error
  )
}

const eq = (Value: string) => ({ Value, Comparison: 'EQUALS' as const })

/** The last 7 days' ACTIVE findings, as the report filters them (UpdatedAt in the period). */
const WEEK: AwsSecurityFindingFilters = {
  UpdatedAt: [{ DateRange: { Value: 7, Unit: 'DAYS' } }],
  RecordState: [eq('ACTIVE')]
}

async function results(
  client: SecurityHubClient,
  Filters: AwsSecurityFindingFilters,
  GroupByAttribute: string
): Promise<InsightResultValue[]> {
  const { InsightArn } = await client.send(
    new CreateInsightCommand({ Name: `by ${GroupByAttribute}`, Filters, GroupByAttribute })
  )
  const answer = await client.send(new GetInsightResultsCommand({ InsightArn }))
  expect(answer.InsightResults?.InsightArn).toBe(InsightArn)
  expect(answer.InsightResults?.GroupByAttribute).toBe(GroupByAttribute)
  return answer.InsightResults?.ResultValues ?? []
}

const asRecord = (values: InsightResultValue[]): Record<string, number> =>
  Object.fromEntries(values.map((v) => [v.GroupByAttributeValue ?? '', v.Count ?? 0]))

describe('Security Hub GetInsightResults', () => {
  const scenario = reportScale(REPORT_FIXTURES.mixed.count, {
    seed: REPORT_FIXTURES.mixed.seed,
    throttle: false
  })
  const expected = expectedReport(REPORT_FIXTURES.mixed, { periodDays: 7 })

  it('counts the fixture by the group-by attribute, with the filter engine of GetFindings', async () => {
    const { fake } = await startAt(scenario)
    const client = hub(fake)
    const bySeverity = asRecord(await results(client, WEEK, 'SeverityLabel'))
    expect(bySeverity).toEqual(
      Object.fromEntries(Object.entries(expected.bySeverity).filter(([, n]) => n > 0))
    )
    expect(asRecord(await results(client, WEEK, 'ProductName'))).toEqual(expected.byProduct)
    expect(asRecord(await results(client, WEEK, 'ResourceType'))).toEqual(expected.byResourceType)
    expect(asRecord(await results(client, WEEK, 'AwsAccountId'))).toEqual(expected.byAccount)
    expect(asRecord(await results(client, WEEK, 'Region'))).toEqual(expected.byRegion)
    // FAILED controls of one standard, as a posture would ask: the control ids that failed.
    const fsbp = 'standards/aws-foundational-security-best-practices/v/1.0.0'
    const failed = await results(
      client,
      { ...WEEK, ComplianceStatus: [eq('FAILED')], ComplianceAssociatedStandardsId: [eq(fsbp)] },
      'ComplianceSecurityControlId'
    )
    expect(failed.map((v) => v.GroupByAttributeValue).sort()).toEqual(
      expected.standards[fsbp]?.failed
    )
    // And the same count GetFindings pages through.
    let paged = 0
    for await (const page of paginateGetFindings({ client }, { Filters: WEEK })) {
      paged += page.Findings?.length ?? 0
    }
    expect(Object.values(bySeverity).reduce((a, b) => a + b, 0)).toBe(paged)
  })

  it('answers at most 100 values, largest counts first, and follows UpdateInsight', async () => {
    const { fake } = await startAt(scenario)
    const client = hub(fake)
    const { InsightArn } = await client.send(
      new CreateInsightCommand({
        Name: 'by resource',
        Filters: WEEK,
        GroupByAttribute: 'ResourceId'
      })
    )
    const byResource = await client.send(new GetInsightResultsCommand({ InsightArn }))
    const values = byResource.InsightResults?.ResultValues ?? []
    expect(values).toHaveLength(MAX_INSIGHT_RESULTS)
    const counts = values.map((v) => v.Count ?? 0)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    // The cut is silent: the 100 counts add up to less than the findings.
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThan(expected.total)
    await client.send(new UpdateInsightCommand({ InsightArn, GroupByAttribute: 'SeverityLabel' }))
    const bySeverity = await client.send(new GetInsightResultsCommand({ InsightArn }))
    expect(bySeverity.InsightResults?.GroupByAttribute).toBe('SeverityLabel')
    expect(bySeverity.InsightResults?.ResultValues).toHaveLength(5)
  })

  it('answers the managed insight 1 (resources with the most open findings)', async () => {
    const { fake } = await startAt(scenario)
    const client = hub(fake)
    const answer = await client.send(
      new GetInsightResultsCommand({ InsightArn: MANAGED_RESOURCES_WITH_MOST_FINDINGS })
    )
    expect(answer.InsightResults?.GroupByAttribute).toBe('ResourceId')
    const top = answer.InsightResults?.ResultValues?.[0]
    expect(top?.Count).toBeGreaterThan(0)
    const { Findings = [] } = await client.send(
      new GetFindingsCommand({
        Filters: {
          ResourceId: [eq(top?.GroupByAttributeValue ?? '')],
          RecordState: [eq('ACTIVE')],
          WorkflowStatus: [eq('NEW'), eq('NOTIFIED')]
        }
      })
    )
    expect(Findings).toHaveLength(top?.Count ?? -1)
  })

  it('refuses unknown insights, group-by attributes it cannot count, and a hub that is off', async () => {
    const { fake } = await startAt(scenario)
    const client = hub(fake)
    const unknown = await caught(
      client.send(
        new GetInsightResultsCommand({
          InsightArn:
            'arn:aws:securityhub:us-east-1:123456789012:insight/123456789012/custom/00000000-0000-4000-8000-000000000000'
        })
      )
    )
    expect(unknown).toBeInstanceOf(ResourceNotFoundException)
    const { InsightArn } = await client.send(
      new CreateInsightCommand({ Name: 'by owner', Filters: WEEK, GroupByAttribute: 'NoteText' })
    )
    expect(await caught(client.send(new GetInsightResultsCommand({ InsightArn })))).toBeInstanceOf(
      InvalidInputException
    )
    await client.send(new DisableSecurityHubCommand({}))
    expect(await caught(client.send(new GetInsightResultsCommand({ InsightArn })))).toBeInstanceOf(
      InvalidAccessException
    )
  })
})
