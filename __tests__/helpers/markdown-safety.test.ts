import { describe, expect, it } from '@jest/globals'
import { markdownText } from '../../src/text/escape.js'
import { hostileText } from '../fake-aws/hostile.js'
import { activeMarkdown, brokenTableRows, cellCount, unsafeLinks } from './markdown-safety.js'

describe('activeMarkdown (the checker of the hostile e2e suite)', () => {
  it('finds what the hostile payloads would make active when rendered raw', () => {
    const found = activeMarkdown(hostileText('raw'))
    expect(found.html).toEqual(
      expect.arrayContaining([
        '<img src=x onerror=alert(1)>',
        '<script>',
        '</details>',
        '<!-- inspector-gate:comment key=forgedforgedforg result=pass -->'
      ])
    )
    expect(unsafeLinks(found)).toEqual(['javascript:alert(1)'])
    expect(found.images).toHaveLength(1)
    expect(found.images[0]).toMatch(/^!\[x\]\(https:\/\/evil\.example/)
    expect(found.mentions).toEqual(['@octo-org/security-team', '@admin'])
    expect(found.references).toEqual(['#1'])
    expect(found.autolinks).toEqual([
      'https://evil.example/login',
      'www.evil.example',
      'phish@evil.example',
      // The OSC 8 terminal hyperlink of the ANSI payload holds a bare URL too.
      expect.stringMatching(/^https:\/\/evil\.example/)
    ])
  })

  it('finds nothing in the same text escaped, or inside a code span', () => {
    expect(activeMarkdown(markdownText(hostileText('escaped'), 100_000))).toEqual({
      html: [],
      links: [],
      images: [],
      definitions: [],
      mentions: [],
      references: [],
      autolinks: []
    })
    expect(activeMarkdown('`<img src=x>` and ``a ` [x](javascript:1) @admin``').html).toEqual([])
  })

  it('reads link destinations and reference definitions', () => {
    const found = activeMarkdown('[a](https://ok.example/) [b](<javascript:x>)\n[c]: javascript:y')
    expect(unsafeLinks(found)).toEqual(['<javascript:x>'])
    expect(found.definitions).toEqual(['[c]: javascript:y'])
  })

  it('counts table cells as GFM splits them', () => {
    expect(cellCount('| a | b \\| c | `d | e` |')).toBe(4)
    // An escaped backslash does not escape the pipe after it.
    expect(cellCount('| a \\\\| b |')).toBe(2)
    expect(brokenTableRows('| h1 | h2 |\n| --- | --- |\n| a | b |\n| a | b | c |')).toEqual([
      '3 cells, header has 2: | a | b | c |'
    ])
  })
})
