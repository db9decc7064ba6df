import { MissingRegionError } from '../inputs/missing-region.js'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AwsClients } from '../aws/clients.js'
import type { DeployResult } from './deploy-stack.js'
import { deployResponder, type ResponderConfig } from './deploy.js'
import { systemClock } from '../runtime/clock.js'
import type { Host } from '../runtime/host.js'
import { errorMessage } from '../runtime/error-message.js'

const DEPLOY_BUDGET_MS = 20 * 60_000

/**
 * The template this version ships, found next to its bundle: `<root>/dist/index.js` (the action)
 * and `<root>/dist/cli/index.js` (the CLI) both look for `<root>/infra/responder.yaml`, so the stack
 * deployed is the one this version was tested with.
 */
export function responderTemplate(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [join(here, '..', 'infra'), join(here, '..', '..', 'infra')].map((dir) =>
    join(dir, 'responder.yaml')
  )
  const path = candidates.find((candidate) => existsSync(candidate))
  if (path === undefined) {
    throw new Error(
      `infra/responder.yaml not found next to the program (looked at ${candidates.join(', ')}); reinstall inspector-gate`
    )
  }
  const body = readFileSync(path, 'utf8')
  if (body.includes('responder code not built')) {
    throw new Error(
      `${path} holds no responder code: this copy was packaged without npm run build:responder`
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
  host: Host
): Promise<ResponderRun> {
  const region = host.env['AWS_REGION']
  if (!region) {
    const error = new MissingRegionError('deploy-responder needs a region: ').explained(
      host.awsAdvice.regionVariable
    )
    return { ok: false, error }
  }
  try {
    // Only a run that deploys the stack loads the CloudFormation SDK (a chunk of its own).
    await clients.load('cloudformation')
    const result = await deployResponder(config, responderTemplate(), {
      cloudformation: clients.cloudformation(region),
      clock: systemClock,
      log: host,
      deadline: systemClock.now() + DEPLOY_BUDGET_MS,
      pollMs: 10_000
    })
    host.setOutput('responder-stack', result.outcome)
    host.setOutput('responder-topic-arn', result.outputs['TopicArn'] ?? '')
    host.setOutput('responder-outputs', JSON.stringify(result.outputs))
    return { ok: true, outcome: result.outcome }
  } catch (error) {
    const message = errorMessage(error)
    return { ok: false, error: `responder stack ${config.stackName}: ${message}` }
  }
}
