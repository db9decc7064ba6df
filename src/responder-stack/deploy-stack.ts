import type { CloudFormationClient, StackEvent } from '@aws-sdk/client-cloudformation'
import {
  createChangeSet,
  deleteChangeSet,
  describeChangeSet,
  describeStack,
  executeChangeSet,
  recentStackEvents
} from '../aws/cloudformation.js'
import type { Clock } from '../runtime/clock.js'
import type { Logger } from '../gate/scan/deps.js'
import { poll, PollTimeoutError } from '../runtime/poll.js'

export interface StackDeployment {
  stackName: string
  templateBody: string
  parameters: Record<string, string>
}

export interface DeployResult {
  /** `created`, `updated`, or `unchanged` when the change set held no changes. */
  outcome: 'created' | 'updated' | 'unchanged'
  outputs: Record<string, string>
}

export interface DeployDeps {
  cloudformation: CloudFormationClient
  clock: Clock
  log: Logger
  deadline: number
  pollMs: number
}

export class DeployError extends Error {
  override name = 'DeployError'
}

const STABLE = new Set([
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_COMPLETE'
])
const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE'])

/**
 * Creates or updates a stack through a change set, so "no changes" is a normal, quiet outcome and
 * nothing is applied that was not reviewed by CloudFormation first. Progress is logged while it
 * waits; a failure prints the failing resources' events and what the stack's state means.
 */
export async function deployStack(
  deployment: StackDeployment,
  deps: DeployDeps
): Promise<DeployResult> {
  const { stackName } = deployment
  const cfn = deps.cloudformation
  let current = await describeStack(cfn, stackName)
  if (current?.status.endsWith('_IN_PROGRESS') && current.status !== 'REVIEW_IN_PROGRESS') {
    deps.log.info(`stack ${stackName} is ${current.status}; waiting for it to settle first`)
    current = await awaitStable(deployment, deps, new Set())
  }
  if (
    current?.status === 'ROLLBACK_COMPLETE' ||
    current?.status === 'ROLLBACK_FAILED' ||
    current?.status === 'DELETE_FAILED'
  ) {
    throw new DeployError(
      `stack ${stackName} is ${current.status}: its first creation failed and CloudFormation cannot update it; delete it (aws cloudformation delete-stack --stack-name ${stackName}) and run again`
    )
  }
  const type =
    current === undefined || current.status === 'REVIEW_IN_PROGRESS' ? 'CREATE' : 'UPDATE'
  const changeSetName = `inspector-gate-${deps.clock.now()}`
  await createChangeSet(cfn, { ...deployment, changeSetName, type })

  const changeSet = await poll(
    async () => {
      const state = await describeChangeSet(cfn, stackName, changeSetName)
      const settled = state.status === 'CREATE_COMPLETE' || state.status === 'FAILED'
      return settled
        ? { done: true, value: state }
        : { done: false, state: `change set ${state.status}` }
    },
    { deadline: deps.deadline, initialDelayMs: deps.pollMs, maxDelayMs: deps.pollMs * 3 },
    deps.clock
  )
  if (changeSet.status === 'FAILED') {
    if (/didn't contain changes|No updates are to be performed/i.test(changeSet.reason ?? '')) {
      await deleteChangeSet(cfn, stackName, changeSetName)
      deps.log.info(`stack ${stackName} is up to date: no changes`)
      return { outcome: 'unchanged', outputs: current?.outputs ?? {} }
    }
    throw new DeployError(
      `CloudFormation refused the changes to ${stackName}: ${changeSet.reason ?? 'no reason given'}`
    )
  }

  deps.log.info(`applying ${changeSet.changes} change(s) to stack ${stackName}`)
  // Events from before this deployment are neither logged nor blamed for its failure.
  const before = new Set(
    (await recentStackEvents(cfn, stackName).catch(() => [])).map((e) => e.EventId ?? '')
  )
  await executeChangeSet(cfn, stackName, changeSetName)
  const final = await awaitStable(deployment, deps, new Set(before))
  if (!SUCCESS.has(final.status)) {
    const failures = (await recentStackEvents(cfn, stackName))
      .filter((e) => !before.has(e.EventId ?? '') && (e.ResourceStatus ?? '').endsWith('_FAILED'))
      .map(describeEvent)
    for (const failure of failures) deps.log.warning(`${stackName}: ${failure}`)
    throw new DeployError(
      `stack ${stackName} ended ${final.status}: ${explainStackStatus(final.status, stackName)}${failures[0] ? ` — first failure: ${failures[0]}` : ''}`
    )
  }
  deps.log.info(`stack ${stackName} is ${final.status}`)
  return { outcome: type === 'CREATE' ? 'created' : 'updated', outputs: final.outputs }
}

/** Polls until the stack leaves every *_IN_PROGRESS state, logging each event not yet `logged`. */
async function awaitStable(
  deployment: StackDeployment,
  deps: DeployDeps,
  logged: Set<string>
): Promise<NonNullable<Awaited<ReturnType<typeof describeStack>>>> {
  const { stackName } = deployment
  try {
    return await poll(
      async () => {
        const state = await describeStack(deps.cloudformation, stackName)
        if (state === undefined)
          throw new DeployError(`stack ${stackName} disappeared while it was being deployed`)
        for (const event of (await recentStackEvents(deps.cloudformation, stackName)).reverse()) {
          if (logged.has(event.EventId ?? '')) continue
          logged.add(event.EventId ?? '')
          deps.log.info(`${stackName}: ${describeEvent(event)}`)
        }
        const stable =
          STABLE.has(state.status) ||
          (!state.status.endsWith('_IN_PROGRESS') && state.status !== 'UNKNOWN')
        return stable ? { done: true, value: state } : { done: false, state: state.status }
      },
      { deadline: deps.deadline, initialDelayMs: deps.pollMs, maxDelayMs: deps.pollMs * 3 },
      deps.clock
    )
  } catch (error) {
    if (error instanceof PollTimeoutError) {
      throw new DeployError(
        `stack ${stackName} was still ${error.lastState} when the time ran out; it keeps going in CloudFormation — check it in the console`
      )
    }
    throw error
  }
}

function describeEvent(event: StackEvent): string {
  const reason = event.ResourceStatusReason ? ` (${event.ResourceStatusReason})` : ''
  return `${event.LogicalResourceId ?? '?'} ${event.ResourceType ?? ''} ${event.ResourceStatus ?? ''}${reason}`.replace(
    /\s+/g,
    ' '
  )
}

/** What a failed stack state means for the next run. */
export function explainStackStatus(status: string, stackName: string): string {
  switch (status) {
    case 'ROLLBACK_COMPLETE':
      return `creation failed and was rolled back; delete the stack (aws cloudformation delete-stack --stack-name ${stackName}) before running again`
    case 'UPDATE_ROLLBACK_COMPLETE':
      return 'the update failed and the stack was rolled back to its previous working state; fix the cause and run again'
    case 'UPDATE_ROLLBACK_FAILED':
      return 'the update failed and so did the rollback; continue the rollback in the console (ContinueUpdateRollback) before anything else'
    default:
      return 'see the failing resources above'
  }
}
