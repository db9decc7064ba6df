import { describe, expect, it } from '@jest/globals'
import { buildResponderConfig } from '../../src/responder-stack/config.js'

describe('buildResponderConfig', () => {
  it('is off unless deploy-responder is true', () => {
    expect(buildResponderConfig({})).toBeUndefined()
    expect(buildResponderConfig({ 'deploy-responder': 'false' })).toBeUndefined()
  })

  it('takes the defaults of action.yml', () => {
    expect(buildResponderConfig({ 'deploy-responder': 'true' })).toEqual({
      stackName: 'inspector-gate-responder',
      notificationEmail: '',
      kmsKeyArn: '',
      inspectorFindingsOnly: true,
      logRetentionDays: 30
    })
  })

  it.each([
    [{ 'responder-stack-name': '1-starts-with-a-digit' }, 'responder-stack-name:'],
    [{ 'responder-stack-name': 'x'.repeat(56) }, 'responder-stack-name:'],
    [{ 'responder-email': 'not-an-address' }, 'responder-email: "not-an-address"'],
    [
      { 'responder-kms-key-arn': 'alias/my-key' },
      'responder-kms-key-arn: "alias/my-key" is not a KMS key ARN'
    ],
    [{ 'responder-log-retention-days': '45' }, 'responder-log-retention-days: "45"'],
    [
      { 'responder-inspector-only': 'maybe' },
      'responder-inspector-only: "maybe" is not true or false'
    ]
  ])('rejects %p naming the input', (inputs, message) => {
    expect(() => buildResponderConfig({ 'deploy-responder': 'true', ...inputs })).toThrow(message)
  })
})

describe('buildResponderConfig: regressions found by the property tests', () => {
  it.each(['0x1E', '0o36', '0b11110', '3e1', '30.0', '+30'])(
    'refuses retention %p, which Number() would read as 30',
    (days) => {
      expect(() =>
        buildResponderConfig({ 'deploy-responder': 'true', 'responder-log-retention-days': days })
      ).toThrow(`responder-log-retention-days: "${days}" is not a CloudWatch Logs retention`)
    }
  )

  it('takes retention written in digits', () => {
    const config = buildResponderConfig({
      'deploy-responder': 'true',
      'responder-log-retention-days': ' 030 '
    })

    expect(config?.logRetentionDays).toBe(30)
  })
})
