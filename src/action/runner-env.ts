import type { RawInputs } from '../inputs/read.js'

/**
 * What the action reads from the runner's environment before `@actions/core` has loaded (issue 13,
 * cold start). The toolkit, with the HTTP client and undici it imports for OIDC tokens, costs tens
 * of milliseconds to parse; the action loads it once the step's first AWS request is on its way
 * (run.ts). The inputs are needed earlier than that, since the config they make is checked before
 * any request goes out, so they are read here with exactly the rule of `core.getInput(name)`
 * (@actions/core 3.x): `INPUT_` + the name with spaces as underscores, upper case; an absent
 * variable is ''; the value trimmed. __tests__/action/runner-env.test.ts holds this to the real
 * toolkit, and run.ts compares every input with `core.getInput` once the toolkit is there, failing
 * the step should a later toolkit read them differently.
 */
export function readRunnerInputs(
  env: Record<string, string | undefined>,
  names: readonly string[]
): RawInputs {
  return Object.fromEntries(names.map((name) => [name, runnerInput(env, name)]))
}

function runnerInput(env: Record<string, string | undefined>, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** The first input whose value `getInput` (the toolkit's) reads differently, if any. */
export function inputReadDifferently(
  inputs: RawInputs,
  getInput: (name: string) => string
): string | undefined {
  return Object.keys(inputs).find((name) => getInput(name) !== inputs[name])
}

/** Where relative paths in inputs resolve: the job's checkout, as the runner names it. */
export function runnerWorkspace(env: Record<string, string | undefined>): string {
  return env['GITHUB_WORKSPACE'] ?? process.cwd()
}
