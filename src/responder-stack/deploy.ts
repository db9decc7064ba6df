import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { Clock } from '../runtime/clock.js'
import type { Logger } from '../gate/scan/deps.js'
import { deployStack, type DeployResult } from './deploy-stack.js'

/** The bundled responder stack (infra/responder.yaml) and the parameters users may set. */
export interface ResponderConfig {
  stackName: string
  notificationEmail: string
  kmsKeyArn: string
  inspectorFindingsOnly: boolean
  logRetentionDays: number
}

/** Deploys (or leaves unchanged) the responder stack from the template the action ships. */
export async function deployResponder(
  config: ResponderConfig,
  templateBody: string,
  deps: {
    cloudformation: CloudFormationClient
    clock: Clock
    log: Logger
    deadline: number
    pollMs: number
  }
): Promise<DeployResult> {
  deps.log.info(`deploying the responder stack ${config.stackName}`)
  return deployStack(
    {
      stackName: config.stackName,
      templateBody,
      parameters: {
        NotificationEmail: config.notificationEmail,
        KmsKeyArn: config.kmsKeyArn,
        InspectorFindingsOnly: String(config.inspectorFindingsOnly),
        LogRetentionDays: String(config.logRetentionDays)
      }
    },
    deps
  )
}
