/**
 * Where a finding points in the repository, shared by the SARIF log and the workflow annotations.
 * Image findings and Lambda package findings have no place in the repository: they point at the
 * file the user named (`sarif-location`, e.g. the Dockerfile), line 1. Lambda code-scanning
 * findings name a real file and lines of the function's code, and point there.
 */
import type { Finding } from '../../../domain/finding.js'
import { singleLine } from '../../../text/escape.js'

export interface FindingPlace {
  /** Repository-relative, forward slashes, no leading `/` (not URI-encoded). */
  file: string
  startLine: number
  endLine?: number
}

/** A path longer than this is not a real source file; the finding falls back to the default. */
const MAX_PATH_LENGTH = 1000

/**
 * Untrusted path → a repository-relative path: control and bidi characters removed, backslashes
 * turned into `/`, and empty, `.` and `..` segments dropped (so nothing climbs out of the
 * repository or turns absolute). Empty when nothing usable is left.
 */
export function repositoryPath(path: string): string {
  const clean = singleLine(path)
  if (clean.length > MAX_PATH_LENGTH) return ''
  return clean
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .join('/')
}

/**
 * A code finding's own file and lines; otherwise `defaultFile` at line 1. Undefined when there is
 * neither (a package finding and no default file).
 */
export function findingPlace(
  finding: Finding,
  defaultFile: string | undefined
): FindingPlace | undefined {
  const fallback = defaultFile === undefined ? '' : repositoryPath(defaultFile)
  const code = finding.code
  const codeFile = code === undefined ? '' : repositoryPath(code.filePath)
  if (code === undefined || codeFile === '') {
    return fallback === '' ? undefined : { file: fallback, startLine: 1 }
  }
  const startLine = lineNumber(code.startLine) ?? 1
  const endLine = lineNumber(code.endLine)
  return endLine === undefined || endLine < startLine
    ? { file: codeFile, startLine }
    : { file: codeFile, startLine, endLine }
}

/**
 * A repository path as a SARIF relative URI reference: each segment percent-encoded, so a `:` can
 * never make it a scheme (`javascript:`), and `?`, `#`, `%` and spaces stay part of the path.
 */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

function lineNumber(value: number | undefined): number | undefined {
  return value !== undefined && Number.isSafeInteger(value) && value >= 1 ? value : undefined
}
