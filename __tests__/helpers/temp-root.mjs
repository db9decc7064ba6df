// Jest's globalSetup and globalTeardown (jest.config.js): the run gets a temp folder of its own
// (TMPDIR, which os.tmpdir() reads and the workers inherit), so what it leaves is its own and not
// another run's; at the end the folder must be empty, or the run fails naming what was left.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function setup() {
  if (process.env['INSPECTOR_GATE_JEST_TMP'] !== undefined) return
  const root = mkdtempSync(join(tmpdir(), 'inspector-gate-jest-'))
  process.env['INSPECTOR_GATE_JEST_TMP'] = root
  process.env['TMPDIR'] = root
}

export function teardown() {
  const root = process.env['INSPECTOR_GATE_JEST_TMP']
  if (root === undefined || !existsSync(root)) return
  // tsx keeps its compile cache in TMPDIR/tsx-<uid>: a tool's cache, gone with the folder.
  const left = readdirSync(root).filter((name) => !/^tsx-\d+$/.test(name))
  rmSync(root, { recursive: true, force: true })
  if (left.length > 0) {
    throw new Error(
      `the tests left ${left.length} folder(s) in the temp dir: ${left.slice(0, 10).join(', ')}; make them with tempDir (__tests__/helpers/temp-dir.ts), which removes them`
    )
  }
}
