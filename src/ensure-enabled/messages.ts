import type { InspectorScanType } from '../aws/inspector-activation.js'
import type { EnsureContext } from './plan.js'

/* The one-line failures of ensure-enabled, each with its fix. */

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

/** One missing piece, and whether running a command fixes it or only time (or an admin) can. */
export interface Gap {
  label: string
  problem: string
  remedy: 'run' | 'wait' | 'suspended'
  /** Set for an Inspector type, so all types share one `aws inspector2 enable`. */
  scanType?: InspectorScanType
  /** The CLI fix of anything else. */
  command?: string
}

export function notEnabledMessage(gaps: Gap[], ctx: EnsureContext): string {
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

export const SUSPENDED_ADVICE =
  'Inspector suspends an account for billing or AWS Organizations reasons and enabling cannot undo that; ask the account administrator to resolve the suspension'

/** Inspector types share one `aws inspector2 enable` (LAMBDA_CODE needs LAMBDA in the same call). */
function fixCommands(gaps: Gap[]): string[] {
  const runnable = gaps.filter((gap) => gap.remedy === 'run')
  const scanTypes = runnable.flatMap((gap) => (gap.scanType ? [gap.scanType] : []))
  const others = runnable.flatMap((gap) => (gap.command ? [gap.command] : []))
  const inspector = `aws inspector2 enable --resource-types ${scanTypes.join(' ')}`
  return [...(scanTypes.length > 0 ? [inspector] : []), ...others]
}

export function refusalAdvice(errorCode: string): string {
  if (errorCode === 'BLOCKED_BY_ORGANIZATION_POLICY') {
    return ' (an AWS Organizations policy forbids it; ask the organization administrator to enable it or lift the policy)'
  }
  return ''
}

export function where(ctx: EnsureContext): string {
  return `account ${ctx.accountId} (${ctx.region})`
}

/** `a`, `a and b`, `a, b and c`. */
export function inWords(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

export function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  return s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${s}s`
}
