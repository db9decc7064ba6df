import {
  getRepositoryScanFrequency,
  SCAN_FREQUENCIES,
  type RegistryScanType
} from '../../aws/ecr.js'
import type { ImageArtifact } from '../../domain/finding.js'
import type { ImageReference } from '../../domain/image-reference.js'
import type { ArtifactOutcome } from '../../domain/outcome.js'
import { scanBasic } from './basic-scanner.js'
import type { ScanDeps } from './deps.js'
import { scanEnhanced } from './enhanced-scanner.js'
import { resolveImage } from './image-resolver.js'
import { PollTimeoutError } from '../../runtime/poll.js'
import { refusalOutcome } from './waiting.js'
import { explainReason } from './scan-status.js'
import { errorMessage } from '../../runtime/error-message.js'
import { ACCESS_DENIED_CODES, AwsCallError, isDeadlineExceeded } from '../../aws/errors.js'

/**
 * Everything about one `images:` entry: resolve it to the digests Inspector scans, wait for each
 * (platforms concurrently), and turn every failure into an outcome for that entry alone, so one
 * broken reference never hides the verdict on the others.
 */
export interface RegistryFacts {
  scanType: RegistryScanType
  /** The registry belongs to the caller's account (its configuration is readable from here). */
  ownAccount: boolean
  /** The account the gate runs as (a delegated administrator, for a member's registry). */
  callerAccount: string
}

export async function scanImage(
  ref: ImageReference,
  registry: RegistryFacts,
  deps: ScanDeps
): Promise<ArtifactOutcome[]> {
  const scanType = registry.scanType
  try {
    const ecr = deps.clients.ecr(ref.region)
    const { artifacts, skipped } = await resolveImage(ecr, ref)
    for (const line of skipped) deps.log.info(`${ref.raw}: skipping ${line}`)
    if (artifacts.length > 1) {
      deps.log.info(
        `${ref.raw}: image index with ${artifacts.length} platforms (${artifacts.map((a) => a.platform).join(', ')})`
      )
    }

    if (registry.scanType === 'ENHANCED' && registry.ownAccount) {
      // A repository no enhanced-scanning rule covers will never be scanned: say so now instead of
      // waiting out the whole timeout. The lookup only reads the caller's own registry, hence the
      // ownAccount condition; when it fails, the coverage wait still reports the reason in time.
      const frequency = await repositoryScanFrequency(ecr, ref, deps).catch((error: unknown) => {
        deps.log.debug(`${ref.raw}: could not read repository scanning rules: ${String(error)}`)
        return undefined
      })
      if (frequency !== undefined && SCAN_FREQUENCIES[frequency] === 'never') {
        const reason = 'SCAN_FREQUENCY_MANUAL'
        const explanation = explainReason(reason) as string
        return artifacts.map((a) =>
          refusalOutcome(a, { kind: 'blocked', reason, explanation }, 'Inspector')
        )
      }
    }

    return await Promise.all(
      artifacts.map(async (artifact): Promise<ArtifactOutcome> => {
        try {
          return scanType === 'ENHANCED'
            ? await scanEnhanced(artifact, deps)
            : await scanBasic(artifact, ref, deps)
        } catch (error) {
          return errorOutcome(ref, error, artifact, scanType)
        }
      })
    )
  } catch (error) {
    return [
      errorOutcome(ref, crossAccountDenial(error, ref, registry) ?? error, undefined, scanType)
    ]
  }
}

/**
 * ECR refusing the gate another account's repository: the role's own policy is rarely what is
 * missing (gate-ecr-policy.json grants the reads on every registry), the repository's policy in the
 * owning account is — a delegated administrator sees a member's Inspector coverage and findings,
 * but not its registry, unless the member's repository policy lets it read the image.
 */
function crossAccountDenial(
  error: unknown,
  ref: ImageReference,
  registry: RegistryFacts
): AwsCallError | undefined {
  if (registry.ownAccount || !(error instanceof AwsCallError)) return undefined
  if (!ACCESS_DENIED_CODES.has(error.code)) return undefined
  const said = error.message.split(' — AWS said: ')[1]
  return new AwsCallError(
    `permission denied reading repository ${ref.repository} of account ${ref.registryId}'s registry (${ref.region}) from account ${registry.callerAccount}: the repository policy in ${ref.registryId} must allow ${registry.callerAccount} ecr:DescribeImages and ecr:BatchGetImage (and the role needs them, as infra/iam/gate-ecr-policy.json grants)${said === undefined ? '' : ` — AWS said: ${said}`}`,
    error.code,
    false
  )
}

/**
 * One lookup per repository per gate: twenty tags of one repository share its scanning rules. The
 * cache lives as long as the gate's ScanDeps, which runGate creates once per run.
 */
const frequencies = new WeakMap<ScanDeps, Map<string, Promise<string | undefined>>>()

function repositoryScanFrequency(
  ecr: Parameters<typeof getRepositoryScanFrequency>[0],
  ref: ImageReference,
  deps: ScanDeps
): Promise<string | undefined> {
  const cache = frequencies.get(deps) ?? new Map<string, Promise<string | undefined>>()
  frequencies.set(deps, cache)
  const key = `${ref.registryId}/${ref.region}/${ref.repository}`
  const known = cache.get(key)
  if (known !== undefined) return known
  const lookup = getRepositoryScanFrequency(ecr, ref)
  cache.set(key, lookup)
  return lookup
}

function errorOutcome(
  ref: ImageReference,
  error: unknown,
  artifact: ImageArtifact | undefined,
  scanType: RegistryScanType
): ArtifactOutcome {
  if (error instanceof PollTimeoutError) {
    const scanner = scanType === 'ENHANCED' ? 'Inspector' : 'ECR basic scanning'
    return {
      status: 'error',
      reference: ref.raw,
      ...(artifact !== undefined && { artifact }),
      // The verdict prefixes the reference and platform; the digest says which image exactly.
      message: `timed out waiting for ${scanner} to scan ${artifact?.digest ?? 'the image'}: ${error.message}; raise timeout or check the scan in the console`,
      timedOut: true
    }
  }
  const message = errorMessage(error)
  return {
    status: 'error',
    reference: ref.raw,
    ...(artifact !== undefined && { artifact }),
    message,
    timedOut: isDeadlineExceeded(error)
  }
}
