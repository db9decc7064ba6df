import type { IdentifiedFinding, Resource } from './finding.js'
import { ascii, clean } from './text.js'

/** A region name and nothing else: it becomes part of a host name in the console link. */
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/

/** The Security Hub console filtered to exactly this finding (`Id EQUALS <id>`). */
export function consoleLink(id: string, region: string): string {
  const host = region.startsWith('cn-')
    ? 'console.amazonaws.cn'
    : region.startsWith('us-gov-')
      ? 'console.amazonaws-us-gov.com'
      : region + '.console.aws.amazon.com'
  return `https://${host}/securityhub/home?region=${region}#/findings?search=Id%3D%5Coperator%5C%3AEQUALS%5C%3A${encodeURIComponent(id)}`
}

/** The name people recognise: `repo@sha256:<12 hex>` for an image, else the ARN's resource part. */
function shortName({ Id = '', Details }: Resource): string {
  const image = Details?.AwsEcrContainerImage
  return image?.RepositoryName
    ? `${image.RepositoryName}@${image.ImageDigest?.slice(0, 19)}`
    : Id.split(':').slice(5).join(':') || Id
}

/**
 * Subject `[CRITICAL] CVE-2024-1234 in app@sha256:0123456789ab (123456789012)`, under 100
 * characters; the middle part is what gets cut. The body is plain text, one `Label: value` line per
 * field, every value from the finding passed through `clean`: the message has exactly our lines.
 */
export function renderNotification(f: IdentifiedFinding, fallbackRegion: string) {
  const severity = clean(f.Severity?.Label, 13)
  const region = REGION.test(String(f.Region)) ? String(f.Region) : fallbackRegion
  const resources = f.Resources ?? []
  const fix = f.Remediation?.Recommendation
  const account = clean(f.AwsAccountId, 12)
  const head = `[${ascii(severity, 13)}] `
  const tail = ` (${ascii(account, 12)})`
  const what = clean(f.Vulnerabilities?.[0]?.Id || f.Title, 80)
  const where = resources[0] ? ' in ' + shortName(resources[0]) : ''
  const lines = [
    ['Severity', severity],
    ['Title', f.Title],
    ...resources.slice(0, 5).map((r) => ['Resource', `${r.Type} ${r.Id}`]),
    ['Account', account],
    ['Region', region],
    ['Product', f.ProductName],
    ['First seen', f.FirstObservedAt],
    ['Last seen', f.LastObservedAt],
    // Inspector's own remediation text is often "None Provided"; the fixed version is the fix.
    ...(f.Vulnerabilities ?? [])
      .flatMap((v) => v.VulnerablePackages ?? [])
      .slice(0, 5)
      .map((p) => ['Package', `${p.Name} ${p.Version}, fixed in ${p.FixedInVersion ?? 'none'}`]),
    ['Remediation', fix?.Text],
    // Only plain https links: a provider's text must not smuggle other schemes in.
    ['Remediation URL', /^https:\/\/[!-~]{1,999}$/.test(String(fix?.Url)) && fix?.Url],
    ['Description', clean(f.Description, 800)],
    ['Security Hub', consoleLink(f.Id, region)],
    ['Finding ID', f.Id]
  ]
  return {
    subject: head + ascii(what + where, 99 - head.length - tail.length) + tail,
    body: lines
      .map(([label, value]) => value && `${label}: ${clean(value, 1e3)}`)
      .filter(Boolean)
      .join('\n')
  }
}
