import { describe, expect, it } from '@jest/globals'
import { cliHost } from '../../src/cli/cli-host.js'
import { controlCharacters } from '../helpers/markdown-safety.js'
import { workflowCommands } from '../helpers/workflow-commands.js'

const HOSTILE =
  '::set-output name=result::pass\n::add-mask::secret ##[set-output name=result;]pass ' +
  '##vso[task.setvariable variable=result]pass \u001b[31mred \u009b1m \u202eevil'

describe('cliHost', () => {
  it('writes AWS text as single stderr lines that drive neither a terminal nor a CI runner', () => {
    const err: string[] = []
    const host = cliHost({
      streams: { out: () => undefined, err: (text) => void err.push(text) },
      verbose: true,
      workspace: '/tmp',
      env: {}
    })
    host.info(HOSTILE)
    host.debug(HOSTILE)
    host.warning(HOSTILE)
    host.error(HOSTILE, { title: HOSTILE, file: '##[add-mask]x', startLine: 3 })
    expect(err).toHaveLength(4)
    expect(err.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true)
    const text = err.join('')
    expect(workflowCommands(text)).toEqual([])
    expect(controlCharacters(text)).toEqual([])
    expect(err[3]).toMatch(/^error: /)
  })

  it('gives a step line that names the program (a cancelled run) one prefix, not error: too', () => {
    const err: string[] = []
    const host = cliHost({
      streams: { out: () => undefined, err: (text) => void err.push(text) },
      verbose: false,
      workspace: '/tmp',
      env: {}
    })
    host.error('inspector-gate error: cancelled by SIGINT while waiting for the scan')
    host.error('app:v2: no AWS credentials found')
    expect(err).toEqual([
      'inspector-gate: error: cancelled by SIGINT while waiting for the scan\n',
      'error: app:v2: no AWS credentials found\n'
    ])
  })

  it('tells how the AWS SDK finds credentials, not which workflow step to add', () => {
    const host = cliHost({
      streams: { out: () => undefined, err: () => undefined },
      verbose: false,
      workspace: '/tmp',
      env: {}
    })
    expect(host.awsAdvice.credentials).toContain('AWS_PROFILE')
    expect(JSON.stringify(host.awsAdvice)).not.toContain('configure-aws-credentials')
  })
})
