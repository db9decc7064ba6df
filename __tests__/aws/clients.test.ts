import { describe, expect, it } from '@jest/globals'
import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { STSClient } from '@aws-sdk/client-sts'
import { createAwsClients } from '../../src/aws/clients.js'

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }
const overrides = () => ({ region: 'us-east-1', credentials })

describe('createAwsClients: each step brings its client classes (issue 13, cold start)', () => {
  it('builds a client from a class the step passed, once per service and region', () => {
    const clients = createAwsClients({ classes: { sts: STSClient }, overrides })
    expect(clients.sts()).toBeInstanceOf(STSClient)
    expect(clients.sts()).toBe(clients.sts())
  })

  it('refuses a service whose class was neither passed nor loaded, naming it and the fix', () => {
    const clients = createAwsClients({ classes: { sts: STSClient }, overrides })
    expect(() => clients.cloudformation('us-east-1')).toThrow(
      "inspector-gate bug: the cloudformation client was used before its class was loaded (await clients.load('cloudformation') first)"
    )
  })

  it('loads a class on demand, after which the accessor works', async () => {
    const clients = createAwsClients({ classes: {}, overrides })
    await clients.load('cloudformation')
    const client = clients.cloudformation('eu-west-1')
    expect(client).toBeInstanceOf(CloudFormationClient)
    expect(await client.config.region()).toBe('eu-west-1')
    expect(clients.cloudformation('eu-west-1')).toBe(client)
    expect(clients.cloudformation('us-east-1')).not.toBe(client)
  })

  it('keeps a class the step passed when asked to load it again', async () => {
    class OwnSts extends STSClient {}
    const clients = createAwsClients({ classes: { sts: OwnSts }, overrides })
    await clients.load('sts')
    expect(clients.sts()).toBeInstanceOf(OwnSts)
  })
})
