/**
 * Realistic "Security Hub Findings - Imported" events (classic ASFF, one finding per event), as
 * Amazon Inspector sends them for an ECR image, with helpers to vary the fields the rule filters.
 */
import type { Json, JsonObject } from './cfn-yaml.js'

const REGION = 'us-east-1'
const ACCOUNT = '123456789012'
const INSPECTOR_PRODUCT = `arn:aws:securityhub:${REGION}::product/aws/inspector`
const FINDING_ID = `arn:aws:inspector2:${REGION}:${ACCOUNT}:finding/0c4d2a1e9b7f6e5d4c3b2a1908f7e6d5`

export function inspectorImageFinding(): JsonObject {
  return {
    SchemaVersion: '2018-10-08',
    Id: FINDING_ID,
    ProductArn: INSPECTOR_PRODUCT,
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
      'aws/inspector/inspectorScore': '7.5',
      'aws/inspector/resources/1/resourceDetails/awsEcrContainerImageDetails/platform': 'DEBIAN_12',
      'aws/securityhub/FindingId': `${INSPECTOR_PRODUCT}/${FINDING_ID}`,
      'aws/securityhub/ProductName': 'Inspector',
      'aws/securityhub/CompanyName': 'Amazon'
    },
    Resources: [
      {
        Type: 'AwsEcrContainerImage',
        Id: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/shop/api/sha256:4f1c9d7e2b3a5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6`,
        Partition: 'aws',
        Region: REGION,
        Details: {
          AwsEcrContainerImage: {
            RegistryId: ACCOUNT,
            RepositoryName: 'shop/api',
            Architecture: 'amd64',
            ImageDigest: 'sha256:4f1c9d7e2b3a5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6',
            ImageTags: ['1.4.2'],
            ImagePublishedAt: '2025-11-03T09:10:02.000Z'
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
            Architecture: 'AMD64',
            PackageManager: 'OS',
            FixedInVersion: '0:2.5.0-1+deb12u1',
            Remediation: 'apt-get update && apt-get upgrade'
          }
        ],
        Cvss: [
          {
            Version: '3.1',
            BaseScore: 7.5,
            BaseVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
            Source: 'NVD'
          }
        ],
        Vendor: { Name: 'NVD', VendorSeverity: 'HIGH' },
        FixAvailable: 'YES',
        ExploitAvailable: 'NO'
      }
    ],
    FindingProviderFields: {
      Severity: { Label: 'HIGH', Original: 'HIGH' },
      Types: ['Software and Configuration Checks/Vulnerabilities/CVE']
    },
    ProcessedAt: '2025-11-03T09:14:29.871Z'
  }
}

export function importedEvent(
  finding: JsonObject,
  detailType = 'Security Hub Findings - Imported'
): JsonObject {
  return {
    version: '0',
    id: '3d1b6c7e-90a2-4f5e-b8c1-2d3e4f5a6b7c',
    'detail-type': detailType,
    source: 'aws.securityhub',
    account: ACCOUNT,
    time: '2025-11-03T09:14:30Z',
    region: REGION,
    resources: [`${String(finding['ProductArn'])}/${String(finding['Id'])}`],
    detail: { findings: [finding] }
  }
}

/** A copy of `finding` with `path` (dot-separated) set to `value`. */
export function withField(finding: JsonObject, path: string, value: Json): JsonObject {
  const copy = structuredClone(finding)
  const keys = path.split('.')
  let node: JsonObject = copy
  for (const key of keys.slice(0, -1)) node = node[key] as JsonObject
  node[keys[keys.length - 1] as string] = value
  return copy
}

/** A GuardDuty finding: another product's HIGH finding in the same account. */
export function guardDutyFinding(): JsonObject {
  const finding = inspectorImageFinding()
  return {
    ...finding,
    ProductArn: `arn:aws:securityhub:${REGION}::product/aws/guardduty`,
    ProductName: 'GuardDuty',
    GeneratorId:
      'arn:aws:guardduty:us-east-1:123456789012:detector/12abc34d567e8fa901bc2d34e56789f0',
    Types: ['TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS']
  }
}
