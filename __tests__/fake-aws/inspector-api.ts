/** Inspector2 (REST-JSON) operations: ListCoverage, ListFindings, BatchGetAccountStatus. */
import type {
  AccountState,
  BatchGetAccountStatusResponse,
  CoveredResource,
  Finding,
  ListCoverageResponse,
  ListFindingsResponse,
  State
} from '@aws-sdk/client-inspector2'
import { applyStringFilters } from './filters.js'
import type { Extractors } from './filters.js'
import { paginate } from './paging.js'
import type { InspectorResourceKind } from './scenario.js'
import { coveredResources, inspectorStatusOf, visibleInspectorFindings } from './state.js'
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

/** REST routes: path suffix → operation name (a path prefix in the endpoint URL is allowed). */
export const INSPECTOR_ROUTES: Record<string, string> = {
  '/coverage/list': 'ListCoverage',
  '/findings/list': 'ListFindings',
  '/status/batch/get': 'BatchGetAccountStatus'
}

export function inspectorOperationFor(method: string, path: string): string | undefined {
  if (method !== 'POST') return undefined
  const route = Object.keys(INSPECTOR_ROUTES).find(
    (suffix) => path === suffix || path.endsWith(suffix)
  )
  return route === undefined ? undefined : INSPECTOR_ROUTES[route]
}

type Input = Record<string, unknown>

export function handleInspector(state: FakeState, operation: string, input: Input): unknown {
  const now = state.clock.scenarioSeconds()
  switch (operation) {
    case 'ListCoverage':
      return listCoverage(state, input, now)
    case 'ListFindings':
      return listFindings(state, input, now)
    case 'BatchGetAccountStatus':
      return batchGetAccountStatus(state, input)
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
  ecrImageTags: (r) => r.resourceMetadata?.ecrImage?.tags ?? []
}

function listCoverage(state: FakeState, input: Input, now: number): ListCoverageResponse {
  // Coverage string filters do not support PREFIX (CoverageStringComparison is EQUALS | NOT_EQUALS).
  const rows = applyStringFilters(
    coveredResources(state, now),
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
  exploitAvailable: (f) => [f.exploitAvailable]
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

function listFindings(state: FakeState, input: Input, now: number): ListFindingsResponse {
  const filtered = applyStringFilters(
    visibleInspectorFindings(state, now),
    input.filterCriteria,
    FINDING_FILTERS,
    ['EQUALS', 'NOT_EQUALS', 'PREFIX']
  )
  const sorted = sortFindings(filtered, input.sortCriteria)
  const page = paginate(sorted, {
    nextToken: input.nextToken,
    maxResults: input.maxResults,
    query: { filterCriteria: input.filterCriteria, sortCriteria: input.sortCriteria },
    defaultPageSize: 50,
    minPageSize: 1,
    maxPageSize: 100,
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
 * The model marks State.errorCode/errorMessage required, but an account without problems comes
 * back with just a status; the cast keeps the wire shape honest.
 */
function healthy(status: State['status']): State {
  return { status } as State
}

const RESOURCE_KINDS: InspectorResourceKind[] = [
  'ec2',
  'ecr',
  'lambda',
  'lambdaCode',
  'codeRepository'
]

function batchGetAccountStatus(state: FakeState, input: Input): BatchGetAccountStatusResponse {
  const requested = Array.isArray(input.accountIds)
    ? input.accountIds.map(String)
    : [state.catalog.account]
  const own = requested.filter((id) => id === state.catalog.account)
  const others = requested.filter((id) => id !== state.catalog.account)
  const stateOf = (kind: InspectorResourceKind): State => healthy(inspectorStatusOf(state, kind))
  const resourceState: AccountState['resourceState'] = {
    ec2: stateOf('ec2'),
    ecr: stateOf('ecr'),
    lambda: stateOf('lambda'),
    lambdaCode: stateOf('lambdaCode'),
    codeRepository: stateOf('codeRepository')
  }
  const anyEnabled = RESOURCE_KINDS.some((kind) => inspectorStatusOf(state, kind) === 'ENABLED')
  const accounts: AccountState[] = own.map((accountId) => ({
    accountId,
    state: healthy(anyEnabled ? 'ENABLED' : 'DISABLED'),
    resourceState
  }))
  return {
    accounts,
    failedAccounts: others.map((accountId) => ({
      accountId,
      errorCode: 'ACCESS_DENIED',
      errorMessage: 'The account is not a member of this organization.'
    }))
  }
}
