import type { RunDeps } from '../aws/run-deps.js'
import type { EcrRescanDuration } from '@aws-sdk/client-inspector2'
import { getEcrRescanDuration, setEcrRescanDuration } from '../aws/inspector-configuration.js'
import { createInsight, listInsights, updateInsight } from '../aws/securityhub-insights.js'
import {
  describeStandards,
  enableStandards,
  getEnabledStandards,
  type AvailableStandard
} from '../aws/securityhub-standards.js'
import { getCallerAccount } from '../aws/sts.js'
import { poll, PollTimeoutError } from '../runtime/poll.js'
import { ensureEnabled } from '../ensure-enabled/ensure-enabled.js'
import { INSIGHTS, sameInsight } from './insights.js'
import {
  explainStandardStatus,
  resolveStandards,
  unknownStandardProblem,
  type StandardChoice
} from './standards.js'
import { ECR_RESCAN_DURATIONS } from './config.js'
import {
  ensureFindingAggregator,
  setupOrganizationRegion,
  type OrganizationRow
} from './organization.js'

export interface SetupConfig {
  /** The first of `regions`. */
  region: string
  /** Every Region to set up, concurrently (issue 18); AWS_REGION alone by default. */
  regions: string[]
  /** Organization-wide setup from the delegated administrator (organization.ts). */
  organization: boolean
  /** Create a finding aggregator in the first Region linking the others. */
  aggregateRegions: boolean
  scanTypes: { ec2: boolean; ecr: boolean; lambda: boolean; lambdaCode: boolean }
  /** Leave the account's setting alone when undefined. */
  ecrRescanDuration?: EcrRescanDuration
  standards: StandardChoice[]
  insights: boolean
  timing: { pollMs: number; budgetMs: number }
}

/** What one setup run did: a second run over a finished baseline has no changes. */
export interface SetupReport {
  changes: string[]
  unchanged: string[]
  /** Things setup could not do; any of them fails the step. */
  problems: string[]
  warnings: string[]
  /** Organization runs: account × Region × what changed (empty rows: nothing changed). */
  table?: OrganizationRow[]
}

/** Where a setup run worked, for its closing line. */
export interface SetupScope {
  accountId: string
  regions: string[]
  organization: boolean
}

/** BatchEnableStandards accepts 25 standards a call and 1 call a second. */
const STANDARDS_PER_CALL = 25
const STANDARDS_CALL_SPACING_MS = 1_000

/**
 * The security baseline, idempotently: Inspector scan types, the ECR re-scan duration, Security
 * Hub with its Inspector import, the chosen standards and the custom insights. Each step compares
 * before it writes, so running it on every push to main changes nothing once the baseline is in.
 */
export async function runSetup(
  config: SetupConfig,
  deps: RunDeps
): Promise<{ report: SetupReport; scope: SetupScope }> {
  const accountId = await getCallerAccount(deps.clients.sts())
  const regions = config.regions.length > 0 ? config.regions : [config.region]
  // Regions run side by side; every call still takes a slot of the run's in-flight cap (in-flight.ts).
  const reports = await Promise.all(
    regions.map((region) => runRegion({ ...config, region }, accountId, deps))
  )
  const label = (region: string, item: string) => (regions.length > 1 ? `${region}: ${item}` : item)
  const report: SetupReport = { changes: [], unchanged: [], problems: [], warnings: [] }
  reports.forEach((one, i) => {
    const region = regions[i] ?? ''
    report.changes.push(...one.changes.map((item) => label(region, item)))
    report.unchanged.push(...one.unchanged.map((item) => label(region, item)))
    report.problems.push(...one.problems.map((item) => label(region, item)))
    report.warnings.push(...one.warnings.map((item) => label(region, item)))
  })
  if (config.organization) {
    const rows: OrganizationRow[] = []
    await Promise.all(
      regions.map((region) =>
        setupOrganizationRegion(config, region, accountId, deps, report, rows)
      )
    )
    if (config.aggregateRegions && report.problems.length === 0)
      await ensureFindingAggregator(regions, accountId, deps, report, rows)
    rows.sort((a, b) => a.account.localeCompare(b.account) || a.region.localeCompare(b.region))
    report.table = rows
    report.changes.push(...rows.map((row) => `${row.account} ${row.region}: ${row.changed}`))
  }
  return { report, scope: { accountId, regions, organization: config.organization } }
}

/** The caller's own baseline in one Region. */
async function runRegion(
  config: SetupConfig,
  accountId: string,
  deps: RunDeps
): Promise<SetupReport> {
  const report: SetupReport = { changes: [], unchanged: [], problems: [], warnings: [] }
  const { region } = config
  const deadline = deps.clock.now() + config.timing.budgetMs

  const activation = await ensureEnabled(
    'enable',
    { ...config.scanTypes, securityHub: true, inspectorImport: true },
    {
      inspector: deps.clients.inspector(region),
      securityHub: deps.clients.securityHub(region),
      clock: deps.clock,
      log: deps.log,
      accountId,
      region,
      deadline,
      timing: { pollIntervalMs: config.timing.pollMs, retryInitialMs: config.timing.pollMs / 2 }
    }
  )
  report.changes.push(...activation.changes.map((piece) => `enabled ${piece}`))
  report.unchanged.push(...activation.alreadyOk)

  if (config.ecrRescanDuration !== undefined)
    await ensureRescanDuration(config.ecrRescanDuration, deps, region, report)
  if (config.standards.length > 0) await ensureStandards(config, deps, deadline, report)
  if (config.insights) await ensureInsights(deps, region, report)
  return report
}

async function ensureRescanDuration(
  wanted: EcrRescanDuration,
  deps: RunDeps,
  region: string,
  report: SetupReport
): Promise<void> {
  const client = deps.clients.inspector(region)
  const current = await getEcrRescanDuration(client)
  const label = `Inspector ECR re-scan duration ${durationInput(wanted)}`
  if (current === wanted) {
    report.unchanged.push(label)
    return
  }
  await setEcrRescanDuration(client, wanted)
  const was = current === undefined ? 'unset' : durationInput(current)
  deps.log.info(`set the Inspector ECR re-scan duration to ${durationInput(wanted)} (was ${was})`)
  report.changes.push(`set ${label}`)
}

/**
 * The step's last line, written once everything that can fail has run (the responder stack too).
 * "A second run will change nothing" and "already in place" are promised only when nothing is left
 * to fail: with problems the step fails, and their lines follow.
 */
export function closingLine(report: SetupReport, scope: SetupScope): string {
  const regions = scope.regions.join(', ')
  const where = scope.organization
    ? `the organization across ${regions}`
    : `account ${scope.accountId} (${regions})`
  const problems = report.problems.length
  if (problems > 0) {
    return `changed ${report.changes.length} thing(s) in ${where}; ${problems} could not be done`
  }
  return report.changes.length === 0
    ? `nothing to change in ${where}: the security baseline is already in place`
    : `changed ${report.changes.length} thing(s) in ${where}; a second run will change nothing`
}

/** `30d` for DAYS_30: the log speaks the input's words, not the API's. */
export function durationInput(duration: string): string {
  const input = Object.entries(ECR_RESCAN_DURATIONS).find(([, value]) => value === duration)?.[0]
  return input ?? duration
}

async function ensureStandards(
  config: SetupConfig,
  deps: RunDeps,
  deadline: number,
  report: SetupReport
): Promise<void> {
  const client = deps.clients.securityHub(config.region)
  const available = await describeStandards(client)
  const { resolved, unknown } = resolveStandards(config.standards, available)
  for (const name of unknown) {
    report.problems.push(unknownStandardProblem(name, config.region, available))
  }
  const subscriptions = new Map((await getEnabledStandards(client)).map((s) => [s.standardsArn, s]))
  const missing = resolved.filter((s) => {
    const status = subscriptions.get(s.arn)?.status
    return status === undefined || status === 'DELETING'
  })
  for (let i = 0; i < missing.length; i += STANDARDS_PER_CALL) {
    if (i > 0) await deps.clock.sleep(STANDARDS_CALL_SPACING_MS)
    const batch = missing.slice(i, i + STANDARDS_PER_CALL)
    await enableStandards(
      client,
      batch.map((s) => s.arn)
    )
    for (const s of batch) deps.log.info(`enabling the standard ${s.name}`)
  }

  const final = await awaitStandards(resolved, client, config, deps, deadline)
  for (const standard of resolved) {
    const state = final.get(standard.arn)
    const wasMissing = missing.includes(standard)
    if (state?.status === 'READY') {
      if (wasMissing) report.changes.push(`enabled standard ${standard.name}`)
      else report.unchanged.push(`standard ${standard.name}`)
    } else {
      report.problems.push(
        `the standard ${standard.name} is ${state?.status ?? 'not enabled'}: ${explainStandardStatus(state?.reason)}`
      )
    }
  }
}

/** Polls until every standard left PENDING: READY, or FAILED/INCOMPLETE with a reason. */
async function awaitStandards(
  standards: AvailableStandard[],
  client: Parameters<typeof getEnabledStandards>[0],
  config: SetupConfig,
  deps: RunDeps,
  deadline: number
): Promise<Map<string, { status: string; reason: string | undefined }>> {
  const arns = new Set(standards.map((s) => s.arn))
  const read = async () =>
    new Map(
      (await getEnabledStandards(client))
        .filter((s) => arns.has(s.standardsArn))
        .map((s) => [s.standardsArn, s])
    )
  try {
    return await poll(
      async () => {
        const states = await read()
        const pending = [...arns].filter((arn) => {
          const status = states.get(arn)?.status
          return status === undefined || status === 'PENDING' || status === 'DELETING'
        })
        return pending.length === 0
          ? { done: true, value: states }
          : { done: false, state: `${pending.length} standard(s) still PENDING` }
      },
      { deadline, initialDelayMs: config.timing.pollMs, maxDelayMs: config.timing.pollMs * 3 },
      deps.clock
    )
  } catch (error) {
    if (!(error instanceof PollTimeoutError)) throw error
    // Whatever is still PENDING at the deadline is reported as such, with the rest's real states.
    return read()
  }
}

async function ensureInsights(deps: RunDeps, region: string, report: SetupReport): Promise<void> {
  const client = deps.clients.securityHub(region)
  const existing = await listInsights(client)
  for (const definition of INSIGHTS) {
    const [first, ...duplicates] = existing.filter((insight) => insight.name === definition.name)
    if (duplicates.length > 0) {
      report.warnings.push(
        `${duplicates.length + 1} insights are named "${definition.name}"; setup keeps ${first?.arn} up to date and leaves the others alone — delete the extra ones`
      )
    }
    if (first === undefined) {
      await createInsight(client, definition)
      deps.log.info(`created the insight "${definition.name}"`)
      report.changes.push(`created insight "${definition.name}"`)
    } else if (!sameInsight(first, definition)) {
      await updateInsight(client, first.arn, definition)
      deps.log.info(`updated the insight "${definition.name}" to its current filters`)
      report.changes.push(`updated insight "${definition.name}"`)
    } else {
      report.unchanged.push(`insight "${definition.name}"`)
    }
  }
}
