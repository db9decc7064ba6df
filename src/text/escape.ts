/**
 * The one place untrusted text becomes markdown. Finding titles, package names, versions, paths,
 * URLs, ignore reasons and image references all come from outside (Inspector, vulnerability feeds,
 * the repository's ignore file), and GitHub renders job summaries and PR comments as markdown *with*
 * inline HTML. Every renderer passes such text through these helpers exactly once; nothing else in
 * `publish/` escapes.
 *
 * Everything produced here is single-line, so it is safe inside a table cell, a list item or a
 * paragraph alike (except `logText`, whose caller encodes line breaks).
 *
 * The same text also reaches CI logs and terminals: the `log…` helpers at the end keep it from
 * running a workflow command or driving a terminal, for the action and CLI hosts.
 */

/** Cells longer than this (in characters) are cut with `…`: one huge title must not eat the budget. */
export const DEFAULT_MAX_TEXT_LENGTH = 200

/** URLs longer than this are not worth a link (and are likely hostile); they render as text. */
const MAX_URL_LENGTH = 2048

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * HTML characters become entities; characters markdown gives meaning to anywhere in a line get a
 * backslash (CommonMark allows backslash-escaping any ASCII punctuation). `|` splits table cells,
 * `$` starts GitHub math, `~` strikes through, `` ` `` opens code spans.
 */
const INLINE_ACTIVE = /[&<>"'\\`*_[\]()#~!|$]/g

// Whitespace runs (newlines included) and control characters collapse to one space: a newline
// inside a table cell ends the row, and inside a list item it can start a new block.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const WHITESPACE_AND_CONTROLS = /[\s\u0000-\u001f\u007f-\u009f]+/g

/** Bidirectional overrides can make displayed text differ from what it is ("Trojan Source"). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

/**
 * `@user` / `@org/team` notify people and `#123` cross-references an issue, even when escaped, because
 * GitHub links them after rendering. A zero-width space after the sigil defuses both and stays
 * invisible. (npm scopes like `@types/node` are the usual trigger.)
 */
const MENTION_OR_REFERENCE = /([@#])(?=[\p{L}\p{N}_-])/gu
const ZERO_WIDTH_SPACE = '\u200b'

/**
 * GitHub turns bare `https://…`, `ftp://…` and `www.…` in text into links (GFM's autolink
 * extension), escaped or not: "see https://evil.example/login" in a finding would be a clickable
 * phishing link in the summary. A zero-width space inside `//` and after `www` breaks the pattern
 * and stays invisible. (E-mail autolinks need `@` followed by a letter or digit, which the mention
 * rule above already breaks.)
 */
const AUTOLINK = /(?<=[a-z0-9+.-]:\/)(?=\/)|(?<=(?:^|[^\p{L}\p{N}_.])www)(?=\.)/giu

/**
 * At the start of a line (a list item's text is parsed as blocks too) these open a list or a
 * thematic break: `-`/`+` always escaped there, `1.` only when it could be a list marker, so
 * versions like `1.2.3` stay readable. (`*`, `#`, `>`, `` ` ``, `~` are escaped everywhere.)
 */
const BLOCK_START = /^([-+])|^(\d{1,9})\.(?=\s|$)/

/** Collapses whitespace, strips control and bidi characters, trims. No escaping. */
export function singleLine(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(WHITESPACE_AND_CONTROLS, ' ').trim()
}

/** Cuts to at most `maxLength` characters (code points, so emoji are not split), ending with `…`. */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const codePoints = Array.from(text)
  if (codePoints.length <= maxLength) return text
  return `${codePoints.slice(0, Math.max(0, maxLength - 1)).join('')}…`
}

/**
 * Untrusted text → inert, single-line markdown, cut to `maxLength` characters *before* escaping so
 * an escape sequence is never split. Safe in table cells, list items and paragraphs.
 */
export function markdownText(text: string, maxLength = DEFAULT_MAX_TEXT_LENGTH): string {
  const short = truncate(singleLine(text), maxLength)
  // Mentions first: the entities added by escaping contain `#` followed by digits.
  const escaped = short
    .replace(MENTION_OR_REFERENCE, `$1${ZERO_WIDTH_SPACE}`)
    .replace(AUTOLINK, ZERO_WIDTH_SPACE)
    .replace(INLINE_ACTIVE, (ch) => HTML_ENTITIES[ch] ?? `\\${ch}`)
  return escaped.replace(BLOCK_START, (_match, sign?: string, digits?: string) =>
    sign !== undefined ? `\\${sign}` : `${digits ?? ''}\\.`
  )
}

/**
 * A link only for `http:`/`https:` URLs; anything else (`javascript:`, `data:`, garbage) renders as
 * the escaped label alone. The URL is percent-encoded wherever markdown could see syntax in it, so
 * it cannot close the `(…)` early, split a table cell or open a code span.
 */
export function safeLink(
  label: string,
  url: string | undefined,
  maxLength = DEFAULT_MAX_TEXT_LENGTH
): string {
  const text = markdownText(label, maxLength)
  const href = url === undefined ? undefined : safeHref(url)
  return href === undefined ? text : `[${text}](${href})`
}

/** The URL, normalised and percent-encoded for a markdown link destination; undefined if unsafe. */
export function safeHref(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
  const href = parsed.href.replace(/[\s()<>"'`\\|[\]]/g, percentEncode)
  return href.length <= MAX_URL_LENGTH ? href : undefined
}

function percentEncode(ch: string): string {
  return `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
}

/**
 * Untrusted text as a code span, for names the reader may copy (file paths). Code spans show their
 * content literally, so no HTML or markdown inside is active; the fence is one backtick longer than
 * any backtick run inside. Not for table cells (a `|` there would still split the cell).
 */
export function codeSpan(text: string, maxLength = DEFAULT_MAX_TEXT_LENGTH): string {
  const content = truncate(singleLine(text), maxLength)
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  // A space keeps a leading/trailing backtick from merging with the fence; CommonMark strips it.
  const padded = content.startsWith('`') || content.endsWith('`') ? ` ${content} ` : content
  return content === '' ? '' : `${fence}${padded}${fence}`
}

/**
 * Untrusted text → a SARIF `message.text`: single-line plain text, cut to `maxLength` characters
 * before escaping. SARIF gives `[text](target)` in message strings a meaning ("embedded links", SARIF
 * 2.1.0 §3.11.6, which viewers render as links), and a literal `[`, `]` or `\` must be escaped with
 * a backslash; so a hostile `[x](javascript:…)` stays text.
 */
export function sarifMessageText(text: string, maxLength = DEFAULT_MAX_TEXT_LENGTH): string {
  return truncate(singleLine(text), maxLength).replace(/[\\[\]]/g, (ch) => `\\${ch}`)
}

// ---- CI logs -------------------------------------------------------------------------------

/**
 * A CI runner acts on lines it reads from a step: GitHub's runner on `::name::` at the start of a
 * line *after leading white space* (.NET's, which includes U+0085), and on the legacy `##[name]`
 * form *anywhere* in a line, as Azure Pipelines does on `##vso[`. A zero-width space before the
 * `::` or between the `#`s breaks both and stays invisible.
 */
const LINE_START_COMMAND = /^([\s\u0085]*)::/gm
const LEGACY_COMMAND = /#(?=#[A-Za-z]*\[)/g

/** Terminal control characters (C0 other than tab and line breaks, DEL, C1): colours, links, bells. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/** Every workflow command in `text` broken, whether a line starts with it or not. Nothing else changes. */
export function defuseWorkflowCommands(text: string): string {
  return text
    .replace(LINE_START_COMMAND, `$1${ZERO_WIDTH_SPACE}::`)
    .replace(LEGACY_COMMAND, `#${ZERO_WIDTH_SPACE}`)
}

/**
 * Untrusted text → a message for a CI log whose line breaks the caller deals with (an annotation,
 * which @actions/core percent-encodes): terminal controls and bidi overrides removed, workflow
 * commands defused.
 */
export function logText(text: string): string {
  return defuseWorkflowCommands(text.replace(BIDI_CONTROLS, '').replace(TERMINAL_CONTROLS, ''))
}

/** Untrusted text → one plain log line that no CI runner reads a command from (`singleLine`, defused). */
export function logLine(text: string): string {
  return defuseWorkflowCommands(singleLine(text))
}

/**
 * JSON text → the same JSON, safe to print to a CI log: inside strings, bidi overrides, line
 * separators, DEL and C1 controls (JSON.stringify leaves them raw) and the `[` of a `##…[` command
 * become `\uXXXX` escapes. Every value parses back unchanged.
 */
export function logSafeJson(json: string): string {
  return json
    .replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, unicodeEscape)
    .replace(/(##[A-Za-z]*)\[/g, (_match, prefix: string) => `${prefix}\\u005b`)
}

function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
}
