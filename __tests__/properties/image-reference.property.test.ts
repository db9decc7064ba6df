import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  ImageReferenceError,
  parseImageReference,
  type ImageReference
} from '../../src/domain/image-reference.js'
import {
  anyText,
  attempt,
  huge,
  HUGE_RUNS,
  hostile,
  outcomeProblems,
  padding,
  partitionOf,
  RUNS
} from './support.js'
import { DIGEST, imageParts, REPOSITORY_COMPONENT, TAG, uriOf, validUri } from './valid-values.js'

/** An accepted reference must say exactly what its text says, in ECR's grammar. */
function referenceProblems(input: string, ref: ImageReference): string[] {
  const problems: string[] = []
  if (ref.raw !== input.trim()) problems.push(`raw ${ref.raw} is not the trimmed input`)
  if (!/^\d{12}$/.test(ref.registryId)) problems.push(`registry id ${ref.registryId}`)
  if (ref.partition !== partitionOf(ref.region)) problems.push(`partition ${ref.partition}`)
  if (!ref.repository.split('/').every((c) => REPOSITORY_COMPONENT.test(c))) {
    problems.push(`repository ${ref.repository}`)
  }
  if (ref.tag !== undefined && !TAG.test(ref.tag)) problems.push(`tag ${ref.tag}`)
  if (ref.digest !== undefined && !DIGEST.test(ref.digest)) problems.push(`digest ${ref.digest}`)
  if (ref.tag === undefined && ref.digest === undefined) problems.push('neither tag nor digest')
  const fips = ref.raw.includes('.dkr.ecr-fips.')
  const rebuilt = uriOf({
    account: ref.registryId,
    fips,
    region: ref.region,
    repository: ref.repository,
    tag: ref.tag,
    digest: ref.digest
  })
  if (rebuilt !== ref.raw) problems.push(`fields rebuild ${rebuilt}, not ${ref.raw}`)
  return problems
}

function problemsOf(input: string): string[] {
  return outcomeProblems(
    attempt(() => parseImageReference(input)),
    (ref) => referenceProblems(input, ref),
    ImageReferenceError,
    ['images: ']
  )
}

describe('parseImageReference: meaning', () => {
  it('gives back the account, region, repository, tag and digest a URI was built from', () => {
    fc.assert(
      fc.property(imageParts, padding, padding, (parts, before, after) => {
        const uri = uriOf(parts)

        expect(parseImageReference(`${before}${uri}${after}`)).toEqual({
          raw: uri,
          registryId: parts.account,
          region: parts.region,
          partition: partitionOf(parts.region),
          repository: parts.repository,
          ...(parts.tag !== undefined && { tag: parts.tag }),
          ...(parts.digest !== undefined && { digest: parts.digest })
        })
      }),
      { numRuns: RUNS }
    )
  })

  it('never assumes latest: a URI without tag or digest is refused', () => {
    fc.assert(
      fc.property(imageParts, (parts) => {
        const uri = uriOf({ ...parts, tag: undefined, digest: undefined })

        expect(() => parseImageReference(uri)).toThrow(/^images: .*latest is not assumed/)
      }),
      { numRuns: RUNS }
    )
  })

  it('refuses a region that does not match its domain (.cn for China only)', () => {
    fc.assert(
      fc.property(imageParts, (parts) => {
        const uri = uriOf(parts)
        const swapped = uri.includes('.amazonaws.com.cn/')
          ? uri.replace('.amazonaws.com.cn/', '.amazonaws.com/')
          : uri.replace('.amazonaws.com/', '.amazonaws.com.cn/')

        expect(() => parseImageReference(swapped)).toThrow(/^images: .*does not match its domain/)
      }),
      { numRuns: RUNS }
    )
  })
})

describe('parseImageReference: any input parses to its meaning or is refused naming images', () => {
  it('arbitrary text and nearly-valid URIs', () => {
    fc.assert(
      fc.property(hostile(validUri), (input) => {
        expect(problemsOf(input)).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })

  it('URIs with a hostile tag, digest, repository or host', () => {
    const part = fc.oneof(anyText, fc.constantFrom('', ':', '@', '/', 'sha256:', '..', '-a'))
    fc.assert(
      fc.property(imageParts, part, fc.nat(3), (parts, text, which) => {
        const broken =
          which === 0
            ? `${uriOf({ ...parts, tag: undefined, digest: undefined })}:${text}`
            : which === 1
              ? `${uriOf({ ...parts, tag: undefined, digest: undefined })}@${text}`
              : which === 2
                ? uriOf({ ...parts, repository: text })
                : `${text}/${parts.repository}:latest`

        expect(problemsOf(broken)).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })

  it('huge values (up to 100 KB) are refused with a short message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          huge(),
          huge(validUri),
          validUri.chain((uri) => huge(anyText).map((t) => uri + t))
        ),
        (input) => {
          expect(problemsOf(input)).toEqual([])
        }
      ),
      { numRuns: HUGE_RUNS }
    )
  })
})
