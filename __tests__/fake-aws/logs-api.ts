/** CloudWatch Logs (AWS JSON 1.1) operations: only FilterLogEvents, over the scenario's log groups. */
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

export const LOGS_TARGET_PREFIX = 'Logs_20140328.'

export function handleLogs(
  state: FakeState,
  operation: string,
  input: Record<string, unknown>
): Record<string, unknown> {
  void state
  if (operation !== 'FilterLogEvents') {
    throw new FakeAwsError(
      'UnknownOperationException',
      400,
      `fake-aws: CloudWatch Logs ${operation} is not implemented`
    )
  }
  void input
  throw new FakeAwsError(
    'ResourceNotFoundException',
    400,
    'The specified log group does not exist.'
  )
}
