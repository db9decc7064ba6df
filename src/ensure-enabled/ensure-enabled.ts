import { checkEnabled } from './check.js'
import { enableMissing } from './enable.js'
import { inWords, where } from './messages.js'
import {
  ALL_PIECES,
  neededLabels,
  planFor,
  type EnsureContext,
  type EnsureMode,
  type EnsureReport,
  type Needs
} from './plan.js'

export { NotEnabledError } from './messages.js'
export {
  DEFAULT_ACTIVATION_TIMING,
  type ActivationTiming,
  type EnsureContext,
  type EnsureMode,
  type EnsureReport,
  type Needs
} from './plan.js'

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

function logSummary(mode: EnsureMode, report: EnsureReport, ctx: EnsureContext): void {
  if (report.alreadyOk.length === 0 && report.changes.length === 0) return
  if (mode === 'enable' && report.changes.length === 0) {
    ctx.log.info(`nothing to change in ${where(ctx)}: ${inWords(report.alreadyOk)} already enabled`)
  } else if (mode === 'check') {
    ctx.log.info(`${inWords(report.alreadyOk)} enabled in ${where(ctx)}`)
  }
}
