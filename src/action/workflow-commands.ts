/**
 * The GitHub Actions runner protocol, as @actions/core speaks it, for the few calls the action
 * makes: inputs, step outputs, log lines, annotations, masks, the job summary. Why not
 * @actions/core itself: importing it loads @actions/http-client and undici (for OIDC tokens the
 * action never asks for), about 1 MB of bundle that cost ~90 ms before the first AWS request
 * (issue 13, cold start). Encodings and file formats are @actions/core's, byte for byte:
 * `__tests__/action/workflow-commands.test.ts` holds each call against the library.
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, constants, existsSync } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/** Where an annotation points (@actions/core's AnnotationProperties, the part the action uses). */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
}

/** `INPUT_<NAME>` (spaces as `_`, upper case), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** A step output: a `name<<delimiter` record in $GITHUB_OUTPUT, else the old `set-output` command. */
export function setOutput(name: string, value: string): void {
  const file = process.env['GITHUB_OUTPUT'] || ''
  if (file) {
    appendToCommandFile(file, keyValueRecord(name, value))
    return
  }
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, value)
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function warning(message: string, place: AnnotationProperties = {}): void {
  issueCommand('warning', commandProperties(place), message)
}

export function error(message: string, place: AnnotationProperties = {}): void {
  issueCommand('error', commandProperties(place), message)
}

/** Registers a value with the runner's log masking. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

/** Appends markdown to the job summary ($GITHUB_STEP_SUMMARY), as `summary.addRaw().write()`. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env['GITHUB_STEP_SUMMARY']
  if (!file) {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
    )
  }
  try {
    await access(file, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`
    )
  }
  await appendFile(file, markdown, { encoding: 'utf8' })
}

function issueCommand(command: string, properties: Record<string, unknown>, message: string): void {
  let line = `::${command}`
  // As @actions/core: a space once there are properties at all, even if none has a value.
  if (Object.keys(properties).length > 0) {
    const set = Object.entries(properties).filter(([, value]) => value)
    line += ` ${set.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}`
  }
  process.stdout.write(`${line}::${escapeData(message)}${EOL}`)
}

/** @actions/core's toCommandProperties: `startLine` is the runner's `line`. */
function commandProperties(place: AnnotationProperties): Record<string, unknown> {
  if (Object.keys(place).length === 0) return {}
  return { title: place.title, file: place.file, line: place.startLine, endLine: place.endLine }
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** A random delimiter per record: a value cannot end its record early and forge another output. */
function keyValueRecord(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  }
  if (value.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`
}

function appendToCommandFile(file: string, message: string): void {
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  appendFileSync(file, `${message}${EOL}`, { encoding: 'utf8' })
}
