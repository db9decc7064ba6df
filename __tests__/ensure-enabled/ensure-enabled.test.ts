import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  AccessDeniedException,
  BatchGetAccountStatusCommand,
  EnableCommand,
  Inspector2Client,
  type BatchGetAccountStatusCommandOutput,
  type EnableCommandOutput,
  type Status
} from '@aws-sdk/client-inspector2'
import {
  DescribeHubCommand,
  EnableImportFindingsForProductCommand,
  EnableSecurityHubCommand,
  InvalidAccessException,
  ListEnabledProductsForImportCommand,
  ResourceConflictException,
  SecurityHubClient
} from '@aws-sdk/client-securityhub'
import { mockClient } from 'aws-sdk-client-mock'
import { AwsCallError } from '../../src/aws/errors.js'
import {
  ensureEnabled,
  NotEnabledError,
  type EnsureContext,
  type Needs
} from '../../src/ensure-enabled/ensure-enabled.js'
import { VirtualClock } from '../helpers/virtual-clock.js'

const inspector = mockClient(Inspector2Client)
const securityHub = mockClient(SecurityHubClient)
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }
const ACCOUNT = '123456789012'

const EC2 = 'Amazon Inspector EC2 scanning'
const ECR = 'Amazon Inspector ECR scanning'
const LAMBDA = 'Amazon Inspector Lambda standard scanning'
const LAMBDA_CODE = 'Amazon Inspector Lambda code scanning'
const HUB = 'AWS Security Hub'
const IMPORT = 'Security Hub import of Amazon Inspector findings'
const INSPECTOR_SUBSCRIPTION = `arn:aws:securityhub:us-east-1:${ACCOUNT}:product-subscription/aws/inspector`

const NOTHING: Needs = {
  ecr: false,
  lambda: false,
  lambdaCode: false,
  securityHub: false,
  inspectorImport: false
}
const EVERYTHING: Needs = {
  ecr: true,
  lambda: true,
  lambdaCode: true,
  securityHub: true,
  inspectorImport: true
}

function setup(overrides: Partial<EnsureContext> = {}) {
  const clock = new VirtualClock()
  const lines: string[] = []
  const region = overrides.region ?? 'us-east-1'
  const ctx: EnsureContext = {
    inspector: new Inspector2Client({ region, credentials }),
    securityHub: new SecurityHubClient({ region, credentials }),
    clock,
    log: {
      info: (m) => lines.push(m),
      warning: (m) => lines.push(`warning: ${m}`),
      debug: () => undefined
    },
    accountId: ACCOUNT,
    region,
    ...overrides
  }
  return { ctx, clock, lines }
}

type States = { ecr?: Status; lambda?: Status; lambdaCode?: Status }
const state = (status: Status) => ({ status, errorCode: undefined, errorMessage: undefined })

function accountStatus(states: States): BatchGetAccountStatusCommandOutput {
  return {
    $metadata: {},
    accounts: [
      {
        accountId: ACCOUNT,
        state: state('ENABLED'),
        resourceState: {
          ec2: state('DISABLED'),
          ecr: state(states.ecr ?? 'DISABLED'),
          lambda: state(states.lambda ?? 'DISABLED'),
          lambdaCode: state(states.lambdaCode ?? 'DISABLED')
        }
      }
    ],
    failedAccounts: []
  }
}
const ALL_ENABLED: States = { ecr: 'ENABLED', lambda: 'ENABLED', lambdaCode: 'ENABLED' }

function enableAnswer(...errorCodes: string[]): EnableCommandOutput {
  return {
    $metadata: {},
    accounts: errorCodes.length
      ? []
      : [{ accountId: ACCOUNT, status: 'ENABLING', resourceStatus: undefined }],
    failedAccounts: errorCodes.map((errorCode) => ({
      accountId: ACCOUNT,
      errorCode: errorCode as 'ALREADY_ENABLED',
      errorMessage: `${errorCode} happened`
    }))
  }
}

const notSubscribed = () =>
  new InvalidAccessException({
    message: `Account ${ACCOUNT} is not subscribed to AWS Security Hub`,
    $metadata: { httpStatusCode: 401 }
  })

function hubOn(subscriptions: string[] = [INSPECTOR_SUBSCRIPTION]): void {
  securityHub
    .on(DescribeHubCommand)
    .resolves({ HubArn: `arn:aws:securityhub:us-east-1:${ACCOUNT}:hub/default` })
  securityHub
    .on(ListEnabledProductsForImportCommand)
    .resolves({ ProductSubscriptions: subscriptions })
}

function writeCalls(): number {
  return (
    inspector.commandCalls(EnableCommand).length +
    securityHub.commandCalls(EnableSecurityHubCommand).length +
    securityHub.commandCalls(EnableImportFindingsForProductCommand).length
  )
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof Error)) throw new Error('expected a rejection')
  return error
}

beforeEach(() => {
  inspector.reset()
  securityHub.reset()
})

describe('ensureEnabled off', () => {
  it('makes no call at all and reports everything skipped', async () => {
    const { ctx } = setup()
    const report = await ensureEnabled('off', EVERYTHING, ctx)
    expect(inspector.calls()).toHaveLength(0)
    expect(securityHub.calls()).toHaveLength(0)
    expect(report).toEqual({
      changes: [],
      alreadyOk: [],
      skipped: [EC2, ECR, LAMBDA, LAMBDA_CODE, HUB, IMPORT]
    })
  })
})

describe('ensureEnabled check', () => {
  it('passes when everything needed is on, reading once and writing nothing', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus(ALL_ENABLED))
    hubOn()
    const { ctx, clock, lines } = setup()
    const report = await ensureEnabled('check', EVERYTHING, ctx)
    expect(report).toEqual({
      changes: [],
      alreadyOk: [ECR, LAMBDA, LAMBDA_CODE, HUB, IMPORT],
      skipped: [EC2]
    })
    expect(inspector.commandCalls(BatchGetAccountStatusCommand)).toHaveLength(1)
    expect(writeCalls()).toBe(0)
    expect(clock.sleeps).toEqual([])
    expect(lines).toEqual([
      `${ECR}, ${LAMBDA}, ${LAMBDA_CODE}, ${HUB} and ${IMPORT} enabled in account ${ACCOUNT} (us-east-1)`
    ])
  })

  it('touches only what is needed: an ECR gate never calls Security Hub', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus({ ecr: 'ENABLED' }))
    const { ctx } = setup()
    const report = await ensureEnabled('check', { ...NOTHING, ecr: true }, ctx)
    expect(report.alreadyOk).toEqual([ECR])
    expect(report.skipped).toEqual([EC2, LAMBDA, LAMBDA_CODE, HUB, IMPORT])
    expect(securityHub.calls()).toHaveLength(0)
  })

  it('names a single missing type with its exact fix', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus({ ecr: 'ENABLED' }))
    const { ctx } = setup()
    const error = await failure(ensureEnabled('check', { ...NOTHING, lambda: true }, ctx))
    expect(error).toBeInstanceOf(NotEnabledError)
    expect(error.message).toBe(
      `Amazon Inspector Lambda standard scanning is DISABLED in account ${ACCOUNT} (us-east-1); set ensure-enabled: enable, or run: aws inspector2 enable --resource-types LAMBDA`
    )
  })

  it('lists every missing piece in one line, with one command per service', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus({ ecr: 'ENABLED' }))
    securityHub.on(DescribeHubCommand).rejects(notSubscribed())
    const { ctx } = setup()
    const error = await failure(ensureEnabled('check', EVERYTHING, ctx))
    expect(error).toBeInstanceOf(NotEnabledError)
    expect((error as NotEnabledError).missing).toEqual([LAMBDA, LAMBDA_CODE, HUB, IMPORT])
    expect(error.message).toBe(
      `${LAMBDA} is DISABLED, ${LAMBDA_CODE} is DISABLED, ${HUB} is not enabled and ${IMPORT} is not enabled in account ${ACCOUNT} (us-east-1); set ensure-enabled: enable, or run: aws inspector2 enable --resource-types LAMBDA LAMBDA_CODE && aws securityhub enable-security-hub --no-enable-default-standards && aws securityhub enable-import-findings-for-product --product-arn arn:aws:securityhub:us-east-1::product/aws/inspector`
    )
    expect(error.message).not.toContain('\n')
    // Without a hub there is nothing to list: the import is off by definition.
    expect(securityHub.commandCalls(ListEnabledProductsForImportCommand)).toHaveLength(0)
    expect(writeCalls()).toBe(0)
  })

  it('counts "not subscribed" (InvalidAccessException) as Security Hub off, not as an error', async () => {
    securityHub.on(DescribeHubCommand).rejects(notSubscribed())
    const { ctx } = setup()
    const error = await failure(ensureEnabled('check', { ...NOTHING, securityHub: true }, ctx))
    expect(error.message).toBe(
      `AWS Security Hub is not enabled in account ${ACCOUNT} (us-east-1); set ensure-enabled: enable, or run: aws securityhub enable-security-hub --no-enable-default-standards`
    )
    expect(inspector.calls()).toHaveLength(0)
  })

  it('finds a missing Inspector import across every page of subscriptions', async () => {
    securityHub.on(DescribeHubCommand).resolves({})
    securityHub
      .on(ListEnabledProductsForImportCommand)
      .resolvesOnce({ ProductSubscriptions: ['arn:…/aws/guardduty'], NextToken: 'next' })
      .resolvesOnce({ ProductSubscriptions: ['arn:…/aws/macie'] })
    const { ctx } = setup()
    const error = await failure(ensureEnabled('check', { ...NOTHING, inspectorImport: true }, ctx))
    expect(error.message).toBe(
      `${IMPORT} is not enabled in account ${ACCOUNT} (us-east-1); set ensure-enabled: enable, or run: aws securityhub enable-import-findings-for-product --product-arn arn:aws:securityhub:us-east-1::product/aws/inspector`
    )
    expect(securityHub.commandCalls(ListEnabledProductsForImportCommand)).toHaveLength(2)
  })

  it('fails at once while a type is still ENABLING instead of waiting for scans', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus({ ecr: 'ENABLING' }))
    const { ctx, clock } = setup()
    const error = await failure(ensureEnabled('check', { ...NOTHING, ecr: true }, ctx))
    expect(error.message).toBe(
      `${ECR} is still ENABLING (being turned on) in account ${ACCOUNT} (us-east-1); re-run once Inspector reports ENABLED (usually within minutes), or set ensure-enabled: enable to wait for it`
    )
    expect(clock.sleeps).toEqual([])
  })

  it('explains a suspended account', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus({ ecr: 'SUSPENDED' }))
    const { ctx } = setup()
    const error = await failure(ensureEnabled('check', { ...NOTHING, ecr: true }, ctx))
    expect(error.message).toMatch(
      /^Amazon Inspector ECR scanning is SUSPENDED in account 123456789012 \(us-east-1\); Inspector suspends an account for billing or AWS Organizations reasons/
    )
  })

  it('treats an account Inspector has never seen as everything DISABLED', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({ accounts: [], failedAccounts: [] })
    const { ctx } = setup()
    const error = await failure(ensureEnabled('check', { ...NOTHING, ecr: true }, ctx))
    expect(error.message).toContain(`${ECR} is DISABLED in account ${ACCOUNT}`)
  })

  it('names inspector2:BatchGetAccountStatus when the role may not read the status', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .rejects(new AccessDeniedException({ message: 'User is not authorized', $metadata: {} }))
    const { ctx } = setup()
    const error = await failure(ensureEnabled('check', { ...NOTHING, ecr: true }, ctx))
    expect(error).toBeInstanceOf(AwsCallError)
    expect(error.message).toContain('the role needs inspector2:BatchGetAccountStatus')
  })
})

describe('ensureEnabled enable: Amazon Inspector', () => {
  it('enables only the missing types, LAMBDA and LAMBDA_CODE in one call', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolvesOnce(accountStatus({ ecr: 'ENABLED' }))
      .resolves(accountStatus(ALL_ENABLED))
    inspector.on(EnableCommand).resolves(enableAnswer())
    const { ctx, lines } = setup()
    const report = await ensureEnabled('enable', { ...NOTHING, ecr: true, lambdaCode: true }, ctx)
    const enables = inspector.commandCalls(EnableCommand)
    expect(enables).toHaveLength(1)
    expect(enables[0]?.args[0].input.resourceTypes).toEqual(['LAMBDA', 'LAMBDA_CODE'])
    expect(enables[0]?.args[0].input.clientToken).toMatch(/^[0-9a-f-]{36}$/)
    expect(report).toEqual({
      changes: [LAMBDA, LAMBDA_CODE],
      alreadyOk: [ECR],
      skipped: [EC2, HUB, IMPORT]
    })
    // Each change is announced once.
    expect(lines.filter((line) => line.startsWith(`enabled ${LAMBDA} `))).toHaveLength(1)
    expect(lines.filter((line) => line.startsWith(`enabled ${LAMBDA_CODE} `))).toHaveLength(1)
    expect(lines).toContain(`enabled ${LAMBDA} in account ${ACCOUNT} (us-east-1)`)
  })

  it('accepts ALREADY_ENABLED in failedAccounts as success', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolvesOnce(accountStatus({}))
      .resolves(accountStatus({ ecr: 'ENABLED' }))
    inspector.on(EnableCommand).resolves(enableAnswer('ALREADY_ENABLED'))
    const { ctx } = setup()
    const report = await ensureEnabled('enable', { ...NOTHING, ecr: true }, ctx)
    expect(inspector.commandCalls(EnableCommand)).toHaveLength(1)
    expect(report.changes).toEqual([ECR])
  })

  it('retries SSM_THROTTLED with backoff and a fresh clientToken', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolvesOnce(accountStatus({}))
      .resolves(accountStatus({ ecr: 'ENABLED' }))
    inspector.on(EnableCommand).resolvesOnce(enableAnswer('SSM_THROTTLED')).resolves(enableAnswer())
    const { ctx, clock } = setup({ timing: { retryInitialMs: 5_000 } })
    const report = await ensureEnabled('enable', { ...NOTHING, ecr: true }, ctx)
    const tokens = inspector
      .commandCalls(EnableCommand)
      .map((call) => call.args[0].input.clientToken)
    expect(tokens).toHaveLength(2)
    expect(tokens[0]).not.toBe(tokens[1])
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(4_000)
    expect(report.changes).toEqual([ECR])
  })

  it('fails on a refusal that waiting cannot fix, naming its code and message', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus({}))
    inspector.on(EnableCommand).resolves(enableAnswer('BLOCKED_BY_ORGANIZATION_POLICY'))
    const { ctx } = setup()
    const error = await failure(ensureEnabled('enable', { ...NOTHING, ecr: true }, ctx))
    expect(error).toBeInstanceOf(NotEnabledError)
    expect(error.message).toBe(
      `Amazon Inspector refused to enable ECR in account ${ACCOUNT} (us-east-1): BLOCKED_BY_ORGANIZATION_POLICY: BLOCKED_BY_ORGANIZATION_POLICY happened (an AWS Organizations policy forbids it; ask the organization administrator to enable it or lift the policy)`
    )
    expect(inspector.commandCalls(EnableCommand)).toHaveLength(1)
  })

  it('gives up retrying Enable within the budget', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus({}))
    inspector.on(EnableCommand).resolves(enableAnswer('ENABLE_IN_PROGRESS'))
    const { ctx, clock } = setup()
    const start = clock.now()
    const error = await failure(ensureEnabled('enable', { ...NOTHING, ecr: true }, ctx))
    expect(error.message).toMatch(
      /^Amazon Inspector did not accept enabling ECR in account 123456789012 \(us-east-1\): Enable answered ENABLE_IN_PROGRESS after \d+ attempts; re-run later$/
    )
    expect(clock.now() - start).toBe(5 * 60_000)
  })

  it('names inspector2:Enable and the Region when Enable is denied (either may be the cause)', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus({}))
    inspector
      .on(EnableCommand)
      .rejects(new AccessDeniedException({ message: 'User is not authorized', $metadata: {} }))
    const { ctx } = setup()
    const error = await failure(ensureEnabled('enable', { ...NOTHING, ecr: true }, ctx))
    expect(error.message).toContain('the role lacks inspector2:Enable')
    expect(error.message).toContain(`not available in Region ${ctx.region}`)
  })

  it('polls every 10 s until ENABLED, waiting through ENABLING and a lagging DISABLED', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolvesOnce(accountStatus({}))
      .resolvesOnce(accountStatus({ ecr: 'DISABLED' }))
      .resolvesOnce(accountStatus({ ecr: 'ENABLING' }))
      .resolvesOnce(accountStatus({ ecr: 'ENABLING' }))
      .resolves(accountStatus({ ecr: 'ENABLED' }))
    inspector.on(EnableCommand).resolves(enableAnswer())
    const { ctx, clock, lines } = setup()
    const report = await ensureEnabled('enable', { ...NOTHING, ecr: true }, ctx)
    expect(inspector.commandCalls(BatchGetAccountStatusCommand)).toHaveLength(5)
    expect(clock.sleeps).toHaveLength(3)
    for (const sleep of clock.sleeps) {
      expect(sleep).toBeGreaterThanOrEqual(8_000)
      expect(sleep).toBeLessThanOrEqual(12_000)
    }
    expect(report.changes).toEqual([ECR])
    expect(lines.filter((line) => line.startsWith('enabled '))).toEqual([
      `enabled ${ECR} in account ${ACCOUNT} (us-east-1)`
    ])
  })

  it('waits for a type someone else is already enabling without calling Enable', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolvesOnce(accountStatus({ ecr: 'ENABLING' }))
      .resolves(accountStatus({ ecr: 'ENABLED' }))
    const { ctx } = setup()
    const report = await ensureEnabled('enable', { ...NOTHING, ecr: true }, ctx)
    expect(inspector.commandCalls(EnableCommand)).toHaveLength(0)
    expect(report).toMatchObject({ changes: [], alreadyOk: [ECR] })
  })

  it('times out after about 5 minutes with the state it was stuck in', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolvesOnce(accountStatus({}))
      .resolves(accountStatus({ ecr: 'ENABLING' }))
    inspector.on(EnableCommand).resolves(enableAnswer())
    const { ctx, clock } = setup()
    const start = clock.now()
    const error = await failure(ensureEnabled('enable', { ...NOTHING, ecr: true }, ctx))
    expect(error).toBeInstanceOf(NotEnabledError)
    expect(error.message).toBe(
      `${ECR} is still ENABLING in account ${ACCOUNT} (us-east-1) after waiting 5 min; Inspector publishes no time limit for enabling and keeps going in the background: re-run later, or check the account in the Inspector console`
    )
    expect(clock.now() - start).toBe(5 * 60_000)
  })

  it('never waits past the caller deadline, and the budget is a parameter', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolvesOnce(accountStatus({}))
      .resolves(accountStatus({ ecr: 'ENABLING' }))
    inspector.on(EnableCommand).resolves(enableAnswer())
    const early = setup()
    early.ctx.deadline = early.clock.now() + 45_000
    await expect(ensureEnabled('enable', { ...NOTHING, ecr: true }, early.ctx)).rejects.toThrow(
      'after waiting 45s'
    )
    inspector.resetHistory()
    const short = setup({ timing: { budgetMs: 30_000, pollIntervalMs: 1_000 } })
    await expect(ensureEnabled('enable', { ...NOTHING, ecr: true }, short.ctx)).rejects.toThrow(
      'after waiting 30s'
    )
  })

  it('fails at once on a suspended account, without calling Enable', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolves(accountStatus({ ecr: 'ENABLED', lambda: 'SUSPENDED' }))
    const { ctx } = setup()
    const error = await failure(ensureEnabled('enable', { ...NOTHING, lambda: true }, ctx))
    expect(error).toBeInstanceOf(NotEnabledError)
    expect(error.message).toMatch(
      /^Amazon Inspector Lambda standard scanning is SUSPENDED in account 123456789012 \(us-east-1\); Inspector suspends an account/
    )
    expect(inspector.commandCalls(EnableCommand)).toHaveLength(0)
  })

  it('fails when the account becomes SUSPENDING while waiting', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolvesOnce(accountStatus({}))
      .resolves(accountStatus({ ecr: 'SUSPENDING' }))
    inspector.on(EnableCommand).resolves(enableAnswer())
    const { ctx } = setup()
    await expect(ensureEnabled('enable', { ...NOTHING, ecr: true }, ctx)).rejects.toThrow(
      `${ECR} is SUSPENDING in account ${ACCOUNT} (us-east-1)`
    )
  })
})

describe('ensureEnabled enable: Security Hub', () => {
  it('enables Security Hub without default standards and says so', async () => {
    securityHub.on(DescribeHubCommand).rejects(notSubscribed())
    securityHub.on(EnableSecurityHubCommand).resolves({})
    const { ctx, lines } = setup()
    const report = await ensureEnabled('enable', { ...NOTHING, securityHub: true }, ctx)
    expect(securityHub.commandCalls(EnableSecurityHubCommand)[0]?.args[0].input).toEqual({
      EnableDefaultStandards: false
    })
    expect(report.changes).toEqual([HUB])
    expect(lines).toEqual([
      `enabled AWS Security Hub in account ${ACCOUNT} (us-east-1) without its default standards (EnableDefaultStandards: false); the standards that are on are the ones setup's standards input names`
    ])
  })

  it('treats "already subscribed" as success', async () => {
    securityHub.on(DescribeHubCommand).rejects(notSubscribed())
    securityHub.on(EnableSecurityHubCommand).rejects(
      new ResourceConflictException({
        message: 'Account is already subscribed to Security Hub',
        $metadata: { httpStatusCode: 409 }
      })
    )
    const { ctx } = setup()
    const report = await ensureEnabled('enable', { ...NOTHING, securityHub: true }, ctx)
    expect(report).toMatchObject({ changes: [], alreadyOk: [HUB] })
  })

  it('enables the Inspector import with the product ARN when it is missing', async () => {
    hubOn(['arn:aws:securityhub:us-east-1:123456789012:product-subscription/aws/guardduty'])
    securityHub.on(EnableImportFindingsForProductCommand).resolves({})
    const { ctx, lines } = setup()
    const report = await ensureEnabled('enable', { ...NOTHING, inspectorImport: true }, ctx)
    expect(
      securityHub.commandCalls(EnableImportFindingsForProductCommand)[0]?.args[0].input
    ).toEqual({ ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/inspector' })
    expect(report).toMatchObject({ changes: [IMPORT], alreadyOk: [HUB] })
    expect(lines).toEqual([
      `enabled ${IMPORT} (arn:aws:securityhub:us-east-1::product/aws/inspector) in account ${ACCOUNT} (us-east-1)`
    ])
  })

  it('uses the aws-cn partition in China regions', async () => {
    hubOn([])
    securityHub.on(EnableImportFindingsForProductCommand).resolves({})
    const { ctx } = setup({ region: 'cn-north-1' })
    await ensureEnabled('enable', { ...NOTHING, inspectorImport: true }, ctx)
    expect(
      securityHub.commandCalls(EnableImportFindingsForProductCommand)[0]?.args[0].input
    ).toEqual({ ProductArn: 'arn:aws-cn:securityhub:cn-north-1::product/aws/inspector' })
  })

  it('treats an import conflict as success', async () => {
    hubOn([])
    securityHub
      .on(EnableImportFindingsForProductCommand)
      .rejects(new ResourceConflictException({ message: 'already exists', $metadata: {} }))
    const { ctx } = setup()
    const report = await ensureEnabled('enable', { ...NOTHING, inspectorImport: true }, ctx)
    expect(report).toMatchObject({ changes: [], alreadyOk: [HUB, IMPORT] })
  })
})

describe('ensureEnabled enable: whole runs', () => {
  it('turns everything on from scratch, announcing each change once', async () => {
    inspector
      .on(BatchGetAccountStatusCommand)
      .resolvesOnce(accountStatus({}))
      .resolves(accountStatus(ALL_ENABLED))
    inspector.on(EnableCommand).resolves(enableAnswer())
    securityHub.on(DescribeHubCommand).rejects(notSubscribed())
    securityHub.on(EnableSecurityHubCommand).resolves({})
    securityHub.on(ListEnabledProductsForImportCommand).resolves({ ProductSubscriptions: [] })
    securityHub.on(EnableImportFindingsForProductCommand).resolves({})
    const { ctx, lines } = setup()
    const report = await ensureEnabled('enable', EVERYTHING, ctx)
    expect(inspector.commandCalls(EnableCommand)[0]?.args[0].input.resourceTypes).toEqual([
      'ECR',
      'LAMBDA',
      'LAMBDA_CODE'
    ])
    expect(report).toEqual({
      changes: [ECR, LAMBDA, LAMBDA_CODE, HUB, IMPORT],
      alreadyOk: [],
      skipped: [EC2]
    })
    for (const label of report.changes) {
      expect(lines.filter((line) => line.startsWith(`enabled ${label} `))).toHaveLength(1)
    }
  })

  it('changes nothing on a second run and says so', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves(accountStatus(ALL_ENABLED))
    hubOn()
    const { ctx, lines, clock } = setup()
    const report = await ensureEnabled('enable', EVERYTHING, ctx)
    expect(report.changes).toEqual([])
    expect(report.alreadyOk).toEqual([ECR, LAMBDA, LAMBDA_CODE, HUB, IMPORT])
    expect(writeCalls()).toBe(0)
    expect(clock.sleeps).toEqual([])
    expect(lines).toEqual([
      `nothing to change in account ${ACCOUNT} (us-east-1): ${ECR}, ${LAMBDA}, ${LAMBDA_CODE}, ${HUB} and ${IMPORT} already enabled`
    ])
  })
})
