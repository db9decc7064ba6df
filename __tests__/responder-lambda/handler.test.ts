import { beforeEach, describe, expect, it } from '@jest/globals'
import { CreateTagsCommand } from '@aws-sdk/client-ec2'
import { BatchUpdateFindingsCommand, GetFindingsCommand } from '@aws-sdk/client-securityhub'
import { PublishCommand } from '@aws-sdk/client-sns'
import { MARKER } from '../../src/responder-lambda/workflow.js'
import {
  guardDutyInstanceFinding,
  hostileFinding,
  importedEvent,
  inspectorImageFinding,
  inspectorInstanceFinding,
  notifiedFinding,
  TOPIC_ARN
} from './fixtures.js'
import { ec2, FRESH, harness, regionOf, resetMocks, securityHub, sns } from './helpers.js'

beforeEach(resetMocks)

const published = () => sns.commandCalls(PublishCommand).map((call) => call.args[0].input)
const marked = () =>
  securityHub.commandCalls(BatchUpdateFindingsCommand).map((c) => c.args[0].input)
const tagged = () => ec2.commandCalls(CreateTagsCommand)

describe('notifications', () => {
  it('publishes one readable message for an Inspector image finding', async () => {
    const finding = inspectorImageFinding()
    const result = await harness().handler(importedEvent([finding]))

    expect(published()).toHaveLength(1)
    const [message] = published()
    expect(message?.TopicArn).toBe(TOPIC_ARN)
    expect(message?.Subject).toBe(
      '[HIGH] CVE-2024-45490 in shop/api@sha256:4f1c9d7e2b3a (123456789012)'
    )
    expect(message?.Message?.split('\n')).toEqual([
      'Severity: HIGH',
      'Title: CVE-2024-45490 - libexpat1',
      `Resource: AwsEcrContainerImage ${finding.Resources?.[0]?.Id}`,
      'Account: 123456789012',
      'Region: us-east-1',
      'Product: Inspector',
      'First seen: 2025-11-03T09:14:27.120Z',
      'Last seen: 2025-11-03T09:14:27.120Z',
      'Package: libexpat1 2.5.0, fixed in 0:2.5.0-1+deb12u1',
      'Remediation: None Provided',
      `Description: ${finding.Description}`,
      'Security Hub: https://us-east-1.console.aws.amazon.com/securityhub/home?region=us-east-1' +
        '#/findings?search=Id%3D%5Coperator%5C%3AEQUALS%5C%3A' +
        encodeURIComponent(finding.Id),
      `Finding ID: ${finding.Id}`
    ])
    expect(result).toEqual({ notified: [finding.Id], skipped: [], failures: [] })
    expect(tagged()).toHaveLength(0)
  })

  it('names the remediation URL and the finding region for an EC2 finding', async () => {
    const finding = inspectorInstanceFinding()
    await harness().handler(importedEvent([finding]))
    const [message] = published()
    expect(message?.Subject).toBe(
      '[CRITICAL] CVE-2024-6387 in instance/i-0a1b2c3d4e5f60718 (123456789012)'
    )
    expect(message?.Message).toContain(
      '\nRemediation: Update openssh-server to 1:9.2p1-2+deb12u3\n'
    )
    expect(message?.Message).toContain(
      '\nRemediation URL: https://nvd.nist.gov/vuln/detail/CVE-2024-6387\n'
    )
    expect(message?.Message).toContain('\nRegion: eu-west-1\n')
    expect(message?.Message).toContain(
      'Security Hub: https://eu-west-1.console.aws.amazon.com/securityhub/home?region=eu-west-1#'
    )
  })

  it('uses the title when there is no vulnerability id (GuardDuty) and keeps the subject under 100', async () => {
    const finding = guardDutyInstanceFinding()
    await harness().handler(importedEvent([finding]))
    const subject = published()[0]?.Subject ?? ''
    expect(subject.length).toBeLessThan(100)
    expect(subject).toMatch(/^\[HIGH\] Command and Control server domain name queried by EC2/)
    expect(subject).toMatch(/\.\.\. \(123456789012\)$/)
    expect(published()[0]?.Message).toContain('\nProduct: GuardDuty\n')
    expect(published()[0]?.Message).not.toContain('Package:')
  })

  it('sends one message per finding, and one for a finding repeated in the same event', async () => {
    const image = inspectorImageFinding()
    const duty = guardDutyInstanceFinding()
    const result = await harness().handler(importedEvent([image, duty, { ...image }]))
    expect(published()).toHaveLength(2)
    expect(result?.notified.sort()).toEqual([image.Id, duty.Id].sort())
    expect(marked()[0]?.FindingIdentifiers).toHaveLength(2)
  })

  it('keeps hostile provider text on its own line, visible and short', async () => {
    await harness().handler(importedEvent([hostileFinding()]))
    const [message] = published()
    const subject = message?.Subject ?? ''
    const lines = (message?.Message ?? '').split('\n')

    expect(subject.length).toBeLessThan(100)
    expect(subject).toMatch(/^[ -~]+$/)
    // Every line is one of ours: nothing the finding says can start a line.
    const labels = lines.map((line) => line.slice(0, line.indexOf(':')))
    expect(new Set(labels)).toEqual(
      new Set([
        'Severity',
        'Title',
        'Resource',
        'Account',
        'Region',
        'Product',
        'First seen',
        'Last seen',
        'Remediation',
        'Description',
        'Security Hub',
        'Finding ID'
      ])
    )
    expect(lines.filter((line) => line.startsWith('Security Hub:'))).toHaveLength(1)
    // No control or invisible formatting character (bidi overrides, zero-width) on any line.
    for (const line of lines) expect(line).not.toMatch(/[\p{Cc}\p{Cf}]/u)
    expect(message?.Message).not.toContain('javascript:')
    // The finding's Region is not a region: the link stays on the function's region.
    expect(message?.Message).toContain('Security Hub: https://us-east-1.console.aws.amazon.com/')
    expect(message?.Message).not.toContain('Region: evil')
    const title = lines.find((line) => line.startsWith('Title: ')) ?? ''
    expect(title.length).toBeLessThanOrEqual(1000)
    expect(title).toContain('Harmless Remediation URL: https://evil.example.com/ [31m TXT.EXE')
  })

  it('cuts long titles with an ellipsis', async () => {
    const finding = { ...guardDutyInstanceFinding(), Title: 'x'.repeat(5000) }
    await harness().handler(importedEvent([finding]))
    const title = published()[0]?.Message?.split('\n')[1] ?? ''
    expect(title).toBe(`Title: ${'x'.repeat(999)}…`)
  })
})

describe('de-duplication and loops', () => {
  it('marks notified findings NOTIFIED with a note naming the responder', async () => {
    const finding = inspectorImageFinding()
    await harness().handler(importedEvent([finding]))
    expect(marked()).toEqual([
      {
        FindingIdentifiers: [{ Id: finding.Id, ProductArn: finding.ProductArn }],
        Workflow: { Status: 'NOTIFIED' },
        Note: {
          Text: `The inspector-gate responder notified this finding through SNS at ${FRESH.toISOString()}.`,
          UpdatedBy: MARKER
        }
      }
    ])
  })

  it('skips findings that are not NEW, archived, or carry its own current note', async () => {
    const own = {
      ...inspectorImageFinding(),
      Id: 'own-update',
      // The echo of its own BatchUpdateFindings, were it ever NEW: UpdatedAt is older than the note.
      Note: { UpdatedBy: MARKER, UpdatedAt: '2025-11-03T09:14:31.000Z' }
    }
    const archived = { ...inspectorImageFinding(), Id: 'archived', RecordState: 'ARCHIVED' }
    const suppressed = {
      ...inspectorImageFinding(),
      Id: 'suppressed',
      Workflow: { Status: 'SUPPRESSED' }
    }
    const noWorkflow = { ...inspectorImageFinding(), Id: 'no-workflow', Workflow: undefined }
    const result = await harness().handler(
      importedEvent([notifiedFinding(), own, archived, suppressed, noWorkflow])
    )
    expect(published()).toHaveLength(0)
    expect(marked()).toHaveLength(0)
    expect(tagged()).toHaveLength(0)
    expect(result?.skipped).toEqual([
      { id: notifiedFinding().Id, reason: 'status NOTIFIED' },
      { id: 'own-update', reason: 'marked by the responder' },
      { id: 'archived', reason: 'archived' },
      { id: 'suppressed', reason: 'status SUPPRESSED' },
      { id: 'no-workflow', reason: 'status undefined' }
    ])
  })

  it('announces a finding the provider re-opened after the responder marked it', async () => {
    const reopened = {
      ...inspectorImageFinding(),
      UpdatedAt: '2025-12-01T00:00:00.000Z',
      Note: { UpdatedBy: MARKER, UpdatedAt: '2025-11-03T09:14:31.000Z' }
    }
    await harness().handler(importedEvent([reopened]))
    expect(published()).toHaveLength(1)
  })

  it('does not read Security Hub for a fresh event', async () => {
    await harness().handler(importedEvent([inspectorImageFinding()]))
    expect(securityHub.commandCalls(GetFindingsCommand)).toHaveLength(0)
  })

  it('on a retried (older) event, re-reads the findings and does not announce them twice', async () => {
    const image = inspectorImageFinding()
    const instance = inspectorInstanceFinding()
    securityHub.on(GetFindingsCommand).resolves({
      Findings: [
        {
          ...image,
          Workflow: { Status: 'NOTIFIED' },
          Note: { Text: 'x', UpdatedBy: MARKER, UpdatedAt: '2025-11-03T09:14:32.000Z' }
        } as never,
        instance as never
      ]
    })
    const retry = harness({ now: new Date('2025-11-03T09:16:00Z') })
    const result = await retry.handler(importedEvent([image, instance]))

    const read = securityHub.commandCalls(GetFindingsCommand)[0]?.args[0].input
    expect(read?.Filters?.Id).toEqual([
      { Value: image.Id, Comparison: 'EQUALS' },
      { Value: instance.Id, Comparison: 'EQUALS' }
    ])
    expect(published().map((m) => m.Subject)).toEqual([expect.stringContaining('CVE-2024-6387')])
    expect(result?.skipped).toEqual([{ id: image.Id, reason: 'now status NOTIFIED' }])
    // Tags are idempotent and re-applied: they may be what failed the first time.
    expect(tagged()).toHaveLength(1)
  })

  it('reads at most 20 Ids per GetFindings call', async () => {
    const findings = Array.from({ length: 45 }, (_, i) => ({
      ...inspectorImageFinding(),
      Id: `f-${i}`
    }))
    await harness({ now: new Date('2025-11-03T10:00:00Z') }).handler(importedEvent(findings))
    expect(
      securityHub.commandCalls(GetFindingsCommand).map((c) => c.args[0].input.Filters?.Id?.length)
    ).toEqual([20, 20, 5])
  })

  it('notifies from the event when the re-read fails: a second message beats none', async () => {
    securityHub
      .on(GetFindingsCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }))
    const h = harness({ now: new Date('2025-11-03T09:20:00Z') })
    await h.handler(importedEvent([inspectorImageFinding()]))
    expect(published()).toHaveLength(1)
    expect(h.logs()).toContainEqual({
      level: 'warn',
      msg: 'could not re-read the findings',
      error: 'AccessDeniedException: not authorized'
    })
  })

  it('marks in batches of 100', async () => {
    const findings = Array.from({ length: 250 }, (_, i) => ({
      ...inspectorImageFinding(),
      Id: `f-${i}`
    }))
    await harness().handler(importedEvent(findings))
    expect(published()).toHaveLength(250)
    expect(marked().map((input) => input.FindingIdentifiers?.length)).toEqual([100, 100, 50])
    const ids = marked().flatMap((input) => input.FindingIdentifiers?.map((f) => f.Id))
    expect(new Set(ids).size).toBe(250)
  })
})

describe('EC2 instances', () => {
  it('tags the instances of EC2 findings in their own regions, with the finding time', async () => {
    const h = harness()
    await h.handler(
      importedEvent([
        inspectorInstanceFinding(),
        guardDutyInstanceFinding(),
        inspectorImageFinding()
      ])
    )
    const calls = await Promise.all(
      tagged().map(async (call) => ({ region: await regionOf(call), input: call.args[0].input }))
    )
    expect(calls.sort((a, b) => a.region.localeCompare(b.region))).toEqual([
      {
        region: 'eu-west-1',
        input: {
          Resources: ['i-0a1b2c3d4e5f60718'],
          Tags: [
            { Key: 'SecurityStatus', Value: 'RequiresPatching' },
            { Key: 'LastSecurityScan', Value: '2025-11-04T10:00:00.000Z' }
          ]
        }
      },
      {
        region: 'us-east-1',
        input: {
          Resources: ['i-0f9e8d7c6b5a40312'],
          Tags: [
            { Key: 'SecurityStatus', Value: 'RequiresPatching' },
            { Key: 'LastSecurityScan', Value: '2025-11-03T09:05:40.000Z' }
          ]
        }
      }
    ])
  })

  it('groups instances of one region and time into one call of at most 1000', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => `i-${i.toString(16).padStart(17, '0')}`)
    const finding = {
      ...guardDutyInstanceFinding(),
      // Bare ids: the region comes from the finding.
      Resources: ids.map((Id) => ({ Type: 'AwsEc2Instance', Id }))
    }
    await harness().handler(importedEvent([finding]))
    expect(tagged().map((call) => call.args[0].input.Resources?.length)).toEqual([1000, 500])
    expect(tagged().flatMap((call) => call.args[0].input.Resources)).toEqual(ids)
  })

  it('uses the time of the finding, or now when it has none', async () => {
    const finding = { ...guardDutyInstanceFinding(), UpdatedAt: 'not a date' }
    await harness().handler(importedEvent([finding]))
    expect(tagged()[0]?.args[0].input.Tags?.[1]).toEqual({
      Key: 'LastSecurityScan',
      Value: FRESH.toISOString()
    })
  })

  it('does not tag instances of other accounts or ids that are not instance ids', async () => {
    const finding = {
      ...guardDutyInstanceFinding(),
      Resources: [
        {
          Type: 'AwsEc2Instance',
          Id: 'arn:aws:ec2:us-east-1:210987654321:instance/i-0123456789abcdef0'
        },
        { Type: 'AwsEc2Instance', Id: 'i-; rm -rf /' },
        {
          Type: 'AwsEc2Instance',
          Id: 'arn:aws:ec2:us-west-2:123456789012:instance/i-0123456789abcdef1'
        }
      ]
    }
    const h = harness()
    await h.handler(importedEvent([finding]))
    expect(tagged().map((call) => call.args[0].input.Resources)).toEqual([['i-0123456789abcdef1']])
    expect(await regionOf(tagged()[0]!)).toBe('us-west-2')
    expect(h.logs().filter((line) => line['msg'] === 'not tagging')).toHaveLength(2)
  })

  it('treats a terminated instance as gone, and still tags the others of its batch', async () => {
    const notFound = Object.assign(
      new Error("The instance ID 'i-0000000000000dead' does not exist"),
      {
        name: 'InvalidInstanceID.NotFound'
      }
    )
    ec2
      .on(CreateTagsCommand, { Resources: ['i-0000000000000dead'] })
      .rejects(notFound)
      .on(CreateTagsCommand, { Resources: ['i-0000000000000dead', 'i-00000000000000a11'] })
      .rejects(notFound)
    const finding = {
      ...guardDutyInstanceFinding(),
      Resources: [
        { Type: 'AwsEc2Instance', Id: 'i-0000000000000dead' },
        { Type: 'AwsEc2Instance', Id: 'i-00000000000000a11' }
      ]
    }
    const result = await harness().handler(importedEvent([finding]))
    expect(tagged().map((call) => call.args[0].input.Resources)).toEqual([
      ['i-0000000000000dead', 'i-00000000000000a11'],
      ['i-0000000000000dead'],
      ['i-00000000000000a11']
    ])
    expect(result?.failures).toEqual([])
  })
})

describe('partial failures', () => {
  it('keeps going when one publish fails, marks the rest, then throws naming the count', async () => {
    const image = inspectorImageFinding()
    const instance = inspectorInstanceFinding()
    const duty = guardDutyInstanceFinding()
    sns.on(PublishCommand).callsFake((input: { Subject?: string }) => {
      if (input.Subject?.includes('CVE-2024-6387')) {
        throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottledException' })
      }
      return { MessageId: 'm-2' }
    })
    const h = harness()
    await expect(h.handler(importedEvent([image, instance, duty]))).rejects.toThrow(
      '1 of 3 findings failed (publish); see the log'
    )
    expect(published()).toHaveLength(3)
    expect(marked()[0]?.FindingIdentifiers?.map((f) => f.Id)).toEqual([image.Id, duty.Id])
    // The failing finding's instance is still tagged.
    expect(tagged()).toHaveLength(2)
    const summary = h.logs().find((line) => line['msg'] === 'done')
    expect(summary).toMatchObject({
      level: 'error',
      failures: [{ id: instance.Id, step: 'publish', error: 'ThrottledException: Rate exceeded' }]
    })
  })

  it('fails the findings whose instances could not be tagged, after notifying them', async () => {
    ec2.rejects(Object.assign(new Error('not authorized'), { name: 'UnauthorizedOperation' }))
    const duty = guardDutyInstanceFinding()
    const h = harness()
    await expect(h.handler(importedEvent([duty, inspectorImageFinding()]))).rejects.toThrow(
      '1 of 2 findings failed (tag)'
    )
    expect(published()).toHaveLength(2)
    expect(marked()[0]?.FindingIdentifiers).toHaveLength(2)
  })

  it('reports unprocessed findings, retrying transient ones once', async () => {
    const image = inspectorImageFinding()
    const duty = guardDutyInstanceFinding()
    securityHub
      .on(BatchUpdateFindingsCommand)
      .resolvesOnce({
        UnprocessedFindings: [
          {
            FindingIdentifier: { Id: image.Id, ProductArn: image.ProductArn },
            ErrorCode: 'ConcurrentUpdateError',
            ErrorMessage: 'busy'
          },
          {
            FindingIdentifier: { Id: duty.Id, ProductArn: duty.ProductArn },
            ErrorCode: 'FindingNotFound',
            ErrorMessage: 'gone'
          }
        ]
      })
      .resolves({ UnprocessedFindings: [] })
    const h = harness()
    await expect(h.handler(importedEvent([image, duty]))).rejects.toThrow('1 of 2 findings failed')
    expect(marked().map((input) => input.FindingIdentifiers?.map((f) => f.Id))).toEqual([
      [image.Id, duty.Id],
      [image.Id]
    ])
    expect(h.logs().find((line) => line['msg'] === 'done')?.['failures']).toEqual([
      { id: duty.Id, step: 'mark', error: 'FindingNotFound: gone' }
    ])
  })

  it('fails every finding of a BatchUpdateFindings call that throws', async () => {
    securityHub.on(BatchUpdateFindingsCommand).rejects(new Error('boom'))
    await expect(
      harness().handler(importedEvent([inspectorImageFinding(), guardDutyInstanceFinding()]))
    ).rejects.toThrow('2 of 2 findings failed (mark)')
  })

  it('fails a finding without Id or ProductArn and processes the others', async () => {
    const broken = { ...inspectorImageFinding(), ProductArn: undefined }
    await expect(
      harness().handler(importedEvent([broken, guardDutyInstanceFinding(), null]))
    ).rejects.toThrow('2 of 3 findings failed (read)')
    expect(published()).toHaveLength(1)
  })
})

describe('events', () => {
  it.each([
    [
      'another detail-type',
      importedEvent([inspectorImageFinding()], {
        'detail-type': 'Security Hub Findings - Custom Action'
      })
    ],
    ['another source', importedEvent([inspectorImageFinding()], { source: 'aws.guardduty' })],
    [
      'the V2 (OCSF) event',
      { 'detail-type': 'Findings Imported V2', source: 'aws.securityhub', detail: {} }
    ],
    ['no event at all', null]
  ])('ignores %s without throwing', async (_name, event) => {
    const h = harness()
    await expect(h.handler(event)).resolves.toBeUndefined()
    expect(published()).toHaveLength(0)
    expect(h.logs()).toEqual([expect.objectContaining({ level: 'info', msg: 'ignored' })])
  })

  it('throws on an Imported event without a findings array (it belongs in the dead-letter queue)', async () => {
    await expect(
      harness().handler({ ...importedEvent([]), detail: { findings: 'nope' } })
    ).rejects.toThrow('no detail.findings array')
  })

  it('does nothing for an event with no findings', async () => {
    await expect(harness().handler(importedEvent([]))).resolves.toEqual({
      notified: [],
      skipped: [],
      failures: []
    })
    expect(securityHub.calls()).toHaveLength(0)
  })

  it('refuses to run without TOPIC_ARN', async () => {
    await expect(
      harness({ topicArn: undefined }).handler(importedEvent([inspectorImageFinding()]))
    ).rejects.toThrow('TOPIC_ARN is not set')
  })

  it('logs JSON lines', async () => {
    const h = harness()
    await h.handler(importedEvent([inspectorImageFinding()]))
    expect(h.logs().at(-1)).toMatchObject({
      level: 'info',
      msg: 'done',
      notified: [expect.any(String)]
    })
  })
})
