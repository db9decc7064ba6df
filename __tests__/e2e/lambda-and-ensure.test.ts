import { describe, expect, it } from '@jest/globals'
import { scenarioFunctions, scenarioImages } from '../fake-aws/scenarios.js'
import { e2eHarness, findingsFile } from './harness.js'

const { fake, gate } = e2eHarness()

/** Gate only the scenario's functions (no image). */
function functionsOf(name: keyof typeof scenarioFunctions): string {
  return scenarioFunctions[name].map((fn) => fn.name).join('\n')
}

describe('gate e2e: Lambda functions', () => {
  it('gates only the deployed code: findings of the previous deployment never decide the build', async () => {
    const [fn] = scenarioFunctions.lambdaPreviousDeployment
    // Half real time: the deployment is still in progress for 2 s after the bundle's first
    // request (scenario time starts there), so the bundle sees it in progress however busy the
    // machine is.
    const run = await gate(
      'lambdaPreviousDeployment',
      { images: '', functions: functionsOf('lambdaPreviousDeployment') },
      {},
      { timeScale: 0.5 }
    )

    // The previous deployment still has an ACTIVE critical and high; only a medium is this code's.
    expect(run.outputs['result']).toBe('pass')
    expect(run.exitCode).toBe(0)
    const file = findingsFile(run)
    expect(file.findings.map((f) => f.severity)).toEqual(['medium'])
    expect(file.findings.every((f) => f.artifact.codeSha256 === fn?.codeSha256)).toBe(true)
    expect(run.log).toContain('findings of earlier deployments')
    // It waited for the deployment to finish and for a scan newer than the deployment.
    expect(run.log).toContain('LastUpdateStatus InProgress')
    expect(run.log).toMatch(/last scanned .* before the deployment/)
  })

  it('passes a configuration-only redeploy whose code a published version shows was scanned', async () => {
    const run = await gate('lambdaConfigOnly', {
      images: '',
      functions: functionsOf('lambdaConfigOnly')
    })

    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('pass')
    expect(run.log).toContain('changed configuration only')
    expect(fake().callsTo('ListVersionsByFunction')).toHaveLength(1)
  })

  it('fails closed on a configuration-only redeploy when nothing shows the deployed code was scanned', async () => {
    const run = await gate('lambdaConfigOnlyUnproven', {
      images: '',
      functions: functionsOf('lambdaConfigOnlyUnproven'),
      timeout: '3s'
    })

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toMatch(
      /::error::inspector-gate error: .*orders-api.*timed out waiting for Inspector to scan the deployed code: .*nothing shows it scanned CodeSha256 \S+ .*publish a version with each deployment/
    )
  })

  it('gates code-scanning findings with file, lines, CWE and detector when code scanning is on', async () => {
    const run = await gate('lambdaCodeScanning', {
      images: '',
      functions: functionsOf('lambdaCodeScanning')
    })

    expect(run.outputs['result']).toBe('fail')
    expect(run.exitCode).toBe(1)
    const code = findingsFile(run).findings.filter((f) => f.code !== null)
    expect(code.map((f) => f.severity).sort()).toEqual(['high', 'medium'])
    const sql = code.find((f) => f.code?.cwes.includes('CWE-89'))
    expect(sql?.code?.filePath).toContain('src/handlers/orders.py')
    expect(sql?.artifact.scanType).toBe('code')
    expect(run.summary).toContain('code scanning')
    expect(run.summary).toMatch(/src\/handlers\/orders\.py:\d+/)
    expect(run.summary).toContain('CWE-89')
  })

  it('gates package findings only with code-scanning: false', async () => {
    const run = await gate('lambdaCodeScanning', {
      images: '',
      functions: functionsOf('lambdaCodeScanning'),
      'code-scanning': 'false'
    })

    expect(run.outputs['result']).toBe('pass')
    expect(findingsFile(run).findings.every((f) => f.code === null)).toBe(true)
  })

  it('fails fast with the fix when Inspector is off for Lambda', async () => {
    const run = await gate('inspectorOffForLambda', {
      images: '',
      functions: functionsOf('inspectorOffForLambda')
    })

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toContain('Amazon Inspector Lambda standard scanning is DISABLED')
    expect(run.log).toContain('ensure-enabled: enable')
    expect(fake().callsTo('ListCoverage')).toHaveLength(0)
  })

  it('waits for one image and two functions concurrently and covers all three in the verdict', async () => {
    // Real time (scale 1): the scans finish at 3, 4 and 6 s, far apart from the first polls.
    const run = await gate(
      'mixedTargets',
      { functions: functionsOf('mixedTargets'), 'fail-on': 'none' },
      {},
      { timeScale: 1 }
    )

    expect(run.exitCode).toBe(0)
    // Functions' coverage is asked for by name (lambdaFunctionName), images' by resource id.
    const resources = [
      ...scenarioFunctions.mixedTargets.map((fn) => `"${fn.name}"`),
      `repository/app/${scenarioImages.mixedTargets.digest}`
    ]
    // Every target's coverage is polled before any target's findings are read: the waits overlap.
    const firstFindingsRead = fake().callsTo('ListFindings')[0]?.atMs ?? Infinity
    for (const resource of resources) {
      const firstPoll = fake()
        .callsTo('ListCoverage')
        .find((c) => JSON.stringify(c.input).includes(resource))
      expect(firstPoll?.atMs).toBeLessThan(firstFindingsRead)
    }
    const targets = new Set(
      findingsFile(run).findings.map((f) => f.artifact.functionName ?? 'image')
    )
    expect(targets).toEqual(
      new Set(['image', ...scenarioFunctions.mixedTargets.map((fn) => fn.name)])
    )
  })

  it('rejects a version-qualified function: Inspector scans only $LATEST', async () => {
    const [fn] = scenarioFunctions.lambdaCodeScanning
    const run = await gate('lambdaCodeScanning', { images: '', functions: `${fn?.arn}:3` })

    expect(run.exitCode).toBe(1)
    expect(run.log).toContain('Inspector scans only $LATEST')
    expect(fake().calls).toHaveLength(0)
  })
})

describe('gate e2e: ensure-enabled: enable', () => {
  it('retries Enable through failedAccounts and then gates', async () => {
    const run = await gate('enableFailedAccounts', { 'ensure-enabled': 'enable' })

    expect(run.exitCode).toBe(0)
    expect(run.outputs['result']).toBe('pass')
    expect(fake().inspectorEnables.length).toBeGreaterThanOrEqual(2)
    expect(fake().inspectorEnables[0]?.outcome).toBe('failed')
  })

  it('turns on Inspector, Security Hub and the import, waiting through ENABLING, each change logged once', async () => {
    const run = await gate('enablingTakesPolls', { 'ensure-enabled': 'enable' })

    expect(run.exitCode).toBe(0)
    expect(fake().inspectorStatus()).toMatchObject({ ecr: 'ENABLED' })
    expect(fake().securityHub()).toMatchObject({ enabled: true, enabledDefaultStandards: false })
    expect(fake().securityHub().products.includes('aws/inspector')).toBe(true)
    for (const change of [
      'enabled Amazon Inspector',
      'enabled AWS Security Hub',
      'Inspector findings'
    ]) {
      expect(run.log.split('\n').filter((line) => line.includes(change))).toHaveLength(1)
    }
  })

  it('with check, fails fast naming every missing piece instead of waiting out the timeout', async () => {
    const run = await gate('enablingTakesPolls')

    expect(run.exitCode).toBe(1)
    expect(run.outputs['result']).toBe('error')
    expect(run.log).toMatch(
      /Amazon Inspector ECR scanning is DISABLED.*AWS Security Hub is not enabled/
    )
    expect(fake().inspectorEnables).toHaveLength(0)
  })
})
