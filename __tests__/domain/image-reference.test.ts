import { describe, expect, it } from '@jest/globals'
import {
  imageResourceId,
  ImageReferenceError,
  parseImageReference
} from '../../src/domain/image-reference.js'

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`

describe('parseImageReference: accepted references', () => {
  it('parses a tag', () => {
    expect(parseImageReference(`${HOST}/app:1.2.3`)).toEqual({
      raw: `${HOST}/app:1.2.3`,
      registryId: '123456789012',
      region: 'us-east-1',
      partition: 'aws',
      repository: 'app',
      tag: '1.2.3'
    })
  })

  it('parses a digest without inventing a tag', () => {
    const ref = parseImageReference(`${HOST}/app@${DIGEST}`)

    expect(ref.digest).toBe(DIGEST)
    expect(ref.repository).toBe('app')
    expect(ref).not.toHaveProperty('tag')
  })

  it('parses a tag and a digest together', () => {
    const ref = parseImageReference(`${HOST}/app:v2@${DIGEST}`)

    expect(ref).toMatchObject({ repository: 'app', tag: 'v2', digest: DIGEST })
  })

  it('parses nested repository names', () => {
    const ref = parseImageReference(`${HOST}/team/service/api-server:main_2025.01`)

    expect(ref).toMatchObject({ repository: 'team/service/api-server', tag: 'main_2025.01' })
  })

  it('trims surrounding whitespace and keeps the trimmed text as raw', () => {
    expect(parseImageReference(`  ${HOST}/app:1 \t`).raw).toBe(`${HOST}/app:1`)
  })

  it.each([
    '123456789012.dkr.ecr.cn-north-1.amazonaws.com/app:1',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com.cn/app:1'
  ])(
    'rejects %s, whose region and domain disagree (the resource id would name the wrong partition)',
    (uri) => {
      expect(() => parseImageReference(uri)).toThrow('does not match its domain')
    }
  )

  it('recognises China regions (.amazonaws.com.cn) as partition aws-cn', () => {
    const ref = parseImageReference('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1')

    expect(ref).toMatchObject({ region: 'cn-north-1', partition: 'aws-cn', repository: 'app' })
  })

  it('recognises GovCloud regions as partition aws-us-gov', () => {
    const ref = parseImageReference('123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/app:1')

    expect(ref).toMatchObject({ region: 'us-gov-west-1', partition: 'aws-us-gov' })
  })

  it('accepts a FIPS registry host', () => {
    const ref = parseImageReference('123456789012.dkr.ecr-fips.us-east-2.amazonaws.com/app:1')

    expect(ref).toMatchObject({ registryId: '123456789012', region: 'us-east-2', partition: 'aws' })
  })
})

describe('parseImageReference: rejected references', () => {
  const cases: [string, string, RegExp][] = [
    ['no tag or digest', `${HOST}/app`, /no tag or digest.*latest is not assumed/],
    ['Docker Hub short name', 'nginx:1.27', /has no registry host/],
    ['Docker Hub host', 'docker.io/library/nginx:1.27', /not in an Amazon ECR private registry/],
    ['ECR Public', 'public.ecr.aws/nginx/nginx:1.27', /not in an Amazon ECR private registry/],
    ['GitHub registry', 'ghcr.io/acme/app:1', /not in an Amazon ECR private registry/],
    ['short account id', '12345.dkr.ecr.us-east-1.amazonaws.com/app:1', /host/],
    ['digest too short', `${HOST}/app@sha256:abc`, /invalid digest "sha256:abc"/],
    ['digest not sha256', `${HOST}/app@md5:${'a'.repeat(32)}`, /invalid digest/],
    ['uppercase hex in digest', `${HOST}/app@sha256:${'A'.repeat(64)}`, /invalid digest/],
    ['uppercase repository', `${HOST}/MyApp:1`, /invalid repository name "MyApp"/],
    ['empty tag', `${HOST}/app:`, /invalid tag ""/],
    ['tag starting with a dot', `${HOST}/app:.hidden`, /invalid tag/],
    ['empty repository', `${HOST}/:1`, /invalid repository name ""/],
    ['trailing slash in repository', `${HOST}/team/:1`, /invalid repository name/],
    ['empty input', '', /has no registry host/],
    ['blank input', '   ', /has no registry host/]
  ]

  it.each(cases)('rejects %s', (_case, input, why) => {
    const attempt = (): unknown => parseImageReference(input)

    expect(attempt).toThrow(ImageReferenceError)
    expect(attempt).toThrow(why)
    // Every message names the entry and shows what a valid one looks like.
    expect(attempt).toThrow(`images: "${input.trim()}"`)
    expect(attempt).toThrow('<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>')
  })

  it('names the offending host', () => {
    expect(() => parseImageReference('docker.io/library/nginx:1.27')).toThrow('host "docker.io"')
  })
})

describe('imageResourceId', () => {
  it('builds the Inspector resource id for a digest', () => {
    const ref = parseImageReference(`${HOST}/app:1`)

    expect(imageResourceId(ref, DIGEST)).toBe(
      `arn:aws:ecr:us-east-1:123456789012:repository/app/${DIGEST}`
    )
  })

  it('keeps nested repository names and uses the partition', () => {
    const ref = parseImageReference('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/team/app:1')

    expect(imageResourceId(ref, DIGEST)).toBe(
      `arn:aws-cn:ecr:cn-north-1:123456789012:repository/team/app/${DIGEST}`
    )
  })

  it('uses the GovCloud partition', () => {
    const ref = parseImageReference('123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/app:1')

    expect(imageResourceId(ref, DIGEST)).toMatch(/^arn:aws-us-gov:ecr:us-gov-west-1:/)
  })
})

describe('parseImageReference: regressions found by the property tests', () => {
  it('quotes a huge entry short: a pasted file does not become a 200 KB message', () => {
    const attempt = (): unknown => parseImageReference(`${HOST}/${'a'.repeat(100_000)}:1`)

    expect(attempt).toThrow(ImageReferenceError)
    expect(attempt).toThrow(
      /^images: ".{200}… \(100047 characters\)" has an invalid repository name/
    )
    expect(attempt).not.toThrow(/.{2000}/)
  })

  it('keeps the message on one line when the entry holds a line break', () => {
    const attempt = (): unknown => parseImageReference(`${HOST}/app\r\u2028:1`)

    expect(attempt).toThrow('invalid repository name "app\\r\\u2028"')
    expect(attempt).toThrow(`images: "${HOST}/app\\r\\u2028:1"`)
  })
})
