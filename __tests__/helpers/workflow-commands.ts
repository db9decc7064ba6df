/**
 * Reads a step's output the way the GitHub Actions runner does (actions/runner,
 * `ActionCommandManager.TryProcessCommand` and `ActionCommand.TryParseV2` / `TryParse`), so tests
 * can list the workflow commands a log would run:
 *
 * - lines end at `\r\n`, `\r` or `\n` (.NET `StreamReader.ReadLine`);
 * - `::name props::data` is a command when the line *after leading whitespace* (.NET `TrimStart`,
 *   Unicode white space) starts with `::`; properties are `k=v` split on `,`;
 * - otherwise the legacy form `##[name props]data` is a command *anywhere in the line*.
 *
 * Command names are matched case-insensitively by the runner; they are lower-cased here.
 */

/** `char.IsWhiteSpace` in .NET: what `TrimStart()` removes (U+FEFF and U+200B are not in it). */
const DOTNET_LEADING_WHITESPACE =
  // eslint-disable-next-line no-control-regex -- tab to carriage return are .NET white space
  /^[\u0009-\u000d\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/

export interface WorkflowCommand {
  /** `v2` for `::name::`, `legacy` for `##[name]`. */
  form: 'v2' | 'legacy'
  name: string
  properties: Record<string, string>
  /** The data after unescaping, as the runner hands it to the command. */
  data: string
  line: string
}

export function logLines(log: string): string[] {
  return log.split(/\r\n|\r|\n/)
}

/** The command a runner would parse from `line`, if any (whatever its name). */
export function parseCommand(line: string): WorkflowCommand | undefined {
  const trimmed = line.replace(DOTNET_LEADING_WHITESPACE, '')
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2)
    if (end >= 0) {
      const info = trimmed.slice(2, end)
      const space = info.indexOf(' ')
      const name = space < 0 ? info : info.slice(0, space)
      const properties: Record<string, string> = {}
      if (space > 0) {
        for (const pair of info
          .slice(space + 1)
          .trim()
          .split(',')) {
          const equals = pair.indexOf('=')
          if (equals > 0)
            properties[pair.slice(0, equals)] = unescapeProperty(pair.slice(equals + 1))
        }
      }
      return {
        form: 'v2',
        name: name.toLowerCase(),
        properties,
        data: unescapeData(trimmed.slice(end + 2)),
        line
      }
    }
  }
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const close = line.indexOf(']', prefix)
  if (close < 0) return undefined
  const info = line.slice(prefix + 3, close)
  const space = info.indexOf(' ')
  return {
    form: 'legacy',
    name: (space < 0 ? info : info.slice(0, space)).toLowerCase(),
    properties: {},
    data: line.slice(close + 1),
    line
  }
}

/** Every command in a log, in order. */
export function workflowCommands(log: string): WorkflowCommand[] {
  return logLines(log).flatMap((line) => {
    const command = parseCommand(line)
    return command === undefined ? [] : [command]
  })
}

function unescapeData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(value: string): string {
  return value
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}
