/**
 * Keeps the README honest: its Inputs and Outputs tables must match action.yml (names and
 * defaults), the examples must use only real inputs and parse, and the IAM policy it points to must
 * grant exactly the AWS calls the code makes.
 *
 * Default column convention in the README's Inputs table:
 *   `value`     the input's default, in backticks, exactly as action.yml has it
 *   (none)      action.yml's default is the empty string
 *   (required)  action.yml marks the input required and gives no default
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT_NAMES } from '../../src/inputs/catalogue.js'
import { parseIgnoreFile } from '../../src/gate/ignore-file.js'
import { MODES } from '../../src/inputs/catalogue.js'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')

interface ActionInput {
  description?: string
  required?: boolean
  default?: unknown
}
interface ActionYml {
  inputs: Record<string, ActionInput>
  outputs: Record<string, { description?: string }>
}

const action = parse(read('action.yml')) as ActionYml
const readme = read('README.md')

/** The lines of a `## heading` section, up to the next `## ` heading outside code fences. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n')
  const out: string[] = []
  let inFence = false
  let inSection = false
  for (const line of lines) {
    if (line.startsWith('```')) inFence = !inFence
    if (!inFence && /^## /.test(line)) {
      if (inSection) break
      inSection = line.trim() === `## ${heading}`
      continue
    }
    if (inSection) out.push(line)
  }
  if (!inSection && out.length === 0) throw new Error(`README has no "## ${heading}" section`)
  return out
}

/** Splits a table row on unescaped pipes; drops the empty cells outside the outer pipes. */
function cells(line: string): string[] {
  const parts = line.trim().split(/(?<!\\)\|/)
  return parts.slice(1, -1).map((cell) => cell.trim())
}

/** The first table of a section: its header cells and its body rows. */
function firstTable(lines: string[]): { header: string[]; rows: string[][] } {
  const start = lines.findIndex((line) => line.trim().startsWith('|'))
  if (start < 0) throw new Error('no table in section')
  const block: string[] = []
  for (const line of lines.slice(start)) {
    if (!line.trim().startsWith('|')) break
    block.push(line)
  }
  const [header, separator, ...body] = block
  expect(separator).toMatch(/^\|(\s*:?-+:?\s*\|)+$/)
  return { header: cells(header as string), rows: body.map(cells) }
}

/** `` `fail-on` `` → `fail-on`; anything else is a formatting mistake in the README. */
function nameOf(cell: string | undefined): string {
  const match = /^`([^`]+)`$/.exec(cell ?? '')
  if (!match) throw new Error(`name cell ${JSON.stringify(cell)} is not a single backticked name`)
  return match[1] as string
}

/** What the README's Default cell should say for an action.yml input. */
function expectedDefaultCell(input: ActionInput): string {
  if (input.default === undefined) return input.required === true ? '(required)' : '(none)'
  const value = String(input.default)
  return value === '' ? '(none)' : `\`${value}\``
}

function duplicates(names: string[]): string[] {
  return names.filter((name, index) => names.indexOf(name) !== index)
}

/** Every `with:` block given to this action anywhere in a parsed workflow or snippet. */
function gateWithBlocks(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(gateWithBlocks)
  if (node === null || typeof node !== 'object') return []
  const record = node as Record<string, unknown>
  const own =
    typeof record['uses'] === 'string' && /(^|\/)inspector-gate@/.test(record['uses'])
      ? [(record['with'] ?? {}) as Record<string, unknown>]
      : []
  return [...own, ...Object.values(record).flatMap(gateWithBlocks)]
}

function fencedBlocks(markdown: string, language: string): string[] {
  const pattern = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm')
  return [...markdown.matchAll(pattern)].map((match) => match[1] as string)
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')
}

describe('the Node.js the package requires', () => {
  it('is what the AWS SDK supports (22 or later), and the README says so', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } }
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { engines?: { node: string } }>
    }
    expect(pkg.engines.node).toBe('>=22')
    expect(lock.packages['']?.engines?.node).toBe(pkg.engines.node)
    expect(readme).toContain('on Node.js 22 or later')
  })
})

describe('README modes', () => {
  const headings = readme
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, ''))
  const intro = readme.slice(0, readme.indexOf('\n## Quick start'))
  const { rows } = firstTable(intro.split('\n'))
  const modeOf = (row: string[]): string => nameOf((row[0] ?? '').replace(/ \(default\)$/, ''))

  it('action.yml describes exactly the modes the program dispatches', () => {
    const input = action.inputs['mode'] as ActionInput
    const described = [...(input.description ?? '').matchAll(/`([a-z]+)` \(/g)].map((m) => m[1])
    expect(described).toEqual([...MODES])
    expect(input.default).toBe('gate')
  })

  it('opens with a table of every mode, and each row links to a heading that exists', () => {
    expect(rows.map(modeOf)).toEqual([...MODES])
    expect(rows[0]?.[0]).toBe('`gate` (default)')
    for (const row of rows) {
      const links = [...(row.at(-1) ?? '').matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1])
      expect(links.length).toBeGreaterThan(0)
      for (const link of links) expect(headings.map(anchorOf)).toContain(link)
    }
  })

  it('has a section for every mode but the default one', () => {
    for (const mode of MODES.filter((m) => m !== 'gate')) {
      const title = `${mode[0]?.toUpperCase()}${mode.slice(1)} mode`
      expect(section(readme, title).join('\n')).toContain(`mode: ${mode}`)
    }
  })

  it('says nothing is missing that exists: no "one mode", "not built yet" or "coming" mode', () => {
    // Across line breaks too: a wrapped "not\n built yet" slipped past a plain pattern.
    for (const text of [readme, read('action.yml'), read('src/ensure-enabled/enable.ts')]) {
      expect(text).not.toMatch(
        /has\s+(only\s+)?one\s+mode|not\s+built\s+yet|the\s+coming\s+`?mode|left\s+to\s+the\s+setup\s+mode/i
      )
    }
  })
})

describe('README Inputs table', () => {
  const { header, rows } = firstTable(section(readme, 'Inputs'))
  const names = rows.map((row) => nameOf(row[0]))

  it('has the columns Name | Default | Description', () => {
    expect(header).toEqual(['Name', 'Default', 'Description'])
  })

  it('lists every input of action.yml once, and nothing else', () => {
    expect(duplicates(names)).toEqual([])
    expect([...names].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  it('shows each default exactly as action.yml declares it', () => {
    for (const row of rows) {
      const name = nameOf(row[0])
      const input = action.inputs[name] as ActionInput
      expect({ name, default: row[1] }).toEqual({ name, default: expectedDefaultCell(input) })
    }
  })

  it('describes every input', () => {
    for (const row of rows) expect(row[2]?.length ?? 0).toBeGreaterThan(0)
  })

  /**
   * What the README says of an input's scope, action.yml (and so `--help`) says too: words that a
   * description once got wrong (`max-findings` per image, `on-unscannable` for images only).
   */
  it.each([
    ['max-findings', ['per target', 'images', 'functions']],
    ['on-unscannable', ['Inspector or ECR', 'a target', 'on-error']],
    ['timeout', ['the whole gate', 'ensure-enabled: enable']],
    ['settle', ["scan event's counts", 'error']],
    ['on-error', ['setup problem', 'unsettled findings', 'timeout']]
  ])('README and action.yml say the same of %s', (name, phrases) => {
    const plain = (text: string | undefined): string =>
      (text ?? '').replace(/`/g, '').replace(/\s+/g, ' ')
    const row = rows.find((r) => nameOf(r[0]) === name)
    for (const phrase of phrases) {
      expect({ name, phrase, readme: plain(row?.[2]).includes(phrase) }).toEqual({
        name,
        phrase,
        readme: true
      })
      expect({
        name,
        phrase,
        action: plain(action.inputs[name]?.description).includes(phrase)
      }).toEqual({
        name,
        phrase,
        action: true
      })
    }
  })

  it('matches the list of inputs the action reads', () => {
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(action.inputs).sort())
  })
})

describe('README Outputs table', () => {
  const { header, rows } = firstTable(section(readme, 'Outputs'))
  const names = rows.map((row) => nameOf(row[0]))

  it('has the columns Name | Description', () => {
    expect(header).toEqual(['Name', 'Description'])
  })

  it('lists every output of action.yml once, and nothing else', () => {
    expect(duplicates(names)).toEqual([])
    expect([...names].sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it('describes every output', () => {
    for (const row of rows) expect(row[1]?.length ?? 0).toBeGreaterThan(0)
  })
})

describe('examples', () => {
  const inputs = Object.keys(action.inputs)
  const sources: Array<[string, unknown]> = [
    ...fencedBlocks(readme, 'yaml').map((text, i): [string, unknown] => [
      `README yaml block ${i + 1}`,
      parse(text)
    ]),
    ...readdirSync(new URL('workflows-examples/', root))
      .filter((file) => file.endsWith('.yml'))
      .map((file): [string, unknown] => [
        `workflows-examples/${file}`,
        parse(read(`workflows-examples/${file}`))
      ])
  ]

  it('pass only declared inputs to the action, and gate steps name images, functions or SBOMs', () => {
    const uses = sources.flatMap(([where, doc]) =>
      gateWithBlocks(doc).map((block) => ({
        where,
        keys: Object.keys(block),
        // setup and report gate nothing, so they name no targets.
        setup: ['setup', 'report'].includes(String((block as Record<string, unknown>)['mode']))
      }))
    )
    expect(uses.map((u) => u.where)).toEqual(
      expect.arrayContaining([
        'README yaml block 1',
        'workflows-examples/ecr-push-gate.yml',
        'workflows-examples/lambda-deploy-gate.yml',
        'workflows-examples/prepush-sbom-gate.yml',
        'workflows-examples/security-baseline.yml'
      ])
    )
    for (const { where, keys, setup } of uses) {
      expect({ where, unknown: keys.filter((key) => !inputs.includes(key)) }).toEqual({
        where,
        unknown: []
      })
      // A gate needs something to gate; setup gates nothing.
      const hasTargets = setup || ['images', 'functions', 'sboms'].some((k) => keys.includes(k))
      expect({ where, hasTargets }).toEqual({ where, hasTargets: true })
    }
  })

  it('the pre-push example pushes nothing before the SBOM gate, and pushes after it', () => {
    type Step = { uses?: string; run?: string; with?: Record<string, unknown> }
    const workflow = parse(read('workflows-examples/prepush-sbom-gate.yml')) as {
      jobs: Record<string, { steps: Step[] }>
    }
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
    const gate = steps.findIndex((step) => step.uses?.includes('inspector-gate') === true)
    const push = steps.findIndex((step) => step.run?.includes('docker push') === true)
    const builds = steps.filter(
      (step) => step.uses?.startsWith('docker/build-push-action') === true
    )

    expect(steps[gate]?.with?.['sboms']).toBe('sbom.cdx.json')
    expect(push).toBeGreaterThan(gate)
    expect(builds.map((step) => [step.with?.['push'], step.with?.['load']])).toEqual([
      [undefined, true]
    ])
  })

  it('the weekly report example keeps the previous report where it survives a week, not in a cache', () => {
    // GitHub evicts a cache after 7 days unused: on a weekly schedule it would never be there.
    type Step = { uses?: string; run?: string; with?: Record<string, unknown> }
    const text = read('workflows-examples/weekly-compliance-report.yml')
    const workflow = parse(text) as { jobs: Record<string, { steps: Step[] }> }
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
    const download = steps.findIndex((step) => step.run?.includes('gh run download') === true)
    const report = steps.findIndex((step) => step.uses?.includes('inspector-gate') === true)
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact') === true)

    expect(text).not.toMatch(/actions\/cache/)
    expect(download).toBeGreaterThanOrEqual(0)
    expect(download).toBeLessThan(report)
    expect(steps[download]?.run).toContain(`--name ${String(upload?.with?.['name'])}`)
    expect(steps[report]?.with?.['previous-report']).toBe('previous/report.json')
    expect(Number(upload?.with?.['retention-days'])).toBeGreaterThan(7)
  })

  it('the ignore-file example is accepted by the ignore-file parser', () => {
    const example = fencedBlocks(section(readme, 'Ignore file').join('\n'), 'yaml')[0]
    expect(example).toBeDefined()
    const rules = parseIgnoreFile(example as string, '.inspector-ignore.yml')
    expect(rules.length).toBeGreaterThan(0)
    const used = new Set(rules.flatMap((rule) => Object.keys(rule)))
    for (const field of ['id', 'reason', 'expires', 'repository', 'image', 'package']) {
      expect({ field, used: used.has(field) }).toEqual({ field, used: true })
    }
  })
})

describe('README on infra/', () => {
  const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']

  it('the IAM section names every policy in infra/iam/, and says how many there are', () => {
    const text = section(readme, 'IAM permissions').join('\n')
    const files = readdirSync(new URL('infra/iam/', root)).filter((f) => f.endsWith('.json'))
    for (const file of files) expect(text).toContain(`(infra/iam/${file})`)
    const count = /^(\w+) least-privilege policies/im.exec(text)?.[1]?.toLowerCase()
    expect(count).toBe(NUMBERS[files.length])
  })

  it('the development tree shows everything in infra/', () => {
    const tree = section(readme, 'Development').join('\n')
    const entries = readdirSync(new URL('infra/', root), { withFileTypes: true })
    for (const entry of entries) {
      const name = entry.isDirectory() ? `infra/${entry.name}/` : entry.name
      expect({ entry: entry.name, shown: tree.includes(name) }).toEqual({
        entry: entry.name,
        shown: true
      })
    }
  })
})

describe('IAM policies in infra/iam/', () => {
  interface Statement {
    Sid?: string
    Effect: string
    Action: string | string[]
    Resource: string | string[]
  }
  interface PolicyDocument {
    Version: string
    Statement: Statement[]
  }
  const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value])
  const files = readdirSync(new URL('infra/iam/', root)).filter((f) => f.endsWith('.json'))
  const policies = new Map(
    files.map((file) => [file, JSON.parse(read(`infra/iam/${file}`)) as PolicyDocument])
  )
  const grantedBy = (policy: PolicyDocument): string[] =>
    policy.Statement.flatMap((s) => list(s.Action))
  /** CloudFormation resource namespaces whose IAM prefix differs from the lower-cased name. */
  const serviceOf = (namespace: string): string =>
    ({ Events: 'events', IAM: 'iam', Lambda: 'lambda', Logs: 'logs', SNS: 'sns', SQS: 'sqs' })[
      namespace
    ] ?? namespace.toLowerCase()
  /** Needed but not an SDK call the source makes: Inspector and Security Hub create it on enable. */
  const NOT_SDK_CALLS = new Set(['iam:CreateServiceLinkedRole'])
  /** SDK client packages whose IAM prefix differs from the package name. */
  const IAM_PREFIX: Record<string, string> = { 'cloudwatch-logs': 'logs' }

  /** `ecr:DescribeImages` for every SDK command or paginator the source imports and uses. */
  function actionsCalledBySource(): string[] {
    // The responder Lambda runs under its own role, which infra/responder.yaml grants.
    const files = readdirSync(new URL('src/', root), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.startsWith('responder-lambda/')
    )
    const called = new Set<string>()
    const imports = /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([a-z0-9-]+)'/g
    for (const file of files) {
      const source = read(`src/${file}`)
      for (const [, names, service] of source.matchAll(imports)) {
        for (const raw of (names as string).split(',')) {
          const name = raw.trim()
          if (name === '' || name.startsWith('type ')) continue
          const operation = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1]
          if (operation !== undefined) {
            called.add(`${IAM_PREFIX[service as string] ?? (service as string)}:${operation}`)
          }
        }
      }
      // Inspector Scan has no installable SDK client: its adapter names the action it calls.
      for (const [, action] of source.matchAll(/_ACTION = '([a-z0-9-]+:[A-Za-z]+)'/g)) {
        called.add(action as string)
      }
    }
    return [...called]
  }

  it('has a policy per mode: gate (images, functions, SBOMs), ensure-enabled: enable, setup, report', () => {
    expect([...files].sort()).toEqual(
      [
        'ensure-enabled-policy.json',
        'gate-ecr-policy.json',
        'gate-lambda-policy.json',
        'gate-sbom-policy.json',
        'report-policy.json',
        'setup-policy.json'
      ].sort()
    )
  })

  it.each(files)('%s is a valid policy with unique Sids and no wildcard actions', (file) => {
    const policy = policies.get(file) as PolicyDocument
    expect(policy.Version).toBe('2012-10-17')
    const sids = policy.Statement.map((s) => s.Sid ?? '')
    for (const sid of sids) expect(sid).toMatch(/^[A-Za-z0-9]+$/)
    expect(duplicates(sids)).toEqual([])
    for (const statement of policy.Statement) expect(statement.Effect).toBe('Allow')
    const granted = grantedBy(policy)
    for (const action of granted) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/)
    expect(duplicates(granted)).toEqual([])
  })

  it('together grant every AWS call the code makes (sts:GetCallerIdentity needs none)', () => {
    const granted = new Set([...policies.values()].flatMap(grantedBy))
    const needed = actionsCalledBySource().filter((a) => a !== 'sts:GetCallerIdentity')
    expect(needed.filter((a) => !granted.has(a))).toEqual([])
  })

  it.each([
    'gate-ecr-policy.json',
    'gate-lambda-policy.json',
    'gate-sbom-policy.json',
    'ensure-enabled-policy.json'
  ])('%s grants only calls the action makes', (file) => {
    const called = new Set(actionsCalledBySource())
    const extra = grantedBy(policies.get(file) as PolicyDocument).filter(
      (a) => !called.has(a) && !NOT_SDK_CALLS.has(a)
    )
    expect(extra).toEqual([])
  })

  it('setup-policy.json grants only the action’s calls and what CloudFormation needs for the responder stack', () => {
    // The services whose resources the responder template declares (AWS::Events::Rule → events…).
    const template = read('infra/responder.yaml')
    const stackServices = new Set(
      [...template.matchAll(/Type:\s*AWS::(\w+)::/g)].map((m) => serviceOf(m[1] as string))
    )
    const called = new Set(actionsCalledBySource())
    const extra = grantedBy(policies.get('setup-policy.json') as PolicyDocument).filter(
      (a) =>
        !called.has(a) && !NOT_SDK_CALLS.has(a) && !stackServices.has(a.split(':')[0] as string)
    )
    expect(extra).toEqual([])
  })

  it('lists in the README permissions table every call the action itself makes', () => {
    const { rows } = firstTable(section(readme, 'IAM permissions'))
    const listed = rows.map((row) => nameOf(row[0]))
    const needed = actionsCalledBySource().filter((a) => a !== 'sts:GetCallerIdentity')
    expect(needed.filter((a) => !listed.includes(a))).toEqual([])
  })
})
