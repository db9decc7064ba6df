import { randomUUID } from 'node:crypto'
import type { Inspector2Client } from '@aws-sdk/client-inspector2'
import type { SecurityHubClient } from '@aws-sdk/client-securityhub'
import { AwsCallError } from '../aws/errors.js'
import {
  enableFailureKind,
  enableInspector,
  type InspectorScanType
} from '../aws/inspector-activation.js'
import { getAccountStatus, type InspectorState } from '../aws/inspector.js'
import {
  describeHub,
  enableImportForProduct,
  enableSecurityHub,
  inspectorProductArn,
  isInspectorSubscription,
  listEnabledImportProducts
} from '../aws/securityhub.js'
import type { Clock } from '../runtime/clock.js'
import type { Logger } from '../gate/scan/deps.js'
import { poll, PollTimeoutError } from '../runtime/poll.js'
import { tolerateTransient } from '../gate/scan/waiting.js'

/** `check` verifies and fails with the fix, `enable` turns on what is missing, `off` does nothing. */
export type EnsureMode = 'check' | 'enable' | 'off'

export interface Needs {
  /** Only the setup mode asks for EC2 scanning; the gate never needs it. */
  ec2?: boolean
  ecr: boolean
  lambda: boolean
  /** Lambda code scanning runs on top of standard Lambda scanning, so it implies `lambda`. */
  lambdaCode: boolean
  securityHub: boolean
  /** Security Hub must be on to import anything, so this implies `securityHub`. */
  inspectorImport: boolean
}

/** Every piece lands in exactly one list: turned on by this run, found on, or not looked at. */
export interface EnsureReport {
  changes: string[]
  alreadyOk: string[]
  skipped: string[]
}

export interface ActivationTiming {
  /** Total time for enabling Inspector: Enable retries plus waiting for ENABLED. */
  budgetMs: number
  /** Spacing of BatchGetAccountStatus reads while waiting for ENABLED. */
  pollIntervalMs: number
  /** First and largest pause between Enable attempts that Inspector asked to retry later. */
  retryInitialMs: number
  retryMaxMs: number
}

/** Terraform's aws_inspector2_enabler waits 5 minutes, polling every 10 s; so do we. */
export const DEFAULT_ACTIVATION_TIMING: ActivationTiming = {
  budgetMs: 5 * 60_000,
  pollIntervalMs: 10_000,
  retryInitialMs: 5_000,
  retryMaxMs: 30_000
}

export interface EnsureContext {
  inspector: Inspector2Client
  securityHub: SecurityHubClient
  clock: Clock
  log: Logger
  accountId: string
  region: string
  /** Absolute clock time no wait may pass, e.g. the gate's own timeout. */
  deadline?: number | undefined
  timing?: Partial<ActivationTiming> | undefined
}

/** A prerequisite is off (or cannot be turned on); the message is one line that includes the fix. */
export class NotEnabledError extends Error {
  override name = 'NotEnabledError'
  constructor(
    message: string,
    /** Labels of the pieces that are not ready. */
    readonly missing: string[]
  ) {
    super(message)
  }
}

const SCAN_LABEL: Record<InspectorScanType, string> = {
  EC2: 'Amazon Inspector EC2 scanning',
  ECR: 'Amazon Inspector ECR scanning',
  LAMBDA: 'Amazon Inspector Lambda standard scanning',
  LAMBDA_CODE: 'Amazon Inspector Lambda code scanning'
}
const SECURITY_HUB = 'AWS Security Hub'
const INSPECTOR_IMPORT = 'Security Hub import of Amazon Inspector findings'
const ALL_PIECES = [...Object.values(SCAN_LABEL), SECURITY_HUB, INSPECTOR_IMPORT]

interface Plan {
  scanTypes: InspectorScanType[]
  securityHub: boolean
  inspectorImport: boolean
}

/**
 * Makes sure the services a run depends on are on in one account and region. Shared by the gate
 * (before waiting for scans that could otherwise never happen) and the setup mode.
 */
export async function ensureEnabled(
  mode: EnsureMode,
  needs: Needs,
  ctx: EnsureContext
): Promise<EnsureReport> {
  const plan = planFor(needs)
  const needed = neededLabels(plan)
  const report: EnsureReport = {
    changes: [],
    alreadyOk: [],
    skipped: ALL_PIECES.filter((label) => mode === 'off' || !needed.includes(label))
  }
  if (mode === 'off') return report
  if (mode === 'check') await checkEnabled(plan, ctx, report)
  else await enableMissing(plan, ctx, report)
  logSummary(mode, report, ctx)
  return report
}

function planFor(needs: Needs): Plan {
  const scanTypes: InspectorScanType[] = []
  if (needs.ec2) scanTypes.push('EC2')
  if (needs.ecr) scanTypes.push('ECR')
  if (needs.lambda || needs.lambdaCode) scanTypes.push('LAMBDA')
  if (needs.lambdaCode) scanTypes.push('LAMBDA_CODE')
  return {
    scanTypes,
    securityHub: needs.securityHub || needs.inspectorImport,
    inspectorImport: needs.inspectorImport
  }
}

function neededLabels(plan: Plan): string[] {
  return [
    ...plan.scanTypes.map((type) => SCAN_LABEL[type]),
    ...(plan.securityHub ? [SECURITY_HUB] : []),
    ...(plan.inspectorImport ? [INSPECTOR_IMPORT] : [])
  ]
}

function where(ctx: EnsureContext): string {
  return `account ${ctx.accountId} (${ctx.region})`
}

function logSummary(mode: EnsureMode, report: EnsureReport, ctx: EnsureContext): void {
  if (report.alreadyOk.length === 0 && report.changes.length === 0) return
  if (mode === 'enable' && report.changes.length === 0) {
    ctx.log.info(`nothing to change in ${where(ctx)}: ${inWords(report.alreadyOk)} already enabled`)
  } else if (mode === 'check') {
    ctx.log.info(`${inWords(report.alreadyOk)} enabled in ${where(ctx)}`)
  }
}

// ---------------------------------------------------------------------------------------------
// check: read once, fail with every gap and its fix

/** One missing piece, and whether running a command fixes it or only time (or an admin) can. */
interface Gap {
  label: string
  problem: string
  remedy: 'run' | 'wait' | 'suspended'
  /** Set for an Inspector type, so all types share one `aws inspector2 enable`. */
  scanType?: InspectorScanType
  /** The CLI fix of anything else. */
  command?: string
}

async function checkEnabled(plan: Plan, ctx: EnsureContext, report: EnsureReport): Promise<void> {
  const gaps: Gap[] = []
  if (plan.scanTypes.length > 0) {
    const states = await readScanStates(ctx.inspector)
    for (const type of plan.scanTypes) {
      const gap = scanGap(type, stateOf(states, type))
      if (gap) gaps.push(gap)
      else report.alreadyOk.push(SCAN_LABEL[type])
    }
  }
  if (plan.securityHub) {
    const hubOn = await describeHub(ctx.securityHub)
    if (hubOn) report.alreadyOk.push(SECURITY_HUB)
    else gaps.push(hubGap())
    if (plan.inspectorImport) {
      // Without the hub there is nothing to list (the call would fail): the import is off too.
      const importOn =
        hubOn && (await listEnabledImportProducts(ctx.securityHub)).some(isInspectorSubscription)
      if (importOn) report.alreadyOk.push(INSPECTOR_IMPORT)
      else gaps.push(importGap(ctx.region))
    }
  }
  if (gaps.length > 0) {
    throw new NotEnabledError(
      notEnabledMessage(gaps, ctx),
      gaps.map((gap) => gap.label)
    )
  }
}

/**
 * What each Inspector state asks of a check: nothing (ENABLED), time (ENABLING: scans cannot start
 * before ENABLED, and failing now beats waiting out the gate's timeout), an administrator
 * (suspensions), or enabling. A state not listed is named in the failure and enabling is offered.
 */
const STATE_REMEDY: Record<InspectorState, Gap['remedy'] | 'ok'> = {
  ENABLED: 'ok',
  ENABLING: 'wait',
  DISABLING: 'run',
  DISABLED: 'run',
  SUSPENDING: 'suspended',
  SUSPENDED: 'suspended'
}

function scanGap(type: InspectorScanType, state: string): Gap | undefined {
  const label = SCAN_LABEL[type]
  const remedy = Object.hasOwn(STATE_REMEDY, state) ? STATE_REMEDY[state as InspectorState] : 'run'
  if (remedy === 'ok') return undefined
  if (remedy === 'wait') {
    return { label, problem: `${label} is still ${state} (being turned on)`, remedy }
  }
  if (remedy === 'suspended') return { label, problem: `${label} is ${state}`, remedy }
  return { label, problem: `${label} is ${state}`, remedy, scanType: type }
}

function hubGap(): Gap {
  return {
    label: SECURITY_HUB,
    problem: `${SECURITY_HUB} is not enabled`,
    remedy: 'run',
    command: 'aws securityhub enable-security-hub --no-enable-default-standards'
  }
}

function importGap(region: string): Gap {
  return {
    label: INSPECTOR_IMPORT,
    problem: `${INSPECTOR_IMPORT} is not enabled`,
    remedy: 'run',
    command: `aws securityhub enable-import-findings-for-product --product-arn ${inspectorProductArn(region)}`
  }
}

function notEnabledMessage(gaps: Gap[], ctx: EnsureContext): string {
  const remedies: string[] = []
  const commands = fixCommands(gaps)
  if (commands.length > 0) {
    remedies.push(`set ensure-enabled: enable, or run: ${commands.join(' && ')}`)
  }
  if (gaps.some((gap) => gap.remedy === 'wait')) {
    remedies.push(
      're-run once Inspector reports ENABLED (usually within minutes), or set ensure-enabled: enable to wait for it'
    )
  }
  if (gaps.some((gap) => gap.remedy === 'suspended')) remedies.push(SUSPENDED_ADVICE)
  return `${inWords(gaps.map((gap) => gap.problem))} in ${where(ctx)}; ${remedies.join('; ')}`
}

const SUSPENDED_ADVICE =
  'Inspector suspends an account for billing or AWS Organizations reasons and enabling cannot undo that; ask the account administrator to resolve the suspension'

/** Inspector types share one `aws inspector2 enable` (LAMBDA_CODE needs LAMBDA in the same call). */
function fixCommands(gaps: Gap[]): string[] {
  const runnable = gaps.filter((gap) => gap.remedy === 'run')
  const scanTypes = runnable.flatMap((gap) => (gap.scanType ? [gap.scanType] : []))
  const others = runnable.flatMap((gap) => (gap.command ? [gap.command] : []))
  const inspector = `aws inspector2 enable --resource-types ${scanTypes.join(' ')}`
  return [...(scanTypes.length > 0 ? [inspector] : []), ...others]
}

// ---------------------------------------------------------------------------------------------
// enable: turn on what is missing, idempotently

async function enableMissing(plan: Plan, ctx: EnsureContext, report: EnsureReport): Promise<void> {
  if (plan.scanTypes.length > 0) await ensureScanTypes(plan.scanTypes, ctx, report)
  if (plan.securityHub) await ensureSecurityHub(ctx, report)
  if (plan.inspectorImport) await ensureInspectorImport(ctx, report)
}

function timingOf(ctx: EnsureContext): ActivationTiming {
  return { ...DEFAULT_ACTIVATION_TIMING, ...ctx.timing }
}

async function ensureScanTypes(
  types: InspectorScanType[],
  ctx: EnsureContext,
  report: EnsureReport
): Promise<void> {
  const timing = timingOf(ctx)
  const start = ctx.clock.now()
  // One budget for retries and waiting together, and never past the caller's own deadline.
  const deadline = Math.min(start + timing.budgetMs, ctx.deadline ?? Infinity)

  const states = await readScanStates(ctx.inspector)
  failIfSuspended(types, states, ctx)
  const alreadyOn = types.filter((type) => stateOf(states, type) === 'ENABLED')
  const beingEnabled = types.filter((type) => stateOf(states, type) === 'ENABLING')
  const toEnable = types.filter((type) => !alreadyOn.includes(type) && !beingEnabled.includes(type))
  report.alreadyOk.push(...alreadyOn.map((type) => SCAN_LABEL[type]))
  if (toEnable.length === 0 && beingEnabled.length === 0) return

  if (toEnable.length > 0) await requestEnable(toEnable, deadline, ctx)
  const pending = types.filter((type) => !alreadyOn.includes(type))
  ctx.log.info(
    `waiting for ${inWords(pending.map((type) => SCAN_LABEL[type]))} to become ENABLED in ${where(ctx)} (up to ${seconds(deadline - start)})`
  )
  await waitUntilEnabled(pending, deadline, start, ctx)

  for (const type of beingEnabled) {
    ctx.log.info(`${SCAN_LABEL[type]} finished enabling in ${where(ctx)} (it was already ENABLING)`)
    report.alreadyOk.push(SCAN_LABEL[type])
  }
  for (const type of toEnable) {
    ctx.log.info(`enabled ${SCAN_LABEL[type]} in ${where(ctx)}`)
    report.changes.push(SCAN_LABEL[type])
  }
}

/**
 * Calls Enable until Inspector accepts it. The HTTP call succeeds even when the account is refused,
 * so the verdict is in failedAccounts: ALREADY_ENABLED is success, the "not now" codes are retried
 * with backoff, anything else is final. Each attempt is a new request, hence a fresh clientToken.
 */
async function requestEnable(
  types: InspectorScanType[],
  deadline: number,
  ctx: EnsureContext
): Promise<void> {
  const timing = timingOf(ctx)
  const labels = types.map((type) => SCAN_LABEL[type])
  try {
    await poll(
      async () => {
        const attempt = await tolerateTransient(() =>
          enableInspector(ctx.inspector, types, randomUUID(), ctx.region)
        )
        if (!attempt.ok) return { done: false, state: attempt.state }
        const refusals = attempt.value.failedAccounts.filter(
          (failed) => enableFailureKind(failed.errorCode) !== 'enabled'
        )
        const final = refusals.find((failed) => enableFailureKind(failed.errorCode) === 'final')
        if (final) {
          throw new NotEnabledError(
            `Amazon Inspector refused to enable ${types.join(', ')} in ${where(ctx)}: ${final.errorCode}: ${final.errorMessage}${refusalAdvice(final.errorCode)}`,
            labels
          )
        }
        if (refusals.length === 0) return { done: true, value: undefined }
        return {
          done: false,
          state: `Enable answered ${refusals.map((failed) => failed.errorCode).join(', ')}`
        }
      },
      {
        deadline,
        initialDelayMs: timing.retryInitialMs,
        maxDelayMs: timing.retryMaxMs,
        onWait: ({ state, delayMs }) =>
          ctx.log.info(`Amazon Inspector: ${state}; retrying in ${seconds(delayMs)}`)
      },
      ctx.clock
    )
  } catch (error) {
    if (!(error instanceof PollTimeoutError)) throw error
    throw new NotEnabledError(
      `Amazon Inspector did not accept enabling ${types.join(', ')} in ${where(ctx)}: ${error.lastState} after ${error.attempts} attempts; re-run later`,
      labels
    )
  }
}

function refusalAdvice(errorCode: string): string {
  if (errorCode === 'BLOCKED_BY_ORGANIZATION_POLICY') {
    return ' (an AWS Organizations policy forbids it; ask the organization administrator to enable it or lift the policy)'
  }
  return ''
}

/**
 * Polls BatchGetAccountStatus until every type is ENABLED. ENABLING, DISABLING and even DISABLED
 * (right after Enable the status can lag) mean "keep waiting", within the budget; a suspension
 * cannot resolve itself, so it fails at once.
 */
async function waitUntilEnabled(
  types: InspectorScanType[],
  deadline: number,
  start: number,
  ctx: EnsureContext
): Promise<void> {
  const timing = timingOf(ctx)
  let lastStates: ScanStates | undefined
  try {
    await poll(
      async () => {
        const read = await tolerateTransient(() => readScanStates(ctx.inspector))
        if (!read.ok) return { done: false, state: read.state }
        lastStates = read.value
        failIfSuspended(types, read.value, ctx)
        const notYet = types.filter((type) => stateOf(read.value, type) !== 'ENABLED')
        if (notYet.length === 0) return { done: true, value: undefined }
        return {
          done: false,
          state: notYet.map((type) => `${type} ${stateOf(read.value, type)}`).join(', ')
        }
      },
      {
        deadline,
        initialDelayMs: timing.pollIntervalMs,
        maxDelayMs: timing.pollIntervalMs,
        factor: 1,
        onWait: ({ state, delayMs }) =>
          ctx.log.info(`Amazon Inspector is ${state}; next check in ${seconds(delayMs)}`)
      },
      ctx.clock
    )
  } catch (error) {
    if (!(error instanceof PollTimeoutError)) throw error
    const states = lastStates
    const notYet = types.filter((type) => !states || stateOf(states, type) !== 'ENABLED')
    const described = states
      ? inWords(notYet.map((type) => `${SCAN_LABEL[type]} is still ${stateOf(states, type)}`))
      : `${inWords(notYet.map((type) => SCAN_LABEL[type]))} could not be read (${error.lastState})`
    throw new NotEnabledError(
      `${described} in ${where(ctx)} after waiting ${seconds(ctx.clock.now() - start)}; Inspector publishes no time limit for enabling and keeps going in the background: re-run later, or check the account in the Inspector console`,
      notYet.map((type) => SCAN_LABEL[type])
    )
  }
}

function failIfSuspended(types: InspectorScanType[], states: ScanStates, ctx: EnsureContext): void {
  const suspended = types.filter((type) => /^SUSPEND/.test(stateOf(states, type)))
  if (suspended.length === 0) return
  throw new NotEnabledError(
    `${inWords(suspended.map((type) => `${SCAN_LABEL[type]} is ${stateOf(states, type)}`))} in ${where(ctx)}; ${SUSPENDED_ADVICE}`,
    suspended.map((type) => SCAN_LABEL[type])
  )
}

async function ensureSecurityHub(ctx: EnsureContext, report: EnsureReport): Promise<void> {
  if (await describeHub(ctx.securityHub)) {
    report.alreadyOk.push(SECURITY_HUB)
    return
  }
  // Someone may enable it between our read and our write: "already subscribed" is then success.
  if ((await enableSecurityHub(ctx.securityHub)) === 'already-enabled') {
    report.alreadyOk.push(SECURITY_HUB)
    return
  }
  ctx.log.info(
    `enabled ${SECURITY_HUB} in ${where(ctx)} without its default standards (EnableDefaultStandards: false); choosing security standards is left to the setup mode`
  )
  report.changes.push(SECURITY_HUB)
}

async function ensureInspectorImport(ctx: EnsureContext, report: EnsureReport): Promise<void> {
  // Enabling the hub can switch the Inspector integration on by itself, so look before writing.
  const subscriptions = await listEnabledImportProducts(ctx.securityHub)
  if (subscriptions.some(isInspectorSubscription)) {
    report.alreadyOk.push(INSPECTOR_IMPORT)
    return
  }
  const productArn = inspectorProductArn(ctx.region)
  if ((await enableImportForProduct(ctx.securityHub, productArn)) === 'already-enabled') {
    report.alreadyOk.push(INSPECTOR_IMPORT)
    return
  }
  ctx.log.info(`enabled ${INSPECTOR_IMPORT} (${productArn}) in ${where(ctx)}`)
  report.changes.push(INSPECTOR_IMPORT)
}

// ---------------------------------------------------------------------------------------------
// shared helpers

type ScanStates = Record<InspectorScanType, string | undefined>

async function readScanStates(client: Inspector2Client): Promise<ScanStates> {
  try {
    const status = await getAccountStatus(client)
    return {
      EC2: status.ec2,
      ECR: status.ecr,
      LAMBDA: status.lambda,
      LAMBDA_CODE: status.lambdaCode
    }
  } catch (error) {
    // No account in the answer means Inspector was never enabled here: every type is off.
    if (error instanceof AwsCallError && error.code === 'NotFound') {
      return { EC2: undefined, ECR: undefined, LAMBDA: undefined, LAMBDA_CODE: undefined }
    }
    throw error
  }
}

/** A type the answer leaves out (older accounts lack lambdaCode) has never been enabled. */
function stateOf(states: ScanStates, type: InspectorScanType): string {
  return states[type] ?? 'DISABLED'
}

/** `a`, `a and b`, `a, b and c`. */
function inWords(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  return s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${s}s`
}
