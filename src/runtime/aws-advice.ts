/**
 * What a user is told to do about the AWS setup, which depends on where the tool runs: a workflow
 * step is fixed with another step (aws-actions/configure-aws-credentials), a terminal with the AWS
 * SDK's own chain. Each door (action, CLI) gives its Host one of these; the AWS adapters attach it
 * to the errors of the clients they build (aws/advice.ts), and `explainAwsError` quotes it.
 */
export interface AwsAdvice {
  /** After `no AWS credentials found: `. */
  credentials: string
  /** After `no AWS region while …: `. */
  region: string
  /**
   * After "set AWS_REGION" in an input check's error (MissingRegionError): the run reads the
   * Region from that variable before any AWS call, so a profile's Region does not count there.
   */
  regionVariable: string
  /** After `the role session ended before the run did; `. */
  expired: string
}

/** How the AWS SDK finds credentials and a Region: true wherever it runs (the CLI's advice). */
export const SDK_ADVICE: AwsAdvice = {
  credentials:
    'the AWS SDK looks for AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), then AWS_PROFILE in ~/.aws/config and credentials (run aws sso login for an SSO profile), web identity (AWS_WEB_IDENTITY_TOKEN_FILE), then the container or instance role; give it one of them',
  region: 'set AWS_REGION, or a region in the AWS_PROFILE of ~/.aws/config',
  regionVariable:
    ' in the environment (export AWS_REGION=<region>: inspector-gate reads the Region from it, not from a profile)',
  expired:
    'renew the session (aws sso login, or new keys) with a duration longer than timeout (or lower timeout) and re-run'
}
