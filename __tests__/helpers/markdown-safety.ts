/**
 * What GitHub would make *active* in a piece of markdown, read the way CommonMark/GFM reads it:
 * raw HTML (tags, comments, autolinks), inline links and their destinations, image embeds, link
 * reference definitions, and the @mentions and #references GitHub links after rendering. Text that
 * is escaped (`\<`, `&lt;`) or inside a code span is inert and not reported, so tests can assert
 * "nothing from the payload is active" instead of "the payload's characters are absent".
 *
 * Lines are read one at a time: every piece of untrusted text the product renders is single-line,
 * so a construct that spans lines would be the product's own.
 */

/** Characters CommonMark lets a backslash escape. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/
/** Stand-ins that no markdown syntax matches. */
const ESCAPED = '\u0001'
const CODE = '\u0002'
const LITERAL_BACKTICKS = '\u0003'

interface ReadLine {
  /** The line with escaped characters and code spans replaced by stand-ins: what syntax sees. */
  syntax: string
  /** The line as rendered text: escapes resolved, entities decoded, code spans as stand-ins. */
  text: string
}

function readLine(line: string): ReadLine {
  let syntax = ''
  let text = ''
  let i = 0
  while (i < line.length) {
    const ch = line[i] as string
    const next = line[i + 1]
    if (ch === '\\' && next !== undefined && ASCII_PUNCTUATION.test(next)) {
      syntax += ESCAPED
      text += next
      i += 2
      continue
    }
    if (ch === '`') {
      const run = /^`+/.exec(line.slice(i))?.[0] ?? '`'
      const close = closingBackticks(line, i + run.length, run.length)
      if (close === undefined) {
        syntax += LITERAL_BACKTICKS.repeat(run.length)
        text += run
        i += run.length
      } else {
        syntax += CODE
        text += CODE
        i = close + run.length
      }
      continue
    }
    syntax += ch
    text += ch
    i += 1
  }
  return { syntax, text: decodeEntities(text) }
}

/** Index of the next run of exactly `length` backticks at or after `from`. */
function closingBackticks(line: string, from: number, length: number): number | undefined {
  const runs = /`+/g
  runs.lastIndex = from
  for (let match = runs.exec(line); match !== null; match = runs.exec(line)) {
    if (match[0].length === length) return match.index
  }
  return undefined
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0'
}

function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g,
    (whole, dec, hex, name) => {
      if (dec !== undefined) return String.fromCodePoint(Number(dec))
      if (hex !== undefined) return String.fromCodePoint(parseInt(hex as string, 16))
      return NAMED_ENTITIES[name as string] ?? whole
    }
  )
}

export interface ActiveMarkdown {
  /** Raw HTML as written: open and closing tags, comments, declarations, autolinks. */
  html: string[]
  /** Destinations of inline links `[…](destination)`. */
  links: string[]
  /** Image embeds `![…](…)`, from the `![`. */
  images: string[]
  /** `[label]: destination` lines. */
  definitions: string[]
  /** `@login` / `@org/team` in the rendered text. */
  mentions: string[]
  /** `#123` in the rendered text. */
  references: string[]
  /** Bare URLs, `www.` hosts and e-mail addresses GitHub's autolink extension would link. */
  autolinks: string[]
}

export function activeMarkdown(markdown: string): ActiveMarkdown {
  const found: ActiveMarkdown = {
    html: [],
    links: [],
    images: [],
    definitions: [],
    mentions: [],
    references: [],
    autolinks: []
  }
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    const { syntax, text } = readLine(line)
    found.html.push(
      ...(syntax.match(/<(?:[A-Za-z][^<>]*>?|\/[A-Za-z][^<>]*>?|![^<>]*>?|\?[^<>]*>?)/g) ?? [])
    )
    for (const match of syntax.matchAll(/\]\(\s*/g)) {
      found.links.push(linkDestination(syntax, match.index + match[0].length))
    }
    found.images.push(...(syntax.match(/!\[[^\n]{0,40}/g) ?? []))
    if (/^\s{0,3}(?:(?:[-*+]|\d{1,9}[.)])\s+)*\[[^\]]*\]:/.test(syntax))
      found.definitions.push(line)
    // GitHub links these in text nodes, after rendering: escaping does not stop them.
    const prose = text.replace(/\]\([^)]*\)/g, '](…)')
    found.mentions.push(...(prose.match(/(?<![\w@])@[A-Za-z0-9][\w-]*(?:\/[\w.-]+)?/g) ?? []))
    found.references.push(...(prose.match(/(?<![\w&#])#\d+/g) ?? []))
    found.autolinks.push(
      ...(prose.match(
        /\b(?:https?|ftp):\/\/[^\s<]+|(?<![\w.])www\.[\w-][^\s<]*|[\w.+-]+@[A-Za-z0-9-]+\.[\w.-]*\w/gi
      ) ?? [])
    )
  }
  return found
}

/** A link destination starting at `from`: `<…>`, or up to white space or the unbalanced `)`. */
function linkDestination(syntax: string, from: number): string {
  if (syntax[from] === '<') return syntax.slice(from, syntax.indexOf('>', from) + 1 || undefined)
  let depth = 0
  let end = from
  for (; end < syntax.length; end += 1) {
    const ch = syntax[end] as string
    if (/\s/.test(ch)) break
    if (ch === '(') depth += 1
    if (ch === ')' && depth-- === 0) break
  }
  return syntax.slice(from, end)
}

/** Links a renderer may write: http(s) only. */
export function unsafeLinks(found: ActiveMarkdown): string[] {
  return found.links.filter((href) => !/^<?https?:\/\//i.test(href))
}

/**
 * Table rows whose cell count differs from their table's header, as GFM splits cells: on every
 * pipe that is not backslash-escaped (a pipe in a code span splits too).
 */
export function brokenTableRows(markdown: string): string[] {
  const broken: string[] = []
  let columns: number | undefined
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = undefined
      continue
    }
    const count = cellCount(line)
    if (columns === undefined) columns = count
    else if (count !== columns)
      broken.push(`${count} cells, header has ${columns}: ${line.slice(0, 200)}`)
  }
  return broken
}

/** Cells of one table line, splitting on unescaped pipes, leading and trailing pipe excluded. */
export function cellCount(line: string): number {
  const cells: string[] = ['']
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string
    if (ch === '\\' && i + 1 < line.length) {
      cells[cells.length - 1] += ch + (line[i + 1] as string)
      i += 1
    } else if (ch === '|') {
      cells.push('')
    } else {
      cells[cells.length - 1] += ch
    }
  }
  if (cells[0]?.trim() === '') cells.shift()
  if (cells.length > 0 && cells[cells.length - 1]?.trim() === '') cells.pop()
  return cells.length
}

/** Terminal escapes (C0/C1 controls other than tab and newline) and bidi overrides/isolates. */
export const CONTROL_OR_BIDI =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

/** The control and bidi characters in `text`, as `U+XXXX` with some context, at most 10. */
export function controlCharacters(text: string): string[] {
  const pattern = new RegExp(CONTROL_OR_BIDI.source, 'g')
  return [...text.matchAll(pattern)].slice(0, 10).map((match) => {
    const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
    return `U+${code} near ${JSON.stringify(text.slice(Math.max(0, match.index - 20), match.index + 20))}`
  })
}
