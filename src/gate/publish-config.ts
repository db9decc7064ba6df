import { existsSync } from 'node:fs'
import { isAbsolute, join, normalize, resolve } from 'node:path'
import type { RawInputs } from './config.js'
import { InputError, parseBoolean, parseChoice, shown } from '../inputs/values.js'

export const PR_COMMENT_MODES = ['auto', 'always', 'off'] as const
export type PrCommentSetting = (typeof PR_COMMENT_MODES)[number]

/** Where a gate's verdict is published, besides the step outputs. */
export interface PublishConfig {
  /** Absolute path of the findings JSON. */
  findingsFile: string
  summary: boolean
  /** Absolute path of the SARIF file; undefined when not asked for. */
  sarifFile?: string
  /** Repository-relative path, forward slashes, that SARIF results and annotations point at. */
  sarifLocation: string
  prComment: PrCommentSetting
  githubToken: string
}

export interface PublishEnvironment {
  workspace: string
  env: Record<string, string | undefined>
  /** Injectable for tests; defaults to the file system. */
  exists?: (path: string) => boolean
}

export function buildPublishConfig(inputs: RawInputs, where: PublishEnvironment): PublishConfig {
  const get = (name: string): string => (inputs[name] ?? '').trim()
  const { workspace, env } = where
  const exists = where.exists ?? existsSync
  const sarif = get('sarif-file')
  const location = get('sarif-location')
  return {
    findingsFile: findingsPath(get('findings-file'), workspace, env),
    summary: parseBoolean('summary', get('summary') || 'true'),
    ...(sarif === '' ? {} : { sarifFile: resolve(workspace, sarif) }),
    sarifLocation:
      location === '' ? defaultSarifLocation(workspace, env, exists) : repoPath(location),
    prComment: parseChoice('pr-comment', get('pr-comment') || 'auto', PR_COMMENT_MODES),
    githubToken: get('github-token') || env['GITHUB_TOKEN'] || ''
  }
}

/**
 * The default is one file per step: two gate steps in one job share RUNNER_TEMP, and a shared file
 * would leave only the second step's findings. GITHUB_ACTION is the step's id (or the runner's
 * `__run_2`-style name for a step without one), unique within the job and the same on every run.
 */
function findingsPath(input: string, workspace: string, env: PublishEnvironment['env']): string {
  if (input !== '') return resolve(workspace, input)
  const temp = env['RUNNER_TEMP'] || workspace
  const step = (env['GITHUB_ACTION'] ?? '').replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 100)
  return step === '' || /^\.+$/.test(step)
    ? join(temp, 'inspector-gate', 'findings.json')
    : join(temp, 'inspector-gate', step, 'findings.json')
}

/**
 * Code scanning shows an alert on a file of the repository. An image's findings belong to the
 * Dockerfile that built it, when there is one at the root; otherwise the workflow that ran the
 * gate is the one file certain to exist (GITHUB_WORKFLOW_REF is `owner/repo/<path>@<ref>`).
 */
export function defaultSarifLocation(
  workspace: string,
  env: PublishEnvironment['env'],
  exists: (path: string) => boolean = existsSync
): string {
  if (exists(join(workspace, 'Dockerfile'))) return 'Dockerfile'
  const workflow = /^[^/]+\/[^/]+\/(.+?)@/.exec(env['GITHUB_WORKFLOW_REF'] ?? '')?.[1]
  return workflow ?? 'Dockerfile'
}

/** A path inside the repository, as SARIF wants it: relative, forward slashes, no `..`. */
function repoPath(value: string): string {
  const slashed = value.replace(/\\/g, '/')
  const normalized = normalize(slashed).replace(/\\/g, '/').replace(/^\.\//, '')
  // `.`, `../config/` or `a/..` is the repository itself, not a file in it.
  const root = normalized === '' || normalized === '.'
  if (isAbsolute(slashed) || /^[a-zA-Z]:/.test(slashed) || normalized.startsWith('..') || root) {
    throw new InputError(
      `sarif-location: "${shown(value)}" is not a path inside the repository; give it relative to the repository root, e.g. Dockerfile or docker/app.Dockerfile`
    )
  }
  return normalized
}
