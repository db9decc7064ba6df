import type { ProductFilterNote } from './report.js'

/**
 * AWS renamed Security Hub's posture product "Security Hub CSPM": its control findings carry
 * either ProductName, depending on when and where they were written. Both are one product here.
 */
export const SECURITY_HUB_PRODUCT_NAMES = ['Security Hub', 'Security Hub CSPM'] as const

/** The name the report counts a product under: one row for both Security Hub names. */
export function productKey(name: string): string {
  return isSecurityHub(name) ? 'Security Hub CSPM' : name
}

function isSecurityHub(name: string): boolean {
  return SECURITY_HUB_PRODUCT_NAMES.some((n) => n.toLowerCase() === name.trim().toLowerCase())
}

/**
 * The ProductName values to ask GetFindings for: a filter naming either Security Hub name asks for
 * both, so that the renamed product's findings are not silently dropped.
 */
export function productFilterNames(products: readonly string[]): string[] {
  const names = new Set<string>()
  for (const product of products) {
    if (isSecurityHub(product)) for (const n of SECURITY_HUB_PRODUCT_NAMES) names.add(n)
    else names.add(product)
  }
  return [...names]
}

/**
 * The filter's miss in words, the same in the log, the summary and the HTML: which names matched
 * nothing, the nearest spelling when only the case differs (ProductName filters are
 * case-sensitive), and the products that had findings.
 */
export function productFilterSentence(note: ProductFilterNote): string {
  const names = note.unmatched.map((name) => `"${name}"`).join(', ')
  const verb = note.unmatched.length === 1 ? 'matched' : 'each matched'
  const hints = note.unmatched.flatMap((name) => {
    const near = note.withFindings?.find(
      (product) =>
        product !== name && productKey(product).toLowerCase() === productKey(name).toLowerCase()
    )
    return near === undefined ? [] : [`did you mean "${near}"?`]
  })
  const hint = hints.length > 0 ? ` (names are case-sensitive: ${hints.join(' ')})` : ''
  const listed =
    note.withFindings === undefined
      ? 'the products that had findings could not be listed'
      : note.withFindings.length === 0
        ? 'no product had findings under the other filters'
        : `products with findings under the other filters: ${note.withFindings.join(', ')}${note.more === true ? ', and possibly more' : ''}`
  return `report-products ${names} ${verb} no finding in the period${hint}; ${listed}`
}
