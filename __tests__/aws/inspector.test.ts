import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  Inspector2Client,
  ListFindingsCommand,
  ValidationException
} from '@aws-sdk/client-inspector2'
import { mockClient } from 'aws-sdk-client-mock'
import { listImageFindings } from '../../src/aws/inspector.js'
import { artifact, inspectorFinding } from '../fixtures/aws-clients.js'

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

describe('listImageFindings with findings of odd shape (issue 19, case 1)', () => {
  const critical = (): ReturnType<typeof inspectorFinding> =>
    inspectorFinding('CVE-2026-9999', 'CRITICAL')

  it('a finding returned for this image without resources is an error naming it, never dropped', async () => {
    const withoutResources: Partial<ReturnType<typeof critical>> = critical()
    delete withoutResources.resources
    inspector.on(ListFindingsCommand).resolves({ findings: [withoutResources as never] })

    await expect(listImageFindings(client, target)).rejects.toThrow(
      `ListFindings returned finding ${withoutResources.findingArn} for ${target.repository}@${target.digest} with resources missing`
    )
  })

  it('an empty resources list is the same error', async () => {
    inspector.on(ListFindingsCommand).resolves({ findings: [{ ...critical(), resources: [] }] })
    await expect(listImageFindings(client, target)).rejects.toThrow('with resources missing')
  })

  it('resources of another shape give a line naming the member, not a JavaScript error', async () => {
    const odd = { ...critical(), resources: { id: target.resourceId } } as never
    inspector.on(ListFindingsCommand).resolves({ findings: [odd] })
    await expect(listImageFindings(client, target)).rejects.toThrow(
      'with resources of type object, not a list'
    )
  })

  it('still leaves out a finding that names only another image (a filter that leaked)', async () => {
    const other = inspectorFinding('CVE-2026-1111', 'CRITICAL', {
      ...image,
      digest: `sha256:${'9'.repeat(64)}`,
      resourceId: `arn:aws:ecr:us-east-1:123456789012:repository/app/sha256:${'9'.repeat(64)}`
    })
    inspector.on(ListFindingsCommand).resolves({ findings: [critical(), other] })
    const findings = await listImageFindings(client, target)
    expect(findings.map((f) => f.findingArn)).toEqual([critical().findingArn])
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
