import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { parseCommandLine } from '../../src/cli/args.js'
import { usage } from '../../src/cli/usage.js'
import { buildGateConfig, type ReadFile } from '../../src/gate/config.js'
import { buildPublishConfig } from '../../src/gate/publish-config.js'
import { buildReportSettings } from '../../src/report/config.js'
import { buildResponderConfig } from '../../src/responder-stack/config.js'
import { buildSetupConfig } from '../../src/setup/config.js'
import { INPUTS, type InputSpec } from '../../src/inputs/catalogue.js'
import { INPUT_DESCRIPTIONS } from '../../src/inputs/descriptions.js'
import { inputReader, type RawInputs } from '../../src/inputs/read.js'

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean; description?: string }>
}
const action = parse(
  readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
) as ActionYml
const specs: readonly InputSpec[] = INPUTS

describe('the input catalogue', () => {
  it('is what action.yml declares: the same inputs, in the same order, with the same defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(specs.map((input) => input.name))
    for (const input of specs) {
      expect({ name: input.name, default: action.inputs[input.name]?.default }).toEqual({
        name: input.name,
        default: input.actionDefault ?? input.default
      })
    }
  })

  it("describes each input in action.yml's words: --help prints the same text", () => {
    const folded = (text: string | undefined): string | undefined => text?.replace(/\s+/g, ' ')
    expect(Object.keys(INPUT_DESCRIPTIONS)).toEqual(specs.map((input) => input.name))
    for (const input of specs) {
      expect({
        name: input.name,
        description: folded(action.inputs[input.name]?.description)
      }).toEqual({
        name: input.name,
        description: folded(INPUT_DESCRIPTIONS[input.name as keyof typeof INPUT_DESCRIPTIONS])
      })
    }
  })

  it('makes every input but mode a CLI flag, repeatable exactly when it holds a list', () => {
    const repeated = (name: string): string => {
      try {
        const parsed = parseCommandLine([`--${name}`, 'a', `--${name}`, 'b'])
        return parsed.kind === 'run' ? (parsed.args.inputs[name] ?? 'absent') : parsed.kind
      } catch (error) {
        return (error as Error).message
      }
    }
    for (const input of specs.filter((i) => i.name !== 'mode')) {
      expect({ name: input.name, repeated: repeated(input.name) }).toEqual({
        name: input.name,
        repeated: input.list ? 'a\nb' : `--${input.name} is given 2 times; give it once`
      })
    }
  })

  it('lists each input in --help under every mode that reads it', () => {
    const text = usage()
    for (const input of specs.filter((i) => i.name !== 'mode')) {
      const times = text.split(/\s+/).filter((word) => word === `--${input.name}`).length
      const groups =
        input.modes.length === 2 && input.modes.includes('setup') ? 1 : input.modes.length
      expect({ name: input.name, times }).toEqual({ name: input.name, times: groups })
    }
  })
})

describe('inputReader', () => {
  it("gives the catalogue's default for an empty, blank or absent input, and the value trimmed", () => {
    const read = inputReader({ 'fail-on': '  ', timeout: ' 5m ', settle: '' })
    expect(read.get('fail-on')).toBe('high')
    expect(read.get('timeout')).toBe('5m')
    expect(read.get('settle')).toBe('60s')
    expect(read.get('period')).toBe('7d')
  })
})

/**
 * Each builder takes its defaults from the catalogue: giving every input its default explicitly
 * builds the same config as giving nothing. A builder with its own, different fallback fails.
 */
describe('the config builders use the catalogue defaults', () => {
  const env = { AWS_REGION: 'us-east-1', GITHUB_WORKSPACE: '/ws' }
  const defaults = (mode: InputSpec['modes'][number]): RawInputs =>
    Object.fromEntries(
      specs
        .filter((i) => i.modes.includes(mode) && i.default !== '')
        .map((i) => [i.name, i.default])
    )
  const image = { images: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1' }

  it('gate', () => {
    const noFiles: ReadFile = (path) => {
      throw new Error(`unexpected read of ${path}`)
    }
    expect(buildGateConfig({ ...image, ...defaults('gate') }, noFiles, env)).toEqual(
      buildGateConfig(image, noFiles, env)
    )
  })

  it('publish', () => {
    const where = { workspace: '/ws', env, exists: () => false }
    expect(buildPublishConfig(defaults('gate'), where)).toEqual(buildPublishConfig({}, where))
  })

  it('setup and the responder stack', () => {
    expect(buildSetupConfig(defaults('setup'), env)).toEqual(buildSetupConfig({}, env))
    const deploy = { 'deploy-responder': 'true' }
    expect(buildResponderConfig({ ...defaults('setup'), ...deploy })).toEqual(
      buildResponderConfig(deploy)
    )
  })

  it('report', () => {
    expect(buildReportSettings(defaults('report'), env)).toEqual(buildReportSettings({}, env))
  })
})
