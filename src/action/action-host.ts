import * as core from '@actions/core'
import type { AnnotationPlace, Host } from '../steps/host.js'

/** The Host for a GitHub Actions runner: step outputs, the job summary, annotations, the log. */
export function actionHost(): Host {
  return {
    info: (message) => core.info(oneLine(message)),
    debug: (message) => core.debug(message),
    warning: (message, place) => core.warning(message, annotation(place)),
    error: (message, place) => core.error(message, annotation(place)),
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
 * core.info writes the text as is, and a line that starts with `::` is a workflow command. Text
 * from AWS (descriptions, names) must never start one, so every log line is kept to one line.
 * (core.warning/error/debug encode their message, so they need no such care.)
 */
export function oneLine(message: string): string {
  return message.replace(/[\r\n]+/g, ' ')
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
