import { expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { PROJECT_URL, VERSION } from '../../src/version.js'

it('the version and project page the program reports are package.json’s', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
    homepage: string
  }
  expect(VERSION).toBe(pkg.version)
  expect(PROJECT_URL).toBe(pkg.homepage)
})
