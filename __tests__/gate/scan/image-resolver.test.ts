import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  BatchGetImageCommand,
  DescribeImagesCommand,
  ECRClient,
  ImageNotFoundException
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { resolveImage } from '../../../src/gate/scan/image-resolver.js'
import { parseImageReference } from '../../../src/domain/image-reference.js'

const ecr = mockClient(ECRClient)
const client = new ECRClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
})
const d = (c: string) => `sha256:${c.repeat(64)}`
const ref = parseImageReference('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:v1.2.3')

const index = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: d('1'),
      size: 1,
      platform: { os: 'linux', architecture: 'amd64' }
    },
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: d('2'),
      size: 1,
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }
    },
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: d('3'),
      size: 1,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: {
        'vnd.docker.reference.type': 'attestation-manifest',
        'vnd.docker.reference.digest': d('1')
      }
    }
  ]
}

beforeEach(() => {
  ecr.reset()
})

describe('resolveImage', () => {
  it('resolves a tag to the digest ECR holds, with its push time', async () => {
    ecr.on(DescribeImagesCommand).resolves({
      imageDetails: [
        {
          imageDigest: d('a'),
          imageTags: ['v1.2.3'],
          imagePushedAt: new Date('2026-11-22T10:00:00Z'),
          imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json'
        }
      ]
    })

    const { artifacts } = await resolveImage(client, ref)

    expect(artifacts).toEqual([
      expect.objectContaining({
        digest: d('a'),
        repository: 'team/app',
        resourceId: `arn:aws:ecr:us-east-1:123456789012:repository/team/app/${d('a')}`,
        pushedAt: new Date('2026-11-22T10:00:00Z')
      })
    ])
    expect(artifacts[0]?.platform).toBeUndefined()
    expect(ecr.commandCalls(DescribeImagesCommand)[0]?.args[0].input.imageIds).toEqual([
      { imageTag: 'v1.2.3' }
    ])
  })

  it('expands an image index into its platform images, skipping the attestation manifest', async () => {
    ecr
      .on(DescribeImagesCommand)
      .resolvesOnce({
        imageDetails: [
          {
            imageDigest: d('f'),
            imageTags: ['v1.2.3'],
            imagePushedAt: new Date('2026-11-22T10:00:09Z'),
            imageManifestMediaType: 'application/vnd.oci.image.index.v1+json'
          }
        ]
      })
      .resolvesOnce({
        imageDetails: [
          { imageDigest: d('1'), imagePushedAt: new Date('2026-11-22T10:00:01Z') },
          { imageDigest: d('2'), imagePushedAt: new Date('2026-11-22T10:00:02Z') }
        ]
      })
    ecr.on(BatchGetImageCommand).resolves({
      images: [
        {
          imageId: { imageDigest: d('f') },
          imageManifest: JSON.stringify(index),
          imageManifestMediaType: index.mediaType
        }
      ]
    })

    const { artifacts, skipped } = await resolveImage(client, ref)

    expect(artifacts.map((a) => [a.platform, a.digest, a.pushedAt?.toISOString()])).toEqual([
      ['linux/amd64', d('1'), '2026-11-22T10:00:01.000Z'],
      ['linux/arm64/v8', d('2'), '2026-11-22T10:00:02.000Z']
    ])
    expect(skipped).toEqual([`${d('3')} (attestation manifest)`])
    // Kept so an ignore entry scoped to the index digest the user pushed still applies.
    expect(artifacts.every((a) => a.indexDigest === d('f'))).toBe(true)
  })

  it('says which image does not exist', async () => {
    ecr
      .on(DescribeImagesCommand)
      .rejects(new ImageNotFoundException({ message: 'not found', $metadata: {} }))

    await expect(resolveImage(client, ref)).rejects.toThrow(
      `image ${ref.raw} does not exist in repository team/app of registry 123456789012 (us-east-1)`
    )
  })

  it('rejects an index that is not JSON', async () => {
    ecr.on(DescribeImagesCommand).resolves({
      imageDetails: [
        {
          imageDigest: d('f'),
          imageTags: ['v1.2.3'],
          imagePushedAt: new Date('2026-11-22T10:00:09Z'),
          imageManifestMediaType: 'application/vnd.oci.image.index.v1+json'
        }
      ]
    })
    ecr.on(BatchGetImageCommand).resolves({ images: [{ imageManifest: '{not json' }] })

    await expect(resolveImage(client, ref)).rejects.toThrow('is not valid JSON')
  })
})

describe('resolveImage refuses answers about another image, or without proof (issue 19)', () => {
  const PUSHED = new Date('2026-11-22T10:00:09Z')
  const single = (detail: Record<string, unknown>) =>
    ecr.on(DescribeImagesCommand).resolves({
      imageDetails: [
        {
          imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
          imagePushedAt: PUSHED,
          ...detail
        }
      ]
    })
  const byDigest = parseImageReference(
    `123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app@${d('a')}`
  )

  it('an answer naming another digest than the one asked for is an error naming both', async () => {
    single({ imageDigest: d('b') })
    await expect(resolveImage(client, byDigest)).rejects.toThrow(
      `asked for digest ${d('a')}, answered ${d('b')}`
    )
  })

  it('an answer to a tag query that does not carry the tag is an error', async () => {
    single({ imageDigest: d('b'), imageTags: ['other'] })
    await expect(resolveImage(client, ref)).rejects.toThrow('asked for tag v1.2.3')
  })

  it('an answer from another repository or registry is an error', async () => {
    single({ imageDigest: d('a'), repositoryName: 'team/other' })
    await expect(resolveImage(client, byDigest)).rejects.toThrow(
      'asked for repository team/app, answered team/other'
    )
    single({ imageDigest: d('a'), registryId: '210987654321' })
    await expect(resolveImage(client, byDigest)).rejects.toThrow(
      'asked for registry 123456789012, answered 210987654321'
    )
  })

  it('an image without a push time is an error: a scan of any age would otherwise count', async () => {
    single({ imageDigest: d('a'), imagePushedAt: undefined })
    await expect(resolveImage(client, byDigest)).rejects.toThrow('has no imagePushedAt')
  })

  it('a manifest answer for another digest is an error', async () => {
    single({ imageDigest: d('a'), imageManifestMediaType: undefined })
    ecr.on(BatchGetImageCommand).resolves({
      images: [{ imageId: { imageDigest: d('c') }, imageManifest: JSON.stringify(index) }]
    })
    await expect(resolveImage(client, byDigest)).rejects.toThrow(
      `asked for digest ${d('a')}, answered ${d('c')}`
    )
  })

  const indexed = (manifests: unknown[], pushTimes: string[]) => {
    // The index itself, asked by its digest; any other DescribeImages asks for the children.
    ecr.on(DescribeImagesCommand).resolves({
      imageDetails: pushTimes.map((c) => ({ imageDigest: d(c), imagePushedAt: PUSHED }))
    })
    ecr.on(DescribeImagesCommand, { imageIds: [{ imageDigest: d('a') }] }).resolves({
      imageDetails: [
        {
          imageDigest: d('a'),
          imagePushedAt: PUSHED,
          imageManifestMediaType: 'application/vnd.oci.image.index.v1+json'
        }
      ]
    })
    ecr.on(BatchGetImageCommand).resolves({
      images: [
        {
          imageId: { imageDigest: d('a') },
          imageManifest: JSON.stringify({ ...index, manifests })
        }
      ]
    })
  }
  const child = (c: string, extra: Record<string, unknown>) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: d(c),
    size: 1,
    ...extra
  })

  it('gates an unknown/unknown child that nothing marks as an attestation', async () => {
    indexed(
      [
        child('1', { platform: { os: 'linux', architecture: 'amd64' } }),
        child('4', { platform: { os: 'unknown', architecture: 'unknown' } })
      ],
      ['1', '4']
    )
    const { artifacts, skipped } = await resolveImage(client, byDigest)
    expect(artifacts.map((a) => [a.platform, a.digest])).toEqual([
      ['linux/amd64', d('1')],
      ['unknown/unknown', d('4')]
    ])
    expect(skipped).toEqual([])
  })

  it('skips a child whose artifact type is in-toto', async () => {
    indexed(
      [
        child('1', { platform: { os: 'linux', architecture: 'amd64' } }),
        child('5', {
          artifactType: 'application/vnd.in-toto+json',
          platform: { os: 'unknown', architecture: 'unknown' }
        })
      ],
      ['1']
    )
    const { artifacts, skipped } = await resolveImage(client, byDigest)
    expect(artifacts.map((a) => a.digest)).toEqual([d('1')])
    expect(skipped).toEqual([`${d('5')} (attestation manifest)`])
  })

  it('a platform image ECR gives no push time for is an error naming it', async () => {
    indexed(
      [
        child('1', { platform: { os: 'linux', architecture: 'amd64' } }),
        child('2', { platform: { os: 'linux', architecture: 'arm64' } })
      ],
      ['1']
    )
    await expect(resolveImage(client, byDigest)).rejects.toThrow(`no push time for ${d('2')}`)
  })
})
