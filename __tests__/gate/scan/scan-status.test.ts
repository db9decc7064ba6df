import { describe, expect, it } from '@jest/globals'
import { ScanStatusReason } from '@aws-sdk/client-inspector2'
import { classifyBasicScanStatus, classifyCoverage } from '../../../src/gate/scan/scan-status.js'

const pushedAt = new Date('2026-11-22T10:00:00Z')
const coverage = (reason: string, lastScannedAt?: string, statusCode = 'ACTIVE') => ({
  statusCode,
  reason,
  lastScannedAt: lastScannedAt ? new Date(lastScannedAt) : undefined
})

describe('classifyCoverage', () => {
  it('waits while Inspector has not discovered the image', () => {
    expect(classifyCoverage(undefined, pushedAt)).toEqual({
      kind: 'wait',
      state: 'not yet discovered by Inspector'
    })
  })

  it.each(['PENDING_INITIAL_SCAN', 'SCAN_IN_PROGRESS', 'PENDING_REVIVAL_SCAN', 'INTERNAL_ERROR'])(
    'waits on %s',
    (reason) => {
      expect(classifyCoverage(coverage(reason), pushedAt).kind).toBe('wait')
    }
  )

  it('is done on SUCCESSFUL scanned at or after the push', () => {
    expect(classifyCoverage(coverage('SUCCESSFUL', '2026-11-22T10:00:00Z'), pushedAt)).toEqual({
      kind: 'done',
      scannedAt: new Date('2026-11-22T10:00:00Z')
    })
  })

  it('keeps waiting on SUCCESSFUL from a scan older than the push (a previous image)', () => {
    const c = classifyCoverage(coverage('SUCCESSFUL', '2026-11-22T09:59:59Z'), pushedAt)
    expect(c.kind).toBe('wait')
    expect(c.kind === 'wait' && c.state).toContain('before the push')
  })

  it('keeps waiting on SUCCESSFUL without lastScannedAt', () => {
    expect(classifyCoverage(coverage('SUCCESSFUL'), pushedAt).kind).toBe('wait')
  })

  it('waits on SCAN_FREQUENCY_SCAN_ON_PUSH without lastScannedAt, saying what it means if it lasts', () => {
    const c = classifyCoverage(coverage('SCAN_FREQUENCY_SCAN_ON_PUSH'), pushedAt)
    expect(c.kind).toBe('wait')
    expect(c.kind === 'wait' && c.state).toContain('scans only at push')
  })

  it('treats a completed scan-on-push scan like SUCCESSFUL', () => {
    expect(
      classifyCoverage(coverage('SCAN_FREQUENCY_SCAN_ON_PUSH', '2026-11-22T10:01:00Z'), pushedAt)
        .kind
    ).toBe('done')
  })

  it.each([
    ['UNSUPPORTED_OS', 'operating system'],
    ['UNSUPPORTED_MEDIA_TYPE', 'media type'],
    ['IMAGE_SIZE_EXCEEDED', 'larger'],
    ['NO_RESOURCES_FOUND', 'nothing to scan'],
    ['UNSUPPORTED_RUNTIME', 'runtime'],
    ['UNSUPPORTED_CODE_ARTIFACTS', 'code artifacts']
  ])('reports %s as unscannable (on-unscannable decides) with an explanation', (reason, words) => {
    const c = classifyCoverage(coverage(reason, undefined, 'INACTIVE'), pushedAt)
    expect(c).toMatchObject({ kind: 'unscannable', reason })
    expect(c.kind === 'unscannable' && c.explanation).toContain(words)
  })

  it.each([
    ['SCAN_FREQUENCY_MANUAL', 'scanning rule'],
    ['SCAN_ELIGIBILITY_EXPIRED', 're-scan duration'],
    ['EXCLUDED_BY_TAG', 'tag'],
    ['ACCESS_DENIED', 'policy'],
    ['ACCESS_DENIED_TO_ENCRYPTION_KEY', 'KMS'],
    ['IMAGE_ARCHIVED', 'archive'],
    ['RESOURCE_TERMINATED', 'deleted'],
    ['PENDING_DISABLE', 'disabled']
  ])(
    'reports %s as a setup problem (blocked: on-error decides, not on-unscannable)',
    (reason, words) => {
      const c = classifyCoverage(coverage(reason, undefined, 'INACTIVE'), pushedAt)
      expect(c).toMatchObject({ kind: 'blocked', reason })
      expect(c.kind === 'blocked' && c.explanation).toContain(words)
    }
  )

  it('explains function-specific reasons in Lambda terms', () => {
    const expired = classifyCoverage(
      coverage('SCAN_ELIGIBILITY_EXPIRED', undefined, 'INACTIVE'),
      pushedAt,
      'deployment'
    )
    expect(expired.kind === 'blocked' && expired.explanation).toContain(
      'not invoked or updated for 90 days'
    )
    const kms = classifyCoverage(
      coverage('ACCESS_DENIED_TO_ENCRYPTION_KEY', undefined, 'INACTIVE'),
      pushedAt,
      'deployment'
    )
    expect(kms.kind === 'blocked' && kms.explanation).toContain('customer managed KMS key')
  })

  it.each([
    ['EC2_INSTANCE_STOPPED', 'push', 'EC2 instances (stopped) for an ECR image'],
    ['DEEP_INSPECTION_NO_INVENTORY', 'deployment', 'EC2 deep inspection for a Lambda function'],
    ['INTEGRATION_CONNECTION_LOST', 'deployment', 'code repositories for a Lambda function'],
    ['UNSUPPORTED_LANGUAGE', 'push', 'code repositories for an ECR image'],
    ['RESOURCE_STOPPED', 'push', 'virtual machines in other clouds']
  ] as const)(
    'reports %s, a reason of another resource type, as blocked at once (no wait to the timeout)',
    (reason, event, words) => {
      const c = classifyCoverage(coverage(reason, undefined, 'INACTIVE'), pushedAt, event)
      expect(c).toMatchObject({ kind: 'blocked', reason })
      expect(c.kind === 'blocked' && c.explanation).toContain(words)
    }
  )

  it("knows every ScanStatusReason of Inspector's model by name, for images and functions", () => {
    // The SDK's enum object is generated from the service model.
    for (const event of ['push', 'deployment'] as const) {
      const unknown = Object.values(ScanStatusReason).filter((reason) => {
        const c = classifyCoverage(coverage(reason, '2026-11-22T10:05:00Z'), pushedAt, event)
        return c.kind === 'wait' && c.state.startsWith('unrecognised')
      })
      expect(unknown).toEqual([])
    }
  })

  it('waits (and names the value) on a reason it does not know, so a new status never passes silently', () => {
    const c = classifyCoverage(coverage('SOMETHING_NEW', undefined, 'INACTIVE'), pushedAt)
    expect(c).toEqual({
      kind: 'wait',
      state: 'unrecognised coverage status INACTIVE/SOMETHING_NEW'
    })
  })

  it('waits on a status code it does not know even with SUCCESSFUL, naming it', () => {
    const c = classifyCoverage(coverage('SUCCESSFUL', '2026-11-22T10:05:00Z', 'PAUSED'), pushedAt)
    expect(c).toEqual({ kind: 'wait', state: 'unrecognised coverage status PAUSED/SUCCESSFUL' })
  })
})

describe('classifyBasicScanStatus', () => {
  it.each(['IN_PROGRESS', 'PENDING', 'FINDINGS_UNAVAILABLE', 'ACTIVE', undefined, 'NEW_VALUE'])(
    'waits on %s',
    (status) => {
      expect(classifyBasicScanStatus(status, undefined).kind).toBe('wait')
    }
  )

  it('is done on COMPLETE', () => {
    expect(classifyBasicScanStatus('COMPLETE', 'The scan was completed successfully.').kind).toBe(
      'done'
    )
  })

  it('refuses UNSUPPORTED_IMAGE as unscannable', () => {
    const c = classifyBasicScanStatus('UNSUPPORTED_IMAGE', 'details from ECR')
    expect(c).toMatchObject({ kind: 'unscannable', reason: 'UNSUPPORTED_IMAGE' })
  })

  it.each(['FAILED', 'LIMIT_EXCEEDED', 'SCAN_ELIGIBILITY_EXPIRED', 'IMAGE_ARCHIVED'])(
    'refuses %s as blocked (a setup problem), with an explanation',
    (status) => {
      const c = classifyBasicScanStatus(status, 'details from ECR')
      expect(c).toMatchObject({ kind: 'blocked', reason: status })
      expect(c.kind === 'blocked' && c.explanation.length).toBeGreaterThan(20)
    }
  )

  it('keeps ECR’s description in the explanation of a failed scan', () => {
    const c = classifyBasicScanStatus('FAILED', 'layer too large')
    expect(c.kind === 'blocked' && c.explanation).toContain('layer too large')
  })
})
