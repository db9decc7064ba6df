/**
 * Two independent checks of a SARIF log:
 *
 * - the SARIF 2.1.0 JSON schema, with ajv (the schema Microsoft's SARIF SDK ships, draft 2020-12);
 * - Microsoft's `Sarif.Multitool validate` with the `Gh` rules, which encode what GitHub code
 *   scanning requires to ingest a log (GH1xxx/GH2xxx), plus the generic `Sarif` rules.
 *
 * Both come from the SARIF SDK package `@microsoft/sarif-multitool` installs for the OS
 * (`@microsoft/sarif-multitool-linux` here). The multitool check runs on Linux only
 * (`MULTITOOL_SUPPORTED`); there a missing executable fails the test instead of skipping it.
 */
import { execFileSync } from 'node:child_process'
import {
  accessSync,
  chmodSync,
  constants,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import Ajv2020Module from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv'
import type { Log } from 'sarif'
import { tempDir } from './temp-dir.js'

const require = createRequire(import.meta.url)

/** The multitool check runs on Linux, where CI runs; elsewhere it is skipped. */
export const MULTITOOL_SUPPORTED = process.platform === 'linux'

/**
 * `@microsoft/sarif-multitool` installs one of these, by OS. The Linux one ships `sarif-2.1.0.json`
 * (checked); the others are builds of the same SDK release and are expected to.
 */
const SDK_PACKAGES: Partial<Record<NodeJS.Platform, string>> = {
  linux: '@microsoft/sarif-multitool-linux',
  darwin: '@microsoft/sarif-multitool-darwin',
  win32: '@microsoft/sarif-multitool-win32'
}

/** The installed SDK package folder for this OS; throws when it is not installed. */
function sdkDirectory(): string {
  const name = SDK_PACKAGES[process.platform]
  if (name === undefined) throw new Error(`no SARIF SDK package for ${process.platform}`)
  return dirname(require.resolve(`${name}/package.json`))
}

function schemaPath(): string {
  return join(sdkDirectory(), 'sarif-2.1.0.json')
}

let validator: ValidateFunction | undefined

function compiledSchema(): ValidateFunction {
  if (validator !== undefined) return validator
  // ajv is CommonJS: under Node's ESM loader the default import is `module.exports`, and the class
  // is its `default` property (which is also what TypeScript's NodeNext typing says it is).
  const Ajv2020 = Ajv2020Module.default
  // The schema uses `format` (uri, uri-reference, date-time, uuid). ajv 8 ships no format
  // validators (they live in `ajv-formats`, not installed), and in strict mode an unknown format is
  // a compile error, so formats are not validated: `validateFormats: false`. URIs are checked by the
  // multitool and by the tests themselves. Everything else stays strict.
  const ajv = new Ajv2020({ allErrors: true, validateFormats: false })
  const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as Record<string, unknown>
  validator = ajv.compile(schema)
  return validator
}

/** Schema errors of a log, as readable lines; empty when valid. */
export function schemaErrors(log: Log): string[] {
  const validate = compiledSchema()
  // Validate what would be written: JSON drops undefined properties.
  const ok = validate(JSON.parse(JSON.stringify(log)))
  if (ok) return []
  return (validate.errors ?? []).map(
    (error: ErrorObject) =>
      `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`
  )
}

export interface MultitoolFinding {
  file: string
  level: string
  ruleId: string
  message: string
}

/** The multitool executable, made executable if an install step lost the bit. */
export function multitoolPath(): string {
  const path = join(sdkDirectory(), 'Sarif.Multitool')
  statSync(path) // throws when missing: on Linux a missing tool is a failure, not a skip
  try {
    accessSync(path, constants.X_OK)
  } catch {
    chmodSync(path, 0o755)
  }
  return path
}

/**
 * Runs `Sarif.Multitool validate --rule-kind "Gh;Sarif"` once over every log and returns what it
 * reported (at levels error and warning, its default), keyed by the name each log was given.
 */
export function multitoolFindings(logs: Record<string, Log>): MultitoolFinding[] {
  const tool = multitoolPath()
  const directory = tempDir('sarif-validation-')
  try {
    const files = Object.entries(logs).map(([name, log]) => {
      const file = join(directory, `${name}.sarif`)
      writeFileSync(file, JSON.stringify(log, null, 2))
      return file
    })
    const output = join(directory, 'validation.out.sarif')
    execFileSync(
      tool,
      ['validate', ...files, '--rule-kind', 'Gh;Sarif', '-o', output, '--log', 'ForceOverwrite'],
      { stdio: 'pipe', timeout: 60_000, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } }
    )
    const report = JSON.parse(readFileSync(output, 'utf8')) as Log
    const results = report.runs[0]?.results ?? []
    return results.map((result) => ({
      file:
        result.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.replace(/^.*\//, '') ?? '',
      // SARIF's default level is warning.
      level: result.level ?? 'warning',
      ruleId: result.ruleId ?? '',
      message:
        result.message.text ??
        `${result.message.id ?? ''} ${(result.message.arguments ?? []).join(' | ')}`
    }))
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
