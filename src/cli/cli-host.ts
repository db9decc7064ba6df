import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { logLine } from '../text/escape.js'
import type { AnnotationPlace, Host } from '../runtime/host.js'
import { errorMessage } from '../runtime/error-message.js'
import { redactor } from '../runtime/redact.js'
import { SDK_ADVICE } from '../runtime/aws-advice.js'

export interface CliStreams {
  /** The result in the chosen format goes here (stdout), so it can be piped. */
  out: (text: string) => void
  /** Progress, warnings and errors go here (stderr). */
  err: (text: string) => void
}

const PROGRAM_LINE = /^inspector-gate\b:? ?/

/**
 * A line that ends the run, with the CLI's one prefix: `inspector-gate: fail-on: …` for a bad
 * input, `inspector-gate: fail: …` for a policy failure. A step's line that already names the
 * program (`inspector-gate fail: …`, as the action's failed step shows it) keeps its words, not a
 * second prefix.
 */
export function programLine(text: string): string {
  return `inspector-gate: ${text.replace(PROGRAM_LINE, '')}`
}

export interface CliHost extends Host {
  /** The step outputs, by the action's output names. */
  outputs: Map<string, string>
}

/**
 * The Host for a terminal or another CI system: log lines on stderr (`logLine`: control characters
 * stripped, so AWS text cannot drive the terminal, and workflow commands defused, so it cannot drive
 * a CI runner that reads the output), outputs kept for `--outputs-file`, the summary appended to
 * `--summary-file`.
 */
export function cliHost(options: {
  streams: CliStreams
  summaryFile?: string
  verbose: boolean
  workspace: string
  env: Record<string, string | undefined>
  /** The run's credentials, replaced with `***` in everything written (see redact.ts). */
  secrets?: readonly string[]
}): CliHost {
  const { streams, summaryFile } = options
  const redact = redactor(options.secrets ?? [])
  const line = (prefix: string, message: string, place?: AnnotationPlace): void => {
    const where = place?.file === undefined ? '' : ` (${place.file}:${place.startLine ?? 1})`
    const title = place?.title === undefined ? '' : `${place.title}: `
    streams.err(`${logLine(redact(`${prefix}${title}${message}${where}`))}\n`)
  }
  const outputs = new Map<string, string>()
  return {
    outputs,
    info: (message) => line('', message),
    debug: (message) => {
      if (options.verbose) line('debug: ', message)
    },
    warning: (message, place) => line('warning: ', message, place),
    // A step's own `inspector-gate …:` line is not also an `error:` one (one prefix a line).
    error: (message, place) =>
      PROGRAM_LINE.test(message)
        ? line('', programLine(message), place)
        : line('error: ', message, place),
    setOutput: (name, value) => {
      outputs.set(name, redact(value))
    },
    appendSummary: (markdown) => {
      if (summaryFile === undefined) return Promise.resolve(false)
      try {
        mkdirSync(dirname(summaryFile), { recursive: true })
        appendFileSync(summaryFile, redact(markdown))
        return Promise.resolve(true)
      } catch (error) {
        const reason = errorMessage(error)
        line('warning: ', `--summary-file: could not write ${summaryFile} (${reason})`)
        return Promise.resolve(false)
      }
    },
    workspace: options.workspace,
    env: options.env,
    redact,
    // A terminal has no workflow step to add: how the SDK finds credentials.
    awsAdvice: SDK_ADVICE
  }
}
