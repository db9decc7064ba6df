/**
 * Hostile finding text, end to end: the `hostile` scenario puts markup, workflow commands,
 * mentions, terminal escapes, bidi overrides and 100 KB strings into every text field Inspector
 * returns (see __tests__/fake-aws/hostile.ts). Whatever the delivery path, nothing of it may render
 * as markup, notify anyone, run as a workflow command or drive a terminal; and the verdict stays
 * the real one.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { Log } from 'sarif'
import { GITHUB_COMMENT_MAX_CHARS, parseCommentMarker } from '../../src/gate/pr-comment/render.js'
import { FORGED_MARKER, hostileIgnoreFile, hostileText } from '../fake-aws/hostile.js'
import { scenarioFunctions, scenarioImages } from '../fake-aws/scenarios.js'
import { startFakeGitHub } from '../fake-github/server.js'
import {
  activeMarkdown,
  brokenTableRows,
  cellCount,
  controlCharacters,
  unsafeLinks
} from '../helpers/markdown-safety.js'
import {
  MULTITOOL_SUPPORTED,
  multitoolFindings,
  schemaErrors
} from '../helpers/sarif-validation.js'
import { logLines, parseCommand, workflowCommands } from '../helpers/workflow-commands.js'
import { e2eHarness, POLL } from './harness.js'
import { runCliBundle, type BundleRun, type CliRun } from './runner.js'

const { start, gate } = e2eHarness()

const TOKEN = 'ghs_fake'
/** The secret key the runner sets (runner.ts): the action masks it. */
const RUN_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const IGNORE_FILE = '.inspector-gate-ignore.yml'
const TARGETS = {
  images: scenarioImages.hostile.uri,
  functions: scenarioFunctions.hostile.map((fn) => fn.name).join('\n')
}
/** GitHub rejects step summaries over 1 MiB; the product's budget is 1,000,000 bytes. */
const SUMMARY_MAX_BYTES = 1_000_000

/** Commands the product issues through @actions/core, and the properties it gives annotations. */
const PRODUCT_COMMANDS = ['debug', 'error', 'warning', 'notice', 'group', 'endgroup']
const ANNOTATION_PROPERTIES = ['title', 'file', 'line', 'endLine', 'col', 'endColumn']

/** The product's own HTML: table line breaks and the non-blocking findings' `<details>`. */
const PRODUCT_TAGS = ['<br>', '<details>', '</details>', '<summary>', '</summary>']

/**
 * Everything in `markdown` that would be active on GitHub and did not come from the product:
 * raw HTML other than its own tags, links other than http(s), image embeds, reference
 * definitions, mentions and issue references.
 */
function activeHostileMarkdown(markdown: string, allowedTags: string[] = PRODUCT_TAGS): string[] {
  const found = activeMarkdown(markdown)
  return [
    ...found.html.filter((tag) => !allowedTags.includes(tag)).map((tag) => `html ${tag}`),
    ...unsafeLinks(found).map((href) => `link to ${href}`),
    ...found.images.map((image) => `image ${image}`),
    ...found.definitions.map((line) => `link definition ${line.slice(0, 80)}`),
    ...found.mentions.map((mention) => `mention ${mention}`),
    ...found.references.map((reference) => `reference ${reference}`),
    ...found.autolinks.map((autolink) => `autolink ${autolink}`)
  ]
}

/** Headings and quotes only where the product writes them. */
function foreignBlocks(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => /^\s{0,3}(?:#|>)/.test(line))
    .filter(
      (line) =>
        !/^#{2,4} (?:✅|❌|⚠️|Targets|Blocking findings|Ignored findings|Expired ignore entries|Unused ignore entries)/.test(
          line
        ) && !/^> (?:\[!NOTE\]|The pull request comment)/.test(line)
    )
}

function detailsBalance(markdown: string): { open: number; close: number } {
  const tags = activeMarkdown(markdown).html
  return {
    open: tags.filter((tag) => tag === '<details>').length,
    close: tags.filter((tag) => tag === '</details>').length
  }
}

function pullRequestEvent(apiUrl: string) {
  const repository = { full_name: 'octo-org/shop' }
  return {
    event: {
      name: 'pull_request',
      payload: {
        action: 'synchronize',
        number: 7,
        repository,
        pull_request: {
          number: 7,
          head: { sha: 'f'.repeat(40), repo: repository },
          base: { repo: repository }
        }
      }
    },
    env: {
      GITHUB_API_URL: apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'octo-org/shop',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'ci',
      GITHUB_JOB: 'build',
      GITHUB_ACTION: 'gate'
    }
  }
}

describe('hostile finding text through the action', () => {
  // One action run on a pull_request event produces every delivery path at once: the job summary,
  // the PR comment, the log with its annotations, the step outputs and the SARIF file.
  let action: BundleRun
  let comment: string

  beforeAll(async () => {
    const github = await startFakeGitHub({ token: TOKEN })
    try {
      const { event, env } = pullRequestEvent(github.url)
      action = await gate(
        'hostile',
        {
          ...TARGETS,
          'ignore-file': IGNORE_FILE,
          'github-token': TOKEN,
          'sarif-file': 'out/gate.sarif',
          'sarif-location': 'Dockerfile'
        },
        { [IGNORE_FILE]: hostileIgnoreFile() },
        { event, env }
      )
      comment = github.commentsOn(7)[0]?.body ?? ''
    } finally {
      await github.close()
    }
  })

  it('fails on the real verdict: no forged output, no forged marker', () => {
    expect(action.exitCode).toBe(1)
    expect(action.outputs['result']).toBe('fail')
    expect(Number(action.outputs['blocking'])).toBeGreaterThan(5)
    expect(parseCommentMarker(comment)).toEqual({
      key: expect.stringMatching(/^[0-9a-f]{16}$/),
      result: 'fail'
    })
  })

  it('job summary: nothing from the findings renders, tables keep their columns, within 1 MB', () => {
    const summary = action.summary
    expect(summary).toMatch(/^## ❌ Inspector gate failed/)
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(activeHostileMarkdown(summary)).toEqual([])
    expect(foreignBlocks(summary)).toEqual([])
    expect(brokenTableRows(summary)).toEqual([])
    expect(controlCharacters(summary)).toEqual([])
    // One <details> per non-blocking table, closed once: the payload's </details> is text.
    expect(detailsBalance(summary)).toEqual({ open: 1, close: 1 })
    expect(summary).not.toContain('<!--')
    // Every table named in the task is there, with its hostile rows.
    const blockingRows = tableRowsAfter(summary, '### Blocking findings')
    expect(blockingRows.length).toBeGreaterThan(5)
    // Six finding columns (issue 17's 1,000 px layout) and Why blocking (issue 16).
    expect(blockingRows.map(cellCount)).toEqual(blockingRows.map(() => 7))
    expect(summary).toContain('### Ignored findings (1)')
    expect(summary).toContain('### Unused ignore entries (1)')
    // The escaped payload is still readable, not silently dropped.
    expect(summary).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;')
    expect(summary).toContain('@\u200bocto-org/security-team')
    // hostile-broken's package scan is an error that quotes the hostile severity, escaped.
    expect(summary).toMatch(
      /^\| hostile-broken<br>package scanning · .*unknown severity &quot;severity /m
    )
  })

  it('PR comment: only the real marker, nothing renders, within the comment limit', () => {
    expect(comment.length).toBeGreaterThan(0)
    expect(comment.length).toBeLessThanOrEqual(GITHUB_COMMENT_MAX_CHARS)
    expect(comment.indexOf('<!--')).toBe(0)
    expect(comment.split('<!--')).toHaveLength(2)
    expect(comment).not.toContain(FORGED_MARKER)
    const marker = comment.slice(0, comment.indexOf('\n'))
    expect(activeHostileMarkdown(comment, [...PRODUCT_TAGS, marker])).toEqual([])
    expect(foreignBlocks(comment)).toEqual([])
    expect(brokenTableRows(comment)).toEqual([])
    expect(controlCharacters(comment)).toEqual([])
    const blockingRows = tableRowsAfter(comment, '#### Blocking findings')
    expect(blockingRows.length).toBeGreaterThan(5)
    expect(blockingRows.map(cellCount)).toEqual(blockingRows.map(() => 5))
  })

  it('log and annotations: only the product’s own workflow commands, each well formed', () => {
    const commands = workflowCommands(action.log)
    // The product masks the run's own secrets (issue 19 case 8), and nothing else.
    const masks = commands.filter((command) => command.form === 'v2' && command.name === 'add-mask')
    expect(masks.map((command) => command.data).sort()).toEqual([RUN_SECRET_KEY, TOKEN].sort())
    const unexpected = commands.filter(
      (command) =>
        !masks.includes(command) &&
        (command.form !== 'v2' || !PRODUCT_COMMANDS.includes(command.name))
    )
    expect(unexpected.map((command) => command.line.slice(0, 200))).toEqual([])
    // No payload became a command of its own, whatever leading whitespace it hid behind.
    const starts = logLines(action.log)
      .filter((line) => !masks.some((command) => command.line === line))
      .map((line) => line.trimStart())
    for (const payload of ['::set-output', '::add-mask::', '::stop-commands::', '::error::fake']) {
      expect(starts.filter((line) => line.startsWith(payload))).toEqual([])
    }
    expect(logLines(action.log).filter((line) => line.includes('##['))).toEqual(
      commands
        .filter((command) => command.form === 'v2' && command.line.includes('##['))
        .map((c) => c.line)
    )
    // Annotations: known properties, none with a line break smuggled in through %0A. (Other
    // warnings and errors are @actions/core-encoded data and may span lines, as the runner shows
    // them; the finding annotations promise one line each.)
    const annotations = commands.filter((command) => ['error', 'warning'].includes(command.name))
    const badProperties = annotations.flatMap((command) =>
      Object.keys(command.properties).filter((key) => !ANNOTATION_PROPERTIES.includes(key))
    )
    expect(badProperties).toEqual([])
    const findingAnnotations = annotations.filter((command) => 'title' in command.properties)
    expect(findingAnnotations.length).toBeGreaterThan(5)
    const multiLine = findingAnnotations.filter((command) =>
      [command.data, ...Object.values(command.properties)].some((text) => /[\r\n]/.test(text))
    )
    expect(multiLine.map((command) => command.line.slice(0, 200))).toEqual([])
    // The hostile text is there, as annotation data.
    expect(
      findingAnnotations.some((command) => command.data.includes('::set-output name=result::pass'))
    ).toBe(true)
    expect(controlCharacters(action.log)).toEqual([])
    // The plain log lines (core.info) are single lines that start no command.
    const plain = logLines(action.log).filter((line) => parseCommand(line) === undefined)
    expect(plain.filter((line) => line.trimStart().startsWith('::'))).toEqual([])
  })

  it('SARIF: schema-valid, markdown inert, every URI http(s) or a relative path', () => {
    const path = action.outputs['sarif-file'] as string
    const log = JSON.parse(readFileSync(path, 'utf8')) as Log
    expect(schemaErrors(log)).toEqual([])
    const ingestion = MULTITOOL_SUPPORTED ? multitoolFindings({ gate: log }) : []
    expect(ingestion.filter((finding) => finding.level === 'error')).toEqual([])

    const problems: string[] = []
    walk(log, [], (key, value, where) => {
      if (key === 'markdown') {
        problems.push(...activeHostileMarkdown(value, []).map((problem) => `${where}: ${problem}`))
        problems.push(...foreignBlocks(value).map((line) => `${where}: block ${line.slice(0, 80)}`))
      }
      if (['helpUri', 'uri', 'informationUri'].includes(key) && !safeUri(value)) {
        problems.push(`${where}: ${value.slice(0, 200)}`)
      }
      if (key === 'text' && /(^|[^\\])\]\(/.test(value) && where.includes('message')) {
        problems.push(`${where}: embedded link in ${value.slice(0, 200)}`)
      }
      problems.push(...controlCharacters(value).map((hit) => `${where}: ${hit}`))
    })
    expect(problems).toEqual([])
    // The hostile code path stays a relative path inside the repository.
    const uris = (log.runs ?? []).flatMap((run) =>
      (run.results ?? []).map(
        (result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? ''
      )
    )
    expect(uris).toContain('javascript%3Aalert(5)')
  })
})

describe('hostile finding text through the CLI', () => {
  it.each([
    ['text', [], 1],
    ['markdown', [], 1],
    // fail-on none leaves only hostile-broken's error, whose message quotes the hostile severity:
    // it becomes the step's failure line on stderr.
    ['json', ['--fail-on', 'none'], 2]
  ] as const)(
    '--format %s %j: no terminal escapes, no workflow commands, exit %d',
    async (format, flags, exitCode) => {
      const fake = await start('hostile')
      const cli = await runCliBundle({
        endpoint: fake.url,
        args: [
          'gate',
          '--images',
          TARGETS.images,
          '--functions',
          TARGETS.functions,
          '--ignore-file',
          IGNORE_FILE,
          '--timeout',
          '20s',
          '--settle',
          '5s',
          '--format',
          format,
          ...flags
        ],
        files: { [IGNORE_FILE]: hostileIgnoreFile() },
        env: { INSPECTOR_GATE_POLL_INTERVAL: POLL }
      })
      expect(cli.exitCode).toBe(exitCode)
      const output = `${cli.stdout}${cli.stderr}`
      expect(controlCharacters(output)).toEqual([])
      expect(workflowCommands(output).map((command) => command.line.slice(0, 200))).toEqual([])
      expect(logLines(output).filter((line) => line.trimStart().startsWith('::'))).toEqual([])
      expect(formatProblems(format, cli)).toEqual([])
    }
  )
})

/**
 * For markdown output, the summary's checks; for text, a first line a script can read; for JSON,
 * the data itself, hostile text included, exactly as Inspector gave it.
 */
function formatProblems(format: 'text' | 'markdown' | 'json', cli: CliRun): string[] {
  if (format === 'text') {
    return cli.stdout.startsWith('inspector-gate: fail\n') ? [] : ['no "inspector-gate: fail" line']
  }
  if (format === 'json') {
    const printed = JSON.parse(cli.stdout) as { result: string; findings: { title: string }[] }
    const titles = printed.findings.map((finding) => finding.title)
    return [
      ...(printed.result === 'error' ? [] : [`result ${printed.result}`]),
      ...(titles.includes(hostileText('odd-id-title')) ? [] : ['hostile title not kept verbatim'])
    ]
  }
  return [
    ...activeHostileMarkdown(cli.stdout),
    ...foreignBlocks(cli.stdout),
    ...brokenTableRows(cli.stdout),
    ...(Buffer.byteLength(cli.stdout, 'utf8') <= SUMMARY_MAX_BYTES ? [] : ['over 1 MB'])
  ]
}

/** The data rows of the first table after the line starting with `heading`. */
function tableRowsAfter(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex((line) => line.startsWith(heading))
  const first = lines.findIndex((line, index) => index > start && line.startsWith('|'))
  const rows: string[] = []
  for (let index = first; index >= 0 && index < lines.length; index += 1) {
    const line = lines[index] as string
    if (!line.startsWith('|')) break
    rows.push(line)
  }
  // Header and separator lines first.
  return start < 0 ? [] : rows.slice(2)
}

function safeUri(uri: string): boolean {
  return /^https?:\/\//i.test(uri) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)
}

/** Calls `visit` with every string in a JSON value, its key and a path for messages. */
function walk(
  value: unknown,
  path: string[],
  visit: (key: string, value: string, where: string) => void
): void {
  if (typeof value === 'string') {
    visit(path[path.length - 1] ?? '', value, path.join('.'))
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, String(index)], visit))
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) walk(item, [...path, key], visit)
  }
}
