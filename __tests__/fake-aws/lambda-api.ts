/**
 * Lambda (REST-JSON, API 2015-03-31) operations: GetFunctionConfiguration and
 * ListVersionsByFunction (`GET /2015-03-31/functions/{FunctionName}/versions`, one page: `$LATEST`
 * and every deployment a scenario marks `publishedVersion`).
 * Wire facts (from @aws-sdk/client-lambda's schema): `GET /2015-03-31/functions/{FunctionName}/configuration`
 * with an optional `Qualifier` query; `LastModified` is a *string* such as
 * `2026-11-22T10:00:00.000+0000` (not a timestamp member); errors carry `{Type, Message}`.
 */
import { createHash } from 'node:crypto'
import type { FunctionConfiguration } from '@aws-sdk/client-lambda'
import { currentDeployment, executionRole, functionArn } from './lambda.js'
import type { LambdaDeploymentSpec, LambdaFunctionSpec } from './scenario.js'
import type { FakeState } from './state.js'
import { currentStep } from './timeline.js'
import { FakeAwsError } from './wire.js'

const CONFIGURATION_ROUTE = /\/2015-03-31\/functions\/([^/]+)\/configuration$/
const VERSIONS_ROUTE = /\/2015-03-31\/functions\/([^/]+)\/versions$/

/** The operation and its path parameters, or undefined for a route the fake does not serve. */
export function lambdaOperationFor(
  method: string,
  path: string,
  query: URLSearchParams
): { operation: string; input: Record<string, unknown> } | undefined {
  const versions = VERSIONS_ROUTE.exec(path)
  if (method === 'GET' && versions !== null) {
    return {
      operation: 'ListVersionsByFunction',
      input: { FunctionName: decodeURIComponent(versions[1] ?? '') }
    }
  }
  const match = CONFIGURATION_ROUTE.exec(path)
  if (method !== 'GET' || match === null) return undefined
  const input: Record<string, unknown> = { FunctionName: decodeURIComponent(match[1] ?? '') }
  const qualifier = query.get('Qualifier')
  if (qualifier !== null) input.Qualifier = qualifier
  return { operation: 'GetFunctionConfiguration', input }
}

export function handleLambda(
  state: FakeState,
  operation: string,
  input: Record<string, unknown>
): unknown {
  if (operation === 'ListVersionsByFunction') {
    return listVersionsByFunction(state, input, state.clock.scenarioSeconds())
  }
  if (operation !== 'GetFunctionConfiguration') {
    throw new FakeAwsError(
      'UnknownOperationException',
      404,
      `fake-aws: Lambda ${operation} is not implemented`
    )
  }
  return getFunctionConfiguration(state, input, state.clock.scenarioSeconds())
}

interface FunctionRef {
  name: string
  qualifier?: string
  region?: string
  account?: string
}

/** Name, `name:qualifier`, `account:function:name[:q]` or the full ARN (with a qualifier). */
export function parseFunctionName(raw: string): FunctionRef | undefined {
  const arn =
    /^arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\d+):(\d{12}):function:([a-zA-Z0-9_-]+)(?::(\$LATEST|[a-zA-Z0-9_-]+))?$/.exec(
      raw
    )
  const partial = /^(\d{12}):function:([a-zA-Z0-9_-]+)(?::(\$LATEST|[a-zA-Z0-9_-]+))?$/.exec(raw)
  const bare = /^([a-zA-Z0-9_-]{1,64})(?::(\$LATEST|[a-zA-Z0-9_-]+))?$/.exec(raw)
  const withQualifier = (ref: FunctionRef, qualifier: string | undefined): FunctionRef =>
    qualifier === undefined ? ref : { ...ref, qualifier }
  if (arn !== null) {
    return withQualifier(
      { region: arn[1] ?? '', account: arn[2] ?? '', name: arn[3] ?? '' },
      arn[4]
    )
  }
  if (partial !== null) {
    return withQualifier({ account: partial[1] ?? '', name: partial[2] ?? '' }, partial[3])
  }
  if (bare !== null) return withQualifier({ name: bare[1] ?? '' }, bare[2])
  return undefined
}

/** `2026-11-22T10:00:00.000+0000`: Lambda's LastModified format. */
export function lambdaTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, '+0000')
}

function getFunctionConfiguration(
  state: FakeState,
  input: Record<string, unknown>,
  now: number
): FunctionConfiguration {
  const raw = typeof input.FunctionName === 'string' ? input.FunctionName : ''
  const ref = parseFunctionName(raw)
  if (ref === undefined) {
    throw new FakeAwsError(
      'ValidationException',
      400,
      `1 validation error detected: Value '${raw}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`
    )
  }
  const explicit = typeof input.Qualifier === 'string' ? input.Qualifier : undefined
  if (explicit !== undefined && ref.qualifier !== undefined && explicit !== ref.qualifier) {
    throw new FakeAwsError(
      'InvalidParameterValueException',
      400,
      'The derived qualifier from the function name does not match the specified qualifier.'
    )
  }
  const qualifier = explicit ?? ref.qualifier
  const arn = functionArn(state, ref.name)
  const notFound = () =>
    new FakeAwsError(
      'ResourceNotFoundException',
      404,
      `Function not found: ${qualifier === undefined ? arn : `${arn}:${qualifier}`}`
    )
  if (
    (ref.region !== undefined && ref.region !== state.catalog.region) ||
    (ref.account !== undefined && ref.account !== state.catalog.account) ||
    (qualifier !== undefined && qualifier !== '$LATEST')
  ) {
    // Published versions and aliases are not modelled: only $LATEST exists.
    throw notFound()
  }
  const fn = state.functions.get(ref.name)
  const deployment = fn === undefined ? undefined : currentDeployment(fn, now)
  if (fn === undefined || deployment === undefined) throw notFound()
  return configuration(state, fn, deployment, now, qualifier === undefined ? arn : `${arn}:$LATEST`)
}

/** `$LATEST` and the published versions (each frozen at its deployment), oldest first. */
function listVersionsByFunction(
  state: FakeState,
  input: Record<string, unknown>,
  now: number
): { Versions: FunctionConfiguration[] } {
  const latest = getFunctionConfiguration(state, { FunctionName: input.FunctionName }, now)
  const fn = state.functions.get(latest.FunctionName ?? '')
  const arn = functionArn(state, latest.FunctionName ?? '')
  const published = (fn?.deployments ?? [])
    .filter((d) => d.publishedVersion !== undefined && d.lastModifiedSeconds <= now)
    .map((d) => ({
      ...configuration(state, fn as LambdaFunctionSpec, d, now, `${arn}:${d.publishedVersion}`),
      Version: d.publishedVersion
    }))
  return { Versions: [{ ...latest, Version: '$LATEST' }, ...published] }
}

function configuration(
  state: FakeState,
  fn: LambdaFunctionSpec,
  deployment: LambdaDeploymentSpec,
  now: number,
  arn: string
): FunctionConfiguration {
  const update = currentStep(deployment.updateStatus, now)
  const lifecycle = currentStep(deployment.state, now)
  const image = fn.packageType === 'Image'
  const out: FunctionConfiguration = {
    FunctionName: fn.name,
    FunctionArn: arn,
    Role: executionRole(state, fn),
    CodeSize: deployment.codeSize ?? 4_823_117,
    Description: '',
    Timeout: fn.timeout ?? 30,
    MemorySize: fn.memorySize ?? 512,
    LastModified: lambdaTimestamp(state.clock.dateAt(deployment.lastModifiedSeconds)),
    CodeSha256: deployment.codeSha256,
    Version: '$LATEST',
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: revisionId(fn.name, deployment, update?.status ?? 'Successful'),
    State: lifecycle?.state ?? 'Active',
    // Before the first scripted step the update has only just started.
    LastUpdateStatus:
      update?.status ?? (deployment.updateStatus === undefined ? 'Successful' : 'InProgress'),
    PackageType: fn.packageType ?? 'Zip',
    Architectures: fn.architectures ?? ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` }
  }
  if (!image) {
    out.Runtime = fn.runtime as FunctionConfiguration['Runtime']
    out.Handler = fn.handler ?? defaultHandler(fn.runtime)
    out.RuntimeVersionConfig = {
      RuntimeVersionArn: `arn:aws:lambda:${state.catalog.region}::runtime:${createHash('sha256').update(fn.runtime).digest('hex')}`
    }
  }
  if (fn.layers !== undefined && fn.layers.length > 0) {
    out.Layers = fn.layers.map((layerArn) => ({ Arn: layerArn, CodeSize: 1_204_331 }))
  }
  if (fn.kmsKeyArn !== undefined) out.KMSKeyArn = fn.kmsKeyArn
  if (lifecycle?.reason !== undefined) out.StateReason = lifecycle.reason
  if (lifecycle?.reasonCode !== undefined) out.StateReasonCode = lifecycle.reasonCode
  if (update?.status === 'Failed') {
    out.LastUpdateStatusReason = update.reason ?? 'The function could not be updated.'
    out.LastUpdateStatusReasonCode = update.reasonCode ?? 'InternalError'
  } else {
    if (update?.reason !== undefined) out.LastUpdateStatusReason = update.reason
    if (update?.reasonCode !== undefined) out.LastUpdateStatusReasonCode = update.reasonCode
  }
  return out
}

function defaultHandler(runtime: string): string {
  if (runtime.startsWith('python')) return 'app.handler'
  if (runtime.startsWith('nodejs')) return 'index.handler'
  return 'bootstrap'
}

/** A stable UUID-shaped RevisionId that changes with the code and the update status. */
function revisionId(name: string, deployment: LambdaDeploymentSpec, status: string): string {
  const hex = createHash('sha256')
    .update([name, deployment.codeSha256, deployment.lastModifiedSeconds, status].join('|'))
    .digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
