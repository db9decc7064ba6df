import * as core from '@actions/core'
import { logText } from '../publish/escape.js'
import type { AnnotationPlace, Host } from '../steps/host.js'

/** The Host for a GitHub Actions runner: step outputs, the job summary, annotations, the log. */
export function actionHost(): Host {
  return {
    info: (message) => core.info(oneLine(message)),
    debug: (message) => core.debug(logText(message)),
    warning: (message, place) => core.warning(logText(message), annotation(place)),
    error: (message, place) => core.error(logText(message), annotation(place)),
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: async (markdown) => {
      if (!process.env['GITHUB_STEP_SUMMARY']) return false
      try {
        await core.summary.addRaw(markdown).write()
        return true
      } catch (error) {
        core.warning(
          `could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
        )
        return false
      }
    },
    workspace: process.env['GITHUB_WORKSPACE'] ?? process.cwd(),
    env: process.env
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

function annotation(place: AnnotationPlace | undefined): core.AnnotationProperties {
  if (place === undefined) return {}
  return {
    ...(place.title === undefined ? {} : { title: place.title }),
    ...(place.file === undefined ? {} : { file: place.file }),
    ...(place.startLine === undefined ? {} : { startLine: place.startLine }),
    ...(place.endLine === undefined ? {} : { endLine: place.endLine })
  }
}
