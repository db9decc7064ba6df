import { describe, expect, it } from '@jest/globals'
import { normalizeInspectorFinding } from '../../src/aws/normalize.js'
import { artifact, inspectorFinding } from '../fixtures/aws-clients.js'

const image = artifact()
const base = () => inspectorFinding('CVE-2026-0001', 'CRITICAL', image)
const normalize = (raw: unknown) => normalizeInspectorFinding(raw as never, image)

describe('normalizeInspectorFinding: fixability from every field that says so (issue 19, case 4)', () => {
  const withPackages = (fixAvailable: string | undefined, packages: object[]) => {
    const raw = base()
    const details = raw.packageVulnerabilityDetails
    return normalize({
      ...raw,
      fixAvailable,
      packageVulnerabilityDetails: { ...details, vulnerablePackages: packages }
    })
  }

  it('a finding without fixAvailable whose package names a fixed version is fixable', () => {
    expect(withPackages(undefined, [{ name: 'zlib', fixedInVersion: '1.3.1' }]).fixAvailable).toBe(
      'yes'
    )
  })

  it('fixAvailable NO beside a fixed version is fixable: any field that says so counts', () => {
    expect(withPackages('NO', [{ name: 'zlib', fixedInVersion: '1.3.1' }]).fixAvailable).toBe('yes')
  })

  it('a package remediation counts as a fix; some packages fixed is partial', () => {
    const mixed = withPackages(undefined, [
      { name: 'zlib', remediation: 'upgrade zlib' },
      { name: 'expat', fixedInVersion: 'NotAvailable' }
    ])
    expect(mixed.fixAvailable).toBe('partial')
  })

  it('nothing that says so leaves it unknown, and NotAvailable is no fix', () => {
    expect(withPackages(undefined, [{ name: 'zlib' }]).fixAvailable).toBe('unknown')
    expect(
      withPackages('NO', [{ name: 'zlib', fixedInVersion: 'NotAvailable' }]).fixAvailable
    ).toBe('no')
  })
})

describe('normalizeInspectorFinding: members of another type (issue 19, case 15)', () => {
  it.each([
    ['title', 42, 'title of type number, not a string'],
    ['description', ['x'], 'description of type list, not a string'],
    ['inspectorScore', '9.8', 'inspectorScore of type string, not a number'],
    ['epss', { score: 'high' }, 'epss.score of type string, not a number'],
    ['firstObservedAt', 'yesterday', 'firstObservedAt of type string, not a timestamp']
  ])(
    '%s = %j gives one line naming the operation, the finding and the member',
    (member, value, says) => {
      const raw = { ...base(), [member]: value }
      expect(() => normalize(raw)).toThrow(
        `ListFindings returned finding ${raw.findingArn} with ${says}`
      )
    }
  )

  it('vulnerable packages that are not a list are named, not a raw JavaScript error', () => {
    const raw = base()
    const odd = {
      ...raw,
      packageVulnerabilityDetails: { ...raw.packageVulnerabilityDetails, vulnerablePackages: {} }
    }
    expect(() => normalize(odd)).toThrow(
      'packageVulnerabilityDetails.vulnerablePackages of type object, not a list'
    )
  })
})
