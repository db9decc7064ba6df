import { afterEach, describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import fc from 'fast-check'
import { INPUT_NAMES } from '../../src/inputs/catalogue.js'
import {
  inputReadDifferently,
  readRunnerInputs,
  runnerWorkspace
} from '../../src/action/runner-env.js'

/** core.getInput reads process.env itself: each case sets the variables there, then removes them. */
const set: string[] = []
function given(variables: Record<string, string>): void {
  for (const [name, value] of Object.entries(variables)) {
    process.env[name] = value
    set.push(name)
  }
}
afterEach(() => {
  for (const name of set.splice(0)) delete process.env[name]
})

const viaToolkit = (names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, core.getInput(name)]))

describe('readRunnerInputs (the inputs, read before @actions/core has loaded)', () => {
  it('reads every catalogued input as core.getInput does: set, padded, blank or absent', () => {
    INPUT_NAMES.forEach((name, i) => {
      const variable = `INPUT_${name.toUpperCase()}`
      if (i % 4 === 0) given({ [variable]: ` \t value ${i}\n` })
      if (i % 4 === 1) given({ [variable]: `v${i}` })
      if (i % 4 === 2) given({ [variable]: '   ' })
    })
    const early = readRunnerInputs(process.env, INPUT_NAMES)
    expect(early).toEqual(viaToolkit(INPUT_NAMES))
    expect(early['mode']).toBe('value 0')
  })

  it('matches core.getInput for any name and value (spaces, case, Unicode white space)', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,12}$/)
    const value = fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '-')
    })
    fc.assert(
      fc.property(name, value, (input, text) => {
        for (const variable of set.splice(0)) delete process.env[variable]
        given({ [`INPUT_${input.replace(/ /g, '_').toUpperCase()}`]: text })
        expect(readRunnerInputs(process.env, [input])).toEqual(viaToolkit([input]))
      })
    )
  })

  it('inputReadDifferently names the first input the toolkit reads otherwise, and none when all agree', () => {
    given({ INPUT_IMAGES: 'app:v1', INPUT_TIMEOUT: '5m' })
    const early = readRunnerInputs(process.env, ['images', 'timeout'])
    const getInput = (name: string) => core.getInput(name)
    expect(inputReadDifferently(early, getInput)).toBeUndefined()
    expect(inputReadDifferently({ ...early, timeout: '15m' }, getInput)).toBe('timeout')
  })

  it('runnerWorkspace is the checkout the runner names, else the working directory', () => {
    expect(runnerWorkspace({ GITHUB_WORKSPACE: '/home/runner/work/app' })).toBe(
      '/home/runner/work/app'
    )
    expect(runnerWorkspace({})).toBe(process.cwd())
  })
})
