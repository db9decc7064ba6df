/**
 * Finding text comes from the finding's provider (any Security Hub integration can import findings)
 * and ends up in e-mails and chat. Control and format characters (zero-width, bidirectional
 * overrides: "Trojan Source") are removed and whitespace runs, newlines included, collapse to one
 * space, so a field can never hide text or forge extra lines; then the text is cut to `max`.
 */
export function clean(value: unknown, max = 200): string {
  // Code points, not UTF-16 units: a cut must not split a surrogate pair.
  const chars = [...(typeof value == 'string' ? value : '').replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ')]
  return (chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars).join('').trim()
}

/**
 * SNS subjects must be under 100 characters, on one line, without control characters; older SNS
 * documentation (and some mail gateways) allow only ASCII, so anything else becomes `?`: a subject
 * SNS refused would cost the whole notification.
 */
export function ascii(value: string, max: number): string {
  const text = clean(value, 1e4).replace(/[^ -~]/g, '?')
  return text.length > max ? text.slice(0, max - 3) + '...' : text
}
