import { describe, expect, it } from '@jest/globals'
import {
  AccessDeniedException,
  GetConfigurationCommand,
  Inspector2Client,
  UpdateConfigurationCommand,
  ValidationException
} from '@aws-sdk/client-inspector2'
import type { UpdateConfigurationCommandInput } from '@aws-sdk/client-inspector2'
import {
  BatchEnableStandardsCommand,
  CreateInsightCommand,
  DeleteInsightCommand,
  DescribeStandardsCommand,
  DisableSecurityHubCommand,
  EnableSecurityHubCommand,
  GetEnabledStandardsCommand,
  GetInsightsCommand,
  InvalidAccessException,
  InvalidInputException,
  LimitExceededException,
  ResourceNotFoundException,
  SecurityHubClient,
  UpdateInsightCommand,
  paginateDescribeStandards,
  paginateGetEnabledStandards,
  paginateGetInsights
} from '@aws-sdk/client-securityhub'
import type {
  CreateInsightCommandInput,
  Insight,
  Standard,
  StandardsSubscription
} from '@aws-sdk/client-securityhub'
import type { Scenario } from './scenario.js'
import { SETUP_INSIGHTS, STALE_CRITICAL_INSIGHT, scenarios } from './scenarios.js'
import type { FakeAws } from './server.js'
import { STANDARD_IDS } from './standards.js'
import { fakesClosedAfterEachTest, TEST_CREDENTIALS } from './test-support.js'

const credentials = TEST_CREDENTIALS
const { start, startAt } = fakesClosedAfterEachTest()

function clients(fake: FakeAws, maxAttempts = 1, region = 'us-east-1') {
  const config = { endpoint: fake.url, region, credentials, maxAttempts }
  return { securityHub: new SecurityHubClient(config), inspector: new Inspector2Client(config) }
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error
  )
}

const FSBP =
  'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0'
const CIS_120 = 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0'
const CIS_500 = 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/5.0.0'
const PCI_401 = 'arn:aws:securityhub:us-east-1::standards/pci-dss/v/4.0.1'
const subscriptionArn = (id: string) =>
  `arn:aws:securityhub:us-east-1:123456789012:subscription/${id}`
const INSIGHT_ARN =
  /^arn:aws:securityhub:us-east-1:123456789012:insight\/123456789012\/custom\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A hub that is on, with no standards or insights, standards PENDING for 2 polls. */
const hubOn: Scenario = {
  ...scenarios.baselineFresh,
  name: 'hubOn',
  securityHub: { enabled: true, standardsEnable: { pendingPolls: 2 } }
}

async function statusesOf(client: SecurityHubClient): Promise<Record<string, string>> {
  const out = await client.send(new GetEnabledStandardsCommand({}))
  return Object.fromEntries(
    (out.StandardsSubscriptions ?? []).map((s) => [s.StandardsArn ?? '', s.StandardsStatus ?? ''])
  )
}

describe('Security Hub DescribeStandards', () => {
  it('offers the catalogue with the real ARN forms, names and managers', async () => {
    const { fake } = await startAt(hubOn)
    const { securityHub } = clients(fake)
    const { Standards = [], NextToken } = await securityHub.send(new DescribeStandardsCommand({}))
    expect(NextToken).toBeUndefined()
    const byArn = new Map(Standards.map((s) => [s.StandardsArn, s]))
    expect(byArn.get(FSBP)).toEqual({
      StandardsArn: FSBP,
      Name: 'AWS Foundational Security Best Practices v1.0.0',
      Description: expect.stringContaining('AWS Foundational Security Best Practices standard'),
      EnabledByDefault: true,
      Provider: 'AWS',
      StandardsManagedBy: { Company: 'AWS', Product: 'Security Hub' }
    })
    expect(byArn.get(CIS_120)).toMatchObject({
      Name: 'CIS AWS Foundations Benchmark v1.2.0',
      EnabledByDefault: true
    })
    expect(byArn.get(CIS_500)).toMatchObject({
      Name: 'CIS AWS Foundations Benchmark v5.0.0',
      EnabledByDefault: false
    })
    expect(Standards.map((s) => s.StandardsArn?.replace(/^.*::/, ''))).toEqual([
      'standards/aws-foundational-security-best-practices/v/1.0.0',
      'ruleset/cis-aws-foundations-benchmark/v/1.2.0',
      'standards/cis-aws-foundations-benchmark/v/1.4.0',
      'standards/pci-dss/v/3.2.1',
      'standards/nist-800-53/v/5.0.0',
      'standards/cis-aws-foundations-benchmark/v/3.0.0',
      'standards/aws-resource-tagging-standard/v/1.0.0',
      'standards/nist-800-171/v/2.0.0',
      'standards/pci-dss/v/4.0.1',
      'standards/cis-aws-foundations-benchmark/v/5.0.0'
    ])
    expect(byArn.get(PCI_401)?.Name).toBe('PCI DSS v4.0.1')
    expect(Standards.find((s) => s.StandardsArn?.endsWith('nist-800-53/v/5.0.0'))?.Name).toBe(
      'NIST Special Publication 800-53 Revision 5'
    )
    expect(
      Standards.find((s) => s.StandardsArn?.endsWith('aws-resource-tagging-standard/v/1.0.0'))?.Name
    ).toBe('AWS Resource Tagging Standard v1.0.0')
  })

  it('pages with MaxResults/NextToken query parameters and filters by Providers', async () => {
    const { fake } = await startAt({
      ...hubOn,
      securityHub: { enabled: true, defaultPageSize: 3 }
    })
    const { securityHub } = clients(fake)
    const first = await securityHub.send(new DescribeStandardsCommand({}))
    expect(first.Standards).toHaveLength(3)
    expect(first.NextToken).toBeDefined()
    const all: Standard[] = []
    for await (const page of paginateDescribeStandards({ client: securityHub, pageSize: 4 }, {})) {
      all.push(...(page.Standards ?? []))
    }
    expect(all).toHaveLength(10)
    expect(fake.callsTo('DescribeStandards').at(-1)?.input).toMatchObject({ MaxResults: 4 })
    const azure = await securityHub.send(new DescribeStandardsCommand({ Providers: ['Azure'] }))
    expect(azure.Standards).toEqual([])
    const aws = await securityHub.send(new DescribeStandardsCommand({ Providers: ['AWS'] }))
    expect(aws.Standards).toHaveLength(3)
  })

  it('uses the scenario region and partition in the ARNs', async () => {
    const { fake } = await startAt({ ...hubOn, region: 'us-gov-west-1' })
    const { securityHub } = clients(fake, 1, 'us-gov-west-1')
    const { Standards = [] } = await securityHub.send(new DescribeStandardsCommand({}))
    expect(Standards.map((s) => s.StandardsArn)).toEqual(
      expect.arrayContaining([
        'arn:aws-us-gov:securityhub:us-gov-west-1::standards/aws-foundational-security-best-practices/v/1.0.0',
        'arn:aws-us-gov:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0'
      ])
    )
  })

  it('needs the hub: InvalidAccessException for every standards and insights call', async () => {
    const { fake } = await startAt(scenarios.baselineFresh)
    const { securityHub } = clients(fake)
    const calls: Promise<unknown>[] = [
      securityHub.send(new DescribeStandardsCommand({})),
      securityHub.send(new GetEnabledStandardsCommand({})),
      securityHub.send(
        new BatchEnableStandardsCommand({ StandardsSubscriptionRequests: [{ StandardsArn: FSBP }] })
      ),
      securityHub.send(new GetInsightsCommand({})),
      securityHub.send(
        new CreateInsightCommand({
          Name: 'x',
          Filters: {},
          GroupByAttribute: 'ResourceId'
        })
      )
    ]
    for (const call of calls) {
      const error = await caught(call)
      expect(error).toBeInstanceOf(InvalidAccessException)
      expect((error as InvalidAccessException).$metadata.httpStatusCode).toBe(401)
    }
  })
})

describe('Security Hub BatchEnableStandards and GetEnabledStandards', () => {
  it('answers PENDING, then READY after the scenario’s GetEnabledStandards polls', async () => {
    const { fake, clock } = await startAt(hubOn)
    const { securityHub } = clients(fake)
    const enabled = await securityHub.send(
      new BatchEnableStandardsCommand({
        StandardsSubscriptionRequests: [{ StandardsArn: FSBP }, { StandardsArn: CIS_500 }]
      })
    )
    expect(enabled.StandardsSubscriptions).toEqual([
      {
        StandardsSubscriptionArn: subscriptionArn(STANDARD_IDS.fsbp),
        StandardsArn: FSBP,
        StandardsInput: {},
        StandardsStatus: 'PENDING',
        StandardsControlsUpdatable: 'NOT_READY_FOR_UPDATES',
        Provider: 'AWS'
      },
      expect.objectContaining({
        StandardsSubscriptionArn: subscriptionArn(STANDARD_IDS.cis500),
        StandardsArn: CIS_500,
        StandardsStatus: 'PENDING'
      })
    ])
    // Snapshots do not use up polls.
    expect(fake.standards().map((s) => s.status)).toEqual(['PENDING', 'PENDING'])
    clock.advanceMs(1000)
    expect(await statusesOf(securityHub)).toEqual({ [FSBP]: 'PENDING', [CIS_500]: 'PENDING' })
    expect(await statusesOf(securityHub)).toEqual({ [FSBP]: 'PENDING', [CIS_500]: 'PENDING' })
    const ready = await securityHub.send(new GetEnabledStandardsCommand({}))
    expect(ready.StandardsSubscriptions?.[0]).toEqual({
      StandardsSubscriptionArn: subscriptionArn(STANDARD_IDS.fsbp),
      StandardsArn: FSBP,
      StandardsInput: {},
      StandardsStatus: 'READY',
      StandardsControlsUpdatable: 'READY_FOR_UPDATES',
      Provider: 'AWS'
    })
    expect(fake.standards()).toEqual([
      {
        standard: STANDARD_IDS.fsbp,
        standardsArn: FSBP,
        standardsSubscriptionArn: subscriptionArn(STANDARD_IDS.fsbp),
        status: 'READY',
        input: {}
      },
      expect.objectContaining({ standard: STANDARD_IDS.cis500, status: 'READY' })
    ])
  })

  it('can take scenario seconds instead of polls', async () => {
    const { fake, clock } = await startAt({
      ...hubOn,
      securityHub: { enabled: true, standardsEnable: { pendingSeconds: 5 } }
    })
    const { securityHub } = clients(fake)
    await securityHub.send(
      new BatchEnableStandardsCommand({
        StandardsSubscriptionRequests: [{ StandardsArn: CIS_120 }]
      })
    )
    for (let i = 0; i < 3; i += 1) {
      expect(await statusesOf(securityHub)).toEqual({ [CIS_120]: 'PENDING' })
    }
    clock.advanceMs(5000)
    expect(await statusesOf(securityHub)).toEqual({ [CIS_120]: 'READY' })
    expect(fake.standards()[0]?.standardsSubscriptionArn).toBe(
      subscriptionArn('cis-aws-foundations-benchmark/v/1.2.0')
    )
  })

  it('baselineStandardFails: CIS ends INCOMPLETE with NO_AVAILABLE_CONFIGURATION_RECORDER', async () => {
    const { fake, clock } = await startAt(scenarios.baselineStandardFails)
    const { securityHub } = clients(fake)
    await securityHub.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }))
    await securityHub.send(
      new BatchEnableStandardsCommand({
        StandardsSubscriptionRequests: [{ StandardsArn: FSBP }, { StandardsArn: CIS_500 }]
      })
    )
    clock.advanceMs(1000)
    await statusesOf(securityHub)
    await statusesOf(securityHub)
    const { StandardsSubscriptions = [] } = await securityHub.send(
      new GetEnabledStandardsCommand({})
    )
    expect(StandardsSubscriptions.map((s) => [s.StandardsStatus, s.StandardsStatusReason])).toEqual(
      [
        ['READY', undefined],
        ['INCOMPLETE', { StatusReasonCode: 'NO_AVAILABLE_CONFIGURATION_RECORDER' }]
      ]
    )
    expect(fake.standards()[1]).toMatchObject({
      status: 'INCOMPLETE',
      reason: 'NO_AVAILABLE_CONFIGURATION_RECORDER'
    })
  })

  it('answers an already-enabled standard with its subscription and changes nothing', async () => {
    const { fake } = await startAt(scenarios.baselineDone)
    const { securityHub } = clients(fake)
    const before = fake.snapshot()
    const again = await securityHub.send(
      new BatchEnableStandardsCommand({
        StandardsSubscriptionRequests: [{ StandardsArn: CIS_500 }, { StandardsArn: CIS_500 }]
      })
    )
    expect(again.StandardsSubscriptions).toEqual([
      expect.objectContaining({
        StandardsSubscriptionArn: subscriptionArn(STANDARD_IDS.cis500),
        StandardsStatus: 'READY'
      })
    ])
    expect(fake.snapshot()).toEqual(before)
    expect(fake.writes).toEqual([
      expect.objectContaining({ operation: 'BatchEnableStandards', outcome: 'unchanged' })
    ])
  })

  it('rejects unknown ARNs and bad batch sizes with InvalidInputException, enabling nothing', async () => {
    const { fake, clock } = await startAt(hubOn)
    const { securityHub } = clients(fake)
    const attempts = [
      [{ StandardsArn: FSBP }, { StandardsArn: 'arn:aws:securityhub:::ruleset/made-up/v/1.0.0' }],
      [{ StandardsArn: FSBP.replace('us-east-1', 'eu-west-1') }],
      [
        {
          StandardsArn:
            'arn:aws:securityhub:us-east-1::ruleset/cis-aws-foundations-benchmark/v/1.2.0'
        }
      ],
      [],
      Array.from({ length: 26 }, () => ({ StandardsArn: FSBP }))
    ]
    for (const requests of attempts) {
      clock.advanceMs(1000)
      const error = await caught(
        securityHub.send(
          new BatchEnableStandardsCommand({ StandardsSubscriptionRequests: requests })
        )
      )
      expect(error).toBeInstanceOf(InvalidInputException)
      expect((error as InvalidInputException).$metadata.httpStatusCode).toBe(400)
    }
    expect(fake.standards()).toEqual([])
    expect(fake.writes.map((w) => [w.outcome, w.errorCode])).toEqual(
      attempts.map(() => ['rejected', 'InvalidInputException'])
    )
  })

  it('keeps StandardsInput and filters GetEnabledStandards by subscription ARN, page by page', async () => {
    const { fake } = await startAt({
      ...scenarios.baselineDone,
      securityHub: {
        ...scenarios.baselineDone.securityHub,
        standards: [
          { standard: STANDARD_IDS.fsbp },
          { standard: STANDARD_IDS.cis500 },
          { standard: STANDARD_IDS.tagging, input: { requiredTagKeys: 'team' } }
        ]
      }
    })
    const { securityHub } = clients(fake)
    const all: StandardsSubscription[] = []
    for await (const page of paginateGetEnabledStandards(
      { client: securityHub, pageSize: 1 },
      {}
    )) {
      all.push(...(page.StandardsSubscriptions ?? []))
    }
    expect(all.map((s) => s.StandardsInput)).toEqual([{}, {}, { requiredTagKeys: 'team' }])
    const one = await securityHub.send(
      new GetEnabledStandardsCommand({
        StandardsSubscriptionArns: [subscriptionArn(STANDARD_IDS.cis500)]
      })
    )
    expect(one.StandardsSubscriptions?.map((s) => s.StandardsArn)).toEqual([CIS_500])
  })

  it('EnableSecurityHub subscribes FSBP and CIS v1.2.0 unless EnableDefaultStandards is false', async () => {
    const { fake } = await startAt(scenarios.baselineFresh)
    const { securityHub } = clients(fake)
    await securityHub.send(new EnableSecurityHubCommand({}))
    expect(fake.standards().map((s) => [s.standardsArn, s.status])).toEqual([
      [FSBP, 'PENDING'],
      [CIS_120, 'PENDING']
    ])
    await securityHub.send(new DisableSecurityHubCommand({}))
    expect(fake.standards()).toEqual([])
    await securityHub.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }))
    expect(fake.standards()).toEqual([])
    expect(fake.writes.map((w) => [w.operation, w.outcome])).toEqual([
      ['EnableSecurityHub', 'changed'],
      ['DisableSecurityHub', 'changed'],
      ['EnableSecurityHub', 'changed']
    ])
  })
})

describe('BatchEnableStandards rate limit (1 request/second, burst 1)', () => {
  const enable = (client: SecurityHubClient, arn: string) =>
    client.send(
      new BatchEnableStandardsCommand({ StandardsSubscriptionRequests: [{ StandardsArn: arn }] })
    )

  it('answers 429 LimitExceededException within a second of the last accepted call', async () => {
    const { fake, clock } = await startAt(hubOn)
    const { securityHub } = clients(fake)
    await enable(securityHub, FSBP)
    clock.advanceMs(999)
    const error = await caught(enable(securityHub, CIS_500))
    expect(error).toBeInstanceOf(LimitExceededException)
    expect((error as LimitExceededException).$metadata.httpStatusCode).toBe(429)
    // A refused call does not restart the window.
    clock.advanceMs(1)
    await enable(securityHub, CIS_500)
    expect(fake.standards().map((s) => s.standard)).toEqual([
      STANDARD_IDS.fsbp,
      STANDARD_IDS.cis500
    ])
    expect(fake.writesTo('BatchEnableStandards').map((w) => w.outcome)).toEqual([
      'changed',
      'throttled',
      'changed'
    ])
    expect(fake.callsTo('BatchEnableStandards').map((c) => c.errorCode)).toEqual([
      undefined,
      'LimitExceededException',
      undefined
    ])
  })

  it('is recovered from by the SDK’s standard retry (throttling backoff)', async () => {
    const fake = await start(hubOn)
    const { securityHub } = clients(fake, 10)
    await enable(securityHub, FSBP)
    await enable(securityHub, CIS_500)
    const outcomes = fake.callsTo('BatchEnableStandards').map((c) => c.status)
    expect(outcomes[0]).toBe(200)
    expect(outcomes.at(-1)).toBe(200)
    expect(outcomes.slice(1, -1).every((status) => status === 429)).toBe(true)
    expect(outcomes.length).toBeGreaterThan(2)
    const accepted = fake.callsTo('BatchEnableStandards').filter((c) => c.status === 200)
    expect((accepted[1]?.atMs ?? 0) - (accepted[0]?.atMs ?? 0)).toBeGreaterThanOrEqual(1000)
  }, 30_000)

  it('can send Retry-After, which the default 3 attempts then always survive', async () => {
    const fake = await start({
      ...hubOn,
      securityHub: { enabled: true, batchEnableStandardsThrottle: { retryAfterHeader: true } }
    })
    const { securityHub } = clients(fake, 3)
    await enable(securityHub, FSBP)
    await enable(securityHub, CIS_500)
    expect(fake.callsTo('BatchEnableStandards').map((c) => c.status)).toEqual([200, 429, 200])
  }, 15_000)

  it('can be switched off', async () => {
    const { fake } = await startAt({
      ...hubOn,
      securityHub: { enabled: true, batchEnableStandardsThrottle: false }
    })
    const { securityHub } = clients(fake)
    await enable(securityHub, FSBP)
    await enable(securityHub, CIS_500)
    expect(fake.standards()).toHaveLength(2)
  })
})

describe('Security Hub insights', () => {
  const critical = SETUP_INSIGHTS.criticalByResource

  it('creates insights with custom ARNs, allows duplicate names, and returns Filters as given', async () => {
    const { fake } = await startAt(hubOn)
    const { securityHub } = clients(fake)
    const input = {
      Name: critical.name,
      Filters: critical.filters,
      GroupByAttribute: critical.groupByAttribute
    } as CreateInsightCommandInput
    const first = await securityHub.send(new CreateInsightCommand(input))
    const second = await securityHub.send(new CreateInsightCommand(input))
    expect(first.InsightArn).toMatch(INSIGHT_ARN)
    expect(second.InsightArn).toMatch(INSIGHT_ARN)
    expect(second.InsightArn).not.toBe(first.InsightArn)
    const { Insights = [] } = await securityHub.send(new GetInsightsCommand({}))
    expect(Insights).toEqual([
      {
        InsightArn: first.InsightArn,
        Name: critical.name,
        Filters: critical.filters,
        GroupByAttribute: 'ResourceId'
      },
      expect.objectContaining({ InsightArn: second.InsightArn, Name: critical.name })
    ])
    expect(fake.insights().map((i) => i.name)).toEqual([critical.name, critical.name])
    expect(fake.writesTo('CreateInsight').map((w) => w.outcome)).toEqual(['changed', 'changed'])
  })

  it('gets insights by ARN (ResourceNotFoundException for unknown ones) and page by page', async () => {
    const { fake } = await startAt(scenarios.baselineDuplicateInsights)
    const { securityHub } = clients(fake)
    const all: Insight[] = []
    for await (const page of paginateGetInsights({ client: securityHub, pageSize: 3 }, {})) {
      all.push(...(page.Insights ?? []))
    }
    expect(all.map((i) => i.Name)).toEqual([
      critical.name,
      critical.name,
      SETUP_INSIGHTS.unpatchedEc2.name,
      SETUP_INSIGHTS.exploitableByImage.name
    ])
    expect(all[0]?.Filters).toEqual(STALE_CRITICAL_INSIGHT.filters)
    expect(all[1]?.Filters).toEqual(critical.filters)
    const arn = all[2]?.InsightArn ?? ''
    const one = await securityHub.send(new GetInsightsCommand({ InsightArns: [arn] }))
    expect(one.Insights?.map((i) => i.Name)).toEqual([SETUP_INSIGHTS.unpatchedEc2.name])
    const error = await caught(
      securityHub.send(new GetInsightsCommand({ InsightArns: [arn.replace(/.{4}$/, 'ffff')] }))
    )
    expect(error).toBeInstanceOf(ResourceNotFoundException)
  })

  it('updates only the members given, and 404s unknown insight ARNs', async () => {
    const { fake } = await startAt(scenarios.baselineDuplicateInsights)
    const { securityHub } = clients(fake)
    const stale = fake.insights()[0]
    expect(stale?.insightArn).toMatch(INSIGHT_ARN)
    await securityHub.send(
      new UpdateInsightCommand({
        InsightArn: stale?.insightArn,
        Filters: critical.filters as NonNullable<Insight['Filters']>
      })
    )
    expect(fake.insights()[0]).toEqual({
      insightArn: stale?.insightArn,
      name: critical.name,
      filters: critical.filters,
      groupByAttribute: 'ResourceId'
    })
    await securityHub.send(
      new UpdateInsightCommand({ InsightArn: stale?.insightArn, Name: 'renamed' })
    )
    expect(fake.insights()[0]?.name).toBe('renamed')
    expect(fake.insights()[0]?.filters).toEqual(critical.filters)
    // The same values again: accepted, nothing changes.
    await securityHub.send(
      new UpdateInsightCommand({ InsightArn: stale?.insightArn, Name: 'renamed' })
    )
    const missing = `arn:aws:securityhub:us-east-1:123456789012:insight/123456789012/custom/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`
    const error = await caught(
      securityHub.send(new UpdateInsightCommand({ InsightArn: missing, Name: 'x' }))
    )
    expect(error).toBeInstanceOf(ResourceNotFoundException)
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404)
    expect(fake.callsTo('UpdateInsight').at(-1)?.input).toMatchObject({ InsightArn: missing })
    const bad = await caught(
      securityHub.send(
        new UpdateInsightCommand({ InsightArn: stale?.insightArn, GroupByAttribute: 'not valid' })
      )
    )
    expect(bad).toBeInstanceOf(InvalidInputException)
    expect(fake.writesTo('UpdateInsight').map((w) => w.outcome)).toEqual([
      'changed',
      'changed',
      'unchanged',
      'rejected',
      'rejected'
    ])
  })

  it('validates CreateInsight, caps custom insights at 100, and deletes', async () => {
    const { fake } = await startAt(hubOn)
    const { securityHub } = clients(fake)
    for (const input of [
      { Name: '', Filters: {}, GroupByAttribute: 'ResourceId' },
      { Name: 'x', Filters: {}, GroupByAttribute: '' },
      { Name: 'x', GroupByAttribute: 'ResourceId' }
    ]) {
      const error = await caught(
        securityHub.send(new CreateInsightCommand(input as CreateInsightCommandInput))
      )
      expect(error).toBeInstanceOf(InvalidInputException)
    }
    for (let i = 0; i < 100; i += 1) {
      await securityHub.send(
        new CreateInsightCommand({ Name: `n${i}`, Filters: {}, GroupByAttribute: 'ResourceId' })
      )
    }
    const full = await caught(
      securityHub.send(
        new CreateInsightCommand({ Name: 'one more', Filters: {}, GroupByAttribute: 'Type' })
      )
    )
    expect(full).toBeInstanceOf(LimitExceededException)
    const first = fake.insights()[0]?.insightArn
    const deleted = await securityHub.send(new DeleteInsightCommand({ InsightArn: first }))
    expect(deleted.InsightArn).toBe(first)
    expect(fake.insights()).toHaveLength(99)
  })
})

describe('Inspector GetConfiguration and UpdateConfiguration', () => {
  it('reports the re-scan duration with its status and updatedAt', async () => {
    const { fake, clock } = await startAt(scenarios.baselineFresh)
    const { inspector } = clients(fake)
    const got = await inspector.send(new GetConfigurationCommand({}))
    expect(got.ecrConfiguration).toEqual({
      rescanDurationState: {
        rescanDuration: 'DAYS_14',
        status: 'SUCCESS',
        updatedAt: new Date(clock.now() - 30 * 86_400_000)
      }
    })
    expect(got.ec2Configuration?.scanModeState).toEqual({
      scanMode: 'EC2_SSM_AGENT_BASED',
      scanModeStatus: 'SUCCESS'
    })
    expect(fake.callsTo('GetConfiguration')[0]?.service).toBe('inspector2')
  })

  it('updates it (PENDING for updatePendingSeconds), keeping pull-date settings', async () => {
    const { fake, clock } = await startAt({
      ...scenarios.baselineFresh,
      inspectorConfiguration: { rescanDuration: 'LIFETIME', updatePendingSeconds: 2 }
    })
    const { inspector } = clients(fake)
    clock.advanceMs(1000)
    await inspector.send(
      new UpdateConfigurationCommand({
        ecrConfiguration: {
          rescanDuration: 'DAYS_30',
          pullDateRescanDuration: 'DAYS_90',
          pullDateRescanMode: 'LAST_IN_USE_AT'
        }
      })
    )
    const pending = await inspector.send(new GetConfigurationCommand({}))
    expect(pending.ecrConfiguration?.rescanDurationState).toEqual({
      rescanDuration: 'DAYS_30',
      status: 'PENDING',
      updatedAt: new Date(clock.now()),
      pullDateRescanDuration: 'DAYS_90',
      pullDateRescanMode: 'LAST_IN_USE_AT'
    })
    clock.advanceMs(2000)
    await inspector.send(
      new UpdateConfigurationCommand({ ecrConfiguration: { rescanDuration: 'DAYS_30' } })
    )
    clock.advanceMs(2000)
    expect(fake.inspectorConfiguration()).toEqual({
      rescanDuration: 'DAYS_30',
      pullDateRescanDuration: 'DAYS_90',
      pullDateRescanMode: 'LAST_IN_USE_AT',
      status: 'SUCCESS',
      updatedAtSeconds: 3,
      ec2ScanMode: 'EC2_SSM_AGENT_BASED'
    })
    expect(fake.writesTo('UpdateConfiguration').map((w) => w.outcome)).toEqual([
      'changed',
      'unchanged'
    ])
  })

  it('rejects bad values with ValidationException and other accounts with AccessDeniedException', async () => {
    const { fake } = await startAt(scenarios.baselineFresh)
    const { inspector } = clients(fake)
    for (const input of [
      {},
      { ecrConfiguration: { rescanDuration: 'DAYS_1' } },
      { ecrConfiguration: { rescanDuration: 'DAYS_30', pullDateRescanDuration: 'LIFETIME' } },
      { ecrConfiguration: { rescanDuration: 'DAYS_30', pullDateRescanMode: 'SOMETIMES' } },
      { ec2Configuration: { scanMode: 'AGENTLESS' } }
    ]) {
      const error = await caught(
        inspector.send(new UpdateConfigurationCommand(input as UpdateConfigurationCommandInput))
      )
      expect(error).toBeInstanceOf(ValidationException)
      expect((error as ValidationException).reason).toBe('FIELD_VALIDATION_FAILED')
    }
    expect(fake.inspectorConfiguration().rescanDuration).toBe('DAYS_14')
    const denied = await caught(
      inspector.send(new GetConfigurationCommand({ accountId: '210987654321' }))
    )
    expect(denied).toBeInstanceOf(AccessDeniedException)
  })
})

describe('baseline scenarios and snapshots', () => {
  it('baselineFresh has nothing on', async () => {
    const { fake } = await startAt(scenarios.baselineFresh)
    expect(fake.snapshot()).toEqual({
      inspectorStatus: {
        ec2: 'DISABLED',
        ecr: 'DISABLED',
        lambda: 'DISABLED',
        lambdaCode: 'DISABLED',
        codeRepository: 'DISABLED'
      },
      inspectorConfiguration: {
        rescanDuration: 'DAYS_14',
        status: 'SUCCESS',
        updatedAtSeconds: -30 * 86_400,
        ec2ScanMode: 'EC2_SSM_AGENT_BASED'
      },
      securityHub: { enabled: false, products: [] },
      standards: [],
      insights: []
    })
  })

  it('baselineDone has everything setup does already in place', async () => {
    const { fake } = await startAt(scenarios.baselineDone)
    const snapshot = fake.snapshot()
    expect(snapshot.inspectorStatus).toMatchObject({
      ec2: 'ENABLED',
      ecr: 'ENABLED',
      lambda: 'ENABLED'
    })
    expect(snapshot.securityHub).toMatchObject({ enabled: true })
    expect(snapshot.securityHub.products).toContain('aws/inspector')
    expect(snapshot.standards.map((s) => [s.standardsArn, s.status])).toEqual([
      [FSBP, 'READY'],
      [CIS_500, 'READY']
    ])
    expect(
      snapshot.insights.map(({ name, filters, groupByAttribute }) => ({
        name,
        filters,
        groupByAttribute
      }))
    ).toEqual(Object.values(SETUP_INSIGHTS))
    expect(snapshot.inspectorConfiguration.rescanDuration).toBe('DAYS_14')
  })

  it('gives the same insight ARNs on every start, and restores everything on resetTimeline', async () => {
    const { fake: a } = await startAt(scenarios.baselineDuplicateInsights)
    const { fake: b } = await startAt(scenarios.baselineDuplicateInsights)
    expect(a.insights()).toEqual(b.insights())
    const before = a.snapshot()
    const { securityHub, inspector } = clients(a)
    await securityHub.send(
      new CreateInsightCommand({ Name: 'extra', Filters: {}, GroupByAttribute: 'ResourceId' })
    )
    await securityHub.send(
      new BatchEnableStandardsCommand({
        StandardsSubscriptionRequests: [{ StandardsArn: PCI_401 }]
      })
    )
    await inspector.send(
      new UpdateConfigurationCommand({ ecrConfiguration: { rescanDuration: 'DAYS_60' } })
    )
    expect(a.snapshot()).not.toEqual(before)
    expect(a.writes.map((w) => w.outcome)).toEqual(['changed', 'changed', 'changed'])
    a.resetTimeline()
    expect(a.snapshot()).toEqual(before)
    expect(a.writes).toEqual([])
    const again = await securityHub.send(
      new CreateInsightCommand({ Name: 'extra', Filters: {}, GroupByAttribute: 'ResourceId' })
    )
    expect(again.InsightArn).toBe(
      (await securityHub.send(new GetInsightsCommand({}))).Insights?.at(-1)?.InsightArn
    )
  })

  it('a read-only pass over baselineDone records no writes and leaves the snapshot as it was', async () => {
    const { fake } = await startAt(scenarios.baselineDone)
    const { securityHub, inspector } = clients(fake)
    const before = fake.snapshot()
    await securityHub.send(new DescribeStandardsCommand({}))
    await securityHub.send(new GetEnabledStandardsCommand({}))
    await securityHub.send(new GetInsightsCommand({}))
    await inspector.send(new GetConfigurationCommand({}))
    expect(fake.snapshot()).toEqual(before)
    expect(fake.writes).toEqual([])
  })
})
