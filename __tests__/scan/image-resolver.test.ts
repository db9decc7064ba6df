import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  BatchGetImageCommand,
  DescribeImagesCommand,
  ECRClient,
  ImageNotFoundException
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { resolveImage } from '../../src/scan/image-resolver.js'
import { parseImageReference } from '../../src/domain/image-reference.js'

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
        { imageDigest: d('f'), imageManifestMediaType: 'application/vnd.oci.image.index.v1+json' }
      ]
    })
    ecr.on(BatchGetImageCommand).resolves({ images: [{ imageManifest: '{not json' }] })

    await expect(resolveImage(client, ref)).rejects.toThrow('is not valid JSON')
  })
})
