/**
 * The CLI bundle's own words (issue 17): a run without credentials ends in one stderr line with
 * one prefix that says how the AWS SDK finds credentials (not a GitHub workflow step), and the
 * text verdict labels a tool error `error:`, never `fail:`. Needs a dist/ built from these sources.
 */
import { describe, expect, it } from '@jest/globals'
import { scenarioImages } from '../fake-aws/scenarios.js'
import { e2eHarness } from './harness.js'
import { runCliBundle } from './runner.js'

const { start, fake } = e2eHarness()

describe('CLI bundle: no credentials', () => {
  it('says where the SDK looks, in one line on stderr, and labels the verdict error', async () => {
    const { url } = await start('clean')
    const run = await runCliBundle({
      endpoint: url,
      args: ['gate', '--images', scenarioImages.clean.uri, '--timeout', '20s'],
      env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_CONFIG_FILE: '/nonexistent' }
    })
    expect(run.exitCode).toBe(2)
    expect(fake().calls).toHaveLength(0)
    const closing = run.stderr.split('\n').filter((line) => line.startsWith('inspector-gate'))
    expect(closing).toEqual([
      expect.stringMatching(
        /^inspector-gate: error: .*app:v1\.0\.0: no AWS credentials found: the AWS SDK looks for AWS_ACCESS_KEY_ID/
      )
    ])
    expect(run.stderr + run.stdout).not.toContain('configure-aws-credentials')
    expect(run.stdout).toMatch(/^inspector-gate: error$/m)
    expect(run.stdout).not.toMatch(/^fail:/m)
    expect(run.stdout).toMatch(/^error: .*no AWS credentials found/m)
  })
})

describe('CLI bundle: no Region', () => {
  it('says to export AWS_REGION, in one line on stderr, with no GitHub step named', async () => {
    const { url } = await start('clean')
    const run = await runCliBundle({ endpoint: url, args: ['setup'], env: { AWS_REGION: '' } })

    expect(run.exitCode).not.toBe(0)
    expect(fake().calls).toHaveLength(0)
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('inspector-gate'))
    expect(lines).toEqual([
      expect.stringMatching(
        /^inspector-gate: .*setup needs a region: set AWS_REGION in the environment \(export AWS_REGION=<region>/
      )
    ])
    expect(run.stderr + run.stdout).not.toContain('configure-aws-credentials')
  })
})
