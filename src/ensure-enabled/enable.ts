import { randomUUID } from 'node:crypto'
import {
  enableFailureKind,
  enableInspector,
  type InspectorScanType
} from '../aws/inspector-activation.js'
import {
  enableImportForProduct,
  enableSecurityHub,
  describeHub,
  inspectorProductArn,
  isInspectorSubscription,
  listEnabledImportProducts
} from '../aws/securityhub.js'
import { tolerateTransient } from '../aws/transient.js'
import { poll, PollTimeoutError } from '../runtime/poll.js'
import {
  inWords,
  NotEnabledError,
  refusalAdvice,
  seconds,
  SUSPENDED_ADVICE,
  where
} from './messages.js'
import {
  INSPECTOR_IMPORT,
  readScanStates,
  SCAN_LABEL,
  SECURITY_HUB,
  stateOf,
  timingOf,
  type EnsureContext,
  type EnsureReport,
  type Plan,
  type ScanStates
} from './plan.js'

/* `ensure-enabled: enable`: turn on what is missing, idempotently. */

export async function enableMissing(
  plan: Plan,
  ctx: EnsureContext,
  report: EnsureReport
): Promise<void> {
  if (plan.scanTypes.length > 0) await ensureScanTypes(plan.scanTypes, ctx, report)
  if (plan.securityHub) await ensureSecurityHub(ctx, report)
  if (plan.inspectorImport) await ensureInspectorImport(ctx, report)
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
    `enabled ${SECURITY_HUB} in ${where(ctx)} without its default standards (EnableDefaultStandards: false); the standards that are on are the ones setup's standards input names`
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
