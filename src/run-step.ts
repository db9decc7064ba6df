import type { Mode } from './inputs/catalogue.js'
import type { RawInputs } from './inputs/read.js'
import { runGateStep } from './gate/step.js'
import type { Host, StepOutcome } from './runtime/host.js'
import { runReportStep } from './report/step.js'
import { runSetupStep } from './setup/step.js'

/** The one dispatch the action and the CLI share: same inputs, same steps, same outcome. */
export function runStep(mode: Mode, inputs: RawInputs, host: Host): Promise<StepOutcome> {
  if (mode === 'setup') return runSetupStep(inputs, host)
  if (mode === 'report') return runReportStep(inputs, host)
  return runGateStep(inputs, host)
}
