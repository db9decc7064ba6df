import { Inspector2Client } from '@aws-sdk/client-inspector2'
import { SecurityHubClient } from '@aws-sdk/client-securityhub'
import { STSClient } from '@aws-sdk/client-sts'
import { createAwsClients } from '../aws/clients.js'
import type { RawInputs } from '../inputs/read.js'
import { buildResponderConfig } from '../responder-stack/config.js'
import { buildSetupConfig } from './config.js'
import { closingLine, runSetup, type SetupReport } from './run.js'
import { renderSetupSummary } from './summary.js'
import { systemClock } from '../runtime/clock.js'
import { failedStep, type Host, type OutputFormat, type StepOutcome } from '../runtime/host.js'
import { stepErrorMessage } from '../inputs/missing-region.js'
import { runResponderDeployment } from '../responder-stack/step.js'

/** `mode: setup`: inputs → baseline → outputs, summary, outcome. Never throws. */
export async function runSetupStep(inputs: RawInputs, host: Host): Promise<StepOutcome> {
  try {
    const config = buildSetupConfig(inputs, host.env)
    const responder = buildResponderConfig(inputs)
    // CloudFormation, for deploy-responder only, is loaded by runResponderDeployment.
    const clients = createAwsClients({
      classes: { sts: STSClient, inspector: Inspector2Client, securityHub: SecurityHubClient },
      advice: host.awsAdvice
    })
    const { report, scope } = await runSetup(config, { clients, clock: systemClock, log: host })
    if (responder !== undefined) {
      const deployed = await runResponderDeployment(responder, clients, host)
      const stack = `responder stack ${responder.stackName}`
      if (!deployed.ok) report.problems.push(deployed.error)
      else if (deployed.outcome === 'unchanged') report.unchanged.push(stack)
      else report.changes.push(`${deployed.outcome} ${stack}`)
    }
    host.info(closingLine(report, scope))
    const result = report.problems.length === 0 ? 'pass' : 'fail'
    host.setOutput('changes', String(report.changes.length))
    host.setOutput('result', result)
    for (const warning of report.warnings) host.warning(warning)
    const markdown = renderSetupSummary(report)
    await host.appendSummary(markdown)
    const render = (format: OutputFormat): string =>
      format === 'markdown'
        ? markdown
        : format === 'json'
          ? setupJson(result, report)
          : setupText(report)
    if (report.problems.length === 0) return { result, render }
    for (const problem of report.problems.slice(1)) host.error(problem)
    const more = report.problems.length > 1 ? ` (+${report.problems.length - 1} more)` : ''
    return { result, failure: `inspector-gate setup: ${report.problems[0]}${more}`, render }
  } catch (error) {
    return failedStep(host, `inspector-gate setup: ${stepErrorMessage(error, host.awsAdvice)}`)
  }
}

function setupText(report: SetupReport): string {
  const lines = [
    report.problems.length === 0 ? 'security baseline in place' : 'security baseline incomplete',
    ...report.changes.map((change) => `changed: ${change}`),
    ...report.problems.map((problem) => `problem: ${problem}`),
    `${report.unchanged.length} already in place`
  ]
  return `${lines.join('\n')}\n`
}

function setupJson(result: string, report: SetupReport): string {
  return `${JSON.stringify({ result, ...report }, null, 2)}\n`
}
