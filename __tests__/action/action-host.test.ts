import { describe, expect, it, jest } from '@jest/globals'
import { actionHost, oneLine } from '../../src/action/action-host.js'
import { controlCharacters } from '../helpers/markdown-safety.js'
import { workflowCommands } from '../helpers/workflow-commands.js'

/** What the step writes to stdout (the log the runner reads) while `run` runs. */
function log(run: () => void): string {
  const chunks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk))
    return true
  })
  try {
    run()
  } finally {
    spy.mockRestore()
  }
  return chunks.join('')
}

const HOSTILE =
  'title\n::set-output name=result::pass\r\n  ::add-mask::secret ##[stop-commands]token ' +
  '\u001b[31mred\u001b[0m \u009b1m \u202eevil'

describe('oneLine', () => {
  it('keeps a log line from starting or holding a workflow command', () => {
    // Newlines become spaces, and the runner trims leading white space before looking for `::`.
    expect(workflowCommands(oneLine('\n::set-output name=result::pass'))).toEqual([])
    expect(workflowCommands(oneLine('x ##[set-output name=result;]pass'))).toEqual([])
    expect(oneLine(HOSTILE)).not.toMatch(/[\r\n]/)
    expect(controlCharacters(oneLine(HOSTILE))).toEqual([])
  })
})

describe('actionHost', () => {
  it('info writes one line that is no workflow command', () => {
    const written = log(() => actionHost().info(HOSTILE))
    expect(written.trimEnd().split('\n')).toHaveLength(1)
    expect(workflowCommands(written)).toEqual([])
  })

  it('warning and error are one encoded command each, without terminal controls or bidi', () => {
    const written = log(() => {
      const host = actionHost()
      host.warning(HOSTILE)
      host.error(HOSTILE, { title: 'a,b:c', file: 'Dockerfile', startLine: 1 })
      host.debug(HOSTILE)
    })
    const commands = workflowCommands(written)
    expect(commands.map((command) => command.name)).toEqual(['warning', 'error', 'debug'])
    expect(commands[1]?.properties).toEqual({ title: 'a,b:c', file: 'Dockerfile', line: '1' })
    expect(controlCharacters(written)).toEqual([])
    // The text is still there, as data, line breaks included (the runner shows them).
    expect(commands[0]?.data).toContain('\n\u200b::set-output name=result::pass')
  })
})
