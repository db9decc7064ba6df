import { describe, expect, it } from '@jest/globals'
import { SDK_ADVICE } from '../../src/runtime/aws-advice.js'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { PublishConfig } from '../../src/gate/publish-config.js'
import { parseImageReference } from '../../src/domain/image-reference.js'
import { evaluate } from '../../src/domain/evaluate.js'
import type { GateConfig } from '../../src/gate/run.js'
import { DEFAULT_TIMING } from '../../src/gate/scan/deps.js'
import { publishVerdict } from '../../src/gate/publish.js'
import type { AnnotationPlace, Host } from '../../src/runtime/host.js'
import { NOW, REGISTRY } from '../fixtures/digests.js'
import { finding } from '../fixtures/findings.js'
import { scanned } from '../fixtures/outcomes.js'
import { policy } from '../fixtures/policy.js'
import { tempDir } from '../helpers/temp-dir.js'

interface Recorded {
  errors: { message: string; place?: AnnotationPlace }[]
  warnings: string[]
  outputs: Map<string, string>
}

function recordingHost(overrides: Partial<Host> = {}): Host & Recorded {
  const recorded: Recorded = { errors: [], warnings: [], outputs: new Map() }
  return {
    ...recorded,
    info: () => undefined,
    debug: () => undefined,
    warning: (message) => void recorded.warnings.push(message),
    error: (message, place) =>
      void recorded.errors.push(place === undefined ? { message } : { message, place }),
    setOutput: (name, value) => void recorded.outputs.set(name, value),
    appendSummary: () => Promise.resolve(true),
    workspace: '/ws',
    env: {},
    awsAdvice: SDK_ADVICE,
    redact: (text) => text,
    ...overrides
  }
}

const gate: GateConfig = {
  images: [parseImageReference(`${REGISTRY}/app:1.0.0`)],
  functions: [],
  sboms: [],
  codeScanning: 'auto',
  policy: policy(),
  ignoreRules: [],
  timeoutMs: 60_000,
  timing: DEFAULT_TIMING,
  scanEvents: { kind: 'off' },
  ensureEnabled: 'off'
}

function where(): PublishConfig {
  const dir = tempDir('gate-publish-')
  return {
    findingsFile: join(dir, 'findings.json'),
    findingsShown: { name: 'findings.json', inWorkspace: false },
    summary: true,
    sarifFile: join(dir, 'gate.sarif'),
    sarifLocation: 'Dockerfile',
    prComment: 'off',
    githubToken: ''
  }
}

/** Twelve blocking vulnerabilities: more than GitHub shows as error annotations in one step. */
const verdict = evaluate({
  outcomes: [scanned(Array.from({ length: 12 }, () => finding({ severity: 'critical' })))],
  policy: policy(),
  ignoreRules: [],
  now: NOW
})

describe('publishVerdict', () => {
  it('a publisher that throws costs only its own output, with a warning', async () => {
    const host = recordingHost({ appendSummary: () => Promise.reject(new Error('disk full')) })
    const paths = where()

    await publishVerdict(verdict, gate, paths, host)

    expect(host.warnings).toContain('summary: not published (disk full); the verdict stands')
    expect(host.outputs.get('result')).toBe('fail')
    expect(JSON.parse(readFileSync(paths.findingsFile, 'utf8')).result).toBe('fail')
    expect(readFileSync(paths.sarifFile as string, 'utf8')).toContain('"version": "2.1.0"')
    expect(host.errors.length).toBeGreaterThan(0)
  })

  it('names the findings file in the summary without its runner temp path (issue 17)', async () => {
    const summaries: string[] = []
    const host = recordingHost({
      appendSummary: (text: string) => {
        summaries.push(text)
        return Promise.resolve(true)
      }
    })
    const paths = where()
    await publishVerdict(verdict, gate, paths, host)
    const summary = summaries.join('')
    expect(summary).toContain(
      'Full results: `findings.json` (the step output `findings-file`, on the runner only: upload it with actions/upload-artifact to keep it)'
    )
    expect(summary).not.toContain(dirname(paths.findingsFile))
  })

  it('leaves room among the 10 error annotations GitHub shows for the step’s own failure lines', async () => {
    const host = recordingHost()
    await publishVerdict(verdict, gate, where(), host)

    expect(verdict.failures).toHaveLength(1)
    // 9 finding annotations (8 vulnerabilities + one "N more"), then conclude adds the failure.
    expect(host.errors).toHaveLength(9)
    expect(host.errors.at(-1)?.message).toMatch(/4 more/)
  })
})
