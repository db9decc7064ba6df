import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  GetFindingsCommand,
  SecurityHubClient,
  type AwsSecurityFindingFilters,
  type GetFindingsCommandInput
} from '@aws-sdk/client-securityhub'
import { mockClient } from 'aws-sdk-client-mock'
import { AwsCallError } from '../../src/aws/errors.js'
import { productFilterSentence } from '../../src/domain/report-products.js'
import {
  MAX_PRODUCTS_LISTED,
  productsWithFindings
} from '../../src/report/products-with-findings.js'

const securityHub = mockClient(SecurityHubClient)
const client = new SecurityHubClient({ region: 'us-east-1', maxAttempts: 1 })
const FILTERS: AwsSecurityFindingFilters = {
  RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
  ProductName: [{ Value: 'NoSuch', Comparison: 'EQUALS' }]
}

/** GetFindings over findings of these products, honouring NOT_EQUALS on ProductName as AWS does. */
function answerFrom(products: Array<string | undefined>): void {
  securityHub.on(GetFindingsCommand).callsFake((input: GetFindingsCommandInput) => {
    const excluded = (input.Filters?.ProductName ?? []).map((f) => {
      expect(f.Comparison).toBe('NOT_EQUALS')
      return f.Value
    })
    const next = products.find((p) => p === undefined || !excluded.includes(p))
    const found = products.some((p) => p === undefined || !excluded.includes(p))
    return { Findings: found ? [{ ProductName: next }] : [] }
  })
}

const requests = () =>
  securityHub.commandCalls(GetFindingsCommand).map((call) => call.args[0].input)

let paced = 0
const pace = async () => {
  paced += 1
}

beforeEach(() => {
  securityHub.reset()
  paced = 0
})

describe('the products that have findings (report-products matching nothing)', () => {
  it('finds each product with one call of one finding, excluding those found so far', async () => {
    answerFrom(['Inspector', 'GuardDuty'])

    const listed = await productsWithFindings(client, FILTERS, pace)

    expect(listed).toEqual({ products: ['Inspector', 'GuardDuty'], more: false })
    expect(requests().map((input) => input.MaxResults)).toEqual([1, 1, 1])
    expect(requests().map((input) => input.Filters?.ProductName?.map((f) => f.Value))).toEqual([
      undefined,
      ['Inspector'],
      ['Inspector', 'GuardDuty']
    ])
    // The other filters are kept; the product filter that matched nothing is not.
    expect(requests().every((input) => input.Filters?.RecordState !== undefined)).toBe(true)
    expect(paced).toBe(3)
  })

  it('excludes both names of the renamed Security Hub product, and lists it once', async () => {
    answerFrom(['Security Hub', 'Security Hub CSPM', 'Inspector'])

    const listed = await productsWithFindings(client, FILTERS, pace)

    expect(listed.products).toEqual(['Security Hub CSPM', 'Inspector'])
    expect(requests()[1]?.Filters?.ProductName?.map((f) => f.Value)).toEqual([
      'Security Hub',
      'Security Hub CSPM'
    ])
  })

  it('stops when no other product can be excluded (20 filters on one attribute), saying there may be more', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `Product ${String(i).padStart(2, '0')}`)
    answerFrom(many)

    const listed = await productsWithFindings(client, FILTERS, pace)

    expect(listed.more).toBe(true)
    expect(listed.products).toEqual(many.slice(0, MAX_PRODUCTS_LISTED + 1))
    expect(
      Math.max(...requests().map((input) => input.Filters?.ProductName?.length ?? 0))
    ).toBeLessThanOrEqual(20)
  })

  it('stops at a finding without a ProductName instead of asking for it again', async () => {
    answerFrom(['Inspector', undefined])

    expect(await productsWithFindings(client, FILTERS, pace)).toEqual({
      products: ['Inspector'],
      more: true
    })
    expect(requests()).toHaveLength(2)
  })

  it('fails as an AwsCallError the report turns into a warning', async () => {
    securityHub.on(GetFindingsCommand).rejects(
      Object.assign(new Error('not authorized'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 403 }
      })
    )

    await expect(productsWithFindings(client, FILTERS, pace)).rejects.toBeInstanceOf(AwsCallError)
  })
})

describe('the sentence a product filter miss is said in', () => {
  it('names the miss, the products with findings, and whether there may be more', () => {
    expect(
      productFilterSentence({
        unmatched: ['NoSuch', 'x'],
        withFindings: ['Inspector'],
        more: true
      })
    ).toBe(
      'report-products "NoSuch", "x" each matched no finding in the period; products with findings under the other filters: Inspector, and possibly more'
    )
    expect(productFilterSentence({ unmatched: ['NoSuch'], withFindings: [] })).toBe(
      'report-products "NoSuch" matched no finding in the period; no product had findings under the other filters'
    )
    expect(productFilterSentence({ unmatched: ['NoSuch'] })).toBe(
      'report-products "NoSuch" matched no finding in the period; the products that had findings could not be listed'
    )
  })

  it('suggests the spelling that differs only by case, Security Hub names as one', () => {
    expect(
      productFilterSentence({
        unmatched: ['inspector', 'security hub'],
        withFindings: ['Inspector', 'Security Hub CSPM']
      })
    ).toContain(
      '(names are case-sensitive: did you mean "Inspector"? did you mean "Security Hub CSPM"?)'
    )
  })
})
