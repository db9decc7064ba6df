/**
 * Issue 19: answers in the right wire format but with content the gate does not fully understand.
 * Each story edits one answer of a scenario whose full data fails the build, and the bundle must
 * never pass it: the verdict is the full data's `fail`, or `error` naming what was odd.
 */
import { describe, expect, it } from '@jest/globals'
import type { AnswerEdit } from '../fake-aws/scenario.js'
import { scenarioImages } from '../fake-aws/scenarios.js'
import { copyAnswer } from '../fake-aws/server.js'
import { e2eHarness } from './harness.js'

const { gate } = e2eHarness()

type Json = Record<string, unknown>
const findingsOf = (answer: Json): Json[] => (answer['findings'] ?? []) as Json[]
const isCritical = (finding: Json): boolean => finding['severity'] === 'CRITICAL'
/** A copy without one member, as an answer that leaves it out. */
function without(object: Json, member: string): Json {
  const copy = { ...object }
  delete copy[member]
  return copy
}

/** Edits every finding of every ListFindings page that matches. */
function editFindings(match: (f: Json) => boolean, edit: (f: Json) => Json): AnswerEdit {
  return {
    operation: 'ListFindings',
    edit: (answer) => ({
      ...answer,
      findings: findingsOf(answer).map((f) => (match(f) ? edit(f) : f))
    })
  }
}

describe('gate e2e: odd answers never pass (issue 19)', () => {
  it('case 1: a CRITICAL finding without resources makes the image an error naming it', async () => {
    const run = await gate(
      'criticals',
      {},
      {},
      {
        answerEdits: [editFindings(isCritical, (f) => without(f, 'resources'))]
      }
    )

    expect(run.outputs['result']).not.toBe('pass')
    expect(run.exitCode).toBe(1)
    expect(run.log).toMatch(
      /ListFindings returned finding \S+ for app@sha256:\S+ with resources missing/
    )
  })

  it('case 2: DescribeImages naming another digest is an error naming both', async () => {
    const other = `sha256:${'b'.repeat(64)}`
    const asked = scenarioImages.criticals
    const run = await gate(
      'criticals',
      { images: asked.uri.replace(`:${asked.tag}`, `@${asked.digest}`) },
      {},
      {
        answerEdits: [
          {
            operation: 'DescribeImages',
            edit: (answer) => ({
              ...answer,
              imageDetails: ((answer['imageDetails'] ?? []) as Json[]).map((d) => ({
                ...d,
                imageDigest: other
              }))
            })
          }
        ]
      }
    )

    expect(run.outputs['result']).toBe('error')
    expect(run.exitCode).toBe(1)
    expect(run.log).toContain(`asked for digest ${asked.digest}, answered ${other}`)
  })

  it('case 3: an unknown/unknown child not marked as an attestation is gated, not skipped', async () => {
    const run = await gate(
      'multiArch',
      { 'fail-on': 'none', timeout: '4s' },
      {},
      {
        answerEdits: [
          {
            operation: 'BatchGetImage',
            edit: (answer) => ({
              ...answer,
              images: ((answer['images'] ?? []) as Json[]).map((image) => {
                const index = JSON.parse(String(image['imageManifest'])) as { manifests: Json[] }
                for (const entry of index.manifests) delete entry['annotations']
                return { ...image, imageManifest: JSON.stringify(index) }
              })
            })
          }
        ]
      }
    )

    // Nothing marks the child as an attestation any more: the gate asks Inspector about it like
    // any platform image (which cannot scan it) instead of passing over it.
    expect(run.log).not.toContain('(attestation manifest)')
    expect(run.log).toContain('(unknown/unknown) cannot be scanned')
    expect(run.outputs['result']).not.toBe('pass')
    expect(run.exitCode).toBe(1)
  })

  it('case 4: fixable-only counts a CRITICAL with a fixed version but no fixAvailable', async () => {
    const run = await gate(
      'criticals',
      { 'fixable-only': 'true', 'fail-on': 'critical' },
      {},
      {
        answerEdits: [editFindings(isCritical, (f) => without(f, 'fixAvailable'))]
      }
    )

    expect(run.outputs['result']).toBe('fail')
    expect(run.exitCode).toBe(1)
  })

  it('case 5: a basic scan whose list is short of its own counts is an error', async () => {
    const run = await gate(
      'basic',
      { 'fail-on': 'critical' },
      {},
      {
        answerEdits: [
          {
            operation: 'DescribeImageScanFindings',
            edit: (answer) => {
              const scan = (answer['imageScanFindings'] ?? {}) as Json
              return { ...answer, imageScanFindings: { ...scan, findings: [] } }
            }
          }
        ]
      }
    )

    expect(run.outputs['result']).toBe('error')
    expect(run.log).toContain('lists fewer findings than its own findingSeverityCounts')
  })

  it('case 11: one CVE in one package at two paths counts twice against a budget', async () => {
    const twoPaths: AnswerEdit = {
      operation: 'ListFindings',
      edit: (answer) => {
        const high = findingsOf(answer).find((f) => f['severity'] === 'HIGH')
        if (high === undefined) return answer
        const at = (path: string, suffix: string): Json => {
          const copy = copyAnswer(high)
          copy['findingArn'] = `${String(high['findingArn'])}-${suffix}`
          const details = copy['packageVulnerabilityDetails'] as { vulnerablePackages: Json[] }
          for (const p of details.vulnerablePackages) p['filePath'] = path
          return copy
        }
        const rest = findingsOf(answer).filter((f) => f !== high && f['severity'] !== 'HIGH')
        return { ...answer, findings: [...rest, at('/app/a.jar', 'a'), at('/opt/b.jar', 'b')] }
      }
    }
    const run = await gate(
      'criticals',
      { 'fail-on': 'none', 'max-findings': 'high=1' },
      {},
      { answerEdits: [twoPaths] }
    )

    expect(run.outputs['high']).toBe('2')
    expect(run.outputs['result']).toBe('fail')
    expect(run.log).toContain('2 high findings exceed max-findings high=1')
  })

  it('case 15: a non-number title is one line naming the finding and member, never a pass', async () => {
    const run = await gate(
      'criticals',
      {},
      {},
      { answerEdits: [editFindings(isCritical, (f) => ({ ...f, title: 42 }))] }
    )

    expect(run.outputs['result']).not.toBe('pass')
    expect(run.log).toMatch(
      /ListFindings returned finding \S+ with title of type number, not a string/
    )
    expect(run.log).not.toMatch(/TypeError|is not a function/)
  })

  it('case 15: an image without imagePushedAt is an error, not a scan of any age', async () => {
    const run = await gate(
      'clean',
      {},
      {},
      {
        answerEdits: [
          {
            operation: 'DescribeImages',
            edit: (answer) => ({
              ...answer,
              imageDetails: ((answer['imageDetails'] ?? []) as Json[]).map((d) =>
                without(d, 'imagePushedAt')
              )
            })
          }
        ]
      }
    )

    expect(run.outputs['result']).toBe('error')
    expect(run.log).toContain('has no imagePushedAt')
  })
  it('case 8: an error message repeating the session token leaks it nowhere (needs a dist rebuild)', async () => {
    const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexampletoken'
    const run = await gate(
      'criticals',
      {},
      {},
      {
        env: { AWS_SESSION_TOKEN: token },
        echoSecurityToken: true,
        faults: [{ operation: 'GetCallerIdentity', service: 'sts', count: 1, status: 403 }]
      }
    )

    expect(run.outputs['result']).toBe('error')
    expect(run.log).toContain('(request token ***)')
    expect(run.log.replace(`::add-mask::${token}`, '')).not.toContain(token)
    expect(run.summary).not.toContain(token)
    expect(JSON.stringify(run.outputs)).not.toContain(token)
  })
})
