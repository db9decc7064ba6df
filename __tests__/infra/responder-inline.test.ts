/**
 * infra/responder.yaml carries the responder Lambda inline (Code.ZipFile of ResponderFunction).
 * This checks that the inline code is exactly what scripts/build-responder.ts builds from
 * src/responder-lambda/ today, so the template never ships a stale handler, and that it stays small.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  buildResponderCode,
  INLINE_CODE_BUDGET,
  TEMPLATE_BODY_LIMIT
} from '../../scripts/build-responder.js'
import { zipFileOf } from '../responder-lambda/cfn-yaml.js'

const FIX = 'run npm run build:responder'

const text = readFileSync(new URL('../../infra/responder.yaml', import.meta.url), 'utf8')
// Parsed with CloudFormation's short-form tags (!Ref, !GetAtt, !Sub, !If, …) resolved to plain values.
const inline = zipFileOf(text)
const normalise = (code: string): string => code.replace(/\n*$/, '\n')

describe('infra/responder.yaml inline responder code', () => {
  let built = ''
  beforeAll(async () => {
    built = await buildResponderCode()
  })

  it('is the handler built from src/responder-lambda', () => {
    if (typeof inline !== 'string') {
      throw new Error(`ResponderFunction has no Code.ZipFile string: ${FIX}`)
    }
    if (normalise(inline) !== normalise(built)) {
      throw new Error(
        `the inline code (${inline.length} characters) is not the current build of src/responder-lambda ` +
          `(${built.length} characters): ${FIX}`
      )
    }
    expect(normalise(inline)).toBe(normalise(built))
  })

  it(`stays within the ${INLINE_CODE_BUDGET}-character budget`, () => {
    expect(built.length).toBeLessThanOrEqual(INLINE_CODE_BUDGET)
    expect(typeof inline === 'string' ? inline.length : 0).toBeLessThanOrEqual(INLINE_CODE_BUDGET)
  })

  it('leaves the template deployable as a TemplateBody', () => {
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(TEMPLATE_BODY_LIMIT)
  })
})
