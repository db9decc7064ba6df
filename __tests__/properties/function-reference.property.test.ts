import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  FunctionReferenceError,
  parseFunctionReference,
  type FunctionReference
} from '../../src/domain/function-reference.js'
import {
  anyText,
  attempt,
  huge,
  HUGE_RUNS,
  hostile,
  outcomeProblems,
  padding,
  partitionOf,
  regionName,
  RUNS
} from './support.js'
import {
  arnParts,
  FUNCTION_NAME,
  functionArnOf as arnOf,
  functionName,
  validFunctionReference as validReference
} from './valid-values.js'

/** An accepted reference names one function: a valid name, and an unqualified ARN or the name. */
function referenceProblems(input: string, ref: FunctionReference, region: string): string[] {
  const problems: string[] = []
  if (ref.raw !== input.trim()) problems.push(`raw ${ref.raw}`)
  if (!FUNCTION_NAME.test(ref.functionName)) problems.push(`function name ${ref.functionName}`)
  if (ref.accountId === undefined) {
    if (ref.nameOrArn !== ref.raw || ref.functionName !== ref.raw) problems.push('name changed')
    if (ref.region !== region || ref.partition !== partitionOf(region)) problems.push('region')
  } else {
    const unqualified = arnOf({ ...ref, account: ref.accountId, name: ref.functionName })
    if (ref.nameOrArn !== unqualified) problems.push(`ARN ${ref.nameOrArn}`)
    if (ref.raw !== unqualified && ref.raw !== `${unqualified}:$LATEST`) {
      problems.push(`${ref.raw} is not ${unqualified}`)
    }
  }
  return problems
}

function problemsOf(input: string, region: string | undefined): string[] {
  return outcomeProblems(
    attempt(() => parseFunctionReference(input, region)),
    (ref) => referenceProblems(input, ref, region ?? ''),
    FunctionReferenceError,
    ['functions: ']
  )
}

describe('parseFunctionReference: meaning', () => {
  it('a name is that function in the default region', () => {
    fc.assert(
      fc.property(functionName, regionName, padding, (name, region, pad) => {
        expect(parseFunctionReference(`${pad}${name}${pad}`, region)).toEqual({
          raw: name,
          nameOrArn: name,
          functionName: name,
          region,
          partition: partitionOf(region)
        })
      }),
      { numRuns: RUNS }
    )
  })

  it('an ARN (unqualified or $LATEST) gives its partition, region, account and name', () => {
    fc.assert(
      fc.property(arnParts, fc.option(regionName, { nil: undefined }), (parts, region) => {
        const raw = `${arnOf(parts)}${parts.latest ? ':$LATEST' : ''}`

        expect(parseFunctionReference(raw, region)).toEqual({
          raw,
          nameOrArn: arnOf(parts),
          functionName: parts.name,
          region: parts.region,
          accountId: parts.account,
          partition: parts.partition
        })
      }),
      { numRuns: RUNS }
    )
  })

  it('refuses a version or alias, naming it', () => {
    const qualifier = fc
      .oneof(
        fc.stringMatching(/^[1-9]\d{0,5}$/),
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,20}$/)
      )
      .filter((q) => q !== '$LATEST')
    fc.assert(
      fc.property(arnParts, qualifier, (parts, q) => {
        expect(() => parseFunctionReference(`${arnOf(parts)}:${q}`, 'us-east-1')).toThrow(
          `names version or alias ${q}, but Inspector scans only $LATEST`
        )
      }),
      { numRuns: RUNS }
    )
  })

  it('refuses a bare name without a default region', () => {
    fc.assert(
      fc.property(functionName, fc.constantFrom(undefined, ''), (name, region) => {
        expect(() => parseFunctionReference(name, region)).toThrow(
          `functions: "${name}" has no region`
        )
      }),
      { numRuns: RUNS }
    )
  })
})

describe('parseFunctionReference: any input is one function or refused naming functions', () => {
  it('arbitrary text and nearly-valid names and ARNs', () => {
    fc.assert(
      fc.property(
        hostile(validReference),
        fc.option(regionName, { nil: undefined }),
        (input, region) => {
          expect(problemsOf(input, region)).toEqual([])
        }
      ),
      { numRuns: RUNS }
    )
  })

  it('ARNs with a hostile qualifier or name', () => {
    fc.assert(
      fc.property(arnParts, anyText, fc.boolean(), (parts, text, asName) => {
        const input = asName ? arnOf({ ...parts, name: text }) : `${arnOf(parts)}:${text}`

        expect(problemsOf(input, 'us-east-1')).toEqual([])
      }),
      { numRuns: RUNS }
    )
  })

  it('huge values are refused with a short message', () => {
    const arnWithHugeTail = arnParts.chain((p) => huge().map((tail) => `${arnOf(p)}:${tail}`))
    fc.assert(
      fc.property(fc.oneof(huge(), huge(validReference), arnWithHugeTail), (input) => {
        expect(problemsOf(input, 'eu-west-1')).toEqual([])
      }),
      { numRuns: HUGE_RUNS }
    )
  })
})
