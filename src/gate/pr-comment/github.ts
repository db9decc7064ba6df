/**
 * Posts the sticky pull-request comment (`gate/pr-comment/render.ts` renders it): finds this target
 * set's comment by its hidden marker and updates it in place, or creates it. Commenting is a
 * courtesy: a fork's read-only token, a missing permission or an unreachable API are reported as
 * `unavailable` with a one-line reason, never thrown, so the step's result is the gate's alone.
 *
 * The GitHub context is read from the environment when asked (`githubEnvironment`), not from
 * `@actions/github`'s `context`, whose values are fixed when the module is imported. HTTP goes
 * through `getOctokit` (imported only when there is a comment to post, so a push gate never loads
 * Octokit), so proxies and GitHub Enterprise (`GITHUB_API_URL`) work as in any action.
 */
import { readFileSync } from 'node:fs'
// Type only: Octokit is loaded when a comment is to be posted, not on every gate (issue 13).
import type { getOctokit } from '@actions/github'
import type { RunResult } from '../../domain/result.js'
import { parseCommentMarker } from './render.js'
import { errorMessage } from '../../runtime/error-message.js'
import type { PrCommentMode } from './setting.js'

export interface PrCommentRequest {
  mode: PrCommentMode
  token: string
  /** `commentKey` of the gated targets: which of the pull request's comments is this one's. */
  key: string
  /** The comment body, given the result recorded in the comment it replaces (if any). */
  render: (previous: RunResult | undefined) => string
  /** Limit for each HTTP request (default 10 s); the whole publication gets three times that. */
  requestTimeoutMs?: number
}

export type PrCommentResult =
  | { status: 'created' | 'updated'; url: string; issueNumber: number }
  /** Off, not a pull request event, or no open pull request for the commit. */
  | { status: 'skipped'; reason: string }
  /** Fork pull request, no token, 401/403/404 from GitHub, network error. */
  | { status: 'unavailable'; reason: string }

/** What publishing needs to know about the workflow run. */
export interface GitHubEnvironment {
  /** GITHUB_EVENT_NAME, e.g. `pull_request`, `push`; '' outside GitHub Actions. */
  eventName: string
  /** The webhook payload from GITHUB_EVENT_PATH; `{}` when absent or unreadable. */
  payload: Record<string, unknown>
  owner: string
  repo: string
  /** GITHUB_SHA: the commit the run is for. */
  sha: string
  /** REST API root without a trailing slash (`https://api.github.com`, or GHES `…/api/v3`). */
  apiUrl: string
  serverUrl: string
  runId?: string
  runAttempt?: string
  /** The run page, where the job summary is: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`. */
  runUrl?: string
}

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000
const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target']
/** 5,000 comments: past that, a new comment is cheaper than reading on. */
const MAX_COMMENT_PAGES = 50
const PERMISSION = '`permissions: pull-requests: write`'
const REASON_MAX_LENGTH = 300

/** The workflow run as the GitHub Actions runner describes it in `env`. */
export function githubEnvironment(
  env: Record<string, string | undefined> = process.env
): GitHubEnvironment {
  const payload = readPayload(env['GITHUB_EVENT_PATH'])
  const [envOwner = '', envRepo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/')
  const owner = envOwner || stringAt(payload, 'repository', 'owner', 'login') || ''
  const repo = envRepo || stringAt(payload, 'repository', 'name') || ''
  const serverUrl = withoutTrailingSlash(env['GITHUB_SERVER_URL'] || 'https://github.com')
  const runId = digits(env['GITHUB_RUN_ID'])
  const runAttempt = digits(env['GITHUB_RUN_ATTEMPT'])
  const runUrl =
    runId !== undefined && owner !== '' && repo !== ''
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` +
        (runAttempt === undefined ? '' : `/attempts/${runAttempt}`)
      : undefined
  return {
    eventName: env['GITHUB_EVENT_NAME'] ?? '',
    payload,
    owner,
    repo,
    sha: env['GITHUB_SHA'] ?? '',
    apiUrl: withoutTrailingSlash(env['GITHUB_API_URL'] || 'https://api.github.com'),
    serverUrl,
    ...(runId === undefined ? {} : { runId }),
    ...(runAttempt === undefined ? {} : { runAttempt }),
    ...(runUrl === undefined ? {} : { runUrl })
  }
}

/** Creates or updates the comment. Never throws: every failure is a `skipped` or `unavailable`. */
export async function publishPrComment(
  request: PrCommentRequest,
  github: GitHubEnvironment
): Promise<PrCommentResult> {
  try {
    return await publish(request, github)
  } catch (error) {
    return unavailable(explainFailure(error, github, timeoutOf(request)))
  }
}

type Octokit = ReturnType<typeof getOctokit>

async function publish(
  request: PrCommentRequest,
  github: GitHubEnvironment
): Promise<PrCommentResult> {
  if (request.mode === 'off') return skipped('pr-comment is off')
  const { eventName, payload } = github
  let issueNumber: number | undefined
  if (PULL_REQUEST_EVENTS.includes(eventName)) {
    issueNumber = positiveInteger(valueAt(payload, 'pull_request', 'number'))
    if (issueNumber === undefined) {
      return unavailable(
        `the ${eventName} event payload (GITHUB_EVENT_PATH) has no pull request number`
      )
    }
    // A fork's pull_request run gets a read-only token whatever the workflow asks for.
    if (eventName === 'pull_request' && isFork(payload, github)) {
      return unavailable(
        'fork pull requests get a read-only token, so the gate cannot comment; the results are in the job summary (a pull_request_target workflow can comment, with care)'
      )
    }
  } else if (request.mode === 'auto') {
    return skipped(
      `not a pull request event (${eventName || 'none'}); set pr-comment: always to comment on the pull request of the pushed commit`
    )
  }
  if (request.token === '') {
    return unavailable(
      'no token to comment with: set the `github-token` input (default `${{ github.token }}`)'
    )
  }
  if (github.owner === '' || github.repo === '') {
    return unavailable('GITHUB_REPOSITORY is not set, so there is no repository to comment on')
  }

  const octokit = await client(request, github)
  if (issueNumber === undefined) {
    if (github.sha === '') return skipped('GITHUB_SHA is not set, so no pull request can be found')
    issueNumber = await openPullRequestFor(octokit, github)
    if (issueNumber === undefined) {
      return skipped(`no open pull request contains commit ${github.sha.slice(0, 12)}`)
    }
  }

  const existing = await findComment(octokit, github, issueNumber, request.key)
  const body = request.render(existing?.result)
  const where = { owner: github.owner, repo: github.repo }
  if (existing !== undefined) {
    try {
      const { data } = await octokit.rest.issues.updateComment({
        ...where,
        comment_id: existing.id,
        body
      })
      return { status: 'updated', url: data.html_url, issueNumber }
    } catch (error) {
      // Deleted between listing and updating: write a new one.
      if (statusOf(error) !== 404) throw error
    }
  }
  const { data } = await octokit.rest.issues.createComment({
    ...where,
    issue_number: issueNumber,
    body
  })
  return { status: 'created', url: data.html_url, issueNumber }
}

async function client(request: PrCommentRequest, github: GitHubEnvironment): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github')
  // `request` is left out of the options on purpose: @actions/github's defaults put its proxy-aware
  // fetch there, and Octokit merges options shallowly.
  const octokit = getOctokit(request.token, { baseUrl: github.apiUrl, userAgent: 'inspector-gate' })
  const timeoutMs = timeoutOf(request)
  const overall = AbortSignal.timeout(timeoutMs * 3)
  octokit.hook.before('request', (options) => {
    // Per request, so a dead endpoint costs seconds, and a slow one cannot page on for minutes.
    options.request = {
      ...options.request,
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), overall])
    }
  })
  return octokit
}

/** `always` on a push: the open pull request whose head is the commit, else any open one with it. */
async function openPullRequestFor(
  octokit: Octokit,
  github: GitHubEnvironment
): Promise<number | undefined> {
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: github.owner,
    repo: github.repo,
    commit_sha: github.sha,
    per_page: 100
  })
  const open = data.filter((pull) => pull.state === 'open')
  return (open.find((pull) => pull.head.sha === github.sha) ?? open[0])?.number
}

interface MarkedComment {
  id: number
  result: RunResult
}

/**
 * The comment whose marker carries this key. The marker is trusted only at the very start of a
 * body, where finding text never is (it is escaped, and always follows the marker), so a match is
 * a comment written by inspector-gate, or by someone who typed the marker on purpose. The author
 * cannot be pinned down further: the GITHUB_TOKEN's identity (`github-actions[bot]`) is not
 * readable with that token, and a personal token comments as a user. So a match by a bot wins
 * over a match by a user; a hand-typed marker can at worst have its comment replaced by ours.
 */
async function findComment(
  octokit: Octokit,
  github: GitHubEnvironment,
  issueNumber: number,
  key: string
): Promise<MarkedComment | undefined> {
  let fallback: MarkedComment | undefined
  let pages = 0
  const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: github.owner,
    repo: github.repo,
    issue_number: issueNumber,
    per_page: 100
  })
  for await (const { data } of iterator) {
    for (const comment of data) {
      const marker = parseCommentMarker(comment.body ?? '')
      if (marker === undefined || marker.key !== key) continue
      const found = { id: comment.id, result: marker.result }
      if (comment.user?.type === 'Bot') return found
      fallback ??= found
    }
    pages += 1
    if (pages >= MAX_COMMENT_PAGES) break
  }
  return fallback
}

// ---- failures ------------------------------------------------------------------------------

function timeoutOf(request: PrCommentRequest): number {
  return request.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
}

/** One line naming what went wrong and what to change. */
function explainFailure(error: unknown, github: GitHubEnvironment, timeoutMs: number): string {
  const status = statusOf(error)
  const message = shortMessage(error)
  // Octokit reports a failed fetch (refused, reset, timed out) as status 500 without a response.
  if (status === undefined || valueAt(error, 'response') === undefined) {
    const names = [stringAt(error, 'name'), stringAt(error, 'cause', 'name')]
    const cause = names.some((name) => name === 'TimeoutError' || name === 'AbortError')
      ? `no answer within ${timeoutMs / 1000} s`
      : message
    return `could not reach the GitHub API at ${github.apiUrl} (${cause})`
  }
  const route = routeOf(error)
  switch (status) {
    case 401:
      return `GitHub rejected the token (401 ${message}); check the \`github-token\` input`
    case 403:
      if (/rate limit/i.test(message)) return `GitHub's rate limit was hit (403 ${message})`
      return (
        `the token may not comment on pull requests (403 ${message}${route}); add ${PERMISSION} ` +
        'to the job (Dependabot and fork pull requests get a read-only token)'
      )
    case 404:
      return (
        `GitHub answered 404 (${message}${route}): the token cannot see this repository or pull ` +
        `request; add ${PERMISSION} to the job, or give a token with access as \`github-token\``
      )
    default:
      return `GitHub answered ${status} (${message}${route})`
  }
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined
  return typeof error.status === 'number' ? error.status : undefined
}

/** GitHub's own message (`Resource not accessible by integration`), else the error's. */
function shortMessage(error: unknown): string {
  const data = valueAt(error, 'response', 'data')
  const fromGitHub = stringAt(data, 'message')
  const fromError = errorMessage(error)
  const text = (fromGitHub ?? fromError).replace(/\s+/g, ' ').trim()
  return text.length > REASON_MAX_LENGTH ? `${text.slice(0, REASON_MAX_LENGTH - 1)}…` : text
}

/** ` on POST /repos/o/r/issues/1/comments`, from the failed request, or ''. */
function routeOf(error: unknown): string {
  const method = stringAt(error, 'request', 'method')
  const url = stringAt(error, 'request', 'url')
  if (method === undefined || url === undefined) return ''
  try {
    return ` on ${method} ${new URL(url).pathname}`
  } catch {
    return ''
  }
}

function skipped(reason: string): PrCommentResult {
  return { status: 'skipped', reason }
}

function unavailable(reason: string): PrCommentResult {
  return { status: 'unavailable', reason }
}

// ---- event payload ---------------------------------------------------------------------------

function isFork(payload: Record<string, unknown>, github: GitHubEnvironment): boolean {
  const head = valueAt(payload, 'pull_request', 'head', 'repo')
  if (head === null || head === undefined) return true // the fork was deleted
  const headName = stringAt(head, 'full_name')
  const baseName =
    stringAt(payload, 'pull_request', 'base', 'repo', 'full_name') ??
    `${github.owner}/${github.repo}`
  return headName === undefined || headName.toLowerCase() !== baseName.toLowerCase()
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (path === undefined || path === '') return {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return isRecord(parsed) ? parsed : {}
  } catch {
    return {}
  }
}

function valueAt(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path) {
    if (!isRecord(current)) return undefined
    current = current[key]
  }
  return current
}

function stringAt(value: unknown, ...path: string[]): string | undefined {
  const found = valueAt(value, ...path)
  return typeof found === 'string' ? found : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}

function digits(value: string | undefined): string | undefined {
  const trimmed = (value ?? '').trim()
  return /^\d+$/.test(trimmed) ? trimmed : undefined
}

function withoutTrailingSlash(url: string): string {
  return url.trim().replace(/\/+$/, '')
}
