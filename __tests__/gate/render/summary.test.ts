import { describe, expect, it } from '@jest/globals'
import { evaluate } from '../../../src/domain/evaluate.js'
import type { Finding } from '../../../src/domain/finding.js'
import type { Verdict } from '../../../src/domain/verdict.js'
import { renderSummary } from '../../../src/gate/render/summary.js'
import { renderVerdictText } from '../../../src/gate/render/verdict-text.js'
import { byteLength, cells, htmlTags, tableAfter } from './markdown-reading.js'
import { finding as aFinding } from '../../fixtures/findings.js'
import { rule as aRule } from '../../fixtures/ignore-rules.js'
import { scanned } from '../../fixtures/outcomes.js'
import { policy as aPolicy } from '../../fixtures/policy.js'
import { REGISTRY } from '../../fixtures/digests.js'
import {
  AMD64,
  ARM64,
  aSmallFailVerdict,
  assessed,
  aVerdict,
  ignoredBy
} from '../../fixtures/verdicts.js'

const policy = aPolicy({ maxFindings: { critical: 0 }, untriagedAs: 'medium' })
const FINDING_HEADER = [
  'Severity',
  'Vulnerability',
  'Package or file',
  'Installed → fixed / CWE',
  'Risk',
  'Target'
]
/** The only HTML the summary writes itself; anything else came from untrusted text. */
const OWN_TAGS = new Set(['<br>', '<details>', '</details>', '<summary>', '</summary>'])

function render(verdict: Verdict, maxBytes?: number): string {
  const options = { policy, findingsFile: 'out/inspector-findings.json' }
  return renderSummary(verdict, maxBytes === undefined ? options : { ...options, maxBytes })
}

/** Every line that starts a table row must end it, with the table's number of cells. */
function expectWellFormedTables(markdown: string): void {
  const lines = markdown.split('\n')
  let columns: number | undefined
  for (const line of lines) {
    if (!line.startsWith('|')) {
      columns = undefined
      continue
    }
    expect(line.endsWith(' |')).toBe(true)
    const count = cells(line).length
    columns ??= count
    expect(count).toBe(columns)
  }
  expect(markdown.split('<details>').length).toBe(markdown.split('</details>').length)
}

/** Code spans (a run of backticks up to the same run) show their content literally. */
function withoutCodeSpans(markdown: string): string {
  return markdown.replace(/(?<![`\\])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '')
}

describe('renderSummary headline', () => {
  it('says the gate failed and lists the failure and warning lines', () => {
    const markdown = render(aSmallFailVerdict())
    expect(markdown.startsWith('## ❌ Inspector gate failed\n')).toBe(true)
    expect(markdown).toContain('**2 blocking** of 4 findings in 4 artifacts · 1 ignored')
    expect(markdown).toContain(
      '**Why it failed:**\n\n- 2 findings at or above high \\(fail-on high\\)'
    )
    expect(markdown).toContain('- shop/legacy:7 could not be scanned')
    expect(markdown).toContain(
      '**Warnings:**\n\n- ⚠️ Ignore entry CVE-2022-0002 \\(.inspector-ignore.yml:9\\) matched no finding'
    )
  })

  it('says the gate passed, with no failure list', () => {
    const markdown = render(aVerdict({ result: 'pass' }))
    expect(markdown.startsWith('## ✅ Inspector gate passed\n')).toBe(true)
    expect(markdown).not.toContain('Why it failed')
    expect(markdown).toContain('No blocking findings.')
  })

  it('says the gate errored and lists the errors', () => {
    const markdown = render(
      aVerdict({
        result: 'error',
        failures: ['Could not reach Inspector: AccessDenied'],
        outcomes: [
          { status: 'error', reference: 'app:1', message: 'AccessDenied', timedOut: false }
        ]
      })
    )
    expect(markdown.startsWith('## ⚠️ Inspector gate errored\n')).toBe(true)
    expect(markdown).toContain('**Errors:**\n\n- Could not reach Inspector: AccessDenied')
  })

  it('states the policy in one line', () => {
    const markdown = render(aVerdict())
    expect(markdown).toContain(
      '**Policy:** fail-on: high and above · budgets: critical ≤ 0 · untriaged-as: medium · ' +
        'fixable-only: no · on-unscannable: fail · on-error: fail\n'
    )
    const none = renderSummary(aVerdict(), {
      policy: aPolicy({ failOn: 'none', fixableOnly: true, untriagedAs: 'medium' })
    })
    expect(none).toContain(
      'fail-on: none · budgets: none · untriaged-as: medium · fixable-only: yes'
    )
  })

  it('adds the risk rules to the policy line when they are set', () => {
    const markdown = renderSummary(aVerdict(), {
      policy: aPolicy({ failOnExploitable: true, failOnEpss: 0.1, minScore: 7 })
    })
    expect(markdown).toContain(
      'fixable-only: no · min-score: 7 · fail-on-exploitable: yes · fail-on-epss: ≥ 10 % · on-unscannable: fail'
    )
  })

  it('names the rule that blocked each finding under "Why it failed"', () => {
    const verdict = evaluate({
      outcomes: [
        scanned([
          aFinding({ vulnerabilityId: 'CVE-X', severity: 'low', exploitAvailable: 'yes' }),
          aFinding({ vulnerabilityId: 'CVE-E', severity: 'low', epss: 0.42 })
        ])
      ],
      policy: aPolicy({ failOnExploitable: true, failOnEpss: 0.1 }),
      ignoreRules: [],
      now: new Date('2025-03-01T10:30:00Z')
    })
    const markdown = renderSummary(verdict, { policy: aPolicy() })
    expect(markdown).toContain(
      '**Why it failed:**\n\n- 1 finding with a known exploit \\(fail-on-exploitable\\): CVE-X\n' +
        '- 1 finding with EPSS at or above 10 % \\(fail-on-epss\\): CVE-E \\(42 %\\)\n'
    )
    const table = tableAfter(markdown, '### Blocking findings (2)')
    expect(table?.rows.map((row) => row.at(-1)).sort()).toEqual([
      'EPSS 42 % ≥ 10 %',
      'exploit known'
    ])
  })
})

describe('renderSummary images table', () => {
  it('says in each scanned row which proof settled its findings', () => {
    const counts = { bySeverity: { CRITICAL: 1 }, total: 2 }
    const eventTime = new Date('2025-03-01T10:20:00Z')
    const verdict = aVerdict({
      outcomes: [
        scanned([], { artifact: AMD64, settledBy: { kind: 'scan-event', counts, eventTime } }),
        scanned([], { artifact: ARM64, settledBy: { kind: 'quiet-period' } }),
        scanned([], {
          artifact: AMD64,
          settled: false,
          settledBy: { kind: 'scan-event', counts, eventTime, shortfall: ['CRITICAL 0 of 1'] }
        })
      ]
    })
    const rows = tableAfter(render(verdict), '### Targets')?.rows ?? []
    expect(rows.map((row) => row[2])).toEqual([
      '✅ scanned · scan event counts matched',
      '✅ scanned · two reads agreed after the quiet period',
      // markdownText escapes the apostrophe; GitHub shows it as one.
      '⚠️ scanned, findings still arriving · short of the scan event&#39;s counts: CRITICAL 0 of 1'
    ])
  })

  it('has four columns: the reference once per image, the counts as one cell with marks', () => {
    const markdown = render(aSmallFailVerdict())
    const table = tableAfter(markdown, '### Targets')
    expect(table?.header).toEqual(['Target', 'Scan', 'Status', 'Findings'])
    const [amd64, arm64, unscannable, error] = table?.rows ?? []
    // amd64: the critical and the untriaged (counted by raw severity), plus the ignored one.
    expect(amd64).toEqual([
      'shop/api:1.4.2<br>linux/amd64 · sha256:a1b2c3d4e5f6…',
      'enhanced',
      '✅ scanned 2025-03-01 10:20 UTC',
      '🔴 1 · ❔ 1 · 1 ignored'
    ])
    // The second platform of the same reference does not repeat the reference.
    expect(arm64).toEqual([
      '↳<br>linux/arm64 · sha256:0f9e8d7c6b5a…',
      'basic',
      '⚠️ scanned, findings still arriving',
      '🟠 1 · 🔵 1'
    ])
    expect(unscannable).toEqual([
      'shop/legacy:7<br>sha256:a1b2c3d4e5f6…',
      '—',
      '❌ unscannable: UNSUPPORTED\\_OS — Inspector does not support this base image OS.',
      '—'
    ])
    expect(error).toEqual(['shop/missing:1', '—', '❌ error (timed out): Image not found', '—'])
    expect(markdown).toContain(
      '_🔴 Critical · 🟠 High · 🟡 Medium · 🔵 Low · ⚪ Info · ❔ Untriaged_'
    )
  })

  it('says none for a scanned target without findings', () => {
    const rows = tableAfter(render(aVerdict({ result: 'pass' })), '### Targets')?.rows
    expect(rows?.[0]?.[3]).toBe('none')
  })

  it('marks a non-scanned artifact as a warning when the policy only warns', () => {
    const verdict = aVerdict({
      outcomes: [{ status: 'error', reference: 'app:1', message: 'boom', timedOut: false }]
    })
    const markdown = renderSummary(verdict, { policy: aPolicy({ onError: 'warn' }) })
    expect(tableAfter(markdown, '### Targets')?.rows[0]?.[2]).toBe('⚠️ error: boom')
  })

  it('keeps two references to the same digest apart', () => {
    const latest = { ...AMD64, reference: 'shop/api:latest' }
    const verdict = aVerdict({
      outcomes: [scanned([], { artifact: AMD64 }), scanned([], { artifact: latest })],
      assessed: [assessed(aFinding({ severity: 'critical', artifact: latest }))]
    })
    const rows = tableAfter(render(verdict), '### Targets')?.rows
    expect(rows?.map((row) => [row[0]?.split('<br>')[0], row[3]])).toEqual([
      ['shop/api:1.4.2', 'none'],
      ['shop/api:latest', '🔴 1']
    ])
  })
})

describe('renderSummary findings tables', () => {
  it('lists blocking findings, most severe first, with links, versions, score, EPSS and image', () => {
    const table = tableAfter(render(aSmallFailVerdict()), '### Blocking findings (2)')
    expect(table?.header).toEqual([...FINDING_HEADER, 'Why blocking'])
    expect(table?.rows[0]).toEqual([
      'Critical',
      '[CVE-2024-3094](https://nvd.nist.gov/vuln/detail/CVE-2024-3094)<br>xz backdoor',
      'xz-utils',
      '5.6.0 → 5.6.1',
      'score 10.0<br>EPSS 85.12%<br>exploit yes',
      'shop/api:1.4.2 (linux/amd64)',
      'severity CRITICAL ≥ fail-on high; exploit known'
    ])
    expect(table?.rows[1]?.[0]).toBe('High')
    expect(table?.rows[1]?.[3]).toBe('1.0 → no fix')
  })

  it('collapses non-blocking findings and says why each does not block', () => {
    const markdown = render(aSmallFailVerdict())
    expect(markdown).toContain('<details>\n<summary>2 non-blocking findings</summary>\n\n|')
    const table = tableAfter(markdown, '<summary>2 non-blocking findings')
    expect(table?.header).toEqual([...FINDING_HEADER, 'Why not blocking'])
    expect(table?.rows.map((row) => [row[0], row[6]])).toEqual([
      ['Medium (untriaged)', 'below fail-on high'],
      ['Low', 'below fail-on high']
    ])
  })

  it('names the image in a finding row without the ECR host the Targets table shows', () => {
    const artifact = { ...AMD64, reference: `${REGISTRY}/shop/api:1.4.2` }
    const verdict = aVerdict({
      outcomes: [scanned([], { artifact })],
      assessed: [assessed(aFinding({ artifact }), { blocking: true })]
    })
    const markdown = render(verdict)
    expect(tableAfter(markdown, '### Blocking')?.rows[0]?.[5]).toBe('shop/api:1.4.2 (linux/amd64)')
    expect(tableAfter(markdown, '### Targets')?.rows[0]?.[0]).toContain(REGISTRY)
  })

  it('notes when a severity was untriaged and counted at untriaged-as', () => {
    const untriaged = aFinding({ severity: 'untriaged' })
    const verdict = aVerdict({
      assessed: [assessed(untriaged, { effectiveSeverity: 'critical', blocking: true })]
    })
    const table = tableAfter(render(verdict), '### Blocking findings (1)')
    expect(table?.rows[0]?.[0]).toBe('Critical (untriaged)')
  })

  it('orders blocking first, then severity, then Inspector score', () => {
    const mediumBlocking = aFinding({
      vulnerabilityId: 'CVE-A',
      url: 'https://nvd.nist.gov/vuln/detail/CVE-A',
      severity: 'medium',
      inspectorScore: 5
    })
    const highLowScore = aFinding({
      vulnerabilityId: 'CVE-B',
      url: 'https://nvd.nist.gov/vuln/detail/CVE-B',
      severity: 'high',
      inspectorScore: 7
    })
    const highTopScore = aFinding({
      vulnerabilityId: 'CVE-C',
      url: 'https://nvd.nist.gov/vuln/detail/CVE-C',
      severity: 'high',
      inspectorScore: 8.9
    })
    const critical = aFinding({
      vulnerabilityId: 'CVE-D',
      url: 'https://nvd.nist.gov/vuln/detail/CVE-D',
      severity: 'critical',
      inspectorScore: 9
    })
    const verdict = aVerdict({
      assessed: [
        assessed(critical),
        assessed(highLowScore, { blocking: true }),
        assessed(mediumBlocking, { blocking: true }),
        assessed(highTopScore, { blocking: true })
      ]
    })
    const markdown = render(verdict)
    const ids = (marker: string): string[] =>
      (tableAfter(markdown, marker)?.rows ?? []).map(
        (row) => /\[(CVE-\w)\]/.exec(row[1] ?? '')?.[1] ?? ''
      )
    expect(ids('### Blocking findings')).toEqual(['CVE-C', 'CVE-B', 'CVE-A'])
    expect(ids('<summary>1 non-blocking finding<')).toEqual(['CVE-D'])
  })

  it('shows several packages one per line, with paths, and caps the list', () => {
    const finding = aFinding({
      packages: [
        { name: 'a', installedVersion: '1', fixedInVersion: '2', filePath: 'app/lib/a.jar' },
        { name: 'b', installedVersion: '1' },
        { name: 'c' },
        { name: 'd' },
        { name: 'e' }
      ],
      fixAvailable: 'partial'
    })
    const row = tableAfter(
      render(aVerdict({ assessed: [assessed(finding, { blocking: true })] })),
      '### Blocking'
    )?.rows[0]
    expect(row?.[2]).toBe('a (app/lib/a.jar)<br>b<br>c<br>+2 more')
    expect(row?.[3]).toBe('1 → 2<br>1 → fix available<br>? → fix available<br>+2 more')
  })

  it('shows missing score, EPSS and exploit data as dashes', () => {
    const bare = aFinding({ exploitAvailable: 'unknown', packages: [], type: 'network' })
    delete bare.inspectorScore
    delete bare.epss
    const row = tableAfter(
      render(aVerdict({ assessed: [assessed(bare, { blocking: true })] })),
      '### Blocking'
    )?.rows[0]
    expect(row?.slice(2, 5)).toEqual(['—', '—', '—'])
  })

  it('shows ignored findings with the reason, expiry and the entry’s file:line', () => {
    const table = tableAfter(render(aSmallFailVerdict()), '### Ignored findings (1)')
    expect(table?.header).toEqual([
      'Severity',
      'Vulnerability',
      'Package or file',
      'Target',
      'Ignored because'
    ])
    expect(table?.rows[0]?.slice(2)).toEqual([
      '@\u200btypes/node',
      'shop/api:1.4.2 (linux/amd64)',
      'Not reachable: the binary is never executed<br>expires 2099-12-31 · .inspector-ignore.yml:3'
    ])
  })

  it('says an ignore entry without expiry never expires', () => {
    const rule = aRule()
    delete rule.expires
    const verdict = aVerdict({ ignored: [ignoredBy(aFinding(), rule)] })
    expect(tableAfter(render(verdict), '### Ignored')?.rows[0]?.[4]).toContain(
      '<br>never expires · '
    )
  })

  it('lists expired entries (no longer applied) and unused entries (matched nothing)', () => {
    const markdown = render(aSmallFailVerdict())
    expect(markdown).toContain('### Expired ignore entries (1)')
    expect(markdown).toContain('no longer apply')
    expect(markdown).toContain(
      '- CVE-2021-44228 expired 2024-01-31 (.inspector-ignore.yml:12): Waiting on vendor'
    )
    expect(markdown).toContain('### Unused ignore entries (1)')
    expect(markdown).toContain('matched no finding')
    expect(markdown).toContain('- CVE-2022-0002 (.inspector-ignore.yml:9): Old base image')
  })

  it('renders 300,000 unused ignore entries without overflowing the stack, listing 50 of them (issue 19, case 15)', () => {
    const rules = Array.from({ length: 300_000 }, (_, i) => aRule({ id: `CVE-2020-${i}` }))
    const warnings = rules.map((rule) => `ignore entry ${rule.id} matched no finding`)
    const verdict = aVerdict({ result: 'pass', unusedRules: rules, warnings })

    const markdown = render(verdict)
    expect(markdown).toContain('### Unused ignore entries (300000)')
    expect(markdown).toContain(
      '- … and 299950 more unused entries (all of them are in the findings file)'
    )
    expect(markdown).toContain('- … and 299950 more (all of them are in the findings file)')
    expect(
      markdown.split('\n').filter((line) => line.startsWith('- ⚠️ ignore entry'))
    ).toHaveLength(50)
    expect(renderVerdictText(verdict).split('\n').length).toBeGreaterThan(300_000)
  })

  it('leaves out sections that have nothing to show', () => {
    const markdown = render(aVerdict({ result: 'pass' }))
    for (const heading of [
      '### Blocking',
      'non-blocking',
      '### Ignored',
      '### Expired',
      '### Unused'
    ]) {
      expect(markdown).not.toContain(heading)
    }
  })

  it('ends with a footer naming the findings file, and the time when given', () => {
    const markdown = renderSummary(aVerdict(), {
      policy,
      findingsFile: 'inspector-findings.json',
      now: new Date('2025-03-01T10:30:00Z')
    })
    expect(
      markdown.endsWith(
        '---\n\n_Full results: `inspector-findings.json` (the step output `findings-file`) · generated 2025-03-01 10:30 UTC_\n'
      )
    ).toBe(true)
    expect(renderSummary(aVerdict(), { policy })).not.toContain('\n---\n')
  })
})

describe('renderSummary with hostile text', () => {
  const markdown = render(aSmallFailVerdict())

  it('writes no HTML but its own', () => {
    for (const tag of htmlTags(markdown)) expect(OWN_TAGS.has(tag)).toBe(true)
    expect(markdown).not.toContain('<img')
    expect(markdown).not.toContain('<script')
  })

  it('never turns a javascript: URL into a link', () => {
    expect(markdown).not.toMatch(/\]\(\s*javascript:/i)
    // Every markdown link the summary writes goes to http(s).
    const destinations = markdown.match(/(?<!\\)\]\(([^)]*)\)/g) ?? []
    expect(destinations.length).toBeGreaterThan(0)
    for (const destination of destinations) expect(destination).toMatch(/^\]\(https?:\/\//)
    const hostileRow = tableAfter(markdown, '### Blocking')?.rows[1]
    expect(hostileRow?.[1]).toBe(
      'CVE-2024-6666<br>x \\| &lt;img src=x onerror=alert\\(1\\)&gt; \\[a\\]\\(javascript:alert\\(1\\)\\)'
    )
  })

  it('keeps a package name with a newline, backticks and pipes inside its cell', () => {
    expectWellFormedTables(markdown)
    const hostileRow = tableAfter(markdown, '### Blocking')?.rows[1]
    expect(hostileRow).toHaveLength(FINDING_HEADER.length + 1)
    expect(hostileRow?.[2]).toBe(
      'evil \\`pkg\\` \\| &lt;/td&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt;'
    )
  })

  it('neutralises hostile image references, reasons, messages and rule ids too', () => {
    const evil = '<b>x</b>|\n# [y](javascript:1)'
    const artifact = { ...AMD64, reference: evil, platform: evil }
    const verdict = aVerdict({
      failures: [evil],
      warnings: [evil],
      outcomes: [
        scanned([], { artifact: artifact }),
        { status: 'unscannable', artifact, reason: evil, explanation: evil },
        { status: 'error', reference: evil, message: evil, timedOut: false }
      ],
      assessed: [
        assessed(aFinding({ artifact, vulnerabilityId: evil, url: evil }), {
          blocking: true,
          note: evil
        }),
        assessed(aFinding({ artifact, title: evil }), { note: evil })
      ],
      ignored: [ignoredBy(aFinding({ artifact }), aRule({ id: evil, reason: evil, file: evil }))],
      expiredRules: [aRule({ id: evil, reason: evil, expires: evil, file: evil })],
      unusedRules: [aRule({ id: evil, reason: evil, file: evil })]
    })
    const hostile = renderSummary(verdict, { policy, findingsFile: evil })
    // The findings file path is shown as code, where a renderer shows `<b>` literally.
    expect(hostile).toContain('`<b>x</b>| # [y](javascript:1)`')
    const outsideCode = withoutCodeSpans(hostile)
    for (const tag of htmlTags(outsideCode)) expect(OWN_TAGS.has(tag)).toBe(true)
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(javascript/)
    expect(hostile).not.toMatch(/^# /m)
    expectWellFormedTables(hostile)
  })
})

describe('renderSummary size limit', () => {
  /** `count` findings spread over two platforms, all at `severity`. */
  function findings(count: number, prefix: string, severity: Finding['severity']): Finding[] {
    return Array.from({ length: count }, (_, index) =>
      aFinding({
        id: `${prefix}-${index}`,
        vulnerabilityId: `CVE-2024-${prefix}${index}`,
        severity,
        title: `A fairly long title for ${prefix} finding number ${index} in libexample`,
        url: `https://nvd.nist.gov/vuln/detail/CVE-2024-${prefix}${index}`,
        inspectorScore: 7.5,
        epss: 0.0123,
        artifact: index % 2 === 0 ? AMD64 : ARM64
      })
    )
  }

  function largeVerdict(blocking: number, nonBlocking: number, ignored: number): Verdict {
    const rule = aRule({ id: 'CVE-any', reason: 'Accepted risk, see SEC-123' })
    return aVerdict({
      result: 'fail',
      failures: [`${blocking} findings at or above high`],
      outcomes: [scanned([], { artifact: AMD64 }), scanned([], { artifact: ARM64 })],
      assessed: [
        ...findings(blocking, 'B', 'critical').map((f) => assessed(f, { blocking: true })),
        ...findings(nonBlocking, 'N', 'low').map((f) => assessed(f, { note: 'below fail-on high' }))
      ],
      ignored: findings(ignored, 'I', 'high').map((f) => ignoredBy(f, rule))
    })
  }

  function omitted(markdown: string): number[] {
    return [
      ...markdown.matchAll(/_(\d+) more findings? in `out\/inspector-findings\.json`\._/g)
    ].map((match) => Number(match[1]))
  }

  it('keeps a 30,000-finding summary under 1,000,000 bytes, blocking rows first', () => {
    const verdict = largeVerdict(2_000, 25_000, 3_000)
    const started = Date.now()
    const markdown = render(verdict)
    const elapsed = Date.now() - started

    expect(byteLength(markdown)).toBeLessThanOrEqual(1_000_000)
    // Every blocking row fits; the non-blocking table goes first, then the ignored one is cut.
    expect(tableAfter(markdown, '### Blocking findings (2000)')?.rows).toHaveLength(2_000)
    expect(tableAfter(markdown, '<summary>25000 non-blocking findings')).toBeUndefined()
    const ignoredShown = tableAfter(markdown, '### Ignored findings (3000)')?.rows.length ?? 0
    expect(ignoredShown).toBeGreaterThan(0)
    expect(omitted(markdown)).toEqual([25_000, 3_000 - ignoredShown])
    expectWellFormedTables(markdown)
    // The findings file is still named at the end.
    expect(markdown).toContain('Full results: `out/inspector-findings.json`')
    expect(elapsed).toBeLessThan(5_000)
  })

  it('fills the budget with as many blocking rows as fit when they alone are too many', () => {
    const verdict = largeVerdict(30_000, 0, 0)
    const markdown = render(verdict)
    const size = byteLength(markdown)
    const rows = tableAfter(markdown, '### Blocking findings (30000)')?.rows ?? []
    expect(size).toBeLessThanOrEqual(1_000_000)
    expect(omitted(markdown)).toEqual([30_000 - rows.length])
    // Nothing more would have fit: the space left is less than one more row.
    const rowBytes = byteLength(`| ${rows[0]?.join(' | ')} |\n`)
    expect(1_000_000 - size).toBeLessThan(rowBytes + 10)
    expectWellFormedTables(markdown)
  })

  it('respects a custom maxBytes and says where the rest is', () => {
    const markdown = render(largeVerdict(50, 50, 50), 8_000)
    expect(byteLength(markdown)).toBeLessThanOrEqual(8_000)
    expect(omitted(markdown).length).toBeGreaterThan(0)
    expectWellFormedTables(markdown)
  })

  it('says findings were left out even without a findings file', () => {
    const markdown = renderSummary(largeVerdict(0, 100, 0), { policy, maxBytes: 5_000 })
    expect(byteLength(markdown)).toBeLessThanOrEqual(5_000)
    expect(markdown).toMatch(/_\d+ more findings not shown \(the summary has a size limit\)\._/)
  })

  it('does not add omission notes when everything fits', () => {
    expect(render(largeVerdict(20, 20, 20))).not.toContain('more finding')
  })

  it('truncates even the fixed text at a line, keeping tags balanced, when the limit is tiny', () => {
    const verdict = largeVerdict(10, 10, 10)
    verdict.failures = Array.from({ length: 200 }, (_, index) => `failure line ${index}`)
    const markdown = render(verdict, 1_500)
    expect(byteLength(markdown)).toBeLessThanOrEqual(1_500)
    expect(markdown).toContain('failure line 0')
    expect(markdown).toMatch(
      /_Summary truncated to fit the size limit; full results in `out\/inspector-findings\.json`\._\n$/
    )
    expectWellFormedTables(markdown)
  })
})
