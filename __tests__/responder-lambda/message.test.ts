import { describe, expect, it } from '@jest/globals'
import { consoleLink, REGION } from '../../src/responder-lambda/message.js'
import { ascii, clean } from '../../src/responder-lambda/text.js'

describe('consoleLink', () => {
  const id = 'arn:aws:inspector2:us-east-1:123456789012:finding/abc'

  it('opens the Security Hub findings view filtered to the finding Id', () => {
    expect(consoleLink(id, 'us-east-1')).toBe(
      'https://us-east-1.console.aws.amazon.com/securityhub/home?region=us-east-1' +
        '#/findings?search=Id%3D%5Coperator%5C%3AEQUALS%5C%3A' +
        'arn%3Aaws%3Ainspector2%3Aus-east-1%3A123456789012%3Afinding%2Fabc'
    )
  })

  it('uses the China and GovCloud console hosts', () => {
    expect(consoleLink(id, 'cn-north-1')).toMatch(
      /^https:\/\/console\.amazonaws\.cn\/securityhub\/home\?region=cn-north-1#/
    )
    expect(consoleLink(id, 'us-gov-west-1')).toMatch(
      /^https:\/\/console\.amazonaws-us-gov\.com\/securityhub\/home\?region=us-gov-west-1#/
    )
  })

  it('encodes every character of the Id that means something in a URL', () => {
    expect(consoleLink('a b&c#d/e?f', 'eu-west-1')).toMatch(/EQUALS%5C%3Aa%20b%26c%23d%2Fe%3Ff$/)
  })

  it('only takes real region names into the host', () => {
    expect(
      ['us-east-1', 'ap-southeast-2', 'us-gov-west-1', 'eu-central-2'].every((r) => REGION.test(r))
    ).toBe(true)
    expect(
      ['evil.com/#', 'us-east-1.evil.com', 'US-EAST-1', '', 'us-east-1\n'].some((r) =>
        REGION.test(r)
      )
    ).toBe(false)
  })
})

describe('clean', () => {
  it('collapses whitespace and removes control and invisible formatting characters', () => {
    expect(clean(' a\r\n\tb\u0000c\u001b[0m \u200bd\u202ee\u2066f\ufeff ')).toBe('a b c [0m d e f')
  })

  it('cuts at a number of code points, never inside a surrogate pair', () => {
    expect(clean('😀😀😀😀', 3)).toBe('😀😀…')
    expect(clean('abc', 3)).toBe('abc')
  })

  it('turns anything that is not a string into nothing', () => {
    expect(clean(undefined)).toBe('')
    expect(clean({ toString: () => 'x' })).toBe('')
  })
})

describe('ascii', () => {
  it('keeps printable ASCII, marks the rest, and cuts with three dots', () => {
    expect(ascii('Ünïcödé\nline', 100)).toBe('?n?c?d? line')
    expect(ascii('abcdefghij', 8)).toBe('abcde...')
  })
})
