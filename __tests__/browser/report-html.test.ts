/**
 * Opens the HTML report in headless Chromium, the way a reader opens the downloaded artifact: a
 * screenshot must come out non-trivial, the page must log nothing to the console (a CSP violation,
 * i.e. any attempted request, or a script error would), and the DOM Chromium parsed must hold the
 * headline numbers and the SVG charts, and no element smuggled in through finding text.
 *
 * This is the `browser` Jest project: jest.config.js finds Chromium and runs it only then (CI
 * requires it and installs the Debian package). The screenshots are kept in
 * __tests__/browser/output/ (git-ignored) for a human to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { renderReportHtml } from '../../src/report/render/html.js'
import {
  HOSTILE_TITLE,
  aHostileReport,
  aReportWithPostureGap,
  aReportWithTrend,
  anEmptyReport
} from '../report/render/report-fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

/** The binary jest.config.js found; the project does not run without one. */
const CHROMIUM = process.env['INSPECTOR_GATE_CHROMIUM'] ?? ''
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), 'output')
const TIMEOUT_MS = 90_000

/** Every element the renderer writes (as Chromium serialises them); `img`, `b`, `script`, … are not. */
const OWN_ELEMENTS = (
  'html head meta title style body header h1 h2 h3 p strong nav ul li a main section div span ' +
  'figure svg desc g rect text table thead tbody tr th td footer'
).split(' ')

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

let workDir = ''

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** One Chromium process with a fresh profile, so runs share no state. */
function chromium(args: string[]): Run {
  const profile = mkdtempSync(join(workDir, 'profile-'))
  try {
    const result = spawnSync(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024
    })
    if (result.error !== undefined) throw result.error
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

/** Writes the report to a temp file and returns its file:// URL. */
function reportFile(name: string, html: string): string {
  const path = join(workDir, `${name}.html`)
  writeFileSync(path, html, 'utf8')
  return pathToFileURL(path).href
}

/** Console messages Chromium logged for the page (`INFO:CONSOLE`, `ERROR:CONSOLE`, `Uncaught …`). */
function consoleLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /:CONSOLE[:(]|Uncaught/.test(line))
}

function screenshot(name: string, url: string): { png: Buffer; run: Run } {
  // Taken in this run's own folder (two suites may run side by side), then kept for a human.
  const file = join(workDir, `${name}.png`)
  const run = chromium([
    '--enable-logging=stderr',
    '--v=0',
    `--screenshot=${file}`,
    '--window-size=1280,2000',
    url
  ])
  expect(existsSync(file)).toBe(true)
  copyFileSync(file, join(OUTPUT, `${name}.png`))
  return { png: readFileSync(file), run }
}

function dumpDom(url: string): Run {
  return chromium(['--enable-logging=stderr', '--v=0', '--dump-dom', url])
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

beforeAll(() => {
  if (CHROMIUM === '' || !existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing (INSPECTOR_GATE_CHROMIUM=${CHROMIUM || 'unset'}): run the browser ` +
        'tests through jest.config.js, which finds it (apt-get install chromium, or CHROMIUM_PATH)'
    )
  }
  mkdirSync(OUTPUT, { recursive: true })
  workDir = tempDir('report-html-')
})

afterAll(() => {
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true })
})

describe('the HTML report in headless Chromium', () => {
  it(
    'renders a non-trivial screenshot without a console message',
    () => {
      const url = reportFile('report', renderReportHtml(aReportWithTrend()))
      const { png, run } = screenshot('report', url)
      expect(run.status).toBe(0)
      expect(png.length).toBeGreaterThan(10 * 1024)
      expect(pngSize(png)).toEqual({ width: 1280, height: 2000 })
      expect(consoleLines(run.stderr)).toEqual([])
    },
    TIMEOUT_MS
  )

  it(
    'parses into a DOM holding the headline numbers and the SVG charts',
    () => {
      const run = dumpDom(reportFile('report-dom', renderReportHtml(aReportWithTrend())))
      expect(run.status).toBe(0)
      expect(consoleLines(run.stderr)).toEqual([])
      const dom = run.stdout
      expect(dom).toContain('<h1>Security Hub compliance report</h1>')
      expect(dom).toContain('<div class="label">Findings</div><div class="value">1,284</div>')
      expect(dom).toContain('<div class="label">Critical</div><div class="value">23</div>')
      expect(dom).toContain('<span class="worse">▲ +56</span>')
      expect(dom).toContain('40 open findings are past the remediation target.')
      expect(dom).toContain('89% passed (187/210)')
      const charts = dom.match(/<svg [^>]*role="img"[^>]*>/g) ?? []
      expect(charts).toHaveLength(8)
      for (const id of [
        'severity',
        'products',
        'resource-types',
        'accounts',
        'regions',
        'accounts-regions',
        'age',
        'compliance'
      ]) {
        expect(dom).toContain(`id="chart-${id}"`)
        expect(dom).toContain(`<title id="chart-${id}-title">`)
      }
      expect(dom).not.toMatch(/<script|<img|<iframe|<link/i)
    },
    TIMEOUT_MS
  )

  it(
    'keeps hostile finding text as text in the parsed DOM',
    () => {
      const url = reportFile('hostile', renderReportHtml(aHostileReport()))
      const run = dumpDom(url)
      expect(run.status).toBe(0)
      expect(consoleLines(run.stderr)).toEqual([])
      // The serialised DOM escapes `<` in text, so every `<name` is an element Chromium created.
      const elements = new Set([...run.stdout.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]))
      for (const name of elements) expect(OWN_ELEMENTS).toContain(name)
      expect(run.stdout).not.toMatch(/<[a-z][^>]*\son\w+=/i)
      expect(run.stdout).toContain(
        HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      )
      const { png } = screenshot('hostile', url)
      expect(png.length).toBeGreaterThan(10 * 1024)
    },
    TIMEOUT_MS
  )

  it(
    'renders an empty period readably',
    () => {
      const url = reportFile('empty', renderReportHtml(anEmptyReport()))
      const run = dumpDom(url)
      expect(run.status).toBe(0)
      expect(consoleLines(run.stderr)).toEqual([])
      expect(run.stdout).toContain('No findings were updated in the last 7 days.')
      const { png, run: shot } = screenshot('empty', url)
      expect(consoleLines(shot.stderr)).toEqual([])
      expect(png.length).toBeGreaterThan(10 * 1024)
    },
    TIMEOUT_MS
  )

  it(
    'shows the notice of a section that could not be read, its reason as text',
    () => {
      const url = reportFile('posture-gap', renderReportHtml(aReportWithPostureGap()))
      const run = dumpDom(url)
      expect(run.status).toBe(0)
      expect(consoleLines(run.stderr)).toEqual([])
      expect(run.stdout).toMatch(
        /<div class="gaps" role="alert" id="gaps">[^]*This report is incomplete/
      )
      // The reason's `<script>` stayed text: no element of that name in the parsed DOM.
      expect(run.stdout).toContain('User is not authorized &lt;script&gt;')
      expect(run.stdout).not.toMatch(/<script/i)
      const { png, run: shot } = screenshot('posture-gap', url)
      expect(consoleLines(shot.stderr)).toEqual([])
      expect(png.length).toBeGreaterThan(10 * 1024)
    },
    TIMEOUT_MS
  )
})
