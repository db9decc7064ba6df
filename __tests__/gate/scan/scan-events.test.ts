import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { mockClient } from 'aws-sdk-client-mock'
import type { Clock } from '../../../src/runtime/clock.js'
import { DEFAULT_TIMING, type ScanDeps } from '../../../src/gate/scan/deps.js'
import { locateScanEventLogGroup } from '../../../src/gate/scan/scan-event-log-group.js'
import {
  LogGroupWatcher,
  type ScanEventHandle,
  type ScanEventSubject
} from '../../../src/gate/scan/scan-events.js'
import { testClients } from '../../fixtures/aws-clients.js'

const logs = mockClient(CloudWatchLogsClient)
const cloudformation = mockClient(CloudFormationClient)
const START = Date.parse('2026-11-22T10:00:00Z')
const REPOSITORY_ARN = 'arn:aws:ecr:us-east-1:123456789012:repository/app'
const GROUP = '/aws/events/inspector-gate-responder/inspector-scans'

/** Sleeps wait until the test lets them end (`wakeNext`) or their wake signal aborts. */
class HeldClock implements Clock {
  time = START
  readonly held: { ms: number; end: () => void }[] = []
  now(): number {
    return this.time
  }
  sleep(ms: number, wake?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (wake?.aborted) return resolve()
      const sleeper = { ms, end: resolve }
      this.held.push(sleeper)
      wake?.addEventListener(
        'abort',
        () => {
          this.held.splice(this.held.indexOf(sleeper), 1)
          resolve()
        },
        { once: true }
      )
    })
  }
  wakeNext(): void {
    const sleeper = this.held.shift()
    if (sleeper === undefined) throw new Error('nothing is sleeping')
    this.time += sleeper.ms
    sleeper.end()
  }
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve))
}

function subject(digestChar: string): ScanEventSubject {
  return {
    digest: `sha256:${digestChar.repeat(64)}`,
    repositoryArn: REPOSITORY_ARN,
    region: 'us-east-1',
    pushedAt: START
  }
}

function scanEventMessage(s: ScanEventSubject): string {
  return JSON.stringify({
    version: '0',
    id: 'c2cbb9a8-2a8e-4b55-8b5d-1e0f7b2e9d11',
    'detail-type': 'Inspector2 Scan',
    source: 'aws.inspector2',
    account: '123456789012',
    time: new Date(START + 30_000).toISOString(),
    region: 'us-east-1',
    resources: [`${s.repositoryArn}/${s.digest}`],
    detail: {
      'scan-status': 'INITIAL_SCAN_COMPLETE',
      'repository-name': s.repositoryArn,
      'finding-severity-counts': { CRITICAL: 0, HIGH: 1, MEDIUM: 0, TOTAL: 1 },
      'image-digest': s.digest,
      'image-tags': ['v1']
    }
  })
}

function deps(clock: Clock, warnings: string[] = [], infos: string[] = []): ScanDeps {
  return {
    clients: testClients(),
    clock,
    log: {
      info: (m) => void infos.push(m),
      warning: (m) => void warnings.push(m),
      debug: () => undefined
    },
    timing: DEFAULT_TIMING,
    deadline: START + 15 * 60_000
  }
}

/** Every handle a test opened is closed after it, so no watcher outlives a failed test. */
const opened: ScanEventHandle[] = []
function watch(watcher: LogGroupWatcher, target: ScanEventSubject): ScanEventHandle {
  const handle = watcher.watch(target)
  opened.push(handle)
  return handle
}
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

const searches = (): number => logs.commandCalls(FilterLogEventsCommand).length

beforeEach(() => {
  logs.reset()
  cloudformation.reset()
  // Each search ends on a later turn of the event loop, as a real call does: a watcher that
  // searched in a tight loop then shows as extra searches instead of starving the test.
  logs.on(FilterLogEventsCommand).callsFake(async () => {
    await new Promise((resolve) => setImmediate(resolve))
    return { events: [] }
  })
})

describe('LogGroupWatcher', () => {
  it('a target arriving just after the only other one closed still waits a full interval between searches', async () => {
    const clock = new HeldClock()
    const watcher = new LogGroupWatcher(GROUP, 'us-east-1', deps(clock))
    const first = watch(watcher, subject('a'))
    await settle()
    expect(searches()).toBe(1)
    expect(clock.held.map((s) => s.ms)).toEqual([DEFAULT_TIMING.scanEventPollMs])

    // The pause ends early (nobody waits), and a new target arrives before the loop notices.
    first.close()
    const second = watch(watcher, subject('b'))
    await settle()
    // One search for the newcomer, then a real pause: not a loop of searches on a spent signal.
    expect(searches()).toBe(2)
    expect(clock.held.map((s) => s.ms)).toEqual([DEFAULT_TIMING.scanEventPollMs])

    clock.wakeNext()
    await settle()
    expect(searches()).toBe(3)
    second.close()
    await settle()
    expect(clock.held).toEqual([])
  })

  it("finds a target's event, aborts its signal and stops searching once nobody waits", async () => {
    const clock = new HeldClock()
    const target = subject('c')
    logs
      .on(FilterLogEventsCommand)
      .resolvesOnce({ events: [] })
      .resolves({ events: [{ timestamp: START + 31_000, message: scanEventMessage(target) }] })
    const watcher = new LogGroupWatcher(GROUP, 'us-east-1', deps(clock))
    const handle = watch(watcher, target)
    await settle()
    expect(handle.state().kind).toBe('pending')
    clock.wakeNext()
    await settle()
    expect(handle.found.aborted).toBe(true)
    expect(handle.state()).toMatchObject({
      kind: 'found',
      event: { digest: target.digest, counts: { bySeverity: { HIGH: 1 }, total: 1 } }
    })
    expect(searches()).toBe(2)
    expect(clock.held).toEqual([])
    expect(logs.commandCalls(FilterLogEventsCommand)[0]?.args[0].input).toMatchObject({
      logGroupName: GROUP,
      filterPattern: `"${target.digest}"`,
      startTime: START - 60_000
    })
  })

  it('locates the group once for every target, and one that arrives later is told at once', async () => {
    const clock = new HeldClock()
    const infos: string[] = []
    let lookups = 0
    const watcher = new LogGroupWatcher(
      async () => {
        lookups += 1
        return { unavailable: 'no stack inspector-gate-responder in us-east-1', level: 'info' }
      },
      'us-east-1',
      deps(clock, [], infos)
    )
    const early = [watch(watcher, subject('d')), watch(watcher, subject('e'))]
    await settle()
    const late = watch(watcher, subject('f'))
    expect([...early, late].map((h) => h.state())).toEqual(
      Array(3).fill({
        kind: 'unavailable',
        reason: 'no stack inspector-gate-responder in us-east-1'
      })
    )
    expect(lookups).toBe(1)
    expect(searches()).toBe(0)
    expect(infos).toHaveLength(1)
  })
})

describe('locateScanEventLogGroup', () => {
  const stack = (outputs: { OutputKey: string; OutputValue: string }[]) =>
    cloudformation.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'inspector-gate-responder',
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date(START),
          Outputs: outputs
        }
      ]
    })
  const fromStack = { kind: 'from-stack', stackName: 'inspector-gate-responder' } as const

  it("gives the stack's ScanEventLogGroup output", async () => {
    stack([{ OutputKey: 'ScanEventLogGroup', OutputValue: GROUP }])
    await expect(
      locateScanEventLogGroup(fromStack, 'us-east-1', { clients: testClients() })
    ).resolves.toEqual({ logGroupName: GROUP })
  })

  it('warns about an output that is no log group name, quoting it on one line', async () => {
    stack([{ OutputKey: 'ScanEventLogGroup', OutputValue: 'arn:aws:logs:x\nFAKE' }])
    const located = await locateScanEventLogGroup(fromStack, 'us-east-1', {
      clients: testClients()
    })
    expect(located).toEqual({
      unavailable:
        'the stack inspector-gate-responder in us-east-1 gives ScanEventLogGroup "arn:aws:logs:x\\nFAKE", which is not a log group name',
      level: 'warning'
    })
  })

  it('names the group as given without asking CloudFormation', async () => {
    await expect(
      locateScanEventLogGroup({ kind: 'named', logGroupName: GROUP }, 'us-east-1', {
        clients: testClients()
      })
    ).resolves.toEqual({ logGroupName: GROUP })
    expect(cloudformation.calls()).toHaveLength(0)
  })
})
