import { describe, expect, it } from '@jest/globals'
import { deferredHost } from '../../src/action/deferred-host.js'
import type { Host } from '../../src/runtime/host.js'
import { ACTION_ADVICE } from '../../src/action/advice.js'

/** A host that records each call, as the `@actions/core` host would write it. */
function recordingHost(): { host: Host; calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    host: {
      info: (message) => calls.push(`info ${message}`),
      debug: (message) => calls.push(`debug ${message}`),
      warning: (message, place) => calls.push(`warning ${message} ${place?.file ?? '-'}`),
      error: (message, place) => calls.push(`error ${message} ${place?.title ?? '-'}`),
      setOutput: (name, value) => calls.push(`output ${name}=${value}`),
      appendSummary: async (markdown) => {
        calls.push(`summary ${markdown}`)
        return true
      },
      workspace: '/ws',
      env: {},
      redact: (text) => text,
      awsAdvice: ACTION_ADVICE
    }
  }
}

const NOW = {
  workspace: '/ws',
  env: { A: '1' },
  redact: (text: string) => text.replace('s3cr3t', '***'),
  awsAdvice: ACTION_ADVICE
}

/** A load the test resolves when it wants: the toolkit's chunk still being read. */
function pendingLoad(real: Host) {
  let loads = 0
  let finish: () => void = () => undefined
  const done = new Promise<void>((resolve) => (finish = resolve))
  return {
    load: async () => {
      loads += 1
      await done
      return real
    },
    loads: () => loads,
    finish
  }
}

describe('deferredHost (the action before @actions/core has loaded)', () => {
  it('loads nothing until the first write; workspace, env and redact need no toolkit', () => {
    const { host: real } = recordingHost()
    const pending = pendingLoad(real)
    const { host } = deferredHost(NOW, pending.load)
    expect(host.workspace).toBe('/ws')
    expect(host.env).toEqual({ A: '1' })
    expect(host.redact('key s3cr3t')).toBe('key ***')
    expect(pending.loads()).toBe(0)
  })

  it('replays the writes made while loading on the real host, in order, then writes straight through', async () => {
    const { host: real, calls } = recordingHost()
    const pending = pendingLoad(real)
    const deferred = deferredHost(NOW, pending.load)
    const { host } = deferred
    host.info('one')
    host.setOutput('result', 'error')
    host.warning('two', { file: 'Dockerfile' })
    host.error('three', { title: 'T' })
    host.debug('four')
    expect(pending.loads()).toBe(1)
    expect(calls).toEqual([])
    pending.finish()
    await deferred.ready()
    expect(calls).toEqual([
      'info one',
      'output result=error',
      'warning two Dockerfile',
      'error three T',
      'debug four'
    ])
    host.info('five')
    // Loaded: a write is on the real host when the call returns, as without the wrapper.
    expect(calls.at(-1)).toBe('info five')
    expect(pending.loads()).toBe(1)
  })

  it('the summary waits for the toolkit, after the lines written before it', async () => {
    const { host: real, calls } = recordingHost()
    const pending = pendingLoad(real)
    const { host } = deferredHost(NOW, pending.load)
    host.setOutput('result', 'error')
    const written = host.appendSummary('### error')
    pending.finish()
    await expect(written).resolves.toBe(true)
    expect(calls).toEqual(['output result=error', 'summary ### error'])
  })

  it('ready() loads the host when nothing wrote, and rejects when the toolkit cannot load', async () => {
    const { host: real, calls } = recordingHost()
    const quiet = deferredHost(NOW, async () => real)
    await expect(quiet.ready()).resolves.toBe(real)
    expect(calls).toEqual([])

    const broken = deferredHost(NOW, async () => {
      throw new Error('Cannot find module 123.index.js')
    })
    broken.host.info('lost')
    await expect(broken.ready()).rejects.toThrow('Cannot find module')
  })
})
