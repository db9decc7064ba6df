/**
 * The run's own credentials, kept out of every text the action writes. An endpoint (or a
 * misbehaving proxy) can echo a request's `x-amz-security-token` in an error message; the gate
 * quotes AWS messages in its log, summary, outputs, files and PR comment, and the runner's masking
 * covers none of that for a value it was never told is secret.
 */

/** Shorter values would also match ordinary text ("test", "us-east-1"), and guess nothing. */
export const MIN_SECRET_LENGTH = 8

export const REDACTED = '***'

/** The credential values of this run: AWS secret key and session token, the GitHub token. */
export function runSecrets(
  env: Record<string, string | undefined>,
  githubToken: string | undefined
): string[] {
  return [env['AWS_SECRET_ACCESS_KEY'], env['AWS_SESSION_TOKEN'], githubToken, env['GITHUB_TOKEN']]
    .map((value) => (value ?? '').trim())
    .filter((value) => value.length >= MIN_SECRET_LENGTH)
}

export type Redactor = (text: string) => string

/**
 * Replaces each value, as is and URL-encoded (how a header or query value is echoed), with `***`;
 * longest first, so a value that contains another is replaced whole.
 */
export function redactor(secrets: readonly string[]): Redactor {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue
    forms.add(secret)
    forms.add(encodeURIComponent(secret))
  }
  const ordered = [...forms].sort((a, b) => b.length - a.length)
  if (ordered.length === 0) return (text) => text
  return (text) => {
    let out = text
    for (const form of ordered) out = out.split(form).join(REDACTED)
    return out
  }
}
