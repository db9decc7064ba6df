import { PR_COMMENT_MODES, type PrCommentMode } from './pr-comment/setting.js'
import { inputReader, type RawInputs } from '../inputs/read.js'
import { existsSync, readdirSync } from 'node:fs'
import { basename, isAbsolute, join, normalize, relative, resolve } from 'node:path'
import { InputError, parseBoolean, parseChoice, shown } from '../inputs/values.js'

/** Where a gate's verdict is published, besides the step outputs. */
export interface PublishConfig {
  /** Absolute path of the findings JSON. */
  findingsFile: string
  /**
   * How the summary names it: a runner temp path is of no use to a reader, so only a path inside
   * the workspace is shown as a path; otherwise the file's name, and that it is on the runner only.
   */
  findingsShown: FindingsShown
  summary: boolean
  /** Absolute path of the SARIF file; undefined when not asked for. */
  sarifFile?: string
  /** Repository-relative path, forward slashes, that SARIF results and annotations point at. */
  sarifLocation: string
  prComment: PrCommentMode
  githubToken: string
}

export interface FindingsShown {
  name: string
  inWorkspace: boolean
}

export interface PublishEnvironment {
  workspace: string
  env: Record<string, string | undefined>
  /** Injectable for tests; defaults to the file system. */
  exists?: (path: string) => boolean
}

export function buildPublishConfig(inputs: RawInputs, where: PublishEnvironment): PublishConfig {
  const { get } = inputReader(inputs)
  const { workspace, env } = where
  const exists = where.exists ?? existsSync
  const sarif = get('sarif-file')
  const location = get('sarif-location')
  const findingsFile = findingsPath(get('findings-file'), workspace, env)
  return {
    findingsFile,
    findingsShown: findingsShownAs(findingsFile, workspace),
    summary: parseBoolean('summary', get('summary')),
    ...(sarif === '' ? {} : { sarifFile: resolve(workspace, sarif) }),
    sarifLocation:
      location === '' ? defaultSarifLocation(workspace, env, exists) : repoPath(location),
    prComment: parseChoice('pr-comment', get('pr-comment'), PR_COMMENT_MODES),
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

function findingsShownAs(file: string, workspace: string): FindingsShown {
  const inside = relative(workspace, file)
  const inWorkspace = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)
  return inWorkspace
    ? { name: inside.replace(/\\/g, '/'), inWorkspace }
    : { name: basename(file), inWorkspace }
}

/**
 * Code scanning shows an alert on a file of the repository. An image's findings belong to the
 * Dockerfile that built it, when there is one at the root; otherwise the workflow that ran the
 * gate is the one file certain to exist (GITHUB_WORKFLOW_REF is `owner/repo/<path>@<ref>`).
 */
export function defaultSarifLocation(
  workspace: string,
  env: PublishEnvironment['env'],
  exists: (path: string) => boolean = existsSync,
  list: (folder: string) => FolderEntry[] = listFolder
): string {
  if (exists(join(workspace, 'Dockerfile'))) return 'Dockerfile'
  const found = foundDockerfile(workspace, list)
  if (found !== undefined) return found
  const workflow = /^[^/]+\/[^/]+\/(.+?)@/.exec(env['GITHUB_WORKFLOW_REF'] ?? '')?.[1]
  return workflow ?? 'Dockerfile'
}

export interface FolderEntry {
  name: string
  folder: boolean
}

const DOCKERFILE_NAME = /^Dockerfile(?:\..+)?$|^.+\.Dockerfile$/

/**
 * The one Dockerfile at the root or one folder down (`docker/Dockerfile`, `app.Dockerfile`): a
 * shallow look, so a large checkout costs nothing. Two or more: no way to tell which built the
 * image, and the workflow file is the honest place.
 */
function foundDockerfile(
  workspace: string,
  list: (folder: string) => FolderEntry[]
): string | undefined {
  const root = list(workspace)
  const dockerfiles = (entries: FolderEntry[], prefix: string): string[] =>
    entries
      .filter((entry) => !entry.folder && DOCKERFILE_NAME.test(entry.name))
      .map((entry) => `${prefix}${entry.name}`)
  const found = [
    ...dockerfiles(root, ''),
    ...root
      .filter(
        (entry) => entry.folder && !entry.name.startsWith('.') && entry.name !== 'node_modules'
      )
      .flatMap((entry) => dockerfiles(list(join(workspace, entry.name)), `${entry.name}/`))
  ]
  return found.length === 1 ? found[0] : undefined
}

function listFolder(folder: string): FolderEntry[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      folder: entry.isDirectory()
    }))
  } catch {
    // An unreadable or missing workspace has no Dockerfile to point at.
    return []
  }
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
