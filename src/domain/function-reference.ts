import { shown } from './shown.js'

/** One `functions:` entry: a function name (in the default region) or a full function ARN. */
export interface FunctionReference {
  raw: string
  /** What to ask Lambda for: the name or the unqualified ARN. */
  nameOrArn: string
  functionName: string
  region: string
  /** Known from an ARN; otherwise learned from Lambda. */
  accountId?: string
  partition: 'aws' | 'aws-cn' | 'aws-us-gov'
}

export class FunctionReferenceError extends Error {
  override name = 'FunctionReferenceError'

  constructor(
    message: string,
    /** Set when only the Region is missing: the step adds its door's advice (missing-region.ts). */
    readonly missingRegion?: { lead: string; tail: string }
  ) {
    super(message)
  }
}

const NAME = /^[A-Za-z0-9_-]{1,64}$/
const ARN =
  /^arn:(aws|aws-cn|aws-us-gov):lambda:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):function:([A-Za-z0-9_-]{1,64})(?::([^:]+))?$/

/**
 * Parses one `functions:` entry. Inspector scans only `$LATEST`, so a qualifier naming a version or
 * an alias is refused: gating it would gate code Inspector never looked at.
 */
export function parseFunctionReference(
  input: string,
  defaultRegion: string | undefined
): FunctionReference {
  const raw = input.trim()
  const arn = ARN.exec(raw)
  if (arn) {
    const [, partition, region, accountId, functionName, qualifier] = arn as unknown as [
      string,
      FunctionReference['partition'],
      string,
      string,
      string,
      string | undefined
    ]
    if (qualifier !== undefined && qualifier !== '$LATEST') {
      throw new FunctionReferenceError(
        `functions: "${shown(raw)}" names version or alias ${shown(qualifier)}, but Inspector scans only $LATEST; give the function name or its unqualified ARN`
      )
    }
    const unqualified = `arn:${partition}:lambda:${region}:${accountId}:function:${functionName}`
    return { raw, nameOrArn: unqualified, functionName, region, accountId, partition }
  }
  if (raw.startsWith('arn:')) {
    throw new FunctionReferenceError(
      `functions: "${shown(raw)}" is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)`
    )
  }
  if (!NAME.test(raw)) {
    throw new FunctionReferenceError(
      `functions: "${shown(raw)}" is not a function name (letters, digits, - and _, at most 64) or a function ARN`
    )
  }
  if (!defaultRegion) {
    const missing = {
      lead: `functions: "${shown(raw)}" has no region; `,
      tail: ' or give the function ARN'
    }
    throw new FunctionReferenceError(`${missing.lead}set AWS_REGION${missing.tail}`, missing)
  }
  const partition = defaultRegion.startsWith('cn-')
    ? 'aws-cn'
    : defaultRegion.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws'
  return { raw, nameOrArn: raw, functionName: raw, region: defaultRegion, partition }
}

/** Inspector's resource id for a function: always its `$LATEST` (any qualifier is replaced). */
export function functionResourceId(functionArn: string): string {
  // arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]
  return `${functionArn.split(':').slice(0, 7).join(':')}:$LATEST`
}

/**
 * Both forms a function's Inspector resource id may take (`…:function:<name>` and
 * `…:function:<name>:$LATEST`): Inspector's examples use the second, no AWS sample confirms it.
 */
export function functionResourceIds(functionArn: string): ReadonlySet<string> {
  const unqualified = functionArn.split(':').slice(0, 7).join(':')
  return new Set([unqualified, `${unqualified}:$LATEST`])
}
