import { INPUTS, type InputSpec, type Mode } from '../inputs/catalogue.js'
import { INPUT_DESCRIPTIONS } from '../inputs/descriptions.js'
import { PROJECT_URL, VERSION } from '../version.js'

const WIDTH = 100

const responderStack = (input: InputSpec): boolean =>
  input.modes.length === 2 && input.modes.includes('gate') && input.modes.includes('setup')
const readBy =
  (mode: Mode) =>
  (input: InputSpec): boolean =>
    input.name !== 'mode' && input.modes.includes(mode) && !responderStack(input)

interface Group {
  title: string
  inputs: readonly InputSpec[]
}

const GATE: Group = { title: 'gate (the default mode)', inputs: INPUTS.filter(readBy('gate')) }
const SETUP: Group = { title: 'setup', inputs: INPUTS.filter(readBy('setup')) }
const RESPONDER: Group = {
  title: 'the responder stack (gate and setup)',
  inputs: INPUTS.filter(responderStack)
}
const REPORT: Group = { title: 'report', inputs: INPUTS.filter(readBy('report')) }

/** The catalogue's inputs by the modes that read them; the responder stack's have their own. */
const GROUPS: Record<Mode, readonly Group[]> = {
  gate: [GATE, RESPONDER],
  setup: [SETUP, RESPONDER],
  report: [REPORT]
}

const CLI_OPTIONS = `CLI options:
  --format text|json|markdown   what is printed on stdout (default text; json is the findings file)
  --outputs-file <path>         the step outputs: INSPECTOR_GATE_<NAME>=value lines (JSON: *.json)
  --summary-file <path>         append the markdown job summary to this file
  --verbose                     debug lines on stderr
  --help, --version`

const CREDENTIALS = `AWS credentials and the Region come from the AWS SDK's usual chain: AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), AWS_PROFILE with ~/.aws/config and credentials
(including SSO: aws sso login), web identity, or the container's or instance's role; the Region
from AWS_REGION or the profile.`

/**
 * `--help`: every flag with its description and default, grouped by the modes that read it; with a
 * mode (`inspector-gate report --help`), that mode's flags only. The words are action.yml's (see
 * inputs/descriptions.ts), so the CLI and the action explain an input alike.
 */
export function usage(mode?: Mode): string {
  const groups = mode === undefined ? [GATE, SETUP, RESPONDER, REPORT] : GROUPS[mode]
  const command = mode === undefined ? '[gate|setup|report]' : mode
  return `inspector-gate ${VERSION}: gate builds on Amazon Inspector findings.

Usage: inspector-gate ${command} [--<input> <value>]...
       inspector-gate <mode> --help   the flags of one mode only

Every input of the GitHub Action is a flag of the same name (see ${PROJECT_URL}#inputs).
Flags marked "repeatable" hold a list: give the flag once per value, or the values comma-separated.
${CREDENTIALS}

${groups.map(renderGroup).join('\n\n')}

${CLI_OPTIONS}

Exit codes: 0 pass, 1 the policy failed the build, 2 no verdict (tool, input or AWS error).
`
}

function renderGroup(group: Group): string {
  return `Flags of ${group.title}:\n${group.inputs.map(renderFlag).join('\n')}`
}

/** `  --fail-on <value>   default: high` and the description, wrapped, under it. */
function renderFlag(input: InputSpec): string {
  const value = input.list ? '<value> (repeatable)' : '<value>'
  const heading = `  --${input.name} ${value}`
  const fallback = `default: ${input.default}`
  const description = forTerminal(INPUT_DESCRIPTIONS[input.name as keyof typeof INPUT_DESCRIPTIONS])
  if (input.default === '') return `${heading}\n${wrap(description, '      ')}`
  // A long default (the standards) goes under the heading rather than past the width.
  if (heading.length + 3 + fallback.length <= WIDTH) {
    return `${heading}   ${fallback}\n${wrap(description, '      ')}`
  }
  return `${heading}\n${wrap(`${fallback}.`, '      ')}\n${wrap(description, '      ')}`
}

/** action.yml's words for a terminal: no markdown backticks, no `setup:` a mode group already says. */
function forTerminal(description: string): string {
  return description.replace(/^(setup|report): /, '').replace(/`/g, '')
}

function wrap(text: string, indent: string): string {
  const lines: string[] = []
  let current = indent
  for (const word of text.split(/\s+/)) {
    if (current.length + word.length + 1 > WIDTH && current.trim() !== '') {
      lines.push(current.trimEnd())
      current = indent
    }
    current += `${word} `
  }
  lines.push(current.trimEnd())
  return lines.join('\n')
}
