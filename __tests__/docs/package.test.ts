import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'

interface PackageJson {
  dependencies?: Record<string, string>
  devDependencies: Record<string, string>
  bin: Record<string, string>
  main: string
  files: string[]
}
const pkg = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
) as PackageJson

describe('the published package', () => {
  it('has no runtime dependencies: dist/ holds all the bundle needs, so npx installs nothing else', () => {
    expect(pkg.dependencies ?? {}).toEqual({})
    // What the bundle is built from is still installed for development.
    for (const name of ['@actions/core', '@aws-sdk/client-inspector2', 'yaml']) {
      expect(pkg.devDependencies[name]).toBeDefined()
    }
  })

  it('ships the CLI bundle it names as bin, and the action bundle it names as main', () => {
    const shipped = (path: string): boolean =>
      pkg.files.some((entry) => path === entry || path.startsWith(`${entry}/`))
    expect(pkg.bin['inspector-gate']).toBe('dist/cli/index.js')
    expect(Object.values(pkg.bin).every(shipped)).toBe(true)
    expect(shipped(pkg.main)).toBe(true)
    // action.yml's runs.main, and the templates setup deploys.
    expect(
      shipped('action.yml') && shipped('dist/index.js') && shipped('infra/responder.yaml')
    ).toBe(true)
  })
})
