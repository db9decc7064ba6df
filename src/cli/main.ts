import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { logLine, logSafeJson } from '../text/escape.js'
import { cancelOnSignals, trackProgress, type SignalSource } from '../runtime/cancellation.js'
import type { StepOutcome } from '../runtime/host.js'
import { runStep } from '../run-step.js'
import { VERSION } from '../version.js'
import { parseCommandLine, UsageError, type CliArguments } from './args.js'
import { runSecrets } from '../runtime/redact.js'
import { cliHost, programLine, type CliStreams } from './cli-host.js'
import { errorMessage } from '../runtime/error-message.js'
import { usage } from './usage.js'

/** Exit codes, as documented in the README: scripts branch on them. */
export const EXIT = { pass: 0, policyFailure: 1, toolError: 2 } as const

export interface CliEnvironment {
  streams: CliStreams
  env: Record<string, string | undefined>
  cwd: string
  /** Where SIGTERM/SIGINT come from (the process), and how the process then ends. */
  signals?: { source: SignalSource; exit: (code: number) => void }
}

/** `inspector-gate <mode> [flags]` → the exit code. Never throws. */
export async function runCli(argv: readonly string[], where: CliEnvironment): Promise<number> {
  const { streams } = where
  let parsed
  try {
    parsed = parseCommandLine(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    streams.err(`${programLine(error.message)}\n`)
    return EXIT.toolError
  }
  if (parsed.kind === 'help') {
    streams.out(usage(parsed.mode))
    return EXIT.pass
  }
  if (parsed.kind === 'version') {
    streams.out(`${VERSION}\n`)
    return EXIT.pass
  }
  return runParsed(parsed.args, where)
}

async function runParsed(args: CliArguments, where: CliEnvironment): Promise<number> {
  const { streams, cwd } = where
  const host = cliHost({
    streams,
    verbose: args.verbose,
    workspace: cwd,
    env: where.env,
    secrets: runSecrets(where.env, args.inputs['github-token']),
    ...(args.summaryFile === undefined ? {} : { summaryFile: resolve(cwd, args.summaryFile) })
  })
  const progress = trackProgress(host)
  const stopListening =
    where.signals === undefined
      ? () => undefined
      : cancelOnSignals({
          host: progress.host,
          doing: progress.doing,
          source: where.signals.source,
          exit: (code) => {
            // A script reads `result` from the outputs file: a cancelled run still writes it.
            if (args.outputsFile !== undefined) {
              try {
                writeOutputs(resolve(cwd, args.outputsFile), host.outputs)
              } catch {
                // The exit code and the stderr line still say what happened.
              }
            }
            where.signals?.exit(code)
          }
        })
  const outcome = await runStep(args.mode, args.inputs, progress.host).finally(stopListening)
  // Text and markdown are single-line and escaped where they are rendered; JSON keeps every value
  // as AWS gave it, so the characters a CI log would act on are written as escapes.
  const rendered = host.redact(outcome.render(args.format))
  streams.out(args.format === 'json' ? logSafeJson(rendered) : rendered)
  let code = exitCode(outcome)
  // The run's own line first: a failed write of the outputs file is a second, lesser problem.
  if (outcome.failure !== undefined) {
    streams.err(`${logLine(host.redact(programLine(outcome.failure)))}\n`)
  }
  if (args.outputsFile !== undefined) {
    try {
      writeOutputs(resolve(cwd, args.outputsFile), host.outputs)
    } catch (error) {
      streams.err(
        `${logLine(programLine(`--outputs-file: could not write ${args.outputsFile} (${errorMessage(error)})`))}\n`
      )
      code = Math.max(code, EXIT.toolError)
    }
  }
  return code
}

/** 0 when the step does not fail; 1 for a verdict of fail; 2 when no verdict could be reached. */
export function exitCode(outcome: StepOutcome): number {
  if (outcome.failure === undefined) return EXIT.pass
  return outcome.result === 'fail' ? EXIT.policyFailure : EXIT.toolError
}

/**
 * The step outputs for the next job step: JSON (the action's names) for a `.json` path, otherwise
 * `INSPECTOR_GATE_<NAME>=value` lines, the dotenv format GitLab's `artifacts:reports:dotenv` reads.
 */
export function writeOutputs(path: string, outputs: ReadonlyMap<string, string>): void {
  mkdirSync(dirname(path), { recursive: true })
  if (path.endsWith('.json')) {
    writeFileSync(path, `${JSON.stringify(Object.fromEntries(outputs), null, 2)}\n`)
    return
  }
  const lines = [...outputs].map(([name, value]) => {
    const key = `INSPECTOR_GATE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
    return `${key}=${value.replace(/[\r\n]+/g, ' ')}`
  })
  writeFileSync(path, `${lines.join('\n')}\n`)
}
