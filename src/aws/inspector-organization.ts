/**
 * Inspector's organization calls that setup makes from the delegated administrator (issue 18).
 * Organizations' own write APIs are never called: delegating an administrator is the management
 * account's decision.
 */
import {
  BatchGetAccountStatusCommand,
  DescribeOrganizationConfigurationCommand,
  EnableCommand,
  GetDelegatedAdminAccountCommand,
  paginateListMembers,
  UpdateOrganizationConfigurationCommand,
  type AutoEnable,
  type Inspector2Client
} from '@aws-sdk/client-inspector2'
import { errorCode, explainAwsError } from './errors.js'
import { call } from './explained-call.js'
import { guardedPages, type PagingOptions } from './paging.js'

/**
 * Inspector's delegated administrator as the caller can read it: `undefined` when the caller may
 * not read it (a member account), `null` when the organization has none.
 */
export async function readDelegatedAdmin(
  client: Inspector2Client
): Promise<string | null | undefined> {
  try {
    const out = await client.send(new GetDelegatedAdminAccountCommand({}))
    return out.delegatedAdmin?.accountId ?? null
  } catch (error) {
    if (errorCode(error) === 'AccessDeniedException') return undefined
    throw explainAwsError(error, {
      action: 'inspector2:GetDelegatedAdminAccount',
      doing: 'reading the Inspector delegated administrator'
    })
  }
}

export interface InspectorMember {
  accountId: string
  relationshipStatus: string
}

/** Every member of the organization, every page (associated or not). */
export async function listInspectorMembers(
  client: Inspector2Client,
  paging: PagingOptions = {}
): Promise<InspectorMember[]> {
  const members: InspectorMember[] = []
  const pages = paginateListMembers({ client, pageSize: 50 }, { onlyAssociated: false })
  await call('inspector2:ListMembers', 'listing the organization members', async () => {
    for await (const page of guardedPages('ListMembers', pages, (p) => p.nextToken, paging)) {
      for (const m of page.members ?? []) {
        if (m.accountId !== undefined)
          members.push({ accountId: m.accountId, relationshipStatus: m.relationshipStatus ?? '' })
      }
    }
  })
  return members
}

/** Per member account, the status of each resource type (BatchGetAccountStatus, 100 a call). */
export async function memberStatuses(
  client: Inspector2Client,
  accountIds: readonly string[]
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>()
  for (let i = 0; i < accountIds.length; i += 100) {
    const batch = accountIds.slice(i, i + 100)
    const answer = await call(
      'inspector2:BatchGetAccountStatus',
      'reading the members’ Inspector status',
      () => client.send(new BatchGetAccountStatusCommand({ accountIds: [...batch] }))
    )
    for (const account of answer.accounts ?? []) {
      const state = account.resourceState
      out.set(account.accountId ?? '', {
        EC2: state?.ec2?.status ?? '',
        ECR: state?.ecr?.status ?? '',
        LAMBDA: state?.lambda?.status ?? '',
        LAMBDA_CODE: state?.lambdaCode?.status ?? ''
      })
    }
  }
  return out
}

export interface MemberEnableResult {
  enabled: string[]
  failed: { accountId: string; errorCode: string; errorMessage: string }[]
}

/** Enable with `accountIds`, in batches of 100 (the model's most). */
export async function enableMembers(
  client: Inspector2Client,
  accountIds: readonly string[],
  resourceTypes: readonly string[]
): Promise<MemberEnableResult> {
  const result: MemberEnableResult = { enabled: [], failed: [] }
  for (let i = 0; i < accountIds.length; i += 100) {
    const batch = accountIds.slice(i, i + 100)
    const answer = await call('inspector2:Enable', 'enabling Inspector for member accounts', () =>
      client.send(
        new EnableCommand({
          accountIds: [...batch],
          resourceTypes: [...resourceTypes] as ('EC2' | 'ECR' | 'LAMBDA' | 'LAMBDA_CODE')[]
        })
      )
    )
    result.enabled.push(...(answer.accounts ?? []).map((a) => a.accountId ?? ''))
    for (const failed of answer.failedAccounts ?? []) {
      result.failed.push({
        accountId: failed.accountId ?? '',
        errorCode: failed.errorCode ?? 'UNKNOWN',
        errorMessage: failed.errorMessage ?? ''
      })
    }
  }
  return result
}

export async function getInspectorAutoEnable(client: Inspector2Client): Promise<AutoEnable> {
  const out = await call(
    'inspector2:DescribeOrganizationConfiguration',
    'reading the Inspector organization configuration',
    () => client.send(new DescribeOrganizationConfigurationCommand({}))
  )
  return out.autoEnable ?? { ec2: false, ecr: false }
}

export async function setInspectorAutoEnable(
  client: Inspector2Client,
  autoEnable: AutoEnable
): Promise<void> {
  await call(
    'inspector2:UpdateOrganizationConfiguration',
    'turning on Inspector auto-enable for new members',
    () => client.send(new UpdateOrganizationConfigurationCommand({ autoEnable }))
  )
}
