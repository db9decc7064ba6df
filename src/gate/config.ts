import { MissingRegionError } from '../inputs/missing-region.js'
import { inputReader, type RawInputs } from '../inputs/read.js'
import { FunctionReferenceError, parseFunctionReference } from '../domain/function-reference.js'
import { ImageReferenceError, parseImageReference } from '../domain/image-reference.js'
import type { Policy } from '../domain/policy.js'
import { RANKED_SEVERITIES } from '../domain/severity.js'
import type { GateConfig } from './run.js'
import { DEFAULT_TIMING, type Timing } from './scan/deps.js'
import { LOG_GROUP_NAME, type ScanEventLogGroupSetting } from './scan/scan-event-log-group.js'
import { parseStackName } from '../responder-stack/config.js'
import { IgnoreFileError } from './ignore-file-error.js'
import { readSbomDocument, SbomDocumentError, type SbomDocument } from '../sbom/document.js'
import type { parseIgnoreFile } from './ignore-file.js'
import {
  InputError,
  parseBoolean,
  parseBudgets,
  parseChoice,
  parseDuration,
  parseLines,
  parseProbability,
  parseScore,
  shown
} from '../inputs/values.js'

/** Raw input values by their action.yml names; the CLI will fill the same record from flags. */

export interface ReadFile {
  (path: string): string
}

const FAIL_ON = [...RANKED_SEVERITIES, 'none'] as const
const FAIL_OR_WARN = ['fail', 'warn'] as const
const ENSURE_ENABLED = ['check', 'enable', 'off'] as const
const CODE_SCANNING = ['auto', 'true', 'false'] as const

/**
 * The ignore file's parser (config/ignore-file.ts). Passed in rather than imported: it brings the
 * YAML library, which a gate without an ignore file never loads (issue 13, cold start).
 */
export type IgnoreFileParser = typeof parseIgnoreFile

/**
 * Validates every input before any AWS call, so a typo fails in a second with the input's name
 * instead of after a fifteen-minute wait.
 */
export function buildGateConfig(
  inputs: RawInputs,
  readFile: ReadFile,
  env: Record<string, string | undefined> = {},
  /** config/ignore-file.ts's parser, for a run with an ignore file (see IgnoreFileParser). */
  parseIgnore?: IgnoreFileParser
): GateConfig {
  const { get } = inputReader(inputs)
  const images = parseLines(get('images')).map((line) => {
    try {
      return parseImageReference(line)
    } catch (error) {
      if (error instanceof ImageReferenceError) throw new InputError(error.message)
      throw error
    }
  })
  const defaultRegion = env['AWS_REGION'] || undefined
  const functions = parseLines(get('functions')).map((line) => {
    try {
      return parseFunctionReference(line, defaultRegion)
    } catch (error) {
      if (error instanceof FunctionReferenceError)
        throw error.missingRegion
          ? new MissingRegionError(error.missingRegion.lead, error.missingRegion.tail)
          : new InputError(error.message)
      throw error
    }
  })
  const sboms = readSboms(parseLines(get('sboms')), readFile)
  if (images.length === 0 && functions.length === 0 && sboms.length === 0) {
    throw new InputError(
      'images, functions, sboms: nothing to gate; list the pushed ECR image URIs (images), the deployed Lambda functions (functions) and/or SBOM files to scan before the push (sboms), one per line'
    )
  }
  const sbomRegion = env['AWS_REGION'] || undefined
  if (sboms.length > 0 && sbomRegion === undefined) {
    throw new MissingRegionError(
      'sboms: no AWS region to scan them in; ',
      ' to the Region whose Inspector Scan API should scan the SBOMs'
    )
  }

  const timeoutMs = parseDuration('timeout', get('timeout'))
  if (timeoutMs < 1_000) {
    throw new InputError(
      `timeout: "${shown(get('timeout'))}" is too short; give at least 1s (e.g. 15m)`
    )
  }
  const settleMs = parseDuration('settle', get('settle'))

  const failOnEpss = parseProbability('fail-on-epss', get('fail-on-epss'))
  const minScore = parseScore('min-score', get('min-score'))
  const policy: Policy = {
    failOn: parseChoice('fail-on', get('fail-on'), FAIL_ON),
    maxFindings: parseBudgets('max-findings', get('max-findings')),
    untriagedAs: parseChoice('untriaged-as', get('untriaged-as'), RANKED_SEVERITIES),
    fixableOnly: parseBoolean('fixable-only', get('fixable-only')),
    failOnExploitable: parseBoolean('fail-on-exploitable', get('fail-on-exploitable')),
    ...(failOnEpss !== undefined && { failOnEpss }),
    ...(minScore !== undefined && { minScore }),
    onUnscannable: parseChoice('on-unscannable', get('on-unscannable'), FAIL_OR_WARN),
    onError: parseChoice('on-error', get('on-error'), FAIL_OR_WARN)
  }

  const ignoreFile = get('ignore-file')
  let ignoreRules: GateConfig['ignoreRules'] = []
  if (ignoreFile !== '') {
    let text: string
    try {
      text = readFile(ignoreFile)
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : shown(String(error))
      throw new InputError(
        `ignore-file: ${shown(ignoreFile)} ${reason}; check the path (relative to the workspace)`
      )
    }
    try {
      if (parseIgnore === undefined) {
        throw new Error(
          'inspector-gate bug: ignore-file is set but no ignore file parser was given'
        )
      }
      ignoreRules = parseIgnore(text, ignoreFile)
    } catch (error) {
      if (error instanceof IgnoreFileError) throw new InputError(error.message)
      throw error
    }
  }

  return {
    images,
    functions,
    sboms,
    ...(sbomRegion !== undefined && sboms.length > 0 && { sbomRegion }),
    codeScanning: parseChoice('code-scanning', get('code-scanning'), CODE_SCANNING),
    policy,
    ignoreRules,
    timeoutMs,
    timing: timingFrom(settleMs, env),
    scanEvents: scanEventLogGroup(get('scan-event-log-group'), get('responder-stack-name')),
    ensureEnabled: parseChoice('ensure-enabled', get('ensure-enabled'), ENSURE_ENABLED)
  }
}

/**
 * Each SBOM read and checked before any AWS call (readable, JSON, a format and size ScanSbom takes),
 * so a wrong path or a truncated file fails in a second with the file's name.
 */
function readSboms(files: string[], readFile: ReadFile): SbomDocument[] {
  const seen = new Set<string>()
  return files.map((file) => {
    if (seen.has(file)) {
      throw new InputError(`sboms: ${shown(file)} is listed twice; list each SBOM file once`)
    }
    seen.add(file)
    let text: string
    try {
      text = readFile(file)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const reason =
        code === 'ENOENT'
          ? 'does not exist'
          : code === 'EISDIR'
            ? 'is a directory, not an SBOM file'
            : `cannot be read (${shown(String(error))})`
      throw new InputError(
        `sboms: ${shown(file)} ${reason}; give the SBOM file's path (relative to the workspace)`
      )
    }
    try {
      return readSbomDocument(file, text)
    } catch (error) {
      if (error instanceof SbomDocumentError) throw new InputError(error.message)
      throw error
    }
  })
}

/**
 * `INSPECTOR_GATE_POLL_INTERVAL` shortens the waits between polls for local endpoints and tests;
 * real AWS is polled on the defaults, which respect Inspector's unpublished rate limits.
 */
function timingFrom(settleMs: number, env: Record<string, string | undefined>): Timing {
  const override = env['INSPECTOR_GATE_POLL_INTERVAL']
  if (!override) return { ...DEFAULT_TIMING, settleMs }
  const interval = parseDuration('INSPECTOR_GATE_POLL_INTERVAL', override)
  return {
    pollInitialMs: interval,
    pollMaxMs: interval * 3,
    settleIntervalMs: interval,
    settleMs,
    scanEventPollMs: interval,
    enablePollMs: interval
  }
}

/** Empty: the responder stack's output where it is deployed; `off`: the quiet period only. */
function scanEventLogGroup(value: string, stackName: string): ScanEventLogGroupSetting {
  if (value === 'off') return { kind: 'off' }
  if (value === '') return { kind: 'from-stack', stackName: parseStackName(stackName) }
  if (!LOG_GROUP_NAME.test(value)) {
    throw new InputError(
      `scan-event-log-group: "${shown(value)}" is not a CloudWatch Logs group name (1 to 512 letters, digits and . - _ / #); give the responder stack's ScanEventLogGroup output, leave it empty to read that output, or set off`
    )
  }
  return { kind: 'named', logGroupName: value }
}
