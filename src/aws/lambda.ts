import { GetFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda'
import { AwsCallError, errorCode, explainAwsError } from './errors.js'

/** The deployed state of a function's `$LATEST`, the only version Inspector scans. */
export interface DeployedFunction {
  functionName: string
  functionArn: string
  codeSha256: string
  lastModified: Date
  /** `InProgress` while a deployment is being applied; the code is only final at `Successful`. */
  lastUpdateStatus: string | undefined
  lastUpdateStatusReason: string | undefined
  state: string | undefined
  runtime: string | undefined
  packageType: string | undefined
  kmsKeyArn: string | undefined
}

export async function getDeployedFunction(
  client: LambdaClient,
  nameOrArn: string
): Promise<DeployedFunction> {
  let out
  try {
    out = await client.send(new GetFunctionConfigurationCommand({ FunctionName: nameOrArn }))
  } catch (error) {
    if (errorCode(error) === 'ResourceNotFoundException') {
      throw new AwsCallError(
        `function ${nameOrArn} does not exist in this account and region; gate the function your deploy step updated`,
        'ResourceNotFoundException',
        false
      )
    }
    throw explainAwsError(error, {
      action: 'lambda:GetFunctionConfiguration',
      doing: `reading the deployed configuration of ${nameOrArn}`
    })
  }
  const lastModified = parseLambdaTime(out.LastModified)
  if (!out.FunctionName || !out.FunctionArn || !out.CodeSha256 || lastModified === undefined) {
    throw new AwsCallError(
      `GetFunctionConfiguration for ${nameOrArn} returned no name, ARN, CodeSha256 or LastModified`,
      'UnexpectedResponse',
      false
    )
  }
  return {
    functionName: out.FunctionName,
    functionArn: out.FunctionArn,
    codeSha256: out.CodeSha256,
    lastModified,
    lastUpdateStatus: out.LastUpdateStatus,
    lastUpdateStatusReason: out.LastUpdateStatusReason,
    state: out.State,
    runtime: out.Runtime,
    packageType: out.PackageType,
    kmsKeyArn: out.KMSKeyArn
  }
}

/** Lambda writes `2026-11-22T10:00:00.000+0000`, which Date.parse reads only with a colon in the offset. */
export function parseLambdaTime(value: string | undefined): Date | undefined {
  if (!value) return undefined
  const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
  const time = Date.parse(iso)
  return Number.isNaN(time) ? undefined : new Date(time)
}
