import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { publishPrComment, githubEnvironment, type PrCommentResult } from './pr-comment/github.js'
import type { PublishConfig } from './publish-config.js'
import type { Verdict } from '../domain/verdict.js'
import type { GateConfig } from './run.js'
import { DEFAULT_MAX_ANNOTATIONS, findingAnnotations } from './render/annotations.js'
import { markdownText } from '../text/escape.js'
import { renderFindingsJson } from './render/findings-file.js'
import { gateOutputs } from './render/outputs.js'
import { commentKey, renderPrComment } from './pr-comment/render.js'
import { renderSummary } from './render/summary.js'
import { PROJECT_URL, VERSION } from '../version.js'
import { errorMessage } from '../runtime/error-message.js'
import type { Host } from '../runtime/host.js'

/**
 * Every place the verdict goes, files first: a gate that fails must still leave its findings file
 * and SARIF behind. A publisher that cannot write warns; it never changes the verdict.
 */
export async function publishVerdict(
  verdict: Verdict,
  gate: GateConfig,
  where: PublishConfig,
  host: Host
): Promise<void> {
  // Outputs first and unguarded: they carry the verdict, and without them nothing downstream works.
  for (const [name, value] of Object.entries(gateOutputs(verdict))) host.setOutput(name, value)
  await guarded('findings-file', host, () => {
    const json = renderFindingsJson(verdict, { generatedAt: new Date(), policy: gate.policy })
    if (writeFile(where.findingsFile, json, 'findings-file', host)) {
      host.setOutput('findings-file', where.findingsFile)
    }
  })
  const sarifFile = where.sarifFile
  if (sarifFile !== undefined) {
    await guarded('sarif-file', host, () => writeSarif(verdict, sarifFile, where, host))
  }

  let comment: PrCommentResult = { status: 'skipped', reason: 'not attempted' }
  await guarded('pr-comment', host, async () => {
    comment = await postComment(verdict, gate, where, host)
  })
  if (where.summary) {
    await guarded('summary', host, async () => {
      const summary = renderSummary(verdict, {
        policy: gate.policy,
        findingsFile: where.findingsShown.name,
        findingsOnRunnerOnly: !where.findingsShown.inWorkspace
      })
      const note =
        comment.status === 'unavailable'
          ? `\n> [!NOTE]\n> The pull request comment was not posted: ${markdownText(comment.reason, 500)}\n`
          : ''
      await host.appendSummary(`${summary}${note}`)
    })
  }
  await guarded('annotations', host, () => {
    // GitHub shows 10 error annotations per step; keep room for the step's own failure lines.
    const failureLines = verdict.result === 'pass' ? 0 : verdict.failures.length
    const max = Math.max(1, DEFAULT_MAX_ANNOTATIONS - failureLines)
    for (const annotation of findingAnnotations(verdict, { file: where.sarifLocation, max })) {
      const { level, message, ...place } = annotation
      if (level === 'error') host.error(message, place)
      else host.warning(message, place)
    }
  })
}

/**
 * A publisher that throws (a bug, an odd finding) costs its own output, with a warning: it must
 * not turn the verdict into `error` or fail a passing gate.
 */
async function guarded(
  what: string,
  host: Host,
  publish: () => void | Promise<void>
): Promise<void> {
  try {
    await publish()
  } catch (error) {
    host.warning(`${what}: not published (${errorMessage(error)}); the verdict stands`)
  }
}

async function writeSarif(
  verdict: Verdict,
  path: string,
  where: PublishConfig,
  host: Host
): Promise<void> {
  // Only a run with sarif-file loads the SARIF writer (issue 13, cold start).
  const { renderSarif } = await import('./render/sarif/sarif.js')
  const step = gateStep(host.env)
  const { log, warnings } = renderSarif(verdict, {
    location: where.sarifLocation,
    toolVersion: VERSION,
    informationUri: PROJECT_URL,
    ...(step === undefined ? {} : { step })
  })
  for (const warning of warnings) host.warning(`sarif-file: ${warning}`)
  if (writeFile(path, `${JSON.stringify(log, null, 2)}\n`, 'sarif-file', host)) {
    host.setOutput('sarif-file', path)
  }
}

/** The sticky comment; whatever happens, the step goes on (see PrCommentResult). */
async function postComment(
  verdict: Verdict,
  gate: GateConfig,
  where: PublishConfig,
  host: Host
): Promise<PrCommentResult> {
  const targets = [...gate.images.map((i) => i.raw), ...gate.functions.map((f) => f.raw)]
  const key = commentKey(commentIdentity(gate, host.env))
  const github = githubEnvironment(host.env)
  const result = await publishPrComment(
    {
      mode: where.prComment,
      token: where.githubToken,
      key,
      render: (previousResult) =>
        host.redact(
          renderPrComment(verdict, {
            key,
            targets,
            policy: gate.policy,
            ...(github.runUrl === undefined ? {} : { runUrl: github.runUrl }),
            ...(previousResult === undefined ? {} : { previousResult })
          })
        )
    },
    github
  )
  if (result.status === 'unavailable') host.warning(`pr-comment: ${result.reason}`)
  else if (result.status === 'skipped') host.debug(`pr-comment: ${result.reason}`)
  else host.info(`pr-comment: ${result.status} ${result.url}`)
  if (result.status === 'created' || result.status === 'updated') {
    host.setOutput('comment-url', result.url)
  }
  return result
}

/**
 * What a comment is the comment *of*: the gated repositories and functions (not the tag or digest
 * of this push, which change every push), and the workflow step that gates them, so two gate
 * steps in one job keep two comments even when they gate the same repository.
 */
function commentIdentity(gate: GateConfig, env: Host['env']): string[] {
  return [
    `step:${gateStep(env) ?? ''}`,
    ...gate.images.map((i) => `image:${i.registryId}/${i.region}/${i.repository}`),
    ...gate.functions.map((f) => `function:${f.region}/${f.functionName}`)
  ]
}

/** The workflow step running the gate (workflow/job/step id); undefined outside GitHub Actions. */
function gateStep(env: Host['env']): string | undefined {
  const parts = [env['GITHUB_WORKFLOW'], env['GITHUB_JOB'], env['GITHUB_ACTION']]
  return parts.every((part) => part === undefined) ? undefined : parts.map((p) => p ?? '').join('/')
}

/** Writes a file the user asked for; a bad path is an error line, not a lost verdict. */
function writeFile(path: string, content: string, input: string, host: Host): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, host.redact(content))
    return true
  } catch (error) {
    host.error(`${input}: could not write ${path} (${errorMessage(error)}); choose a writable path`)
    return false
  }
}
