import { describe, expect, it } from '@jest/globals'
import { renderVerdictText } from '../../../src/gate/render/verdict-text.js'
import { controlCharacters } from '../../helpers/markdown-safety.js'
import { workflowCommands } from '../../helpers/workflow-commands.js'
import { finding as aFinding } from '../../fixtures/findings.js'
import { assessed, aVerdict } from '../../fixtures/verdicts.js'

const HOSTILE =
  '\n::set-output name=result::pass ##[set-output name=result;]pass ##[add-mask]secret ' +
  '\u001b[31mred\u001b[0m \u009b1m \u202eevil'

describe('renderVerdictText', () => {
  it('prints hostile finding text on its line, without terminal controls or workflow commands', () => {
    const finding = aFinding({
      vulnerabilityId: `CVE-2099-0001${HOSTILE}`,
      packages: [{ name: HOSTILE, installedVersion: HOSTILE, fixedInVersion: HOSTILE }]
    })
    const text = renderVerdictText(
      aVerdict({
        assessed: [assessed(finding, { blocking: true })],
        failures: [HOSTILE],
        warnings: [HOSTILE]
      })
    )
    expect(workflowCommands(text)).toEqual([])
    expect(controlCharacters(text)).toEqual([])
    expect(text).toMatch(/^HIGH CVE-2099-0001 ::set-output name=result::pass/m)
  })

  it('says which rules blocked each finding', () => {
    const text = renderVerdictText(
      aVerdict({
        assessed: [
          assessed(aFinding({ vulnerabilityId: 'CVE-X', severity: 'low' }), {
            blocking: true,
            blockedBy: [
              { rule: 'fail-on-exploitable', text: 'exploit known' },
              { rule: 'fail-on-epss', text: 'EPSS 42 % ≥ 10 %' }
            ]
          })
        ]
      })
    )
    expect(text).toMatch(/^\s*LOW CVE-X .* \(exploit known; EPSS 42 % ≥ 10 %\)$/m)
  })
})

describe('renderVerdictText labels', () => {
  it('labels the reasons of a tool error `error:` and those of a policy failure `fail:`', () => {
    const reason = 'app:v1: no AWS credentials found'
    const error = renderVerdictText(aVerdict({ result: 'error', failures: [reason] }))
    expect(error).toContain(`\nerror: ${reason}\n`)
    expect(error).not.toMatch(/^fail:/m)
    const fail = renderVerdictText(aVerdict({ result: 'fail', failures: ['app:v1: 2 high'] }))
    expect(fail).toContain('\nfail: app:v1: 2 high\n')
  })
})
