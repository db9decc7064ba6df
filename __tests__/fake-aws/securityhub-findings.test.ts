import { describe, expect, it } from '@jest/globals'
import {
  DescribeHubCommand,
  GetEnabledStandardsCommand,
  GetFindingsCommand,
  InvalidAccessException,
  InvalidInputException,
  LimitExceededException,
  SecurityHubClient,
  paginateGetFindings
} from '@aws-sdk/client-securityhub'
import type {
  AwsSecurityFinding,
  AwsSecurityFindingFilters,
  GetFindingsCommandInput
} from '@aws-sdk/client-securityhub'
import {
  ASFF_DEFAULT_ACCOUNTS,
  ASFF_DEFAULT_REGIONS,
  CONTROLS,
  DAY_MS,
  SEVERITY_LABELS,
  asffFindings,
  expectedReport,
  resolveAsffFixture,
  standardsIdOf
} from './fixtures-asff.js'
import type { ExpectedReport } from './fixtures-asff.js'
import type { AsffFixtureSpec, Scenario } from './scenario.js'
import {
  ORGANIZATION_SCALE_REGIONS,
  REPORT_FIXTURES,
  reportOrganizationScale,
  reportScale,
  scenarios
} from './scenarios.js'
import type { FakeAws } from './server.js'
import { STANDARD_IDS } from './standards.js'
import { fakesClosedAfterEachTest, TEST_CREDENTIALS } from './test-support.js'

const credentials = TEST_CREDENTIALS
const { start, startAt } = fakesClosedAfterEachTest()

function hub(fake: FakeAws, maxAttempts = 1, region = 'us-east-1'): SecurityHubClient {
  return new SecurityHubClient({ endpoint: fake.url, region, credentials, maxAttempts })
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error
  )
}

/** Every page of a GetFindings query; `between` runs after each page (e.g. to move the clock). */
async function collect(
  client: SecurityHubClient,
  input: GetFindingsCommandInput,
  between: () => void = () => undefined
): Promise<AwsSecurityFinding[]> {
  const out: AwsSecurityFinding[] = []
  for await (const page of paginateGetFindings({ client }, { ...input })) {
    out.push(...(page.Findings ?? []))
    between()
  }
  return out
}

const ids = (findings: readonly AwsSecurityFinding[]) => findings.map((f) => f.Id)
const eq = (Value: string) => ({ Value, Comparison: 'EQUALS' as const })
const cmp = (
  Comparison:
    'EQUALS' | 'PREFIX' | 'NOT_EQUALS' | 'PREFIX_NOT_EQUALS' | 'CONTAINS' | 'NOT_CONTAINS',
  Value: string
) => ({ Value, Comparison })

/** A 1,500-finding account without the rate limit, for filter tests. */
const FILTER_FIXTURE: AsffFixtureSpec = { count: 1500, seed: 5 }
const filterScenario: Scenario = {
  ...scenarios.reportMixed,
  name: 'filters',
  securityHub: {
    ...scenarios.reportMixed.securityHub,
    findings: FILTER_FIXTURE,
    getFindingsThrottle: false
  }
}

const CIS5 = standardsIdOf(STANDARD_IDS.cis500)
const FSBP = standardsIdOf(STANDARD_IDS.fsbp)

/** What is wrong with one generated finding (empty when it looks like AWS's). */
function problemsOf(f: AwsSecurityFinding): string[] {
  const startMs = Date.UTC(2026, 0, 15, 12)
  const at = (text: string | undefined) => Date.parse(text ?? '')
  const problems: string[] = []
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${f.Id}: ${what}`)
  }
  const created = at(f.CreatedAt)
  check(f.SchemaVersion === '2018-10-08', 'SchemaVersion')
  check(f.Resources?.[0]?.Region === f.Region, 'resource Region')
  check(f.ProductFields?.['aws/securityhub/ProductName'] === f.ProductName, 'ProductFields')
  check(at(f.FirstObservedAt) <= created, 'FirstObservedAt ≤ CreatedAt')
  check(created <= at(f.UpdatedAt), 'CreatedAt ≤ UpdatedAt')
  check(at(f.FirstObservedAt) <= at(f.LastObservedAt), 'FirstObservedAt ≤ LastObservedAt')
  check(at(f.LastObservedAt) <= at(f.UpdatedAt), 'LastObservedAt ≤ UpdatedAt')
  check(created >= startMs - 61 * DAY_MS && at(f.UpdatedAt) < startMs, 'within 60 days')
  // Every date is at least an hour away from a whole-day boundary before the start.
  for (const date of [f.CreatedAt, f.UpdatedAt, f.FirstObservedAt, f.LastObservedAt]) {
    const intoDay = (startMs - at(date)) % DAY_MS
    check(intoDay >= 3_600_000 && intoDay <= DAY_MS - 3_600_000, `${date} near a day boundary`)
  }
  if (f.ProductName === 'Inspector') {
    const [vulnerability] = f.Vulnerabilities ?? []
    check(
      f.Types?.join() === 'Software and Configuration Checks/Vulnerabilities/CVE',
      'Inspector Types'
    )
    check(/^(CVE|GHSA)-/.test(vulnerability?.Id ?? ''), 'vulnerability Id')
    check(typeof vulnerability?.VulnerablePackages?.[0]?.Name === 'string', 'package')
    check(['YES', 'NO', 'PARTIAL'].includes(vulnerability?.FixAvailable ?? ''), 'FixAvailable')
    check(['YES', 'NO'].includes(vulnerability?.ExploitAvailable ?? ''), 'ExploitAvailable')
    check(
      ['AwsEcrContainerImage', 'AwsEc2Instance', 'AwsLambdaFunction'].includes(
        f.Resources?.[0]?.Type ?? ''
      ),
      'Inspector resource type'
    )
  } else if (f.ProductName === 'Security Hub') {
    const control = CONTROLS.find((c) => f.GeneratorId === `security-control/${c.id}`)
    check(control !== undefined && f.Title === control.title, 'control title')
    check(f.Compliance?.SecurityControlId === control?.id, 'SecurityControlId')
    check((f.Compliance?.AssociatedStandards?.length ?? 0) > 0, 'AssociatedStandards')
    check(
      f.Compliance?.Status !== 'PASSED' || f.Severity?.Label === 'INFORMATIONAL',
      'PASSED is INFORMATIONAL'
    )
  } else {
    check(f.ProductName === 'GuardDuty', 'product')
    check(/^(TTPs|Software and Configuration Checks)\//.test(f.Types?.[0] ?? ''), 'threat type')
    check(f.Severity?.Normalized === (f.Severity?.Product ?? 0) * 10, 'GuardDuty severity')
  }
  return problems
}

describe('GetFindings wire and fixtures', () => {
  it('serves ASFF documents on POST /findings, 100 per page by default', async () => {
    const { fake } = await startAt(filterScenario)
    const page = await hub(fake).send(new GetFindingsCommand({}))
    expect(page.Findings).toHaveLength(100)
    expect(page.NextToken).toEqual(expect.any(String))
    const [first] = page.Findings ?? []
    expect(first).toMatchObject({
      SchemaVersion: '2018-10-08',
      Id: expect.any(String),
      ProductArn: expect.stringMatching(/^arn:aws:securityhub:[a-z0-9-]+::product\/aws\//),
      GeneratorId: expect.any(String),
      AwsAccountId: expect.stringMatching(/^\d{12}$/),
      CreatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      Severity: { Label: expect.any(String), Normalized: expect.any(Number) },
      Resources: [{ Type: expect.any(String), Id: expect.any(String) }],
      Workflow: { Status: expect.any(String) }
    })
    expect(fake.callsTo('GetFindings')).toHaveLength(1)
    expect(fake.callsTo('GetFindings')[0]?.status).toBe(200)
  })

  it('validates MaxResults (1–100)', async () => {
    const { fake } = await startAt(filterScenario)
    const client = hub(fake)
    expect(await caught(client.send(new GetFindingsCommand({ MaxResults: 0 })))).toBeInstanceOf(
      InvalidInputException
    )
    expect(await caught(client.send(new GetFindingsCommand({ MaxResults: 101 })))).toBeInstanceOf(
      InvalidInputException
    )
    const page = await client.send(new GetFindingsCommand({ MaxResults: 7 }))
    expect(page.Findings).toHaveLength(7)
  })

  it('generates a realistic mixed account: products, accounts, Regions, dates and statuses', () => {
    const startMs = Date.UTC(2026, 0, 15, 12)
    const findings = [...asffFindings(REPORT_FIXTURES.mixed, startMs)]
    expect(findings).toHaveLength(6000)
    expect(new Set(ids(findings)).size).toBe(6000)
    const distinct = (pick: (f: AwsSecurityFinding) => unknown) =>
      [...new Set(findings.map(pick))].sort()
    expect(distinct((f) => f.ProductName)).toEqual(['GuardDuty', 'Inspector', 'Security Hub'])
    expect(distinct((f) => f.AwsAccountId)).toEqual([...ASFF_DEFAULT_ACCOUNTS].sort())
    expect(distinct((f) => f.Region)).toEqual([...ASFF_DEFAULT_REGIONS].sort())
    expect(distinct((f) => f.RecordState)).toEqual(['ACTIVE', 'ARCHIVED'])
    expect(distinct((f) => f.Workflow?.Status)).toEqual([
      'NEW',
      'NOTIFIED',
      'RESOLVED',
      'SUPPRESSED'
    ])
    expect(distinct((f) => f.Compliance?.Status).filter(Boolean)).toEqual([
      'FAILED',
      'NOT_AVAILABLE',
      'PASSED',
      'WARNING'
    ])
    expect(
      distinct((f) => f.Resources?.[0]?.Type).filter((t) =>
        ['AwsEcrContainerImage', 'AwsEc2Instance', 'AwsLambdaFunction'].includes(String(t))
      )
    ).toHaveLength(3)
    expect(findings.filter((f) => f.RecordState === 'ACTIVE').length).toBeGreaterThan(5000)

    expect(findings.flatMap(problemsOf)).toEqual([])
    const inspector = findings.filter((f) => f.ProductName === 'Inspector')
    expect(inspector.every((f) => f.CompanyName === 'Amazon')).toBe(true)
    expect(distinct((f) => f.Vulnerabilities?.[0]?.ExploitAvailable).filter(Boolean)).toEqual([
      'NO',
      'YES'
    ])
    expect(distinct((f) => f.Vulnerabilities?.[0]?.FixAvailable).filter(Boolean)).toEqual([
      'NO',
      'YES'
    ])
  })

  it('is deterministic per seed and cheap to describe at any size', () => {
    const startMs = Date.UTC(2026, 0, 15, 12)
    const first = [...asffFindings({ count: 300, seed: 9 }, startMs)]
    expect([...asffFindings({ count: 300, seed: 9 }, startMs)]).toEqual(first)
    expect(ids([...asffFindings({ count: 300, seed: 10 }, startMs)])).not.toEqual(ids(first))
    // A scenario describes its findings, it does not hold them: 100k cost what 1k cost.
    const size = (n: number) => JSON.stringify(reportScale(n)).length
    expect(size(100_000) - size(1_000)).toBeLessThan(10)
  })

  it('shapes an organization: accounts × Regions × findings per account-Region (issue 18)', () => {
    const spec = reportOrganizationScale(40, ORGANIZATION_SCALE_REGIONS, 250).securityHub
      ?.findings as AsffFixtureSpec
    expect(spec.count).toBe(40 * 3 * 250)
    expect(spec.regions).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-2'])
    expect(new Set(spec.accounts).size).toBe(40)
    for (const account of spec.accounts ?? []) expect(account).toMatch(/^\d{12}$/)
    const all = expectedReport(spec, { periodDays: 90 })
    const perAccountRegion = Object.values(all.byAccountRegion)
    // Every account-Region has findings; the first account's first Region the most.
    expect(perAccountRegion).toHaveLength(120)
    expect(Math.min(...perAccountRegion)).toBeGreaterThan(0)
    expect(all.byAccountRegion[`${spec.accounts?.[0]}/us-east-1`]).toBe(
      Math.max(...perAccountRegion)
    )
    // Resources per kind, account and Region follow the findings per account-Region, as
    // reportScale's follow its count over 3 × 2; reportScale's own pool is unchanged.
    const pool = (s: AsffFixtureSpec) => resolveAsffFixture(s).poolSize
    expect(pool(spec)).toBe(6)
    expect(pool(reportOrganizationScale(40).securityHub?.findings as AsffFixtureSpec)).toBe(60)
    expect(pool(reportScale(100_000).securityHub?.findings as AsffFixtureSpec)).toBe(400)
    expect(pool({ count: 15_000 })).toBe(60)
    expect(() => resolveAsffFixture({ count: 10, poolSize: 0 })).toThrow(/poolSize/)
  })
})

describe('GetFindings filters', () => {
  const startMs = Date.UTC(2026, 0, 15, 12)
  const all = [...asffFindings(FILTER_FIXTURE, startMs)]
  const hasControl = (f: AwsSecurityFinding) => f.Compliance !== undefined
  const resourceType = (f: AwsSecurityFinding) => f.Resources?.[0]?.Type ?? ''

  const cases: [string, AwsSecurityFindingFilters, (f: AwsSecurityFinding) => boolean][] = [
    ['EQUALS', { ProductName: [eq('Inspector')] }, (f) => f.ProductName === 'Inspector'],
    [
      'PREFIX',
      { ResourceType: [cmp('PREFIX', 'AwsEc2')] },
      (f) => resourceType(f).startsWith('AwsEc2')
    ],
    [
      'CONTAINS',
      { Title: [cmp('CONTAINS', 'CVE-2024')] },
      (f) => f.Title?.includes('CVE-2024') === true
    ],
    [
      'NOT_EQUALS',
      { SeverityLabel: [cmp('NOT_EQUALS', 'INFORMATIONAL')] },
      (f) => f.Severity?.Label !== 'INFORMATIONAL'
    ],
    [
      'PREFIX_NOT_EQUALS',
      { GeneratorId: [cmp('PREFIX_NOT_EQUALS', 'security-control/')] },
      (f) => !f.GeneratorId?.startsWith('security-control/')
    ],
    ['NOT_CONTAINS', { Title: [cmp('NOT_CONTAINS', 'S3')] }, (f) => !f.Title?.includes('S3')],
    [
      'EQUALS on one field are OR’ed',
      { SeverityLabel: [eq('CRITICAL'), eq('HIGH')] },
      (f) => ['CRITICAL', 'HIGH'].includes(f.Severity?.Label ?? '')
    ],
    [
      'EQUALS and PREFIX on one field are OR’ed',
      { ResourceType: [eq('AwsLambdaFunction'), cmp('PREFIX', 'AwsEcr')] },
      (f) => resourceType(f) === 'AwsLambdaFunction' || resourceType(f).startsWith('AwsEcr')
    ],
    [
      'CONTAINS on one field are OR’ed',
      { Title: [cmp('CONTAINS', 'openssl'), cmp('CONTAINS', 'MFA')] },
      (f) => /openssl|MFA/.test(f.Title ?? '')
    ],
    [
      'negative filters on one field are AND’ed',
      {
        SeverityLabel: [cmp('NOT_EQUALS', 'INFORMATIONAL'), cmp('PREFIX_NOT_EQUALS', 'LO')]
      },
      (f) => !['INFORMATIONAL', 'LOW'].includes(f.Severity?.Label ?? '')
    ],
    [
      'NOT_CONTAINS on one field are AND’ed',
      { Title: [cmp('NOT_CONTAINS', 'S3'), cmp('NOT_CONTAINS', 'CVE')] },
      (f) => !/S3|CVE/.test(f.Title ?? '')
    ],
    [
      'PREFIX then NOT_EQUALS: select, then exclude',
      { ResourceType: [cmp('PREFIX', 'AwsEc2'), cmp('NOT_EQUALS', 'AwsEc2SecurityGroup')] },
      (f) => resourceType(f) === 'AwsEc2Instance'
    ],
    [
      'different fields are AND’ed',
      {
        ProductName: [eq('Security Hub')],
        ComplianceStatus: [eq('FAILED')],
        ComplianceAssociatedStandardsId: [eq(CIS5)],
        RecordState: [eq('ACTIVE')]
      },
      (f) =>
        f.ProductName === 'Security Hub' &&
        f.Compliance?.Status === 'FAILED' &&
        (f.Compliance.AssociatedStandards ?? []).some((s) => s.StandardsId === CIS5) &&
        f.RecordState === 'ACTIVE'
    ],
    [
      'a negative filter keeps findings without the attribute',
      { ComplianceStatus: [cmp('NOT_EQUALS', 'PASSED')] },
      (f) => !hasControl(f) || f.Compliance?.Status !== 'PASSED'
    ],
    [
      'a positive filter drops findings without the attribute',
      { ComplianceSecurityControlId: [cmp('PREFIX', 'IAM.')] },
      (f) => f.Compliance?.SecurityControlId?.startsWith('IAM.') === true
    ],
    [
      'multi-valued Type, account, Region, Id',
      {
        Type: [cmp('PREFIX', 'TTPs/')],
        AwsAccountId: [eq('123456789012')],
        Region: [eq('us-east-1')],
        Id: [cmp('PREFIX', 'arn:aws:guardduty:')]
      },
      (f) =>
        (f.Types ?? []).some((t) => t.startsWith('TTPs/')) &&
        f.AwsAccountId === '123456789012' &&
        f.Region === 'us-east-1' &&
        f.Id?.startsWith('arn:aws:guardduty:') === true
    ],
    [
      'ResourceId, WorkflowStatus, CompanyName and the vulnerability attributes',
      {
        ResourceId: [cmp('CONTAINS', ':repository/')],
        WorkflowStatus: [eq('NEW'), eq('NOTIFIED')],
        CompanyName: [eq('Amazon')],
        VulnerabilitiesFixAvailable: [eq('YES')]
      },
      (f) =>
        f.Resources?.[0]?.Id?.includes(':repository/') === true &&
        ['NEW', 'NOTIFIED'].includes(f.Workflow?.Status ?? '') &&
        f.CompanyName === 'Amazon' &&
        f.Vulnerabilities?.[0]?.FixAvailable === 'YES'
    ],
    [
      'SeverityNormalized number filter',
      { SeverityNormalized: [{ Gte: 70 }] },
      (f) => (f.Severity?.Normalized ?? 0) >= 70
    ]
  ]

  it.each(cases)('%s', async (_name, Filters, wanted) => {
    const { fake } = await startAt(filterScenario)
    const got = await collect(hub(fake), { Filters })
    const expected = all.filter(wanted)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(all.length)
    expect(ids(got)).toEqual(ids(expected))
  })

  it('refuses the combinations AWS refuses, and CONTAINS_WORD', async () => {
    const { fake } = await startAt(filterScenario)
    const client = hub(fake)
    const refused: AwsSecurityFindingFilters[] = [
      { Title: [cmp('CONTAINS', 'S3'), eq('x')] },
      { Title: [cmp('CONTAINS', 'S3'), cmp('NOT_CONTAINS', 'x')] },
      { Title: [cmp('NOT_CONTAINS', 'S3'), cmp('NOT_EQUALS', 'x')] },
      { SeverityLabel: [eq('HIGH'), cmp('NOT_EQUALS', 'LOW')] },
      { SeverityLabel: [eq('HIGH'), cmp('PREFIX_NOT_EQUALS', 'LO')] },
      { Title: [{ Value: 'root', Comparison: 'CONTAINS_WORD' }] },
      { SeverityLabel: Array.from({ length: 21 }, (_, i) => eq(`L${i}`)) }
    ]
    for (const Filters of refused) {
      const error = await caught(client.send(new GetFindingsCommand({ Filters })))
      expect(error).toBeInstanceOf(InvalidInputException)
      expect((error as InvalidInputException).$metadata.httpStatusCode).toBe(400)
    }
  })

  it('rejects filter keys it does not implement instead of ignoring them', async () => {
    const { fake } = await startAt(filterScenario)
    const client = hub(fake)
    for (const Filters of [
      { NoteText: [eq('x')] },
      { ResourceTags: [{ Key: 'team', Value: 'payments', Comparison: 'EQUALS' as const }] }
    ]) {
      const error = await caught(client.send(new GetFindingsCommand({ Filters })))
      expect(error).toBeInstanceOf(InvalidInputException)
      expect((error as Error).message).toMatch(/filter key/)
    }
    // A misspelt key never leaves the SDK (it serialises by schema); sent raw, it is refused too.
    const response = await fetch(`${fake.url}/findings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization:
          'AWS4-HMAC-SHA256 Credential=test/20260115/us-east-1/securityhub/aws4_request, SignedHeaders=host, Signature=0'
      },
      body: JSON.stringify({ Filters: { SeverityLable: [eq('HIGH')] } })
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidInputException')
  })

  it('filters dates by Start/End and by DateRange relative to the fake’s clock', async () => {
    const { fake, clock } = await startAt(filterScenario)
    const client = hub(fake)
    const at = (text: string | undefined) => Date.parse(text ?? '')
    const start = new Date(startMs - 20 * DAY_MS).toISOString()
    const end = new Date(startMs - 10 * DAY_MS).toISOString()
    const byStartEnd = await collect(client, {
      Filters: { CreatedAt: [{ Start: start, End: end }] }
    })
    const wantedStartEnd = all.filter(
      (f) => at(f.CreatedAt) >= at(start) && at(f.CreatedAt) <= at(end)
    )
    expect(wantedStartEnd.length).toBeGreaterThan(0)
    expect(ids(byStartEnd)).toEqual(ids(wantedStartEnd))

    // Two ranges on one field are OR'ed.
    const twoRanges = await collect(client, {
      Filters: {
        UpdatedAt: [
          { Start: new Date(startMs - 3 * DAY_MS).toISOString(), End: end },
          { DateRange: { Value: 1, Unit: 'DAYS' } }
        ]
      }
    })
    expect(ids(twoRanges)).toEqual(
      ids(
        all.filter(
          (f) =>
            (at(f.UpdatedAt) >= startMs - 3 * DAY_MS && at(f.UpdatedAt) <= at(end)) ||
            at(f.UpdatedAt) >= startMs - DAY_MS
        )
      )
    )

    const within = async (days: number, nowMs: number) => {
      const got = await collect(client, {
        Filters: { UpdatedAt: [{ DateRange: { Value: days, Unit: 'DAYS' } }] }
      })
      expect(ids(got)).toEqual(ids(all.filter((f) => at(f.UpdatedAt) >= nowMs - days * DAY_MS)))
      return got.length
    }
    const sevenNow = await within(7, startMs)
    clock.advanceMs(2 * DAY_MS)
    const sevenLater = await within(7, startMs + 2 * DAY_MS)
    expect(sevenLater).toBeLessThan(sevenNow)

    const older = await collect(client, {
      Filters: {
        CreatedAt: [{ DateRange: { Value: 30, Unit: 'DAYS', Comparison: 'OLDER_THAN' } }]
      }
    })
    expect(ids(older)).toEqual(
      ids(all.filter((f) => at(f.CreatedAt) < startMs + 2 * DAY_MS - 30 * DAY_MS))
    )
  })

  it('refuses a lone Start, a bad timestamp and a bad DateRange', async () => {
    const { fake } = await startAt(filterScenario)
    const client = hub(fake)
    for (const UpdatedAt of [
      [{ Start: '2026-01-01T00:00:00Z' }],
      [{ Start: 'last tuesday', End: '2026-01-15T00:00:00Z' }],
      [{ DateRange: { Value: 0, Unit: 'DAYS' as const } }],
      [{ DateRange: { Value: 7, Unit: 'DAYS' as const }, Start: '2026-01-01T00:00:00Z' }]
    ]) {
      const error = await caught(client.send(new GetFindingsCommand({ Filters: { UpdatedAt } })))
      expect(error).toBeInstanceOf(InvalidInputException)
    }
  })

  it('sorts by SortCriteria (ties in fixture order) and refuses unknown sort fields', async () => {
    const { fake } = await startAt(filterScenario)
    const client = hub(fake)
    const got = await collect(client, {
      Filters: { ProductName: [eq('GuardDuty')] },
      SortCriteria: [
        { Field: 'SeverityNormalized', SortOrder: 'desc' },
        { Field: 'UpdatedAt', SortOrder: 'asc' }
      ]
    })
    const expected = all
      .filter((f) => f.ProductName === 'GuardDuty')
      .sort(
        (a, b) =>
          (b.Severity?.Normalized ?? 0) - (a.Severity?.Normalized ?? 0) ||
          Date.parse(a.UpdatedAt ?? '') - Date.parse(b.UpdatedAt ?? '')
      )
    expect(ids(got)).toEqual(ids(expected))
    const error = await caught(
      client.send(new GetFindingsCommand({ SortCriteria: [{ Field: 'Colour', SortOrder: 'asc' }] }))
    )
    expect(error).toBeInstanceOf(InvalidInputException)
  })
})

describe('GetFindings pagination', () => {
  it('collects every finding of reportMixed exactly once, pacing under the rate limit', async () => {
    const { fake, clock } = await startAt(scenarios.reportMixed)
    const all = [...asffFindings(REPORT_FIXTURES.mixed, clock.now())]
    // 400 ms between pages = 2.5 requests/s: never throttled.
    const got = await collect(hub(fake), {}, () => clock.advanceMs(400))
    expect(got).toHaveLength(6000)
    expect(new Set(ids(got)).size).toBe(6000)
    expect(ids(got)).toEqual(ids(all))
    expect(fake.callsTo('GetFindings')).toHaveLength(60)
    expect(fake.throttled('GetFindings')).toBe(0)
  })

  it('keeps a DateRange’s meaning across pages while the clock moves', async () => {
    const { fake, clock } = await startAt(filterScenario)
    const input = {
      Filters: {
        RecordState: [eq('ACTIVE')],
        UpdatedAt: [{ DateRange: { Value: 7, Unit: 'DAYS' as const } }]
      },
      MaxResults: 50
    }
    // A day passes between pages; the pages still add up to the answer of the first instant.
    const got = await collect(hub(fake), input, () => clock.advanceMs(DAY_MS))
    expect(got).toHaveLength(expectedReport(FILTER_FIXTURE, { periodDays: 7 }).total)
    expect(new Set(ids(got)).size).toBe(got.length)
  })

  it('refuses a token with other filters, and garbage tokens, with InvalidInputException', async () => {
    const { fake } = await startAt(filterScenario)
    const client = hub(fake)
    const Filters = { ProductName: [eq('Inspector')] }
    const first = await client.send(new GetFindingsCommand({ Filters, MaxResults: 10 }))
    const token = first.NextToken
    expect(token).toEqual(expect.any(String))
    // Same filters, another page size: fine.
    const second = await client.send(
      new GetFindingsCommand({ Filters, MaxResults: 25, NextToken: token })
    )
    expect(second.Findings).toHaveLength(25)
    for (const other of [
      { Filters: { ProductName: [eq('GuardDuty')] }, NextToken: token },
      { NextToken: token },
      { Filters, SortCriteria: [{ Field: 'UpdatedAt' }], NextToken: token },
      { Filters, NextToken: 'not-a-token' }
    ]) {
      const error = await caught(client.send(new GetFindingsCommand(other)))
      expect(error).toBeInstanceOf(InvalidInputException)
      expect((error as Error).message).toMatch(/NextToken/)
    }
  })
})

describe('GetFindings rate limit (3 requests/second, burst 6)', () => {
  /** 200, or the status of a LimitExceededException (anything else fails the test). */
  const once = (client: SecurityHubClient) =>
    client.send(new GetFindingsCommand({ MaxResults: 1 })).then(
      () => 200,
      (error: unknown) => {
        if (!(error instanceof LimitExceededException)) throw error
        return error.$metadata.httpStatusCode
      }
    )

  it('allows a burst of 6, then 3 per second; a refused call uses no token', async () => {
    const { fake, clock } = await startAt(scenarios.reportMixed)
    const client = hub(fake)
    const statuses: (number | undefined)[] = []
    for (let i = 0; i < 7; i += 1) statuses.push(await once(client))
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429])
    clock.advanceMs(333)
    expect(await once(client)).toBe(429)
    clock.advanceMs(1)
    expect(await once(client)).toBe(200)
    expect(await once(client)).toBe(429)
    clock.advanceMs(1000)
    const second: (number | undefined)[] = []
    for (let i = 0; i < 4; i += 1) second.push(await once(client))
    expect(second).toEqual([200, 200, 200, 429])
    // The bucket never holds more than the burst.
    clock.advanceMs(60_000)
    const burst: (number | undefined)[] = []
    for (let i = 0; i < 7; i += 1) burst.push(await once(client))
    expect(burst.filter((s) => s === 200)).toHaveLength(6)

    expect(fake.throttled('GetFindings')).toBe(5)
    expect(fake.throttled()).toBe(5)
    const throttled = fake.callsTo('GetFindings').filter((c) => c.status === 429)
    expect(throttled.map((c) => c.errorCode)).toEqual(Array(5).fill('LimitExceededException'))
  })

  it('keeps one bucket per account and Region', async () => {
    const { fake } = await startAt(scenarios.reportMixed)
    const east = hub(fake)
    const west = hub(fake, 1, 'eu-west-1')
    for (let i = 0; i < 6; i += 1) expect(await once(east)).toBe(200)
    expect(await once(east)).toBe(429)
    expect(await once(west)).toBe(200)
  })

  it('is configurable per scenario and can be switched off', async () => {
    const custom = await startAt({
      ...scenarios.reportMixed,
      securityHub: {
        ...scenarios.reportMixed.securityHub,
        getFindingsThrottle: { ratePerSecond: 1, burst: 2, retryAfterHeader: true }
      }
    })
    const client = hub(custom.fake)
    expect([await once(client), await once(client), await once(client)]).toEqual([200, 200, 429])
    const off = await startAt(filterScenario)
    const free = hub(off.fake)
    for (let i = 0; i < 20; i += 1) expect(await once(free)).toBe(200)
    expect(off.fake.throttled()).toBe(0)
  })

  it('is recovered from by the SDK’s retry on the real clock, and the throttling shows', async () => {
    const fake = await start(reportScale(1200))
    // 12 pages as fast as possible: 6 pass at once, the rest wait for tokens via retries.
    const got = await collect(hub(fake, 10), {})
    expect(got).toHaveLength(1200)
    expect(fake.callsTo('GetFindings').filter((c) => c.status === 200)).toHaveLength(12)
    expect(fake.throttled('GetFindings')).toBeGreaterThan(0)
  }, 60_000)
})

describe('report scenarios', () => {
  it('reportHubOff: every Security Hub call is InvalidAccessException, however many', async () => {
    const { fake } = await startAt(scenarios.reportHubOff)
    const client = hub(fake)
    for (let i = 0; i < 8; i += 1) {
      expect(await caught(client.send(new GetFindingsCommand({})))).toBeInstanceOf(
        InvalidAccessException
      )
    }
    expect(await caught(client.send(new DescribeHubCommand({})))).toBeInstanceOf(
      InvalidAccessException
    )
    expect(await caught(client.send(new GetEnabledStandardsCommand({})))).toBeInstanceOf(
      InvalidAccessException
    )
    expect(fake.throttled()).toBe(0)
    expect(fake.calls.every((c) => c.status === 401)).toBe(true)
  })

  it('reportEmpty: standards READY, nothing ACTIVE or recent, 40 old ARCHIVED findings', async () => {
    const { fake } = await startAt(scenarios.reportEmpty)
    const client = hub(fake)
    expect(fake.standards().map((s) => [s.standard, s.status])).toEqual([
      [STANDARD_IDS.fsbp, 'READY'],
      [STANDARD_IDS.cis500, 'READY']
    ])
    const recent = await client.send(
      new GetFindingsCommand({
        Filters: {
          RecordState: [eq('ACTIVE')],
          UpdatedAt: [{ DateRange: { Value: 30, Unit: 'DAYS' } }]
        }
      })
    )
    expect(recent.Findings).toEqual([])
    expect(recent.NextToken).toBeUndefined()
    const everything = await client.send(new GetFindingsCommand({}))
    expect(everything.Findings).toHaveLength(40)
    expect(everything.Findings?.every((f) => f.RecordState === 'ARCHIVED')).toBe(true)
    expect(expectedReport(REPORT_FIXTURES.empty, { periodDays: 74 }).total).toBe(0)
  })

  it('reportNoStandards: findings but no standard and no control finding', async () => {
    const { fake, clock } = await startAt(scenarios.reportNoStandards)
    expect(fake.standards()).toEqual([])
    const got = await collect(hub(fake), {}, () => clock.advanceMs(400))
    expect(got).toHaveLength(1500)
    expect(new Set(got.map((f) => f.ProductName))).toEqual(new Set(['Inspector', 'GuardDuty']))
    const expected = expectedReport(REPORT_FIXTURES.noStandards, { periodDays: 30 })
    expect(expected.standards).toEqual({})
    expect(Object.keys(expected.byProduct).sort()).toEqual(['GuardDuty', 'Inspector'])
  })

  it('reportMixed: FSBP and CIS v5.0.0 READY, rate limit on', async () => {
    const { fake } = await startAt(scenarios.reportMixed)
    expect(fake.standards().map((s) => [s.standard, s.status])).toEqual([
      [STANDARD_IDS.fsbp, 'READY'],
      [STANDARD_IDS.cis500, 'READY']
    ])
    expect(scenarios.reportMixed.securityHub?.getFindingsThrottle).toBeUndefined()
  })
})

describe('expectedReport', () => {
  const startMs = Date.UTC(2026, 0, 15, 12)

  /** The same answers by brute force over the rendered ASFF documents. */
  function bruteForce(
    findings: readonly AwsSecurityFinding[],
    periodDays: number,
    workflowStatuses?: readonly string[],
    targets: Partial<Record<string, number>> = {}
  ): ExpectedReport {
    const from = startMs - periodDays * DAY_MS
    const active = findings.filter(
      (f) => f.RecordState === 'ACTIVE' && Date.parse(f.UpdatedAt ?? '') >= from
    )
    const counted = active.filter(
      (f) => workflowStatuses === undefined || workflowStatuses.includes(f.Workflow?.Status ?? '')
    )
    const count = (key: (f: AwsSecurityFinding) => string) => {
      const out: Record<string, number> = {}
      for (const f of counted) out[key(f)] = (out[key(f)] ?? 0) + 1
      return out
    }
    const byProduct: Record<string, number> = {}
    for (const f of findings) byProduct[f.ProductName ?? ''] = 0
    Object.assign(
      byProduct,
      count((f) => f.ProductName ?? '')
    )
    const standardsIds = [
      ...new Set(
        findings.flatMap((f) => (f.Compliance?.AssociatedStandards ?? []).map((s) => s.StandardsId))
      )
    ]
    const standards: ExpectedReport['standards'] = {}
    for (const id of standardsIds) {
      if (id === undefined) continue
      const mine = active.filter((f) =>
        (f.Compliance?.AssociatedStandards ?? []).some((s) => s.StandardsId === id)
      )
      const controls = [...new Set(mine.map((f) => f.Compliance?.SecurityControlId ?? ''))].sort()
      const statusesOf = (c: string) =>
        mine.filter((f) => f.Compliance?.SecurityControlId === c).map((f) => f.Compliance?.Status)
      const findingsByStatus = { PASSED: 0, FAILED: 0, WARNING: 0, NOT_AVAILABLE: 0 }
      for (const f of mine) findingsByStatus[f.Compliance?.Status ?? 'PASSED'] += 1
      standards[id] = {
        failed: controls.filter((c) => statusesOf(c).includes('FAILED')),
        passed: controls.filter((c) => statusesOf(c).every((s) => s === 'PASSED')),
        neither: controls.filter(
          (c) => !statusesOf(c).includes('FAILED') && !statusesOf(c).every((s) => s === 'PASSED')
        ),
        findingsByStatus
      }
    }
    return {
      periodDays,
      periodField: 'UpdatedAt',
      total: counted.length,
      bySeverity: {
        ...Object.fromEntries(SEVERITY_LABELS.map((s) => [s, 0])),
        ...count((f) => f.Severity?.Label ?? '')
      } as ExpectedReport['bySeverity'],
      byProduct,
      byResourceType: count((f) => f.Resources?.[0]?.Type ?? ''),
      byAccount: count((f) => f.AwsAccountId ?? ''),
      byRegion: count((f) => f.Region ?? ''),
      byAccountRegion: count((f) => `${f.AwsAccountId}/${f.Region}`),
      createdInPeriod: counted.filter((f) => Date.parse(f.CreatedAt ?? '') >= from).length,
      createdBeforePeriod: counted.filter((f) => Date.parse(f.CreatedAt ?? '') < from).length,
      standards,
      accountStandards: accountStandardsOf(active),
      pastTargetByAccount: Object.fromEntries(
        Object.entries(
          counted
            .filter((f) => ['NEW', 'NOTIFIED'].includes(f.Workflow?.Status ?? ''))
            .filter((f) => {
              const target = targets[f.Severity?.Label ?? '']
              const age = startMs - Date.parse(f.FirstObservedAt ?? '')
              return target !== undefined && age > target * DAY_MS
            })
            .reduce<Record<string, number>>((out, f) => {
              const account = f.AwsAccountId ?? ''
              out[account] = (out[account] ?? 0) + 1
              return out
            }, {})
        )
      )
    }
  }

  /** Per account and standard: a control fails on any FAILED, passes when all are PASSED. */
  function accountStandardsOf(
    active: readonly AwsSecurityFinding[]
  ): ExpectedReport['accountStandards'] {
    const statuses = new Map<string, Map<string, string[]>>()
    for (const f of active) {
      const control = f.Compliance?.SecurityControlId
      if (control === undefined) continue
      for (const standard of f.Compliance?.AssociatedStandards ?? []) {
        const key = `${f.AwsAccountId}|${standard.StandardsId}`
        const byControl = statuses.get(key) ?? new Map<string, string[]>()
        byControl.set(control, [...(byControl.get(control) ?? []), f.Compliance?.Status ?? ''])
        statuses.set(key, byControl)
      }
    }
    const out: ExpectedReport['accountStandards'] = {}
    for (const [key, byControl] of statuses) {
      const [account = '', standard = ''] = key.split('|')
      const values = [...byControl.values()]
      out[account] = {
        ...out[account],
        [standard]: {
          failed: values.filter((v) => v.includes('FAILED')).length,
          passed: values.filter((v) => v.every((status) => status === 'PASSED')).length
        }
      }
    }
    return out
  }

  const mixed = [...asffFindings(REPORT_FIXTURES.mixed, startMs)]

  it.each([1, 7, 30, 90])(
    'agrees with a brute-force count over reportMixed for %i days',
    (days) => {
      const expected = expectedReport(REPORT_FIXTURES.mixed, { periodDays: days })
      expect(expected).toEqual(bruteForce(mixed, days))
      expect(expected.total).toBe(expected.createdInPeriod + expected.createdBeforePeriod)
    }
  )

  it('counts the open findings past their remediation target per account, as a brute force does', () => {
    const targets = { CRITICAL: 2, HIGH: 14, MEDIUM: 30, LOW: 40 }
    const expected = expectedReport(REPORT_FIXTURES.mixed, {
      periodDays: 30,
      remediationTargets: targets
    })
    expect(expected).toEqual(bruteForce(mixed, 30, undefined, targets))
    expect(Object.keys(expected.pastTargetByAccount)).toHaveLength(3)
    expect(Object.keys(expected.accountStandards)).toHaveLength(3)
  })

  it('counts only the given workflow statuses, but rates controls on every ACTIVE finding', () => {
    const statuses = ['NEW', 'NOTIFIED'] as const
    const expected = expectedReport(REPORT_FIXTURES.mixed, {
      periodDays: 7,
      workflowStatuses: statuses,
      startMs
    })
    expect({ ...expected, periodStart: undefined, periodEnd: undefined }).toEqual({
      ...bruteForce(mixed, 7, statuses),
      periodStart: undefined,
      periodEnd: undefined
    })
    expect(expected.periodStart).toBe(new Date(startMs - 7 * DAY_MS).toISOString())
    expect(expected.periodEnd).toBe(new Date(startMs).toISOString())
  })

  it('has passed, failed and neither controls in both standards of reportMixed', () => {
    const { standards } = expectedReport(REPORT_FIXTURES.mixed, { periodDays: 7 })
    expect(Object.keys(standards)).toEqual([FSBP, CIS5])
    for (const tally of Object.values(standards)) {
      expect(tally.passed.length).toBeGreaterThan(0)
      expect(tally.failed.length).toBeGreaterThan(0)
      expect(tally.neither.length).toBeGreaterThan(0)
      expect(tally.passed.filter((c) => tally.failed.includes(c))).toEqual([])
    }
  })

  it('agrees with what GetFindings returns over the wire (reportMixed, last 7 days)', async () => {
    const { fake, clock } = await startAt(scenarios.reportMixed)
    const got = await collect(
      hub(fake),
      {
        Filters: {
          RecordState: [eq('ACTIVE')],
          UpdatedAt: [{ DateRange: { Value: 7, Unit: 'DAYS' } }]
        }
      },
      () => clock.advanceMs(400)
    )
    const expected = expectedReport(REPORT_FIXTURES.mixed, { periodDays: 7 })
    expect(got).toHaveLength(expected.total)
    expect(bruteForce(got, 7)).toEqual(expected)
    expect(fake.throttled()).toBe(0)
  })

  it('scales: reportScale(10_000) totals agree over the wire; 100k serves pages lazily', async () => {
    const scaled = await startAt(reportScale(10_000, { throttle: false }))
    const filters = {
      RecordState: [eq('ACTIVE')],
      SeverityLabel: [eq('CRITICAL')],
      UpdatedAt: [{ DateRange: { Value: 14, Unit: 'DAYS' as const } }]
    }
    const got = await collect(hub(scaled.fake), { Filters: filters })
    const spec = scaled.fake.scenario.securityHub?.findings
    expect(spec).toBeDefined()
    const expected = expectedReport(spec as AsffFixtureSpec, { periodDays: 14 })
    expect(got).toHaveLength(expected.bySeverity.CRITICAL)

    const big = await startAt(reportScale(100_000, { throttle: false }))
    const client = hub(big.fake)
    const first = await client.send(new GetFindingsCommand({ Filters: filters }))
    expect(first.Findings).toHaveLength(100)
    const second = await client.send(
      new GetFindingsCommand({ Filters: filters, NextToken: first.NextToken })
    )
    expect(second.Findings).toHaveLength(100)
    expect(new Set([...ids(first.Findings ?? []), ...ids(second.Findings ?? [])]).size).toBe(200)
  }, 30_000)
})
