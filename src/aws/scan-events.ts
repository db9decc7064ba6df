import { paginateFilterLogEvents, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import type { Clock } from '../runtime/clock.js'
import { callAws } from './errors.js'
import { guardedPages } from './paging.js'

/** One log event's message and timestamp, as CloudWatch Logs returns it. */
export interface LogMessage {
  timestamp: number
  message: string
}

export interface LogQuery {
  logGroupName: string
  /** CloudWatch Logs term syntax: `"sha256:…"`, or `?"a" ?"b"` for either. */
  filterPattern: string
  /** Epoch ms; nothing older is searched (the look-back bound). */
  startTime: number
}

/**
 * Every event of the log group matching the pattern since `startTime`, all pages. FilterLogEvents
 * may answer pages without events while it is still searching, with a token for the rest: only a
 * page without a token ends the search.
 */
export async function filterLogMessages(
  client: CloudWatchLogsClient,
  query: LogQuery,
  clock: Clock
): Promise<LogMessage[]> {
  return callAws(
    {
      action: 'logs:FilterLogEvents',
      doing: `reading Inspector's scan events from the log group ${query.logGroupName}`
    },
    async () => {
      const messages: LogMessage[] = []
      const pages = paginateFilterLogEvents(
        { client },
        {
          logGroupName: query.logGroupName,
          filterPattern: query.filterPattern,
          startTime: query.startTime
        }
      )
      for await (const page of guardedPages('FilterLogEvents', pages, (p) => p.nextToken, {
        clock
      })) {
        for (const event of page.events ?? []) {
          if (typeof event.message === 'string' && typeof event.timestamp === 'number')
            messages.push({ timestamp: event.timestamp, message: event.message })
        }
      }
      return messages
    }
  )
}
