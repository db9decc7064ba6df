import { afterEach, describe, expect, it } from '@jest/globals'
import { FAKE_TOKEN, startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './server.js'

let fake: FakeGitHub | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub(options)
  return fake
}

async function call(
  server: FakeGitHub,
  method: string,
  path: string,
  body?: unknown,
  token = FAKE_TOKEN
): Promise<{ status: number; data: unknown; link: string | null }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return {
    status: response.status,
    data: (await response.json()) as unknown,
    link: response.headers.get('link')
  }
}

const COMMENTS = '/repos/octo-org/shop/issues/7/comments'

describe('fake GitHub REST API', () => {
  it('creates, lists and updates comments, recording every call', async () => {
    const server = await start()
    const created = await call(server, 'POST', COMMENTS, { body: 'hello' })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({
      body: 'hello',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: expect.stringMatching(
        /^https:\/\/github\.com\/octo-org\/shop\/pull\/7#issuecomment-\d+$/
      )
    })
    const id = (created.data as { id: number }).id
    const updated = await call(server, 'PATCH', `/repos/octo-org/shop/issues/comments/${id}`, {
      body: 'edited'
    })
    expect(updated.status).toBe(200)
    const listed = await call(server, 'GET', COMMENTS)
    expect(listed.data).toEqual([expect.objectContaining({ id, body: 'edited' })])
    expect(server.commentsOn(7).map((comment) => comment.body)).toEqual(['edited'])
    expect(server.calls.map((c) => [c.method, c.path, c.status])).toEqual([
      ['POST', COMMENTS, 201],
      ['PATCH', `/repos/octo-org/shop/issues/comments/${id}`, 200],
      ['GET', COMMENTS, 200]
    ])
    expect(server.calls[0]?.body).toEqual({ body: 'hello' })
    expect(server.calls[0]?.authorization).toBe(`token ${FAKE_TOKEN}`)
  })

  it('pages with per_page and page and a Link header like GitHub', async () => {
    const comments = Array.from({ length: 150 }, (_, index) => ({
      issueNumber: 7,
      body: `comment ${index}`
    }))
    const server = await start({ comments })
    const first = await call(server, 'GET', `${COMMENTS}?per_page=100`)
    expect(first.data).toHaveLength(100)
    expect(first.link).toBe(
      `<${server.url}${COMMENTS}?per_page=100&page=2>; rel="next", <${server.url}${COMMENTS}?per_page=100&page=2>; rel="last"`
    )
    const second = await call(server, 'GET', `${COMMENTS}?per_page=100&page=2`)
    expect((second.data as { body: string }[]).map((c) => c.body)[0]).toBe('comment 100')
    expect(second.data).toHaveLength(50)
    expect(second.link).toBe(
      `<${server.url}${COMMENTS}?per_page=100&page=1>; rel="prev", <${server.url}${COMMENTS}?per_page=100&page=1>; rel="first"`
    )
    const defaultPage = await call(server, 'GET', COMMENTS)
    expect(defaultPage.data).toHaveLength(30)
  })

  it('finds pull requests by head or member commit', async () => {
    const server = await start({
      pulls: [
        { number: 3, headSha: 'aaa', state: 'closed' },
        { number: 4, headSha: 'bbb', commits: ['aaa'] }
      ]
    })
    const found = await call(server, 'GET', '/repos/octo-org/shop/commits/aaa/pulls')
    expect(
      (found.data as { number: number; state: string }[]).map((p) => [p.number, p.state])
    ).toEqual([
      [3, 'closed'],
      [4, 'open']
    ])
    const none = await call(server, 'GET', '/repos/octo-org/shop/commits/ccc/pulls')
    expect(none.data).toEqual([])
  })

  it('answers like GitHub when the token, permission, repository or body is wrong', async () => {
    const server = await start({ readOnly: true })
    expect(await call(server, 'POST', COMMENTS, { body: 'x' })).toMatchObject({
      status: 403,
      data: { message: 'Resource not accessible by integration', status: '403' }
    })
    expect((await call(server, 'GET', COMMENTS)).status).toBe(200)
    expect(await call(server, 'GET', COMMENTS, undefined, 'wrong')).toMatchObject({
      status: 401,
      data: { message: 'Bad credentials' }
    })
    expect((await call(server, 'GET', '/repos/other/shop/issues/7/comments')).status).toBe(404)
    expect((await call(server, 'GET', '/repos/octo-org/shop/issues/8/comments')).status).toBe(404)
    await server.close()

    const writable = await start()
    expect((await call(writable, 'POST', COMMENTS, {})).status).toBe(422)
    const tooLong = await call(writable, 'POST', COMMENTS, { body: 'x'.repeat(65_537) })
    expect(tooLong).toMatchObject({ status: 422, data: { message: 'Validation Failed' } })
    expect((await call(writable, 'POST', COMMENTS, { body: 'x'.repeat(65_536) })).status).toBe(201)
    await writable.close()

    const unauthorized = await start({ unauthorized: true })
    expect((await call(unauthorized, 'GET', COMMENTS)).status).toBe(401)
  })
})
