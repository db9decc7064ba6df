import {
  GetFunctionConfigurationCommand,
  paginateListVersionsByFunction,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import { guardedPages } from './paging.js'
import { AwsCallError, callAws, errorCode, explainAwsError } from './errors.js'

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

/**
 * What each Lambda `State` says about the deployed code. `ready`: the code is in place (an idle,
 * deactivated or not-yet-invocable function still runs that code when invoked, and Inspector
 * scans it); `pending`: still being created; `failed`/`deleting`: there is no deployment to gate.
 * A state not listed is waited on, then reported by name when the wait runs out.
 */
export const FUNCTION_STATES: Readonly<
  Record<string, 'ready' | 'pending' | 'failed' | 'deleting'>
> = {
  Active: 'ready',
  Inactive: 'ready',
  ActiveNonInvocable: 'ready',
  Deactivating: 'ready',
  Deactivated: 'ready',
  Pending: 'pending',
  Failed: 'failed',
  Deleting: 'deleting'
}

/** What each `LastUpdateStatus` says: the code is final only at Successful. */
export const LAST_UPDATE_STATUSES: Readonly<Record<string, 'ready' | 'pending' | 'failed'>> = {
  Successful: 'ready',
  InProgress: 'pending',
  Failed: 'failed'
}

/** A value's meaning in `table`, or undefined for one the table does not list. */
export function meaningOf<T>(table: Readonly<Record<string, T>>, value: string): T | undefined {
  return Object.hasOwn(table, value) ? table[value] : undefined
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

/**
 * When this code was first in place, as far as published versions tell: the earliest
 * LastModified of a published version whose CodeSha256 is `codeSha256`. A version freezes the
 * code and configuration of its moment, so that code was deployed at or before it. Undefined when
 * no published version has this code (versions are not published, or not yet for this code).
 */
export async function firstVersionWithCode(
  client: LambdaClient,
  functionName: string,
  codeSha256: string
): Promise<Date | undefined> {
  return callAws(
    {
      action: 'lambda:ListVersionsByFunction',
      doing: `reading the published versions of ${functionName}`
    },
    async () => {
      let earliest: Date | undefined
      const pages = guardedPages(
        'ListVersionsByFunction',
        paginateListVersionsByFunction({ client, pageSize: 50 }, { FunctionName: functionName }),
        (page) => page.NextMarker
      )
      for await (const page of pages) {
        for (const version of page.Versions ?? []) {
          if (version.Version === '$LATEST' || version.CodeSha256 !== codeSha256) continue
          const at = parseLambdaTime(version.LastModified)
          if (at !== undefined && (earliest === undefined || at < earliest)) earliest = at
        }
      }
      return earliest
    }
  )
}
