import type { AwsAdvice } from '../runtime/aws-advice.js'
import type { MiddlewareHost } from './middleware-host.js'

const ADVICE = Symbol('inspector-gate AWS advice')

/**
 * Tags every error of the client's calls with the door's advice (see runtime/aws-advice.ts), so
 * `explainAwsError` tells a CLI user about the SDK's credential chain and a workflow about
 * configure-aws-credentials, with no global setting. Outermost (initialize, high): credentials
 * are resolved while signing, inside the stack.
 */
export function adviseOnErrors<C extends object>(client: C, advice: AwsAdvice): C {
  ;(client as unknown as MiddlewareHost).middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args)
      } catch (error) {
        throw withAdvice(error, advice)
      }
    },
    { step: 'initialize', name: 'inspectorGateAdvice', priority: 'high' }
  )
  return client
}

/** The error, tagged with the door's advice unless it carries some already. */
export function withAdvice(error: unknown, advice: AwsAdvice): unknown {
  if (typeof error === 'object' && error !== null && !(ADVICE in error)) {
    Object.defineProperty(error, ADVICE, { value: advice })
  }
  return error
}

/** The advice a client attached to its error, if any. */
export function adviceFor(error: unknown): AwsAdvice | undefined {
  if (typeof error !== 'object' || error === null || !(ADVICE in error)) return undefined
  return (error as { [ADVICE]: AwsAdvice })[ADVICE]
}
