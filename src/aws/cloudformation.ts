import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type CloudFormationClient,
  type StackEvent
} from '@aws-sdk/client-cloudformation'
import { callAws, errorCode, explainAwsError } from './errors.js'

export interface StackState {
  status: string
  reason: string | undefined
  outputs: Record<string, string>
}

/** The stack's state, or undefined when there is no such stack. */
export async function describeStack(
  client: CloudFormationClient,
  name: string
): Promise<StackState | undefined> {
  try {
    const out = await client.send(new DescribeStacksCommand({ StackName: name }))
    const stack = out.Stacks?.[0]
    if (!stack) return undefined
    const outputs: Record<string, string> = {}
    for (const o of stack.Outputs ?? [])
      if (o.OutputKey && o.OutputValue !== undefined) outputs[o.OutputKey] = o.OutputValue
    return { status: stack.StackStatus ?? 'UNKNOWN', reason: stack.StackStatusReason, outputs }
  } catch (error) {
    // CloudFormation answers a missing stack with a ValidationError, not a NotFound.
    if (
      errorCode(error) === 'ValidationError' &&
      /does not exist/.test(String((error as Error).message))
    )
      return undefined
    throw explainAwsError(error, {
      action: 'cloudformation:DescribeStacks',
      doing: `reading the stack ${name}`
    })
  }
}

export interface ChangeSetRequest {
  stackName: string
  changeSetName: string
  templateBody: string
  parameters: Record<string, string>
  type: 'CREATE' | 'UPDATE'
}

export async function createChangeSet(
  client: CloudFormationClient,
  request: ChangeSetRequest
): Promise<void> {
  await callAws(
    {
      action: 'cloudformation:CreateChangeSet',
      doing: `preparing changes to the stack ${request.stackName}`
    },
    () =>
      client.send(
        new CreateChangeSetCommand({
          StackName: request.stackName,
          ChangeSetName: request.changeSetName,
          ChangeSetType: request.type,
          TemplateBody: request.templateBody,
          Parameters: Object.entries(request.parameters).map(([ParameterKey, ParameterValue]) => ({
            ParameterKey,
            ParameterValue
          })),
          // The template creates the responder's roles; nothing else needs naming.
          Capabilities: ['CAPABILITY_IAM'],
          Tags: [{ Key: 'managed-by', Value: 'inspector-gate' }]
        })
      )
  )
}

export interface ChangeSetState {
  status: string
  reason: string | undefined
  changes: number
}

export async function describeChangeSet(
  client: CloudFormationClient,
  stackName: string,
  changeSetName: string
): Promise<ChangeSetState> {
  const out = await callAws(
    {
      action: 'cloudformation:DescribeChangeSet',
      doing: `reading the change set for ${stackName}`
    },
    () =>
      client.send(
        new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName })
      )
  )
  return {
    status: out.Status ?? 'UNKNOWN',
    reason: out.StatusReason,
    changes: out.Changes?.length ?? 0
  }
}

export async function executeChangeSet(
  client: CloudFormationClient,
  stackName: string,
  changeSetName: string
): Promise<void> {
  await callAws(
    { action: 'cloudformation:ExecuteChangeSet', doing: `applying the changes to ${stackName}` },
    () =>
      client.send(
        new ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName })
      )
  )
}

export async function deleteChangeSet(
  client: CloudFormationClient,
  stackName: string,
  changeSetName: string
): Promise<void> {
  await callAws(
    {
      action: 'cloudformation:DeleteChangeSet',
      doing: `removing the empty change set of ${stackName}`
    },
    () =>
      client.send(
        new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName })
      )
  )
}

/** The stack's events newest first (the first page is enough to follow a deployment). */
export async function recentStackEvents(
  client: CloudFormationClient,
  stackName: string
): Promise<StackEvent[]> {
  const out = await callAws(
    { action: 'cloudformation:DescribeStackEvents', doing: `reading the events of ${stackName}` },
    () => client.send(new DescribeStackEventsCommand({ StackName: stackName }))
  )
  return out.StackEvents ?? []
}
