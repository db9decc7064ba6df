import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { evaluate } from '../../../src/domain/evaluate.js'
import type { Finding, FunctionArtifact } from '../../../src/domain/finding.js'
import type { ArtifactOutcome } from '../../../src/domain/outcome.js'
import type { Policy } from '../../../src/domain/policy.js'
import type { Verdict } from '../../../src/domain/verdict.js'
import {
  DEFAULT_MAX_ANNOTATIONS,
  findingAnnotations,
  type Annotation
} from '../../../src/gate/render/annotations.js'
import { artifact } from '../../fixtures/artifacts.js'
import { ACCOUNT, DIGEST_ARM64, DIGEST_OTHER, NOW, REGISTRY } from '../../fixtures/digests.js'
import { finding } from '../../fixtures/findings.js'
import { scanned } from '../../fixtures/outcomes.js'
import { policy } from '../../fixtures/policy.js'

const AMD64 = artifact({ platform: 'linux/amd64' })
const ARM64 = artifact({ platform: 'linux/arm64', digest: DIGEST_ARM64 })
const WORKER = artifact({ repository: 'worker', digest: DIGEST_OTHER })
const APP = `${REGISTRY}/app:1.0.0`

const CODE_ARTIFACT: FunctionArtifact = {
  kind: 'function',
  reference: 'orders-api',
  region: 'us-east-1',
  resourceId: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api:$LATEST`,
  accountId: ACCOUNT,
  functionName: 'orders-api',
  codeSha256: 'k3Jx9c0S2b5yYm9vZ2xlZm9vYmFyYmF6cXV4MTIzNDU=',
  lastModified: new Date('2026-03-15T11:00:00Z'),
  scanType: 'code'
}

function codeFinding(overrides: Partial<Finding> = {}): Finding {
  return finding({
    vulnerabilityId: 'python/sql-injection@v1.0',
    title: 'SQL injection',
    type: 'code',
    packages: [],
    code: {
      filePath: '\\src\\orders.py',
      startLine: 42,
      endLine: 44,
      cwes: ['CWE-89'],
      detectorName: 'SQL injection'
    },
    artifact: CODE_ARTIFACT,
    ...overrides
  })
}

function verdictOf(outcomes: ArtifactOutcome[], overrides: Partial<Policy> = {}): Verdict {
  return evaluate({ outcomes, policy: policy(overrides), ignoreRules: [], now: NOW })
}

describe('findingAnnotations', () => {
  it('groups a vulnerability across platforms and targets into one annotation', () => {
    const cve = {
      vulnerabilityId: 'CVE-2024-3094',
      title: 'CVE-2024-3094 - xz-utils',
      severity: 'critical' as const,
      url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-3094',
      packages: [{ name: 'xz-utils', installedVersion: '5.6.0', fixedInVersion: '5.6.1' }]
    }
    const verdict = verdictOf([
      scanned([finding({ ...cve, artifact: AMD64 })]),
      scanned([finding({ ...cve, artifact: ARM64 })]),
      scanned([
        finding({
          ...cve,
          packages: [{ name: 'xz-utils', installedVersion: '5.4.0', fixedInVersion: '5.4.6' }],
          artifact: WORKER
        })
      ])
    ])
    expect(findingAnnotations(verdict, { file: 'Dockerfile' })).toEqual([
      {
        level: 'error',
        title: 'Critical CVE-2024-3094 in xz-utils',
        message: `CVE-2024-3094 - xz-utils. Packages: xz-utils 5.6.0 → 5.6.1, xz-utils 5.4.0 → 5.4.6. Blocks in: ${APP} (linux/amd64, linux/arm64), ${REGISTRY}/worker:1.0.0. Blocked by: severity CRITICAL ≥ fail-on high. Advisory: https://nvd.nist.gov/vuln/detail/CVE-2024-3094.`,
        file: 'Dockerfile',
        startLine: 1
      }
    ])
  })

  it('annotates only blocking findings', () => {
    const verdict = verdictOf(
      [
        scanned([
          finding({ severity: 'medium', artifact: AMD64 }),
          finding({ severity: 'low', artifact: AMD64 }),
          finding({ severity: 'critical', fixAvailable: 'no', artifact: AMD64 })
        ])
      ],
      { fixableOnly: true }
    )
    expect(verdict.assessed).toHaveLength(3)
    expect(findingAnnotations(verdict, {})).toEqual([])
  })

  it('says which rule made a LOW finding an error', () => {
    const verdict = verdictOf(
      [
        scanned([
          finding({
            vulnerabilityId: 'CVE-X',
            severity: 'low',
            exploitAvailable: 'yes',
            epss: 0.42,
            artifact: AMD64
          })
        ])
      ],
      { failOnExploitable: true, failOnEpss: 0.1 }
    )
    const [annotation] = findingAnnotations(verdict, {})
    expect(annotation?.title).toBe('Low CVE-X in openssl')
    expect(annotation?.message).toContain('Blocked by: exploit known; EPSS 42 % ≥ 10 %.')
  })

  it('puts the most severe first', () => {
    const verdict = verdictOf(
      [
        scanned([
          finding({ vulnerabilityId: 'CVE-M', severity: 'medium', artifact: AMD64 }),
          finding({
            vulnerabilityId: 'CVE-H1',
            severity: 'high',
            inspectorScore: 7.1,
            artifact: AMD64
          }),
          finding({ vulnerabilityId: 'CVE-C', severity: 'critical', artifact: AMD64 }),
          finding({
            vulnerabilityId: 'CVE-H2',
            severity: 'high',
            inspectorScore: 8.9,
            artifact: AMD64
          }),
          finding({ vulnerabilityId: 'CVE-U', severity: 'untriaged', artifact: AMD64 })
        ])
      ],
      { failOn: 'medium', untriagedAs: 'medium' }
    )
    expect(findingAnnotations(verdict, {}).map((a) => a.title)).toEqual([
      'Critical CVE-C in openssl',
      'High CVE-H2 in openssl',
      'High CVE-H1 in openssl',
      'Medium CVE-M in openssl',
      'Medium (untriaged) CVE-U in openssl'
    ])
  })

  describe('cap', () => {
    const many = (count: number): Verdict =>
      verdictOf([
        scanned(
          Array.from({ length: count }, (_, i) =>
            finding({
              vulnerabilityId: `CVE-2026-${String(i).padStart(4, '0')}`,
              severity: i < 2 ? 'critical' : 'high',
              artifact: AMD64
            })
          )
        )
      ])

    it(`uses at most ${DEFAULT_MAX_ANNOTATIONS}, the last one summing up the rest`, () => {
      const annotations = findingAnnotations(many(13), { file: 'Dockerfile' })
      expect(annotations).toHaveLength(DEFAULT_MAX_ANNOTATIONS)
      expect(annotations.slice(0, 2).map((a) => a.title)).toEqual([
        'Critical CVE-2026-0000 in openssl',
        'Critical CVE-2026-0001 in openssl'
      ])
      expect(annotations.at(-1)).toEqual({
        level: 'error',
        title: '4 more blocking vulnerabilities',
        message:
          '4 more blocking vulnerabilities (CVE-2026-0009, CVE-2026-0010, CVE-2026-0011, CVE-2026-0012) — see the job summary / findings file.',
        file: 'Dockerfile',
        startLine: 1
      })
    })

    it('needs no summary when everything fits', () => {
      const annotations = findingAnnotations(many(DEFAULT_MAX_ANNOTATIONS), {})
      expect(annotations).toHaveLength(DEFAULT_MAX_ANNOTATIONS)
      expect(annotations.every((a) => !a.title.includes('more blocking'))).toBe(true)
    })

    it('honours max, down to a single summary', () => {
      expect(findingAnnotations(many(5), { max: 3 }).map((a) => a.title)).toEqual([
        'Critical CVE-2026-0000 in openssl',
        'Critical CVE-2026-0001 in openssl',
        '3 more blocking vulnerabilities'
      ])
      expect(findingAnnotations(many(5), { max: 1 })).toEqual([
        {
          level: 'error',
          title: '5 blocking vulnerabilities',
          message:
            '5 blocking vulnerabilities (CVE-2026-0000, CVE-2026-0001, CVE-2026-0002, CVE-2026-0003, CVE-2026-0004) — see the job summary / findings file.'
        }
      ])
      expect(findingAnnotations(many(5), { max: 0 })).toEqual([])
    })

    it('keeps the summary within the message limit', () => {
      const annotations = findingAnnotations(many(400), {})
      const summary = annotations.at(-1)
      expect(summary?.title).toBe('391 more blocking vulnerabilities')
      expect(summary?.message.length).toBeLessThanOrEqual(1000)
      expect(summary?.message).toMatch(/ and \d+ more\) — see the job summary \/ findings file\.$/)
    })
  })

  describe('file and lines', () => {
    const verdict = verdictOf([
      scanned([finding({ vulnerabilityId: 'CVE-PKG', artifact: AMD64 })]),
      scanned([
        codeFinding(),
        codeFinding({ code: { filePath: 'app/other.py', startLine: 7, cwes: [] } })
      ])
    ])

    it('points package findings at the given file and code findings at their own lines', () => {
      const places = findingAnnotations(verdict, { file: 'deploy/Dockerfile' }).map(
        ({ title, file, startLine, endLine }) => ({ title, file, startLine, endLine })
      )
      expect(places).toEqual([
        {
          title: 'High CVE-PKG in openssl',
          file: 'deploy/Dockerfile',
          startLine: 1,
          endLine: undefined
        },
        {
          title: 'High python/sql-injection@v1.0 in src/orders.py:42',
          file: 'src/orders.py',
          startLine: 42,
          endLine: 44
        },
        {
          title: 'High python/sql-injection@v1.0 in app/other.py:7',
          file: 'app/other.py',
          startLine: 7,
          endLine: undefined
        }
      ])
    })

    it('leaves package findings without a file when none is given', () => {
      const [pkg, code] = findingAnnotations(verdict, {})
      expect(pkg).not.toHaveProperty('file')
      expect(pkg).not.toHaveProperty('startLine')
      expect(code?.file).toBe('src/orders.py')
    })

    it('names detector, CWE and target of a code finding', () => {
      const code = findingAnnotations(verdict, {}).find((a) => a.file === 'src/orders.py')
      expect(code?.message).toBe(
        'SQL injection. Detector: SQL injection. CWE: CWE-89. Blocks in: orders-api (code scanning). Blocked by: severity HIGH ≥ fail-on high.'
      )
    })
  })

  describe('hostile text', () => {
    const TEN_KB = 'A'.repeat(10 * 1024)
    const verdict = verdictOf([
      scanned([
        finding({
          vulnerabilityId: 'CVE-2026-6666\n::set-output name=id::x',
          title: `::set-output name=x::y\n::add-mask::secret\r\n::error::fake ${TEN_KB}`,
          url: 'javascript:alert(1)',
          packages: [
            {
              name: `evil\n::stop-commands::token \u202e${TEN_KB}`,
              installedVersion: '1\r\n::warning::x',
              fixedInVersion: '%0A::error::y'
            }
          ],
          artifact: artifact({
            reference: `${REGISTRY}/app:1\n::group::x`,
            platform: 'linux/amd64'
          })
        })
      ])
    ])
    const annotations = findingAnnotations(verdict, { file: 'Dockerfile' })

    afterEach(() => {
      jest.restoreAllMocks()
    })

    it('keeps every field single-line, short and free of javascript: links', () => {
      expect(annotations).toHaveLength(1)
      const [annotation] = annotations as [Annotation]
      for (const text of [annotation.title, annotation.message]) {
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        expect(text).not.toMatch(/[\r\n\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
      }
      expect(annotation.title.length).toBeLessThanOrEqual(100)
      expect(annotation.message.length).toBeLessThanOrEqual(1000)
      expect(annotation.message).not.toContain('javascript:')
      expect(annotation.message.startsWith('::set-output name=x::y ::add-mask::secret')).toBe(true)
    })

    it('stays inside one ::error command when @actions/core writes it', () => {
      const written: string[] = []
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk))
        return true
      })
      for (const { level, message, ...properties } of annotations) {
        if (level === 'error') core.error(message, properties)
      }
      const output = written.join('')
      const lines = output.split(/\r?\n/).filter((line) => line !== '')
      expect(lines).toHaveLength(1)
      const line = lines[0] ?? ''
      expect(line.startsWith('::error ')).toBe(true)
      // The runner splits properties from the message at the first `::` after the command name;
      // properties have `:` percent-encoded, so the hostile `::set-output` is all message.
      const separator = line.indexOf('::', 2)
      const properties = line.slice('::error '.length, separator)
      expect(properties).toMatch(/^title=.*,file=Dockerfile,line=1$/)
      expect(properties).not.toContain(':')
      expect(
        line.slice(separator + 2).startsWith('::set-output name=x::y ::add-mask::secret')
      ).toBe(true)
    })
  })
})
