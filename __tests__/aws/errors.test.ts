import { describe, expect, it } from '@jest/globals'
import { SDK_ADVICE } from '../../src/runtime/aws-advice.js'
import { AwsCallError, explainAwsError } from '../../src/aws/errors.js'

const context = {
  action: 'inspector2:ListCoverage',
  doing:
    'checking Inspector coverage of arn:aws:ecr:us-east-1:123456789012:repository/app/sha256:ab'
}

/** An SDK service exception as the clients throw it (name = the error code). */
function serviceError(name: string, message: string, status: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })
}

describe('explainAwsError', () => {
  it.each([
    ['ExpiredTokenException', 403],
    ['ExpiredToken', 403],
    ['RequestExpired', 400]
  ])('says in one line that the credentials expired (%s) and how to avoid it', (code, status) => {
    const error = explainAwsError(
      serviceError(code, 'The security token included in the request is expired\nmore', status),
      context
    )

    expect(error).toBeInstanceOf(AwsCallError)
    expect(error.message).not.toContain('\n')
    expect(error.message).toMatch(/^the AWS credentials expired while checking Inspector coverage/)
    expect(error.message).toContain(`(${code})`)
    expect(error.message).toContain(SDK_ADVICE.expired)
    expect(error.message).toContain('re-run')
    expect(error.retryable).toBe(false)
  })

  it('names the IAM action and the policy that grants it when access is denied', () => {
    const error = explainAwsError(
      serviceError(
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/gate/ci is not authorized to perform: inspector2:ListFindings',
        403
      ),
      { action: 'inspector2:ListFindings', doing: 'reading Inspector findings of app@sha256:ab' }
    )

    expect(error.message).not.toContain('\n')
    expect(error.message).toContain('the role needs inspector2:ListFindings')
    expect(error.message).toContain('infra/iam/gate-ecr-policy.json')
    expect(error.retryable).toBe(false)
  })
})
