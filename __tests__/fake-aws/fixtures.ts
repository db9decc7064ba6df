/**
 * Realistic finding factories: Inspector `Finding`s (as ListFindings returns them, dates as Date
 * objects like the SDK gives them back) and ECR basic-scan findings.
 */
import { createHash } from 'node:crypto'
import type {
  Finding,
  FixAvailable,
  PackageManager,
  VulnerablePackage
} from '@aws-sdk/client-inspector2'
import type { ImageScanFinding } from '@aws-sdk/client-ecr'
import type { BasicFindingSpec, InspectorFindingSpec } from './scenario.js'

/** The image a finding is about. */
export interface ImageArtifact {
  account: string
  region: string
  repositoryName: string
  imageDigest: string
  imageTags?: string[]
  pushedAt: Date
  /** `amd64`, `arm64`, … */
  architecture?: string
  /** Inspector's OS label, e.g. `DEBIAN_12`. */
  platform?: string
  /** first/lastObservedAt; default pushedAt + 60 s. */
  observedAt?: Date
}

export function ecrImageResourceId(a: {
  region: string
  account: string
  repositoryName: string
  imageDigest: string
}): string {
  return `arn:aws:ecr:${a.region}:${a.account}:repository/${a.repositoryName}/${a.imageDigest}`
}

/** Same inputs → same ARN, so tests can assert on ARNs across runs. */
export function findingArnFor(spec: InspectorFindingSpec, artifact: ImageArtifact): string {
  const id = createHash('sha256')
    .update(
      [
        artifact.account,
        artifact.region,
        artifact.repositoryName,
        artifact.imageDigest,
        spec.vulnerabilityId,
        spec.packageName,
        spec.installedVersion
      ].join('|')
    )
    .digest('hex')
    .slice(0, 32)
  return `arn:aws:inspector2:${artifact.region}:${artifact.account}:finding/${id}`
}

export function inspectorFinding(spec: InspectorFindingSpec, artifact: ImageArtifact): Finding {
  const observedAt = artifact.observedAt ?? new Date(artifact.pushedAt.getTime() + 60_000)
  const source = spec.source ?? (spec.vulnerabilityId.startsWith('GHSA') ? 'GITHUB' : 'NVD')
  const sourceUrl = sourceUrlFor(source, spec.vulnerabilityId)
  const cvssVector = spec.cvssVector ?? defaultCvssVector(spec.inspectorScore)
  const packages = [
    {
      name: spec.packageName,
      installedVersion: spec.installedVersion,
      fixedInVersion: spec.fixedInVersion
    },
    ...(spec.extraPackages ?? [])
  ].map((p) => vulnerablePackage(spec, p))
  const fixAvailable = fixAvailability(packages)
  const finding: Finding = {
    findingArn: findingArnFor(spec, artifact),
    awsAccountId: artifact.account,
    type: 'PACKAGE_VULNERABILITY',
    title: spec.title ?? `${spec.vulnerabilityId} - ${packages.map((p) => p.name).join(', ')}`,
    description:
      spec.description ??
      `A vulnerability was found in ${spec.packageName} ${spec.installedVersion} (${spec.vulnerabilityId}).`,
    severity: spec.severity,
    status: spec.status ?? 'ACTIVE',
    firstObservedAt: observedAt,
    lastObservedAt: observedAt,
    updatedAt: observedAt,
    inspectorScore: spec.inspectorScore,
    inspectorScoreDetails: {
      adjustedCvss: {
        scoreSource: source,
        cvssSource: source,
        version: '3.1',
        score: spec.inspectorScore,
        scoringVector: cvssVector,
        adjustments: []
      }
    },
    remediation: {
      recommendation: {
        text:
          fixAvailable === 'NO'
            ? 'None Provided'
            : 'Upgrade your installed software packages to the proposed fixed in version and release.',
        Url: sourceUrl
      }
    },
    fixAvailable,
    exploitAvailable: spec.exploitAvailable,
    epss: { score: spec.epss },
    packageVulnerabilityDetails: {
      vulnerabilityId: spec.vulnerabilityId,
      source,
      sourceUrl,
      vendorSeverity: spec.vendorSeverity ?? spec.severity,
      vendorCreatedAt: new Date(Date.UTC(2024, 0, 10)),
      vendorUpdatedAt: new Date(Date.UTC(2024, 5, 1)),
      cvss: [{ baseScore: spec.inspectorScore, scoringVector: cvssVector, version: '3.1', source }],
      referenceUrls: spec.referenceUrls ?? [sourceUrl],
      relatedVulnerabilities: [],
      vulnerablePackages: packages
    },
    resources: [
      {
        type: 'AWS_ECR_CONTAINER_IMAGE',
        id: ecrImageResourceId(artifact),
        partition: 'aws',
        region: artifact.region,
        details: {
          awsEcrContainerImage: {
            repositoryName: artifact.repositoryName,
            imageHash: artifact.imageDigest,
            registry: artifact.account,
            imageTags: artifact.imageTags ?? [],
            pushedAt: artifact.pushedAt,
            architecture: artifact.architecture ?? 'amd64',
            platform: artifact.platform ?? 'DEBIAN_12'
          }
        }
      }
    ]
  }
  if (spec.exploitAvailable === 'YES') {
    finding.exploitabilityDetails = {
      lastKnownExploitAt: new Date(observedAt.getTime() - 30 * 86_400_000)
    }
  }
  return finding
}

function vulnerablePackage(
  spec: InspectorFindingSpec,
  p: { name: string; installedVersion: string; fixedInVersion?: string | undefined }
): VulnerablePackage {
  const pkg: VulnerablePackage = {
    name: p.name,
    version: p.installedVersion,
    packageManager: spec.packageManager,
    // Inspector's literal for "no fixed version published".
    fixedInVersion: p.fixedInVersion ?? 'NotAvailable'
  }
  if (spec.packageManager === 'OS') {
    pkg.arch = 'x86_64'
    pkg.epoch = 0
    if (spec.release !== undefined) pkg.release = spec.release
  }
  if (spec.filePath !== undefined) pkg.filePath = spec.filePath
  if (p.fixedInVersion !== undefined) {
    pkg.remediation = remediationCommand(spec.packageManager, p.name, p.fixedInVersion)
  }
  return pkg
}

function fixAvailability(packages: VulnerablePackage[]): FixAvailable {
  const fixed = packages.filter((p) => p.fixedInVersion !== 'NotAvailable').length
  if (fixed === packages.length) return 'YES'
  return fixed === 0 ? 'NO' : 'PARTIAL'
}

function remediationCommand(manager: PackageManager, name: string, version: string): string {
  switch (manager) {
    case 'NPM':
    case 'NODEPKG':
      return `npm install ${name}@${version}`
    case 'YARN':
      return `yarn upgrade ${name}@${version}`
    case 'PIP':
    case 'PYTHONPKG':
      return `pip install ${name}==${version}`
    case 'OS':
      return `apt-get install --only-upgrade ${name}=${version}`
    default:
      return `Upgrade ${name} to ${version}`
  }
}

function sourceUrlFor(source: string, vulnerabilityId: string): string {
  switch (source) {
    case 'DEBIAN_CVE':
      return `https://security-tracker.debian.org/tracker/${vulnerabilityId}`
    case 'ALPINE_SECDB':
      return `https://security.alpinelinux.org/vuln/${vulnerabilityId}`
    case 'GITHUB':
      return `https://github.com/advisories/${vulnerabilityId}`
    default:
      return `https://nvd.nist.gov/vuln/detail/${vulnerabilityId}`
  }
}

function defaultCvssVector(score: number): string {
  if (score >= 9) return 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
  if (score >= 7) return 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'
  if (score >= 4) return 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N'
  return 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N'
}

/** Real CVEs in packages that show up in typical Debian/Alpine/Node images. */
export const KNOWN_VULNERABILITIES = {
  opensslCritical: {
    vulnerabilityId: 'CVE-2024-5535',
    severity: 'CRITICAL',
    packageName: 'openssl',
    installedVersion: '3.0.11',
    fixedInVersion: '3.0.14-1~deb12u2',
    release: '1~deb12u1',
    packageManager: 'OS',
    inspectorScore: 9.1,
    epss: 0.0041,
    exploitAvailable: 'NO',
    description:
      'Issue summary: Calling the OpenSSL API function SSL_select_next_proto with an empty supported client protocols buffer may cause a crash or memory contents to be sent to the peer.'
  },
  opensslHigh: {
    vulnerabilityId: 'CVE-2024-6119',
    severity: 'HIGH',
    packageName: 'libssl3',
    installedVersion: '3.0.11',
    fixedInVersion: '3.0.14-1~deb12u2',
    release: '1~deb12u1',
    packageManager: 'OS',
    inspectorScore: 7.5,
    epss: 0.0025,
    exploitAvailable: 'NO',
    description:
      'Applications performing certificate name checks (e.g., TLS clients checking server certificates) may attempt to read an invalid memory address resulting in abnormal termination.'
  },
  opensslLow: {
    vulnerabilityId: 'CVE-2024-2511',
    severity: 'LOW',
    packageName: 'openssl',
    installedVersion: '3.0.11',
    fixedInVersion: '3.0.13-1~deb12u1',
    packageManager: 'OS',
    inspectorScore: 3.7,
    epss: 0.0009,
    exploitAvailable: 'NO',
    description:
      'Some non-default TLS server configurations can cause unbounded memory growth when processing TLSv1.3 sessions.'
  },
  glibcLooneyTunables: {
    vulnerabilityId: 'CVE-2023-4911',
    severity: 'HIGH',
    packageName: 'libc6',
    installedVersion: '2.36-9+deb12u1',
    fixedInVersion: '2.36-9+deb12u3',
    packageManager: 'OS',
    inspectorScore: 7.8,
    epss: 0.7352,
    exploitAvailable: 'YES',
    description:
      'A buffer overflow was discovered in the GNU C Library\'s dynamic loader ld.so while processing the GLIBC_TUNABLES environment variable ("Looney Tunables").'
  },
  zlibCritical: {
    vulnerabilityId: 'CVE-2022-37434',
    severity: 'CRITICAL',
    packageName: 'zlib1g',
    installedVersion: '1:1.2.11.dfsg-2+deb11u1',
    fixedInVersion: '1:1.2.11.dfsg-2+deb11u2',
    packageManager: 'OS',
    inspectorScore: 9.8,
    epss: 0.0108,
    exploitAvailable: 'YES',
    description:
      'zlib through 1.2.12 has a heap-based buffer over-read or buffer overflow in inflate in inflate.c via a large gzip header extra field.'
  },
  zlibNoFix: {
    vulnerabilityId: 'CVE-2023-45853',
    severity: 'CRITICAL',
    packageName: 'zlib1g',
    installedVersion: '1:1.2.13.dfsg-1',
    packageManager: 'OS',
    inspectorScore: 9.8,
    epss: 0.0052,
    exploitAvailable: 'NO',
    description:
      'MiniZip in zlib through 1.3 has an integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_64 via a long filename, comment, or extra field.'
  },
  busyboxCritical: {
    vulnerabilityId: 'CVE-2022-48174',
    severity: 'CRITICAL',
    packageName: 'busybox',
    installedVersion: '1.36.0-r5',
    fixedInVersion: '1.36.1-r1',
    packageManager: 'OS',
    source: 'ALPINE_SECDB',
    inspectorScore: 9.8,
    epss: 0.0031,
    exploitAvailable: 'NO',
    description:
      'There is a stack overflow vulnerability in ash.c:6030 in busybox before 1.35. In the environment of Internet of Vehicles, this vulnerability can be executed from command to arbitrary code execution.'
  },
  busyboxMedium: {
    vulnerabilityId: 'CVE-2023-42363',
    severity: 'MEDIUM',
    packageName: 'busybox',
    installedVersion: '1.36.1-r2',
    fixedInVersion: '1.36.1-r16',
    packageManager: 'OS',
    source: 'ALPINE_SECDB',
    inspectorScore: 5.5,
    epss: 0.0004,
    exploitAvailable: 'NO',
    description:
      'A use-after-free vulnerability was discovered in xasprintf function in xfuncs_printf.c:344 in BusyBox v.1.36.1.'
  },
  expatCritical: {
    vulnerabilityId: 'CVE-2024-45490',
    severity: 'CRITICAL',
    packageName: 'libexpat1',
    installedVersion: '2.5.0-1',
    fixedInVersion: '2.5.0-1+deb12u1',
    packageManager: 'OS',
    inspectorScore: 9.8,
    epss: 0.0017,
    exploitAvailable: 'NO',
    description:
      'An issue was discovered in libexpat before 2.6.3. xmlparse.c does not reject a negative length for XML_ParseBuffer.'
  },
  ncursesNoFix: {
    vulnerabilityId: 'CVE-2023-50495',
    severity: 'MEDIUM',
    packageName: 'libtinfo6',
    installedVersion: '6.4-4',
    packageManager: 'OS',
    inspectorScore: 6.5,
    epss: 0.0006,
    exploitAvailable: 'NO',
    description:
      'NCurse v6.4-20230418 was discovered to contain a segmentation fault via the component _nc_wrap_entry().'
  },
  aptLow: {
    vulnerabilityId: 'CVE-2011-3374',
    severity: 'LOW',
    packageName: 'apt',
    installedVersion: '2.6.1',
    packageManager: 'OS',
    inspectorScore: 3.7,
    epss: 0.0019,
    exploitAvailable: 'NO',
    description:
      'It was found that apt-key in apt, all versions, do not correctly validate gpg keys with the master keyring, leading to a potential man-in-the-middle attack.'
  },
  shadowLow: {
    vulnerabilityId: 'CVE-2023-29383',
    severity: 'LOW',
    packageName: 'login',
    installedVersion: '1:4.13+dfsg1-1',
    packageManager: 'OS',
    inspectorScore: 3.3,
    epss: 0.0004,
    exploitAvailable: 'NO',
    description:
      'In Shadow 4.13, it is possible to inject control characters into fields provided to the SUID program chfn (change finger).'
  },
  bracesHigh: {
    vulnerabilityId: 'CVE-2024-4068',
    severity: 'HIGH',
    packageName: 'braces',
    installedVersion: '3.0.2',
    fixedInVersion: '3.0.3',
    packageManager: 'NPM',
    filePath: 'app/node_modules/braces/package.json',
    inspectorScore: 7.5,
    epss: 0.0007,
    exploitAvailable: 'NO',
    description:
      'The NPM package `braces` fails to limit the number of characters it can handle, which could lead to Memory Exhaustion.'
  },
  crossSpawnHigh: {
    vulnerabilityId: 'CVE-2024-21538',
    severity: 'HIGH',
    packageName: 'cross-spawn',
    installedVersion: '7.0.3',
    fixedInVersion: '7.0.5',
    packageManager: 'NPM',
    filePath: 'app/node_modules/cross-spawn/package.json',
    inspectorScore: 7.5,
    epss: 0.0011,
    exploitAvailable: 'NO',
    description:
      'Versions of the package cross-spawn before 7.0.5 are vulnerable to Regular Expression Denial of Service (ReDoS) due to improper input sanitization.'
  },
  minimistCritical: {
    vulnerabilityId: 'CVE-2021-44906',
    severity: 'CRITICAL',
    packageName: 'minimist',
    installedVersion: '1.2.5',
    fixedInVersion: '1.2.6',
    packageManager: 'NPM',
    filePath: 'app/node_modules/minimist/package.json',
    inspectorScore: 9.8,
    epss: 0.0143,
    exploitAvailable: 'YES',
    description:
      'Minimist <=1.2.5 is vulnerable to Prototype Pollution via file index.js, function setKey() (lines 69-95).'
  },
  expressMedium: {
    vulnerabilityId: 'CVE-2024-29041',
    severity: 'MEDIUM',
    packageName: 'express',
    installedVersion: '4.18.2',
    fixedInVersion: '4.19.2',
    packageManager: 'NPM',
    filePath: 'app/node_modules/express/package.json',
    inspectorScore: 6.1,
    epss: 0.0008,
    exploitAvailable: 'NO',
    description:
      'Express.js minimalist web framework for node. Versions of Express.js prior to 4.19.0 are vulnerable to open redirects in `res.location()` / `res.redirect()`.'
  },
  toughCookieMedium: {
    vulnerabilityId: 'CVE-2023-26136',
    severity: 'MEDIUM',
    packageName: 'tough-cookie',
    installedVersion: '4.1.2',
    fixedInVersion: '4.1.3',
    packageManager: 'NPM',
    filePath: 'app/node_modules/tough-cookie/package.json',
    inspectorScore: 6.5,
    epss: 0.0015,
    exploitAvailable: 'NO',
    description:
      'Versions of the package tough-cookie before 4.1.3 are vulnerable to Prototype Pollution due to improper handling of Cookies when using CookieJar in rejectPublicSuffixes=false mode.'
  },
  semverUntriaged: {
    vulnerabilityId: 'GHSA-c2qf-rxjj-qqgw',
    severity: 'UNTRIAGED',
    packageName: 'semver',
    installedVersion: '7.5.1',
    fixedInVersion: '7.5.2',
    packageManager: 'NPM',
    filePath: 'app/node_modules/semver/package.json',
    inspectorScore: 0,
    epss: 0.0012,
    exploitAvailable: 'NO',
    description: 'semver vulnerable to Regular Expression Denial of Service.'
  }
} as const satisfies Record<string, InspectorFindingSpec>

/**
 * Markdown/HTML-injection payloads in every free-text field, for escaping tests of reports,
 * step summaries and PR comments.
 */
export const HOSTILE_VULNERABILITY: InspectorFindingSpec = {
  vulnerabilityId: 'GHSA-x55x-xss0-pwn3',
  severity: 'HIGH',
  packageName: 'left-pad-<b>evil</b>',
  installedVersion: '1.0.0|2',
  fixedInVersion: '1.0.1`; rm -rf /`',
  packageManager: 'NPM',
  filePath: 'app/node_modules/left-pad/package.json',
  inspectorScore: 8.1,
  epss: 0.0421,
  exploitAvailable: 'YES',
  title:
    'GHSA-x55x-xss0-pwn3 - <img src=x onerror=alert(1)> | pipe | `code` [click](javascript:alert(1))',
  description: [
    '<script>alert("xss")</script> Prototype pollution in `merge()`.',
    '| col1 | col2 |\n|---|---|\n| injected | table |',
    '[totally safe](javascript:alert(document.cookie)) ![x](https://evil.example/pixel.png)',
    '@channel #1 <!-- hidden comment --> ```\nfenced\n``` *bold* _it_ ~~gone~~ \\ backslash',
    '<details open><summary>click</summary>hidden</details>'
  ].join('\n'),
  referenceUrls: ['javascript:alert(1)', 'https://example.com/a)b](c'],
  vendorSeverity: 'HIGH <b>!</b>'
}

export function basicScanFinding(spec: BasicFindingSpec): ImageScanFinding {
  const attributes = [
    { key: 'package_version', value: spec.packageVersion },
    { key: 'package_name', value: spec.packageName }
  ]
  if (spec.cvss3Vector !== undefined)
    attributes.push({ key: 'CVSS3_VECTOR', value: spec.cvss3Vector })
  if (spec.cvss3Score !== undefined) {
    attributes.push({ key: 'CVSS3_SCORE', value: spec.cvss3Score.toFixed(1) })
  }
  return {
    name: spec.name,
    description:
      spec.description ?? `${spec.name} affects ${spec.packageName} ${spec.packageVersion}.`,
    uri: `https://security-tracker.debian.org/tracker/${spec.name}`,
    severity: spec.severity,
    attributes
  }
}

export const KNOWN_BASIC_FINDINGS = {
  zlibCritical: {
    name: 'CVE-2022-37434',
    severity: 'CRITICAL',
    packageName: 'zlib',
    packageVersion: '1:1.2.11.dfsg-2+deb11u1',
    cvss3Score: 9.8,
    cvss3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
  },
  glibcHigh: {
    name: 'CVE-2023-4911',
    severity: 'HIGH',
    packageName: 'glibc',
    packageVersion: '2.36-9+deb12u1',
    cvss3Score: 7.8,
    cvss3Vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H'
  },
  opensslMedium: {
    name: 'CVE-2023-5678',
    severity: 'MEDIUM',
    packageName: 'openssl',
    packageVersion: '3.0.11-1~deb12u1',
    cvss3Score: 5.3
  },
  aptLow: {
    name: 'CVE-2011-3374',
    severity: 'LOW',
    packageName: 'apt',
    packageVersion: '2.6.1',
    cvss3Score: 3.7
  },
  tarInformational: {
    name: 'CVE-2005-2541',
    severity: 'INFORMATIONAL',
    packageName: 'tar',
    packageVersion: '1.34+dfsg-1.2'
  }
} as const satisfies Record<string, BasicFindingSpec>

// Roughly what a mid-sized Debian + Node image looks like: few criticals, many mediums/lows.
const SEVERITY_MIX: readonly [InspectorFindingSpec['severity'], number, number][] = [
  ['CRITICAL', 0.05, 9.1],
  ['HIGH', 0.2, 7.5],
  ['MEDIUM', 0.4, 5.5],
  ['LOW', 0.25, 3.1],
  ['INFORMATIONAL', 0.05, 0],
  ['UNTRIAGED', 0.05, 0]
]
const OS_PACKAGES = [
  'openssl',
  'libc6',
  'zlib1g',
  'libexpat1',
  'libtinfo6',
  'curl',
  'libxml2',
  'tar'
]
const NPM_PACKAGES = [
  'braces',
  'semver',
  'cross-spawn',
  'express',
  'tough-cookie',
  'minimist',
  'ws'
]

/** `n` distinct, deterministic finding specs with a realistic severity mix. */
export function manyFindingSpecs(n: number, seed = 1): InspectorFindingSpec[] {
  const random = mulberry32(seed)
  return Array.from({ length: n }, (_, i) => {
    const roll = random()
    let cumulative = 0
    let picked = SEVERITY_MIX[SEVERITY_MIX.length - 1] ?? ['LOW', 1, 3]
    for (const entry of SEVERITY_MIX) {
      cumulative += entry[1]
      if (roll < cumulative) {
        picked = entry
        break
      }
    }
    const [severity, , baseScore] = picked
    const npm = random() < 0.4
    const pool = npm ? NPM_PACKAGES : OS_PACKAGES
    const packageName = pool[Math.floor(random() * pool.length)] ?? 'openssl'
    const hasFix = random() < 0.7
    const spec: InspectorFindingSpec = {
      // Sequence number keeps the ids unique; the year spreads them like real data.
      vulnerabilityId: `CVE-${2019 + (i % 6)}-${String(10000 + seed * 1000 + i).padStart(5, '0')}`,
      severity,
      packageName,
      installedVersion: `${1 + (i % 4)}.${i % 10}.${i % 7}`,
      packageManager: npm ? 'NPM' : 'OS',
      inspectorScore: baseScore === 0 ? 0 : Math.round((baseScore + random() * 0.8) * 10) / 10,
      epss: Math.round(random() * random() * 10_000) / 10_000,
      exploitAvailable: random() < 0.08 ? 'YES' : 'NO'
    }
    if (hasFix) spec.fixedInVersion = `${1 + (i % 4)}.${(i % 10) + 1}.0`
    return spec
  })
}

export function manyFindings(n: number, artifact: ImageArtifact, seed = 1): Finding[] {
  return manyFindingSpecs(n, seed).map((spec) => inspectorFinding(spec, artifact))
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
