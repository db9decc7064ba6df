/**
 * Generators of valid values, as the README documents them, for the property tests: image URIs,
 * function references, durations and budgets. The tests build text from known parts and check that
 * parsing gives the parts back.
 */
import fc from 'fast-check'
import { RANKED_SEVERITIES, type RankedSeverity } from '../../src/domain/severity.js'
import { accountId, anyCase, padding, regionName } from './support.js'

/** ECR's own rules for repository names, tags and digests (what the README promises to accept). */
export const REPOSITORY_COMPONENT = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/
export const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
export const DIGEST = /^sha256:[a-f0-9]{64}$/

export interface ImageParts {
  account: string
  fips: boolean
  region: string
  repository: string
  tag: string | undefined
  digest: string | undefined
}

const repository = fc
  .array(fc.stringMatching(REPOSITORY_COMPONENT), { minLength: 1, maxLength: 4 })
  .map((components) => components.join('/'))
  .filter((name) => name.length >= 2 && name.length <= 256)

export const imageParts: fc.Arbitrary<ImageParts> = fc
  .record({
    account: accountId,
    fips: fc.boolean(),
    region: regionName,
    repository,
    tag: fc.stringMatching(TAG),
    digest: fc.stringMatching(/^[a-f0-9]{64}$/).map((hex) => `sha256:${hex}`),
    names: fc.constantFrom('tag', 'digest', 'both')
  })
  .map(({ names, tag, digest, ...rest }) => ({
    ...rest,
    tag: names === 'digest' ? undefined : tag,
    digest: names === 'tag' ? undefined : digest
  }))

export function uriOf(parts: ImageParts): string {
  const china = parts.region.startsWith('cn-') ? '.cn' : ''
  const host = `${parts.account}.dkr.ecr${parts.fips ? '-fips' : ''}.${parts.region}.amazonaws.com${china}`
  const tag = parts.tag === undefined ? '' : `:${parts.tag}`
  const digest = parts.digest === undefined ? '' : `@${parts.digest}`
  return `${host}/${parts.repository}${tag}${digest}`
}

export const validUri = imageParts.map(uriOf)

export const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/
export const functionName = fc.stringMatching(FUNCTION_NAME)

export const arnParts = fc.record({
  partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
  region: regionName,
  account: accountId,
  name: functionName,
  latest: fc.boolean()
})

export const functionArnOf = (p: {
  partition: string
  region: string
  account: string
  name: string
}): string => `arn:${p.partition}:lambda:${p.region}:${p.account}:function:${p.name}`

export const validFunctionReference = fc.oneof(
  functionName,
  arnParts.map((p) => `${functionArnOf(p)}${p.latest ? ':$LATEST' : ''}`)
)

export const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const
export type Unit = keyof typeof UNIT_MS

/** One or more `<integer><unit>` parts in the documented order (`1h30m`), each unit at most once. */
export const durationParts = fc
  .subarray(Object.keys(UNIT_MS) as Unit[], { minLength: 1 })
  .chain((units) =>
    fc.tuple(...units.map((unit) => fc.nat(1_000_000).map((amount) => ({ amount, unit }))))
  )

export const validDuration: fc.Arbitrary<string> = fc.oneof(
  durationParts.map((parts) => parts.map((p) => `${p.amount}${p.unit}`).join('')),
  fc.nat(1_000_000).map(String)
)

export type Budgets = Partial<Record<RankedSeverity, number>>

export const budgets = fc.dictionary(
  fc.constantFrom(...RANKED_SEVERITIES),
  fc.oneof(fc.nat(1_000), fc.constant(Number.MAX_SAFE_INTEGER), fc.nat()),
  { minKeys: 0, maxKeys: 5 }
) as fc.Arbitrary<Budgets>

/** `severity=count` entries written the way people write them: any case, spacing, `,` or newlines. */
export function budgetText(record: Record<string, number>): fc.Arbitrary<string> {
  const entries = Object.entries(record)
  const entryText = (severity: string, count: number): fc.Arbitrary<string> =>
    fc
      .tuple(anyCase(severity), padding, padding, padding, padding)
      .map(([name, a, b, c, d]) => `${a}${name}${b}=${c}${count}${d}`)
  const separator = fc.constantFrom(',', '\n', ', ', ',\n', '\n\n', ' ,  ', '\r\n', ',,')
  return fc
    .tuple(
      fc.tuple(...entries.map(([severity, count]) => entryText(severity, count))),
      fc.array(separator, { minLength: entries.length + 1, maxLength: entries.length + 1 }),
      fc.boolean(),
      fc.boolean()
    )
    .map(([texts, separators, leading, trailing]) => {
      const body = texts.map((text, i) => (i === 0 ? text : `${separators[i]}${text}`)).join('')
      return `${leading ? separators[0] : ''}${body}${trailing ? separators[entries.length] : ''}`
    })
}

export const validBudgets: fc.Arbitrary<string> = budgets.chain(budgetText)
