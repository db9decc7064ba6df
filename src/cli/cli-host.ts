import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { logLine } from '../text/escape.js'
import type { AnnotationPlace, Host } from '../runtime/host.js'
import { redactor } from '../runtime/redact.js'

export interface CliStreams {
  /** The result in the chosen format goes here (stdout), so it can be piped. */
  out: (text: string) => void
  /** Progress, warnings and errors go here (stderr). */
  err: (text: string) => void
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
    error: (message, place) => line('error: ', message, place),
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
        const reason = error instanceof Error ? error.message : String(error)
        line('warning: ', `--summary-file: could not write ${summaryFile} (${reason})`)
        return Promise.resolve(false)
      }
    },
    workspace: options.workspace,
    env: options.env,
    redact
  }
}
