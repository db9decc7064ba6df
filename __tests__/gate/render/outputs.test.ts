import { describe, expect, it } from '@jest/globals'
import { gateOutputs } from '../../../src/gate/render/outputs.js'
import { aSmallFailVerdict, aVerdict } from './verdict-fixtures.js'

describe('gateOutputs', () => {
  it('gives the result, per-severity counts, blocking count and compact counts JSON', () => {
    expect(gateOutputs(aSmallFailVerdict())).toEqual({
      result: 'fail',
      critical: '1',
      high: '1',
      medium: '0',
      low: '1',
      informational: '0',
      untriaged: '1',
      blocking: '2',
      counts:
        '{"critical":1,"high":1,"medium":0,"low":1,"informational":0,"untriaged":1,"blocking":2,"ignored":1}'
    })
  })

  it('reports zeros for a clean pass', () => {
    const outputs = gateOutputs(aVerdict({ result: 'pass' }))
    expect(outputs.result).toBe('pass')
    expect(outputs.blocking).toBe('0')
    expect(JSON.parse(outputs.counts ?? '')).toEqual({
      critical: 0,
      high: 0,
      medium: 0,
      low: 0,
      informational: 0,
      untriaged: 0,
      blocking: 0,
      ignored: 0
    })
  })

  it('reports an error result as is', () => {
    expect(gateOutputs(aVerdict({ result: 'error' })).result).toBe('error')
  })

  it('uses the verdict’s counts, whatever key order they were built in', () => {
    const verdict = aVerdict()
    verdict.counts = { untriaged: 4, informational: 5, low: 6, medium: 7, high: 8, critical: 9 }
    const outputs = gateOutputs(verdict)
    expect(outputs.counts?.startsWith('{"critical":9,"high":8,"medium":7,"low":6,')).toBe(true)
    expect(outputs.untriaged).toBe('4')
  })
})
