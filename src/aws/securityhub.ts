import {
  DescribeHubCommand,
  EnableImportFindingsForProductCommand,
  EnableSecurityHubCommand,
  paginateListEnabledProductsForImport,
  type SecurityHubClient
} from '@aws-sdk/client-securityhub'
import { callAws } from './errors.js'
import { guardedPages } from './paging.js'

/** What an enable call found: it did the work, or someone (maybe a concurrent run) already had. */
export type EnableOutcome = 'enabled' | 'already-enabled'

export function partitionOf(region: string): 'aws' | 'aws-cn' | 'aws-us-gov' {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  return 'aws'
}

/** The product (not subscription) ARN that EnableImportFindingsForProduct takes for Inspector. */
export function inspectorProductArn(region: string): string {
  return `arn:${partitionOf(region)}:securityhub:${region}::product/aws/inspector`
}

/**
 * ListEnabledProductsForImport returns subscription ARNs
 * (`arn:aws:securityhub:<region>:<account>:product-subscription/aws/inspector`), not product ARNs.
 */
export function isInspectorSubscription(subscriptionArn: string): boolean {
  return subscriptionArn.endsWith(':product-subscription/aws/inspector')
}

const errorName = (error: unknown): string | undefined => (error as { name?: string })?.name

/**
 * Whether Security Hub (CSPM) is on in the client's region. When it is off, DescribeHub answers
 * InvalidAccessException "Account … is not subscribed to AWS Security Hub": an answer, not a failure.
 */
export async function describeHub(client: SecurityHubClient): Promise<boolean> {
  return callAws(
    { action: 'securityhub:DescribeHub', doing: 'checking that AWS Security Hub is enabled' },
    async () => {
      try {
        await client.send(new DescribeHubCommand({}))
        return true
      } catch (error) {
        if (errorName(error) === 'InvalidAccessException') return false
        throw error
      }
    }
  )
}

/**
 * Turns Security Hub on without its default standards (EnableDefaultStandards defaults to true,
 * which would switch on CIS 1.2.0 and FSBP); a 409 "already subscribed" means it is on.
 */
export async function enableSecurityHub(client: SecurityHubClient): Promise<EnableOutcome> {
  return callAws(
    { action: 'securityhub:EnableSecurityHub', doing: 'enabling AWS Security Hub' },
    () =>
      alreadyOnConflict(() =>
        client.send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }))
      )
  )
}

/** Every subscription ARN of products whose findings Security Hub imports, all pages. */
export async function listEnabledImportProducts(client: SecurityHubClient): Promise<string[]> {
  return callAws(
    {
      action: 'securityhub:ListEnabledProductsForImport',
      doing: 'checking which products send findings to Security Hub'
    },
    async () => {
      const arns: string[] = []
      // A fresh input object: the paginator writes its token back into it.
      const pages = guardedPages(
        'ListEnabledProductsForImport',
        paginateListEnabledProductsForImport({ client, pageSize: 100 }, {}),
        (page) => page.NextToken
      )
      for await (const page of pages) arns.push(...(page.ProductSubscriptions ?? []))
      return arns
    }
  )
}

/** Subscribes Security Hub to a product's findings; 409 means the subscription already exists. */
export async function enableImportForProduct(
  client: SecurityHubClient,
  productArn: string
): Promise<EnableOutcome> {
  return callAws(
    {
      action: 'securityhub:EnableImportFindingsForProduct',
      doing: `enabling the import of ${productArn} findings into Security Hub`
    },
    () =>
      alreadyOnConflict(() =>
        client.send(new EnableImportFindingsForProductCommand({ ProductArn: productArn }))
      )
  )
}

async function alreadyOnConflict(call: () => Promise<unknown>): Promise<EnableOutcome> {
  try {
    await call()
    return 'enabled'
  } catch (error) {
    if (errorName(error) === 'ResourceConflictException') return 'already-enabled'
    throw error
  }
}
