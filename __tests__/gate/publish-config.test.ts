import { describe, expect, it } from '@jest/globals'
import { buildPublishConfig, defaultSarifLocation } from '../../src/gate/publish-config.js'

const where = (exists: string[] = [], env: Record<string, string> = {}) => ({
  workspace: '/ws',
  env,
  exists: (path: string) => exists.includes(path)
})

describe('buildPublishConfig', () => {
  it('defaults: findings in RUNNER_TEMP, summary on, no SARIF, comment auto', () => {
    const config = buildPublishConfig({}, where([], { RUNNER_TEMP: '/rt', GITHUB_TOKEN: 't' }))
    expect(config).toEqual({
      findingsFile: '/rt/inspector-gate/findings.json',
      // The summary names the file, never the runner temp path nobody can open.
      findingsShown: { name: 'findings.json', inWorkspace: false },
      summary: true,
      sarifLocation: 'Dockerfile',
      prComment: 'auto',
      githubToken: 't'
    })
  })

  it('gives each step of a job its own findings file (issue 19, case 12)', () => {
    const file = (step: string) =>
      buildPublishConfig({}, where([], { RUNNER_TEMP: '/rt', GITHUB_ACTION: step })).findingsFile
    expect(file('gate-api')).toBe('/rt/inspector-gate/gate-api/findings.json')
    expect(file('__owner_repo_2')).toBe('/rt/inspector-gate/__owner_repo_2/findings.json')
    expect(file('gate-api')).not.toBe(file('gate-worker'))
    // Whatever the runner names a step, the name cannot leave the folder.
    expect(file('../../etc')).toBe('/rt/inspector-gate/.._.._etc/findings.json')
    expect(file('..')).toBe('/rt/inspector-gate/findings.json')
  })

  it('resolves files against the workspace and reads the choices', () => {
    const config = buildPublishConfig(
      {
        'findings-file': 'out/f.json',
        'sarif-file': 'out/gate.sarif',
        'sarif-location': './docker\\app.Dockerfile',
        'pr-comment': 'Always',
        'github-token': 'ghs_x',
        summary: 'false'
      },
      where()
    )
    expect(config).toEqual({
      findingsFile: '/ws/out/f.json',
      findingsShown: { name: 'out/f.json', inWorkspace: true },
      summary: false,
      sarifFile: '/ws/out/gate.sarif',
      sarifLocation: 'docker/app.Dockerfile',
      prComment: 'always',
      githubToken: 'ghs_x'
    })
  })

  it.each(['/etc/passwd', '../other/Dockerfile', 'C:\\x\\Dockerfile', 'a/../../b'])(
    'refuses sarif-location %s outside the repository, naming the input',
    (location) => {
      expect(() => buildPublishConfig({ 'sarif-location': location }, where())).toThrow(
        /^sarif-location: .* is not a path inside the repository/
      )
    }
  )

  // Found by the property tests: `../config/` used to give an empty location, `.` the repository root.
  it.each(['.', '../config/', 'a/..', 'docker/../'])(
    'refuses sarif-location %s, which names the repository rather than a file',
    (location) => {
      expect(() => buildPublishConfig({ 'sarif-location': location }, where())).toThrow(
        /^sarif-location: .* is not a path inside the repository/
      )
    }
  )

  it('refuses an unknown pr-comment mode, naming the input and the choices', () => {
    expect(() => buildPublishConfig({ 'pr-comment': 'yes' }, where())).toThrow(
      'pr-comment: "yes" is not one of auto, always, off'
    )
  })
})

describe('defaultSarifLocation', () => {
  it('is the Dockerfile at the workspace root when there is one', () => {
    expect(defaultSarifLocation('/ws', {}, (p) => p === '/ws/Dockerfile')).toBe('Dockerfile')
  })

  it('otherwise the workflow file, which exists in every repository that runs the gate', () => {
    const env = { GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/deploy.yml@refs/heads/main' }
    expect(
      defaultSarifLocation(
        '/ws',
        env,
        () => false,
        () => []
      )
    ).toBe('.github/workflows/deploy.yml')
  })

  const tree: Record<string, { name: string; folder: boolean }[]> = {
    '/ws': [
      { name: 'docker', folder: true },
      { name: 'src', folder: true },
      { name: '.git', folder: true },
      { name: 'README.md', folder: false }
    ],
    '/ws/docker': [{ name: 'Dockerfile', folder: false }],
    '/ws/src': [{ name: 'main.ts', folder: false }]
  }
  const env = { GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/deploy.yml@refs/heads/main' }

  it('is the one Dockerfile found one folder down, not a Dockerfile that does not exist (issue 17)', () => {
    const list = (folder: string) => tree[folder] ?? []
    expect(defaultSarifLocation('/ws', env, () => false, list)).toBe('docker/Dockerfile')
  })

  it('is the workflow file when two Dockerfiles leave it open which built the image', () => {
    const two: typeof tree = { ...tree, '/ws/src': [{ name: 'worker.Dockerfile', folder: false }] }
    const list = (folder: string) => two[folder] ?? []
    expect(defaultSarifLocation('/ws', env, () => false, list)).toBe('.github/workflows/deploy.yml')
  })

  it('falls back to Dockerfile outside GitHub Actions', () => {
    expect(
      defaultSarifLocation(
        '/ws',
        {},
        () => false,
        () => []
      )
    ).toBe('Dockerfile')
  })
})
