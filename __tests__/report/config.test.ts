import { describe, expect, it } from '@jest/globals'
import { buildReportSettings } from '../../src/report/config.js'
import { InputError } from '../../src/inputs/values.js'

const env = { AWS_REGION: 'eu-west-1' }

describe('buildReportSettings: remediation-targets', () => {
  it('reads days per severity, case-insensitively', () => {
    const settings = buildReportSettings({ 'remediation-targets': 'critical=1, HIGH = 7' }, env)

    expect(settings.config.remediationTargets).toEqual({ CRITICAL: 1, HIGH: 7 })
  })

  // Found by the property tests: the last of two targets for a severity used to win silently.
  it('refuses a severity given twice', () => {
    expect(() =>
      buildReportSettings({ 'remediation-targets': 'critical=2, high=14, CRITICAL=5' }, env)
    ).toThrow(new InputError('remediation-targets: critical is given twice'))
  })

  it('refuses a number of days that is not exact', () => {
    expect(() =>
      buildReportSettings({ 'remediation-targets': `high=${'9'.repeat(400)}` }, env)
    ).toThrow(/^remediation-targets: ".*" is not severity=days/)
  })
})

describe('buildReportSettings: messages', () => {
  it('quote a value on one line and short', () => {
    const attempt = (): unknown =>
      buildReportSettings({ 's3-uri': `s3://bucket/\n${'x'.repeat(10_000)}` }, env)

    expect(attempt).toThrow(
      /^s3-uri: "s3:\/\/bucket\/\\nx{186}… \(10013 characters\)" is not an S3/
    )
  })
})

describe('buildReportSettings: report-regions', () => {
  it('reads Region names, lower-cased and once each', () => {
    const settings = buildReportSettings(
      { 'report-regions': 'us-east-1, EU-WEST-1\nus-east-1, us-gov-west-1' },
      env
    )

    expect(settings.config.filters.regions).toEqual(['us-east-1', 'eu-west-1', 'us-gov-west-1'])
  })

  it('is empty when not given: every Region the findings come from', () => {
    expect(buildReportSettings({}, env).config.filters.regions).toEqual([])
  })

  it('refuses a name that is no Region, naming the input and an example', () => {
    expect(() => buildReportSettings({ 'report-regions': 'us-east-1, Europe' }, env)).toThrow(
      new InputError('report-regions: "europe" is not an AWS Region name (e.g. eu-west-1)')
    )
    expect(() => buildReportSettings({ 'report-regions': 'us-east-1a' }, env)).toThrow(
      /^report-regions: "us-east-1a" is not an AWS Region name/
    )
  })
})
