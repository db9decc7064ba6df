import { EventEmitter } from 'node:events'
import { SDK_ADVICE } from '../../src/runtime/aws-advice.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/main.js'
import {
  cancelOnSignals,
  trackProgress,
  type SignalSource
} from '../../src/runtime/cancellation.js'
import type { Host } from '../../src/runtime/host.js'
import { tempDir } from '../helpers/temp-dir.js'

/** A host that records what the step wrote. */
function recordingHost() {
  const written = {
    info: [] as string[],
    errors: [] as string[],
    outputs: new Map<string, string>(),
    summary: ''
  }
  const host: Host = {
    info: (m) => void written.info.push(m),
    debug: () => undefined,
    warning: () => undefined,
    error: (m) => void written.errors.push(m),
    setOutput: (name, value) => void written.outputs.set(name, value),
    appendSummary: (markdown) => {
      written.summary += markdown
      return Promise.resolve(true)
    },
    redact: (text) => text,
    workspace: '/tmp',
    env: {},
    awsAdvice: SDK_ADVICE
  }
  return { host, written }
}

/** Resolves with the exit code once `exit` is called. */
function exitRecorder(): { exit: (code: number) => void; code: Promise<number> } {
  let resolve: (code: number) => void = () => undefined
  const code = new Promise<number>((r) => (resolve = r))
  return { exit: (c) => resolve(c), code }
}

describe('cancelOnSignals (issue 19 case 7)', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130]
  ] as const)(
    '%s: result=error, one log line and one summary line naming the wait, exit %d',
    async (signal, expected) => {
      const { host, written } = recordingHost()
      const progress = trackProgress(host)
      const source = new EventEmitter()
      const recorder = exitRecorder()
      cancelOnSignals({ host: progress.host, doing: progress.doing, source, exit: recorder.exit })
      progress.host.info(
        'app:v1 [sha256:0123456789ab]: waiting for Inspector to scan it (PENDING_INITIAL_SCAN); next check in 5s'
      )

      source.emit(signal)

      expect(await recorder.code).toBe(expected)
      expect(written.outputs.get('result')).toBe('error')
      const line = `cancelled by ${signal} while app:v1 [sha256:0123456789ab]: waiting for Inspector to scan it (PENDING_INITIAL_SCAN)`
      expect(written.errors).toEqual([`inspector-gate error: ${line}`])
      expect(written.summary).toContain('inspector-gate: error')
      expect(written.summary).toContain('cancelled by')
      expect(written.summary).toContain('PENDING\\_INITIAL\\_SCAN')
    }
  )

  it('says "starting" before any progress line, and stops listening once removed', async () => {
    const { host, written } = recordingHost()
    const source = new EventEmitter()
    const recorder = exitRecorder()
    const progress = trackProgress(host)
    const remove = cancelOnSignals({ host, doing: progress.doing, source, exit: recorder.exit })
    expect(source.listenerCount('SIGTERM')).toBe(1)
    source.emit('SIGTERM')
    await recorder.code
    expect(written.errors).toEqual(['inspector-gate error: cancelled by SIGTERM while starting'])
    // One signal, one cancellation: the handlers are gone.
    expect(source.listenerCount('SIGTERM')).toBe(0)
    expect(source.listenerCount('SIGINT')).toBe(0)
    remove()
  })
})

describe('the CLI on a signal', () => {
  it('writes result=error to the outputs file and exits 130 on SIGINT', async () => {
    const cwd = tempDir('inspector-gate-cli-')
    const source: SignalSource & EventEmitter = new EventEmitter()
    const err: string[] = []
    const recorder = exitRecorder()
    let written: unknown
    const exit = (code: number): void => {
      // What a script would find once the process is gone: read it as the process ends.
      written = JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8'))
      recorder.exit(code)
    }
    const finished = runCli(
      ['gate', '--images', 'app:v1', '--fail-on', 'severe', '--outputs-file', 'out.json'],
      {
        streams: { out: () => undefined, err: (t) => void err.push(t) },
        env: {},
        cwd,
        signals: { source, exit }
      }
    )
    // The handlers are installed before the step's first await: Ctrl-C now interrupts it.
    source.emit('SIGINT')

    expect(await recorder.code).toBe(130)
    await finished
    expect(written).toEqual({ result: 'error' })
    expect(err.join('')).toContain('cancelled by SIGINT while starting')
  })
})
