// `npm run package`: the two bundles the project ships, built side by side (each ncc build is
// mostly single-threaded, so two at once take about the time of the slower one on 2 cores).
// dist/ is removed first so no chunk of an earlier build survives; a failed build fails the run.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const ncc = fileURLToPath(new URL('../node_modules/@vercel/ncc/dist/ncc/cli.js', import.meta.url))
const BUNDLES = [
  ['src/index.ts', 'dist'],
  ['src/cli/index.ts', 'dist/cli']
]

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true })
const builds = BUNDLES.map(
  ([entry, out]) =>
    new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--target', 'es2022'],
        { cwd: root, stdio: 'inherit' }
      )
      child.on('error', (error) => resolve({ entry, code: 1, error }))
      child.on('close', (code) => resolve({ entry, code }))
    })
)
const failed = (await Promise.all(builds)).filter((build) => build.code !== 0)
for (const build of failed) {
  console.error(
    `package: building ${build.entry} failed${build.error ? ` (${build.error.message})` : ''}`
  )
}
process.exit(failed.length === 0 ? 0 : 1)
