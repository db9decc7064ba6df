/**
 * The committed CLI bundle runs with no node_modules at all, as `npx inspector-gate` installs it
 * (the package has no runtime dependencies): dist/ is copied alone to an empty folder and run there,
 * through --version, one mode's --help, and a refused input that loads the gate's own chunk.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { node24 } from './runner.js'
import { tempDir } from '../helpers/temp-dir.js'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
const alone = tempDir('inspector-gate-package-')
afterAll(() => rmSync(alone, { recursive: true, force: true }))
cpSync(DIST, join(alone, 'dist'), { recursive: true })

function cli(args: string[]) {
  const run = spawnSync(node24(), [join(alone, 'dist', 'cli', 'index.js'), ...args], {
    cwd: alone,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: alone, NODE_PATH: '' },
    encoding: 'utf8',
    timeout: 60_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('dist/cli without node_modules', () => {
  it('has nothing to find: no node_modules above the copy', () => {
    let dir = alone
    for (;;) {
      expect(existsSync(join(dir, 'node_modules'))).toBe(false)
      const parent = join(dir, '..')
      if (parent === dir) break
      dir = parent
    }
  })

  it('prints its version and one mode’s help', () => {
    const version = cli(['--version'])
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
    ) as { version: string }
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
    const help = cli(['report', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--period')
  })

  it('loads the gate step (and its AWS SDK chunk) to refuse a bad input in one line', () => {
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1'
    const run = cli(['gate', '--images', image, '--fail-on', 'severe'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/fail-on: "severe" is not one of/)
    expect(run.stderr).not.toMatch(/Cannot find (module|package)/)
  })
})
