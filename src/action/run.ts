import * as core from '@actions/core'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createAwsClients } from '../aws/clients.js'
import { buildGateConfig, type RawInputs } from '../config/gate-config.js'
import { buildResponderConfig } from '../config/responder-config.js'
import { parseBoolean, parseChoice } from '../config/values.js'
import type { Verdict } from '../domain/verdict.js'
import { runGate, type GateConfig } from '../modes/gate.js'
import type { ResponderConfig } from '../modes/responder.js'
import { renderFindingsJson } from '../publish/findings-file.js'
import { gateOutputs } from '../publish/outputs.js'
import { renderSummary } from '../publish/summary.js'
import { systemClock } from '../scan/clock.js'
import type { Logger } from '../scan/deps.js'
import { runResponderDeployment } from './responder-step.js'
import { runReportStep } from './report-step.js'
import { runSetupStep } from './setup-step.js'
import { INPUT_NAMES } from './input-names.js'

const MODES = ['gate', 'setup', 'report'] as const

/** The action's entry: picks the mode; each mode reads its inputs and never throws. */
export async function run(): Promise<void> {
  let mode: (typeof MODES)[number]
  try {
    mode = parseChoice('mode', core.getInput('mode').trim() || 'gate', MODES)
  } catch (error) {
    core.setOutput('result', 'error')
    core.setFailed(error instanceof Error ? error.message : String(error))
    return
  }
  const inputs = readInputs()
  if (mode === 'setup') await runSetupStep(inputs, actionLogger())
  else if (mode === 'report') await runReportStep(inputs, actionLogger(), workspace())
  else await runGateStep(inputs)
}

/** Log lines go through oneLine; see there. */
function actionLogger(): Logger {
  return { info: (m) => core.info(oneLine(m)), warning: core.warning, debug: core.debug }
}

/** inputs → gate → outputs, files, summary, exit status. */
async function runGateStep(inputs: RawInputs): Promise<void> {
  let config: GateConfig
  let where: PublishTargets
  let responder: ResponderConfig | undefined
  try {
    responder = buildResponderConfig(inputs)
    where = {
      findingsFile: findingsPath((inputs['findings-file'] ?? '').trim()),
      summary: parseBoolean('summary', (inputs['summary'] ?? '').trim() || 'true')
    }
    config = buildGateConfig(
      inputs,
      (path) => readFileSync(resolve(workspace(), path), 'utf8'),
      process.env
    )
  } catch (error) {
    core.setOutput('result', 'error')
    core.setFailed(error instanceof Error ? error.message : String(error))
    return
  }

  const clients = createAwsClients()
  try {
    const verdict = await runGate(config, { clients, clock: systemClock, log: actionLogger() })
    await publish(verdict, config, where)
    conclude(verdict, config)
    if (responder !== undefined) {
      // The stack is independent of the verdict: it is deployed whatever the gate decided.
      const deployed = await runResponderDeployment(responder, clients, actionLogger())
      if (!deployed.ok) core.setFailed(`inspector-gate: ${deployed.error}`)
    }
  } catch (error) {
    // Only a bug gets here: every expected failure is an outcome inside the verdict.
    core.setOutput('result', 'error')
    core.setFailed(
      `inspector-gate failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}`
    )
  }
}

/**
 * core.info writes the text as is, and a line that starts with `::` is a workflow command. Text
 * from AWS (descriptions, names) must never start one, so every log line is kept to one line.
 */
function oneLine(message: string): string {
  return message.replace(/[\r\n]+/g, ' ')
}

function readInputs(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]))
}

function workspace(): string {
  return process.env['GITHUB_WORKSPACE'] ?? process.cwd()
}

interface PublishTargets {
  findingsFile: string
  summary: boolean
}

async function publish(verdict: Verdict, config: GateConfig, where: PublishTargets): Promise<void> {
  const { findingsFile } = where
  for (const [name, value] of Object.entries(gateOutputs(verdict))) core.setOutput(name, value)
  try {
    mkdirSync(dirname(findingsFile), { recursive: true })
    const json = renderFindingsJson(verdict, { generatedAt: new Date(), policy: config.policy })
    writeFileSync(findingsFile, json)
    core.setOutput('findings-file', findingsFile)
  } catch (error) {
    // The verdict stands without the file; losing it over a bad path would hide why the gate failed.
    core.error(
      `findings-file: could not write ${findingsFile} (${error instanceof Error ? error.message : String(error)}); choose a writable path`
    )
  }

  if (where.summary && process.env['GITHUB_STEP_SUMMARY']) {
    try {
      await core.summary
        .addRaw(renderSummary(verdict, { policy: config.policy, findingsFile }))
        .write()
    } catch (error) {
      core.warning(
        `could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
}

function findingsPath(input: string): string {
  if (input !== '') return resolve(workspace(), input)
  const temp = process.env['RUNNER_TEMP'] ?? workspace()
  return join(temp, 'inspector-gate', 'findings.json')
}

/** One line per reason, then the step's status: the first line is what shows in the checks list. */
function conclude(verdict: Verdict, config: GateConfig): void {
  for (const warning of verdict.warnings) core.warning(warning)
  const counts = Object.entries(verdict.counts)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ')
  core.info(`findings: ${counts || 'none'}; ${verdict.ignored.length} ignored`)

  if (verdict.result === 'pass') {
    core.info('inspector-gate: pass')
    return
  }
  if (verdict.result === 'error' && config.policy.onError === 'warn') {
    core.warning('inspector-gate could not reach a verdict; on-error is warn, so the step passes')
    return
  }
  for (const line of verdict.failures.slice(1)) core.error(line)
  const head = verdict.failures[0] ?? 'no verdict'
  const more = verdict.failures.length > 1 ? ` (+${verdict.failures.length - 1} more)` : ''
  core.setFailed(`inspector-gate ${verdict.result}: ${head}${more}`)
}
