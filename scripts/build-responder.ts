/**
 * `npm run build:responder`: bundles src/responder-lambda/handler.ts into one small CommonJS file and
 * writes it into the `Code.ZipFile: |` block of ResponderFunction in infra/responder.yaml.
 *
 * Inline code keeps the stack a single template (no artifact bucket); it needs a small bundle, so the
 * AWS SDK stays external (the nodejs22.x runtime ships SDK v3) and the code is minified. The
 * template is edited as text: re-serialising it would rewrite its CloudFormation short-form tags
 * (`!Ref`, `!Sub`, …), comments and layout.
 */
import { build } from 'esbuild'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * Our budget for the inline code, in characters. CloudFormation's old 4096-character ZipFile limit
 * is gone (since 2022 the docs say only that the zip it builds cannot exceed 4 MB); what binds is
 * the template: the action deploys it as TemplateBody, at most 51,200 bytes. The budget is a guard
 * against dependencies creeping into the bundle (one bundled SDK client alone is far bigger).
 */
export const INLINE_CODE_BUDGET = 8192
/** CloudFormation's limit for a template passed inline as TemplateBody, in bytes. */
export const TEMPLATE_BODY_LIMIT = 51_200

const root = new URL('../', import.meta.url)
export const TEMPLATE = fileURLToPath(new URL('infra/responder.yaml', root))
const RESPONDER_DIR = fileURLToPath(new URL('src/responder-lambda/', root))

/** The minified handler, as CloudFormation will write it to `index.js`. */
export async function buildResponderCode(): Promise<string> {
  const result = await build({
    // A CommonJS entry that re-exports handler.ts: bundling the ES module as the entry itself would
    // add esbuild's ESM-to-CommonJS export helpers (about 500 characters).
    stdin: {
      contents: "import { handler } from './handler.ts'\nexports.handler = handler",
      resolveDir: RESPONDER_DIR,
      sourcefile: 'index.js',
      loader: 'js'
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    minify: true,
    external: ['@aws-sdk/*'],
    sourcemap: false,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent'
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error('esbuild produced no output for the responder')
  return output.text
}

/**
 * `text` with the ZipFile block scalar of `resource` replaced by `code`, indented like the block.
 * Throws when the block is not there, rather than guessing where the code should go.
 */
export function injectCode(text: string, code: string, resource = 'ResponderFunction'): string {
  const lines = text.split('\n')
  const start = lines.findIndex((line) => line === `  ${resource}:`)
  if (start < 0) throw new Error(`${resource} is not a resource in the template`)
  const end = lines.findIndex((line, i) => i > start && /^ {0,2}\S/.test(line))
  const zip = lines.findIndex(
    (line, i) => i > start && (end < 0 || i < end) && /^ +ZipFile: \|$/.test(line)
  )
  if (zip < 0) {
    throw new Error(`no "ZipFile: |" block scalar under ${resource} in the template`)
  }
  const keyColumn = lines[zip]!.indexOf('ZipFile')
  const indent = ' '.repeat(keyColumn + 2)
  // The block runs while lines are blank or indented deeper than the ZipFile key.
  let after = zip + 1
  const inBlock = (line: string): boolean =>
    line.trim() === '' || line.length - line.trimStart().length > keyColumn
  while (after < lines.length && inBlock(lines[after]!)) after++
  // Blank lines just before the next key belong to the layout, not to the code.
  while (after > zip + 1 && lines[after - 1]!.trim() === '') after--
  const codeLines = code.replace(/\n+$/, '').split('\n')
  if (/^\s/.test(codeLines[0] ?? '')) throw new Error('the code must not start with whitespace')
  const block = codeLines.map((line) => (line === '' ? '' : indent + line))
  return [...lines.slice(0, zip + 1), ...block, ...lines.slice(after)].join('\n')
}

async function main(template = TEMPLATE): Promise<void> {
  const code = await buildResponderCode()
  if (code.length > INLINE_CODE_BUDGET) {
    throw new Error(`the responder bundle is ${code.length} characters, over ${INLINE_CODE_BUDGET}`)
  }
  let text: string
  try {
    text = readFileSync(template, 'utf8')
  } catch {
    throw new Error(`cannot read ${template}: the responder template must exist`)
  }
  const updated = injectCode(text, code)
  if (Buffer.byteLength(updated) > TEMPLATE_BODY_LIMIT) {
    throw new Error(`the template would exceed the ${TEMPLATE_BODY_LIMIT}-byte TemplateBody limit`)
  }
  writeFileSync(template, updated)
  const bytes = Buffer.byteLength(code)
  console.log(`responder: ${code.length} characters (${bytes} bytes) written to ${template}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // An optional argument names another template (tests inject into a copy).
  main(process.argv[2]).catch((error: unknown) => {
    console.error(
      `build:responder failed: ${error instanceof Error ? error.message : String(error)}`
    )
    process.exitCode = 1
  })
}
