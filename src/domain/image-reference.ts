import { shown } from './shown.js'

/** A parsed ECR image URI: `<account>.dkr.ecr.<region>.amazonaws.com/<repo>(:<tag>)(@sha256:<hex>)`. */
export interface ImageReference {
  /** The text as the user wrote it (trimmed). */
  raw: string
  registryId: string
  region: string
  partition: 'aws' | 'aws-cn' | 'aws-us-gov'
  repository: string
  tag?: string
  digest?: string
}

export class ImageReferenceError extends Error {
  override name = 'ImageReferenceError'
}

const HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(\.cn)?$/
const REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const DIGEST = /^sha256:[a-f0-9]{64}$/

/**
 * Parses one `images:` entry. Every rejection says what is wrong and what a valid entry looks like,
 * because a gate that guesses (e.g. assumes `latest`) could vet a different image than was pushed.
 */
export function parseImageReference(input: string): ImageReference {
  const raw = input.trim()
  const problem = (why: string): ImageReferenceError =>
    new ImageReferenceError(
      `images: "${shown(raw)}" ${why}; expected <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or …/<repository>@sha256:<digest>`
    )

  const slash = raw.indexOf('/')
  if (slash < 0) throw problem('has no registry host')
  const host = raw.slice(0, slash)
  const hostMatch = HOST.exec(host)
  if (!hostMatch) throw problem(`is not in an Amazon ECR private registry (host "${shown(host)}")`)
  const [, registryId, region, china] = hostMatch as unknown as [string, string, string, string?]

  let rest = raw.slice(slash + 1)
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest))
      throw problem(`has an invalid digest "${shown(digest)}" (sha256:<64 hex>)`)
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon >= 0) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) throw problem(`has an invalid tag "${shown(tag)}"`)
  }
  const repository = rest
  if (repository.length < 2 || repository.length > 256 || !REPOSITORY.test(repository)) {
    throw problem(`has an invalid repository name "${shown(repository)}"`)
  }
  if (tag === undefined && digest === undefined) {
    throw problem('names no tag or digest (latest is not assumed: gate exactly what you pushed)')
  }

  if (Boolean(china) !== region.startsWith('cn-')) {
    throw problem(`has a host whose region ${region} does not match its domain`)
  }
  const partition = china ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'
  return {
    raw,
    registryId,
    region,
    partition,
    repository,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest })
  }
}

/** Inspector's resource id for one image digest (the same string findings and events use). */
export function imageResourceId(
  ref: Pick<ImageReference, 'partition' | 'region' | 'registryId' | 'repository'>,
  digest: string
): string {
  return `arn:${ref.partition}:ecr:${ref.region}:${ref.registryId}:repository/${ref.repository}/${digest}`
}
