import type { AvailableStandard } from '../aws/securityhub-standards.js'

/** A standard as the user names it: a slug (or alias), optionally pinned to a version. */
export interface StandardChoice {
  raw: string
  slug: string
  version?: string
}

/** Short names users reach for, mapped to the slug in the standard's ARN. */
const ALIASES: Record<string, string> = {
  fsbp: 'aws-foundational-security-best-practices',
  cis: 'cis-aws-foundations-benchmark',
  nist: 'nist-800-53',
  pci: 'pci-dss'
}

export function parseStandardChoice(raw: string): StandardChoice {
  const [name = '', version] = raw.trim().toLowerCase().split('@')
  // hasOwn: `constructor` or `__proto__` must not find what every object inherits.
  const slug = (Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined) ?? name
  return { raw: raw.trim(), slug, ...(version !== undefined && version !== '' && { version }) }
}

/**
 * The problem line for a standard Security Hub does not offer here, listing what it does offer
 * (`slug@version`), so a typo is fixed without a trip to the console.
 */
export function unknownStandardProblem(
  name: string,
  region: string,
  available: AvailableStandard[]
): string {
  const offered = [...new Set(available.map((s) => `${s.slug}@${s.version}`))].sort()
  const list = offered.length === 0 ? 'none' : offered.join(', ')
  return `standards: "${name}" is not offered by Security Hub in ${region}; offered here: ${list}; check the name and version`
}

/**
 * Resolves friendly names to the ARNs Security Hub offers here (never hand-built: the ARN forms
 * differ by standard, version and partition). Without a version, the newest offered version wins.
 */
export function resolveStandards(
  choices: StandardChoice[],
  available: AvailableStandard[]
): { resolved: AvailableStandard[]; unknown: string[] } {
  const resolved: AvailableStandard[] = []
  const unknown: string[] = []
  for (const choice of choices) {
    const candidates = available
      .filter(
        (s) =>
          s.slug === choice.slug && (choice.version === undefined || s.version === choice.version)
      )
      .sort((a, b) => compareVersions(b.version, a.version))
    const pick = candidates[0]
    if (pick === undefined) unknown.push(choice.raw)
    else if (!resolved.some((s) => s.arn === pick.arn)) resolved.push(pick)
  }
  return { resolved, unknown }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

/** What a failed or incomplete standard needs, in words a user can act on. */
export function explainStandardStatus(reason: string | undefined): string {
  switch (reason) {
    case 'NO_AVAILABLE_CONFIGURATION_RECORDER':
      return 'AWS Config is not recording in this region; turn on AWS Config recording (Security Hub controls are AWS Config rules)'
    case 'MAXIMUM_NUMBER_OF_CONFIG_RULES_EXCEEDED':
      return 'the account has reached its AWS Config rules quota; remove unused rules or request a quota increase'
    case 'INTERNAL_ERROR':
      return 'Security Hub reported an internal error; run setup again later'
    default:
      return reason ? `Security Hub gave reason ${reason}` : 'Security Hub gave no reason'
  }
}
