/**
 * Every `sha256:<64 hex>` in `text` cut to its first 12 hex digits and `…`: an ECR image's ARN
 * stays recognisable and a table cell stays narrow. For display only; files keep the full id.
 */
export function shortenDigests(text: string): string {
  return text.replace(/sha256:([0-9a-f]{12})[0-9a-f]{52}/g, 'sha256:$1…')
}
