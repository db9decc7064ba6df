import { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { ECRClient } from '@aws-sdk/client-ecr'
import { Inspector2Client, type Finding as InspectorFinding } from '@aws-sdk/client-inspector2'
import { LambdaClient } from '@aws-sdk/client-lambda'
import { S3Client } from '@aws-sdk/client-s3'
import { SNSClient } from '@aws-sdk/client-sns'
import { SecurityHubClient } from '@aws-sdk/client-securityhub'
import { STSClient } from '@aws-sdk/client-sts'
import type { AwsClients } from '../../src/aws/clients.js'
import { DEFAULT_TIMING, type ScanDeps } from '../../src/scan/deps.js'
import type { VirtualClock } from './virtual-clock.js'
import type { ImageArtifact } from '../../src/domain/finding.js'

/** Real client instances (their `send` is replaced by aws-sdk-client-mock in each test). */
export function testClients(): AwsClients {
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }
  const ecr = new ECRClient({ region: 'us-east-1', credentials })
  const inspector = new Inspector2Client({ region: 'us-east-1', credentials })
  const sts = new STSClient({ region: 'us-east-1', credentials })
  const lambda = new LambdaClient({ region: 'us-east-1', credentials })
  const securityHub = new SecurityHubClient({ region: 'us-east-1', credentials })
  const cloudformation = new CloudFormationClient({ region: 'us-east-1', credentials })
  const sns = new SNSClient({ region: 'us-east-1', credentials })
  const s3 = new S3Client({ region: 'us-east-1', credentials })
  const logs = new CloudWatchLogsClient({ region: 'us-east-1', credentials })
  return {
    ecr: () => ecr,
    inspector: () => inspector,
    lambda: () => lambda,
    securityHub: () => securityHub,
    sts: () => sts,
    cloudformation: () => cloudformation,
    sns: () => sns,
    s3: () => s3,
    logs: () => logs,
    // Every class is here already.
    load: async () => undefined,
    // Mocked clients carry no Date header: the scanners fall back to their own clock.
    awsTime: { offsetMs: () => undefined }
  }
}

export const DIGEST = `sha256:${'a'.repeat(64)}`

export function artifact(overrides: Partial<ImageArtifact> = {}): ImageArtifact {
  const digest = overrides.digest ?? DIGEST
  return {
    kind: 'image',
    reference: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1',
    registryId: '123456789012',
    region: 'us-east-1',
    repository: 'app',
    digest,
    resourceId: `arn:aws:ecr:us-east-1:123456789012:repository/app/${digest}`,
    pushedAt: new Date('2026-11-22T10:00:00Z'),
    ...overrides
  }
}

/** A minimal Inspector finding in the SDK's shape. */
export function inspectorFinding(
  cve: string,
  severity: string,
  target: ImageArtifact = artifact()
): InspectorFinding {
  return {
    findingArn: `arn:aws:inspector2:us-east-1:123456789012:finding/${cve.toLowerCase()}`,
    awsAccountId: '123456789012',
    type: 'PACKAGE_VULNERABILITY',
    title: `${cve} - openssl`,
    description: `A flaw in openssl (${cve})`,
    severity: severity as InspectorFinding['severity'],
    status: 'ACTIVE',
    firstObservedAt: new Date('2026-11-22T10:01:00Z'),
    lastObservedAt: new Date('2026-11-22T10:01:00Z'),
    remediation: { recommendation: { text: 'Upgrade openssl' } },
    fixAvailable: 'YES',
    exploitAvailable: 'NO',
    inspectorScore: 7.5,
    epss: { score: 0.0123 },
    packageVulnerabilityDetails: {
      vulnerabilityId: cve,
      source: 'NVD',
      sourceUrl: `https://nvd.nist.gov/vuln/detail/${cve}`,
      vulnerablePackages: [
        { name: 'openssl', version: '3.0.1', fixedInVersion: '3.0.9', packageManager: 'OS' }
      ]
    },
    resources: [
      {
        type: 'AWS_ECR_CONTAINER_IMAGE',
        id: target.resourceId,
        details: {
          awsEcrContainerImage: {
            repositoryName: target.repository,
            imageHash: target.digest,
            registry: target.registryId
          }
        }
      }
    ]
  }
}

/** Scan dependencies on a virtual clock: real default timing, fixed jitter, a 15-minute budget. */
export function scanDeps(clock: VirtualClock, overrides: Partial<ScanDeps> = {}): ScanDeps {
  return {
    clients: testClients(),
    clock,
    log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
    timing: DEFAULT_TIMING,
    deadline: clock.now() + 15 * 60_000,
    random: () => 0.5,
    ...overrides
  }
}
