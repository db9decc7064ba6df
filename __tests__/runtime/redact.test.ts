import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionHost } from '../../src/action/action-host.js'
import { cliHost } from '../../src/cli/cli-host.js'
import { runCli } from '../../src/cli/main.js'
import { redactor, runSecrets } from '../../src/runtime/redact.js'
import { tempDir } from '../helpers/temp-dir.js'

const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+token/with=chars'
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const GITHUB_TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'

describe('redactor', () => {
  it('replaces each credential, as is and URL-encoded, with ***', () => {
    const redact = redactor([SESSION_TOKEN, SECRET_KEY])
    const text = `token ${SESSION_TOKEN} key=${encodeURIComponent(SECRET_KEY)}; again ${SESSION_TOKEN}`
    expect(redact(text)).toBe('token *** key=***; again ***')
  })

  it('ignores values shorter than 8 characters, which would match ordinary text', () => {
    expect(redactor(['test', 'abc1234'])('test abc1234 us-east-1')).toBe('test abc1234 us-east-1')
  })

  it('takes the AWS secret key, the session token and the GitHub token of the run', () => {
    const env = { AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_SESSION_TOKEN: SESSION_TOKEN }
    expect(runSecrets(env, GITHUB_TOKEN)).toEqual([SECRET_KEY, SESSION_TOKEN, GITHUB_TOKEN])
    expect(runSecrets({ AWS_SECRET_ACCESS_KEY: 'test' }, '')).toEqual([])
  })
})

describe('actionHost', () => {
  const stdout: string[] = []
  afterEach(() => {
    jest.restoreAllMocks()
    stdout.length = 0
  })

  it('masks the credentials with the runner and keeps them out of log, annotations and outputs', () => {
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk))
      return true
    })
    const outputs = join(tempDir('inspector-gate-redact-'), 'output')
    const saved = process.env['GITHUB_OUTPUT']
    process.env['GITHUB_OUTPUT'] = outputs
    writeFileSync(outputs, '')
    try {
      const host = actionHost([SESSION_TOKEN])
      host.info(`AWS said: bad token ${SESSION_TOKEN}`)
      host.warning(`warn ${SESSION_TOKEN}`, { title: `t ${SESSION_TOKEN}` })
      host.error(`error ${SESSION_TOKEN}`)
      host.setOutput('error', `failed: ${SESSION_TOKEN}`)
      const log = stdout.join('')
      expect(log).toContain(`::add-mask::${SESSION_TOKEN}`)
      const withoutMaskCommand = log.replace(`::add-mask::${SESSION_TOKEN}`, '')
      expect(withoutMaskCommand).not.toContain(SESSION_TOKEN)
      expect(withoutMaskCommand).toContain('bad token ***')
      expect(readFileSync(outputs, 'utf8')).not.toContain(SESSION_TOKEN)
      expect(readFileSync(outputs, 'utf8')).toContain('failed: ***')
    } finally {
      if (saved === undefined) delete process.env['GITHUB_OUTPUT']
      else process.env['GITHUB_OUTPUT'] = saved
    }
  })
})

describe('cliHost', () => {
  it('keeps the credentials out of stderr, outputs and the summary file', async () => {
    const err: string[] = []
    const summary = join(tempDir('inspector-gate-redact-'), 'summary.md')
    const host = cliHost({
      streams: { out: () => undefined, err: (t) => void err.push(t) },
      verbose: true,
      workspace: '/ws',
      env: {},
      summaryFile: summary,
      secrets: [GITHUB_TOKEN]
    })
    host.debug(`d ${GITHUB_TOKEN}`)
    host.error(`e ${GITHUB_TOKEN}`, { file: 'Dockerfile' })
    host.setOutput('error', GITHUB_TOKEN)
    await host.appendSummary(`| ${GITHUB_TOKEN} |`)
    expect(err.join('')).not.toContain(GITHUB_TOKEN)
    expect(host.outputs.get('error')).toBe('***')
    expect(readFileSync(summary, 'utf8')).toBe('| *** |')
    expect(host.redact(`x${GITHUB_TOKEN}`)).toBe('x***')
  })
})

describe('an AWS error that repeats the session token (a misbehaving proxy)', () => {
  const sts = mockClient(STSClient)
  const savedRegion = process.env['AWS_REGION']
  beforeEach(() => {
    process.env['AWS_REGION'] = 'us-east-1'
  })
  afterEach(() => {
    sts.reset()
    if (savedRegion === undefined) delete process.env['AWS_REGION']
    else process.env['AWS_REGION'] = savedRegion
  })

  it('reaches neither the log, the summary, the outputs nor the result', async () => {
    sts
      .on(GetCallerIdentityCommand)
      .rejects(
        Object.assign(
          new Error(`The security token included in the request is invalid: ${SESSION_TOKEN}`),
          { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 403 } }
        )
      )
    const cwd = tempDir('inspector-gate-redact-')
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(
      [
        'gate',
        '--images',
        '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1',
        '--summary-file',
        'summary.md',
        '--outputs-file',
        'outputs.json',
        '--format',
        'json'
      ],
      {
        streams: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
        env: {
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
          AWS_SECRET_ACCESS_KEY: SECRET_KEY,
          AWS_SESSION_TOKEN: SESSION_TOKEN
        },
        cwd
      }
    )

    expect(code).toBe(2)
    const texts = {
      log: err.join(''),
      result: out.join(''),
      summary: readFileSync(join(cwd, 'summary.md'), 'utf8'),
      outputs: readFileSync(join(cwd, 'outputs.json'), 'utf8'),
      findingsFile: readFileSync(join(cwd, 'inspector-gate', 'findings.json'), 'utf8')
    }
    // The error did reach every one of them, with the token replaced.
    expect(texts.log).toContain('request is invalid: ***')
    expect(texts.summary).toContain('***')
    expect(texts.result).toContain('***')
    expect(texts.findingsFile).toContain('***')
    for (const [where, text] of Object.entries(texts)) {
      expect([where, text.includes(SESSION_TOKEN)]).toEqual([where, false])
    }
  })
})
