/**
 * Runs `mode: report` in process (`runReportStep`, not the bundle) against the local endpoint:
 * the product's clients reach it through their test-only overrides, and the report's clock is a
 * virtual one, so the GetFindings pacing never sleeps for real. The endpoint's own GetFindings
 * limit is off in these scenarios (it runs on real time, the pacing on virtual time).
 */
import { existsSync, readFileSync } from 'node:fs'
import { SDK_ADVICE } from '../../src/runtime/aws-advice.js'
import { join } from 'node:path'
import { createAwsClients } from '../../src/aws/clients.js'
import type { RawInputs } from '../../src/inputs/read.js'
import type { ComplianceReport } from '../../src/domain/report.js'
import type { Host, StepOutcome } from '../../src/runtime/host.js'
import { runReportStep } from '../../src/report/step.js'
import type { Scenario } from '../fake-aws/scenario.js'
import { startFakeAws, type FakeAws } from '../fake-aws/server.js'
import { STANDARD_IDS } from '../fake-aws/standards.js'
import { TEST_CREDENTIALS } from '../fake-aws/test-support.js'
import { VirtualClock } from '../helpers/virtual-clock.js'
import { ALL_CLIENT_CLASSES } from '../fixtures/client-classes.js'
import { tempDir } from '../helpers/temp-dir.js'

export const REPORT_STANDARDS = [{ standard: STANDARD_IDS.fsbp }, { standard: STANDARD_IDS.cis500 }]

/** A small mixed account (as reportMixed, 600 findings), the GetFindings limit off. */
export function smallReportScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'reportSmall',
    securityHub: {
      enabled: true,
      standards: REPORT_STANDARDS,
      findings: { count: 600, seed: 2026 },
      getFindingsThrottle: false
    },
    repositories: [],
    ...overrides
  }
}

export interface ReportRun {
  outcome: StepOutcome
  fake: FakeAws
  dir: string
  report: ComplianceReport
  csvRows: string[]
  html: string
  summary: string
  outputs: Map<string, string>
  warnings: string[]
  errors: string[]
  infos: string[]
}

/** One report step from start to outcome against a fresh endpoint, closed afterwards. */
export async function runReportInProcess(
  scenario: Scenario,
  inputs: RawInputs = {},
  options: { workspace?: string } = {}
): Promise<ReportRun> {
  const fake = await startFakeAws(scenario)
  const clients = createAwsClients({
    classes: ALL_CLIENT_CLASSES,
    overrides: () => ({ endpoint: fake.url, region: 'us-east-1', credentials: TEST_CREDENTIALS })
  })
  const workspace = options.workspace ?? tempDir('report-step-')
  const recorded = {
    outputs: new Map<string, string>(),
    warnings: [] as string[],
    errors: [] as string[],
    infos: [] as string[],
    summary: ''
  }
  const host: Host = {
    info: (line) => void recorded.infos.push(line),
    debug: () => undefined,
    warning: (line) => void recorded.warnings.push(line),
    error: (line) => void recorded.errors.push(line),
    setOutput: (name, value) => void recorded.outputs.set(name, value),
    appendSummary: (markdown) => {
      recorded.summary += markdown
      return Promise.resolve(true)
    },
    redact: (text) => text,
    workspace,
    env: { AWS_REGION: 'us-east-1' },
    awsAdvice: SDK_ADVICE
  }
  try {
    const outcome = await runReportStep(
      { mode: 'report', period: '7d', 'report-dir': 'weekly', ...inputs },
      host,
      { clients, clock: new VirtualClock(Date.now()) }
    )
    const dir = join(workspace, inputs['report-dir'] ?? 'weekly')
    // A file the step did not write reads as empty (a report of no files is what old code did).
    const read = (name: string) =>
      existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : ''
    const json = read('report.json')
    return {
      outcome,
      fake,
      dir,
      report: (json === '' ? undefined : JSON.parse(json)) as ComplianceReport,
      csvRows: read('findings.csv').split('\r\n').filter(Boolean).slice(1),
      html: read('report.html'),
      ...recorded
    }
  } finally {
    for (const region of ['us-east-1', 'eu-west-1']) clients.securityHub(region).destroy()
    clients.sts().destroy()
    await fake.close()
  }
}
