import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { ECRClient } from '@aws-sdk/client-ecr'
import { Inspector2Client } from '@aws-sdk/client-inspector2'
import { LambdaClient } from '@aws-sdk/client-lambda'
import { S3Client } from '@aws-sdk/client-s3'
import { SecurityHubClient } from '@aws-sdk/client-securityhub'
import { SNSClient } from '@aws-sdk/client-sns'
import { STSClient } from '@aws-sdk/client-sts'
import type { ClientClasses } from '../../src/aws/clients.js'

/**
 * Every client class, for tests and benches that build `createAwsClients` for any mode. The
 * product's steps pass only the classes their mode uses (issue 13, cold start).
 */
export const ALL_CLIENT_CLASSES: ClientClasses = {
  ecr: ECRClient,
  inspector: Inspector2Client,
  lambda: LambdaClient,
  securityHub: SecurityHubClient,
  sts: STSClient,
  cloudformation: CloudFormationClient,
  logs: CloudWatchLogsClient,
  sns: SNSClient,
  s3: S3Client
}
