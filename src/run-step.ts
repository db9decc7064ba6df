import type { Mode } from './inputs/catalogue.js'
import type { RawInputs } from './inputs/read.js'
import type { Host, StepOutcome } from './runtime/host.js'

/**
 * The one dispatch the action and the CLI share: same inputs, same steps, same outcome. Each
 * mode's step is imported only once the mode is known (ncc puts each in its own chunk), so a
 * gate never loads or parses the setup and report code, nor the SDK clients only they use.
 */
export async function runStep(mode: Mode, inputs: RawInputs, host: Host): Promise<StepOutcome> {
  if (mode === 'setup') return (await import('./setup/step.js')).runSetupStep(inputs, host)
  if (mode === 'report') return (await import('./report/step.js')).runReportStep(inputs, host)
  return (await import('./gate/step.js')).runGateStep(inputs, host)
}
