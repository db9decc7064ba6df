import { parseChoice } from '../inputs/values.js'
import { logText } from '../text/escape.js'
import { cancelOnSignals, trackProgress } from '../runtime/cancellation.js'
import { runStep } from '../run-step.js'
import { redactor, runSecrets } from '../runtime/redact.js'
import { ACTION_ADVICE } from './advice.js'
import { deferredHost } from './deferred-host.js'
import { inputReadDifferently, readRunnerInputs, runnerWorkspace } from './runner-env.js'
import { errorMessage } from '../runtime/error-message.js'
import { INPUT_NAMES, MODES, type Mode } from '../inputs/catalogue.js'

/**
 * `@actions/core` and the host built on it, a chunk of their own, loaded once (on first use).
 * Nothing here imports the toolkit statically: it pulls in its HTTP client and undici (for OIDC
 * tokens), tens of milliseconds of parsing that would all come before the step's first AWS request
 * (issue 13, cold start). Not started up front either: compiling a chunk blocks the event loop, and
 * would hold that request back.
 */
function toolkitLoader() {
  let loading: ReturnType<typeof load> | undefined
  const load = async () => {
    const [core, { actionHost }] = await Promise.all([
      import('@actions/core'),
      import('./action-host.js')
    ])
    return { core, actionHost }
  }
  return () => (loading ??= load())
}

/**
 * The action's entry: picks the mode, runs its step, turns the outcome into the step status. The
 * step starts with the toolkit not loaded: inputs are read as `core.getInput` reads them
 * (runner-env.ts), and what the step writes waits for the toolkit (deferred-host.ts), which loads
 * at the first write. A gate writes nothing before its first request has its answer.
 */
export async function run(): Promise<void> {
  const toolkit = toolkitLoader()
  const inputs = readRunnerInputs(process.env, INPUT_NAMES)
  let mode: Mode
  try {
    mode = parseChoice('mode', inputs['mode'] || 'gate', MODES)
  } catch (error) {
    const { core } = await toolkit()
    core.setOutput('result', 'error')
    core.setFailed(errorMessage(error))
    return
  }
  const secrets = runSecrets(process.env, inputs['github-token'])
  const deferred = deferredHost(
    {
      workspace: runnerWorkspace(process.env),
      env: process.env,
      redact: redactor(secrets),
      awsAdvice: ACTION_ADVICE
    },
    async () => (await toolkit()).actionHost(secrets)
  )
  const progress = trackProgress(deferred.host)
  const host = progress.host
  const stopListening = cancelOnSignals({
    host,
    doing: progress.doing,
    source: process,
    // A cancellation before the toolkit loaded still writes its result and line first.
    exit: (code) => void deferred.ready().finally(() => process.exit(code))
  })
  const outcome = await runStep(mode, inputs, host).finally(stopListening)
  await deferred.ready()
  const { core } = await toolkit()
  const differs = inputReadDifferently(inputs, (name) => core.getInput(name))
  if (differs !== undefined) {
    // Fail closed: the step ran on a value the toolkit would not have given it.
    host.setOutput('result', 'error')
    core.setFailed(
      `inspector-gate bug: input ${differs} was read differently from @actions/core's getInput; report this with the version of the action`
    )
    return
  }
  // The failure can quote AWS text (an error message): no terminal controls in the log.
  if (outcome.failure !== undefined) core.setFailed(logText(host.redact(outcome.failure)))
}
