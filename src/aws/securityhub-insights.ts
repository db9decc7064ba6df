import {
  CreateInsightCommand,
  paginateGetInsights,
  UpdateInsightCommand,
  type AwsSecurityFindingFilters,
  type SecurityHubClient
} from '@aws-sdk/client-securityhub'
import { guardedPages } from './paging.js'
import { AwsCallError, callAws } from './errors.js'

export interface InsightDefinition {
  name: string
  filters: AwsSecurityFindingFilters
  groupByAttribute: string
}

export interface ExistingInsight extends InsightDefinition {
  arn: string
}

export async function listInsights(client: SecurityHubClient): Promise<ExistingInsight[]> {
  return callAws(
    { action: 'securityhub:GetInsights', doing: 'listing the Security Hub insights' },
    async () => {
      const insights: ExistingInsight[] = []
      const pages = guardedPages(
        'GetInsights',
        paginateGetInsights({ client }, {}),
        (page) => page.NextToken
      )
      for await (const page of pages) {
        for (const insight of page.Insights ?? []) {
          if (!insight.InsightArn || insight.Name === undefined) continue
          insights.push({
            arn: insight.InsightArn,
            name: insight.Name,
            filters: insight.Filters ?? {},
            groupByAttribute: insight.GroupByAttribute ?? ''
          })
        }
      }
      return insights
    }
  )
}

export async function createInsight(
  client: SecurityHubClient,
  insight: InsightDefinition
): Promise<string> {
  const out = await callAws(
    { action: 'securityhub:CreateInsight', doing: `creating the insight "${insight.name}"` },
    () =>
      client.send(
        new CreateInsightCommand({
          Name: insight.name,
          Filters: insight.filters,
          GroupByAttribute: insight.groupByAttribute
        })
      )
  )
  if (!out.InsightArn) {
    throw new AwsCallError(
      `CreateInsight returned no ARN for "${insight.name}"`,
      'UnexpectedResponse',
      false
    )
  }
  return out.InsightArn
}

export async function updateInsight(
  client: SecurityHubClient,
  arn: string,
  insight: InsightDefinition
): Promise<void> {
  await callAws(
    { action: 'securityhub:UpdateInsight', doing: `updating the insight "${insight.name}"` },
    () =>
      client.send(
        new UpdateInsightCommand({
          InsightArn: arn,
          Name: insight.name,
          Filters: insight.filters,
          GroupByAttribute: insight.groupByAttribute
        })
      )
  )
}
