// Jest runs in native ESM mode (the @actions toolkit is ESM-only); ts-jest compiles TypeScript.
import { existsSync } from 'node:fs'

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', useESM: true }]
const shared = {
  testEnvironment: 'node',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': tsJest },
  setupFilesAfterEnv: ['<rootDir>/__tests__/helpers/temp-dir-setup.ts'],
  // A run may leave nothing in the temp dir (helpers/temp-root.mjs): it fails if a test does.
  // Per project, as Jest takes them; the first to run sets the folder up, the first to end checks it.
  globalSetup: '<rootDir>/__tests__/helpers/temp-root-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/helpers/temp-root-teardown.mjs'
}

/**
 * The browser tests (__tests__/browser/) open what people see in headless Chromium. They run when a
 * Chromium is found: CHROMIUM_PATH, else Debian's /usr/bin/chromium or another distribution's name.
 * Without one, `npm test` skips them with one line saying so, so a laptop without a browser still
 * gets a green suite; CI sets INSPECTOR_GATE_BROWSER_TESTS=required, where a missing browser fails.
 */
function findChromium(env) {
  const chosen = env['CHROMIUM_PATH']
  if (chosen) {
    return existsSync(chosen)
      ? { path: chosen }
      : { missing: `CHROMIUM_PATH=${chosen} does not exist` }
  }
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  const found = candidates.find((candidate) => existsSync(candidate))
  return found
    ? { path: found }
    : { missing: `no Chromium at ${candidates.join(', ')} and CHROMIUM_PATH is not set` }
}

const chromium = findChromium(process.env)
const browserRequired = process.env['INSPECTOR_GATE_BROWSER_TESTS'] === 'required'
if ('path' in chromium) {
  // Jest's workers inherit the environment: the tests open the browser the config found.
  process.env['INSPECTOR_GATE_CHROMIUM'] = chromium.path
} else if (browserRequired) {
  console.error(
    `browser tests are required (INSPECTOR_GATE_BROWSER_TESTS=required) but ${chromium.missing}: ` +
      'install Debian’s chromium (apt-get install chromium) or set CHROMIUM_PATH'
  )
  process.exit(1)
} else {
  console.warn(
    `browser tests skipped: ${chromium.missing}; install Chromium (Debian: apt-get install chromium) ` +
      'or set CHROMIUM_PATH to run them'
  )
}

export default {
  // Honest work (spawning a bundle, paging thousands of findings) must never race Jest's 5 s
  // default on a busy machine; a test that hangs still fails, at this bound. (A global option:
  // Jest ignores it inside a project.)
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/__tests__/e2e/', '<rootDir>/__tests__/browser/']
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts']
    },
    ...('path' in chromium
      ? [
          {
            ...shared,
            displayName: 'browser',
            testMatch: ['<rootDir>/__tests__/browser/**/*.test.ts']
          }
        ]
      : [])
  ]
}
