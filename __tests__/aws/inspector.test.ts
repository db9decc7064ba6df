import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  Inspector2Client,
  ListFindingsCommand,
  ValidationException
} from '@aws-sdk/client-inspector2'
import { mockClient } from 'aws-sdk-client-mock'
import { listImageFindings } from '../../src/aws/inspector.js'
import { artifact, inspectorFinding } from '../helpers/aws.js'

const inspector = mockClient(Inspector2Client)
const client = new Inspector2Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1
})
const image = artifact()
const target = { ...image, registryId: image.registryId }
const staleToken = () =>
  new ValidationException({
    message: 'The pagination token has expired',
    reason: 'OTHER',
    $metadata: { httpStatusCode: 400 }
  })

const page1 = [inspectorFinding('CVE-2026-0001', 'HIGH'), inspectorFinding('CVE-2026-0002', 'LOW')]
const page2 = [inspectorFinding('CVE-2026-0003', 'CRITICAL')]

beforeEach(() => {
  inspector.reset()
})

describe('listImageFindings when a page token goes stale', () => {
  it('starts the read over and returns every finding once', async () => {
    inspector
      .on(ListFindingsCommand)
      .resolvesOnce({ findings: page1, nextToken: 't1' })
      .rejectsOnce(staleToken())
      .resolvesOnce({ findings: page1, nextToken: 't2' })
      .resolvesOnce({ findings: page2 })

    const findings = await listImageFindings(client, target)

    expect(findings.map((f) => f.findingArn).sort()).toEqual(
      [...page1, ...page2].map((f) => f.findingArn).sort()
    )
    // The first page, a refused second, then both pages again from the start.
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(4)
  })

  it('gives up after two restarts with the service error, never a partial list', async () => {
    inspector.on(ListFindingsCommand, { nextToken: undefined }).resolves({
      findings: page1,
      nextToken: 't'
    })
    inspector.on(ListFindingsCommand, { nextToken: 't' }).rejects(staleToken())

    await expect(listImageFindings(client, target)).rejects.toThrow(
      /inspector2:ListFindings.*pagination token has expired/
    )
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(6)
  })

  it('does not retry a ValidationException on the first page: that is the request itself', async () => {
    inspector.on(ListFindingsCommand).rejects(staleToken())

    await expect(listImageFindings(client, target)).rejects.toThrow(/ListFindings/)
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(1)
  })
})

describe('listImageFindings with a page that has no findings member', () => {
  it('treats the page as empty and keeps paging (no member of a ListFindings page is required)', async () => {
    inspector
      .on(ListFindingsCommand)
      .resolvesOnce({ findings: page1, nextToken: 't1' })
      .resolvesOnce({ nextToken: 't2' })
      .resolvesOnce({ findings: page2 })

    const findings = await listImageFindings(client, target)

    expect(findings.map((f) => f.findingArn).sort()).toEqual(
      [...page1, ...page2].map((f) => f.findingArn).sort()
    )
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(3)
  })

  it('reads a first page without findings and without a token as no findings at all', async () => {
    inspector.on(ListFindingsCommand).resolves({})

    await expect(listImageFindings(client, target)).resolves.toEqual([])
  })
})
