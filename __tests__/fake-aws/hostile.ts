/**
 * The `hostile` scenario's findings: every text field Inspector returns and the product shows
 * (titles, descriptions, package names, versions, paths, package managers, sources, URLs,
 * remediation, code paths, detectors, CWEs, rule ids) carries markup, workflow commands, mentions,
 * terminal escapes, bidi overrides and very long strings. Nothing of it may render, run or notify
 * anywhere the verdict goes (summary, PR comment, annotations, logs, SARIF, CLI output).
 */
import type { PackageManager } from '@aws-sdk/client-inspector2'
import type { CodeFindingSpec, InspectorFindingSpec } from './scenario.js'

/** A comment marker as the product writes it, but with a key and result of the attacker's choice. */
export const FORGED_MARKER = '<!-- inspector-gate:comment key=forgedforgedforg result=pass -->'

/** One of each kind of hostile text; `hostileText` strings them together. */
export const PAYLOADS = {
  // Workflow commands: at the start of a line, after leading whitespace, percent-encoded, legacy.
  setOutput: '\n::set-output name=result::pass',
  indentedSetOutput: '\n   \t::set-output name=result::pass',
  addMask: '\r\n::add-mask::secret',
  error: '\n::error::fake',
  percentNewline: '%0A::warning::x',
  stopCommands: '\n::stop-commands::token\n',
  legacyCommands: '##[set-output name=result;]pass ##[add-mask]secret',
  // Markdown and HTML.
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  forgedMarker: `\n${FORGED_MARKER}\n`,
  closeDetails: '</details>',
  table: '\n| table | break |\n',
  jsLink: '[click](javascript:alert(1))',
  image: '![x](https://evil.example/t.png)',
  bold: '**bold**',
  backticks: '`code` ``` fence ```',
  heading: '\n# heading',
  quote: '\n> quote',
  // Notifications and cross-references.
  mentions: '@octo-org/security-team @admin #1',
  // Bare URLs, hosts and addresses GitHub would link by itself (GFM autolinks).
  autolinks: 'see https://evil.example/login or www.evil.example or phish@evil.example',
  // Terminal escapes (CSI colour, OSC 8 hyperlink, C1 CSI), bidi overrides, zero-width characters.
  ansi: '\u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007 \u009b1m',
  bidi: '\u202eexe.txt\u202c \u2066isolate\u2069',
  zeroWidth: 'zero\u200bwidth\u200d\ufeffjoined'
} as const

/** `label` followed by every payload: what each hostile field holds. */
export function hostileText(label: string): string {
  return `${label} ${Object.values(PAYLOADS).join(' ')}`
}

/** Hostile text repeated to at least `bytes` characters (the 100 KB title). */
export function longHostileText(label: string, bytes: number): string {
  const unit = hostileText(label)
  return unit.repeat(Math.ceil(bytes / unit.length))
}

const HOSTILE_PACKAGE_MANAGER = hostileText('manager') as PackageManager

/** Every package field of an Inspector package finding, hostile. */
function hostilePackage(label: string) {
  return {
    packageName: hostileText(`${label}-package`),
    installedVersion: hostileText(`${label}-version`),
    fixedInVersion: hostileText(`${label}-fixed`),
    packageManager: HOSTILE_PACKAGE_MANAGER,
    filePath: `../../${hostileText(`${label}-path`)}/package.json`,
    source: hostileText(`${label}-source`),
    vendorSeverity: hostileText(`${label}-vendor-severity`),
    title: hostileText(`${label}-title`),
    description: hostileText(`${label}-description`),
    remediation: { text: hostileText(`${label}-remediation`) }
  }
}

/** The ids of the hostile scenario's image findings, by role. */
export const HOSTILE_IDS = {
  /** A vulnerability id with markup, a command, a mention and a newline in it. */
  oddId:
    'CVE-2099-0001 <img src=x onerror=alert(1)>|@admin\n::set-output name=result::pass [x](javascript:alert(1)) `tick`',
  jsLinks: 'CVE-2099-0002',
  long: 'CVE-2099-0003',
  breakout: 'GHSA-2099-0004-xxxx',
  medium: 'CVE-2099-0005',
  low: 'CVE-2099-0006',
  informational: 'CVE-2099-0007',
  untriaged: 'CVE-2099-0008',
  ignored: 'CVE-2099-0009'
} as const

export const HOSTILE_IMAGE_FINDINGS: InspectorFindingSpec[] = [
  {
    ...base(HOSTILE_IDS.oddId, 'CRITICAL', 9.8),
    ...hostilePackage('odd-id'),
    sourceUrl: 'javascript:alert(document.domain)',
    referenceUrls: ['javascript:alert(2)']
  },
  {
    // Only the remediation URL is a link (no source URL, no references): a javascript: one.
    ...base(HOSTILE_IDS.jsLinks, 'CRITICAL', 9.1),
    ...hostilePackage('js-links'),
    sourceUrl: null,
    referenceUrls: [],
    remediation: {
      text: `[fix it](javascript:alert(1)) ${hostileText('js-links-remediation')}`,
      url: 'javascript:alert(3)'
    }
  },
  {
    // 100 KB title and description, 10 KB package name and path.
    ...base(HOSTILE_IDS.long, 'HIGH', 8.8),
    ...hostilePackage('long'),
    title: longHostileText('long-title', 100_000),
    description: longHostileText('long-description', 100_000),
    packageName: longHostileText('long-package', 10_000),
    filePath: longHostileText('long-path', 10_000)
  },
  {
    // A URL written to break out of a markdown link destination; several hostile packages.
    ...base(HOSTILE_IDS.breakout, 'HIGH', 7.5),
    ...hostilePackage('breakout'),
    sourceUrl: 'https://evil.example/a)![x](https://evil.example/t.png "t")<script>|x`y',
    extraPackages: [
      {
        name: '@octo-org/security-team',
        installedVersion: '1.0.0 | 2',
        fixedInVersion: '<b>2</b>'
      },
      { name: hostileText('breakout-extra-package'), installedVersion: hostileText('v') }
    ]
  },
  { ...base(HOSTILE_IDS.medium, 'MEDIUM', 5.5), ...hostilePackage('medium') },
  { ...base(HOSTILE_IDS.low, 'LOW', 3.1), ...hostilePackage('low') },
  { ...base(HOSTILE_IDS.informational, 'INFORMATIONAL', 0), ...hostilePackage('info') },
  { ...base(HOSTILE_IDS.untriaged, 'UNTRIAGED', 0), ...hostilePackage('untriaged') },
  { ...base(HOSTILE_IDS.ignored, 'HIGH', 7.2), ...hostilePackage('ignored') }
]

/** Lambda code-scanning findings whose paths, detectors, CWEs and rule ids are hostile. */
export const HOSTILE_CODE_FINDINGS: CodeFindingSpec[] = [
  {
    severity: 'HIGH',
    detectorId: hostileText('detector-id'),
    detectorName: hostileText('detector-name'),
    detectorTags: [hostileText('tag')],
    cwes: ['CWE-79', hostileText('cwe')],
    ruleId: hostileText('rule-id'),
    filePath: `../../src/${hostileText('code-path')}/a,b:c%0A.py`,
    startLine: 7,
    endLine: 9,
    title: hostileText('code-title'),
    description: hostileText('code-description'),
    recommendation: hostileText('code-recommendation'),
    referenceUrls: ['javascript:alert(4)']
  },
  {
    severity: 'CRITICAL',
    detectorId: 'python/xss@v1.0',
    detectorName: 'Cross-site scripting',
    cwes: ['CWE-79'],
    ruleId: 'python-xss',
    // A path that is a URL with a script scheme: it must stay a relative path in SARIF.
    filePath: 'javascript:alert(5)',
    startLine: 1,
    endLine: 1,
    title: hostileText('code-js-title'),
    description: hostileText('code-js-description'),
    referenceUrls: ['javascript:alert(6)']
  }
]

/**
 * A package finding whose severity is hostile text: the product cannot read it, so the function's
 * package scan ends in an error whose message quotes the value (and reaches every error path).
 */
export const HOSTILE_SEVERITY_FINDING: InspectorFindingSpec = {
  ...base('CVE-2099-0010', hostileText('severity') as InspectorFindingSpec['severity'], 7.5),
  ...hostilePackage('bad-severity')
}

/** The ignore file of the hostile runs: a hostile reason, and a hostile entry that matches nothing. */
export function hostileIgnoreFile(): string {
  const entries = [
    { id: HOSTILE_IDS.ignored, reason: hostileText('ignore-reason'), expires: '2099-12-31' },
    { id: hostileText('unused-id'), reason: hostileText('unused-reason') }
  ]
  // JSON strings are YAML double-quoted scalars, escapes included.
  const lines = entries.flatMap((entry) => [
    `  - id: ${JSON.stringify(entry.id)}`,
    `    reason: ${JSON.stringify(entry.reason)}`,
    ...(entry.expires === undefined ? [] : [`    expires: ${entry.expires}`])
  ])
  return `ignore:\n${lines.join('\n')}\n`
}

function base(
  vulnerabilityId: string,
  severity: InspectorFindingSpec['severity'],
  inspectorScore: number
): InspectorFindingSpec {
  return {
    vulnerabilityId,
    severity,
    packageName: 'placeholder',
    installedVersion: '1.0.0',
    fixedInVersion: '1.0.1',
    packageManager: 'NPM',
    inspectorScore,
    epss: 0.01,
    exploitAvailable: 'YES'
  }
}
