/**
 * "Security Hub Findings - Imported" events for the rule-pattern tests: the responder's realistic
 * fixtures (one Inspector finding on an ECR image per event), as plain JSON, with helpers to vary
 * the fields the rule filters.
 */
import {
  importedEvent as responderEvent,
  inspectorImageFinding as responderFinding
} from '../responder-lambda/fixtures.js'
import type { Json, JsonObject } from './cfn-yaml.js'

const REGION = 'us-east-1'

const asJson = (value: unknown): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject

export function inspectorImageFinding(): JsonObject {
  return asJson(responderFinding())
}

export function importedEvent(
  finding: JsonObject,
  detailType = 'Security Hub Findings - Imported'
): JsonObject {
  return asJson(responderEvent([finding], { 'detail-type': detailType }))
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
