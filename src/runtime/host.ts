import type { RunResult } from '../domain/result.js'
import { markdownText } from '../text/escape.js'
import type { AwsAdvice } from './aws-advice.js'
import type { Logger } from './logger.js'

/** Where an annotation points; mirrors what GitHub annotations accept. */
export interface AnnotationPlace {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
}

/**
 * What a step needs from the program running it. The GitHub Action implements it with
 * `@actions/core` (step outputs, job summary, annotations); the CLI with files, stderr and an exit
 * code. Steps never touch either directly, so both run the same code.
 */
export interface Host extends Logger {
  /** A problem the user should look at; `place` turns it into an annotation where supported. */
  error(message: string, place?: AnnotationPlace): void
  warning(message: string, place?: AnnotationPlace): void
  setOutput(name: string, value: string): void
  /** Appends markdown to the run's summary, where there is one; false when there is none. */
  appendSummary(markdown: string): Promise<boolean>
  /** Relative paths in inputs are resolved here. */
  workspace: string
  env: Record<string, string | undefined>
  /**
   * The run's credentials replaced with `***` (see redact.ts). The host applies it to everything
   * it writes; steps apply it to what they write themselves (files, the PR comment).
   */
  redact(text: string): string
  /** What this door tells a user to do when AWS credentials or the Region are missing or expired. */
  awsAdvice: AwsAdvice
}

/** What a step ended with: the action turns it into the step status, the CLI into an exit code. */
export interface StepOutcome {
  result: RunResult
  /** The one line the step fails with; undefined when it does not fail (e.g. `on-error: warn`). */
  failure?: string
  /**
   * The outcome for a terminal, as markdown or as JSON (the CLI's `--format`). Rendered on demand:
   * the action never asks, and a large verdict should not be rendered twice for nothing.
   */
  render: (format: OutputFormat) => string
}

export type OutputFormat = 'text' | 'markdown' | 'json'

/** A step that stopped before producing anything: bad input, missing region, an unexpected bug. */
export function failedStep(host: Host, line: string): StepOutcome {
  host.setOutput('result', 'error')
  return {
    result: 'error',
    failure: line,
    render: (format) => {
      if (format === 'markdown') return `${markdownText(line, 4_000)}\n`
      if (format === 'json') return `${JSON.stringify({ result: 'error', error: line }, null, 2)}\n`
      // The text result of a step that never ran is nothing: the line is the door's to print
      // (the CLI's one stderr line, the action's failed step), not a second time on stdout.
      return ''
    }
  }
}
