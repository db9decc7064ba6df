import * as core from '@actions/core'
import { logText } from '../text/escape.js'
import type { AnnotationPlace, Host } from '../runtime/host.js'
import { redactor, type Redactor } from '../runtime/redact.js'
import { errorMessage } from '../runtime/error-message.js'
import { runnerWorkspace } from './runner-env.js'
import { ACTION_ADVICE } from './advice.js'

/**
 * The Host for a GitHub Actions runner: step outputs, the job summary, annotations, the log. The
 * run's credentials (`secrets`) are registered with the runner's masking and also replaced in
 * every text written here, since the masking does not reach the summary or the outputs.
 */
export function actionHost(secrets: readonly string[] = []): Host {
  const redact = redactor(secrets)
  for (const secret of secrets) core.setSecret(secret)
  return {
    info: (message) => core.info(oneLine(redact(message))),
    debug: (message) => core.debug(logText(redact(message))),
    warning: (message, place) => core.warning(logText(redact(message)), annotation(place, redact)),
    error: (message, place) => core.error(logText(redact(message)), annotation(place, redact)),
    setOutput: (name, value) => core.setOutput(name, redact(value)),
    appendSummary: async (markdown) => {
      if (!process.env['GITHUB_STEP_SUMMARY']) return false
      try {
        await core.summary.addRaw(redact(markdown)).write()
        return true
      } catch (error) {
        core.warning(redact(`could not write the job summary: ${errorMessage(error)}`))
        return false
      }
    },
    workspace: runnerWorkspace(process.env),
    env: process.env,
    redact,
    awsAdvice: ACTION_ADVICE
  }
}

/**
 * core.info writes the text as is, and the runner runs a line that starts with `::` (after white
 * space) or holds a legacy `##[…]` as a workflow command. Text from AWS (descriptions, names) must
 * never start one, so every log line is kept to one line, with commands defused and terminal
 * controls removed (`logText`). core.warning/error/debug encode line breaks in their message, so
 * those get `logText` alone: no colours or bidi overrides from AWS in the log or an annotation.
 */
export function oneLine(message: string): string {
  return logText(message.replace(/[\r\n]+/g, ' '))
}

function annotation(
  place: AnnotationPlace | undefined,
  redact: Redactor
): core.AnnotationProperties {
  if (place === undefined) return {}
  return {
    ...(place.title === undefined ? {} : { title: redact(place.title) }),
    ...(place.file === undefined ? {} : { file: place.file }),
    ...(place.startLine === undefined ? {} : { startLine: place.startLine }),
    ...(place.endLine === undefined ? {} : { endLine: place.endLine })
  }
}
