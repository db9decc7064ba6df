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
