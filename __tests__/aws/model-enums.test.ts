import { describe, expect, it } from '@jest/globals'
import { REGISTRY_SCAN_TYPES, SCAN_FREQUENCIES, START_SCAN_ANSWERS } from '../../src/aws/ecr.js'
import { ENABLE_FAILURE_CODES, INSPECTOR_SCAN_TYPES } from '../../src/aws/inspector-activation.js'
import { INSPECTOR_STATES } from '../../src/aws/inspector.js'
import { FUNCTION_STATES, LAST_UPDATE_STATUSES } from '../../src/aws/lambda.js'
import { AVAILABILITY, FINDING_TYPES } from '../../src/aws/normalize.js'
import { ECR_RESCAN_DURATIONS } from '../../src/setup/config.js'
import { COMPLIANCE_STATUSES, SEVERITY_LABELS, WORKFLOW_STATUSES } from '../../src/domain/report.js'
import { AWS_SEVERITIES } from '../../src/domain/severity.js'
import {
  BASIC_SCAN_STATUSES,
  COVERAGE_REASONS,
  COVERAGE_STATUS_CODES
} from '../../src/gate/scan/scan-status.js'
import { modelEnum, modelErrors } from '../fake-aws/model-check.js'
import type { ServiceName } from '../fake-aws/wire.js'

/**
 * Every enum the code switches on, beside the model's enum. A value the model has that the code
 * does not know would be met for the first time in a customer's run; a value the code knows that
 * the model does not is a typo or a value AWS retired. Either fails, listing the values. Values
 * deliberately left to the code's "unknown" path are allowed here, each with the reason.
 */
interface EnumPair {
  what: string
  service: ServiceName
  /** An enum shape of the model, or `errors:<Operation>` for the errors an operation answers. */
  shape: string
  code: readonly string[]
  /** Model values the code does not list on purpose, and why. */
  unhandled?: Record<string, string>
  /** Code values that are not in this enum on purpose (the table also reads another one). */
  extra?: Record<string, string>
}

const SHARED_SEVERITY = 'parseAwsSeverity reads Inspector and ECR severities with one table'
const SHARED_AVAILABILITY = 'one table reads both fixAvailable and exploitAvailable'

const PAIRS: EnumPair[] = [
  {
    what: 'coverage scanStatus.reason (src/gate/scan/scan-status.ts)',
    service: 'inspector2',
    shape: 'ScanStatusReason',
    code: COVERAGE_REASONS
  },
  {
    what: 'coverage scanStatus.statusCode (src/gate/scan/scan-status.ts)',
    service: 'inspector2',
    shape: 'ScanStatusCode',
    code: COVERAGE_STATUS_CODES
  },
  {
    what: 'Inspector finding severity (src/domain/severity.ts)',
    service: 'inspector2',
    shape: 'Severity',
    code: Object.keys(AWS_SEVERITIES),
    extra: { UNDEFINED: SHARED_SEVERITY }
  },
  {
    what: 'ECR basic finding severity (src/domain/severity.ts)',
    service: 'ecr',
    shape: 'FindingSeverity',
    code: Object.keys(AWS_SEVERITIES),
    extra: { UNTRIAGED: SHARED_SEVERITY }
  },
  {
    what: 'Inspector finding type (src/aws/normalize.ts)',
    service: 'inspector2',
    shape: 'FindingType',
    code: Object.keys(FINDING_TYPES)
  },
  {
    what: 'Inspector fixAvailable (src/aws/normalize.ts)',
    service: 'inspector2',
    shape: 'FixAvailable',
    code: Object.keys(AVAILABILITY)
  },
  {
    what: 'Inspector exploitAvailable (src/aws/normalize.ts)',
    service: 'inspector2',
    shape: 'ExploitAvailable',
    code: Object.keys(AVAILABILITY),
    extra: { PARTIAL: SHARED_AVAILABILITY }
  },
  {
    what: 'Inspector account / resource-type status (src/aws/inspector.ts, ensure-enabled)',
    service: 'inspector2',
    shape: 'Status',
    code: INSPECTOR_STATES
  },
  {
    what: 'Enable failedAccounts errorCode (src/aws/inspector-activation.ts)',
    service: 'inspector2',
    shape: 'ErrorCode',
    code: Object.keys(ENABLE_FAILURE_CODES)
  },
  {
    what: 'Inspector scan types the action enables (src/aws/inspector-activation.ts)',
    service: 'inspector2',
    shape: 'ResourceScanType',
    code: INSPECTOR_SCAN_TYPES,
    unhandled: {
      CODE_REPOSITORY:
        'the action never enables or gates code-repository scanning; its coverage reasons are known as other-resource reasons'
    }
  },
  {
    what: 'Inspector ECR re-scan duration input (src/setup/config.ts)',
    service: 'inspector2',
    shape: 'EcrRescanDuration',
    code: Object.values(ECR_RESCAN_DURATIONS)
  },
  {
    what: 'ECR imageScanStatus.status (src/gate/scan/scan-status.ts)',
    service: 'ecr',
    shape: 'ScanStatus',
    code: BASIC_SCAN_STATUSES
  },
  {
    what: 'ECR registry scan type (src/aws/ecr.ts)',
    service: 'ecr',
    shape: 'ScanType',
    code: REGISTRY_SCAN_TYPES
  },
  {
    what: 'ECR repository scan frequency (src/aws/ecr.ts)',
    service: 'ecr',
    shape: 'ScanFrequency',
    code: Object.keys(SCAN_FREQUENCIES)
  },
  {
    what: 'StartImageScan errors that are answers (src/aws/ecr.ts)',
    service: 'ecr',
    shape: 'errors:StartImageScan',
    code: Object.keys(START_SCAN_ANSWERS),
    unhandled: {
      ServerException: 'a failure of the call: explainAwsError names it (and the SDK retries it)',
      InvalidParameterException: 'a failure of the call: explainAwsError names it',
      ValidationException: 'a failure of the call: explainAwsError names it',
      RepositoryNotFoundException:
        'the image was resolved in this repository moments before; explainAwsError names it',
      ImageNotFoundException:
        'the digest was resolved moments before (deleted since); explainAwsError names it'
    }
  },
  {
    what: 'Lambda State (src/aws/lambda.ts)',
    service: 'lambda',
    shape: 'State',
    code: Object.keys(FUNCTION_STATES)
  },
  {
    what: 'Lambda LastUpdateStatus (src/aws/lambda.ts)',
    service: 'lambda',
    shape: 'LastUpdateStatus',
    code: Object.keys(LAST_UPDATE_STATUSES)
  },
  {
    what: 'Security Hub Severity.Label (src/domain/report.ts)',
    service: 'securityhub',
    shape: 'SeverityLabel',
    code: SEVERITY_LABELS
  },
  {
    what: 'Security Hub Workflow.Status (src/domain/report.ts)',
    service: 'securityhub',
    shape: 'WorkflowStatus',
    code: Object.keys(WORKFLOW_STATUSES)
  },
  {
    what: 'Security Hub Compliance.Status (src/domain/report.ts)',
    service: 'securityhub',
    shape: 'ComplianceStatus',
    code: Object.keys(COMPLIANCE_STATUSES)
  }
]

function modelValues(pair: EnumPair): string[] {
  return pair.shape.startsWith('errors:')
    ? modelErrors(pair.service, pair.shape.slice('errors:'.length))
    : modelEnum(pair.service, pair.shape)
}

describe('the enums the code switches on match the AWS models', () => {
  it.each(PAIRS.map((pair) => [pair.what, pair] as const))('%s', (_what, pair) => {
    const model = modelValues(pair)
    expect(model.length).toBeGreaterThan(0)
    const code = new Set(pair.code)
    const inModelOnly = model.filter(
      (value) => !code.has(value) && !Object.hasOwn(pair.unhandled ?? {}, value)
    )
    const inCodeOnly = [...code].filter(
      (value) => !model.includes(value) && !Object.hasOwn(pair.extra ?? {}, value)
    )
    const problems = [
      ...(inModelOnly.length > 0
        ? [
            `${pair.service}:${pair.shape} has values the code does not handle: ${inModelOnly.join(', ')}`
          ]
        : []),
      ...(inCodeOnly.length > 0
        ? [
            `the code handles values ${pair.service}:${pair.shape} does not have: ${inCodeOnly.join(', ')}`
          ]
        : [])
    ]
    expect(problems).toEqual([])
  })

  it('keeps every allow-list entry honest: each is a value of its model the code does not list', () => {
    const stale = PAIRS.flatMap((pair) => {
      const model = modelValues(pair)
      return [
        ...Object.keys(pair.unhandled ?? {})
          .filter((value) => !model.includes(value) || pair.code.includes(value))
          .map((value) => `${pair.shape} unhandled ${value}`),
        ...Object.keys(pair.extra ?? {})
          .filter((value) => model.includes(value) || !pair.code.includes(value))
          .map((value) => `${pair.shape} extra ${value}`)
      ]
    })
    expect(stale).toEqual([])
  })
})
