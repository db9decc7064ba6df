import type { AutoEnable } from '@aws-sdk/client-inspector2'
import type { RunDeps } from '../aws/run-deps.js'
import {
  enableMembers,
  getInspectorAutoEnable,
  listInspectorMembers,
  memberStatuses,
  readDelegatedAdmin,
  setInspectorAutoEnable
} from '../aws/inspector-organization.js'
import {
  createFindingAggregator,
  enableHubAutoEnable,
  findingAggregatorExists,
  createHubMembers,
  getHubOrganization,
  listHubMembers
} from '../aws/securityhub-organization.js'
import { singleLine, truncate } from '../text/escape.js'
import type { SetupConfig, SetupReport } from './run.js'

/** One row of the summary table: what setup changed for an account in a Region. */
export interface OrganizationRow {
  account: string
  region: string
  changed: string
}

const TYPE_KEYS = {
  EC2: 'ec2',
  ECR: 'ecr',
  LAMBDA: 'lambda',
  LAMBDA_CODE: 'lambdaCode'
} as const satisfies Record<string, keyof AutoEnable>

/** The Inspector resource types the chosen scan-types name. */
export function chosenTypes(scanTypes: SetupConfig['scanTypes']): (keyof typeof TYPE_KEYS)[] {
  return (Object.keys(TYPE_KEYS) as (keyof typeof TYPE_KEYS)[]).filter(
    (type) => scanTypes[TYPE_KEYS[type]]
  )
}

/** Why Enable refused a member, and what to do, in words (failedAccounts errorCode). */
export function explainMemberFailure(
  code: string,
  message: string,
  relationship: string | undefined
): { line: string; severity: 'warning' | 'problem' } {
  switch (code) {
    case 'ACCOUNT_IS_ISOLATED':
      return {
        line: 'the account is suspended, so Inspector cannot be enabled; nothing to do until AWS reinstates it',
        severity: 'warning'
      }
    case 'ACCESS_DENIED':
      return relationship !== undefined && relationship !== 'ENABLED'
        ? {
            line: `the account is not an associated member (relationship ${relationship}); nothing to do unless it should be — then associate it`,
            severity: 'warning'
          }
        : {
            line: 'Inspector denied access to the account; if it just joined the organization, rerun setup in a few minutes',
            severity: 'problem'
          }
    case 'BLOCKED_BY_ORGANIZATION_POLICY':
      return {
        line: 'an organization policy (SCP) blocks enabling Inspector there; change the policy from the management account',
        severity: 'problem'
      }
    case 'ENABLE_IN_PROGRESS':
    case 'DISABLE_IN_PROGRESS':
    case 'SUSPEND_IN_PROGRESS':
      return {
        line: `Inspector is busy changing the account (${code}); rerun setup later`,
        severity: 'problem'
      }
    default:
      return { line: `Inspector refused it (${code}): ${message}`, severity: 'problem' }
  }
}

/** The one line when the caller is not the delegated administrator (readable or not). */
export function notAdministratorLine(
  caller: string,
  admin: string | null | undefined,
  region: string
): string {
  const how = `from the management account, run \`aws inspector2 enable-delegated-admin-account --delegated-admin-account-id <account>\` (and \`aws securityhub enable-organization-admin-account\`)`
  if (admin === null)
    return `organization: the organization has no Inspector delegated administrator in ${region}; ${how.replace('<account>', caller)}, then rerun setup`
  if (admin === undefined)
    return `organization: account ${caller} is not the Inspector delegated administrator in ${region}, and may not read which account is; ask the management account, or ${how}, and run setup from that account`
  return `organization: account ${admin} is the Inspector delegated administrator in ${region}, not ${caller}; run setup with that account's role`
}

/**
 * Organization-wide setup in one Region, from the delegated administrator: auto-enable for new
 * members, every existing member enabled for the chosen types, Security Hub's organization
 * configuration (left alone under central configuration). Reads before each write, so a second
 * run changes nothing.
 */
export async function setupOrganizationRegion(
  config: SetupConfig,
  region: string,
  caller: string,
  deps: RunDeps,
  report: SetupReport,
  rows: OrganizationRow[]
): Promise<void> {
  const inspector = deps.clients.inspector(region)
  const admin = await readDelegatedAdmin(inspector)
  if (admin !== caller) {
    report.problems.push(notAdministratorLine(caller, admin, region))
    return
  }
  const types = chosenTypes(config.scanTypes)
  const current = await getInspectorAutoEnable(inspector)
  const missingAuto = types.filter((type) => current[TYPE_KEYS[type]] !== true)
  if (missingAuto.length > 0) {
    const wanted: AutoEnable = { ...current }
    for (const type of types) wanted[TYPE_KEYS[type]] = true
    await setInspectorAutoEnable(inspector, wanted)
    rows.push({
      account: caller,
      region,
      changed: `auto-enable for new members: ${missingAuto.join(', ')}`
    })
  } else report.unchanged.push(`Inspector auto-enable for new members in ${region}`)

  const members = await listInspectorMembers(inspector, { clock: deps.clock })
  const relationship = new Map(members.map((m) => [m.accountId, m.relationshipStatus]))
  const statuses = await memberStatuses(inspector, [...relationship.keys()])
  const missing = new Map<string, string[]>()
  for (const id of relationship.keys()) {
    const status = statuses.get(id)
    const lacking = types.filter((t) => !['ENABLED', 'ENABLING'].includes(status?.[t] ?? ''))
    if (lacking.length > 0) missing.set(id, lacking)
  }
  if (missing.size === 0) {
    report.unchanged.push(`Inspector in all ${members.length} member account(s) in ${region}`)
  } else {
    const result = await enableMembers(inspector, [...missing.keys()], types)
    for (const id of result.enabled) {
      rows.push({
        account: id,
        region,
        changed: `Inspector enabled: ${(missing.get(id) ?? []).join(', ')}`
      })
    }
    for (const failed of result.failed) {
      if (failed.errorCode === 'ALREADY_ENABLED') continue
      const why = explainMemberFailure(
        failed.errorCode,
        failed.errorMessage,
        relationship.get(failed.accountId)
      )
      const line = `Inspector not enabled for member ${failed.accountId} in ${region}: ${why.line}`
      report[why.severity === 'warning' ? 'warnings' : 'problems'].push(line)
    }
  }

  const hub = deps.clients.securityHub(region)
  const hubOrg = await getHubOrganization(hub)
  if (hubOrg.central) {
    report.unchanged.push(
      `Security Hub in ${region} uses central configuration: its configuration policies decide which accounts have it, and setup leaves them alone`
    )
  } else if (!hubOrg.autoEnable) {
    await enableHubAutoEnable(hub)
    rows.push({ account: caller, region, changed: 'Security Hub auto-enable for new members' })
  } else report.unchanged.push(`Security Hub auto-enable for new members in ${region}`)
  await ensureHubMembers(hub, hubOrg.central, relationship, region, deps, report, rows)
}

/** Security Hub membership statuses that CreateMembers (re-)adds: none yet, disassociated, deleted. */
const HUB_ADDABLE = new Set([undefined, 'Removed', 'Deleted'])

/**
 * Every organization account a Security Hub member: auto-enable covers accounts that join later
 * only, so the ones already there are added with CreateMembers. Under central configuration its
 * policies decide, and setup says so instead of fighting them.
 */
async function ensureHubMembers(
  hub: ReturnType<RunDeps['clients']['securityHub']>,
  central: boolean,
  relationship: Map<string, string>,
  region: string,
  deps: RunDeps,
  report: SetupReport,
  rows: OrganizationRow[]
): Promise<void> {
  const statuses = await listHubMembers(hub, { clock: deps.clock })
  const accounts = [...relationship]
    .filter(([, status]) => status !== 'ACCOUNT_SUSPENDED')
    .map(([id]) => id)
  const addable = accounts.filter((id) => HUB_ADDABLE.has(statuses.get(id)))
  const pending = accounts.filter(
    (id) => statuses.get(id) !== 'Enabled' && !HUB_ADDABLE.has(statuses.get(id))
  )
  if (pending.length > 0) {
    report.warnings.push(
      `Security Hub membership of ${pending.length} account(s) in ${region} is not Enabled (${pending
        .slice(0, 10)
        .map((id) => `${id}: ${safe(statuses.get(id) ?? '')}`)
        .join(
          ', '
        )}${pending.length > 10 ? ', …' : ''}): an invitation is waiting; accept it in the member account, or disassociate the member and rerun setup`
    )
  }
  if (central) {
    if (addable.length > 0)
      report.unchanged.push(
        `Security Hub membership of ${addable.length} organization account(s) in ${region}: central configuration's policies decide it, so setup adds no member`
      )
    return
  }
  if (addable.length === 0) {
    report.unchanged.push(
      `Security Hub membership of all ${accounts.length} organization account(s) in ${region}`
    )
    return
  }
  const result = await createHubMembers(hub, addable)
  for (const id of result.added)
    rows.push({ account: id, region, changed: 'Security Hub member added' })
  for (const { accountId, reason } of result.unprocessed) {
    report.problems.push(
      `Security Hub member ${accountId} not added in ${region}: ${safe(reason) || 'no reason given'}; check the account is active in the organization and that no SCP denies Security Hub there, then rerun setup`
    )
  }
}

/** AWS's free text in one line of bounded length (it reaches logs and the summary). */
function safe(text: string): string {
  return truncate(singleLine(text), 200)
}

/** The finding aggregator in the first Region, linking the others; an existing one is kept. */
export async function ensureFindingAggregator(
  regions: readonly string[],
  caller: string,
  deps: RunDeps,
  report: SetupReport,
  rows: OrganizationRow[]
): Promise<void> {
  const [home, ...linked] = regions
  if (home === undefined) return
  const hub = deps.clients.securityHub(home)
  if (await findingAggregatorExists(hub)) {
    report.unchanged.push('Security Hub finding aggregator (an existing one is kept as it is)')
    return
  }
  await createFindingAggregator(hub, linked)
  rows.push({
    account: caller,
    region: home,
    changed: `finding aggregator linking ${linked.length === 0 ? 'no other Region' : linked.join(', ')}`
  })
}
