/**
 * Inspector2 (REST-JSON) operations: ListCoverage, ListFindings, BatchGetAccountStatus, Enable,
 * GetConfiguration and UpdateConfiguration (inspector-configuration.ts).
 * ECR images and Lambda functions are covered side by side.
 */
import type {
  Account,
  AccountState,
  BatchGetAccountStatusResponse,
  CoveredResource,
  EnableResponse,
  FailedAccount,
  Finding,
  ListCoverageResponse,
  ListFindingsResponse,
  ResourceStatus,
  State,
  Status
} from '@aws-sdk/client-inspector2'
import {
  RESOURCE_TYPE_KINDS,
  accountStatus,
  consumeStatusPoll,
  resourceStatus,
  startEnabling
} from './accounts.js'
import type { InspectorEnableRecord } from './accounts.js'
import { applyStringFilters } from './filters.js'
import { getConfiguration, updateConfiguration } from './inspector-configuration.js'
import type { Extractors } from './filters.js'
import { lambdaCoverage, lambdaFindings } from './lambda.js'
import { paginate } from './paging.js'
import { handleInspectorOrganization, INSPECTOR_ORGANIZATION_ROUTES } from './organization-api.js'
import { MEMBER_FAILURE_MESSAGES, memberEnableFailure } from './organization.js'
import type { OrganizationMember } from './organization.js'
import type { InspectorResourceKind } from './scenario.js'
import { coveredResources, inspectorStatusOf, visibleInspectorFindings } from './state.js'
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

/** REST routes: path suffix → operation name (a path prefix in the endpoint URL is allowed). */
export const INSPECTOR_ROUTES: Record<string, string> = {
  '/coverage/list': 'ListCoverage',
  '/findings/list': 'ListFindings',
  '/status/batch/get': 'BatchGetAccountStatus',
  '/enable': 'Enable',
  '/configuration/get': 'GetConfiguration',
  '/configuration/update': 'UpdateConfiguration',
  ...INSPECTOR_ORGANIZATION_ROUTES
}

export function inspectorOperationFor(method: string, path: string): string | undefined {
  if (method !== 'POST') return undefined
  const route = Object.keys(INSPECTOR_ROUTES).find(
    (suffix) => path === suffix || path.endsWith(suffix)
  )
  return route === undefined ? undefined : INSPECTOR_ROUTES[route]
}

type Input = Record<string, unknown>

export function handleInspector(
  state: FakeState,
  operation: string,
  input: Input,
  /** The calling account (organization.ts); the scenario's own by default. */
  caller: string = state.catalog.account
): unknown {
  const now = state.clock.scenarioSeconds()
  const organization = handleInspectorOrganization(state, operation, input, caller)
  if (organization !== undefined) return organization
  switch (operation) {
    case 'ListCoverage':
      return listCoverage(state, input, now)
    case 'ListFindings':
      return listFindings(state, input, now)
    case 'BatchGetAccountStatus':
      return batchGetAccountStatus(state, input, caller)
    case 'Enable':
      return enable(state, input, now, caller)
    case 'GetConfiguration':
      return getConfiguration(state, input)
    case 'UpdateConfiguration':
      return updateConfiguration(state, input)
    default:
      throw new FakeAwsError(
        'UnknownOperationException',
        404,
        `fake-aws: Inspector2 ${operation} is not implemented`
      )
  }
}

const COVERAGE_FILTERS: Extractors<CoveredResource> = {
  resourceId: (r) => [r.resourceId],
  resourceType: (r) => [r.resourceType],
  scanType: (r) => [r.scanType],
  accountId: (r) => [r.accountId],
  scanStatusCode: (r) => [r.scanStatus?.statusCode],
  scanStatusReason: (r) => [r.scanStatus?.reason],
  ecrRepositoryName: (r) => [r.resourceMetadata?.ecrRepository?.name],
  ecrImageTags: (r) => r.resourceMetadata?.ecrImage?.tags ?? [],
  lambdaFunctionName: (r) => [r.resourceMetadata?.lambdaFunction?.functionName],
  lambdaFunctionRuntime: (r) => [r.resourceMetadata?.lambdaFunction?.runtime]
}

function listCoverage(state: FakeState, input: Input, now: number): ListCoverageResponse {
  // Coverage string filters do not support PREFIX (CoverageStringComparison is EQUALS | NOT_EQUALS).
  const rows = applyStringFilters(
    [...coveredResources(state, now), ...lambdaCoverage(state, now)],
    input.filterCriteria,
    COVERAGE_FILTERS,
    ['EQUALS', 'NOT_EQUALS']
  )
  const page = paginate(rows, {
    nextToken: input.nextToken,
    maxResults: input.maxResults,
    query: input.filterCriteria,
    defaultPageSize: 50,
    minPageSize: 1,
    maxPageSize: 200,
    errorCode: 'ValidationException'
  })
  const out: ListCoverageResponse = { coveredResources: page.items }
  if (page.nextToken !== undefined) out.nextToken = page.nextToken
  return out
}

const ecrImage = (f: Finding) => f.resources?.[0]?.details?.awsEcrContainerImage
const lambdaFunction = (f: Finding) => f.resources?.[0]?.details?.awsLambdaFunction

const FINDING_FILTERS: Extractors<Finding> = {
  ecrImageHash: (f) => [ecrImage(f)?.imageHash],
  ecrImageRepositoryName: (f) => [ecrImage(f)?.repositoryName],
  ecrImageRegistry: (f) => [ecrImage(f)?.registry],
  ecrImageTags: (f) => ecrImage(f)?.imageTags ?? [],
  ecrImageArchitecture: (f) => [ecrImage(f)?.architecture],
  findingStatus: (f) => [f.status],
  findingType: (f) => [f.type],
  findingArn: (f) => [f.findingArn],
  resourceType: (f) => (f.resources ?? []).map((r) => r.type),
  resourceId: (f) => (f.resources ?? []).map((r) => r.id),
  severity: (f) => [f.severity],
  awsAccountId: (f) => [f.awsAccountId],
  title: (f) => [f.title],
  vulnerabilityId: (f) => [f.packageVulnerabilityDetails?.vulnerabilityId],
  vulnerabilitySource: (f) => [f.packageVulnerabilityDetails?.source],
  fixAvailable: (f) => [f.fixAvailable],
  exploitAvailable: (f) => [f.exploitAvailable],
  lambdaFunctionName: (f) => [lambdaFunction(f)?.functionName],
  lambdaFunctionRuntime: (f) => [lambdaFunction(f)?.runtime],
  lambdaFunctionExecutionRoleArn: (f) => [lambdaFunction(f)?.executionRoleArn],
  lambdaFunctionLayers: (f) => lambdaFunction(f)?.layers ?? [],
  codeVulnerabilityDetectorName: (f) => [f.codeVulnerabilityDetails?.detectorName],
  codeVulnerabilityDetectorTags: (f) => f.codeVulnerabilityDetails?.detectorTags ?? [],
  codeVulnerabilityFilePath: (f) => [f.codeVulnerabilityDetails?.filePath?.filePath]
}

const SEVERITY_RANK: Record<string, number> = {
  UNTRIAGED: 0,
  INFORMATIONAL: 1,
  LOW: 2,
  MEDIUM: 3,
  HIGH: 4,
  CRITICAL: 5
}

const SORT_KEYS: Record<string, (f: Finding) => number | string> = {
  SEVERITY: (f) => SEVERITY_RANK[f.severity ?? ''] ?? 0,
  INSPECTOR_SCORE: (f) => f.inspectorScore ?? 0,
  EPSS_SCORE: (f) => f.epss?.score ?? 0,
  FIRST_OBSERVED_AT: (f) => f.firstObservedAt?.getTime() ?? 0,
  LAST_OBSERVED_AT: (f) => f.lastObservedAt?.getTime() ?? 0,
  VULNERABILITY_ID: (f) => f.packageVulnerabilityDetails?.vulnerabilityId ?? ''
}

/** Image and function findings in one stable order: by when they appeared, then by ARN. */
function allVisibleFindings(state: FakeState, now: number): Finding[] {
  const lambda = lambdaFindings(state, now)
  if (lambda.length === 0) return visibleInspectorFindings(state, now)
  const observed = (f: Finding) => f.firstObservedAt?.getTime() ?? 0
  return [...visibleInspectorFindings(state, now), ...lambda.map((l) => l.finding)].sort(
    (a, b) => observed(a) - observed(b) || (a.findingArn ?? '').localeCompare(b.findingArn ?? '')
  )
}

function listFindings(state: FakeState, input: Input, now: number): ListFindingsResponse {
  const filtered = applyStringFilters(
    allVisibleFindings(state, now),
    input.filterCriteria,
    FINDING_FILTERS,
    ['EQUALS', 'NOT_EQUALS', 'PREFIX']
  )
  const sorted = sortFindings(filtered, input.sortCriteria)
  const page = paginate(sorted, {
    nextToken: input.nextToken,
    maxResults: input.maxResults,
    query: { filterCriteria: input.filterCriteria, sortCriteria: input.sortCriteria },
    defaultPageSize: 25,
    minPageSize: 1,
    maxPageSize: 100,
    // The model's FindingList holds at most 25 findings, though maxResults may ask for 100.
    maxItemsPerPage: 25,
    errorCode: 'ValidationException'
  })
  const out: ListFindingsResponse = { findings: page.items }
  if (page.nextToken !== undefined) out.nextToken = page.nextToken
  return out
}

function sortFindings(findings: Finding[], sortCriteria: unknown): Finding[] {
  if (sortCriteria === undefined || sortCriteria === null) return findings
  const { field, sortOrder } = sortCriteria as { field?: unknown; sortOrder?: unknown }
  const key = SORT_KEYS[String(field)]
  if (key === undefined) {
    throw new FakeAwsError(
      'ValidationException',
      400,
      `fake-aws does not implement sorting by '${String(field)}'`
    )
  }
  const direction = sortOrder === 'DESC' ? -1 : 1
  // Array.prototype.sort is stable, so ties keep the default (arrival) order.
  return [...findings].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * direction
  })
}

/**
 * The model (and the API reference) make `errorCode` and `errorMessage` required members of every
 * State, so the fake always sends them, with the code that names the state.
 */
const STATE_CODES: Record<string, { errorCode: State['errorCode']; errorMessage: string }> = {
  ENABLED: { errorCode: 'ALREADY_ENABLED', errorMessage: 'Amazon Inspector is enabled.' },
  ENABLING: { errorCode: 'ENABLE_IN_PROGRESS', errorMessage: 'Amazon Inspector is being enabled.' },
  DISABLING: {
    errorCode: 'DISABLE_IN_PROGRESS',
    errorMessage: 'Amazon Inspector is being disabled.'
  },
  SUSPENDING: {
    errorCode: 'SUSPEND_IN_PROGRESS',
    errorMessage: 'Amazon Inspector is being suspended.'
  },
  DISABLED: { errorCode: 'RESOURCE_NOT_FOUND', errorMessage: 'Amazon Inspector is not enabled.' },
  SUSPENDED: { errorCode: 'RESOURCE_NOT_FOUND', errorMessage: 'Amazon Inspector is suspended.' }
}

function healthy(status: State['status']): State {
  const codes = STATE_CODES[status ?? 'DISABLED'] ?? STATE_CODES['DISABLED']
  return { status, ...codes } as State
}

function resourceStatusNow(state: FakeState): Record<InspectorResourceKind, Status> {
  return {
    ec2: inspectorStatusOf(state, 'ec2'),
    ecr: inspectorStatusOf(state, 'ecr'),
    lambda: inspectorStatusOf(state, 'lambda'),
    lambdaCode: inspectorStatusOf(state, 'lambdaCode'),
    codeRepository: inspectorStatusOf(state, 'codeRepository')
  }
}

function otherAccountFailure(accountId: string): FailedAccount {
  return {
    accountId,
    errorCode: 'ACCESS_DENIED',
    errorMessage: 'The account is not a member of this organization.'
  }
}

/**
 * Each poll reports ENABLING types as such and then uses up one of their `enablingPolls`, so
 * `enablingPolls: 3` reads ENABLING, ENABLING, ENABLING, ENABLED.
 */
function batchGetAccountStatus(
  state: FakeState,
  input: Input,
  caller: string
): BatchGetAccountStatusResponse {
  const requested = Array.isArray(input.accountIds)
    ? input.accountIds.map(String)
    : [state.catalog.account]
  const own = requested.filter((id) => id === state.catalog.account)
  const members = adminMembers(state, caller, requested)
  const others = requested.filter((id) => id !== state.catalog.account && !members.has(id))
  const statuses = resourceStatusNow(state)
  const resourceState: AccountState['resourceState'] = {
    ec2: healthy(statuses.ec2),
    ecr: healthy(statuses.ecr),
    lambda: healthy(statuses.lambda),
    lambdaCode: healthy(statuses.lambdaCode),
    codeRepository: healthy(statuses.codeRepository)
  }
  const accounts: AccountState[] = own.map((accountId) => ({
    accountId,
    state: healthy(accountStatus(Object.values(statuses))),
    resourceState
  }))
  if (own.length > 0) consumeStatusPoll(state.inspector)
  for (const [accountId, member] of members)
    accounts.push(memberAccountState(state, accountId, member))
  return { accounts, failedAccounts: others.map(otherAccountFailure) }
}

/** The requested accounts that are members under `caller`, when it is the delegated administrator. */
function adminMembers(
  state: FakeState,
  caller: string,
  requested: readonly string[]
): Map<string, OrganizationMember> {
  const found = new Map<string, OrganizationMember>()
  const org = state.organization
  if (org === undefined || state.scenario.organization?.delegatedAdmin !== caller) return found
  for (const id of requested) {
    const member = org.members.get(id)
    if (member !== undefined) found.set(id, member)
  }
  return found
}

function memberStatuses(
  state: FakeState,
  member: OrganizationMember
): Record<InspectorResourceKind, Status> {
  const now = state.clock.scenarioSeconds()
  return {
    ec2: resourceStatus(member.inspector, 'ec2', now),
    ecr: resourceStatus(member.inspector, 'ecr', now),
    lambda: resourceStatus(member.inspector, 'lambda', now),
    lambdaCode: resourceStatus(member.inspector, 'lambdaCode', now),
    codeRepository: resourceStatus(member.inspector, 'codeRepository', now)
  }
}

function memberAccountState(
  state: FakeState,
  accountId: string,
  member: OrganizationMember
): AccountState {
  const statuses = memberStatuses(state, member)
  return {
    accountId,
    state: healthy(accountStatus(Object.values(statuses))),
    resourceState: {
      ec2: healthy(statuses.ec2),
      ecr: healthy(statuses.ecr),
      lambda: healthy(statuses.lambda),
      lambdaCode: healthy(statuses.lambdaCode),
      codeRepository: healthy(statuses.codeRepository)
    }
  }
}

/** Enable for one member: its scripted or relationship failure, or each type started. */
function enableMember(
  state: FakeState,
  accountId: string,
  member: OrganizationMember,
  kinds: readonly InspectorResourceKind[],
  now: number
): { account?: Account; failed?: FailedAccount } {
  const failure = memberEnableFailure(member)
  if (failure !== undefined) {
    const statuses = memberStatuses(state, member)
    return {
      failed: {
        accountId,
        status: accountStatus(Object.values(statuses)),
        resourceStatus: statuses as ResourceStatus,
        errorCode: failure as FailedAccount['errorCode'],
        errorMessage: MEMBER_FAILURE_MESSAGES[failure] ?? FAILURE_MESSAGES[failure] ?? failure
      }
    }
  }
  for (const kind of kinds) {
    const current = resourceStatus(member.inspector, kind, now)
    if (current !== 'ENABLED' && current !== 'ENABLING')
      startEnabling(member.inspector, kind, now, undefined)
  }
  const statuses = memberStatuses(state, member)
  return {
    account: {
      accountId,
      status: accountStatus(Object.values(statuses)),
      resourceStatus: statuses as ResourceStatus
    }
  }
}

const FAILURE_MESSAGES: Record<string, string> = {
  ALREADY_ENABLED: 'Amazon Inspector is already enabled for the requested resource types.',
  ENABLE_IN_PROGRESS: 'Amazon Inspector is already being enabled for this account.',
  DISABLE_IN_PROGRESS: 'Amazon Inspector is being disabled for this account; try again later.',
  SSM_THROTTLED: 'AWS Systems Manager throttled the request; try again later.',
  SSM_UNAVAILABLE: 'AWS Systems Manager is unavailable; try again later.',
  EVENTBRIDGE_THROTTLED: 'Amazon EventBridge throttled the request; try again later.',
  ACCESS_DENIED: 'Access denied: the caller cannot enable Amazon Inspector for this account.',
  INTERNAL_ERROR: 'An internal error occurred; try again later.'
}

function enableValidation(message: string): FakeAwsError {
  return new FakeAwsError(
    'ValidationException',
    400,
    message,
    {},
    { reason: 'FIELD_VALIDATION_FAILED' }
  )
}

/**
 * Enable: validates like the model (1–5 known resourceTypes, LAMBDA_CODE only with LAMBDA
 * enabled or requested), replays a repeated clientToken, answers scripted failures for the first
 * calls, and otherwise starts enabling each requested type that is not ENABLED/ENABLING yet.
 */
function enable(state: FakeState, input: Input, now: number, caller: string): EnableResponse {
  const types = Array.isArray(input.resourceTypes) ? input.resourceTypes.map(String) : []
  const accountIds = Array.isArray(input.accountIds) ? input.accountIds.map(String) : undefined
  const clientToken = typeof input.clientToken === 'string' ? input.clientToken : undefined
  const record: InspectorEnableRecord = {
    atScenarioSeconds: now,
    resourceTypes: types,
    outcome: 'enabled'
  }
  if (accountIds !== undefined) record.accountIds = accountIds
  if (clientToken !== undefined) record.clientToken = clientToken
  state.inspectorEnables.push(record)

  const reject = (message: string): FakeAwsError => {
    record.outcome = 'rejected'
    record.errorCode = 'ValidationException'
    return enableValidation(message)
  }
  if (types.length < 1 || types.length > 5) {
    throw reject('1 validation error detected: resourceTypes must hold 1 to 5 resource types')
  }
  const unknown = types.find((type) => RESOURCE_TYPE_KINDS[type] === undefined)
  if (unknown !== undefined) {
    throw reject(
      `Value '${unknown}' at 'resourceTypes' failed to satisfy constraint: Member must satisfy enum value set: [EC2, ECR, LAMBDA, LAMBDA_CODE, CODE_REPOSITORY]`
    )
  }
  const kinds = [
    ...new Set(types.map((type) => RESOURCE_TYPE_KINDS[type] as InspectorResourceKind))
  ]
  const lambdaNow = inspectorStatusOf(state, 'lambda')
  if (
    kinds.includes('lambdaCode') &&
    !kinds.includes('lambda') &&
    lambdaNow !== 'ENABLED' &&
    lambdaNow !== 'ENABLING'
  ) {
    throw reject(
      'Lambda code scanning (LAMBDA_CODE) requires Lambda standard scanning (LAMBDA) to be enabled; enable LAMBDA first or in the same request.'
    )
  }
  if (clientToken !== undefined) {
    const previous = state.inspector.responsesByToken.get(clientToken)
    if (previous !== undefined) {
      record.outcome = 'replayed'
      return previous as EnableResponse
    }
  }

  const own = (accountIds ?? [state.catalog.account]).includes(state.catalog.account)
  const members = adminMembers(state, caller, accountIds ?? [])
  const others = (accountIds ?? []).filter((id) => id !== state.catalog.account && !members.has(id))
  const failedAccounts: FailedAccount[] = others.map(otherAccountFailure)
  const accounts: Account[] = []
  for (const [accountId, member] of members) {
    const result = enableMember(state, accountId, member, kinds, now)
    if (result.account !== undefined) accounts.push(result.account)
    if (result.failed !== undefined) failedAccounts.push(result.failed)
  }
  if (own) {
    const failure = state.scenario.inspectorEnable?.failures?.[state.inspector.validEnableCalls]
    state.inspector.validEnableCalls += 1
    if (failure !== undefined) {
      record.outcome = 'failed'
      record.errorCode = failure.errorCode
      const statuses = resourceStatusNow(state)
      failedAccounts.unshift({
        accountId: state.catalog.account,
        status: accountStatus(Object.values(statuses)),
        resourceStatus: statuses as ResourceStatus,
        errorCode: failure.errorCode,
        errorMessage:
          failure.errorMessage ?? FAILURE_MESSAGES[failure.errorCode] ?? failure.errorCode
      })
    } else {
      for (const kind of kinds) {
        const current = inspectorStatusOf(state, kind)
        if (current !== 'ENABLED' && current !== 'ENABLING') {
          startEnabling(state.inspector, kind, now, state.scenario.inspectorEnable)
        }
      }
      const statuses = resourceStatusNow(state)
      accounts.push({
        accountId: state.catalog.account,
        status: accountStatus(Object.values(statuses)),
        resourceStatus: statuses as ResourceStatus
      })
    }
  } else if (accounts.length === 0) {
    record.outcome = 'failed'
    record.errorCode = failedAccounts[0]?.errorCode ?? 'ACCESS_DENIED'
  }
  const response: EnableResponse = { accounts, failedAccounts }
  if (clientToken !== undefined) state.inspector.responsesByToken.set(clientToken, response)
  return response
}
