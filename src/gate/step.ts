import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createAwsClients } from '../aws/clients.js'
import { buildGateConfig } from './config.js'
import type { RawInputs } from '../inputs/read.js'
import { buildPublishConfig, type PublishConfig } from './publish-config.js'
import { buildResponderConfig } from '../responder-stack/config.js'
import type { Verdict } from '../domain/verdict.js'
import { runGate, type GateConfig } from './run.js'
import type { ResponderConfig } from '../responder-stack/deploy.js'
import { renderFindingsJson } from './render/findings-file.js'
import { renderSummary } from './render/summary.js'
import { renderVerdictText } from './render/verdict-text.js'
import { systemClock } from '../runtime/clock.js'
import { publishVerdict } from './publish.js'
import { failedStep, type Host, type OutputFormat, type StepOutcome } from '../runtime/host.js'
import { errorMessage } from '../runtime/error-message.js'
import { runResponderDeployment } from '../responder-stack/step.js'

interface GateStepConfig {
  gate: GateConfig
  publish: PublishConfig
  responder: ResponderConfig | undefined
}

/** `mode: gate`: inputs → verdict → outputs, files, summary, comment, annotations, outcome. */
export async function runGateStep(inputs: RawInputs, host: Host): Promise<StepOutcome> {
  let config: GateStepConfig
  try {
    config = {
      responder: buildResponderConfig(inputs),
      publish: buildPublishConfig(inputs, host),
      gate: buildGateConfig(
        inputs,
        (path) => readFileSync(resolve(host.workspace, path), 'utf8'),
        host.env
      )
    }
  } catch (error) {
    return failedStep(host, errorMessage(error))
  }

  // Every wait and every AWS call ends by the gate's timeout: the deadline bounds both.
  const deadline = systemClock.now() + config.gate.timeoutMs
  const clients = createAwsClients({
    deadline: {
      at: deadline,
      clock: systemClock,
      name: `timeout (${durationText(config.gate.timeoutMs)})`
    }
  })
  try {
    const verdict = await runGate(config.gate, { clients, clock: systemClock, log: host, deadline })
    await publishVerdict(verdict, config.gate, config.publish, host)
    const outcome = conclude(verdict, config, host)
    if (config.responder !== undefined) {
      // The stack is independent of the verdict: it is deployed whatever the gate decided.
      // Its own clients: the deployment has its own budget, after the gate's deadline.
      const deployed = await runResponderDeployment(config.responder, createAwsClients(), host)
      if (!deployed.ok) {
        const failure = `inspector-gate: ${deployed.error}`
        // A passing gate whose stack failed is not a pass: the step fails, and `result` says why.
        const result = outcome.result === 'pass' ? 'error' : outcome.result
        host.setOutput('result', result)
        return {
          ...outcome,
          result,
          failure: outcome.failure === undefined ? failure : `${outcome.failure}; ${failure}`
        }
      }
    }
    return outcome
  } catch (error) {
    // Only a bug gets here: every expected failure is an outcome inside the verdict.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    return failedStep(host, `inspector-gate failed unexpectedly: ${detail}`)
  }
}

/** One line per reason, then the outcome: its first line is what shows in the checks list. */
function conclude(verdict: Verdict, config: GateStepConfig, host: Host): StepOutcome {
  for (const warning of verdict.warnings) host.warning(warning)
  const counts = Object.entries(verdict.counts)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ')
  host.info(`findings: ${counts || 'none'}; ${verdict.ignored.length} ignored`)

  const { policy } = config.gate
  const render = (format: OutputFormat): string => {
    if (format === 'markdown') {
      return renderSummary(verdict, { policy, findingsFile: config.publish.findingsFile })
    }
    if (format === 'json') return renderFindingsJson(verdict, { generatedAt: new Date(), policy })
    return renderVerdictText(verdict)
  }
  const result = verdict.result
  if (result === 'pass') {
    host.info('inspector-gate: pass')
    return { result, render }
  }
  if (result === 'error' && policy.onError === 'warn') {
    host.warning('inspector-gate could not reach a verdict; on-error is warn, so the step passes')
    return { result, render }
  }
  for (const line of verdict.failures.slice(1)) host.error(line)
  const head = verdict.failures[0] ?? 'no verdict'
  const more = verdict.failures.length > 1 ? ` (+${verdict.failures.length - 1} more)` : ''
  return { result, failure: `inspector-gate ${result}: ${head}${more}`, render }
}

/** 900000 → `15m`, 6000 → `6s`: as a user writes the input. */
function durationText(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : `${Math.round(ms / 1000)}s`
}
