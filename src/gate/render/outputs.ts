import type { Verdict } from '../../domain/verdict.js'

/**
 * The step outputs, all strings as `core.setOutput` takes them. Severity counts are the verdict's:
 * active, not-ignored findings by raw severity (as Inspector shows them). `findings-file` is added
 * by the action adapter, which knows the path.
 */
export function gateOutputs(verdict: Verdict): Record<string, string> {
  const { critical, high, medium, low, informational, untriaged } = verdict.counts
  const blocking = verdict.assessed.filter((entry) => entry.blocking).length
  const ignored = verdict.ignored.length
  // Built field by field so `counts` has a fixed key order whatever order the verdict used.
  const counts = { critical, high, medium, low, informational, untriaged, blocking, ignored }
  return {
    result: verdict.result,
    critical: String(critical),
    high: String(high),
    medium: String(medium),
    low: String(low),
    informational: String(informational),
    untriaged: String(untriaged),
    blocking: String(blocking),
    counts: JSON.stringify(counts)
  }
}
