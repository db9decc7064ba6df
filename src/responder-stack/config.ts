import type { ResponderConfig } from './deploy.js'
import type { RawInputs } from '../gate/config.js'
import { InputError, parseBoolean, shown } from '../inputs/values.js'

/**
 * Here, not in modes/responder.ts: the gate reads this config on every run, and importing that
 * module would load the CloudFormation SDK with it (issue 13, cold start).
 */
export const DEFAULT_RESPONDER_STACK = 'inspector-gate-responder'

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,54}$/
const RETENTION = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653
]

/** `deploy-responder` and its stack parameters; undefined when the stack is not wanted. */
export function buildResponderConfig(inputs: RawInputs): ResponderConfig | undefined {
  const get = (name: string): string => (inputs[name] ?? '').trim()
  if (!parseBoolean('deploy-responder', get('deploy-responder') || 'false')) return undefined
  const stackName = get('responder-stack-name') || DEFAULT_RESPONDER_STACK
  if (!STACK_NAME.test(stackName)) {
    // The template names the function and the topic after the stack, which caps it at 55.
    throw new InputError(
      `responder-stack-name: "${shown(stackName)}" must start with a letter and have at most 55 letters, digits or -`
    )
  }
  const email = get('responder-email')
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new InputError(`responder-email: "${shown(email)}" is not an e-mail address`)
  }
  const kmsKeyArn = get('responder-kms-key-arn')
  if (
    kmsKeyArn !== '' &&
    !/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/.test(kmsKeyArn)
  ) {
    throw new InputError(
      `responder-kms-key-arn: "${shown(kmsKeyArn)}" is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)`
    )
  }
  // Digits only: Number() would also read `0x1E`, `0o36` or `3e1` as 30.
  const days = get('responder-log-retention-days') || '30'
  const retention = /^\d+$/.test(days) ? Number(days) : NaN
  if (!RETENTION.includes(retention)) {
    throw new InputError(
      `responder-log-retention-days: "${shown(get('responder-log-retention-days'))}" is not a CloudWatch Logs retention (${RETENTION.join(', ')})`
    )
  }
  return {
    stackName,
    notificationEmail: email,
    kmsKeyArn,
    inspectorFindingsOnly: parseBoolean(
      'responder-inspector-only',
      get('responder-inspector-only') || 'true'
    ),
    logRetentionDays: retention
  }
}
