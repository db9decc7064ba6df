import {
  Inspector2Client,
  ListCoverageCommand,
  paginateListFindings,
  type FilterCriteria
} from '@aws-sdk/client-inspector2'
import { setTimeout as sleep } from 'node:timers/promises'
import { BENCH_CREDENTIALS, BENCH_REGION } from './in-process.js'

export interface FixedPollTarget {
  /** Inspector's resource id: `arn:aws:ecr:<region>:<account>:repository/<repo>/<digest>`. */
  resourceId: string
  digest: string
  repository: string
}

export interface FixedPollResult {
  result: 'pass' | 'fail' | 'error'
  /** Findings of the one read, by Inspector severity. */
  bySeverity: Record<string, number>
  findings: number
  /** `stamp()` when a coverage poll first saw the scan final, and when the verdict was made. */
  sawFinalAt: number
  verdictAt: number
  /** Requests this approach sent: coverage polls plus ListFindings pages. */
  calls: number
  message?: string
}

/**
 * The baseline: what the existing Inspector gate actions do, re-implemented small and honestly. Poll
 * ListCoverage for the image's resource every `intervalMs` until its scan status is SUCCESSFUL, then
 * read ListFindings for the image hash ONCE (every page) and fail if a finding is at or above the
 * threshold. No backoff, no check that the scan is of this push, no settling. `stamp` is the clock
 * the times are reported on (the bench passes the endpoint's scenario seconds).
 */
export async function fixedPollGate(options: {
  endpoint: string
  target: FixedPollTarget
  stamp: () => number
  intervalMs?: number
  timeoutMs?: number
  /** Severities that fail the gate (the gate's default `fail-on: high`). */
  failOn?: string[]
}): Promise<FixedPollResult> {
  const intervalMs = options.intervalMs ?? 5_000
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000)
  const failOn = new Set(options.failOn ?? ['CRITICAL', 'HIGH'])
  const client = new Inspector2Client({
    endpoint: options.endpoint,
    region: BENCH_REGION,
    credentials: BENCH_CREDENTIALS
  })
  let calls = 0
  const eq = (value: string) => [{ comparison: 'EQUALS' as const, value }]
  try {
    let sawFinalAt = NaN
    for (;;) {
      calls += 1
      const coverage = await client.send(
        new ListCoverageCommand({
          filterCriteria: {
            resourceId: eq(options.target.resourceId),
            resourceType: eq('AWS_ECR_CONTAINER_IMAGE')
          }
        })
      )
      const status = coverage.coveredResources?.[0]?.scanStatus
      if (status?.reason === 'SUCCESSFUL') {
        sawFinalAt = options.stamp()
        break
      }
      if (status?.statusCode === 'INACTIVE') {
        const at = options.stamp()
        return {
          result: 'error',
          bySeverity: {},
          findings: 0,
          sawFinalAt: at,
          verdictAt: at,
          calls,
          message: `scan ${status.reason ?? 'INACTIVE'}`
        }
      }
      if (Date.now() + intervalMs > deadline) throw new Error('timed out waiting for the scan')
      await sleep(intervalMs)
    }

    const filterCriteria: FilterCriteria = {
      ecrImageHash: eq(options.target.digest),
      ecrImageRepositoryName: eq(options.target.repository),
      findingStatus: eq('ACTIVE')
    }
    const bySeverity: Record<string, number> = {}
    let findings = 0
    for await (const page of paginateListFindings({ client, pageSize: 100 }, { filterCriteria })) {
      calls += 1
      for (const finding of page.findings ?? []) {
        const severity = finding.severity ?? 'UNTRIAGED'
        bySeverity[severity] = (bySeverity[severity] ?? 0) + 1
        findings += 1
      }
    }
    const blocking = [...failOn].reduce((sum, severity) => sum + (bySeverity[severity] ?? 0), 0)
    return {
      result: blocking > 0 ? 'fail' : 'pass',
      bySeverity,
      findings,
      sawFinalAt,
      verdictAt: options.stamp(),
      calls
    }
  } finally {
    client.destroy()
  }
}
