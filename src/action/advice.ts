import type { AwsAdvice } from '../runtime/aws-advice.js'

/**
 * A workflow gets credentials and the Region from a step before this one. Its own module: the
 * deferred host needs it before the toolkit (action-host.ts) has loaded.
 */
export const ACTION_ADVICE: AwsAdvice = {
  credentials:
    'run aws-actions/configure-aws-credentials (OIDC) before this step, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY',
  region: 'set AWS_REGION (configure-aws-credentials does)',
  regionVariable: ' (configure-aws-credentials does)',
  expired:
    'raise role-duration-seconds in configure-aws-credentials above timeout (or lower timeout) and re-run'
}
