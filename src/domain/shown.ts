/** How much of a value a message repeats: enough to recognise it, not a pasted file. */
const MAX_SHOWN_LENGTH = 200
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }
// eslint-disable-next-line no-control-regex -- control characters are what it escapes
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/**
 * A value as a message quotes it: on one line, because a step fails with one line (line breaks and
 * other control characters are written as escapes such as `\n`), and cut after MAX_SHOWN_LENGTH
 * characters, so a huge value cannot flood the log.
 */
export function shown(value: string): string {
  let text = ''
  for (const char of value) {
    if (text.length >= MAX_SHOWN_LENGTH) return `${text}… (${value.length} characters)`
    const code = (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')
    text += ESCAPES[char] ?? (CONTROL.test(char) ? `\\u${code}` : char)
  }
  return text
}
