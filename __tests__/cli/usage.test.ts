import { describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/main.js'
import { INPUTS, MODES, type InputSpec, type Mode } from '../../src/inputs/catalogue.js'
import { INPUT_DESCRIPTIONS } from '../../src/inputs/descriptions.js'

const specs: readonly InputSpec[] = INPUTS

async function help(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, {
    streams: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
    env: {},
    cwd: '/nowhere'
  })
  return { code, out: out.join(''), err: err.join('') }
}

/** The help text of one flag: its heading line and the indented description lines under it. */
function flagBlock(text: string, name: string): string | undefined {
  const lines = text.split('\n')
  const start = lines.findIndex((line) => line.startsWith(`  --${name} `))
  if (start === -1) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => !line.startsWith('      '))
  return [lines[start], ...rest.slice(0, end === -1 ? undefined : end)].join('\n')
}

const words = (text: string): string =>
  text
    .replace(/`/g, '')
    .replace(/^(setup|report): /, '')
    .replace(/\s+/g, ' ')
    .trim()

describe('inspector-gate --help', () => {
  it("gives every flag action.yml's description and the catalogue's default", async () => {
    const { code, out } = await help(['--help'])
    expect(code).toBe(0)
    for (const input of specs.filter((i) => i.name !== 'mode')) {
      const block = flagBlock(out, input.name)
      expect({ name: input.name, found: block !== undefined }).toEqual({
        name: input.name,
        found: true
      })
      const [heading = '', ...under] = (block ?? '').split('\n')
      // A default too long for the heading line is the first line under it.
      const fallback = `default: ${input.default}`
      const ownLine = under[0]?.trim() === `${fallback}.`
      const description = ownLine ? under.slice(1) : under
      expect({ name: input.name, description: words(description.join(' ')) }).toEqual({
        name: input.name,
        description: words(INPUT_DESCRIPTIONS[input.name as keyof typeof INPUT_DESCRIPTIONS])
      })
      const shown = {
        default: input.default === '' || ownLine || heading.includes(fallback),
        repeatable: heading.includes('(repeatable)')
      }
      expect({ name: input.name, ...shown }).toEqual({
        name: input.name,
        default: true,
        repeatable: input.list === true
      })
    }
  })

  it('keeps every line within 100 columns but the project URL', async () => {
    const { out } = await help(['--help'])
    const long = out.split('\n').filter((line) => line.length > 100 && !line.includes('https://'))
    expect(long).toEqual([])
  })

  it.each<Mode>([...MODES])('`%s --help` lists exactly the flags that mode reads', async (mode) => {
    for (const argv of [
      [mode, '--help'],
      ['--help', `--mode=${mode}`]
    ]) {
      const { code, out, err } = await help(argv)
      expect({ code, err }).toEqual({ code: 0, err: '' })
      const listed = [...out.matchAll(/^ {2}--([a-z0-9-]+) <value>/gm)].map((m) => m[1])
      const reads = specs.filter((i) => i.name !== 'mode' && i.modes.includes(mode))
      expect(listed.sort()).toEqual(reads.map((i) => i.name).sort())
      expect(out).toContain(`Usage: inspector-gate ${mode} `)
      expect(out).toContain('--format text|json|markdown')
    }
  })

  it('says how the AWS SDK finds credentials, not how a GitHub workflow gets them', async () => {
    const { out } = await help(['--help'])
    for (const way of ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'SSO', 'role', 'AWS_REGION']) {
      expect(out).toContain(way)
    }
    expect(out).not.toContain('configure-aws-credentials')
  })

  it('refuses help for a word that is not a mode, in one line on stderr', async () => {
    const { code, out, err } = await help(['gat', '--help'])
    expect({ code, out }).toEqual({ code: 2, out: '' })
    expect(err).toBe('inspector-gate: "gat" is not a mode; use one of gate, setup, report\n')
  })
})
