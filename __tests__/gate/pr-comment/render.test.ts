import { describe, expect, it } from '@jest/globals'
import type { Verdict } from '../../../src/domain/verdict.js'
import {
  commentKey,
  DEFAULT_PR_COMMENT_MAX_CHARS,
  parseCommentMarker,
  renderPrComment,
  type PrCommentOptions
} from '../../../src/gate/pr-comment/render.js'
import { cells, htmlTags, tableAfter } from '../render/markdown-reading.js'
import {
  AMD64,
  aFinding,
  aPolicy,
  aSmallFailVerdict,
  assessed,
  aVerdict,
  HOSTILE_PACKAGE,
  HOSTILE_TITLE
} from '../render/verdict-fixtures.js'

const TARGETS = ['shop/api:1.4.2', 'shop/legacy:7']
const KEY = commentKey(TARGETS)

function render(verdict: Verdict, overrides: Partial<PrCommentOptions> = {}): string {
  return renderPrComment(verdict, {
    key: KEY,
    targets: TARGETS,
    policy: aPolicy(),
    runUrl: 'https://github.com/octo-org/shop/actions/runs/42/attempts/2',
    ...overrides
  })
}

function blockingVerdict(count: number, title = 'CVE in openssl'): Verdict {
  const findings = Array.from({ length: count }, (_, index) =>
    assessed(aFinding({ title, inspectorScore: (index % 100) / 10, artifact: AMD64 }), {
      blocking: true
    })
  )
  return aVerdict({ result: 'fail', assessed: findings, failures: [`${count} findings`] })
}

describe('commentKey', () => {
  it('is 16 hex characters, the same for a set in any order, with stray whitespace', () => {
    const key = commentKey(['b:1', 'a:2', 'c@sha256:00'])
    expect(key).toMatch(/^[0-9a-f]{16}$/)
    expect(commentKey(['  c@sha256:00 ', 'a:2', 'b:1'])).toBe(key)
    expect(commentKey(['a:2', 'b:1', 'c@sha256:00', 'a:2', ''])).toBe(key)
  })

  it('differs between different sets', () => {
    const keys = [
      commentKey(['a']),
      commentKey(['b']),
      commentKey(['a', 'b']),
      commentKey(['a,b']),
      commentKey(['a\nb']),
      commentKey([])
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('marker', () => {
  it('is the first line and parses back to the key and result', () => {
    for (const result of ['pass', 'fail', 'error'] as const) {
      const body = render(aVerdict({ result }))
      expect(body.split('\n')[0]).toBe(
        `<!-- inspector-gate:comment key=${KEY} result=${result} -->`
      )
      expect(parseCommentMarker(body)).toEqual({ key: KEY, result })
    }
  })

  it('is recognised only at the very start of a body', () => {
    const marker = `<!-- inspector-gate:comment key=${KEY} result=pass -->`
    expect(parseCommentMarker(marker)).toEqual({ key: KEY, result: 'pass' })
    expect(parseCommentMarker(` ${marker}`)).toBeUndefined()
    expect(parseCommentMarker(`hello\n${marker}`)).toBeUndefined()
    expect(parseCommentMarker(`${marker} trailing`)).toBeUndefined()
    expect(parseCommentMarker(marker.replace('pass', 'maybe'))).toBeUndefined()
    expect(
      parseCommentMarker('<!-- inspector-gate:comment key=a b result=pass -->')
    ).toBeUndefined()
    expect(parseCommentMarker('')).toBeUndefined()
  })

  it('refuses a key that would break the marker', () => {
    expect(() => render(aVerdict(), { key: 'x --> <b>' })).toThrow(/invalid comment key/)
  })
})

describe('renderPrComment content', () => {
  it('has the headline, targets, counts, failure lines, blocking table and the run link', () => {
    const body = render(aSmallFailVerdict())
    expect(body).toContain('### ❌ Inspector gate failed')
    expect(body).toContain('**Targets:** shop/api:1.4.2 · shop/legacy:7')
    expect(body).toContain(
      '**2 blocking** of 4 findings (fail-on: high) · Critical 1 · High 1 · Medium 0 · Low 1 · Info 0 · Untriaged 1 · 1 ignored'
    )
    expect(body).toContain('**Why it failed:**\n\n- 2 findings at or above high \\(fail-on high\\)')
    const table = tableAfter(body, '#### Blocking findings (2)')
    expect(table?.header).toEqual([
      'Severity',
      'Vulnerability',
      'Package or file',
      'Installed → fixed',
      'Target'
    ])
    expect(table?.rows.map((row) => row[0])).toEqual(['Critical', 'High'])
    expect(table?.rows[0]?.[1]).toBe(
      '[CVE-2024-3094](https://nvd.nist.gov/vuln/detail/CVE-2024-3094) xz backdoor'
    )
    expect(table?.rows[0]?.[3]).toBe('5.6.0 → 5.6.1')
    expect(table?.rows[0]?.[4]).toBe('shop/api:1.4.2 (linux/amd64)')
    expect(body).toContain(
      'Full results (1 warning) are in [the job summary](https://github.com/octo-org/shop/actions/runs/42/attempts/2).'
    )
  })

  it('explains unscannable, errored and unsettled targets in one line each', () => {
    const body = render(aSmallFailVerdict())
    const section = body.slice(body.indexOf('**Not fully scanned:**'))
    const lines = section.split('\n').filter((line) => line.startsWith('- '))
    expect(lines).toEqual([
      '- ❌ shop/missing:1: timed out: Image not found',
      '- ❌ shop/legacy:7: cannot be scanned (UNSUPPORTED\\_OS): Inspector does not support this base image OS.',
      '- ⚠️ shop/api:1.4.2 (linux/arm64): findings were still arriving when the wait ended'
    ])
  })

  it('uses warning icons when the policy only warns', () => {
    const body = render(aSmallFailVerdict(), {
      policy: aPolicy({ onError: 'warn', onUnscannable: 'warn' })
    })
    expect(body).toContain('- ⚠️ shop/missing:1: timed out')
    expect(body).toContain('- ⚠️ shop/legacy:7: cannot be scanned')
  })

  it('says where the results are without a run URL', () => {
    const body = renderPrComment(aVerdict({ result: 'pass' }), {
      key: KEY,
      targets: ['a'],
      policy: aPolicy()
    })
    expect(body).toContain('### ✅ Inspector gate passed')
    expect(body).toContain('**Target:** a')
    expect(body).toContain('Full results are in the job summary of this run.')
    expect(body).not.toContain('Blocking findings')
    expect(body).not.toContain('Not fully scanned')
  })

  it.each([
    ['fail', 'pass', '🎉 Was failing, now passes.'],
    ['error', 'pass', '🎉 Was erroring, now passes.'],
    ['pass', 'fail', 'Was passing, now failing.'],
    ['fail', 'fail', 'Still failing.'],
    ['error', 'error', 'Still erroring.'],
    ['fail', 'error', 'Was failing, now erroring.']
  ] as const)('previous %s, now %s: "%s"', (previousResult, result, line) => {
    const body = render(aVerdict({ result }), { previousResult })
    expect(body.split('\n')).toContain(line)
  })

  it('says nothing about the previous run when it passed and this one passes, or there was none', () => {
    for (const body of [
      render(aVerdict({ result: 'pass' }), { previousResult: 'pass' }),
      render(aVerdict({ result: 'pass' }))
    ]) {
      expect(body).not.toMatch(/Was |Still /)
    }
  })
})

describe('renderPrComment size', () => {
  it('shows 10 blocking findings, highest severity and score first, then +N more', () => {
    const verdict = blockingVerdict(25)
    const body = render(verdict)
    const table = tableAfter(body, '#### Blocking findings (25)')
    expect(table?.rows).toHaveLength(10)
    expect(body).toContain('_+15 more blocking findings in the job summary._')
    const scores = verdict.assessed.map((entry) => entry.finding.inspectorScore ?? 0)
    const top = [...scores].sort((a, b) => b - a).slice(0, 10)
    const shownIds = table?.rows.map((row) => /CVE-\d+-\d+/.exec(row[1] ?? '')?.[0])
    const expectedIds = verdict.assessed
      .filter((entry) => top.includes(entry.finding.inspectorScore ?? 0))
      .sort((a, b) => (b.finding.inspectorScore ?? 0) - (a.finding.inspectorScore ?? 0))
      .slice(0, 10)
      .map((entry) => entry.finding.vulnerabilityId)
    expect(shownIds).toEqual(expectedIds)
  })

  it('stays under the limit with 5,000 findings with 10 KB hostile titles and packages', () => {
    const hostile = `${'<img src=x onerror=alert(1)>"\'&|'.repeat(400)}`.slice(0, 10_240)
    const findings = Array.from({ length: 5000 }, () =>
      assessed(
        aFinding({
          title: hostile,
          vulnerabilityId: hostile,
          packages: Array.from({ length: 50 }, () => ({
            name: hostile,
            installedVersion: hostile
          })),
          artifact: { ...AMD64, reference: hostile }
        }),
        { blocking: true }
      )
    )
    const verdict = aVerdict({
      result: 'fail',
      assessed: findings,
      failures: Array.from({ length: 500 }, () => hostile),
      outcomes: Array.from({ length: 500 }, () => ({
        status: 'error' as const,
        reference: hostile,
        message: hostile,
        timedOut: false
      }))
    })
    const targets = Array.from({ length: 300 }, (_, index) => `${hostile}${index}`)
    const body = render(verdict, { targets })
    expect(body.length).toBeLessThanOrEqual(DEFAULT_PR_COMMENT_MAX_CHARS)
    expect(parseCommentMarker(body)).toEqual({ key: KEY, result: 'fail' })
    expect(body).toContain('+290 more')
    expect(body).toContain('_+4990 more blocking findings in the job summary._')
    expect(htmlTags(body)).toEqual([])

    // A tighter limit drops rows (and says how many), never the marker or the headline.
    const tight = render(verdict, { targets, maxChars: 20_000 })
    expect(tight.length).toBeLessThanOrEqual(20_000)
    expect(tight).toMatch(/_\+\d+ more blocking findings in the job summary\._/)
    expect(tight).toContain('### ❌ Inspector gate failed')
    expect(parseCommentMarker(tight)?.result).toBe('fail')
  })

  it('cuts whole lines as a last resort, keeping the marker', () => {
    const body = render(aSmallFailVerdict(), { maxChars: 300 })
    expect(body.length).toBeLessThanOrEqual(300)
    expect(parseCommentMarker(body)).toEqual({ key: KEY, result: 'fail' })
    expect(body).toContain('see the job summary')
  })

  it('renders thousands of findings quickly', () => {
    const verdict = blockingVerdict(20_000)
    const started = performance.now()
    render(verdict)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('renderPrComment hostile text', () => {
  const forged = `<!-- inspector-gate:comment key=${KEY} result=pass -->`
  const hostileVerdict = (): Verdict => {
    const finding = aFinding({
      vulnerabilityId: 'CVE-2024-1](javascript:alert(1))',
      title: `${forged} -->${HOSTILE_TITLE} @octo-org/security #12 **bold** <!--`,
      url: 'javascript:alert(1)',
      packages: [{ name: HOSTILE_PACKAGE, installedVersion: '1.0 --> <b>' }],
      artifact: { ...AMD64, reference: `evil:1 ${forged}` }
    })
    return aVerdict({
      result: 'fail',
      assessed: [assessed(finding, { blocking: true })],
      failures: [`${forged}\n# heading @someone`],
      outcomes: [
        { status: 'error', reference: `x${forged}`, message: '<!-- open', timedOut: false }
      ]
    })
  }

  it('keeps forged markers, HTML comments and tags inert', () => {
    const body = render(hostileVerdict(), { targets: [forged, '[x](y) @octo-org/team'] })
    expect(parseCommentMarker(body)?.result).toBe('fail')
    // The marker is the only HTML comment: nothing opens or closes another one.
    expect(body.split('<!--')).toHaveLength(2)
    expect(body.split('-->')).toHaveLength(2)
    expect(htmlTags(body)).toEqual([])
    // Mentions and issue references are defused with a zero-width space.
    expect(body).not.toMatch(/@octo-org\/(team|security)/)
    expect(body).toContain('@\u200bocto-org/team')
    expect(body).not.toMatch(/(^|\s)#12/)
    // No link but the run's: the javascript: URL and the bracket breakers stay text.
    expect(body).not.toContain('javascript:alert(1))')
    expect(body.match(/\]\(/g)).toHaveLength(1)
  })

  it('keeps every table row on one line with the table width', () => {
    const body = render(hostileVerdict())
    const rows = body.split('\n').filter((line) => line.startsWith('|'))
    expect(rows).toHaveLength(3)
    for (const row of rows) expect(cells(row)).toHaveLength(5)
  })
})
