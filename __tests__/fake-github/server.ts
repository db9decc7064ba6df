/**
 * A local GitHub REST API for the pull-request comment: the real Octokit (via `getOctokit` with
 * `baseUrl: fake.url`, or the action bundle with `GITHUB_API_URL=fake.url`) talks to it as to
 * api.github.com. It speaks the shapes Octokit expects for
 *
 *   GET   /repos/:owner/:repo/issues/:number/comments   (per_page/page, `Link` header)
 *   POST  /repos/:owner/:repo/issues/:number/comments
 *   PATCH /repos/:owner/:repo/issues/comments/:id
 *   GET   /repos/:owner/:repo/commits/:sha/pulls         (per_page/page, `Link` header)
 *
 * checks the token in `authorization`, keeps comments in memory and records every call. Modes:
 * `readOnly` answers writes 403 "Resource not accessible by integration" (a fork's or Dependabot's
 * token), `unauthorized` answers everything 401 "Bad credentials", `hang` accepts connections and
 * never answers (a dead endpoint).
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeGitHubUser {
  login: string
  type: 'Bot' | 'User' | 'Organization'
  id?: number
}

export interface FakeComment {
  id: number
  issueNumber: number
  body: string
  user: FakeGitHubUser
  html_url: string
  created_at: string
  updated_at: string
}

/** A pull request of the fake repository. Issue routes answer 404 for numbers not listed here. */
export interface FakePullRequest {
  number: number
  headSha: string
  /** Commits besides the head that belong to it (for commits/:sha/pulls). */
  commits?: string[]
  state?: 'open' | 'closed'
  headRef?: string
  /** `owner/repo` of the head; the fake repository unless given (a fork). */
  headRepo?: string
}

export interface PreloadedComment {
  issueNumber: number
  body: string
  user?: FakeGitHubUser
}

export interface FakeGitHubOptions {
  owner?: string
  repo?: string
  /** The token the API accepts (`authorization: token …` or `Bearer …`). Default `ghs_fake`. */
  token?: string
  pulls?: FakePullRequest[]
  comments?: PreloadedComment[]
  /** Who writes comments created through the API. Default `github-actions[bot]` (a Bot). */
  actor?: FakeGitHubUser
  /** Writes answer 403 Resource not accessible by integration (reads still work). */
  readOnly?: boolean
  /** Everything answers 401 Bad credentials. */
  unauthorized?: boolean
  /** Requests are accepted and never answered. */
  hang?: boolean
  /** Where html_url points. Default `https://github.com`. */
  serverUrl?: string
  port?: number
  log?: (line: string) => void
}

export interface FakeGitHubCall {
  method: string
  /** The path without the query, e.g. `/repos/o/r/issues/1/comments`. */
  path: string
  query: Record<string, string>
  /** The parsed JSON body, if any. */
  body: unknown
  status: number
  authorization?: string
}

export interface FakeGitHub {
  url: string
  port: number
  calls: FakeGitHubCall[]
  /** Every comment, in creation order (preloaded ones first); edited in place by PATCH. */
  comments: FakeComment[]
  commentsOn(issueNumber: number): FakeComment[]
  close(): Promise<void>
}

export const FAKE_TOKEN = 'ghs_fake'
export const GITHUB_ACTIONS_BOT: FakeGitHubUser = {
  login: 'github-actions[bot]',
  type: 'Bot',
  id: 41898282
}
export const DEFAULT_PULL: FakePullRequest = { number: 7, headSha: 'f'.repeat(40) }

const DOCS = 'https://docs.github.com/rest'
const MAX_BODY_CHARS = 65_536

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message)
  }
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'octo-org'
  const repo = options.repo ?? 'shop'
  const token = options.token ?? FAKE_TOKEN
  const pulls = options.pulls ?? [DEFAULT_PULL]
  const actor = options.actor ?? GITHUB_ACTIONS_BOT
  const serverUrl = options.serverUrl ?? 'https://github.com'
  const log = options.log ?? (() => undefined)
  const calls: FakeGitHubCall[] = []
  const comments: FakeComment[] = []
  let nextId = 1_000_001
  let url = ''
  let clock = Date.parse('2026-03-15T12:00:00Z')
  const timestamp = (): string => new Date((clock += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z')

  const addComment = (issueNumber: number, body: string, user: FakeGitHubUser): FakeComment => {
    const id = nextId++
    const at = timestamp()
    const comment: FakeComment = {
      id,
      issueNumber,
      body,
      user,
      html_url: `${serverUrl}/${owner}/${repo}/pull/${issueNumber}#issuecomment-${id}`,
      created_at: at,
      updated_at: at
    }
    comments.push(comment)
    return comment
  }
  for (const preloaded of options.comments ?? []) {
    addComment(preloaded.issueNumber, preloaded.body, preloaded.user ?? GITHUB_ACTIONS_BOT)
  }

  const commentJson = (comment: FakeComment) => ({
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${url}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
    html_url: comment.html_url,
    issue_url: `${url}/repos/${owner}/${repo}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userJson(comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    performed_via_github_app: null
  })

  const pullJson = (pull: FakePullRequest) => {
    const repoJson = (fullName: string) => ({
      full_name: fullName,
      name: fullName.split('/')[1],
      owner: { login: fullName.split('/')[0] }
    })
    return {
      number: pull.number,
      state: pull.state ?? 'open',
      title: `Pull request ${pull.number}`,
      html_url: `${serverUrl}/${owner}/${repo}/pull/${pull.number}`,
      url: `${url}/repos/${owner}/${repo}/pulls/${pull.number}`,
      head: {
        sha: pull.headSha,
        ref: pull.headRef ?? `branch-${pull.number}`,
        repo: repoJson(pull.headRepo ?? `${owner}/${repo}`)
      },
      base: { sha: '0'.repeat(40), ref: 'main', repo: repoJson(`${owner}/${repo}`) }
    }
  }

  function route(method: string, path: string, query: URLSearchParams, body: unknown) {
    const prefix = `/repos/${owner}/${repo}/`
    const match = /^\/repos\/[^/]+\/[^/]+\/(.*)$/.exec(path)
    if (match === null || !path.toLowerCase().startsWith(prefix.toLowerCase())) {
      throw new HttpError(404, 'Not Found')
    }
    const rest = match[1] ?? ''
    let parts: RegExpExecArray | null
    if ((parts = /^issues\/(\d+)\/comments$/.exec(rest)) !== null) {
      const issueNumber = Number(parts[1])
      if (!pulls.some((pull) => pull.number === issueNumber)) throw new HttpError(404, 'Not Found')
      if (method === 'GET') {
        const list = comments.filter((comment) => comment.issueNumber === issueNumber)
        return page(list.map(commentJson), path, query)
      }
      if (method === 'POST') {
        denyWrites()
        const text = commentBody(body)
        return { status: 201, data: commentJson(addComment(issueNumber, text, actor)) }
      }
    }
    if ((parts = /^issues\/comments\/(\d+)$/.exec(rest)) !== null) {
      const comment = comments.find((candidate) => candidate.id === Number(parts?.[1]))
      if (comment === undefined) throw new HttpError(404, 'Not Found')
      if (method === 'GET') return { status: 200, data: commentJson(comment) }
      if (method === 'PATCH') {
        denyWrites()
        comment.body = commentBody(body)
        comment.updated_at = timestamp()
        return { status: 200, data: commentJson(comment) }
      }
    }
    if ((parts = /^commits\/([^/]+)\/pulls$/.exec(rest)) !== null && method === 'GET') {
      const sha = parts[1] ?? ''
      const found = pulls.filter(
        (pull) => pull.headSha === sha || (pull.commits ?? []).includes(sha)
      )
      return page(found.map(pullJson), path, query)
    }
    throw new HttpError(404, 'Not Found')
  }

  function denyWrites(): void {
    if (options.readOnly === true) {
      throw new HttpError(403, 'Resource not accessible by integration', {
        documentation_url: `${DOCS}/issues/comments#create-an-issue-comment`
      })
    }
  }

  /** GitHub's pagination: `per_page` (default 30, at most 100), `page` from 1, RFC 8288 links. */
  function page(items: unknown[], path: string, query: URLSearchParams) {
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30))
    const current = Math.max(1, Number(query.get('page') ?? 1) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const linkTo = (n: number) => {
      const params = new URLSearchParams(query)
      params.set('per_page', String(perPage))
      params.set('page', String(n))
      return `<${url}${path}?${params.toString()}>`
    }
    const links: string[] = []
    if (current > 1) links.push(`${linkTo(current - 1)}; rel="prev"`)
    if (current < last)
      links.push(`${linkTo(current + 1)}; rel="next"`, `${linkTo(last)}; rel="last"`)
    if (current > 1) links.push(`${linkTo(1)}; rel="first"`)
    const data = items.slice((current - 1) * perPage, current * perPage)
    return { status: 200, data, headers: links.length > 0 ? { link: links.join(', ') } : {} }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`fake-github: unhandled ${String(error)}`)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req)
    const method = req.method ?? 'GET'
    const parsed = new URL(req.url ?? '/', 'http://fake')
    const authorization = req.headers.authorization
    const call: FakeGitHubCall = {
      method,
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      body: undefined,
      status: 0,
      ...(authorization === undefined ? {} : { authorization })
    }
    calls.push(call)
    if (options.hang === true) {
      log(`fake-github ${method} ${parsed.pathname} → (hanging)`)
      return
    }
    let status: number
    let data: unknown
    let headers: Record<string, string> = {}
    try {
      call.body = parseJson(raw)
      if (options.unauthorized === true || !authorized(authorization, token)) {
        throw new HttpError(401, 'Bad credentials')
      }
      const answer = route(method, parsed.pathname, parsed.searchParams, call.body)
      ;({ status, data } = answer)
      headers = 'headers' in answer ? answer.headers : {}
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      status = error.status
      data = {
        message: error.message,
        documentation_url: DOCS,
        ...error.extra,
        status: String(error.status)
      }
    }
    call.status = status
    log(`fake-github ${method} ${parsed.pathname}${parsed.search} → ${status}`)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      ...headers
    })
    res.end(JSON.stringify(data))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  url = `http://127.0.0.1:${port}`
  log(`fake-github: ${owner}/${repo} listening on ${url}`)

  return {
    url,
    port,
    calls,
    comments,
    commentsOn: (issueNumber) => comments.filter((comment) => comment.issueNumber === issueNumber),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // Octokit's fetch keeps connections alive (and `hang` leaves requests open).
        server.closeAllConnections()
      })
  }
}

function authorized(header: string | undefined, token: string): boolean {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')
  return match?.[1] === token
}

function commentBody(body: unknown): string {
  const text =
    typeof body === 'object' && body !== null && 'body' in body ? (body.body as unknown) : undefined
  if (typeof text !== 'string') {
    throw new HttpError(422, 'Invalid request.\n\n"body" wasn\'t supplied.')
  }
  if (text.length > MAX_BODY_CHARS) {
    throw new HttpError(422, 'Validation Failed', {
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`
        }
      ]
    })
  }
  return text
}

function userJson(user: FakeGitHubUser) {
  const id = user.id ?? 1000 + user.login.length
  return {
    login: user.login,
    id,
    node_id: `U_${id}`,
    type: user.type,
    site_admin: false,
    html_url: `https://github.com/${user.login.replace(/\[bot\]$/, '')}`
  }
}

function parseJson(raw: string): unknown {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw new HttpError(400, 'Problems parsing JSON')
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
