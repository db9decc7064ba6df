/**
 * Security Hub CSPM (REST-JSON, API 2018-10-26): DescribeHub, EnableSecurityHub,
 * DisableSecurityHub, ListEnabledProductsForImport, EnableImportFindingsForProduct,
 * DisableImportFindingsForProduct; the standards and insights operations live in
 * securityhub-baseline-api.ts, GetFindings (`POST /findings`) in securityhub-findings-api.ts,
 * GetInsightResults (`GET /insights/results/{InsightArn+}`) in securityhub-insight-results.ts. Wire facts (from @aws-sdk/client-securityhub's schema):
 * DescribeHub is `GET /accounts?HubArn=`, EnableSecurityHub `POST /accounts`, DisableSecurityHub
 * `DELETE /accounts`, ListEnabledProductsForImport `GET /productSubscriptions?MaxResults&NextToken`,
 * EnableImportFindingsForProduct `POST /productSubscriptions`, DisableImportFindingsForProduct
 * `DELETE /productSubscriptions/{ProductSubscriptionArn+}`; `SubscribedAt` is an ISO string;
 * errors are `{Code, Message}` with the type in `x-amzn-errortype`.
 */
import type {
  DescribeHubResponse,
  EnableImportFindingsForProductResponse,
  ListEnabledProductsForImportResponse
} from '@aws-sdk/client-securityhub'
import { DEFAULT_SECURITY_HUB_PRODUCTS, defaultProducts } from './accounts.js'
import { paginate } from './paging.js'
import { handleSecurityHubOrganization, securityHubOrganizationRoute } from './organization-api.js'
import {
  batchEnableStandards,
  createInsight,
  deleteInsight,
  describeStandards,
  enableDefaultStandards,
  getEnabledStandards,
  getInsights,
  requireHub,
  updateInsight
} from './securityhub-baseline-api.js'
import { getFindings } from './securityhub-findings-api.js'
import type { SecurityHubContext } from './securityhub-findings-api.js'
import { getInsightResults } from './securityhub-insight-results.js'
import { DEFAULT_STANDARDS } from './standards.js'
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

type Input = Record<string, unknown>

/** The operation and its query/path members, or undefined for a route the fake does not serve. */
export function securityHubOperationFor(
  method: string,
  path: string,
  query: URLSearchParams
): { operation: string; input: Input } | undefined {
  const fromQuery = (names: string[]): Input => {
    const input: Input = {}
    for (const name of names) {
      const value = query.get(name)
      if (value !== null) input[name] = name === 'MaxResults' ? Number(value) : value
    }
    return input
  }
  const organization = securityHubOrganizationRoute(method, path)
  if (organization !== undefined) {
    const input = fromQuery(['MaxResults', 'NextToken'])
    const only = query.get('OnlyAssociated')
    if (only !== null) input.OnlyAssociated = only === 'true'
    return { operation: organization, input }
  }
  if (path.endsWith('/accounts')) {
    if (method === 'GET') return { operation: 'DescribeHub', input: fromQuery(['HubArn']) }
    if (method === 'POST') return { operation: 'EnableSecurityHub', input: {} }
    if (method === 'DELETE') return { operation: 'DisableSecurityHub', input: {} }
  }
  if (path.endsWith('/productSubscriptions')) {
    if (method === 'GET') {
      return {
        operation: 'ListEnabledProductsForImport',
        input: fromQuery(['MaxResults', 'NextToken'])
      }
    }
    if (method === 'POST') return { operation: 'EnableImportFindingsForProduct', input: {} }
  }
  if (path.endsWith('/standards') && method === 'GET') {
    const input = fromQuery(['MaxResults', 'NextToken'])
    const providers = query.getAll('Providers')
    if (providers.length > 0) input.Providers = providers
    return { operation: 'DescribeStandards', input }
  }
  if (method === 'POST') {
    if (path.endsWith('/findings')) return { operation: 'GetFindings', input: {} }
    if (path.endsWith('/standards/get')) return { operation: 'GetEnabledStandards', input: {} }
    if (path.endsWith('/standards/register')) {
      return { operation: 'BatchEnableStandards', input: {} }
    }
    if (path.endsWith('/insights')) return { operation: 'CreateInsight', input: {} }
    if (path.endsWith('/insights/get')) return { operation: 'GetInsights', input: {} }
  }
  const results = /\/insights\/results\/(.+)$/.exec(path)
  if (results !== null && method === 'GET') {
    return {
      operation: 'GetInsightResults',
      input: { InsightArn: decodeURIComponent(results[1] ?? '') }
    }
  }
  const insight = /\/insights\/(.+)$/.exec(path)
  if (insight !== null && (method === 'PATCH' || method === 'DELETE')) {
    return {
      operation: method === 'PATCH' ? 'UpdateInsight' : 'DeleteInsight',
      input: { InsightArn: decodeURIComponent(insight[1] ?? '') }
    }
  }
  const disable = /\/productSubscriptions\/(.+)$/.exec(path)
  if (method === 'DELETE' && disable !== null) {
    return {
      operation: 'DisableImportFindingsForProduct',
      input: { ProductSubscriptionArn: decodeURIComponent(disable[1] ?? '') }
    }
  }
  return undefined
}

export function handleSecurityHub(
  state: FakeState,
  operation: string,
  input: Input,
  context: SecurityHubContext = {}
): unknown {
  const organization = handleSecurityHubOrganization(
    state,
    operation,
    input,
    context.caller ?? state.catalog.account,
    context.signingRegion ?? state.catalog.region
  )
  if (organization !== undefined) return organization
  switch (operation) {
    case 'DescribeHub':
      return describeHub(state, input)
    case 'EnableSecurityHub':
      return enableSecurityHub(state, input)
    case 'DisableSecurityHub':
      requireHub(state)
      state.securityHub.enabled = false
      state.securityHub.products = []
      state.securityHub.standards = []
      return {}
    case 'ListEnabledProductsForImport':
      return listEnabledProductsForImport(state, input)
    case 'EnableImportFindingsForProduct':
      return enableImportFindingsForProduct(state, input)
    case 'DisableImportFindingsForProduct':
      return disableImportFindingsForProduct(state, input)
    case 'DescribeStandards':
      return describeStandards(state, input)
    case 'GetEnabledStandards':
      return getEnabledStandards(state, input)
    case 'BatchEnableStandards':
      return batchEnableStandards(state, input)
    case 'CreateInsight':
      return createInsight(state, input)
    case 'GetInsights':
      return getInsights(state, input)
    case 'UpdateInsight':
      return updateInsight(state, input)
    case 'DeleteInsight':
      return deleteInsight(state, input)
    case 'GetInsightResults':
      return getInsightResults(state, input)
    case 'GetFindings':
      return getFindings(state, input, context)
    default:
      throw new FakeAwsError(
        'UnknownOperationException',
        404,
        `fake-aws: Security Hub ${operation} is not implemented`
      )
  }
}

export function hubArn(state: FakeState): string {
  return `arn:aws:securityhub:${state.catalog.region}:${state.catalog.account}:hub/default`
}

/** Inspector's product ARN: `arn:aws:securityhub:<region>::product/aws/inspector`. */
export function productArn(state: FakeState, product: string): string {
  return `arn:aws:securityhub:${state.catalog.region}::product/${product}`
}

export function productSubscriptionArn(state: FakeState, product: string): string {
  return `arn:aws:securityhub:${state.catalog.region}:${state.catalog.account}:product-subscription/${product}`
}

function describeHub(state: FakeState, input: Input): DescribeHubResponse {
  requireHub(state)
  if (typeof input.HubArn === 'string' && input.HubArn !== hubArn(state)) {
    throw new FakeAwsError(
      'ResourceNotFoundException',
      404,
      `Hub ${input.HubArn} does not exist in account ${state.catalog.account}`
    )
  }
  return {
    HubArn: hubArn(state),
    SubscribedAt: state.clock.dateAt(state.securityHub.subscribedAtSeconds).toISOString(),
    AutoEnableControls: true,
    ControlFindingGenerator: state.securityHub
      .controlFindingGenerator as DescribeHubResponse['ControlFindingGenerator']
  }
}

function enableSecurityHub(state: FakeState, input: Input): Record<string, never> {
  if (state.securityHub.enabled) {
    throw new FakeAwsError(
      'ResourceConflictException',
      409,
      'Account is already subscribed to Security Hub'
    )
  }
  const generator = input.ControlFindingGenerator
  if (
    generator !== undefined &&
    generator !== 'SECURITY_CONTROL' &&
    generator !== 'STANDARD_CONTROL'
  ) {
    throw new FakeAwsError(
      'InvalidInputException',
      400,
      `Invalid ControlFindingGenerator '${String(generator)}'`
    )
  }
  const spec = state.scenario.securityHub ?? {}
  state.securityHub.enabled = true
  state.securityHub.subscribedAtSeconds = state.clock.scenarioSeconds()
  state.securityHub.controlFindingGenerator =
    typeof generator === 'string' ? generator : 'SECURITY_CONTROL'
  state.securityHub.enabledDefaultStandards = input.EnableDefaultStandards !== false
  // AWS turns on FSBP and CIS v1.2.0 unless asked not to; they play out like BatchEnableStandards.
  if (state.securityHub.enabledDefaultStandards) enableDefaultStandards(state, DEFAULT_STANDARDS)
  state.securityHub.products =
    (spec.enableSubscribesIntegrations ?? true)
      ? defaultProducts(spec.otherProducts ?? DEFAULT_SECURITY_HUB_PRODUCTS, true)
      : []
  return {}
}

function listEnabledProductsForImport(
  state: FakeState,
  input: Input
): ListEnabledProductsForImportResponse {
  requireHub(state)
  const page = paginate(
    state.securityHub.products.map((product) => productSubscriptionArn(state, product)),
    {
      nextToken: input.NextToken,
      maxResults: input.MaxResults,
      query: 'productSubscriptions',
      defaultPageSize: 100,
      minPageSize: 1,
      maxPageSize: 100,
      errorCode: 'InvalidInputException'
    }
  )
  const out: ListEnabledProductsForImportResponse = { ProductSubscriptions: page.items }
  if (page.nextToken !== undefined) out.NextToken = page.nextToken
  return out
}

function enableImportFindingsForProduct(
  state: FakeState,
  input: Input
): EnableImportFindingsForProductResponse {
  requireHub(state)
  const arn = typeof input.ProductArn === 'string' ? input.ProductArn : ''
  const match = /^arn:aws:securityhub:([a-z0-9-]+):(\d{12})?:product\/([^/]+)\/([^/]+)$/.exec(arn)
  if (match === null || match[1] !== state.catalog.region) {
    throw new FakeAwsError('InvalidInputException', 400, `Invalid ProductArn: '${arn}'`)
  }
  const product = `${match[3] ?? ''}/${match[4] ?? ''}`
  if (state.securityHub.products.includes(product)) {
    throw new FakeAwsError(
      'ResourceConflictException',
      409,
      `The product ${arn} is already subscribed to import findings into Security Hub`
    )
  }
  state.securityHub.products.push(product)
  return { ProductSubscriptionArn: productSubscriptionArn(state, product) }
}

function disableImportFindingsForProduct(state: FakeState, input: Input): Record<string, never> {
  requireHub(state)
  const arn = String(input.ProductSubscriptionArn ?? '')
  const index = state.securityHub.products.findIndex(
    (product) => productSubscriptionArn(state, product) === arn
  )
  if (index < 0) {
    throw new FakeAwsError(
      'ResourceNotFoundException',
      404,
      `Product subscription ${arn} not found`
    )
  }
  state.securityHub.products.splice(index, 1)
  return {}
}
