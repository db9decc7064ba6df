import { markdownText } from '../text/escape.js'
import type { Host } from './host.js'

export type CancelSignal = 'SIGTERM' | 'SIGINT'
const SIGNALS: readonly CancelSignal[] = ['SIGTERM', 'SIGINT']

/** The part of `process` this needs; tests pass an EventEmitter. */
export interface SignalSource {
  once(signal: CancelSignal, listener: () => void): unknown
  removeListener(signal: CancelSignal, listener: () => void): unknown
}

/** The shell's convention: 128 + the signal's number (SIGINT 2, SIGTERM 15). */
export const SIGNAL_EXIT_CODE: Record<CancelSignal, number> = { SIGINT: 130, SIGTERM: 143 }

/** How long the summary may take to write before the process exits anyway. */
const SUMMARY_WRITE_MS = 2_000

/**
 * A host that remembers what the step is doing, from its progress lines: a cancellation can then
 * say what it interrupted ("waiting for Inspector to scan …") instead of ending in silence.
 */
export function trackProgress(host: Host): { host: Host; doing(): string } {
  let last: string | undefined
  return {
    host: {
      ...host,
      info: (message) => {
        last = message
        host.info(message)
      }
    },
    // "app:v1 […]: SCAN_IN_PROGRESS; next check in 5s": the next check will not come.
    doing: () => (last === undefined ? 'starting' : last.replace(/; next check in [^;]*$/, ''))
  }
}

/**
 * On SIGTERM or SIGINT (a runner cancelling the job, `timeout-minutes`, Ctrl-C), the step still
 * ends as an error a user can read: `result=error`, one log line and one summary line saying what
 * was interrupted, then `exit` with 128 + the signal. Without this the process died mid-wait with
 * no result, no summary and no reason. Returns a function that removes the handlers.
 */
export function cancelOnSignals(options: {
  host: Host
  doing: () => string
  source: SignalSource
  /** Writes whatever else must survive (the CLI's outputs file) and ends the process. */
  exit: (code: number) => void
}): () => void {
  const { host, source } = options
  const handlers = SIGNALS.map((signal) => {
    const handler = (): void => {
      void cancel(signal)
    }
    source.once(signal, handler)
    return { signal, handler }
  })
  const remove = (): void => {
    for (const { signal, handler } of handlers) source.removeListener(signal, handler)
  }
  const cancel = async (signal: CancelSignal): Promise<void> => {
    remove()
    const line = `cancelled by ${signal} while ${options.doing()}`
    host.setOutput('result', 'error')
    host.error(`inspector-gate error: ${line}`)
    const summary = `### inspector-gate: error\n\n${markdownText(line, 1_000)}\n`
    await Promise.race([
      host.appendSummary(summary).catch(() => false),
      new Promise((resolve) => setTimeout(resolve, SUMMARY_WRITE_MS).unref())
    ])
    options.exit(SIGNAL_EXIT_CODE[signal])
  }
  return remove
}
