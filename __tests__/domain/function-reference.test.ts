import { describe, expect, it } from '@jest/globals'
import { functionResourceId, parseFunctionReference } from '../../src/domain/function-reference.js'

describe('parseFunctionReference', () => {
  it('takes a bare name in the default region', () => {
    expect(parseFunctionReference(' orders-api ', 'eu-west-1')).toEqual({
      raw: 'orders-api',
      nameOrArn: 'orders-api',
      functionName: 'orders-api',
      region: 'eu-west-1',
      partition: 'aws'
    })
  })

  it('takes a function ARN with its own region and account', () => {
    const ref = parseFunctionReference(
      'arn:aws:lambda:us-west-2:123456789012:function:billing',
      'eu-west-1'
    )
    expect(ref).toMatchObject({
      functionName: 'billing',
      region: 'us-west-2',
      accountId: '123456789012'
    })
  })

  it('accepts $LATEST and gates the unqualified function', () => {
    const ref = parseFunctionReference(
      'arn:aws:lambda:us-east-1:123456789012:function:billing:$LATEST',
      undefined
    )
    expect(ref.nameOrArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:billing')
  })

  it.each(['3', 'prod'])('refuses qualifier %s: Inspector scans only $LATEST', (qualifier) => {
    expect(() =>
      parseFunctionReference(
        `arn:aws:lambda:us-east-1:123456789012:function:billing:${qualifier}`,
        'us-east-1'
      )
    ).toThrow('Inspector scans only $LATEST')
  })

  it('needs a region for a bare name', () => {
    expect(() => parseFunctionReference('orders-api', undefined)).toThrow(
      'functions: "orders-api" has no region; set AWS_REGION'
    )
  })

  it.each(['orders api', 'arn:aws:s3:::bucket', 'x'.repeat(65)])(
    'rejects %p, naming the input',
    (raw) => {
      expect(() => parseFunctionReference(raw, 'us-east-1')).toThrow(/^functions: /)
    }
  )

  it('derives the partition from the region', () => {
    expect(parseFunctionReference('f', 'cn-north-1').partition).toBe('aws-cn')
    expect(parseFunctionReference('f', 'us-gov-west-1').partition).toBe('aws-us-gov')
  })
})

describe('functionResourceId', () => {
  it('is the $LATEST of the function, whatever qualifier the ARN had', () => {
    const base = 'arn:aws:lambda:us-east-1:123456789012:function:orders-api'
    expect(functionResourceId(base)).toBe(`${base}:$LATEST`)
    expect(functionResourceId(`${base}:7`)).toBe(`${base}:$LATEST`)
  })
})

describe('parseFunctionReference: regressions found by the property tests', () => {
  it('quotes a huge qualifier short and on one line', () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:billing'
    const attempt = (): unknown =>
      parseFunctionReference(`${arn}:v\n${'1'.repeat(50_000)}`, 'us-east-1')

    expect(attempt).toThrow('Inspector scans only $LATEST')
    expect(attempt).not.toThrow(/\n|.{2000}/)
  })
})
