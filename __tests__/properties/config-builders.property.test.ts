import { isAbsolute } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { INPUT_NAMES } from '../../src/inputs/catalogue.js'
import { buildGateConfig, type ReadFile } from '../../src/gate/config.js'
import type { RawInputs } from '../../src/inputs/read.js'
import { parseIgnoreFile } from '../../src/gate/ignore-file.js'
import { buildPublishConfig } from '../../src/gate/publish-config.js'
import { buildReportSettings } from '../../src/report/config.js'
import { buildResponderConfig } from '../../src/responder-stack/config.js'
import { buildSetupConfig } from '../../src/setup/config.js'
import { InputError } from '../../src/inputs/values.js'
import { SECURITY_HUB_SEVERITIES } from '../../src/domain/report.js'
import { RANKED_SEVERITIES } from '../../src/domain/severity.js'
import {
  accountId,
  anyCase,
  anyText,
  attempt,
  huge,
  HUGE_RUNS,
  hostile,
  padding,
  regionName,
  rejectionProblems,
  RUNS,
  type Outcome
} from './support.js'
import {
  budgetText,
  validBudgets,
  validDuration,
  validFunctionReference,
  validUri
} from './valid-values.js'

type InputName = (typeof INPUT_NAMES)[number]

/** Environment variables the builders read; a message may name them instead of an input. */
const ENV_NAMES = ['INSPECTOR_GATE_POLL_INTERVAL'] as const
const IGNORE_PATH = '.inspector-ignore.yml'
const SBOM_PATH = 'sbom.cdx.json'
/** A minimal CycloneDX 1.5 document, as syft writes one. */
const SBOM_TEXT = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [] })
const WORKSPACE = '/work/repo'

const choice = (...values: string[]): fc.Arbitrary<string> =>
  fc
    .constantFrom(...values)
    .chain((value) =>
      fc.tuple(anyCase(value), padding).map(([written, pad]) => `${pad}${written}${pad}`)
    )
const optional = (value: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 3, arbitrary: value })
const list = (item: fc.Arbitrary<string>, separator = ', '): fc.Arbitrary<string> =>
  fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(separator))
/** One entry per line, with blank and comment lines around. */
const lines = (item: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(item, { minLength: 1, maxLength: 3 }),
      fc.array(fc.constantFrom('', '# a comment', '  # indented'), { maxLength: 2 }),
      fc.boolean()
    )
    .map(([items, notes, first]) =>
      (first ? [...notes, ...items] : [...items, ...notes]).join('\n')
    )
const relativePath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,15}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('/'))
const booleanText = choice('true', 'false')
const RETENTION = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653
]

/** What the README documents as a valid value of each input (empty: the default). */
const VALID: Record<InputName, fc.Arbitrary<string>> = {
  mode: choice('gate', 'setup', 'report'),
  images: lines(validUri),
  functions: optional(lines(validFunctionReference)),
  sboms: optional(fc.constant(SBOM_PATH)),
  'code-scanning': optional(choice('auto', 'true', 'false')),
  'fail-on': optional(choice(...RANKED_SEVERITIES, 'none')),
  'max-findings': validBudgets,
  'untriaged-as': optional(choice(...RANKED_SEVERITIES)),
  'fixable-only': optional(booleanText),
  'fail-on-exploitable': optional(booleanText),
  'fail-on-epss': optional(
    fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map((n) => String(n / 1000)),
      fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`)
    )
  ),
  'min-score': optional(fc.integer({ min: 0, max: 100 }).map((n) => (n / 10).toFixed(1))),
  'ignore-file': optional(fc.constant(IGNORE_PATH)),
  timeout: optional(
    fc.oneof(
      fc.integer({ min: 1, max: 100_000 }).map((n) => `${n}s`),
      fc.integer({ min: 1, max: 1_000 }).map((n) => `${n}m`),
      fc.tuple(fc.nat(24), fc.integer({ min: 1, max: 59 })).map(([h, m]) => `${h}h${m}m`)
    )
  ),
  settle: optional(validDuration),
  'scan-event-log-group': optional(fc.stringMatching(/^[.\-_/#A-Za-z0-9]{1,80}$/)),
  'on-unscannable': optional(choice('fail', 'warn')),
  'on-error': optional(choice('fail', 'warn')),
  'ensure-enabled': optional(choice('check', 'enable', 'off')),
  'findings-file': optional(relativePath),
  summary: optional(booleanText),
  'sarif-file': optional(relativePath),
  'sarif-location': optional(relativePath),
  'pr-comment': optional(choice('auto', 'always', 'off')),
  'github-token': optional(fc.stringMatching(/^gh[ps]_[A-Za-z0-9]{20,40}$/)),
  'scan-types': optional(
    fc.subarray(['ec2', 'ecr', 'lambda', 'lambda-code'], { minLength: 1 }).map((t) => t.join(', '))
  ),
  'ecr-rescan-duration': optional(
    choice('3d', '7d', '14d', '30d', '60d', '90d', '180d', 'lifetime')
  ),
  standards: optional(
    fc.oneof(
      choice('none'),
      list(
        fc.constantFrom(
          'fsbp',
          'cis',
          'nist',
          'pci',
          'aws-foundational-security-best-practices',
          'cis-aws-foundations-benchmark@1.4.0'
        )
      )
    )
  ),
  insights: optional(booleanText),
  organization: optional(booleanText),
  regions: optional(fc.array(regionName, { maxLength: 3 }).map((r) => r.join(', '))),
  'aggregate-regions': optional(booleanText),
  'deploy-responder': optional(booleanText),
  'responder-stack-name': optional(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,54}$/)),
  'responder-email': optional(fc.stringMatching(/^[a-z0-9.+]{1,10}@[a-z0-9]{1,10}\.[a-z]{2,5}$/)),
  'responder-kms-key-arn': optional(
    fc
      .tuple(regionName, accountId, fc.uuid())
      .map(([region, account, id]) => `arn:aws:kms:${region}:${account}:key/${id}`)
  ),
  'responder-inspector-only': optional(booleanText),
  'responder-log-retention-days': optional(fc.constantFrom(...RETENTION).map(String)),
  'responder-scan-events': optional(booleanText),
  period: optional(
    fc.oneof(
      fc.integer({ min: 1, max: 90 }).map((days) => `${days}d`),
      fc.integer({ min: 1, max: 2_160 }).map((hours) => `${hours}h`)
    )
  ),
  'report-dir': optional(relativePath),
  'report-products': optional(list(fc.constantFrom('Inspector', 'GuardDuty', 'Security Hub'))),
  'report-severities': optional(list(choice(...SECURITY_HUB_SEVERITIES))),
  'report-accounts': optional(list(accountId)),
  'report-regions': optional(
    list(choice('us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1'))
  ),
  'report-resource-types': optional(list(fc.constantFrom('AwsEc2Instance', 'AwsLambdaFunction'))),
  'report-workflow-statuses': optional(list(choice('NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'))),
  'remediation-targets': optional(
    fc
      .dictionary(fc.constantFrom(...SECURITY_HUB_SEVERITIES), fc.nat(365), { minKeys: 1 })
      .chain(budgetText)
  ),
  'previous-report': optional(relativePath),
  'sns-topic-arn': optional(
    fc
      .tuple(regionName, accountId, fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/))
      .map(([region, account, name]) => `arn:aws:sns:${region}:${account}:${name}`)
  ),
  's3-uri': optional(
    fc
      .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/), fc.option(relativePath))
      .map(([bucket, prefix]) => `s3://${bucket}${prefix === null ? '' : `/${prefix}/`}`)
  )
}

const validInputs: fc.Arbitrary<Record<InputName, string>> = fc.record(VALID)

const ignoreText = fc.constantFrom(
  '',
  'ignore: []\n',
  'ignore:\n  - id: CVE-2024-1234\n    reason: not reachable\n    expires: 2030-01-01\n'
)

const validEnv = fc.record(
  {
    AWS_REGION: regionName,
    INSPECTOR_GATE_POLL_INTERVAL: validDuration,
    GITHUB_WORKFLOW_REF: fc.constant('owner/repo/.github/workflows/ci.yml@refs/heads/main'),
    RUNNER_TEMP: fc.constant('/tmp/runner')
  },
  { requiredKeys: ['AWS_REGION'] }
)

interface World {
  inputs: RawInputs
  env: Record<string, string | undefined>
  ignoreText: string
}

/** Every builder over the same inputs, as the steps call them. */
function buildAll(world: World): Outcome<string[]>[] {
  const readFile: ReadFile = (path) => {
    if (path === IGNORE_PATH) return world.ignoreText
    if (path === SBOM_PATH) return SBOM_TEXT
    throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
      code: 'ENOENT'
    })
  }
  const { inputs, env } = world
  return [
    attempt(() => gateProblems(buildGateConfig(inputs, readFile, env, parseIgnoreFile))),
    attempt(() =>
      publishProblems(
        buildPublishConfig(inputs, { workspace: WORKSPACE, env, exists: () => false })
      )
    ),
    attempt(() => responderProblems(inputs, buildResponderConfig(inputs))),
    attempt(() => setupProblems(buildSetupConfig(inputs, env))),
    attempt(() => reportProblems(inputs, buildReportSettings(inputs, env)))
  ]
}

const among = (value: unknown, allowed: readonly unknown[], what: string): string[] =>
  allowed.includes(value) ? [] : [`${what} ${String(value)}`]
const count = (value: unknown, what: string): string[] =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? [] : [`${what} ${value}`]

/** An optional threshold: absent (the rule is off) or a number from 0 to `max`. */
const inRange = (value: number | undefined, max: number, what: string): string[] =>
  value === undefined || (value >= 0 && value <= max) ? [] : [`${what} ${value}`]

function gateProblems(config: ReturnType<typeof buildGateConfig>): string[] {
  const { policy, timing } = config
  return [
    ...(config.images.length + config.functions.length + config.sboms.length > 0
      ? []
      : ['nothing to gate']),
    ...(config.sboms.length > 0 && config.sbomRegion === undefined
      ? ['SBOMs without a region']
      : []),
    ...among(policy.failOn, [...RANKED_SEVERITIES, 'none'], 'fail-on'),
    ...among(policy.untriagedAs, RANKED_SEVERITIES, 'untriaged-as'),
    ...among(policy.fixableOnly, [true, false], 'fixable-only'),
    ...among(policy.failOnExploitable, [true, false], 'fail-on-exploitable'),
    ...inRange(policy.failOnEpss, 1, 'fail-on-epss'),
    ...inRange(policy.minScore, 10, 'min-score'),
    ...among(policy.onUnscannable, ['fail', 'warn'], 'on-unscannable'),
    ...among(policy.onError, ['fail', 'warn'], 'on-error'),
    ...among(config.ensureEnabled, ['check', 'enable', 'off'], 'ensure-enabled'),
    ...among(config.codeScanning, ['auto', 'true', 'false'], 'code-scanning'),
    ...Object.entries(policy.maxFindings).flatMap(([severity, n]) => [
      ...among(severity, RANKED_SEVERITIES, 'budget severity'),
      ...count(n, `budget ${severity}`)
    ]),
    ...count(config.timeoutMs, 'timeout'),
    ...(config.timeoutMs >= 1_000 ? [] : [`timeout ${config.timeoutMs} ms`]),
    ...Object.entries(timing).flatMap(([name, ms]) => count(ms, name)),
    ...config.ignoreRules.flatMap((rule) => (rule.id && rule.reason ? [] : ['incomplete rule']))
  ]
}

function publishProblems(config: ReturnType<typeof buildPublishConfig>): string[] {
  const location = config.sarifLocation
  return [
    ...(isAbsolute(config.findingsFile) ? [] : [`findings file ${config.findingsFile}`]),
    ...(config.sarifFile === undefined || isAbsolute(config.sarifFile) ? [] : ['sarif file']),
    ...(location.startsWith('/') || location.includes('\\') || location.split('/').includes('..')
      ? [`sarif location ${location} is not inside the repository`]
      : []),
    ...(location === '' || location === '.' ? [`sarif location "${location}" is no file`] : []),
    ...among(config.summary, [true, false], 'summary'),
    ...among(config.prComment, ['auto', 'always', 'off'], 'pr-comment')
  ]
}

function responderProblems(
  inputs: RawInputs,
  config: ReturnType<typeof buildResponderConfig>
): string[] {
  if (config === undefined) return []
  const retention = (inputs['responder-log-retention-days'] ?? '').trim()
  return [
    ...(/^[A-Za-z][A-Za-z0-9-]{0,54}$/.test(config.stackName) ? [] : ['stack name']),
    ...among(config.logRetentionDays, RETENTION, 'retention'),
    // Days are a number written in digits: `0x1E` or `3e1` is not 30.
    ...(retention === '' || /^\d+$/.test(retention) ? [] : [`retention "${retention}" accepted`]),
    ...among(config.inspectorFindingsOnly, [true, false], 'inspector-only'),
    ...among(config.scanEvents, [true, false], 'scan-events')
  ]
}

function setupProblems(config: ReturnType<typeof buildSetupConfig>): string[] {
  return [
    ...among(
      config.ecrRescanDuration,
      [
        undefined,
        'DAYS_3',
        'DAYS_7',
        'DAYS_14',
        'DAYS_30',
        'DAYS_60',
        'DAYS_90',
        'DAYS_180',
        'LIFETIME'
      ],
      'ecr-rescan-duration'
    ),
    ...config.standards.flatMap((s) =>
      typeof s.slug === 'string' && typeof s.raw === 'string' ? [] : [`standard ${String(s.slug)}`]
    ),
    ...Object.values(config.scanTypes).flatMap((on) => among(on, [true, false], 'scan type')),
    ...among(config.insights, [true, false], 'insights'),
    ...count(config.timing.pollMs, 'poll')
  ]
}

function reportProblems(
  inputs: RawInputs,
  settings: ReturnType<typeof buildReportSettings>
): string[] {
  const { config } = settings
  const { filters } = config
  const targets = (inputs['remediation-targets'] ?? '')
    .split(/[,\n]/)
    .map((entry) => entry.split('=')[0]?.trim().toUpperCase())
    .filter(Boolean)
  return [
    ...(config.periodDays >= 1 / 24 && config.periodDays <= 90 ? [] : ['period']),
    ...filters.severities.flatMap((s) => among(s, SECURITY_HUB_SEVERITIES, 'severity')),
    ...filters.workflowStatuses.flatMap((s) =>
      among(s, ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'], 'workflow status')
    ),
    ...filters.accounts.flatMap((a) => (/^\d{12}$/.test(a) ? [] : [`account ${a}`])),
    ...Object.entries(config.remediationTargets).flatMap(([severity, days]) => [
      ...among(severity, SECURITY_HUB_SEVERITIES, 'target severity'),
      ...count(days, `target ${severity}`)
    ]),
    // A severity given twice is refused, as in max-findings, not silently overwritten.
    ...(new Set(targets).size === targets.length ? [] : [`targets given twice: ${targets}`]),
    ...(settings.s3 === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(settings.s3.bucket)
      ? []
      : ['bucket'])
  ]
}

/**
 * The input names a message starts with: `fail-on: …`, `images, functions: …`,
 * `ignore-file .x.yml:3: …`. Empty when it starts with none.
 */
function namesIn(message: string): string[] {
  const head = /^([A-Za-z0-9_-]+(?:, [A-Za-z0-9_-]+)*)[: ]/.exec(message)?.[1]
  return head === undefined ? [] : head.split(', ')
}

/** Each outcome: a config that means what it should, or an InputError naming `named`. */
function problemsOf(world: World, named: (names: string[]) => boolean): string[] {
  return buildAll(world).flatMap((outcome) => {
    if (outcome.ok) return outcome.value
    const problems = rejectionProblems(outcome.error, InputError, [''])
    const names = namesIn(outcome.error instanceof Error ? outcome.error.message : '')
    return named(names)
      ? problems
      : [...problems, `does not name the input: ${String(outcome.error).slice(0, 300)}`]
  })
}

const KNOWN_NAMES: readonly string[] = [...INPUT_NAMES, ...ENV_NAMES]

describe('the config builders: any inputs give a config or an InputError naming an input', () => {
  it('valid inputs, as documented, build every config', () => {
    fc.assert(
      fc.property(validInputs, validEnv, ignoreText, (inputs, env, text) => {
        const failures = buildAll({ inputs, env, ignoreText: text }).flatMap((outcome) =>
          outcome.ok ? outcome.value : [String(outcome.error)]
        )

        expect(failures).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })

  it('one input changed to anything: a config, or an error naming that input', () => {
    const names = fc.constantFrom(...INPUT_NAMES.filter((name) => name !== 'mode'))
    fc.assert(
      fc.property(
        validInputs,
        validEnv,
        ignoreText,
        names.chain((name) => fc.tuple(fc.constant(name), hostile(VALID[name]))),
        (inputs, env, text, [name, value]) => {
          const world = { inputs: { ...inputs, [name]: value }, env, ignoreText: text }

          expect(problemsOf(world, (named) => named.includes(name))).toEqual([])
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('any record of inputs, environment and ignore file', () => {
    const value = (name: InputName): fc.Arbitrary<string> => hostile(VALID[name])
    const inputs = fc
      .subarray([...INPUT_NAMES])
      .chain((keys) => fc.tuple(...keys.map((key) => value(key).map((v) => [key, v] as const))))
      .map((entries) => Object.fromEntries(entries) as RawInputs)
    const env = fc.record(
      {
        AWS_REGION: regionName,
        INSPECTOR_GATE_POLL_INTERVAL: hostile(validDuration),
        GITHUB_WORKFLOW_REF: anyText,
        // Set by the runner, always an absolute path; not an input.
        RUNNER_TEMP: fc.constantFrom('/tmp/runner', '/home/runner/work/_temp'),
        GITHUB_TOKEN: anyText
      },
      { requiredKeys: ['AWS_REGION'] }
    )
    fc.assert(
      fc.property(inputs, env, fc.oneof(ignoreText, anyText), (inputs, env, text) => {
        const world = { inputs, env, ignoreText: text }

        expect(
          problemsOf(
            world,
            (named) => named.length > 0 && named.every((n) => KNOWN_NAMES.includes(n))
          )
        ).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })

  it('huge values are refused (or taken) with a short message', () => {
    const names = fc.constantFrom(...INPUT_NAMES.filter((name) => name !== 'mode'))
    fc.assert(
      fc.property(
        validInputs,
        validEnv,
        names.chain((name) => fc.tuple(fc.constant(name), fc.oneof(huge(), huge(VALID[name])))),
        (inputs, env, [name, value]) => {
          const world = { inputs: { ...inputs, [name]: value }, env, ignoreText: '' }

          expect(problemsOf(world, (named) => named.includes(name))).toEqual([])
        }
      ),
      { numRuns: HUGE_RUNS }
    )
  })
})
