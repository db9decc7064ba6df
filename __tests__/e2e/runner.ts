import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempDir } from '../helpers/temp-dir.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Node 24, the runtime action.yml declares, from the pinned `node` devDependency. The e2e suite
 * refuses to run the bundle on anything else: a green run on Node 20 would prove nothing.
 */
export function node24(): string {
  const binary = join(ROOT, 'node_modules', 'node', 'bin', 'node')
  if (!existsSync(binary)) throw new Error(`Node 24 is missing at ${binary}; run npm ci`)
  return binary
}

export interface BundleRun {
  exitCode: number | null
  /** Everything the action printed, as the runner's log would show it. */
  log: string
  outputs: Record<string, string>
  summary: string
  workdir: string
}

export interface BundleOptions {
  /** Action inputs by their action.yml names. */
  inputs: Record<string, string>
  endpoint: string
  /** Files to create in the workspace before the run (e.g. an ignore file). */
  files?: Record<string, string>
  env?: Record<string, string>
  /** Called with each chunk of output as it arrives (the demo streams the log). */
  onOutput?: (chunk: string) => void
  /** Kill the process after this long; the gate's own timeout should always come first. */
  killAfterMs?: number
  /** Called with the child's pid once it runs (the benches sample its memory). */
  onSpawn?: (pid: number) => void
  /** The workflow event (GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH); a push by default. */
  event?: { name: string; payload: unknown }
}

/** Runs `node dist/index.js` exactly as a GitHub runner would: INPUT_* variables, command files. */
export async function runBundle(options: BundleOptions): Promise<BundleRun> {
  const workdir = tempDir('inspector-gate-e2e-')
  const workspace = join(workdir, 'workspace')
  const runnerTemp = join(workdir, 'runner-temp')
  mkdirSync(workspace)
  mkdirSync(runnerTemp)
  for (const [name, content] of Object.entries(options.files ?? {})) {
    writeFileSync(join(workspace, name), content)
  }
  const outputFile = join(workdir, 'github-output')
  const summaryFile = join(workdir, 'step-summary.md')
  const eventFile = join(workdir, 'event.json')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const event = options.event ?? {
    name: 'push',
    payload: { ref: 'refs/heads/main', repository: { full_name: 'acme/app' } }
  }
  writeFileSync(eventFile, JSON.stringify(event.payload))

  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: workdir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    AWS_ENDPOINT_URL: options.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }

  const child = spawn(node24(), [join(ROOT, 'dist', 'index.js')], { cwd: workspace, env })
  if (child.pid !== undefined) options.onSpawn?.(child.pid)
  let log = ''
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString()
    log += text
    options.onOutput?.(text)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000)
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(killer)

  return {
    exitCode,
    log,
    outputs: parseCommandFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    workdir
  }
}

/** Reads the `name<<DELIMITER … DELIMITER` records @actions/core writes to GITHUB_OUTPUT. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i += 1) {
    const header = /^([^<=]+)<<(.+)$/.exec(lines[i] as string)
    if (header) {
      const [, name, delimiter] = header as unknown as [string, string, string]
      const value: string[] = []
      for (i += 1; i < lines.length && lines[i] !== delimiter; i += 1)
        value.push(lines[i] as string)
      values[name] = value.join('\n')
    } else if ((lines[i] as string).includes('=')) {
      const line = lines[i] as string
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

export interface CliRun {
  exitCode: number | null
  stdout: string
  stderr: string
  workdir: string
}

/**
 * Runs the CLI bundle (`dist/cli/index.js`, the package's `bin`) under Node 24 in a fresh working
 * directory, as another CI system would: flags, the AWS environment, no GitHub variables.
 */
export async function runCliBundle(options: {
  args: string[]
  endpoint: string
  files?: Record<string, string>
  env?: Record<string, string>
}): Promise<CliRun> {
  const workdir = tempDir('inspector-gate-cli-')
  for (const [name, content] of Object.entries(options.files ?? {})) {
    writeFileSync(join(workdir, name), content)
  }
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: workdir,
    AWS_ENDPOINT_URL: options.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...options.env
  }
  const child = spawn(node24(), [join(ROOT, 'dist', 'cli', 'index.js'), ...options.args], {
    cwd: workdir,
    env
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000)
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(killer)
  return { exitCode, stdout, stderr, workdir }
}
