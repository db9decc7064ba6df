/**
 * An ignore file that does not parse. Its own module, so that config/gate-config.ts can tell it
 * apart without importing the parser, whose YAML library a gate loads only when there is an
 * ignore file (issue 13, cold start).
 */
export class IgnoreFileError extends Error {
  override name = 'IgnoreFileError'
}
