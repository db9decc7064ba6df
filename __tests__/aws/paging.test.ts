import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  Inspector2Client,
  ListCoverageCommand,
  ListFindingsCommand
} from '@aws-sdk/client-inspector2'
import { mockClient } from 'aws-sdk-client-mock'
import { AwsCallError } from '../../src/aws/errors.js'
import { getCoverage, listImageFindings } from '../../src/aws/inspector.js'
import { guardedPages, pageGuard } from '../../src/aws/paging.js'
import { artifact } from '../fixtures/artifacts.js'
import { VirtualClock } from '../helpers/virtual-clock.js'

const inspector = mockClient(Inspector2Client)
const client = new Inspector2Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1
})
const image = artifact()

beforeEach(() => {
  inspector.reset()
})

describe('pageGuard', () => {
  it('accepts tokens it has not seen, and an empty token as the end', () => {
    const guard = pageGuard('ListCoverage')
    for (const token of ['A', 'B', 'C', '', undefined]) expect(() => guard(token)).not.toThrow()
  })

  it('refuses a token that comes back after others (A, B, A), naming the operation', () => {
    const guard = pageGuard('ListCoverage')
    guard('A')
    guard('B')
    let thrown: unknown
    try {
      guard('A')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AwsCallError)
    expect((thrown as AwsCallError).message).toBe(
      'ListCoverage returned a page token it had already returned (after 3 pages): its pages cycle, so the list would never be complete'
    )
    // Waiting it out would only page the same cycle again: the error ends the read at once.
    expect((thrown as AwsCallError).retryable).toBe(false)
  })

  it('refuses more pages than the bound', () => {
    const guard = pageGuard('GetFindings', 3)
    guard('A')
    guard('B')
    expect(() => guard('C')).toThrow('GetFindings returned more than 3 pages')
  })
})

describe('guardedPages', () => {
  /** A paginator that never ends: a fresh token on every page, and no rows. */
  async function* endless(): AsyncGenerator<{ token: string }> {
    for (let n = 0; ; n += 1) yield { token: `t${n}` }
  }

  it('reads a burst of pages at once, then paces the rest on the clock', async () => {
    const clock = new VirtualClock()
    let read = 0
    for await (const page of guardedPages('ListCoverage', endless(), (p) => p.token, { clock })) {
      expect(page.token).toBe(`t${read}`)
      read += 1
      if (read === 280) break
    }
    // 250 pages back to back, then one every 100 ms: a runaway read is slow, not a tight loop.
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(29)
    expect(clock.sleeps.length).toBeLessThanOrEqual(30)
    expect(clock.sleeps.every((ms) => ms === 100)).toBe(true)
  })

  it('ends an endless read at the page bound with an error', async () => {
    const clock = new VirtualClock()
    const read = async (): Promise<void> => {
      for await (const page of guardedPages('ListFindings', endless(), (p) => p.token, {
        clock,
        maxPages: 500
      }))
        void page
    }
    await expect(read()).rejects.toThrow('ListFindings returned more than 500 pages')
  })
})

describe('every Inspector read refuses cycling page tokens (issue 19 case 6)', () => {
  it('ListCoverage with no rows and tokens A, B, A… is an error after three calls', async () => {
    inspector
      .on(ListCoverageCommand)
      .resolvesOnce({ coveredResources: [], nextToken: 'A' })
      .resolvesOnce({ coveredResources: [], nextToken: 'B' })
      .resolves({ coveredResources: [], nextToken: 'A' })

    await expect(
      getCoverage(
        client,
        { resourceId: image.resourceId, accountId: image.registryId },
        'AWS_ECR_CONTAINER_IMAGE'
      )
    ).rejects.toThrow('ListCoverage returned a page token it had already returned (after 3 pages)')
    expect(inspector.commandCalls(ListCoverageCommand)).toHaveLength(3)
  })

  it('ListFindings with tokens that cycle is an error, not a short list', async () => {
    inspector
      .on(ListFindingsCommand)
      .resolvesOnce({ findings: [], nextToken: 'A' })
      .resolvesOnce({ findings: [], nextToken: 'B' })
      .resolves({ findings: [], nextToken: 'A' })

    await expect(
      listImageFindings(client, { ...image, registryId: image.registryId })
    ).rejects.toThrow('ListFindings returned a page token it had already returned (after 3 pages)')
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(3)
  })
})
