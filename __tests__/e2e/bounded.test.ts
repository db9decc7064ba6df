/**
 * Issue 19 cases 6, 7 and 9: the bundle ends by its own timeout whatever the endpoint does (pages
 * that never end, a request never answered, a throttling storm), and a cancelled run still says
 * what it was doing, with `result=error`.
 */
import { describe, expect, it } from '@jest/globals'
import type { AnswerEdit } from '../fake-aws/scenario.js'
import { scenarioImages, scenarios, withTimeScale } from '../fake-aws/scenarios.js'
import { startFakeAws } from '../fake-aws/server.js'
import { e2eHarness, POLL } from './harness.js'
import { runBundle } from './runner.js'

const { gate, start } = e2eHarness()

/** ListCoverage answers no rows and hands out page tokens from `next` (given the one it was sent). */
function coveragePages(next: (sent: unknown) => string): AnswerEdit {
  return {
    operation: 'ListCoverage',
    ownsPageTokens: true,
    edit: (_answer, input) => ({ coveredResources: [], nextToken: next(input['nextToken']) })
  }
}

describe('gate e2e: every read ends by the timeout (issue 19 cases 6 and 9)', () => {
  it('case 6: ListCoverage tokens that cycle (A, B, A…) are an error naming it, at once', async () => {
    const run = await gate(
      'criticals',
      { timeout: '6s' },
      {},
      { answerEdits: [coveragePages((sent) => (sent === 'A' ? 'B' : 'A'))] }
    )

    expect(run.outputs['result']).toBe('error')
    expect(run.exitCode).toBe(1)
    expect(run.log).toContain(
      'ListCoverage returned a page token it had already returned (after 3 pages): its pages cycle'
    )
  })

  it('case 6: ListCoverage pages that never end are paced and cut off by the timeout', async () => {
    let n = 0
    const run = await gate(
      'criticals',
      { timeout: '6s' },
      {},
      { answerEdits: [coveragePages(() => `page-${(n += 1)}`)] }
    )

    expect(run.outputs['result']).toBe('error')
    expect(run.log).toMatch(
      /the timeout \(6s\) ran out while checking Inspector coverage of \S+: ListCoverage had not finished/
    )
    // Unpaced, this endpoint took ~48,000 requests in a minute; paced, 250 at once then 10 a second.
    expect(n).toBeGreaterThan(1)
    expect(n).toBeLessThan(500)
  })

  it('case 9: a ListCoverage request that is never answered ends at the timeout, naming it', async () => {
    const run = await gate(
      'criticals',
      { timeout: '6s' },
      {},
      { faults: [{ operation: 'ListCoverage', count: 1_000, status: 500, stall: true }] }
    )

    expect(run.outputs['result']).toBe('error')
    expect(run.exitCode).toBe(1)
    expect(run.log).toMatch(
      /the timeout \(6s\) ran out while checking Inspector coverage of \S+: ListCoverage had not finished/
    )
    expect(run.summary).toContain('timed out')
  })

  it('case 9: a throttling storm on ListCoverage ends as an error within the timeout', async () => {
    const run = await gate(
      'criticals',
      { timeout: '6s' },
      {},
      { faults: [{ operation: 'ListCoverage', count: 100_000, status: 429 }] }
    )

    expect(run.outputs['result']).toBe('error')
    expect(run.exitCode).toBe(1)
    // Cut off mid-backoff, or (when the SDK gave up between polls) the wait ran out: both say why.
    expect(run.log).toMatch(
      /the timeout \(6s\) ran out while checking Inspector coverage|timed out waiting for Inspector[^\n]*throttling/
    )
    expect(run.summary).toContain('timed out')
  })
})

describe('gate e2e: a cancelled run says so (issue 19 case 7)', () => {
  it('SIGTERM mid-wait writes result=error and a summary line, and exits 143', async () => {
    const fake = await start('neverScanned')
    let pid: number | undefined
    let signalled = false
    const run = await runBundle({
      endpoint: fake.url,
      inputs: { images: scenarioImages.neverScanned.uri, timeout: '5m' },
      env: { INSPECTOR_GATE_POLL_INTERVAL: POLL },
      onSpawn: (spawned) => (pid = spawned),
      onOutput: (chunk) => {
        // The first "next check" line: the gate is waiting for a scan that will not come.
        if (!signalled && pid !== undefined && chunk.includes('next check in')) {
          signalled = true
          process.kill(pid, 'SIGTERM')
        }
      }
    })

    expect(signalled).toBe(true)
    expect(run.exitCode).toBe(143)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toMatch(/::error::inspector-gate error: cancelled by SIGTERM while \S+/)
    expect(run.summary).toMatch(/inspector-gate: error[\s\S]*cancelled by SIGTERM while/)
  })

  it('SIGTERM at the first request, before @actions/core has loaded, still writes result=error, the line and the summary', async () => {
    // The endpoint holds every request until the bundle has exited, and signals it when the first
    // arrives: the step has written nothing yet, so the toolkit is not loaded (src/action/run.ts).
    let pid: number | undefined
    let signalled = false
    let exited: () => void = () => undefined
    const gone = new Promise<void>((resolve) => (exited = resolve))
    const fake = await startFakeAws(withTimeScale({ ...scenarios.clean, slowMs: 1 }, 10), {
      delay: async () => {
        if (!signalled && pid !== undefined) {
          signalled = true
          process.kill(pid, 'SIGTERM')
        }
        await gone
      }
    })
    try {
      const run = await runBundle({
        endpoint: fake.url,
        inputs: { images: scenarioImages.clean.uri, timeout: '5m' },
        env: { INSPECTOR_GATE_POLL_INTERVAL: POLL },
        onSpawn: (spawned) => (pid = spawned)
      })
      exited()
      expect(signalled).toBe(true)
      expect(fake.calls.map((call) => call.operation)).toEqual(['GetCallerIdentity'])
      expect(run.exitCode).toBe(143)
      expect(run.outputs['result']).toBe('error')
      expect(run.log).toContain(
        '::error::inspector-gate error: cancelled by SIGTERM while starting'
      )
      expect(run.summary).toMatch(/inspector-gate: error[\s\S]*cancelled by SIGTERM while starting/)
    } finally {
      exited()
      await fake.close()
    }
  })
})
