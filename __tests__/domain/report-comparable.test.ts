import { describe, expect, it } from '@jest/globals'
import { scopeDifferences } from '../../src/domain/report-comparable.js'

const scope = (days: number, filters: Partial<Record<string, string[]>> = {}) => ({
  period: { days },
  filters: {
    products: [],
    severities: [],
    accounts: [],
    resourceTypes: [],
    workflowStatuses: [],
    ...filters
  }
})

describe('scopeDifferences', () => {
  it('finds none between the same period and the same filters in another order or case', () => {
    expect(
      scopeDifferences(
        scope(7, { severities: ['CRITICAL', 'HIGH'] }),
        scope(7, { severities: ['high', 'critical'] })
      )
    ).toEqual([])
  })

  it('names each difference with the input a user sets', () => {
    expect(
      scopeDifferences(
        scope(30, { accounts: ['111111111111'] }),
        scope(7, { severities: ['critical'] })
      )
    ).toEqual([
      'period 30d, not 7d',
      'report-severities (all), not critical',
      'report-accounts 111111111111, not (all)'
    ])
  })

  it('keeps a long filter list short', () => {
    const accounts = Array.from({ length: 8 }, (_, i) => String(i).padStart(12, '0'))
    const [difference] = scopeDifferences(scope(7, { accounts }), scope(7))
    expect(difference).toBe(
      'report-accounts 000000000000, 000000000001, 000000000002, 000000000003, 000000000004 and 3 more, not (all)'
    )
  })
})
