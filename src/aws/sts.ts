import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts'
import { AwsCallError, callAws } from './errors.js'

/**
 * The caller's account. Needs no IAM permission, so it is the cheapest way to prove the credentials
 * work before any waiting starts.
 */
export async function getCallerAccount(client: STSClient): Promise<string> {
  const out = await callAws(
    { action: 'sts:GetCallerIdentity', doing: 'checking the AWS credentials' },
    () => client.send(new GetCallerIdentityCommand({}))
  )
  if (!out.Account) {
    throw new AwsCallError(
      'sts:GetCallerIdentity returned no account id',
      'UnexpectedResponse',
      false
    )
  }
  return out.Account
}
