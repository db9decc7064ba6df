import {
  BatchEnableStandardsCommand,
  paginateDescribeStandards,
  paginateGetEnabledStandards,
  type SecurityHubClient
} from '@aws-sdk/client-securityhub'
import { callAws } from './errors.js'
import { guardedPages } from './paging.js'

/** A standard Security Hub offers in this region, with the slug and version its ARN encodes. */
export interface AvailableStandard {
  arn: string
  name: string
  /** `aws-foundational-security-best-practices`, `cis-aws-foundations-benchmark`, … */
  slug: string
  version: string
}

export interface StandardSubscription {
  standardsArn: string
  status: string
  reason: string | undefined
}

/** `…:standards/<slug>/v/<version>` or the older `…:ruleset/<slug>/v/<version>` (CIS 1.2.0). */
const STANDARD_ARN = /:(?:standards|ruleset)\/([a-z0-9-]+)\/v\/([0-9.]+)$/

export async function describeStandards(client: SecurityHubClient): Promise<AvailableStandard[]> {
  return callAws(
    {
      action: 'securityhub:DescribeStandards',
      doing: 'listing the security standards Security Hub offers'
    },
    async () => {
      const standards: AvailableStandard[] = []
      const pages = guardedPages(
        'DescribeStandards',
        paginateDescribeStandards({ client }, {}),
        (page) => page.NextToken
      )
      for await (const page of pages) {
        for (const standard of page.Standards ?? []) {
          const match = STANDARD_ARN.exec(standard.StandardsArn ?? '')
          if (!standard.StandardsArn || !match) continue
          standards.push({
            arn: standard.StandardsArn,
            name: standard.Name ?? standard.StandardsArn,
            slug: match[1] as string,
            version: match[2] as string
          })
        }
      }
      return standards
    }
  )
}

export async function getEnabledStandards(
  client: SecurityHubClient
): Promise<StandardSubscription[]> {
  return callAws(
    { action: 'securityhub:GetEnabledStandards', doing: 'reading the enabled security standards' },
    async () => {
      const subscriptions: StandardSubscription[] = []
      const pages = guardedPages(
        'GetEnabledStandards',
        paginateGetEnabledStandards({ client }, {}),
        (page) => page.NextToken
      )
      for await (const page of pages) {
        for (const s of page.StandardsSubscriptions ?? []) {
          if (!s.StandardsArn) continue
          subscriptions.push({
            standardsArn: s.StandardsArn,
            status: s.StandardsStatus ?? 'UNKNOWN',
            reason: s.StandardsStatusReason?.StatusReasonCode
          })
        }
      }
      return subscriptions
    }
  )
}

/** One BatchEnableStandards call (at most 25 standards; the API allows 1 call per second). */
export async function enableStandards(client: SecurityHubClient, arns: string[]): Promise<void> {
  await callAws(
    {
      action: 'securityhub:BatchEnableStandards',
      doing: `enabling ${arns.length} security standard(s)`
    },
    () =>
      client.send(
        new BatchEnableStandardsCommand({
          StandardsSubscriptionRequests: arns.map((StandardsArn) => ({ StandardsArn }))
        })
      )
  )
}
