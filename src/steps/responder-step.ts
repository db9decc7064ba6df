import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AwsClients } from '../aws/clients.js'
import type { DeployResult } from '../modes/deploy-stack.js'
import { deployResponder, type ResponderConfig } from '../modes/responder.js'
import { systemClock } from '../scan/clock.js'
import type { Logger } from '../scan/deps.js'

const DEPLOY_BUDGET_MS = 20 * 60_000

/**
 * The template the action ships, next to its bundle (`<action>/dist/index.js` →
 * `<action>/infra/responder.yaml`), so the stack deployed is the one this version was tested with.
 */
export function responderTemplate(): string {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'infra', 'responder.yaml')
  const body = readFileSync(path, 'utf8')
  if (body.includes('responder code not built')) {
    throw new Error(
      `${path} holds no responder code: this copy of the action was packaged without npm run build:responder`
    )
  }
  return body
}

export type ResponderRun =
  { ok: true; outcome: DeployResult['outcome'] } | { ok: false; error: string }

/** Deploys the responder stack and exposes its outputs as step outputs. Never throws. */
export async function runResponderDeployment(
  config: ResponderConfig,
  clients: AwsClients,
  log: Logger
): Promise<ResponderRun> {
  const region = process.env['AWS_REGION']
  if (!region) {
    const error = 'deploy-responder needs a region: set AWS_REGION (configure-aws-credentials does)'
    return { ok: false, error }
  }
  try {
    const result = await deployResponder(config, responderTemplate(), {
      cloudformation: clients.cloudformation(region),
      clock: systemClock,
      log,
      deadline: systemClock.now() + DEPLOY_BUDGET_MS,
      pollMs: 10_000
    })
    core.setOutput('responder-stack', result.outcome)
    core.setOutput('responder-topic-arn', result.outputs['TopicArn'] ?? '')
    core.setOutput('responder-outputs', JSON.stringify(result.outputs))
    return { ok: true, outcome: result.outcome }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: `responder stack ${config.stackName}: ${message}` }
  }
}
