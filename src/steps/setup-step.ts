import * as core from '@actions/core'
import { createAwsClients } from '../aws/clients.js'
import type { RawInputs } from '../config/gate-config.js'
import { buildResponderConfig } from '../config/responder-config.js'
import { buildSetupConfig } from '../config/setup-config.js'
import { runSetup } from '../modes/setup.js'
import { renderSetupSummary } from '../publish/setup-summary.js'
import { systemClock } from '../scan/clock.js'
import type { Logger } from '../scan/deps.js'
import { runResponderDeployment } from './responder-step.js'

/** `mode: setup`: inputs → baseline → outputs, summary, exit status. Never throws. */
export async function runSetupStep(inputs: RawInputs, log: Logger): Promise<void> {
  try {
    const config = buildSetupConfig(inputs, process.env)
    const responder = buildResponderConfig(inputs)
    const clients = createAwsClients()
    const report = await runSetup(config, { clients, clock: systemClock, log })
    if (responder !== undefined) {
      const deployed = await runResponderDeployment(responder, clients, log)
      const stack = `responder stack ${responder.stackName}`
      if (!deployed.ok) report.problems.push(deployed.error)
      else if (deployed.outcome === 'unchanged') report.unchanged.push(stack)
      else report.changes.push(`${deployed.outcome} ${stack}`)
    }
    core.setOutput('changes', String(report.changes.length))
    core.setOutput('result', report.problems.length === 0 ? 'pass' : 'fail')
    for (const warning of report.warnings) core.warning(warning)
    if (process.env['GITHUB_STEP_SUMMARY']) {
      await core.summary
        .addRaw(renderSetupSummary(report))
        .write()
        .catch((error: unknown) =>
          core.warning(`could not write the job summary: ${String(error)}`)
        )
    }
    if (report.problems.length > 0) {
      for (const problem of report.problems.slice(1)) core.error(problem)
      const more = report.problems.length > 1 ? ` (+${report.problems.length - 1} more)` : ''
      core.setFailed(`inspector-gate setup: ${report.problems[0]}${more}`)
    }
  } catch (error) {
    core.setOutput('result', 'error')
    core.setFailed(
      `inspector-gate setup: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
