import { MAX_SBOM_COMPONENTS } from '../domain/sbom-limits.js'
import { AwsCallError, callAws } from './errors.js'
import type { InspectorScanClient } from './inspector-scan-client.js'
import type { OutputFormat, ValidationExceptionField } from './inspector-scan-wire.js'
import { ShapeCheck } from './response-shape.js'

/**
 * Amazon Inspector Scan's ScanSbom for the gate: one SBOM in, the scanned SBOM out, every failure
 * one line that says what to do (errors.ts), a ValidationException's reason in words, and an answer
 * without an SBOM an error rather than "nothing found".
 */

export { createInspectorScanClient, resolveInspectorScanEndpoint } from './inspector-scan-client.js'
export type { InspectorScanClient, InspectorScanClientOptions } from './inspector-scan-client.js'
export type { OutputFormat } from './inspector-scan-wire.js'

export const SCAN_SBOM_ACTION = 'inspector-scan:ScanSbom'

export { MAX_SBOM_COMPONENTS }

export interface ScanSbomRequest {
  /** The SBOM's file, as the user named it (for messages). */
  file: string
  /** The SBOM, parsed (a CycloneDX 1.5 JSON document). */
  sbom: unknown
  outputFormat?: OutputFormat
  abortSignal?: AbortSignal
}

export interface ScannedSbom {
  /** The SBOM with Inspector's vulnerabilities, in the requested output format. */
  sbom: Record<string, unknown>
}

/** What each ValidationExceptionReason means for the user, and what to do about it. */
const VALIDATION_REASONS: Record<string, string> = {
  UNSUPPORTED_SBOM_TYPE:
    'Inspector does not accept this SBOM type (it takes CycloneDX 1.5 JSON); generate the SBOM as CycloneDX 1.5 JSON',
  CANNOT_PARSE:
    'Inspector could not parse the SBOM; check that the file is a complete CycloneDX 1.5 JSON document',
  FIELD_VALIDATION_FAILED: 'Inspector rejected fields of the SBOM',
  UNKNOWN_OPERATION:
    'the endpoint does not know ScanSbom; check AWS_ENDPOINT_URL_INSPECTOR_SCAN / AWS_ENDPOINT_URL',
  OTHER: 'Inspector rejected the SBOM'
}

export async function scanSbom(
  client: Pick<InspectorScanClient, 'scanSbom'>,
  request: ScanSbomRequest
): Promise<ScannedSbom> {
  const context = { action: SCAN_SBOM_ACTION, doing: `scanning the SBOM ${request.file}` }
  refuseOversized(request)
  return callAws(context, async () => {
    const output = await client
      .scanSbom(
        {
          sbom: request.sbom,
          ...(request.outputFormat !== undefined ? { outputFormat: request.outputFormat } : {})
        },
        request.abortSignal ? { abortSignal: request.abortSignal } : {}
      )
      .catch((error: unknown) => {
        throw explainValidation(error, context) ?? error
      })
    const check = new ShapeCheck('ScanSbom', `the scan of ${request.file}`)
    const sbom = check.object('sbom', output.sbom)
    if (sbom === undefined) throw check.fail('sbom', 'missing')
    return { sbom }
  })
}

/**
 * A ValidationException says why in `reason`: put into words, it tells the user what to change;
 * AWS's own message stays at the end, as errors.ts keeps it.
 */
function explainValidation(
  error: unknown,
  context: { action: string; doing: string }
): AwsCallError | undefined {
  const e = error as { name?: unknown; message?: unknown; reason?: unknown; fields?: unknown }
  if (e?.name !== 'ValidationException') return undefined
  const reason = typeof e.reason === 'string' ? e.reason : 'OTHER'
  const words = VALIDATION_REASONS[reason] ?? `${VALIDATION_REASONS['OTHER']} (${reason})`
  const fields = describeFields(e.fields)
  const raw = firstLine(typeof e.message === 'string' ? e.message : '')
  return new AwsCallError(
    `${context.action} refused the request while ${context.doing}: ${words}${fields} — AWS said: ${raw}`,
    'ValidationException',
    false
  )
}

/** The fields AWS named, a few of them, on the same line. */
function describeFields(fields: unknown): string {
  if (!Array.isArray(fields) || fields.length === 0) return ''
  const shown = (fields as ValidationExceptionField[])
    .slice(0, 3)
    .map((field) => `${firstLine(field.name)}: ${firstLine(field.message)}`)
  const more = fields.length > 3 ? ` and ${fields.length - 3} more` : ''
  return ` (${shown.join('; ')}${more})`
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/)[0] ?? '').slice(0, 300)
}

/**
 * Refuses before sending an SBOM whose top-level component list is over the limit: AWS would refuse
 * it too, with a message that does not say to split it. (Nested components are left for AWS to
 * count: the API reference does not say whether they count.)
 */
function refuseOversized(request: ScanSbomRequest): void {
  const components = (request.sbom as { components?: unknown } | null)?.components
  if (!Array.isArray(components) || components.length <= MAX_SBOM_COMPONENTS) return
  throw new AwsCallError(
    `the SBOM ${request.file} lists ${components.length} components, more than the ${MAX_SBOM_COMPONENTS} Inspector's ScanSbom takes in one request; split it (for instance one SBOM per image or package directory) and scan each`,
    'TooManyComponents',
    false
  )
}
