/**
 * The identities code scanning tracks alerts by: the run's category (`automationDetails.id`), the
 * rule id and the result's fingerprint. Each must be the same for the same problem on the next push
 * (a new digest, a new tag, a new deployment), or GitHub closes the alert and opens a new one.
 */
import { createHash } from 'node:crypto'
import type { Finding, ScannedArtifact } from '../../../domain/finding.js'
import { singleLine, truncate } from '../../../text/escape.js'

/** The key `partialFingerprints` carries our fingerprint under (versioned: a new scheme, a new key). */
export const FINGERPRINT_KEY = 'inspectorGateFinding/v1'

const CATEGORY_PREFIX = 'inspector-gate'
/** The run that carries only notifications, for targets that have no run of their own. */
export const STATUS_CATEGORY = `${CATEGORY_PREFIX}/status/`

/** The status run's category: one per gate step when the step is known (see SarifOptions.step). */
export function statusCategory(step: string | undefined): string {
  return step === undefined ? STATUS_CATEGORY : `${CATEGORY_PREFIX}/status-${shortHash(step, 12)}/`
}

const MAX_SLUG_LENGTH = 60
const MAX_RULE_ID_LENGTH = 200

/**
 * What stays the same from push to push for the target a reference names: the ECR repository
 * (account, region, name) or the Lambda function (account, region, name). Not the reference as
 * written: `app:${{ github.sha }}` names a new tag on every push, and a category or fingerprint
 * built from it would orphan every alert on the next push.
 */
export function stableTargetKey(artifact: ScannedArtifact): string {
  if (artifact.kind === 'image')
    return `image\u0000${artifact.registryId}\u0000${artifact.region}\u0000${artifact.repository}`
  if (artifact.kind === 'sbom') return `sbom\u0000${sbomTargetName(artifact)}`
  return `function\u0000${artifact.accountId}\u0000${artifact.region}\u0000${artifact.functionName}`
}

/** A readable name for the slug: the repository or function name, or what the SBOM describes. */
export function targetSlugName(artifact: ScannedArtifact | undefined, reference: string): string {
  if (artifact === undefined) return reference
  if (artifact.kind === 'image') return artifact.repository
  if (artifact.kind === 'sbom') return `sbom-${sbomTargetName(artifact)}`
  return `lambda-${artifact.functionName}`
}

/**
 * The image an SBOM describes without its tag or digest (`ghcr.io/acme/app`), which stays the same
 * from push to push; the file as listed when the SBOM names no image.
 */
function sbomTargetName(artifact: ScannedArtifact & { kind: 'sbom' }): string {
  const name = artifact.subjectName
  if (name === undefined) return artifact.reference
  const untagged = name.replace(/@sha256:[0-9a-f]+$/, '')
  const lastSlash = untagged.lastIndexOf('/')
  const colon = untagged.lastIndexOf(':')
  return colon > lastSlash ? untagged.slice(0, colon) : untagged
}

/**
 * `inspector-gate/<slug>-<hash>/`: the readable part is limited to safe characters and cut; the
 * hash of the full key keeps two targets apart even when their readable parts collide
 * (`shop/api` and `shop-api`). The trailing `/` makes the whole id the category.
 */
export function automationId(key: string, name: string): string {
  const readable = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/[-.]+$/g, '')
    .toLowerCase()
  const hash = shortHash(key, 12)
  return `${CATEGORY_PREFIX}/${readable === '' ? hash : `${readable}-${hash}`}/`
}

/**
 * The rule id for a vulnerability id: single-line; a very long id is cut and suffixed with a hash of
 * the whole, so two long ids stay two rules.
 */
export function ruleIdOf(vulnerabilityId: string): string {
  const clean = singleLine(vulnerabilityId)
  if (clean === '') return 'unknown-vulnerability'
  if (clean.length <= MAX_RULE_ID_LENGTH) return clean
  return `${truncate(clean, MAX_RULE_ID_LENGTH - 13)}-${shortHash(clean, 12)}`
}

/**
 * A result's fingerprint: the target's stable key, the platform or scan type, the vulnerability and
 * where it is (package names and paths, or a code finding's file and line). Never the digest or
 * installed version, which change on every push or upgrade while the problem stays the same.
 */
export function findingFingerprint(targetKey: string, finding: Finding): string {
  const artifact = finding.artifact
  const variant =
    artifact.kind === 'image'
      ? (artifact.platform ?? '')
      : artifact.kind === 'sbom'
        ? 'sbom'
        : artifact.scanType
  const where =
    finding.code !== undefined
      ? [`${finding.code.filePath}:${finding.code.startLine ?? ''}`]
      : finding.packages.map((pkg) => `${pkg.name}\u0000${pkg.filePath ?? ''}`).sort()
  return shortHash([targetKey, variant, finding.vulnerabilityId, ...where].join('\u0001'), 32)
}

export function shortHash(text: string, length: number): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length)
}
