/**
 * The vulnerability catalogue the fake Inspector Scan (ScanSbom) matches SBOM components against,
 * keyed by package URL without qualifiers or subpath (`pkg:type/namespace/name@version`). The
 * records are real advisories as NVD and CISA's KEV catalogue publish them (scores, vectors, CWEs,
 * dates), with EPSS values of the kind FIRST publishes; the fixed versions are the upstream or
 * distribution releases that fixed them. `catalog.ts` holds no vulnerability data (it describes
 * registries and images), and the finding fixtures in `fixtures.ts` are keyed by image, not purl,
 * so this small list is separate.
 */

export type SbomSeverity = 'critical' | 'high' | 'medium' | 'low' | 'other'

export interface SbomVulnerability {
  id: string
  severity: SbomSeverity
  /** NVD CVSS v3.1 base score and vector; absent while NVD has not scored it (severity `other`). */
  cvss?: { score: number; vector: string }
  cwes: number[]
  description: string
  /** NVD publication and last-modified dates (ISO 8601, seconds). */
  published: string
  updated: string
  /** The version that fixes it for this package; absent when no fix is released. */
  fixedVersion?: string
  epss: number
  /** When an exploit was last seen in public; absent when none is known. */
  exploitLastSeen?: string
  /** CISA KEV dates (YYYY-MM-DD), for vulnerabilities in that catalogue. */
  kev?: { added: string; due: string }
  advisories: string[]
}

const LOG4J_ADVISORIES = ['https://logging.apache.org/log4j/2.x/security.html']
const OPENSSL_DEBIAN = (id: string) => [
  `https://security-tracker.debian.org/tracker/${id}`,
  'https://www.openssl.org/news/vulnerabilities.html'
]

const CVE_2021_44228: SbomVulnerability = {
  id: 'CVE-2021-44228',
  severity: 'critical',
  cvss: { score: 10, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' },
  cwes: [20, 400, 502, 917],
  description:
    'Apache Log4j2 JNDI features do not protect against attacker-controlled LDAP and other JNDI endpoints (Log4Shell).',
  published: '2021-12-10T10:15:09Z',
  updated: '2025-02-04T15:15:13Z',
  fixedVersion: '2.15.0',
  epss: 0.94358,
  exploitLastSeen: '2025-11-20T08:12:44Z',
  kev: { added: '2021-12-10', due: '2021-12-24' },
  advisories: LOG4J_ADVISORIES
}

const CVE_2021_45046: SbomVulnerability = {
  id: 'CVE-2021-45046',
  severity: 'critical',
  cvss: { score: 9, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H' },
  cwes: [917],
  description:
    'The fix to address CVE-2021-44228 in Apache Log4j 2.15.0 was incomplete in certain non-default configurations.',
  published: '2021-12-14T19:15:07Z',
  updated: '2025-02-04T15:15:13Z',
  fixedVersion: '2.16.0',
  epss: 0.97344,
  exploitLastSeen: '2025-10-02T11:40:03Z',
  kev: { added: '2023-05-01', due: '2023-05-22' },
  advisories: LOG4J_ADVISORIES
}

const CVE_2021_45105: SbomVulnerability = {
  id: 'CVE-2021-45105',
  severity: 'medium',
  cvss: { score: 5.9, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H' },
  cwes: [20, 674],
  description:
    'Apache Log4j2 versions 2.0-alpha1 through 2.16.0 did not protect from uncontrolled recursion from self-referential lookups.',
  published: '2021-12-18T12:15:07Z',
  updated: '2024-11-21T06:31:58Z',
  fixedVersion: '2.17.0',
  epss: 0.62139,
  advisories: LOG4J_ADVISORIES
}

const CVE_2021_44832: SbomVulnerability = {
  id: 'CVE-2021-44832',
  severity: 'medium',
  cvss: { score: 6.6, vector: 'CVSS:3.1/AV:N/AC:H/PR:H/UI:N/S:U/C:H/I:H/A:H' },
  cwes: [20, 74],
  description:
    'Apache Log4j2 versions 2.0-beta7 through 2.17.0 are vulnerable to RCE by an attacker with permission to modify the logging configuration.',
  published: '2021-12-28T20:15:08Z',
  updated: '2024-11-21T06:31:36Z',
  fixedVersion: '2.17.1',
  epss: 0.35512,
  advisories: LOG4J_ADVISORIES
}

/** Debian 11 (bullseye) OpenSSL 1.1.1k-1: the same advisories for openssl and libssl1.1. */
const OPENSSL_1_1_1K: SbomVulnerability[] = [
  {
    id: 'CVE-2021-3711',
    severity: 'critical',
    cvss: { score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    cwes: [120],
    description: 'SM2 decryption buffer overflow in OpenSSL 1.1.1 before 1.1.1l.',
    published: '2021-08-24T15:15:09Z',
    updated: '2024-11-21T06:22:14Z',
    fixedVersion: '1.1.1k-1+deb11u1',
    epss: 0.0261,
    advisories: OPENSSL_DEBIAN('CVE-2021-3711')
  },
  {
    id: 'CVE-2021-3712',
    severity: 'high',
    cvss: { score: 7.4, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H' },
    cwes: [125],
    description: 'Read buffer overruns processing ASN.1 strings in OpenSSL before 1.1.1l.',
    published: '2021-08-24T15:15:09Z',
    updated: '2024-11-21T06:22:15Z',
    fixedVersion: '1.1.1k-1+deb11u1',
    epss: 0.00411,
    exploitLastSeen: '2025-06-15T19:45:29Z',
    advisories: OPENSSL_DEBIAN('CVE-2021-3712')
  },
  {
    id: 'CVE-2022-0778',
    severity: 'high',
    cvss: { score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
    cwes: [835],
    description: 'Infinite loop in BN_mod_sqrt() reachable when parsing certificates.',
    published: '2022-03-15T17:15:08Z',
    updated: '2024-11-21T06:39:21Z',
    fixedVersion: '1.1.1n-0+deb11u1',
    epss: 0.05741,
    exploitLastSeen: '2025-09-01T03:18:55Z',
    advisories: OPENSSL_DEBIAN('CVE-2022-0778')
  },
  {
    id: 'CVE-2022-2068',
    severity: 'critical',
    cvss: { score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    cwes: [78],
    description: 'The c_rehash script does not properly sanitise shell metacharacters.',
    published: '2022-06-21T15:15:09Z',
    updated: '2024-11-21T07:00:18Z',
    fixedVersion: '1.1.1n-0+deb11u3',
    epss: 0.01254,
    advisories: OPENSSL_DEBIAN('CVE-2022-2068')
  }
]

export const SBOM_VULNERABILITIES: Readonly<Record<string, readonly SbomVulnerability[]>> = {
  'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1': [
    CVE_2021_44228,
    CVE_2021_45046,
    CVE_2021_45105,
    CVE_2021_44832
  ],
  'pkg:maven/org.apache.logging.log4j/log4j-core@2.16.0': [CVE_2021_45105, CVE_2021_44832],
  'pkg:deb/debian/openssl@1.1.1k-1': OPENSSL_1_1_1K,
  'pkg:deb/debian/libssl1.1@1.1.1k-1': OPENSSL_1_1_1K,
  'pkg:npm/lodash@4.17.20': [
    {
      id: 'CVE-2021-23337',
      severity: 'high',
      cvss: { score: 7.2, vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' },
      cwes: [94],
      description: 'Command injection via the template function of lodash before 4.17.21.',
      published: '2021-02-15T13:15:12Z',
      updated: '2024-11-21T05:51:31Z',
      fixedVersion: '4.17.21',
      epss: 0.01428,
      advisories: ['https://github.com/advisories/GHSA-35jh-r3h4-6jhm']
    },
    {
      id: 'CVE-2020-28500',
      severity: 'medium',
      cvss: { score: 5.3, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' },
      cwes: [1333],
      description:
        'Regular expression denial of service in toNumber, trim and trimEnd of lodash before 4.17.21.',
      published: '2021-02-15T11:15:12Z',
      updated: '2024-11-21T05:22:55Z',
      fixedVersion: '4.17.21',
      epss: 0.00384,
      advisories: ['https://github.com/advisories/GHSA-29mw-wpgm-hmr9']
    }
  ],
  'pkg:pypi/pyyaml@5.3.1': [
    {
      id: 'CVE-2020-14343',
      severity: 'critical',
      cvss: { score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
      cwes: [20],
      description: 'Arbitrary code execution through full_load / FullLoader in PyYAML before 5.4.',
      published: '2021-02-09T21:15:12Z',
      updated: '2024-11-21T05:02:36Z',
      fixedVersion: '5.4',
      epss: 0.01735,
      advisories: ['https://github.com/advisories/GHSA-8q59-q68h-6hv4']
    }
  ],
  'pkg:golang/golang.org/x/net@v0.7.0': [
    {
      id: 'CVE-2023-39325',
      severity: 'high',
      cvss: { score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
      cwes: [770],
      description:
        'Excessive resource consumption in HTTP/2 servers by rapidly creating and resetting streams.',
      published: '2023-10-11T22:15:09Z',
      updated: '2024-11-21T08:15:12Z',
      fixedVersion: '0.17.0',
      epss: 0.00806,
      advisories: ['https://pkg.go.dev/vuln/GO-2023-2102']
    },
    {
      // As Inspector reports it while NVD has not analysed it yet: untriaged, counted as other.
      id: 'CVE-2024-45338',
      severity: 'other',
      cwes: [],
      description: 'Non-linear parsing of case-insensitive content in golang.org/x/net/html.',
      published: '2024-12-18T21:15:08Z',
      updated: '2024-12-18T21:15:08Z',
      fixedVersion: '0.33.0',
      epss: 0.00046,
      advisories: ['https://pkg.go.dev/vuln/GO-2024-3333']
    }
  ],
  'pkg:deb/debian/apt@2.2.4': [
    {
      id: 'CVE-2011-3374',
      severity: 'low',
      cvss: { score: 3.7, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N' },
      cwes: [347],
      description: 'apt-key in apt does not correctly validate gpg keys with the master keyring.',
      published: '2019-11-26T00:15:11Z',
      updated: '2024-11-21T01:30:20Z',
      epss: 0.00215,
      advisories: ['https://security-tracker.debian.org/tracker/CVE-2011-3374']
    }
  ]
}

/**
 * Package-URL types Inspector has detection rules for (its supported ecosystems); a component of
 * another type (e.g. `pkg:generic/…`, `pkg:github/…`) is reported as skipped rather than scanned.
 */
export const SCANNED_PURL_TYPES: readonly string[] = [
  'apk',
  'cargo',
  'composer',
  'deb',
  'gem',
  'golang',
  'maven',
  'npm',
  'nuget',
  'pypi',
  'rpm'
]

/** `pkg:deb/debian/openssl@1.1.1k-1?arch=amd64&distro=debian-11` → `pkg:deb/debian/openssl@1.1.1k-1`. */
export function purlKey(purl: string): string {
  return purl.split('#')[0]!.split('?')[0]!.toLowerCase()
}

export function purlType(purl: string): string | undefined {
  return /^pkg:([a-z0-9.+-]+)\//i.exec(purl)?.[1]?.toLowerCase()
}
