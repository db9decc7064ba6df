/** STS (AWS Query) operations: only GetCallerIdentity, which the action uses to learn the account. */
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

export function handleSts(
  state: FakeState,
  operation: string,
  /** The calling account (organization.ts). */
  caller: string = state.catalog.account
): Record<string, string> {
  if (operation !== 'GetCallerIdentity') {
    throw new FakeAwsError('InvalidAction', 400, `fake-aws: STS ${operation} is not implemented`)
  }
  const account = caller
  return {
    Arn: `arn:aws:sts::${account}:assumed-role/github-actions-inspector-gate/GitHubActions`,
    UserId: 'AROAZ3EXAMPLEROLEID:GitHubActions',
    Account: account
  }
}
