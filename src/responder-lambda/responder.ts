import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'
import {
  findingsOf,
  isIdentified,
  type Finding,
  type IdentifiedFinding,
  type ImportedEvent
} from './finding.js'
import { tagInstances, type EC2Client } from './instances.js'
import { log } from './log.js'
import { renderNotification } from './message.js'
import { currentFindings, markNotified, skipReason, type SecurityHubClient } from './workflow.js'

// One require per SDK package keeps the inline bundle small: handler.ts takes the client from here.
export { SNSClient }

/**
 * Lambda retries a failed asynchronous invocation after about one and then two minutes, with the
 * same event, whose copy of a finding may be stale by then (we may have notified and marked it).
 * Older events are re-read from Security Hub first; younger ones cannot be retries, and skipping
 * the read keeps GetFindings (3 requests/s for the whole account) free for everyone else.
 */
const RETRY_MIN_AGE_MS = 30_000

export interface ResponderDeps {
  sns: SNSClient
  securityHub: SecurityHubClient
  /** An EC2 client for a region (instances are tagged in their own region). */
  ec2: (region: string) => EC2Client
  topicArn: string | undefined
  /** The function's region: console links and tags fall back to it when a finding names none. */
  region: string
  now?: () => Date
}

/** What went wrong for which finding; step is `publish`, `tag`, `mark` or `read` (no Id). */
export interface Failure {
  id: string
  step: string
  error: string
}

export interface ResponderResult {
  notified: string[]
  skipped: Array<{ id: string; reason: string }>
  failures: Failure[]
}

/**
 * Each finding is handled on its own: one failure never stops the others. At the end, any failure
 * fails the invocation, so Lambda retries it and then sends it to the dead-letter queue. Findings
 * already notified are marked NOTIFIED by then; the retry re-reads them, does not announce them
 * again, and re-applies the (idempotent) tags.
 */
export function createHandler(deps: ResponderDeps) {
  return async (event: ImportedEvent | null): Promise<ResponderResult | undefined> => {
    const findings = findingsOf(event)
    if (!findings) {
      log('info', 'ignored', { detailType: event?.['detail-type'], source: event?.source })
      return undefined
    }
    if (!deps.topicArn) throw Error('TOPIC_ARN is not set')
    const now = deps.now?.() ?? new Date()
    const notified: IdentifiedFinding[] = []
    const result: ResponderResult = { notified: [], skipped: [], failures: [] }
    // SDK errors print as `<name>: <message>`.
    const fail = (id: unknown, step: string, error: unknown) =>
      result.failures.push({ id: `${id}`, step, error: `${error}` })
    const keep = (current?: Map<string, Finding>) => (finding: IdentifiedFinding) => {
      const reason = skipReason(current?.get(finding.Id) ?? finding)
      if (reason) result.skipped.push({ id: finding.Id, reason: (current ? 'now ' : '') + reason })
      return !reason
    }

    // The same finding twice in one event gets one message: one per Id, the last copy wins.
    const unique = new Map<string, IdentifiedFinding>()
    for (const finding of findings) {
      if (isIdentified(finding)) unique.set(finding.Id, finding)
      else fail(finding?.Id, 'read', 'no Id or ProductArn')
    }
    const candidates = [...unique.values()].filter(keep())
    let current
    if (candidates[0] && !(+now - Date.parse(`${event?.time}`) < RETRY_MIN_AGE_MS)) {
      // Better a second message than none: when the read fails, go by the event.
      current = await currentFindings(
        deps.securityHub,
        candidates.map((f) => f.Id)
      ).catch((error: unknown) => {
        log('warn', 'could not re-read the findings', { error: `${error}` })
        return undefined
      })
    }
    const [tagFailures] = await Promise.all([
      tagInstances(candidates, deps.ec2, event?.account, deps.region, now),
      ...candidates.filter(keep(current)).map(async (finding) => {
        try {
          const { subject, body } = renderNotification(finding, deps.region)
          await deps.sns.send(
            new PublishCommand({ TopicArn: deps.topicArn, Subject: subject, Message: body })
          )
          notified.push(finding)
        } catch (error) {
          fail(finding.Id, 'publish', error)
        }
      })
    ])
    for (const [id, error] of tagFailures) fail(id, 'tag', error)
    for (const [id, error] of await markNotified(deps.securityHub, notified, now)) {
      fail(id, 'mark', error)
    }

    result.notified = notified.map((f) => f.Id)
    log(result.failures[0] ? 'error' : 'info', 'done', result)
    const failed = new Set(result.failures.map((f) => f.id)).size
    const steps = [...new Set(result.failures.map((f) => f.step))].join(', ')
    if (failed)
      throw Error(`${failed} of ${findings.length} findings failed (${steps}); see the log`)
    return result
  }
}
