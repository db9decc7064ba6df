import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

/** One import of one file: `from` and `to` are paths under src/, `.ts`, as the files are named. */
export interface ImportEdge {
  from: string
  to: string
  /** `import type` / `export type`: erased at build time, but still a dependency of the design. */
  typeOnly: boolean
}

/** Every `.ts` file under `dir`, as paths relative to it. */
export function sourceFiles(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const path = under === '' ? entry.name : `${under}/${entry.name}`
    if (entry.isDirectory()) return sourceFiles(dir, path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, relative ones only:
// packages are not layers.
const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

/** The relative imports of one file's text, resolved to paths under the source root. */
export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = []
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4]
    if (specifier === undefined) continue
    const to = normalize(join(dirname(file), specifier)).replace(/\.js$/, '.ts')
    edges.push({ from: file, to, typeOnly: match[2] !== undefined })
  }
  return edges
}

export function importGraph(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((file) =>
    importsOf(file, readFileSync(join(root, file), 'utf8'))
  )
}

/** Folders with layers of their own inside: the gate's renderers, scanners and PR comment. */
const NESTED_LAYERS = new Set(['gate', 'report'])

/**
 * The layer a file belongs to: its folder under src/ (inside `gate/` and `report/`, a subfolder
 * such as `gate/render` is a layer of its own), or its own name for a file at the root.
 */
export function layerOf(path: string): string {
  const parts = path.split('/')
  const [top] = parts
  if (parts.length === 1) return (top as string).replace(/\.ts$/, '')
  if (NESTED_LAYERS.has(top as string) && parts.length > 2) return `${top}/${parts[1]}`
  return top as string
}

/** Which layers each layer may import (besides itself); a layer missing here may import nothing. */
export type LayerRules = Record<string, readonly string[] | 'anything'>

/** Each import that crosses to a layer its rules do not allow, as `from → to (layer → layer)`. */
export function violations(edges: readonly ImportEdge[], rules: LayerRules): string[] {
  const found: string[] = []
  for (const edge of edges) {
    const from = layerOf(edge.from)
    const to = layerOf(edge.to)
    if (from === to) continue
    const allowed = rules[from] ?? []
    if (allowed === 'anything' || allowed.includes(to)) continue
    found.push(`${edge.from} → ${edge.to} (${from} may not import ${to})`)
  }
  return found
}
