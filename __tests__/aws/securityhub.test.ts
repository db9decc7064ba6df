import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  AccessDeniedException,
  DescribeHubCommand,
  EnableImportFindingsForProductCommand,
  EnableSecurityHubCommand,
  InvalidAccessException,
  ListEnabledProductsForImportCommand,
  ResourceConflictException,
  SecurityHubClient
} from '@aws-sdk/client-securityhub'
import { mockClient } from 'aws-sdk-client-mock'
import { AwsCallError } from '../../src/aws/errors.js'
import {
  describeHub,
  enableImportForProduct,
  enableSecurityHub,
  inspectorProductArn,
  isInspectorSubscription,
  listEnabledImportProducts,
  partitionOf
} from '../../src/aws/securityhub.js'

const securityHub = mockClient(SecurityHubClient)
const client = new SecurityHubClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
})
const INSPECTOR_SUBSCRIPTION =
  'arn:aws:securityhub:us-east-1:123456789012:product-subscription/aws/inspector'

beforeEach(() => {
  securityHub.reset()
})

describe('partitions and ARNs', () => {
  it.each([
    ['us-east-1', 'arn:aws:securityhub:us-east-1::product/aws/inspector'],
    ['cn-north-1', 'arn:aws-cn:securityhub:cn-north-1::product/aws/inspector'],
    ['us-gov-west-1', 'arn:aws-us-gov:securityhub:us-gov-west-1::product/aws/inspector']
  ])('builds the Inspector product ARN for %s', (region, arn) => {
    expect(inspectorProductArn(region)).toBe(arn)
  })

  it('derives the partition from the region name', () => {
    expect(partitionOf('eu-west-1')).toBe('aws')
    expect(partitionOf('cn-northwest-1')).toBe('aws-cn')
    expect(partitionOf('us-gov-east-1')).toBe('aws-us-gov')
  })

  it('recognises the Inspector subscription ARN and nothing else', () => {
    expect(isInspectorSubscription(INSPECTOR_SUBSCRIPTION)).toBe(true)
    expect(
      isInspectorSubscription(
        'arn:aws:securityhub:us-east-1:123456789012:product-subscription/aws/guardduty'
      )
    ).toBe(false)
  })
})

describe('describeHub', () => {
  it('is true when the hub answers', async () => {
    securityHub
      .on(DescribeHubCommand)
      .resolves({ HubArn: 'arn:aws:securityhub:us-east-1:1:hub/default' })
    await expect(describeHub(client)).resolves.toBe(true)
  })

  it('is false when the account is not subscribed (InvalidAccessException)', async () => {
    securityHub.on(DescribeHubCommand).rejects(
      new InvalidAccessException({
        message: 'Account 123456789012 is not subscribed to AWS Security Hub',
        $metadata: { httpStatusCode: 401 }
      })
    )
    await expect(describeHub(client)).resolves.toBe(false)
  })

  it('names the IAM action when access is denied', async () => {
    securityHub
      .on(DescribeHubCommand)
      .rejects(new AccessDeniedException({ message: 'not authorized', $metadata: {} }))
    const error = await describeHub(client).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AwsCallError)
    expect((error as Error).message).toContain('securityhub:DescribeHub')
  })
})

describe('enableSecurityHub', () => {
  it('enables without the default standards', async () => {
    securityHub.on(EnableSecurityHubCommand).resolves({})
    await expect(enableSecurityHub(client)).resolves.toBe('enabled')
    expect(securityHub.commandCalls(EnableSecurityHubCommand)[0]?.args[0].input).toEqual({
      EnableDefaultStandards: false
    })
  })

  it('reports "already subscribed" as already enabled', async () => {
    securityHub.on(EnableSecurityHubCommand).rejects(
      new ResourceConflictException({
        message: 'Account is already subscribed to Security Hub',
        $metadata: { httpStatusCode: 409 }
      })
    )
    await expect(enableSecurityHub(client)).resolves.toBe('already-enabled')
  })
})

describe('listEnabledImportProducts', () => {
  it('reads every page', async () => {
    securityHub
      .on(ListEnabledProductsForImportCommand)
      .resolvesOnce({ ProductSubscriptions: ['a'], NextToken: 't1' })
      .resolvesOnce({ ProductSubscriptions: [INSPECTOR_SUBSCRIPTION] })
    await expect(listEnabledImportProducts(client)).resolves.toEqual(['a', INSPECTOR_SUBSCRIPTION])
    const calls = securityHub.commandCalls(ListEnabledProductsForImportCommand)
    // The paginator mutates one input object, so only the last call's token is observable.
    expect(calls).toHaveLength(2)
    expect(calls[1]?.args[0].input.NextToken).toBe('t1')
  })
})

describe('enableImportForProduct', () => {
  const arn = 'arn:aws:securityhub:us-east-1::product/aws/inspector'

  it('subscribes to the product ARN', async () => {
    securityHub.on(EnableImportFindingsForProductCommand).resolves({
      ProductSubscriptionArn: INSPECTOR_SUBSCRIPTION
    })
    await expect(enableImportForProduct(client, arn)).resolves.toBe('enabled')
    expect(
      securityHub.commandCalls(EnableImportFindingsForProductCommand)[0]?.args[0].input
    ).toEqual({ ProductArn: arn })
  })

  it('treats a conflict as already enabled', async () => {
    securityHub
      .on(EnableImportFindingsForProductCommand)
      .rejects(new ResourceConflictException({ message: 'exists', $metadata: {} }))
    await expect(enableImportForProduct(client, arn)).resolves.toBe('already-enabled')
  })
})
