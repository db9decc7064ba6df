import type { AwsSecurityFindingFilters, SecurityHubClient } from '@aws-sdk/client-securityhub'
import { firstFinding } from '../aws/securityhub-findings.js'
import { productFilterNames, productKey } from '../domain/report-products.js'

/** GetFindings takes at most 20 filters on one attribute: one NOT_EQUALS per product found. */
export const MAX_PRODUCTS_LISTED = 20

/**
 * The products that have findings under `filters` (without their ProductName filter), one
 * GetFindings of one finding per product: each call excludes the products found so far with
 * NOT_EQUALS (AND'ed on one attribute), so the next finding is of a product not yet seen. Far
 * cheaper than paging the findings a product filter left out; `more` when there may be others
 * than those listed (no room for another exclusion, or a finding had no ProductName).
 */
export async function productsWithFindings(
  client: SecurityHubClient,
  filters: AwsSecurityFindingFilters,
  pace: () => Promise<void>
): Promise<{ products: string[]; more: boolean }> {
  const others: AwsSecurityFindingFilters = { ...filters }
  delete others.ProductName
  const excluded: string[] = []
  const products: string[] = []
  for (;;) {
    await pace()
    const finding = await firstFinding(client, {
      ...others,
      ...(excluded.length > 0 && {
        ProductName: excluded.map((Value) => ({ Value, Comparison: 'NOT_EQUALS' as const }))
      })
    })
    const name = finding?.ProductName
    if (finding === undefined) return { products, more: false }
    // A finding without a ProductName cannot be excluded by name: stop rather than loop on it.
    if (name === undefined || name === '') return { products, more: true }
    products.push(productKey(name))
    const names = productFilterNames([name]).filter((n) => !excluded.includes(n))
    // No room for another exclusion: whether other products have findings is unknown.
    if (excluded.length + names.length > MAX_PRODUCTS_LISTED) return { products, more: true }
    excluded.push(...names)
  }
}
