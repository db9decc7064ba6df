import { INPUTS, type InputSpec, type Mode } from '../inputs/catalogue.js'
import { PROJECT_URL, VERSION } from '../version.js'

const responderStack = (input: InputSpec): boolean =>
  input.modes.length === 2 && input.modes.includes('gate') && input.modes.includes('setup')
const readBy =
  (mode: Mode) =>
  (input: InputSpec): boolean =>
    input.name !== 'mode' && input.modes.includes(mode) && !responderStack(input)

/** The catalogue's inputs by the modes that read them; the responder stack's have their own. */
const GROUPS: { title: string; inputs: readonly InputSpec[] }[] = [
  { title: 'gate (default)', inputs: INPUTS.filter(readBy('gate')) },
  { title: 'setup', inputs: INPUTS.filter(readBy('setup')) },
  { title: 'gate and setup: the responder stack', inputs: INPUTS.filter(responderStack) },
  { title: 'report', inputs: INPUTS.filter(readBy('report')) }
]

export function usage(): string {
  const groups = GROUPS.map(
    ({ title, inputs }) =>
      `  ${title}:\n${wrap(
        inputs.map((input) => `--${input.name}`),
        '    '
      )}`
  )
  return `inspector-gate ${VERSION}: gate builds on Amazon Inspector findings.

Usage: inspector-gate [gate|setup|report] [--<input> <value>]...

Every input of the GitHub Action is a flag of the same name (see ${PROJECT_URL}#inputs).
List inputs (images, functions, standards…) may be repeated. AWS credentials and the region come
from the usual AWS environment (AWS_REGION, AWS_PROFILE, instance or task roles…).

Inputs:
${groups.join('\n')}

CLI options:
  --format text|json|markdown   what is printed on stdout (default text; json is the findings file)
  --outputs-file <path>         the step outputs: INSPECTOR_GATE_<NAME>=value lines, or JSON for *.json
  --summary-file <path>         append the markdown job summary to this file
  --verbose                     debug lines on stderr
  --help, --version

Exit codes: 0 pass, 1 the policy failed the build, 2 no verdict (tool, input or AWS error).
`
}

function wrap(words: string[], indent: string): string {
  const lines: string[] = []
  let current = indent
  for (const word of words) {
    if (current.length + word.length + 1 > 100 && current.trim() !== '') {
      lines.push(current.trimEnd())
      current = indent
    }
    current += `${word} `
  }
  lines.push(current.trimEnd())
  return lines.join('\n')
}
