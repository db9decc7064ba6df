import * as core from '@actions/core'
import type { RawInputs } from '../gate/config.js'
import { parseChoice } from '../inputs/values.js'
import { logText } from '../text/escape.js'
import { cancelOnSignals, trackProgress } from '../runtime/cancellation.js'
import { MODES, runStep, type Mode } from '../run-step.js'
import { runSecrets } from '../runtime/redact.js'
import { actionHost } from './action-host.js'
import { INPUT_NAMES } from './input-names.js'

/** The action's entry: picks the mode, runs its step, turns the outcome into the step status. */
export async function run(): Promise<void> {
  let mode: Mode
  try {
    mode = parseChoice('mode', core.getInput('mode').trim() || 'gate', MODES)
  } catch (error) {
    core.setOutput('result', 'error')
    core.setFailed(error instanceof Error ? error.message : String(error))
    return
  }
  const inputs = readInputs()
  const progress = trackProgress(actionHost(runSecrets(process.env, inputs['github-token'])))
  const host = progress.host
  const stopListening = cancelOnSignals({
    host,
    doing: progress.doing,
    source: process,
    exit: (code) => process.exit(code)
  })
  const outcome = await runStep(mode, inputs, host).finally(stopListening)
  // The failure can quote AWS text (an error message): no terminal controls in the log.
  if (outcome.failure !== undefined) core.setFailed(logText(host.redact(outcome.failure)))
}

function readInputs(): RawInputs {
  return Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]))
}
