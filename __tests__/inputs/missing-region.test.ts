import { describe, expect, it } from '@jest/globals'
import { ACTION_ADVICE } from '../../src/action/advice.js'
import { buildGateConfig } from '../../src/gate/config.js'
import { buildReportSettings } from '../../src/report/config.js'
import { SDK_ADVICE } from '../../src/runtime/aws-advice.js'
import { stepErrorMessage } from '../../src/inputs/missing-region.js'
import { buildSetupConfig } from '../../src/setup/config.js'

/** The error an input check throws, as the step of each door reports it. */
function asEachDoorSays(check: () => unknown): { action: string; cli: string } {
  let thrown: unknown
  try {
    check()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(Error)
  return {
    action: stepErrorMessage(thrown, ACTION_ADVICE),
    cli: stepErrorMessage(thrown, SDK_ADVICE)
  }
}

describe('a missing Region, in each door’s words (issue 17)', () => {
  const checks: Record<string, () => unknown> = {
    setup: () => buildSetupConfig({}, {}),
    report: () => buildReportSettings({}, {}),
    'a bare function name': () => buildGateConfig({ functions: 'orders-api' }, () => '', {}),
    sboms: () =>
      buildGateConfig(
        { sboms: 'sbom.json' },
        () => '{"bomFormat":"CycloneDX","specVersion":"1.5","components":[]}',
        {}
      )
  }

  it.each(Object.keys(checks))(
    '%s: the action names configure-aws-credentials, the CLI never does',
    (name) => {
      const said = asEachDoorSays(checks[name] as () => unknown)
      expect(said.action).toContain('set AWS_REGION (configure-aws-credentials does)')
      expect(said.cli).toContain('set AWS_REGION in the environment (export AWS_REGION=<region>')
      expect(said.cli).not.toContain('configure-aws-credentials')
    }
  )

  it('keeps what follows the advice', () => {
    const said = asEachDoorSays(checks['a bare function name'] as () => unknown)
    expect(said.action).toBe(
      'functions: "orders-api" has no region; set AWS_REGION (configure-aws-credentials does) or give the function ARN'
    )
  })

  it('leaves every other error as it is', () => {
    expect(stepErrorMessage(new Error('period: "7x" is not a duration'), SDK_ADVICE)).toBe(
      'period: "7x" is not a duration'
    )
  })
})
