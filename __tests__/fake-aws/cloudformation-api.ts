/**
 * CloudFormation (AWS Query) operations: only DescribeStacks, which the gate uses to read the
 * responder stack's `ScanEventLogGroup` output. Stacks come from the scenario (`stacks`).
 */
import type { FakeStack } from './scenario.js'
import { FakeAwsError } from './wire.js'

export const CLOUDFORMATION_XML_NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/'

export function handleCloudFormation(
  stacks: readonly FakeStack[],
  context: { region: string; account: string; createdAt: Date },
  operation: string,
  input: Record<string, unknown>
): Record<string, unknown> {
  if (operation !== 'DescribeStacks') {
    throw new FakeAwsError(
      'InvalidAction',
      400,
      `fake-aws: CloudFormation ${operation} is not implemented`
    )
  }
  const name = input['StackName']
  if (typeof name !== 'string') {
    // Without a name AWS lists every stack; the gate always names one.
    throw new FakeAwsError('InvalidAction', 400, 'fake-aws: DescribeStacks needs a StackName')
  }
  const stack = stacks.find(
    (s) => s.name === name && (s.region ?? context.region) === context.region
  )
  // AWS's own answer for a stack that is not there: a ValidationError, not a NotFound.
  if (stack === undefined) {
    throw new FakeAwsError('ValidationError', 400, `Stack with id ${name} does not exist`)
  }
  const outputs = Object.entries(stack.outputs ?? {})
  return {
    Stacks: [
      {
        StackId: `arn:aws:cloudformation:${context.region}:${context.account}:stack/${stack.name}/6b0a2e10-8f2b-11f1-9c3d-0a1b2c3d4e5f`,
        StackName: stack.name,
        CreationTime: context.createdAt,
        StackStatus: stack.status ?? 'CREATE_COMPLETE',
        ...(outputs.length === 0
          ? {}
          : {
              Outputs: outputs.map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue }))
            })
      }
    ]
  }
}
