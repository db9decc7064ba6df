import {
  BatchGetAccountStatusCommand,
  paginateListCoverage,
  paginateListFindings,
  type CoverageFilterCriteria,
  type FilterCriteria,
  type Finding as InspectorFinding,
  type Inspector2Client
} from '@aws-sdk/client-inspector2'
import { AwsCallError, callAws } from './errors.js'
import { functionResourceIds } from '../domain/function-reference.js'
import { guardedPages } from './paging.js'
import { ShapeCheck } from './response-shape.js'

const eq = (value: string): { comparison: 'EQUALS'; value: string } => ({
  comparison: 'EQUALS',
  value
})

/** One coverage row, as much of it as a gate needs. */
export interface CoverageSnapshot {
  statusCode: string | undefined
  reason: string | undefined
  lastScannedAt: Date | undefined
}

/**
 * The package-scan coverage row of one resource, or undefined while Inspector has not discovered it.
 * Coverage string filters support only EQUALS/NOT_EQUALS, so the exact resource id is the key; the
 * owning account is named too, so that from a delegated administrator, who sees every member's
 * coverage, the read is about the member account that holds the resource.
 */
export async function getCoverage(
  client: Inspector2Client,
  target: { resourceId: string; accountId: string },
  resourceType: 'AWS_ECR_CONTAINER_IMAGE' | 'AWS_LAMBDA_FUNCTION',
  scanType: 'PACKAGE' | 'CODE' = 'PACKAGE'
): Promise<CoverageSnapshot | undefined> {
  const { resourceId } = target
  const context = {
    action: 'inspector2:ListCoverage',
    doing: `checking Inspector coverage of ${resourceId}`
  }
  const filterCriteria: CoverageFilterCriteria = {
    resourceId: [eq(resourceId)],
    resourceType: [eq(resourceType)],
    accountId: [eq(target.accountId)],
    scanType: [eq(scanType)]
  }
  return readCoverageRow(client, filterCriteria, (id) => id === resourceId, context)
}

/**
 * The coverage row of one function's `$LATEST` for one scan type. Inspector's examples write the
 * id `…:function:<name>:$LATEST`, but no AWS sample confirms the form ListCoverage uses, so the
 * query is by function name, resource type and account, and a row with either id form of this
 * function (and no other: not another region's, account's or qualifier's) is the one.
 */
export async function getFunctionCoverage(
  client: Inspector2Client,
  target: { resourceId: string; functionName: string; accountId: string },
  scanType: 'PACKAGE' | 'CODE'
): Promise<CoverageSnapshot | undefined> {
  const ids = functionResourceIds(target.resourceId)
  const filterCriteria: CoverageFilterCriteria = {
    lambdaFunctionName: [eq(target.functionName)],
    resourceType: [eq('AWS_LAMBDA_FUNCTION')],
    accountId: [eq(target.accountId)],
    scanType: [eq(scanType)]
  }
  return readCoverageRow(client, filterCriteria, (id) => ids.has(id), {
    action: 'inspector2:ListCoverage',
    doing: `checking Inspector coverage of ${target.resourceId}`
  })
}

async function readCoverageRow(
  client: Inspector2Client,
  filterCriteria: CoverageFilterCriteria,
  matches: (resourceId: string) => boolean,
  context: { action: string; doing: string }
): Promise<CoverageSnapshot | undefined> {
  return callAws(context, async () => {
    const pages = guardedPages(
      'ListCoverage',
      paginateListCoverage({ client, pageSize: 200 }, { filterCriteria }),
      (page) => page.nextToken
    )
    for await (const page of pages) {
      const row = page.coveredResources?.find(
        (r) => r.resourceId !== undefined && matches(r.resourceId)
      )
      if (row) {
        return {
          statusCode: row.scanStatus?.statusCode,
          reason: row.scanStatus?.reason,
          lastScannedAt: row.lastScannedAt
        }
      }
    }
    return undefined
  })
}

/** Whole re-reads allowed when a page token goes stale mid-read (see readAllFindings). */
const STALE_TOKEN_RESTARTS = 2

/** A page after the first was refused as invalid input: its token, the only input that changed. */
class StalePageToken extends Error {
  constructor(readonly original: unknown) {
    super('a ListFindings page token was refused')
  }
}

async function readAllFindings(
  client: Inspector2Client,
  filterCriteria: FilterCriteria,
  context: { action: string; doing: string }
): Promise<InspectorFinding[]> {
  return callAws(context, async () => {
    // A read that outlives its page token (a slow or throttled read of thousands of findings)
    // starts over: half a finding set is never returned as the whole, and a fresh read is as good
    // as the one that went stale. A token that keeps going stale is reported as the error it is.
    for (let restarts = 0; ; restarts += 1) {
      try {
        return await readFindingPages(client, filterCriteria)
      } catch (error) {
        if (!(error instanceof StalePageToken)) throw error
        if (restarts >= STALE_TOKEN_RESTARTS) throw error.original
      }
    }
  })
}

/** One read of every page; each finding once, a repeated page token is an error. */
async function readFindingPages(
  client: Inspector2Client,
  filterCriteria: FilterCriteria
): Promise<InspectorFinding[]> {
  const byArn = new Map<string, InspectorFinding>()
  // A fresh input object per call: the paginator writes its token back into the input.
  const pages = guardedPages(
    'ListFindings',
    paginateListFindings(
      { client, pageSize: 100 },
      { filterCriteria: structuredClone(filterCriteria) }
    ),
    (page) => page.nextToken
  )
  let pageCount = 0
  try {
    for await (const page of pages) {
      pageCount += 1
      // The model makes no member of a page required, and Inspector does send pages with a
      // nextToken but no findings list: such a page is empty, and the read goes on to the next.
      // A finding inserted while paging can shift another onto a second page: count each once.
      for (const finding of page.findings ?? [])
        byArn.set(finding.findingArn ?? `#${byArn.size}`, finding)
    }
  } catch (error) {
    if (pageCount > 0 && (error as { name?: unknown }).name === 'ValidationException') {
      throw new StalePageToken(error)
    }
    throw error
  }
  return [...byArn.values()]
}

/** Every ACTIVE finding of one image digest in one repository, all pages. */
export async function listImageFindings(
  client: Inspector2Client,
  target: { digest: string; repository: string; registryId: string; resourceId: string }
): Promise<InspectorFinding[]> {
  const filterCriteria: FilterCriteria = {
    ecrImageHash: [eq(target.digest)],
    ecrImageRepositoryName: [eq(target.repository)],
    awsAccountId: [eq(target.registryId)],
    findingStatus: [eq('ACTIVE')]
  }
  // All pages, each finding once (a finding inserted while paging can repeat another on the next
  // page), and a repeated page token is an error rather than a silently short list.
  const findings = await readAllFindings(client, filterCriteria, {
    action: 'inspector2:ListFindings',
    doing: `reading Inspector findings of ${target.repository}@${target.digest}`
  })
  // The filters already say this; checking again means a filter Inspector ignored cannot leak
  // another image's findings into this verdict.
  return findings.filter((f) => namesImage(f, target))
}

/**
 * Whether a finding listed for this image's filter is about this image. One that names other
 * images only is left out (a filter that leaked); one that names no resource at all, or names it in
 * a shape we cannot read, cannot be told apart and is an error naming it: it was returned for this
 * image, so dropping it could pass a build that carries it.
 */
function namesImage(
  finding: InspectorFinding,
  target: { digest: string; repository: string; resourceId: string }
): boolean {
  const check = new ShapeCheck(
    'ListFindings',
    `finding ${finding.findingArn ?? '(without findingArn)'} for ${target.repository}@${target.digest}`
  )
  const resources = check.list('resources', finding.resources)
  if (resources === undefined || resources.length === 0) {
    throw check.fail('resources', 'missing, so it cannot tell which image the finding is about')
  }
  return resources.some((entry, i) => {
    const resource = check.object(`resources[${i}]`, entry)
    if (resource === undefined) throw check.fail(`resources[${i}]`, 'missing')
    const id = check.string(`resources[${i}].id`, resource['id'])
    const details = check.object(`resources[${i}].details`, resource['details'])
    const image = check.object(
      `resources[${i}].details.awsEcrContainerImage`,
      details?.['awsEcrContainerImage']
    )
    const hash = check.string(
      `resources[${i}].details.awsEcrContainerImage.imageHash`,
      image?.['imageHash']
    )
    if (id === undefined && hash === undefined) {
      throw check.fail(`resources[${i}]`, 'without an id or image hash')
    }
    return id === target.resourceId || hash === target.digest
  })
}

/**
 * Every ACTIVE finding of one function's `$LATEST` of one type (package or code), all pages. Which
 * deployment a finding belongs to is decided by the caller from its codeSha256: the API has no
 * version filter, and findings of the previous code are closed only some time after an update.
 * Queried by function name (the resource id's form is not confirmed, see getFunctionCoverage);
 * only findings whose resource is this function, in either id form, are kept.
 */
export async function listFunctionFindings(
  client: Inspector2Client,
  target: {
    resourceId: string
    functionName: string
    accountId: string
    findingType: 'PACKAGE_VULNERABILITY' | 'CODE_VULNERABILITY'
  }
): Promise<InspectorFinding[]> {
  const filterCriteria: FilterCriteria = {
    resourceType: [eq('AWS_LAMBDA_FUNCTION')],
    lambdaFunctionName: [eq(target.functionName)],
    awsAccountId: [eq(target.accountId)],
    findingType: [eq(target.findingType)],
    findingStatus: [eq('ACTIVE')]
  }
  const findings = await readAllFindings(client, filterCriteria, {
    action: 'inspector2:ListFindings',
    doing: `reading Inspector findings of ${target.resourceId}`
  })
  const ids = functionResourceIds(target.resourceId)
  return findings.filter((f) =>
    (f.resources ?? []).some((r) => r.id !== undefined && ids.has(r.id))
  )
}

/** Inspector's account and resource-type states (its `Status` enum). */
export const INSPECTOR_STATES = [
  'ENABLING',
  'ENABLED',
  'DISABLING',
  'DISABLED',
  'SUSPENDING',
  'SUSPENDED'
] as const
export type InspectorState = (typeof INSPECTOR_STATES)[number]
export interface AccountScanStatus {
  accountId: string | undefined
  account: string | undefined
  ec2: string | undefined
  ecr: string | undefined
  lambda: string | undefined
  lambdaCode: string | undefined
}

export async function getAccountStatus(client: Inspector2Client): Promise<AccountScanStatus> {
  const out = await callAws(
    {
      action: 'inspector2:BatchGetAccountStatus',
      doing: 'checking that Amazon Inspector is enabled'
    },
    () => client.send(new BatchGetAccountStatusCommand({}))
  )
  const account = out.accounts?.[0]
  if (!account) {
    throw new AwsCallError(
      'BatchGetAccountStatus returned no account: Amazon Inspector has never been enabled here; enable it for ECR scanning',
      'NotFound',
      false
    )
  }
  return {
    accountId: account.accountId,
    account: account.state?.status,
    ec2: account.resourceState?.ec2?.status,
    ecr: account.resourceState?.ecr?.status,
    lambda: account.resourceState?.lambda?.status,
    lambdaCode: account.resourceState?.lambdaCode?.status
  }
}
