import { describe, expect, it } from '@jest/globals'
import { ListFindingsCommand } from '@aws-sdk/client-inspector2'
import { Inspector2Client } from '@aws-sdk/client-inspector2'
import { modelViolations } from './model-check.js'
import { scenarios } from './scenarios.js'
import { fakesClosedAfterEachTest, TEST_CREDENTIALS } from './test-support.js'
import { startFakeAws } from './server.js'
import { manualNow } from './timeline.js'

const finding = (n: number) => ({
  findingArn: `arn:aws:inspector2:us-east-1:123456789012:finding/${n.toString(16).padStart(32, '0')}`,
  awsAccountId: '123456789012',
  type: 'PACKAGE_VULNERABILITY',
  description: 'd',
  remediation: {},
  severity: 'HIGH',
  firstObservedAt: 1_767_000_000,
  lastObservedAt: 1_767_000_000,
  status: 'ACTIVE',
  resources: [{ type: 'AWS_ECR_CONTAINER_IMAGE', id: 'arn:x' }]
})

describe('modelViolations', () => {
  it('accepts an answer the model allows', () => {
    expect(
      modelViolations('inspector2', 'ListFindings', 'response', { findings: [finding(1)] })
    ).toEqual([])
  })

  it('names each way an answer differs from the model', () => {
    const { resources: _r, ...withoutResources } = finding(2)
    void _r
    const answer = {
      findings: [
        ...Array.from({ length: 25 }, (_, i) => finding(i)),
        withoutResources,
        { ...finding(3), severity: 'SEVERE', title: 7, colour: 'red' }
      ]
    }
    expect(modelViolations('inspector2', 'ListFindings', 'response', answer)).toEqual([
      "ListFindings response.findings: 27 items, more than the model's max 25",
      'ListFindings response.findings[25].resources: required by Finding, missing',
      'ListFindings response.findings[26].severity: "SEVERE" is not one of Severity\'s values',
      'ListFindings response.findings[26].title: a number where the model has a string (FindingTitle)',
      'ListFindings response.findings[26].colour: no such member in Finding'
    ])
  })

  it('checks requests too: maxResults out of range, timestamps as epoch seconds', () => {
    expect(modelViolations('inspector2', 'ListFindings', 'request', { maxResults: 500 })).toEqual([
      "ListFindings request.maxResults: 500 is above ListFindingsMaxResults's max 100"
    ])
    expect(
      modelViolations('ecr', 'DescribeImages', 'response', {
        imageDetails: [{ imagePushedAt: '2026-01-01T00:00:00Z' }]
      })
    ).toEqual([
      'DescribeImages response.imageDetails[0].imagePushedAt: the string "2026-01-01T00:00:00Z" where the model has epoch seconds (PushTimestamp)'
    ])
  })
})

describe('the local endpoint under the model check', () => {
  const { start } = fakesClosedAfterEachTest()

  it('counts what it checked, refuses as AWS would, and close() fails on an answer AWS could not give', async () => {
    // The hostile scenario's findings break the model on purpose; without its beyondModel reason
    // they are held to it like any other answer.
    const { beyondModel: _reason, ...held } = scenarios.hostile
    void _reason
    const clock = manualNow()
    const fake = await startFakeAws(held, { now: clock.now })
    // Every hostile finding is listable a minute in.
    clock.advanceMs(60_000)
    const client = new Inspector2Client({
      endpoint: fake.url,
      region: 'us-east-1',
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1
    })
    let seen: ReturnType<typeof fake.conformance> | undefined
    try {
      // A sort field the model does not have: refused with a 4xx, as AWS would.
      await client
        .send(
          new ListFindingsCommand({ sortCriteria: { field: 'COLOUR' as never, sortOrder: 'ASC' } })
        )
        .catch(() => undefined)
      await client.send(new ListFindingsCommand({})).catch(() => undefined)
      seen = fake.conformance()
    } finally {
      // Closed whatever happened above (an open server keeps Jest alive).
      const closed = await fake.close().then(
        () => 'closed cleanly',
        (error: unknown) => String(error)
      )
      expect(seen).toMatchObject({ requests: 2, refused: 1 })
      expect(seen?.violations).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^inspector2 ListFindings response\.findings\[\d+\]/)
        ])
      )
      expect(closed).toContain("AWS's model does not allow")
    }
  })

  it('a well-behaved run closes cleanly', async () => {
    const fake = await start(scenarios.clean)
    const client = new Inspector2Client({
      endpoint: fake.url,
      region: 'us-east-1',
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1
    })
    await client.send(new ListFindingsCommand({ maxResults: 100 }))
    expect(fake.conformance().violations).toEqual([])
  })
})
