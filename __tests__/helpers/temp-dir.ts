import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made: string[] = []
let atExit = false

/**
 * A fresh folder under the OS temp dir, removed after the test file (temp-dir-setup.ts calls
 * removeTempDirs in afterAll) or, in a script (the demo, the benchmarks), when the process exits. Every test
 * folder is made here, so none is left behind: jest's global teardown fails a run that leaves one.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  // A script (the demo, the benchmarks) has no afterAll: its folders go when it exits.
  if (!atExit && process.env['JEST_WORKER_ID'] === undefined) {
    atExit = true
    process.once('exit', removeTempDirs)
  }
  return dir
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}
