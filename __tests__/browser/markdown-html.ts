/**
 * Just enough GitHub-flavoured markdown → HTML for what the gate's summary and PR comment write
 * (headings, paragraphs, lists, tables, details, rules; bold, italic, code spans, links), with
 * GitHub-like CSS, so a browser test can see them as a reader does. Not a general converter: raw
 * HTML the renderers write (`<br>`, `<details>`, entities) passes through as GitHub lets it.
 */

const CSS = `
body { font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  font-size: 14px; line-height: 1.5; color: #1f2328; margin: 0; padding: 16px; }
main { max-width: 1000px; box-sizing: border-box; }
table { display: block; width: max-content; max-width: 100%; overflow: auto;
  border-spacing: 0; border-collapse: collapse; margin: 0 0 16px; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 85%;
  background: rgba(129,139,152,0.12); padding: 0.2em 0.4em; border-radius: 6px; }
h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
`

/** Splits a table line into its cells; `\\|` is a pipe inside a cell. */
function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '')
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim())
}

function inline(text: string): string {
  const codes: string[] = []
  let out = text.replace(/(`+)([^`]|[^`][^]*?[^`])\1(?!`)/g, (_m, _t, code: string) => {
    codes.push(`<code>${code.trim().replace(/</g, '&lt;')}</code>`)
    return `\uE000${codes.length - 1}\uE000`
  })
  out = out
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,])/g, '$1<em>$2</em>')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
  return out.replace(/\uE000(\d+)\uE000/g, (_m, index: string) => codes[Number(index)] ?? '')
}

export function markdownToHtml(markdown: string, title: string): string {
  const lines = markdown.split('\n')
  const html: string[] = []
  let paragraph: string[] = []
  const flush = (): void => {
    if (paragraph.length > 0) html.push(`<p>${inline(paragraph.join(' '))}</p>`)
    paragraph = []
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heading = /^(#{1,6}) (.*)$/.exec(line)
    if (line.trim() === '') flush()
    else if (heading !== null) {
      flush()
      const level = heading[1]?.length ?? 1
      html.push(`<h${level}>${inline(heading[2] ?? '')}</h${level}>`)
    } else if (/^---+$/.test(line)) {
      flush()
      html.push('<hr>')
    } else if (/^<\/?details>|^<summary>|^<!--/.test(line)) {
      flush()
      html.push(line)
    } else if (line.startsWith('|')) {
      flush()
      const head = cellsOf(line)
      const aligns = cellsOf(lines[i + 1] ?? '').map((cell) => (cell.endsWith(':') ? 'right' : ''))
      i += 1
      const rows: string[] = []
      while ((lines[i + 1] ?? '').startsWith('|')) {
        i += 1
        const cells = cellsOf(lines[i] ?? '')
        rows.push(
          `<tr>${cells.map((c, n) => `<td${aligns[n] ? ' align="right"' : ''}>${inline(c)}</td>`).join('')}</tr>`
        )
      }
      html.push(
        `<table><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead>` +
          `<tbody>${rows.join('')}</tbody></table>`
      )
    } else if (line.startsWith('- ')) {
      flush()
      const items = [line]
      while ((lines[i + 1] ?? '').startsWith('- ')) items.push(lines[++i] ?? '')
      html.push(`<ul>${items.map((item) => `<li>${inline(item.slice(2))}</li>`).join('')}</ul>`)
    } else paragraph.push(line)
  }
  flush()
  // The script measures in the page and writes the answer where --dump-dom shows it.
  const measure = `<script>
    const wide = [...document.querySelectorAll('table')].map((t, i) =>
      ({ table: i, scrollWidth: t.scrollWidth, clientWidth: t.clientWidth, page: document.querySelector('main').clientWidth }));
    document.querySelectorAll('details').forEach((d) => { d.open = true });
    const again = [...document.querySelectorAll('table')].map((t, i) =>
      ({ table: i, scrollWidth: t.scrollWidth, clientWidth: t.clientWidth, page: document.querySelector('main').clientWidth }));
    const out = document.createElement('pre'); out.id = 'measured'; out.hidden = true;
    out.textContent = JSON.stringify(again.length > 0 ? again : wide); document.body.append(out);
  </script>`
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>` +
    `<style>${CSS}</style></head><body><main>${html.join('\n')}</main>${measure}</body></html>`
  )
}
