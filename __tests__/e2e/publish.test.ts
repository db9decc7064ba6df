import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Log } from 'sarif'
import { parseCommentMarker } from '../../src/gate/pr-comment/render.js'
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js'
import { scenarioImages } from '../fake-aws/scenarios.js'
import {
  MULTITOOL_SUPPORTED,
  multitoolFindings,
  schemaErrors
} from '../helpers/sarif-validation.js'
import { e2eHarness, findingsFile, POLL } from './harness.js'
import { runCliBundle } from './runner.js'
import { tempDir } from '../helpers/temp-dir.js'

const { start, run } = e2eHarness()

let github: FakeGitHub | undefined
afterEach(async () => {
  await github?.close()
  github = undefined
})

const TOKEN = 'ghs_fake'
const gateInputs = (scenario: 'clean' | 'criticals' | 'multiArch') => ({
  images: scenarioImages[scenario].uri,
  timeout: '20s',
  settle: '5s',
  'github-token': TOKEN
})

/** A pull_request event as GitHub writes it to GITHUB_EVENT_PATH; `fork` makes the head a fork. */
function pullRequestEvent(fake: FakeGitHub, fork = false) {
  const base = { full_name: 'octo-org/shop' }
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 7,
      repository: base,
      pull_request: {
        number: 7,
        head: { sha: 'f'.repeat(40), repo: fork ? { full_name: 'mallory/shop' } : base },
        base: { repo: base }
      }
    },
    env: {
      GITHUB_API_URL: fake.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'octo-org/shop',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'ci',
      GITHUB_JOB: 'build',
      GITHUB_ACTION: 'gate'
    }
  }
}

describe('pull request comment e2e', () => {
  it('creates one comment on a pull_request event, then updates it in place on the next push', async () => {
    github = await startFakeGitHub({ token: TOKEN })
    const event = pullRequestEvent(github)

    // First push: the image has criticals.
    await start('criticals')
    const failing = await run(gateInputs('criticals'), { event, env: event.env })
    expect(failing.exitCode).toBe(1)
    expect(github.commentsOn(7)).toHaveLength(1)
    const first = github.commentsOn(7)[0]
    expect(parseCommentMarker(first?.body ?? '')?.result).toBe('fail')
    expect(first?.body).toContain('https://github.com/octo-org/shop/actions/runs/4242')
    expect(failing.outputs['comment-url']).toBe(first?.html_url)

    // Second push of the same repository: clean. Same comment, now saying it passes.
    await start('clean')
    const passing = await run(gateInputs('clean'), { event, env: event.env })
    expect(passing.exitCode).toBe(0)
    const comments = github.commentsOn(7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.id).toBe(first?.id)
    expect(parseCommentMarker(comments[0]?.body ?? '')?.result).toBe('pass')
    expect(comments[0]?.body).toMatch(/now pass/i)
    const writes = github.calls.filter((call) => call.method !== 'GET')
    expect(writes.map((call) => call.method)).toEqual(['POST', 'PATCH'])
  })

  it('a second gate step in the same job keeps its own comment', async () => {
    github = await startFakeGitHub({ token: TOKEN })
    const event = pullRequestEvent(github)
    await start('clean')
    await run(gateInputs('clean'), { event, env: event.env })
    await run(gateInputs('clean'), { event, env: { ...event.env, GITHUB_ACTION: 'gate-again' } })
    expect(github.commentsOn(7)).toHaveLength(2)
  })

  it.each([
    ['criticals', 1, 'fail'],
    ['clean', 0, 'pass']
  ] as const)(
    'on a fork pull request it warns, writes nothing, and the %s verdict stands (exit %d)',
    async (scenario, exitCode, result) => {
      github = await startFakeGitHub({ token: TOKEN })
      const event = pullRequestEvent(github, true)
      await start(scenario)
      const gate = await run(gateInputs(scenario), { event, env: event.env })

      expect(gate.exitCode).toBe(exitCode)
      expect(gate.outputs['result']).toBe(result)
      expect(gate.log).toMatch(/::warning::pr-comment: .*fork/)
      expect(gate.summary).toMatch(/pull request comment was not posted/)
      expect(github.calls).toEqual([])
    }
  )

  it('a token without pull-requests: write warns and does not fail a passing gate', async () => {
    github = await startFakeGitHub({ token: TOKEN, readOnly: true })
    const event = pullRequestEvent(github)
    await start('clean')
    const gate = await run(gateInputs('clean'), { event, env: event.env })
    expect(gate.exitCode).toBe(0)
    expect(gate.log).toMatch(/::warning::pr-comment: .*pull-requests: write/)
  })
})

describe('findings file e2e', () => {
  it('two gate steps in one job keep their own findings files (issue 19, case 12)', async () => {
    await start('criticals')
    const runnerTemp = tempDir('inspector-gate-e2e-job-')
    const step = (id: string, failOn: string) =>
      run(
        { images: scenarioImages.criticals.uri, 'fail-on': failOn, timeout: '20s', settle: '5s' },
        { env: { RUNNER_TEMP: runnerTemp, GITHUB_ACTION: id } }
      )
    const first = await step('gate-api', 'none')
    const second = await step('gate-worker', 'critical')

    expect(first.outputs['findings-file']).toBe(
      join(runnerTemp, 'inspector-gate', 'gate-api', 'findings.json')
    )
    expect(second.outputs['findings-file']).not.toBe(first.outputs['findings-file'])
    // The second step did not overwrite the first's verdict.
    expect(findingsFile(first).result).toBe('pass')
    expect(findingsFile(second).result).toBe('fail')
    rmSync(runnerTemp, { recursive: true, force: true })
  })
})

describe('code scanning and annotations e2e', () => {
  it('writes a SARIF file that validates, one run per image, and annotates blocking findings', async () => {
    await start('criticals')
    const gate = await run({
      ...gateInputs('criticals'),
      'sarif-file': 'out/gate.sarif',
      'sarif-location': 'docker/app.Dockerfile'
    })
    expect(gate.exitCode).toBe(1)
    const path = gate.outputs['sarif-file'] as string
    expect(path).toBe(join(gate.workdir, 'workspace', 'out', 'gate.sarif'))
    const log = JSON.parse(readFileSync(path, 'utf8')) as Log
    expect(schemaErrors(log)).toEqual([])
    // Microsoft's SARIF multitool with GitHub's ingestion rules (Linux only: its binary).
    const ingestion = MULTITOOL_SUPPORTED ? multitoolFindings({ gate: log }) : []
    expect(ingestion.filter((finding) => finding.level === 'error')).toEqual([])
    expect(log.runs).toHaveLength(1)
    const results = log.runs[0]?.results ?? []
    expect(results.filter((r) => r.level === 'error')).toHaveLength(5)
    expect(
      results.every(
        (r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'docker/app.Dockerfile'
      )
    ).toBe(true)
    // Annotations point at the same file; the step's failure line stays the first error.
    expect(gate.log).toMatch(
      /^::error title=Critical CVE-[^,]*,file=docker\/app\.Dockerfile,line=1::/m
    )
  })
})

describe('responder stack failure e2e', () => {
  it('a passing gate whose responder stack cannot be deployed fails with result error', async () => {
    // The local endpoint has no CloudFormation, so the deployment fails.
    await start('clean')
    const gate = await run({ ...gateInputs('clean'), 'deploy-responder': 'true' })
    expect(gate.exitCode).toBe(1)
    expect(gate.outputs['result']).toBe('error')
    expect(gate.log).toMatch(/::error::inspector-gate: responder stack inspector-gate-responder: /)
  })
})

describe('CLI e2e', () => {
  it('gives the same verdict and counts as the action on the same scenario', async () => {
    const fake = await start('criticals')
    const action = await run(gateInputs('criticals'))
    const cli = await runCliBundle({
      endpoint: fake.url,
      args: [
        'gate',
        '--images',
        scenarioImages.criticals.uri,
        '--timeout',
        '20s',
        '--settle',
        '5s',
        '--format',
        'json',
        '--outputs-file',
        'out/gate.json',
        '--summary-file',
        'out/summary.md'
      ],
      env: { INSPECTOR_GATE_POLL_INTERVAL: POLL }
    })

    expect(action.exitCode).toBe(1)
    expect(cli.exitCode).toBe(1)
    const outputs = JSON.parse(
      readFileSync(join(cli.workdir, 'out', 'gate.json'), 'utf8')
    ) as Record<string, string>
    for (const name of ['result', 'critical', 'high', 'medium', 'low', 'blocking', 'counts']) {
      expect([name, outputs[name]]).toEqual([name, action.outputs[name]])
    }
    const printed = JSON.parse(cli.stdout) as { result: string; counts: unknown }
    const fromAction = findingsFile(action) as unknown as { counts: unknown }
    expect(printed.result).toBe('fail')
    expect(printed.counts).toEqual(fromAction.counts)
    expect(readFileSync(join(cli.workdir, 'out', 'summary.md'), 'utf8')).toContain(
      'Blocking findings (5)'
    )
    expect(cli.stderr).toMatch(/^inspector-gate: fail: 5 findings at or above fail-on high/m)
    // No workflow commands outside GitHub Actions.
    expect(cli.stdout + cli.stderr).not.toMatch(/^::/m)
  })

  it('exit code 2 and one line when AWS cannot give a verdict', async () => {
    const fake = await start('clean')
    const cli = await runCliBundle({
      endpoint: fake.url,
      args: ['gate', '--images', scenarioImages.clean.uri, '--timeout', '20s'],
      env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: 'missing-profile' }
    })
    expect(cli.exitCode).toBe(2)
    expect(cli.stdout).toMatch(/^inspector-gate: error/)
  })
})
