import { describe, expect, it } from '@jest/globals'
import { parseLambdaTime } from '../../src/aws/lambda.js'

describe('parseLambdaTime', () => {
  it('reads Lambda’s offset without a colon', () => {
    expect(parseLambdaTime('2026-11-22T10:00:00.123+0000')?.toISOString()).toBe(
      '2026-11-22T10:00:00.123Z'
    )
    expect(parseLambdaTime('2026-11-22T12:00:00.000+0200')?.toISOString()).toBe(
      '2026-11-22T10:00:00.000Z'
    )
  })

  it('returns undefined for nothing or nonsense, so the caller can refuse it', () => {
    expect(parseLambdaTime(undefined)).toBeUndefined()
    expect(parseLambdaTime('yesterday')).toBeUndefined()
  })
})
