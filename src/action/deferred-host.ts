import type { AnnotationPlace, Host } from '../runtime/host.js'

/** A Host whose writing half (the `@actions/core` one) is loaded only when first needed. */
export interface DeferredHost {
  host: Host
  /**
   * Loads the real host if nothing has yet, and resolves once every call made before it loaded has
   * reached it, in order. The action awaits it before it ends, however it ends.
   */
  ready(): Promise<Host>
}

/**
 * The action's Host while `@actions/core` is not loaded yet (issue 13, cold start): a step's first
 * AWS request goes out before the toolkit is parsed, and what the step writes before the toolkit is
 * there waits for it. `workspace`, `env` and `redact` need no toolkit and are given (`now`), equal
 * to the real host's. The first write (a log line, an output, the summary) starts `load`; the calls
 * made until it resolves are replayed on the real host in the order they were made, and every call
 * after that goes straight to it, as if there were no wrapper. A load that fails rejects `ready()`:
 * nothing can be written without the toolkit, and the action fails (index.ts).
 */
export function deferredHost(
  now: Pick<Host, 'workspace' | 'env' | 'redact' | 'awsAdvice'>,
  load: () => Promise<Host>
): DeferredHost {
  let loaded: Host | undefined
  let loading: Promise<Host> | undefined
  const waiting: ((host: Host) => void)[] = []
  const ready = (): Promise<Host> => {
    loading ??= load().then((host) => {
      loaded = host
      for (const call of waiting.splice(0)) call(host)
      return host
    })
    return loading
  }
  const write = (call: (host: Host) => void): void => {
    if (loaded !== undefined) {
      call(loaded)
      return
    }
    waiting.push(call)
    // Whoever ends the run awaits ready() and sees a failed load; this one only starts it.
    ready().catch(() => undefined)
  }
  return {
    host: {
      ...now,
      info: (message) => write((host) => host.info(message)),
      debug: (message) => write((host) => host.debug(message)),
      warning: (message, place?: AnnotationPlace) => write((host) => host.warning(message, place)),
      error: (message, place?: AnnotationPlace) => write((host) => host.error(message, place)),
      setOutput: (name, value) => write((host) => host.setOutput(name, value)),
      appendSummary: async (markdown) => (await ready()).appendSummary(markdown)
    },
    ready
  }
}
