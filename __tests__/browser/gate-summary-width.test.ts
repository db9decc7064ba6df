/**
 * The job summary and the PR comment at GitHub's content width: rendered to HTML with GitHub-like
 * CSS (markdown-html.ts), opened in headless Chromium at 1,000 px, and measured in the DOM — every
 * table must fit the page (scrollWidth <= clientWidth), details opened, with real ECR references
 * and titles. Screenshots are kept in __tests__/browser/output/ for a human to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ScannedArtifact } from '../../src/domain/finding.js'
import type { ArtifactOutcome } from '../../src/domain/outcome.js'
import type { Verdict } from '../../src/domain/verdict.js'
import { renderPrComment, commentKey } from '../../src/gate/pr-comment/render.js'
import { renderSummary } from '../../src/gate/render/summary.js'
import { renderReportSummary } from '../../src/report/render/summary.js'
import { anOrganizationReport } from '../report/render/report-fixtures.js'
import { REGISTRY } from '../fixtures/digests.js'
import { policy as aPolicy } from '../fixtures/policy.js'
import { aSmallFailVerdict } from '../fixtures/verdicts.js'
import { markdownToHtml } from './markdown-html.js'
import { tempDir } from '../helpers/temp-dir.js'

const CHROMIUM = process.env['INSPECTOR_GATE_CHROMIUM'] ?? ''
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), 'output')
const TIMEOUT_MS = 90_000
const WIDTH = 1000
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run']
const FLAGS_QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

let workDir = ''

/** The small failing verdict with the references a real run shows: full ECR URIs. */
function aRealisticVerdict(): Verdict {
  const verdict = aSmallFailVerdict()
  const full = <T extends ScannedArtifact>(artifact: T): T =>
    artifact.reference.startsWith(REGISTRY)
      ? artifact
      : { ...artifact, reference: `${REGISTRY}/${artifact.reference}` }
  const outcomes = verdict.outcomes.map((outcome): ArtifactOutcome => {
    if (outcome.status === 'error') {
      return { ...outcome, reference: `${REGISTRY}/${outcome.reference}` }
    }
    return { ...outcome, artifact: full(outcome.artifact) } as ArtifactOutcome
  })
  return {
    ...verdict,
    outcomes,
    assessed: verdict.assessed.map((e) => ({
      ...e,
      finding: { ...e.finding, artifact: full(e.finding.artifact) }
    })),
    ignored: verdict.ignored.map((e) => ({
      ...e,
      finding: { ...e.finding, artifact: full(e.finding.artifact) }
    }))
  }
}

function chromium(args: string[]): { status: number | null; stdout: string } {
  const profile = mkdtempSync(join(workDir, 'profile-'))
  try {
    const result = spawnSync(
      CHROMIUM,
      [...FLAGS, ...FLAGS_QUIET, `--user-data-dir=${profile}`, ...args],
      {
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024
      }
    )
    if (result.error !== undefined) throw result.error
    return { status: result.status, stdout: result.stdout }
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

interface Measured {
  table: number
  scrollWidth: number
  clientWidth: number
  page: number
}

/** Screenshots the page for a human and returns every table's widths as the DOM measured them. */
function open(name: string, markdown: string): Measured[] {
  const path = join(workDir, `${name}.html`)
  writeFileSync(path, markdownToHtml(markdown, name), 'utf8')
  const url = pathToFileURL(path).href
  const png = join(workDir, `${name}.png`)
  chromium([`--screenshot=${png}`, `--window-size=${WIDTH},1600`, url])
  if (existsSync(png)) copyFileSync(png, join(OUTPUT, `${name}.png`))
  const run = chromium([`--window-size=${WIDTH},1600`, '--dump-dom', url])
  expect(run.status).toBe(0)
  const json = /<pre id="measured" hidden="">([^<]*)<\/pre>/.exec(run.stdout)?.[1]
  expect(json).toBeDefined()
  return JSON.parse((json ?? '[]').replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Measured[]
}

beforeAll(() => {
  if (CHROMIUM === '' || !existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing (INSPECTOR_GATE_CHROMIUM=${CHROMIUM || 'unset'}): run through jest.config.js`
    )
  }
  mkdirSync(OUTPUT, { recursive: true })
  workDir = tempDir('gate-summary-width-')
})

afterAll(() => {
  if (workDir !== '') rmSync(workDir, { recursive: true, force: true })
})

describe('the gate summary and PR comment at 1,000 px', () => {
  const policy = aPolicy({ maxFindings: { critical: 0 }, untriagedAs: 'medium' })

  it(
    'job summary: no table is wider than the page',
    () => {
      const markdown = renderSummary(aRealisticVerdict(), {
        policy,
        findingsFile: 'inspector-findings.json'
      })
      const tables = open('gate-summary', markdown)
      expect(tables.length).toBeGreaterThanOrEqual(3)
      expect(tables.filter((table) => table.scrollWidth > table.clientWidth)).toEqual([])
    },
    TIMEOUT_MS
  )

  it(
    'PR comment: no table is wider than the page',
    () => {
      const verdict = aRealisticVerdict()
      const markdown = renderPrComment(verdict, {
        key: commentKey(
          verdict.outcomes.map((o) => (o.status === 'error' ? o.reference : o.artifact.reference))
        ),
        targets: [`${REGISTRY}/shop/api:1.4.2`],
        policy,
        runUrl: 'https://github.com/o/r/actions/runs/1'
      })
      const tables = open('gate-pr-comment', markdown)
      expect(tables.length).toBeGreaterThanOrEqual(1)
      expect(tables.filter((table) => table.scrollWidth > table.clientWidth)).toEqual([])
    },
    TIMEOUT_MS
  )

  it(
    'compliance report summary of a 40-account, 3-Region organization: no table is wider than the page',
    () => {
      const markdown = renderReportSummary(anOrganizationReport(), {
        files: { html: 'compliance-report/report.html', csv: 'compliance-report/findings.csv' }
      })
      const tables = open('report-summary-organization', markdown)
      // Severities, products, top resources, resource types, accounts, Regions, accounts ×
      // Regions, age, accounts past target, posture, failing controls ×2, posture per account.
      expect(tables.length).toBeGreaterThanOrEqual(12)
      expect(tables.filter((table) => table.scrollWidth > table.clientWidth)).toEqual([])
    },
    TIMEOUT_MS
  )
})
