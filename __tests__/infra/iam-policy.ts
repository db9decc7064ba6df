/**
 * Least-privilege checks for IAM policy documents, shared by the JSON policies in infra/iam/ and
 * the policies inside the CloudFormation templates.
 */
import { isIntrinsic, isObject } from './cfn-spec.js'
import type { Json, JsonObject } from './cfn-yaml.js'

/**
 * Actions that may be granted on Resource "*": the Service Authorization Reference lists no
 * resource type for them (checked against the IAM data cfn-lint ships), so IAM only matches "*".
 * Every other action must name the resources it touches.
 */
export const RESOURCE_STAR_ALLOWED: ReadonlySet<string> = new Set([
  // Amazon Inspector: account configuration, coverage and findings are account-level.
  'inspector2:Enable',
  'inspector2:BatchGetAccountStatus',
  'inspector2:GetConfiguration',
  'inspector2:UpdateConfiguration',
  'inspector2:ListCoverage',
  'inspector2:ListFindings',
  // Amazon Inspector Scan: ScanSbom takes a document, not a resource.
  'inspector-scan:ScanSbom',
  // Inspector's organization calls (setup with `organization: true`) name no resource type either.
  'inspector2:GetDelegatedAdminAccount',
  'inspector2:ListMembers',
  'inspector2:DescribeOrganizationConfiguration',
  'inspector2:UpdateOrganizationConfiguration',
  // Security Hub's cross-Region finding aggregator: created and listed without a resource.
  'securityhub:ListFindingAggregators',
  'securityhub:CreateFindingAggregator',
  // Amazon ECR: the registry scanning configuration belongs to the registry, not a repository.
  'ecr:GetRegistryScanningConfiguration',
  // CloudWatch Logs: listing log groups is account-wide, and account-level resource policies
  // (named by PolicyName, like the responder's scan-event policy) have no ARN.
  'logs:DescribeLogGroups',
  'logs:PutResourcePolicy',
  'logs:DeleteResourcePolicy',
  'logs:DescribeResourcePolicies'
])

/**
 * Actions that do accept an ARN but that the pre-existing gate and ensure-enabled policies grant
 * on "*": the Security Hub hub is one per account and Region (arn:…:hub/default), so its ARN
 * narrows nothing but the Region, and the service-linked role is pinned by its
 * iam:AWSServiceName condition (checked below). Tolerated only where `legacyStar` is set; new
 * policies scope them (setup and report use arn:aws:securityhub:*:*:hub/default).
 */
export const LEGACY_RESOURCE_STAR: ReadonlySet<string> = new Set([
  'securityhub:DescribeHub',
  'securityhub:EnableSecurityHub',
  'securityhub:ListEnabledProductsForImport',
  'securityhub:EnableImportFindingsForProduct',
  'iam:CreateServiceLinkedRole'
])

/** Wildcards inside an action name are allowed only for these families. */
export const ACTION_WILDCARDS_ALLOWED: ReadonlySet<string> = new Set([
  // GenerateDataKey, GenerateDataKeyWithoutPlaintext, GenerateDataKeyPair…: what SNS needs to
  // encrypt with a customer managed key.
  'kms:GenerateDataKey*'
])

export const CONDITION_OPERATOR =
  /^(ForAllValues:|ForAnyValue:)?(StringEquals|StringNotEquals|StringEqualsIgnoreCase|StringNotEqualsIgnoreCase|StringLike|StringNotLike|NumericEquals|NumericNotEquals|NumericLessThan|NumericLessThanEquals|NumericGreaterThan|NumericGreaterThanEquals|DateEquals|DateNotEquals|DateLessThan|DateLessThanEquals|DateGreaterThan|DateGreaterThanEquals|Bool|BinaryEquals|IpAddress|NotIpAddress|ArnEquals|ArnLike|ArnNotEquals|ArnNotLike)(IfExists)?$|^Null$/

export interface Statement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Principal?: Json
  Action?: Json
  NotAction?: Json
  Resource?: Json
  NotResource?: Json
  Condition?: JsonObject
}

export interface PolicyDocument {
  Version: string
  Statement: Statement[]
}

export function list(value: Json | undefined): Json[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

export function actionsOf(statement: Statement): string[] {
  return list(statement.Action).map(String)
}

export function statementsOf(document: Json): Statement[] {
  if (!isObject(document)) throw new Error('a policy document is a mapping')
  return list(document['Statement']).filter(isObject) as unknown as Statement[]
}

export interface PolicyOptions {
  /** Trust policies have a Principal and no Resource. */
  kind: 'identity' | 'resource' | 'trust'
  /** Tolerate LEGACY_RESOURCE_STAR on "*" (the policies that predate the setup mode). */
  legacyStar?: boolean
}

/** Every least-privilege problem in one policy document; empty when it is fine. */
export function policyProblems(document: Json, where: string, options: PolicyOptions): string[] {
  const problems: string[] = []
  if (!isObject(document)) return [`${where}: not a mapping`]
  if (document['Version'] !== '2012-10-17') problems.push(`${where}: Version must be 2012-10-17`)
  const statements = statementsOf(document)
  if (statements.length === 0) problems.push(`${where}: no statements`)
  const sids = statements.map((s) => s.Sid).filter((sid) => sid !== undefined)
  if (new Set(sids).size !== sids.length) problems.push(`${where}: duplicate Sids`)
  statements.forEach((statement, index) => {
    const at = `${where}.Statement[${statement.Sid ?? index}]`
    if (statement.Sid !== undefined && !/^[A-Za-z0-9]+$/.test(statement.Sid)) {
      problems.push(`${at}: Sid must be alphanumeric`)
    }
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      problems.push(`${at}: Effect must be Allow or Deny`)
    }
    if (statement.NotAction !== undefined) problems.push(`${at}: NotAction grants too much`)
    if (statement.NotResource !== undefined) problems.push(`${at}: NotResource grants too much`)
    const actions = list(statement.Action)
    if (actions.length === 0) problems.push(`${at}: no Action`)
    const names = actions.filter((a): a is string => typeof a === 'string')
    if (names.length !== actions.length) problems.push(`${at}: actions must be literal strings`)
    if (new Set(names).size !== names.length) problems.push(`${at}: duplicate actions`)
    for (const action of names) {
      if (!/^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(action)) problems.push(`${at}: bad action ${action}`)
      if (action === '*' || action.endsWith(':*')) problems.push(`${at}: wildcard action ${action}`)
      else if (action.includes('*') && !ACTION_WILDCARDS_ALLOWED.has(action)) {
        problems.push(`${at}: wildcard in action ${action} is not on the allow-list`)
      }
    }
    for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
      if (!CONDITION_OPERATOR.test(operator)) problems.push(`${at}: unknown operator ${operator}`)
      if (!isObject(block) || Object.keys(block).length === 0) {
        problems.push(`${at}: empty condition ${operator}`)
      }
    }
    if (options.kind === 'trust') {
      if (statement.Resource !== undefined) problems.push(`${at}: a trust policy has no Resource`)
      if (statement.Principal === undefined) problems.push(`${at}: no Principal`)
      return
    }
    if (options.kind === 'identity' && statement.Principal !== undefined) {
      problems.push(`${at}: an identity policy has no Principal`)
    }
    if (options.kind === 'resource') {
      if (statement.Principal === undefined) problems.push(`${at}: no Principal`)
      const everyone =
        statement.Principal === '*' ||
        (isObject(statement.Principal) && list(statement.Principal['AWS']).includes('*'))
      if (everyone && statement.Effect === 'Allow' && statement.Condition === undefined) {
        problems.push(`${at}: allows everyone without a condition`)
      }
    }
    const resources = list(statement.Resource)
    if (resources.length === 0) problems.push(`${at}: no Resource`)
    const star = resources.some((r) => r === '*')
    if (star && statement.Effect === 'Allow') {
      for (const action of names) {
        const tolerated = options.legacyStar === true && LEGACY_RESOURCE_STAR.has(action)
        if (!RESOURCE_STAR_ALLOWED.has(action) && !tolerated) {
          problems.push(`${at}: ${action} on Resource "*" (not on the allow-list)`)
        }
      }
    }
    for (const resource of resources) {
      if (typeof resource !== 'string' && !isIntrinsic(resource)) {
        problems.push(`${at}: bad Resource ${JSON.stringify(resource)}`)
      }
    }
    if (statement.Effect === 'Allow' && names.includes('iam:CreateServiceLinkedRole')) {
      const names = statement.Condition?.['StringEquals']
      if (!isObject(names) || names['iam:AWSServiceName'] === undefined) {
        problems.push(`${at}: iam:CreateServiceLinkedRole without an iam:AWSServiceName condition`)
      }
    }
    if (statement.Effect === 'Allow' && names.includes('iam:PassRole')) {
      const passed = statement.Condition?.['StringEquals']
      if (!isObject(passed) || passed['iam:PassedToService'] === undefined) {
        problems.push(`${at}: iam:PassRole without an iam:PassedToService condition`)
      }
    }
  })
  return problems
}

/** A statement with Action and Resource as sorted lists, for order-insensitive comparison. */
export function normaliseStatement(statement: Statement): JsonObject {
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(statement) as Array<[string, Json]>) {
    out[key] =
      key === 'Action' || key === 'Resource' ? list(value).map(String).sort() : (value as Json)
  }
  return out
}
