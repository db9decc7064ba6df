import { INPUT_NAMES } from '../action/input-names.js'
import { PROJECT_URL, VERSION } from '../version.js'

/** Which inputs each mode reads; every other input is shared or belongs to the responder stack. */
const GROUPS: { title: string; inputs: readonly string[] }[] = [
  {
    title: 'gate (default)',
    inputs: [
      'images',
      'functions',
      'code-scanning',
      'fail-on',
      'max-findings',
      'untriaged-as',
      'fixable-only',
      'ignore-file',
      'timeout',
      'settle',
      'scan-event-log-group',
      'on-unscannable',
      'on-error',
      'ensure-enabled',
      'findings-file',
      'summary',
      'sarif-file',
      'sarif-location',
      'pr-comment',
      'github-token'
    ]
  },
  { title: 'setup', inputs: ['scan-types', 'ecr-rescan-duration', 'standards', 'insights'] },
  {
    title: 'gate and setup: the responder stack',
    inputs: INPUT_NAMES.filter(
      (name) => name.startsWith('responder-') || name === 'deploy-responder'
    )
  },
  {
    title: 'report',
    inputs: [
      'period',
      'report-dir',
      'report-products',
      'report-severities',
      'report-accounts',
      'report-resource-types',
      'report-workflow-statuses',
      'remediation-targets',
      'previous-report',
      'on-error',
      'sns-topic-arn',
      's3-uri'
    ]
  }
]

export function usage(): string {
  const groups = GROUPS.map(
    ({ title, inputs }) =>
      `  ${title}:\n${wrap(
        inputs.map((name) => `--${name}`),
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
