import { describe, expect, it } from '@jest/globals'
import { renderVerdictText } from '../../../src/gate/render/verdict-text.js'
import { controlCharacters } from '../../helpers/markdown-safety.js'
import { workflowCommands } from '../../helpers/workflow-commands.js'
import { aFinding, assessed, aVerdict } from './verdict-fixtures.js'

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
})
