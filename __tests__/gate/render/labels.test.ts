import { describe, expect, it } from '@jest/globals'
import { scoreLabel, titleBesideId } from '../../../src/gate/render/labels.js'

describe('titleBesideId', () => {
  it("drops the id Inspector repeats at the start of a package finding's title", () => {
    expect(
      titleBesideId({ vulnerabilityId: 'CVE-2023-45853', title: 'CVE-2023-45853 - zlib1g' })
    ).toBe('zlib1g')
    expect(titleBesideId({ vulnerabilityId: 'GHSA-x', title: 'GHSA-x: prototype pollution' })).toBe(
      'prototype pollution'
    )
  })

  it('keeps a title that does not start with the id, and an id-only title becomes empty', () => {
    expect(titleBesideId({ vulnerabilityId: 'CVE-1', title: 'Heap overflow in zlib' })).toBe(
      'Heap overflow in zlib'
    )
    expect(titleBesideId({ vulnerabilityId: 'CVE-1', title: 'CVE-1' })).toBe('')
  })
})

describe('scoreLabel', () => {
  it('shows — for an untriaged finding, which Inspector scores 0 (not scored)', () => {
    expect(scoreLabel({ severity: 'untriaged', inspectorScore: 0 })).toBe('—')
    expect(scoreLabel({ severity: 'high', inspectorScore: 7.5 })).toBe('7.5')
    expect(scoreLabel({ severity: 'low' })).toBe('—')
  })
})
