import { MissingRegionError } from '../inputs/missing-region.js'
import { inputReader, type RawInputs } from '../inputs/read.js'
import {
  SECURITY_HUB_SEVERITIES,
  WORKFLOW_STATUSES,
  type ComplianceReport,
  type SeverityLabel
} from '../domain/report.js'
import { isRegionName } from '../domain/region.js'
import type { ReportConfig } from './run.js'
import { InputError, parseChoice, parseDuration, shown, parseList } from '../inputs/values.js'

const WORKFLOW = Object.keys(WORKFLOW_STATUSES)

export interface ReportSettings {
  config: Omit<ReportConfig, 'previous'>
  reportDir: string
  /** Path of the previous report.json for the trend; may not exist yet (first run). */
  previousReport: string | undefined
  /** Optional delivery: a short summary to this SNS topic. */
  snsTopicArn: string | undefined
  /** Optional delivery: the report folder uploaded under this S3 prefix. */
  s3: { bucket: string; prefix: string } | undefined
  /** A part of the report that could not be read fails the step (`fail`) or only warns. */
  onError: 'fail' | 'warn'
}

/** Validates the report inputs before any AWS call, naming the input in every error. */
export function buildReportSettings(
  inputs: RawInputs,
  env: Record<string, string | undefined>
): ReportSettings {
  const { get } = inputReader(inputs)
  const region = env['AWS_REGION']
  if (!region) throw new MissingRegionError('report needs a region: ')

  const periodMs = parseDuration('period', get('period'))
  const periodDays = periodMs / 86_400_000
  if (periodDays < 1 / 24 || periodDays > 90) {
    throw new InputError(
      `period: "${shown(get('period'))}" must be between 1h and 90d (Security Hub keeps findings for 90 days)`
    )
  }

  const severities = parseList(get('report-severities')).map((s) => s.toUpperCase())
  for (const s of severities) {
    if (!(SECURITY_HUB_SEVERITIES as readonly string[]).includes(s)) {
      throw new InputError(
        `report-severities: "${shown(s)}" is not one of ${SECURITY_HUB_SEVERITIES.join(', ')}`
      )
    }
  }
  const workflowStatuses = parseList(get('report-workflow-statuses')).map((s) => s.toUpperCase())
  for (const s of workflowStatuses) {
    if (!WORKFLOW.includes(s))
      throw new InputError(
        `report-workflow-statuses: "${shown(s)}" is not one of ${WORKFLOW.join(', ')}`
      )
  }
  const accounts = parseList(get('report-accounts'))
  for (const a of accounts) {
    if (!/^\d{12}$/.test(a))
      throw new InputError(`report-accounts: "${shown(a)}" is not a 12-digit AWS account id`)
  }
  const regions = [...new Set(parseList(get('report-regions')).map((r) => r.toLowerCase()))]
  for (const r of regions) {
    if (!isRegionName(r))
      throw new InputError(
        `report-regions: "${shown(r)}" is not an AWS Region name (e.g. eu-west-1)`
      )
  }
  const filters: ComplianceReport['filters'] = {
    products: parseList(get('report-products')),
    severities,
    accounts,
    resourceTypes: parseList(get('report-resource-types')),
    workflowStatuses,
    regions
  }

  return {
    config: {
      region,
      periodDays,
      filters,
      remediationTargets: parseTargets(get('remediation-targets'))
    },
    reportDir: get('report-dir'),
    previousReport: get('previous-report') || undefined,
    snsTopicArn: parseTopic(get('sns-topic-arn')),
    s3: parseS3Uri(get('s3-uri')),
    onError: parseChoice('on-error', get('on-error'), ['fail', 'warn'] as const)
  }
}

/** `critical=2, high=14`: days within which open findings of that severity should be fixed. */
function parseTargets(value: string): Partial<Record<SeverityLabel, number>> {
  const targets: Partial<Record<SeverityLabel, number>> = {}
  for (const entry of parseList(value)) {
    const match = /^([a-zA-Z]+)\s*=\s*(\d+)$/.exec(entry)
    const severity = match?.[1]?.toUpperCase()
    if (
      !match ||
      severity === undefined ||
      !(SECURITY_HUB_SEVERITIES as readonly string[]).includes(severity) ||
      !Number.isSafeInteger(Number(match[2]))
    ) {
      throw new InputError(
        `remediation-targets: "${shown(entry)}" is not severity=days, e.g. critical=2, high=14`
      )
    }
    if (targets[severity as SeverityLabel] !== undefined) {
      throw new InputError(`remediation-targets: ${severity.toLowerCase()} is given twice`)
    }
    targets[severity as SeverityLabel] = Number(match[2])
  }
  return targets
}

function parseTopic(value: string): string | undefined {
  if (value === '') return undefined
  if (!/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/.test(value)) {
    throw new InputError(
      `sns-topic-arn: "${shown(value)}" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)`
    )
  }
  return value
}

function parseS3Uri(value: string): { bucket: string; prefix: string } | undefined {
  if (value === '') return undefined
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(value)
  if (!match)
    throw new InputError(`s3-uri: "${shown(value)}" is not an S3 location (s3://<bucket>/<prefix>)`)
  return { bucket: match[1] as string, prefix: (match[2] ?? '').replace(/\/+$/, '') }
}
