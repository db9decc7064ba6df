import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { STSClient } from '@aws-sdk/client-sts'
import { createAwsClients, type Service } from '../aws/clients.js'
import { getCallerAccount } from '../aws/sts.js'
import type { Verdict } from '../domain/verdict.js'
import type { RawInputs } from '../inputs/read.js'
import { buildResponderConfig } from '../responder-stack/config.js'
import type { ResponderConfig } from '../responder-stack/deploy.js'
import { systemClock } from '../runtime/clock.js'
import { stepErrorMessage } from '../inputs/missing-region.js'
import { failedStep, type Host, type OutputFormat, type StepOutcome } from '../runtime/host.js'
import { buildGateConfig } from './config.js'
import { publishVerdict } from './publish.js'
import { buildPublishConfig, type PublishConfig } from './publish-config.js'
import { renderFindingsJson } from './render/findings-file.js'
import { renderSummary } from './render/summary.js'
import { renderVerdictText } from './render/verdict-text.js'
import type { GateConfig } from './run.js'

/**
 * The services this run's targets use. Their SDKs are most of what a gate loads: they come with the
 * gate's own module (gate/run.ts), after the identity call has gone out (see runGateStep).
 * CloudFormation (the responder stack) is loaded only by a run that deploys it; an SBOM-only run
 * loads Inspector Scan's adapter and nothing else.
 */
function servicesFor(gate: GateConfig): Service[] {
  const deployed = gate.images.length + gate.functions.length > 0
  return [
    ...(gate.images.length > 0 ? (['ecr'] as const) : []),
    ...(gate.functions.length > 0 ? (['lambda'] as const) : []),
    ...(deployed ? (['inspector', 'securityHub', 'logs'] as const) : []),
    ...(gate.sboms.length > 0 ? (['inspectorScan'] as const) : [])
  ]
}

interface GateStepConfig {
  gate: GateConfig
  publish: PublishConfig
  responder: ResponderConfig | undefined
}

/** `mode: gate`: inputs → verdict → outputs, files, summary, comment, annotations, outcome. */
export async function runGateStep(inputs: RawInputs, host: Host): Promise<StepOutcome> {
  let config: GateStepConfig
  try {
    // The ignore file's parser and its YAML library, only for a run that has one.
    const parseIgnore =
      (inputs['ignore-file'] ?? '').trim() === ''
        ? undefined
        : (await import('./ignore-file.js')).parseIgnoreFile
    config = {
      responder: buildResponderConfig(inputs),
      publish: buildPublishConfig(inputs, host),
      gate: buildGateConfig(
        inputs,
        (path) => readFileSync(resolve(host.workspace, path), 'utf8'),
        host.env,
        parseIgnore
      )
    }
  } catch (error) {
    return failedStep(host, stepErrorMessage(error, host.awsAdvice))
  }

  // Every wait and every AWS call ends by the gate's timeout: the deadline bounds both.
  const deadline = systemClock.now() + config.gate.timeoutMs
  const clients = createAwsClients({
    classes: { sts: STSClient },
    advice: host.awsAdvice,
    deadline: {
      at: deadline,
      clock: systemClock,
      name: `timeout (${durationText(config.gate.timeoutMs)})`
    }
  })
  // The first AWS call (whose credentials, whose account) does not wait for the scanners' code
  // and SDKs, most of what a gate loads: they are loaded once it has its answer (issue 13). Not
  // during the call: compiling a chunk blocks the event loop, which would hold the request back.
  // runGate awaits the call and turns its failure into the verdict's error. SBOMs need no
  // account: a run of only SBOMs makes one call per SBOM, ScanSbom, and no other.
  const deployed = config.gate.images.length + config.gate.functions.length > 0
  const account = deployed ? getCallerAccount(clients.sts()) : undefined
  await account?.then(
    () => undefined,
    () => undefined
  )
  try {
    const [{ runGate }] = await Promise.all([
      import('./run.js'),
      // Loaded here beside the SDKs, so runGate's own import of it finds it ready.
      ...(deployed ? [import('./scan-deployed.js')] : []),
      ...servicesFor(config.gate).map((service) => clients.load(service))
    ])
    const verdict = await runGate(config.gate, {
      clients,
      clock: systemClock,
      log: host,
      deadline,
      ...(account !== undefined && { account })
    })
    await publishVerdict(verdict, config.gate, config.publish, host)
    const outcome = conclude(verdict, config, host)
    if (config.responder !== undefined) {
      // The stack is independent of the verdict: it is deployed whatever the gate decided.
      // Its own clients: the deployment has its own budget, after the gate's deadline.
      // Its own chunk: a gate without deploy-responder never loads the CloudFormation SDK.
      const { runResponderDeployment } = await import('../responder-stack/step.js')
      const own = createAwsClients({ classes: {}, advice: host.awsAdvice })
      const deployed = await runResponderDeployment(config.responder, own, host)
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
      const shown = config.publish.findingsShown
      return renderSummary(verdict, {
        policy,
        findingsFile: shown.name,
        findingsOnRunnerOnly: !shown.inWorkspace
      })
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
