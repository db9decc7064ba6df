import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import {
  githubEnvironment,
  publishPrComment,
  type GitHubEnvironment,
  type PrCommentRequest
} from '../../../src/gate/pr-comment/github.js'
import type { RunResult } from '../../../src/domain/result.js'
import { commentKey, parseCommentMarker } from '../../../src/gate/pr-comment/render.js'
import {
  FAKE_TOKEN,
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions
} from '../../fake-github/server.js'
import { tempDir } from '../../helpers/temp-dir.js'

const SHA = 'f'.repeat(40)
const KEY = commentKey(['shop/api:1.4.2'])
const OTHER_KEY = commentKey(['shop/worker:2.0.0'])

let directory: string
let fake: FakeGitHub | undefined

beforeAll(() => {
  directory = tempDir('pr-comment-')
})
afterAll(() => rmSync(directory, { recursive: true, force: true }))
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub(options)
  return fake
}

let eventFiles = 0

/** The environment a runner gives the step, with the event payload written to a file. */
function environment(
  apiUrl: string,
  eventName: string,
  payload: unknown,
  extra: Record<string, string> = {}
): GitHubEnvironment {
  eventFiles += 1
  const eventPath = join(directory, `event-${eventFiles}.json`)
  writeFileSync(eventPath, JSON.stringify(payload))
  return githubEnvironment({
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_SHA: SHA,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1',
    ...extra
  })
}

function pullRequestPayload(headRepo: string | null = 'octo-org/shop', number = 7) {
  return {
    pull_request: {
      number,
      head: { sha: SHA, repo: headRepo === null ? null : { full_name: headRepo } },
      base: { repo: { full_name: 'octo-org/shop' } }
    },
    repository: { name: 'shop', owner: { login: 'octo-org' } }
  }
}

function prEnvironment(server: FakeGitHub, eventName = 'pull_request'): GitHubEnvironment {
  return environment(server.url, eventName, pullRequestPayload())
}

/** A request whose renderer records the previous result it was given. */
function commentRequest(
  result: RunResult,
  overrides: Partial<PrCommentRequest> = {}
): PrCommentRequest & { previous: (RunResult | undefined)[] } {
  const previous: (RunResult | undefined)[] = []
  const key = overrides.key ?? KEY
  return {
    mode: 'auto',
    token: FAKE_TOKEN,
    key,
    render: (before) => {
      previous.push(before)
      return `<!-- inspector-gate:comment key=${key} result=${result} -->\n### gate ${result}\n`
    },
    previous,
    ...overrides
  }
}

function markedComments(server: FakeGitHub, key = KEY) {
  return server.comments.filter((comment) => parseCommentMarker(comment.body)?.key === key)
}

describe('publishPrComment on a pull request', () => {
  it('creates the comment on the first run', async () => {
    const server = await start()
    const request = commentRequest('fail')
    const result = await publishPrComment(request, prEnvironment(server))
    expect(result).toEqual({
      status: 'created',
      url: expect.stringMatching(
        /^https:\/\/github\.com\/octo-org\/shop\/pull\/7#issuecomment-\d+$/
      ),
      issueNumber: 7
    })
    expect(request.previous).toEqual([undefined])
    expect(markedComments(server)).toHaveLength(1)
    expect(server.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /repos/octo-org/shop/issues/7/comments',
      'POST /repos/octo-org/shop/issues/7/comments'
    ])
    expect(server.calls[0]?.query).toEqual({ per_page: '100' })
    expect(server.calls[1]?.authorization).toBe(`token ${FAKE_TOKEN}`)
  })

  it('updates the same comment on the next run and hands the renderer its result', async () => {
    const server = await start()
    const first = await publishPrComment(commentRequest('fail'), prEnvironment(server))
    const request = commentRequest('pass')
    const second = await publishPrComment(request, prEnvironment(server))
    expect(second).toEqual({
      status: 'updated',
      url: first.status === 'created' ? first.url : 'not created',
      issueNumber: 7
    })
    expect(request.previous).toEqual(['fail'])
    expect(markedComments(server)).toHaveLength(1)
    expect(parseCommentMarker(markedComments(server)[0]?.body ?? '')?.result).toBe('pass')
    expect(server.calls.map((call) => call.method)).toEqual(['GET', 'POST', 'GET', 'PATCH'])
    expect(server.calls[3]?.body).toEqual({ body: expect.stringContaining('gate pass') })
  })

  it('keeps one comment per target set', async () => {
    const server = await start()
    await publishPrComment(commentRequest('fail'), prEnvironment(server))
    await publishPrComment(commentRequest('pass', { key: OTHER_KEY }), prEnvironment(server))
    await publishPrComment(commentRequest('pass'), prEnvironment(server))
    await publishPrComment(commentRequest('fail', { key: OTHER_KEY }), prEnvironment(server))
    expect(markedComments(server, KEY)).toHaveLength(1)
    expect(markedComments(server, OTHER_KEY)).toHaveLength(1)
    expect(server.comments).toHaveLength(2)
  })

  it('leaves other comments alone, including an inspector-gate comment for other targets', async () => {
    const otherGate = `<!-- inspector-gate:comment key=${OTHER_KEY} result=fail -->\nold`
    const server = await start({
      comments: [
        { issueNumber: 7, body: 'Coverage: 81%', user: { login: 'codecov[bot]', type: 'Bot' } },
        { issueNumber: 7, body: otherGate },
        { issueNumber: 7, body: 'LGTM', user: { login: 'alice', type: 'User' } }
      ]
    })
    const request = commentRequest('pass')
    expect((await publishPrComment(request, prEnvironment(server))).status).toBe('created')
    expect(request.previous).toEqual([undefined])
    expect(server.comments.map((comment) => comment.body).slice(0, 3)).toEqual([
      'Coverage: 81%',
      otherGate,
      'LGTM'
    ])
    expect(server.calls.filter((call) => call.method === 'PATCH')).toEqual([])
  })

  it("prefers a bot's marked comment over one a user typed", async () => {
    const marker = `<!-- inspector-gate:comment key=${KEY} result=pass -->`
    const server = await start({
      comments: [
        { issueNumber: 7, body: `${marker}\nforged`, user: { login: 'mallory', type: 'User' } },
        { issueNumber: 7, body: marker.replace('pass', 'fail') }
      ]
    })
    const request = commentRequest('pass')
    expect((await publishPrComment(request, prEnvironment(server))).status).toBe('updated')
    expect(request.previous).toEqual(['fail'])
    expect(server.comments[0]?.body).toBe(`${marker}\nforged`)
    expect(server.comments[1]?.body).toContain('gate pass')
  })

  it('finds its comment on page 2 of 150', async () => {
    const comments = Array.from({ length: 150 }, (_, index) => ({
      issueNumber: 7,
      body:
        index === 120
          ? `<!-- inspector-gate:comment key=${KEY} result=error -->\nold`
          : `chatter ${index}`,
      user: { login: 'alice', type: 'User' as const }
    }))
    const server = await start({ comments })
    const request = commentRequest('pass')
    const result = await publishPrComment(request, prEnvironment(server))
    expect(result.status).toBe('updated')
    expect(request.previous).toEqual(['error'])
    expect(server.comments).toHaveLength(150)
    expect(server.comments[120]?.body).toContain('gate pass')
    expect(server.calls.map((call) => [call.method, call.query['page'] ?? '1'])).toEqual([
      ['GET', '1'],
      ['GET', '2'],
      ['PATCH', '1']
    ])
  })

  it('comments on pull_request_target runs of forks (their token can write)', async () => {
    const server = await start()
    const github = environment(server.url, 'pull_request_target', pullRequestPayload('eve/shop'))
    expect((await publishPrComment(commentRequest('pass'), github)).status).toBe('created')
  })
})

describe('publishPrComment when commenting is impossible', () => {
  it.each([
    ['a fork', 'eve/shop'],
    ['a deleted fork', null]
  ])('is unavailable for %s, without calling the API', async (_name, headRepo) => {
    const server = await start()
    const github = environment(server.url, 'pull_request', pullRequestPayload(headRepo))
    const result = await publishPrComment(commentRequest('fail'), github)
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringContaining('fork pull requests get a read-only token')
    })
    expect(server.calls).toEqual([])
  })

  it('is unavailable without a token, naming the github-token input', async () => {
    const server = await start()
    const result = await publishPrComment(
      commentRequest('fail', { token: '' }),
      prEnvironment(server)
    )
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringContaining('`github-token` input')
    })
    expect(server.calls).toEqual([])
  })

  it('is unavailable with a read-only token, naming the permission to add', async () => {
    const server = await start({ readOnly: true })
    const result = await publishPrComment(commentRequest('fail'), prEnvironment(server))
    expect(result.status).toBe('unavailable')
    const reason = result.status === 'unavailable' ? result.reason : ''
    expect(reason).toContain('`permissions: pull-requests: write`')
    expect(reason).toContain('Resource not accessible by integration')
    expect(reason).toContain('POST /repos/octo-org/shop/issues/7/comments')
    expect(reason).not.toMatch(/\n/)
  })

  it('is unavailable when updating is refused too', async () => {
    const server = await start({
      readOnly: true,
      comments: [{ issueNumber: 7, body: `<!-- inspector-gate:comment key=${KEY} result=fail -->` }]
    })
    const result = await publishPrComment(commentRequest('pass'), prEnvironment(server))
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringContaining('pull-requests: write')
    })
    expect(server.calls.map((call) => call.method)).toEqual(['GET', 'PATCH'])
  })

  it.each([
    ['the token is rejected', { unauthorized: true }],
    ['the token is not the one GitHub knows', { token: 'ghs_other' }]
  ])('is unavailable when %s', async (_name, options: FakeGitHubOptions) => {
    const server = await start(options)
    const result = await publishPrComment(commentRequest('fail'), prEnvironment(server))
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/401 Bad credentials.*`github-token`/)
    })
  })

  it('is unavailable when GitHub answers 404 (no access to the pull request)', async () => {
    const server = await start({ pulls: [] })
    const result = await publishPrComment(commentRequest('fail'), prEnvironment(server))
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/404.*pull-requests: write/)
    })
  })

  it('is unavailable when GitHub refuses the body', async () => {
    const server = await start()
    const request = commentRequest('fail', { render: () => 'x'.repeat(70_000) })
    const result = await publishPrComment(request, prEnvironment(server))
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringContaining('GitHub answered 422 (Validation Failed')
    })
  })

  it('is unavailable, quickly, when the API cannot be reached', async () => {
    const port = await closedPort()
    const github = environment(`http://127.0.0.1:${port}`, 'pull_request', pullRequestPayload())
    const started = Date.now()
    const result = await publishPrComment(commentRequest('fail'), github)
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringContaining(`could not reach the GitHub API at http://127.0.0.1:${port}`)
    })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('gives up on an API that never answers after the request timeout', async () => {
    const server = await start({ hang: true })
    const started = Date.now()
    const result = await publishPrComment(
      commentRequest('fail', { requestTimeoutMs: 300 }),
      prEnvironment(server)
    )
    expect(result).toEqual({
      status: 'unavailable',
      reason: `could not reach the GitHub API at ${server.url} (no answer within 0.3 s)`
    })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(server.calls).toHaveLength(1)
  })

  it('is unavailable when the event payload has no pull request number', async () => {
    const server = await start()
    const github = environment(server.url, 'pull_request', { pull_request: {} })
    const result = await publishPrComment(commentRequest('fail'), github)
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringContaining('no pull request number')
    })
  })

  it('never throws, even when rendering does', async () => {
    const server = await start()
    const request = commentRequest('fail', {
      render: () => {
        throw new Error('renderer bug')
      }
    })
    const result = await publishPrComment(request, prEnvironment(server))
    expect(result).toEqual({
      status: 'unavailable',
      reason: expect.stringContaining('renderer bug')
    })
  })
})

describe('publishPrComment modes and events', () => {
  it('skips when off, without calling the API', async () => {
    const server = await start()
    const result = await publishPrComment(
      commentRequest('fail', { mode: 'off' }),
      prEnvironment(server)
    )
    expect(result).toEqual({ status: 'skipped', reason: 'pr-comment is off' })
    expect(server.calls).toEqual([])
  })

  it('auto skips push events, without calling the API', async () => {
    const server = await start()
    const github = environment(server.url, 'push', { ref: 'refs/heads/feature' })
    const result = await publishPrComment(commentRequest('fail'), github)
    expect(result).toEqual({
      status: 'skipped',
      reason: expect.stringContaining('not a pull request event (push)')
    })
    expect(server.calls).toEqual([])
  })

  it('always finds the open pull request of a pushed commit', async () => {
    const server = await start({
      pulls: [
        { number: 3, headSha: 'e'.repeat(40), commits: [SHA], state: 'closed' },
        { number: 9, headSha: SHA }
      ]
    })
    const github = environment(server.url, 'push', { ref: 'refs/heads/feature' })
    const result = await publishPrComment(commentRequest('fail', { mode: 'always' }), github)
    expect(result).toMatchObject({ status: 'created', issueNumber: 9 })
    expect(server.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `GET /repos/octo-org/shop/commits/${SHA}/pulls`,
      'GET /repos/octo-org/shop/issues/9/comments',
      'POST /repos/octo-org/shop/issues/9/comments'
    ])
  })

  it('always skips a commit without an open pull request', async () => {
    const server = await start({ pulls: [{ number: 3, headSha: SHA, state: 'closed' }] })
    const github = environment(server.url, 'push', {})
    const result = await publishPrComment(commentRequest('fail', { mode: 'always' }), github)
    expect(result).toEqual({
      status: 'skipped',
      reason: `no open pull request contains commit ${SHA.slice(0, 12)}`
    })
  })

  it('always behaves like auto on pull request events, forks included', async () => {
    const server = await start()
    const fork = environment(server.url, 'pull_request', pullRequestPayload('eve/shop'))
    expect((await publishPrComment(commentRequest('fail', { mode: 'always' }), fork)).status).toBe(
      'unavailable'
    )
    const result = await publishPrComment(
      commentRequest('fail', { mode: 'always' }),
      prEnvironment(server)
    )
    expect(result).toMatchObject({ status: 'created', issueNumber: 7 })
  })
})

describe('githubEnvironment', () => {
  it('reads the runner variables and the event file', () => {
    const github = environment(
      'https://ghe.example.com/api/v3/',
      'pull_request',
      pullRequestPayload(),
      {
        GITHUB_SERVER_URL: 'https://ghe.example.com/',
        GITHUB_RUN_ATTEMPT: '3'
      }
    )
    expect(github).toEqual({
      eventName: 'pull_request',
      payload: pullRequestPayload(),
      owner: 'octo-org',
      repo: 'shop',
      sha: SHA,
      apiUrl: 'https://ghe.example.com/api/v3',
      serverUrl: 'https://ghe.example.com',
      runId: '42',
      runAttempt: '3',
      runUrl: 'https://ghe.example.com/octo-org/shop/actions/runs/42/attempts/3'
    })
  })

  it('falls back to defaults outside a runner and to the payload for the repository', () => {
    expect(githubEnvironment({})).toEqual({
      eventName: '',
      payload: {},
      owner: '',
      repo: '',
      sha: '',
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com'
    })
    const payloadPath = join(directory, 'repository-only.json')
    writeFileSync(payloadPath, JSON.stringify(pullRequestPayload()))
    const github = githubEnvironment({ GITHUB_EVENT_PATH: payloadPath, GITHUB_RUN_ID: '5' })
    expect([github.owner, github.repo, github.runUrl]).toEqual([
      'octo-org',
      'shop',
      'https://github.com/octo-org/shop/actions/runs/5'
    ])
    expect(
      githubEnvironment({ GITHUB_EVENT_PATH: join(directory, 'missing.json') }).payload
    ).toEqual({})
  })
})

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
