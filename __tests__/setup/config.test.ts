import { describe, expect, it } from '@jest/globals'
import { EcrRescanDuration } from '@aws-sdk/client-inspector2'
import { buildSetupConfig, ECR_RESCAN_DURATIONS } from '../../src/setup/config.js'

const env = { AWS_REGION: 'eu-west-1' }

describe('buildSetupConfig', () => {
  it('defaults to EC2, ECR and Lambda scanning, FSBP and the newest CIS, insights on, re-scan left alone', () => {
    const config = buildSetupConfig({}, env)
    expect(config.scanTypes).toEqual({ ec2: true, ecr: true, lambda: true, lambdaCode: false })
    expect(config.standards.map((s) => s.slug)).toEqual([
      'aws-foundational-security-best-practices',
      'cis-aws-foundations-benchmark'
    ])
    expect(config.insights).toBe(true)
    expect(config.ecrRescanDuration).toBeUndefined()
  })

  it('reads lambda-code as needing Lambda standard scanning too', () => {
    expect(buildSetupConfig({ 'scan-types': 'lambda-code' }, env).scanTypes).toEqual({
      ec2: false,
      ecr: false,
      lambda: true,
      lambdaCode: true
    })
  })

  it('maps the re-scan duration and takes none for no standards', () => {
    const config = buildSetupConfig({ 'ecr-rescan-duration': '30d', standards: 'none' }, env)
    expect(config.ecrRescanDuration).toBe('DAYS_30')
    expect(config.standards).toEqual([])
  })

  it.each([
    ['3d', 'DAYS_3'],
    ['7d', 'DAYS_7']
  ])('maps ecr-rescan-duration %p to %p', (input, duration) => {
    expect(buildSetupConfig({ 'ecr-rescan-duration': input }, env).ecrRescanDuration).toBe(duration)
  })

  it("offers every EcrRescanDuration of Inspector's model, and only those", () => {
    // The SDK's enum object is generated from the service model.
    expect(Object.values(ECR_RESCAN_DURATIONS).sort()).toEqual(
      Object.values(EcrRescanDuration).sort()
    )
  })

  it.each([
    [{ 'scan-types': 'ec2, rds' }, 'scan-types: "rds" is not one of ec2, ecr, lambda, lambda-code'],
    [{ 'ecr-rescan-duration': '5d' }, 'ecr-rescan-duration: "5d" is not one of'],
    [{ insights: 'yes' }, 'insights: "yes" is not true or false']
  ])('rejects %p naming the input', (inputs, message) => {
    expect(() => buildSetupConfig(inputs, env)).toThrow(message)
  })

  it('needs a region', () => {
    expect(() => buildSetupConfig({}, {})).toThrow('setup needs a region: set AWS_REGION')
  })
})

describe('buildSetupConfig: regressions found by the property tests', () => {
  it.each(['constructor', '__proto__', 'toString'])(
    'refuses ecr-rescan-duration %p (was taken from Object.prototype)',
    (value) => {
      expect(() => buildSetupConfig({ 'ecr-rescan-duration': value }, env)).toThrow(
        `ecr-rescan-duration: "${value.toLowerCase()}" is not one of 3d, 7d, 14d, 30d, 60d, 90d, 180d, lifetime`
      )
    }
  )

  it('reads a standard named like an Object method as that name', () => {
    const config = buildSetupConfig({ standards: 'constructor, __proto__' }, env)

    expect(config.standards.map((s) => s.slug)).toEqual(['constructor', '__proto__'])
  })

  it('sets up AWS_REGION alone, one account, by default; regions lists the Regions, deduplicated (issue 18)', () => {
    const single = buildSetupConfig({}, env)
    expect([single.regions, single.organization, single.aggregateRegions]).toEqual([
      ['eu-west-1'],
      false,
      false
    ])
    const many = buildSetupConfig(
      {
        regions: 'us-east-1, eu-west-1\nus-east-1',
        organization: 'true',
        'aggregate-regions': 'true'
      },
      env
    )
    expect([many.region, many.regions, many.organization, many.aggregateRegions]).toEqual([
      'us-east-1',
      ['us-east-1', 'eu-west-1'],
      true,
      true
    ])
  })

  it('refuses a Region name that is not one, naming the input', () => {
    expect(() => buildSetupConfig({ regions: 'us-east-1, useast2' }, env)).toThrow(
      'regions: "useast2" is not an AWS Region name such as us-east-1'
    )
  })
})
