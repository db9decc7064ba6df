/**
 * Every input of the action and flag of the CLI, in one place: its name, the modes that read it,
 * its default and whether it holds a list. action.yml declares the same names and defaults (a
 * test holds them equal), the CLI's flags and `--help` are made from this list, and the config
 * builders read defaults from it. Adding an input touches action.yml, this list and the mode's
 * config builder.
 */

export const MODES = ['gate', 'setup', 'report'] as const
export type Mode = (typeof MODES)[number]

export interface InputSpec {
  readonly name: string
  /** The modes that read it; the CLI's `--help` groups inputs by them. */
  readonly modes: readonly Mode[]
  /** What an empty or absent input means, as action.yml's `default`. */
  readonly default: string
  /** One value per line (or comma-separated); the CLI flag may be repeated. */
  readonly list?: true
  /** action.yml's default when it is a workflow expression the CLI cannot evaluate. */
  readonly actionDefault?: string
}

const GATE = ['gate'] as const
const SETUP = ['setup'] as const
const REPORT = ['report'] as const
/** The responder stack: deployed by setup, or alongside a gate. */
const RESPONDER = ['gate', 'setup'] as const

export const INPUTS = [
  { name: 'mode', modes: MODES, default: 'gate' },
  { name: 'images', modes: GATE, default: '', list: true },
  { name: 'functions', modes: GATE, default: '', list: true },
  { name: 'sboms', modes: GATE, default: '', list: true },
  { name: 'code-scanning', modes: GATE, default: 'auto' },
  { name: 'fail-on', modes: GATE, default: 'high' },
  { name: 'max-findings', modes: GATE, default: '', list: true },
  { name: 'untriaged-as', modes: GATE, default: 'high' },
  { name: 'fixable-only', modes: GATE, default: 'false' },
  { name: 'fail-on-exploitable', modes: GATE, default: 'false' },
  { name: 'fail-on-epss', modes: GATE, default: '' },
  { name: 'min-score', modes: GATE, default: '' },
  { name: 'ignore-file', modes: GATE, default: '' },
  { name: 'timeout', modes: GATE, default: '15m' },
  { name: 'settle', modes: GATE, default: '60s' },
  { name: 'scan-event-log-group', modes: GATE, default: '' },
  { name: 'on-unscannable', modes: GATE, default: 'fail' },
  { name: 'on-error', modes: ['gate', 'report'], default: 'fail' },
  { name: 'ensure-enabled', modes: GATE, default: 'check' },
  { name: 'findings-file', modes: GATE, default: '' },
  { name: 'summary', modes: GATE, default: 'true' },
  { name: 'sarif-file', modes: GATE, default: '' },
  { name: 'sarif-location', modes: GATE, default: '' },
  { name: 'pr-comment', modes: GATE, default: 'auto' },
  // The CLI falls back to GITHUB_TOKEN from the environment (publish-config.ts).
  { name: 'github-token', modes: GATE, default: '', actionDefault: '${{ github.token }}' },
  { name: 'scan-types', modes: SETUP, default: 'ec2, ecr, lambda', list: true },
  { name: 'ecr-rescan-duration', modes: SETUP, default: '' },
  {
    name: 'standards',
    modes: SETUP,
    default: 'aws-foundational-security-best-practices, cis-aws-foundations-benchmark',
    list: true
  },
  { name: 'insights', modes: SETUP, default: 'true' },
  // Organization-wide setup (issue 18), kept together.
  { name: 'organization', modes: SETUP, default: 'false' },
  { name: 'regions', modes: SETUP, default: '', list: true },
  { name: 'aggregate-regions', modes: SETUP, default: 'false' },
  { name: 'deploy-responder', modes: RESPONDER, default: 'false' },
  { name: 'responder-stack-name', modes: RESPONDER, default: 'inspector-gate-responder' },
  { name: 'responder-email', modes: RESPONDER, default: '' },
  { name: 'responder-kms-key-arn', modes: RESPONDER, default: '' },
  { name: 'responder-inspector-only', modes: RESPONDER, default: 'true' },
  { name: 'responder-log-retention-days', modes: RESPONDER, default: '30' },
  { name: 'responder-scan-events', modes: RESPONDER, default: 'true' },
  { name: 'period', modes: REPORT, default: '7d' },
  { name: 'report-dir', modes: REPORT, default: 'inspector-gate-report' },
  { name: 'report-products', modes: REPORT, default: '', list: true },
  { name: 'report-severities', modes: REPORT, default: '', list: true },
  { name: 'report-accounts', modes: REPORT, default: '', list: true },
  { name: 'report-regions', modes: REPORT, default: '', list: true },
  { name: 'report-resource-types', modes: REPORT, default: '', list: true },
  { name: 'report-workflow-statuses', modes: REPORT, default: '', list: true },
  {
    name: 'remediation-targets',
    modes: REPORT,
    default: 'critical=2, high=14, medium=30, low=90',
    list: true
  },
  { name: 'previous-report', modes: REPORT, default: '' },
  { name: 'sns-topic-arn', modes: REPORT, default: '' },
  { name: 's3-uri', modes: REPORT, default: '' }
] as const satisfies readonly InputSpec[]

export type InputName = (typeof INPUTS)[number]['name']

export const INPUT_NAMES: readonly InputName[] = INPUTS.map((input) => input.name)

const BY_NAME = new Map<string, InputSpec>(INPUTS.map((input) => [input.name, input]))

export function inputSpec(name: string): InputSpec | undefined {
  return BY_NAME.get(name)
}
