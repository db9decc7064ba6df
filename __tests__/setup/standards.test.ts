import { describe, expect, it } from '@jest/globals'
import type { AvailableStandard } from '../../src/aws/securityhub-standards.js'
import { sameInsight, INSIGHTS } from '../../src/setup/insights.js'
import {
  explainStandardStatus,
  parseStandardChoice,
  resolveStandards,
  unknownStandardProblem
} from '../../src/setup/standards.js'
import { closingLine, durationInput } from '../../src/setup/run.js'

const offered: AvailableStandard[] = [
  {
    arn: 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
    name: 'AWS Foundational Security Best Practices v1.0.0',
    slug: 'aws-foundational-security-best-practices',
    version: '1.0.0'
  },
  {
    arn: 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0',
    name: 'CIS 1.2.0',
    slug: 'cis-aws-foundations-benchmark',
    version: '1.2.0'
  },
  {
    arn: 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/5.0.0',
    name: 'CIS 5.0.0',
    slug: 'cis-aws-foundations-benchmark',
    version: '5.0.0'
  },
  {
    arn: 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0',
    name: 'CIS 1.4.0',
    slug: 'cis-aws-foundations-benchmark',
    version: '1.4.0'
  }
]

describe('resolveStandards', () => {
  it('picks the newest offered version when none is pinned (5.0.0 over 1.4.0 over 1.2.0)', () => {
    const { resolved } = resolveStandards(
      [parseStandardChoice('cis-aws-foundations-benchmark')],
      offered
    )
    expect(resolved.map((s) => s.version)).toEqual(['5.0.0'])
  })

  it('honours a pinned version and the short aliases', () => {
    const { resolved } = resolveStandards(
      [parseStandardChoice('cis@1.2.0'), parseStandardChoice('FSBP')],
      offered
    )
    expect(resolved.map((s) => s.arn)).toEqual([offered[1]?.arn, offered[0]?.arn])
  })

  it('reports names Security Hub does not offer instead of guessing an ARN', () => {
    const { resolved, unknown } = resolveStandards(
      [parseStandardChoice('cis@9.9.9'), parseStandardChoice('soc2')],
      offered
    )
    expect(resolved).toEqual([])
    expect(unknown).toEqual(['cis@9.9.9', 'soc2'])
  })

  it('explains a standard that could not be enabled in words a user can act on', () => {
    expect(explainStandardStatus('NO_AVAILABLE_CONFIGURATION_RECORDER')).toContain(
      'AWS Config recording'
    )
  })
})

describe('sameInsight', () => {
  const [definition] = INSIGHTS
  it('ignores key order and finds a changed filter or grouping', () => {
    if (!definition) throw new Error('no insight')
    const reordered = {
      ...definition,
      filters: Object.fromEntries(Object.entries(definition.filters).reverse())
    }
    expect(sameInsight(reordered, definition)).toBe(true)
    expect(sameInsight({ ...definition, groupByAttribute: 'ResourceType' }, definition)).toBe(false)
    expect(
      sameInsight(
        {
          ...definition,
          filters: {
            ...definition.filters,
            SeverityLabel: [{ Value: 'HIGH', Comparison: 'EQUALS' }]
          }
        },
        definition
      )
    ).toBe(false)
  })

  it('defines the recipe’s insights, each name unique and marked as this tool’s', () => {
    const names = INSIGHTS.map((i) => i.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names.every((n) => n.startsWith('inspector-gate: '))).toBe(true)
    expect(names).toEqual(
      expect.arrayContaining([
        'inspector-gate: Critical vulnerabilities by resource',
        'inspector-gate: Unpatched EC2 instances'
      ])
    )
  })
})

describe('parseStandardChoice', () => {
  // Found by the property tests: `constructor` used to resolve to Object's constructor function.
  it.each(['constructor', '__proto__', 'toString'])(
    'reads %p as a name, not an Object key',
    (name) => {
      expect(parseStandardChoice(name)).toEqual({ raw: name, slug: name.toLowerCase() })
    }
  )
})

describe('setup wording (issue 17)', () => {
  it('lists the standards Security Hub offers when a name is unknown', () => {
    expect(unknownStandardProblem('cis-aws', 'us-east-1', offered)).toMatch(
      /^standards: "cis-aws" is not offered by Security Hub in us-east-1; offered here: .*aws-foundational-security-best-practices@1\.0\.0.*cis-aws-foundations-benchmark@1\.2\.0/
    )
  })

  it('promises no idempotent second run when something could not be done', () => {
    const report = {
      changes: ['enabled X'],
      unchanged: [],
      problems: ['standards: …'],
      warnings: []
    }
    const scope = { accountId: '123456789012', regions: ['us-east-1'], organization: false }
    expect(closingLine(report, scope)).toBe(
      'changed 1 thing(s) in account 123456789012 (us-east-1); 1 could not be done'
    )
    expect(closingLine({ ...report, problems: [] }, scope)).toMatch(
      /a second run will change nothing$/
    )
    expect(closingLine({ ...report, changes: [] }, scope)).not.toMatch(/already in place/)
    expect(closingLine({ ...report, changes: [], problems: [] }, scope)).toBe(
      'nothing to change in account 123456789012 (us-east-1): the security baseline is already in place'
    )
  })

  it('speaks of the organization and every Region in an organization run', () => {
    const scope = {
      accountId: '123456789012',
      regions: ['us-east-1', 'eu-west-1'],
      organization: true
    }
    expect(closingLine({ changes: [], unchanged: [], problems: [], warnings: [] }, scope)).toBe(
      'nothing to change in the organization across us-east-1, eu-west-1: the security baseline is already in place'
    )
  })

  it('names the re-scan duration as the input does: 30d, not DAYS_30', () => {
    expect(durationInput('DAYS_30')).toBe('30d')
    expect(durationInput('LIFETIME')).toBe('lifetime')
  })
})
