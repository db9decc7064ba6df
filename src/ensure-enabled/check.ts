import type { InspectorState } from '../aws/inspector.js'
import type { InspectorScanType } from '../aws/inspector-activation.js'
import {
  describeHub,
  inspectorProductArn,
  isInspectorSubscription,
  listEnabledImportProducts
} from '../aws/securityhub.js'
import { NotEnabledError, notEnabledMessage, type Gap } from './messages.js'
import {
  INSPECTOR_IMPORT,
  readScanStates,
  SCAN_LABEL,
  SECURITY_HUB,
  stateOf,
  type EnsureContext,
  type EnsureReport,
  type Plan
} from './plan.js'

/* `ensure-enabled: check`: read once, fail with every gap and its fix. */

export async function checkEnabled(
  plan: Plan,
  ctx: EnsureContext,
  report: EnsureReport
): Promise<void> {
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
