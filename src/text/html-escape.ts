/**
 * The one place untrusted text becomes HTML (and inline SVG, which the HTML parser reads the same
 * way). Finding titles, control titles, product names, resource ids and account keys all come from
 * outside; the report renderers pass such text through these helpers exactly once.
 *
 * Both helpers make the text single-line and strip control and bidi characters first (see
 * `singleLine` in escape.ts), then turn every character HTML gives meaning to into an entity, so the
 * result is inert in element content and in a *double-quoted* attribute value alike.
 */
import { singleLine, truncate } from './escape.js'

/** Text longer than this (in characters) is cut with `…`; one huge title must not eat the page. */
export const DEFAULT_MAX_HTML_TEXT_LENGTH = 300

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;'
}
const ACTIVE = /[&<>"'`]/g

/** Untrusted text → inert element content, cut to `maxLength` characters *before* escaping. */
export function htmlText(text: string, maxLength = DEFAULT_MAX_HTML_TEXT_LENGTH): string {
  return entities(truncate(singleLine(text), maxLength))
}

/** Untrusted text → a value for a double-quoted attribute (`title="…"`, `aria-label="…"`). */
export function htmlAttr(text: string, maxLength = DEFAULT_MAX_HTML_TEXT_LENGTH): string {
  return entities(truncate(singleLine(text), maxLength))
}

function entities(text: string): string {
  return text.replace(ACTIVE, (ch) => ENTITIES[ch] ?? ch)
}
