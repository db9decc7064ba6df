/**
 * Entry point of the responder Lambda (nodejs22.x, which provides AWS SDK v3: the bundle keeps
 * `@aws-sdk/*` external). Not part of the action bundle. The clients are created once per
 * container, outside the handler, so warm invocations reuse their connections and credentials.
 */
import { EC2Client } from './instances.js'
import { createHandler, SNSClient } from './responder.js'
import { SecurityHubClient } from './workflow.js'

// Adaptive retries: a burst of imports (Inspector's first scan of an account) meets Security Hub's
// per-account rate limits, and every invocation of the burst shares them.
const config = { maxAttempts: 5, retryMode: 'adaptive' }
const ec2Clients: Record<string, EC2Client> = {}

export { createHandler }

export const handler = createHandler({
  sns: new SNSClient(config),
  securityHub: new SecurityHubClient(config),
  ec2: (region) => (ec2Clients[region] ??= new EC2Client({ ...config, region })),
  topicArn: process.env['TOPIC_ARN'],
  region: process.env['AWS_REGION'] ?? 'us-east-1'
})
