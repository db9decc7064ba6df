import { describe, expect, it } from '@jest/globals'
import {
  codeSpan,
  defuseWorkflowCommands,
  logLine,
  logSafeJson,
  logText,
  markdownText,
  safeHref,
  safeLink,
  truncate
} from '../../src/text/escape.js'
import { activeMarkdown, controlCharacters } from '../helpers/markdown-safety.js'
import { workflowCommands } from '../helpers/workflow-commands.js'

/** Tags a renderer allowing inline HTML would see. */
const HTML_TAG = /<\/?[a-z][^>]*>/i

describe('markdownText', () => {
  it('turns HTML into entities so no tag reaches the renderer', () => {
    const escaped = markdownText(`<img src=x onerror=alert(1)> & "quoted" 'single'`)
    expect(escaped).not.toMatch(HTML_TAG)
    expect(escaped).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;')
    expect(escaped).toContain('&amp;')
    expect(escaped).toContain('&quot;quoted&quot;')
    expect(escaped).toContain('&#39;single&#39;')
  })

  it('backslash-escapes markdown that is active anywhere in a line', () => {
    expect(markdownText('a | b')).toBe('a \\| b')
    expect(markdownText('[a](javascript:alert(1))')).toBe('\\[a\\]\\(javascript:alert\\(1\\)\\)')
    expect(markdownText('*bold* _em_ ~~del~~ `code` $x$ !img \\')).toBe(
      '\\*bold\\* \\_em\\_ \\~\\~del\\~\\~ \\`code\\` \\$x\\$ \\!img \\\\'
    )
  })

  it('escapes what would open a block at the start of a line, and only there', () => {
    expect(markdownText('# heading')).toBe('\\# heading')
    expect(markdownText('- item')).toBe('\\- item')
    expect(markdownText('+ item')).toBe('\\+ item')
    expect(markdownText('1. item')).toBe('1\\. item')
    expect(markdownText('> quote')).toBe('&gt; quote')
    expect(markdownText('1.2.3-r0')).toBe('1.2.3-r0')
    expect(markdownText('x - y')).toBe('x - y')
  })

  it('collapses newlines, tabs and control characters into single spaces', () => {
    expect(markdownText('line one\n\n| injected | row |\r\nline\ttwo\u0000\u0007end')).toBe(
      'line one \\| injected \\| row \\| line two end'
    )
    expect(markdownText('  padded  ')).toBe('padded')
    expect(markdownText('a\u2028b')).toBe('a b')
  })

  it('strips bidirectional overrides that would make text display differently from what it is', () => {
    expect(markdownText('safe\u202Eexe.txt')).toBe('safeexe.txt')
  })

  it('defuses @mentions and #references with an invisible zero-width space', () => {
    expect(markdownText('@types/node')).toBe('@\u200btypes/node')
    expect(markdownText('see #123')).toBe('see \\#\u200b123')
    // The entities it adds itself are left intact.
    expect(markdownText("it's")).toBe('it&#39;s')
  })

  it('defuses the bare URLs, hosts and addresses GitHub would autolink (issue 19, case 14)', () => {
    const text =
      'see https://evil.example/login, ftp://evil.example, www.evil.example or a@evil.example'
    const escaped = markdownText(text, 500)
    expect(escaped).toBe(
      'see https:/\u200b/evil.example/login, ftp:/\u200b/evil.example, www\u200b.evil.example or a@\u200bevil.example'
    )
    expect(activeMarkdown(escaped).autolinks).toEqual([])
    expect(activeMarkdown(text).autolinks).toEqual([
      'https://evil.example/login,',
      'ftp://evil.example,',
      'www.evil.example',
      'a@evil.example'
    ])
    // Words that merely contain "www" or a version with "//" in no scheme stay as they are.
    expect(markdownText('awwww.x and a//b')).toBe('awwww.x and a//b')
  })

  it('cuts long text with … before escaping, so no escape sequence is split', () => {
    const escaped = markdownText('<'.repeat(500), 10)
    expect(escaped).toBe(`${'&lt;'.repeat(9)}…`)
  })

  it('does not split a surrogate pair when truncating', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…')
    expect(truncate('short', 10)).toBe('short')
  })
})

describe('safeLink', () => {
  it('links http and https URLs', () => {
    expect(safeLink('CVE-2024-1', 'https://nvd.nist.gov/vuln/detail/CVE-2024-1')).toBe(
      '[CVE-2024-1](https://nvd.nist.gov/vuln/detail/CVE-2024-1)'
    )
    expect(safeLink('x', 'http://example.com/')).toBe('[x](http://example.com/)')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//evil.example/relative',
    'not a url'
  ])('renders %j as plain escaped text, never a link', (url) => {
    const rendered = safeLink('CVE-2024-1 <b>', url)
    expect(rendered).toBe('CVE-2024-1 &lt;b&gt;')
    expect(rendered).not.toContain('](')
  })

  it('renders only the label when there is no URL', () => {
    expect(safeLink('[x]', undefined)).toBe('\\[x\\]')
  })

  it('percent-encodes whatever could end the link or split a table cell', () => {
    const href = safeHref('https://example.com/a (b)/<c>/"d"/`e`/f|g?q=[1]\\x')
    expect(href).toBe('https://example.com/a%20%28b%29/%3Cc%3E/%22d%22/%60e%60/f%7Cg?q=%5B1%5D%5Cx')
    expect(href).not.toMatch(/[\s()<>"'`|[\]\\]/)
  })

  it('escapes the label so it cannot close the brackets', () => {
    expect(safeLink('a](https://evil.example)[b', 'https://ok.example/')).toBe(
      '[a\\]\\(https:/\u200b/evil.example\\)\\[b](https://ok.example/)'
    )
  })

  it('does not link absurdly long URLs', () => {
    expect(safeHref(`https://example.com/${'a'.repeat(5000)}`)).toBeUndefined()
  })
})

describe('codeSpan', () => {
  it('wraps text in a fence longer than any backtick run inside', () => {
    expect(codeSpan('findings.json')).toBe('`findings.json`')
    expect(codeSpan('a`b``c')).toBe('```a`b``c```')
    expect(codeSpan('`edge`')).toBe('`` `edge` ``')
  })

  it('keeps code spans on one line', () => {
    expect(codeSpan('out\n\ndir/file.json')).toBe('`out dir/file.json`')
  })
})

describe('log text', () => {
  /** Forged commands in every form the GitHub runner accepts. */
  const FORGED = [
    '::set-output name=result::pass',
    '  \t::add-mask::secret',
    '\u0085::stop-commands::token',
    'before ##[set-output name=result;]pass',
    '##[add-mask]secret and ##vso[task.setvariable variable=result]pass'
  ].join('\n')

  it('defuses workflow commands at the start of a line and legacy ones anywhere, invisibly', () => {
    expect(workflowCommands(FORGED).map((command) => command.name)).toEqual([
      'set-output',
      'add-mask',
      'stop-commands',
      'set-output',
      'add-mask'
    ])
    const defused = defuseWorkflowCommands(FORGED)
    expect(workflowCommands(defused)).toEqual([])
    expect(defused.replace(/\u200b/g, '')).toBe(FORGED)
    expect(defuseWorkflowCommands('a::b # c ## d [e]')).toBe('a::b # c ## d [e]')
  })

  it('logLine: one line, no terminal controls or bidi overrides, no command', () => {
    const line = logLine(
      `\n::set-output name=result::pass \u001b[31mred\u009b1m \u202eevil ${FORGED}`
    )
    expect(line).not.toMatch(/[\n\r]/)
    expect(controlCharacters(line)).toEqual([])
    expect(workflowCommands(line)).toEqual([])
    expect(line.startsWith('\u200b::set-output')).toBe(true)
  })

  it('logText keeps line breaks (for messages @actions/core encodes) and drops the rest', () => {
    expect(logText('one\n\u001b[31mtwo\u0007\u202e\ttab')).toBe('one\n[31mtwo\ttab')
    expect(workflowCommands(logText(FORGED))).toEqual([])
  })

  it('logSafeJson writes what a log would act on as escapes; the data parses back unchanged', () => {
    const value = { title: `${FORGED} \u202eevil\u2066 \u009b1m \u2028`, path: 'a\\##[b]' }
    const json = logSafeJson(JSON.stringify(value, null, 2))
    expect(JSON.parse(json)).toEqual(value)
    expect(json).not.toMatch(/[\u009b\u202e\u2066\u2028]/)
    expect(workflowCommands(json)).toEqual([])
  })
})
