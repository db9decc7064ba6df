import type { ScanDeps } from './deps.js'
import { errorMessage } from '../../runtime/error-message.js'

/** The responder stack's output that names the log group its rule sends scan events to. */
export const SCAN_EVENT_LOG_GROUP_OUTPUT = 'ScanEventLogGroup'

/** CloudWatch Logs' own rule for a log group name (1 to 512 of these characters). */
export const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/

/** Where the gate reads Inspector's scan events from (`scan-event-log-group`). */
export type ScanEventLogGroupSetting =
  /** A log group the user named: the same name in every Region. */
  | { kind: 'named'; logGroupName: string }
  /** The responder stack's output in each image's Region, when that stack is there. */
  | { kind: 'from-stack'; stackName: string }
  /** Settle by the quiet period only. */
  | { kind: 'off' }

/**
 * The log group of one Region, or why there is none. `info` when nothing is wrong (no stack, or a
 * stack deployed without scan events): the quiet period then settles as it always did. `warning`
 * when something the user set up cannot be read.
 */
export type LocatedLogGroup =
  { logGroupName: string } | { unavailable: string; level: 'info' | 'warning' }

/**
 * Reads the stack's outputs once per Region (one DescribeStacks). Without the stack, without the
 * output, or without permission, the gate is still correct, only slower: it says so in one line
 * and what would make it fast.
 */
export async function locateScanEventLogGroup(
  setting: Exclude<ScanEventLogGroupSetting, { kind: 'off' }>,
  region: string,
  deps: Pick<ScanDeps, 'clients'>
): Promise<LocatedLogGroup> {
  if (setting.kind === 'named') return { logGroupName: setting.logGroupName }
  const { stackName } = setting
  let stack
  try {
    // Only a gate that looks for the stack loads the CloudFormation SDK and its adapter, each a
    // chunk of its own, when its first image waits (issue 13, cold start).
    const [{ describeStack }] = await Promise.all([
      import('../../aws/cloudformation.js'),
      deps.clients.load('cloudformation')
    ])
    stack = await describeStack(deps.clients.cloudformation(region), stackName)
  } catch (error) {
    const reason = errorMessage(error)
    return {
      unavailable: `${reason}; set scan-event-log-group to the stack's ${SCAN_EVENT_LOG_GROUP_OUTPUT} output, or to off`,
      level: 'warning'
    }
  }
  if (stack === undefined) {
    return {
      unavailable: `no stack ${stackName} in ${region} to name the scan-event log group (deploy it with deploy-responder: true, or set scan-event-log-group)`,
      level: 'info'
    }
  }
  const name = stack.outputs[SCAN_EVENT_LOG_GROUP_OUTPUT]
  if (name === undefined) {
    return {
      unavailable: `the stack ${stackName} in ${region} (${stack.status}) has no ${SCAN_EVENT_LOG_GROUP_OUTPUT} output (update it with setup and deploy-responder: true, with responder-scan-events on)`,
      level: 'info'
    }
  }
  if (!LOG_GROUP_NAME.test(name)) {
    return {
      unavailable: `the stack ${stackName} in ${region} gives ${SCAN_EVENT_LOG_GROUP_OUTPUT} ${JSON.stringify(name.slice(0, 80))}, which is not a log group name`,
      level: 'warning'
    }
  }
  return { logGroupName: name }
}
