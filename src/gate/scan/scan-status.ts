import type { CoverageSnapshot } from '../../aws/inspector.js'

/**
 * Every status Inspector coverage and ECR basic scanning can report, classified for a gate:
 * WAIT (keep polling), DONE (results can be read), UNSCANNABLE (Inspector cannot scan this kind of
 * artifact: `on-unscannable` decides), BLOCKED (a setup problem stops the scan — no scanning rule,
 * access denied, archived…: a tool error that `on-error` decides, so tolerating unsupported base
 * images never also tolerates a broken setup). Unknown values are WAIT until the timeout, then
 * reported with their raw name, so a new AWS status can never pass a build silently.
 */
export type Classification =
  | { kind: 'wait'; state: string }
  | { kind: 'done'; scannedAt: Date | undefined }
  | { kind: 'unscannable' | 'blocked'; reason: string; explanation: string }

/** Reasons that mean "this artifact cannot be scanned", as opposed to "the setup prevents it". */
const UNSUPPORTED = new Set([
  'UNSUPPORTED_OS',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNSUPPORTED_RUNTIME',
  'UNSUPPORTED_CODE_ARTIFACTS',
  'UNSUPPORTED_IMAGE',
  'IMAGE_SIZE_EXCEEDED',
  'NO_RESOURCES_FOUND'
])

function refusal(reason: string, explanation: string): Classification {
  return { kind: UNSUPPORTED.has(reason) ? 'unscannable' : 'blocked', reason, explanation }
}

/** What a coverage reason means and what to do, for reasons that end a wait. */
export function explainReason(reason: string): string | undefined {
  return UNSCANNABLE_REASONS[reason]
}

const UNSCANNABLE_REASONS: Record<string, string> = {
  SCAN_FREQUENCY_MANUAL:
    'the repository matches no enhanced-scanning rule in the ECR registry scanning configuration; add a scan-on-push or continuous rule that covers it',
  SCAN_ELIGIBILITY_EXPIRED:
    "the image is outside Inspector's re-scan duration (push/pull date too old); push it again or lengthen the ECR re-scan duration in Inspector settings",
  UNSUPPORTED_OS:
    "Inspector does not support this image's operating system, architecture or manifest type; use a supported base image",
  UNSUPPORTED_MEDIA_TYPE:
    'Inspector does not scan this media type (for example an image index); gate the platform images by digest',
  UNSUPPORTED_RUNTIME: 'Inspector does not support this runtime',
  UNSUPPORTED_CODE_ARTIFACTS: 'Inspector does not support these code artifacts',
  IMAGE_SIZE_EXCEEDED: 'the image is larger than Inspector scans',
  NO_RESOURCES_FOUND: 'Inspector found nothing to scan in this resource',
  EXCLUDED_BY_TAG: 'a tag excludes this resource from Inspector scanning; remove the exclusion tag',
  ACCESS_DENIED:
    'a resource policy denies Inspector access; allow inspector2.amazonaws.com to read it',
  ACCESS_DENIED_TO_ENCRYPTION_KEY:
    "the KMS key policy does not let Inspector decrypt the resource; grant Inspector's service role kms:Decrypt",
  IMAGE_ARCHIVED:
    'the image was moved to the ECR archive tier, and archived images are not scanned; restore it',
  RESOURCE_TERMINATED: 'the resource was deleted',
  PENDING_DISABLE: 'Inspector scanning is being disabled for this account or resource type'
}

/** Where a reason means something else for a Lambda function than for an image. */
const FUNCTION_REASONS: Record<string, string> = {
  SCAN_ELIGIBILITY_EXPIRED:
    'Inspector stops scanning functions not invoked or updated for 90 days; deploy or invoke it, then gate again',
  EXCLUDED_BY_TAG:
    'a tag on the function excludes it from Inspector scanning (InspectorExclusion / InspectorCodeExclusion); remove the tag',
  ACCESS_DENIED_TO_ENCRYPTION_KEY:
    'Inspector does not scan functions encrypted with a customer managed KMS key; use the AWS managed key or accept that this function is not scanned'
}

const WAIT_REASONS = new Set(['PENDING_INITIAL_SCAN', 'SCAN_IN_PROGRESS', 'PENDING_REVIVAL_SCAN'])

/** Reasons that mean the artifact was scanned (or is covered and will be at the next push). */
const SCANNED_REASONS = new Set(['SUCCESSFUL', 'SCAN_FREQUENCY_SCAN_ON_PUSH'])

/** Inspector-side errors Inspector says it recovers from on its own: waited on, not refused. */
const SELF_HEALING_REASONS = new Set(['INTERNAL_ERROR'])

/**
 * Reasons of Inspector's model that describe other kinds of resources (EC2 instances, code
 * repositories, other clouds' VMs), never an ECR image or a Lambda function. Known by name so that
 * one on an image's or function's coverage row is reported at once, as the setup problem it is
 * (a coverage row that does not describe what was asked for), not waited on to the timeout as if
 * it were a new status that might resolve.
 */
const OTHER_RESOURCE_REASONS: Record<string, string> = {
  UNMANAGED_EC2_INSTANCE: 'EC2 instances (not managed by Systems Manager)',
  EC2_INSTANCE_STOPPED: 'EC2 instances (stopped)',
  NO_INVENTORY: 'EC2 instances (no SSM inventory)',
  STALE_INVENTORY: 'EC2 instances (SSM inventory out of date)',
  DEEP_INSPECTION_PACKAGE_COLLECTION_LIMIT_EXCEEDED: 'EC2 deep inspection',
  DEEP_INSPECTION_DAILY_SSM_INVENTORY_LIMIT_EXCEEDED: 'EC2 deep inspection',
  DEEP_INSPECTION_COLLECTION_TIME_LIMIT_EXCEEDED: 'EC2 deep inspection',
  DEEP_INSPECTION_NO_INVENTORY: 'EC2 deep inspection',
  AGENTLESS_INSTANCE_STORAGE_LIMIT_EXCEEDED: 'EC2 agentless scanning',
  AGENTLESS_INSTANCE_COLLECTION_TIME_LIMIT_EXCEEDED: 'EC2 agentless scanning',
  UNSUPPORTED_LANGUAGE: 'code repositories',
  UNSUPPORTED_CONFIG_FILE: 'code repositories',
  NO_SCAN_CONFIGURATION_ASSOCIATED: 'code repositories',
  INTEGRATION_CONNECTION_LOST: 'code repositories',
  RESOURCE_UNMANAGED: 'virtual machines in other clouds',
  RESOURCE_STOPPED: 'virtual machines in other clouds'
}

function otherResourceReason(reason: string, event: 'push' | 'deployment'): Classification {
  const kind = event === 'deployment' ? 'a Lambda function' : 'an ECR image'
  return {
    kind: 'blocked',
    reason,
    explanation: `Inspector reported a status of ${OTHER_RESOURCE_REASONS[reason] as string} for ${kind}, so its coverage says nothing about this scan; check the resource's coverage in the Inspector console and re-run`
  }
}

/**
 * Coverage `scanStatus.statusCode` values. The reason decides the classification; a status code
 * outside these is a new AWS state, waited on and reported by name like an unknown reason.
 */
export const COVERAGE_STATUS_CODES: readonly string[] = ['ACTIVE', 'INACTIVE']

/**
 * Every coverage reason `classifyCoverage` knows by name, from the tables it classifies with (the
 * enum test compares it with Inspector's model). Any other reason is waited on, then reported.
 */
export const COVERAGE_REASONS: readonly string[] = [
  ...SCANNED_REASONS,
  ...WAIT_REASONS,
  ...SELF_HEALING_REASONS,
  ...Object.keys(UNSCANNABLE_REASONS),
  ...Object.keys(OTHER_RESOURCE_REASONS)
]

/**
 * Classifies one Inspector coverage row for an artifact pushed (or deployed) at `notBefore`.
 * `undefined` coverage means Inspector has not discovered the artifact yet.
 */
export function classifyCoverage(
  coverage: CoverageSnapshot | undefined,
  notBefore: Date | undefined,
  /** What `notBefore` is, for the message: the image push or the function deployment. */
  event: 'push' | 'deployment' = 'push'
): Classification {
  if (coverage === undefined) return { kind: 'wait', state: 'not yet discovered by Inspector' }
  const reason = coverage.reason ?? 'UNKNOWN'
  if (coverage.statusCode !== undefined && !COVERAGE_STATUS_CODES.includes(coverage.statusCode)) {
    return { kind: 'wait', state: `unrecognised coverage status ${coverage.statusCode}/${reason}` }
  }
  if (SCANNED_REASONS.has(reason)) {
    const scannedAt = coverage.lastScannedAt
    if (scannedAt === undefined) {
      // A scan-on-push repository scans an image only when it is pushed; the scan of this push may
      // still be on its way, so wait, but say what the timeout will mean if it never comes.
      const state =
        reason === 'SCAN_FREQUENCY_SCAN_ON_PUSH'
          ? 'SCAN_FREQUENCY_SCAN_ON_PUSH without a scan of this image; a scan-on-push repository scans only at push, so if this image was pushed before the rule or before Inspector scanned the registry, push it again or use a continuous scanning rule'
          : `${reason} but not scanned yet`
      return { kind: 'wait', state }
    }
    if (notBefore !== undefined && scannedAt.getTime() < notBefore.getTime()) {
      return {
        kind: 'wait',
        state: `last scanned ${scannedAt.toISOString()}, before the ${event} at ${notBefore.toISOString()}`
      }
    }
    return { kind: 'done', scannedAt }
  }
  if (WAIT_REASONS.has(reason)) return { kind: 'wait', state: reason }
  if (SELF_HEALING_REASONS.has(reason)) {
    // Inspector says it recovers from these on its own; if it does not, the timeout reports it.
    return { kind: 'wait', state: 'INTERNAL_ERROR (Inspector-side error it retries on its own)' }
  }
  const explanation =
    (event === 'deployment' ? FUNCTION_REASONS[reason] : undefined) ?? UNSCANNABLE_REASONS[reason]
  if (explanation !== undefined) return refusal(reason, explanation)
  if (Object.hasOwn(OTHER_RESOURCE_REASONS, reason)) return otherResourceReason(reason, event)
  return { kind: 'wait', state: `unrecognised coverage status ${coverage.statusCode}/${reason}` }
}

/** How each ECR basic scanning `imageScanStatus.status` is classified; `detail` is ": description". */
const BASIC_SCAN_STATUS: Record<string, (status: string, detail: string) => Classification> = {
  COMPLETE: () => ({ kind: 'done', scannedAt: undefined }),
  IN_PROGRESS: (status) => ({ kind: 'wait', state: status }),
  PENDING: (status) => ({ kind: 'wait', state: status }),
  FINDINGS_UNAVAILABLE: (status, detail) => ({ kind: 'wait', state: `${status}${detail}` }),
  // Continuous (enhanced) scanning reports ACTIVE forever; on the basic path it proves nothing.
  ACTIVE: () => ({ kind: 'wait', state: 'ACTIVE (continuous scanning; use Inspector coverage)' }),
  FAILED: (status, detail) => refusal(status, `the ECR basic scan failed${detail}`),
  UNSUPPORTED_IMAGE: (status, detail) =>
    refusal(
      status,
      `ECR basic scanning does not support this image${detail}; use a supported base image or enhanced scanning`
    ),
  LIMIT_EXCEEDED: (status) =>
    refusal(
      status,
      'ECR allows one basic scan per image per 24 hours and this image already used it; push a new image or wait'
    ),
  SCAN_ELIGIBILITY_EXPIRED: (status) => refusal(status, UNSCANNABLE_REASONS[status] as string),
  IMAGE_ARCHIVED: (status) => refusal(status, UNSCANNABLE_REASONS[status] as string)
}

/** The ECR scan statuses `classifyBasicScanStatus` knows (the enum test holds it to ECR's model). */
export const BASIC_SCAN_STATUSES: readonly string[] = Object.keys(BASIC_SCAN_STATUS)

/** ECR basic scanning `imageScanStatus.status` values, classified the same way. */
export function classifyBasicScanStatus(
  status: string | undefined,
  description: string | undefined
): Classification {
  const detail = description ? `: ${description}` : ''
  const classify = status !== undefined ? BASIC_SCAN_STATUS[status] : undefined
  if (status === undefined || classify === undefined || !Object.hasOwn(BASIC_SCAN_STATUS, status)) {
    return { kind: 'wait', state: `unrecognised ECR scan status ${status ?? '(none)'}` }
  }
  return classify(status, detail)
}
