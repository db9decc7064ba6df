import { modelEnum } from './model-check.js'
/**
 * Realistic finding factories: Inspector `Finding`s for ECR images and Lambda functions (as
 * ListFindings returns them, dates as Date objects like the SDK gives them back) and ECR
 * basic-scan findings.
 */
import { createHash } from 'node:crypto'
import type {
  Architecture,
  Finding,
  FixAvailable,
  PackageManager,
  PackageType,
  Resource,
  Runtime,
  VulnerablePackage
} from '@aws-sdk/client-inspector2'
import type { ImageScanFinding } from '@aws-sdk/client-ecr'
import type { BasicFindingSpec, CodeFindingSpec, InspectorFindingSpec } from './scenario.js'
import { mulberry32 } from './random.js'

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
  return packageFinding(spec, findingArnFor(spec, artifact), artifact.account, observedAt, {
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
  })
}

/** A PACKAGE_VULNERABILITY finding about `resource`, shared by images and Lambda functions. */
function packageFinding(
  spec: InspectorFindingSpec,
  findingArn: string,
  account: string,
  observedAt: Date,
  resource: Resource
): Finding {
  const source = spec.source ?? (spec.vulnerabilityId.startsWith('GHSA') ? 'GITHUB' : 'NVD')
  const sourceUrl =
    spec.sourceUrl === null
      ? undefined
      : (spec.sourceUrl ?? sourceUrlFor(source, spec.vulnerabilityId))
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
    findingArn,
    awsAccountId: account,
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
          spec.remediation?.text ??
          (fixAvailable === 'NO'
            ? 'None Provided'
            : 'Upgrade your installed software packages to the proposed fixed in version and release.'),
        Url: spec.remediation?.url ?? sourceUrl
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
      referenceUrls: spec.referenceUrls ?? (sourceUrl === undefined ? [] : [sourceUrl]),
      relatedVulnerabilities: [],
      vulnerablePackages: packages
    },
    resources: [resource]
  }
  if (spec.exploitAvailable === 'YES') {
    finding.exploitabilityDetails = {
      lastKnownExploitAt: new Date(observedAt.getTime() - 30 * 86_400_000)
    }
  }
  return finding
}

/** The Lambda deployment a finding is about (`$LATEST` at the time of the scan). */
export interface LambdaArtifact {
  account: string
  region: string
  functionName: string
  /** Lambda's runtime identifier, e.g. `python3.11` (reported in Inspector's form PYTHON_3_11). */
  runtime: string
  /** The deployment's CodeSha256, exactly as GetFunctionConfiguration reports it. */
  codeSha256: string
  /** The deployment's LastModified. */
  lastModifiedAt: Date
  /** Default `arn:aws:iam::<account>:role/<functionName>-role`. */
  executionRoleArn?: string
  /** Layer version ARNs. */
  layers?: string[]
  /** Default ZIP. */
  packageType?: PackageType
  /** Default `['X86_64']`. */
  architectures?: Architecture[]
  tags?: Record<string, string>
  /** first/lastObservedAt; default lastModifiedAt + 60 s. */
  observedAt?: Date
}

/** `arn:aws:lambda:<region>:<account>:function:<name>:$LATEST`: Inspector's id for a function. */
export function lambdaResourceId(a: {
  region: string
  account: string
  functionName: string
}): string {
  return `arn:aws:lambda:${a.region}:${a.account}:function:${a.functionName}:$LATEST`
}

/**
 * Lambda's runtime identifier in Inspector's spelling: python3.11 → PYTHON_3_11, nodejs22.x →
 * NODEJS_22_X, java8.al2 → JAVA_8_AL2, go1.x → GO_1_X; OS-only runtimes → UNSUPPORTED; a
 * spelling Inspector's model does not have is a fixture error.
 */
export function inspectorRuntimeOf(runtime: string): Runtime {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^python(\d+)\.(\d+)$/, (m) => `PYTHON_${m[1]}_${m[2]}`],
    [/^nodejs(\d+)\.x$/, (m) => `NODEJS_${m[1]}_X`],
    [/^java(\d+)(\.al2)?$/, (m) => `JAVA_${m[1]}${m[2] === undefined ? '' : '_AL2'}`],
    [/^dotnetcore(\d+)\.(\d+)$/, (m) => `DOTNETCORE_${m[1]}_${m[2]}`],
    [/^dotnet(\d+)$/, (m) => `DOTNET_${m[1]}`],
    [/^ruby(\d+)\.(\d+)$/, (m) => `RUBY_${m[1]}_${m[2]}`],
    [/^go1\.x$/, () => 'GO_1_X']
  ]
  for (const [pattern, format] of rules) {
    const match = pattern.exec(runtime)
    // Inspector's model spells only some runtimes (no PYTHON_3_11 or NODEJS_22_X in it): a
    // fixture must use one it has, since a finding's runtime is a required member.
    if (match !== null) {
      const spelled = format(match)
      if (!modelEnum('inspector2', 'Runtime').includes(spelled)) {
        throw new Error(
          `fixture runtime ${runtime}: Inspector's model has no ${spelled}, so AWS could not report it; use a runtime the model spells`
        )
      }
      return spelled as Runtime
    }
  }
  return 'UNSUPPORTED'
}

function lambdaResource(fn: LambdaArtifact): Resource {
  const resource: Resource = {
    type: 'AWS_LAMBDA_FUNCTION',
    id: lambdaResourceId(fn),
    partition: 'aws',
    region: fn.region,
    details: {
      awsLambdaFunction: {
        functionName: fn.functionName,
        runtime: inspectorRuntimeOf(fn.runtime),
        codeSha256: fn.codeSha256,
        version: '$LATEST',
        executionRoleArn:
          fn.executionRoleArn ?? `arn:aws:iam::${fn.account}:role/${fn.functionName}-role`,
        // The model's LayerList has at least one entry: no layers, no member.
        ...(fn.layers !== undefined && fn.layers.length > 0 && { layers: fn.layers }),
        packageType: fn.packageType ?? 'ZIP',
        architectures: fn.architectures ?? ['X86_64'],
        lastModifiedAt: fn.lastModifiedAt
      }
    }
  }
  if (fn.tags !== undefined) resource.tags = fn.tags
  return resource
}

function lambdaFindingArn(fn: LambdaArtifact, parts: (string | number)[]): string {
  const id = createHash('sha256')
    .update([fn.account, fn.region, fn.functionName, fn.codeSha256, ...parts].join('|'))
    .digest('hex')
    .slice(0, 32)
  return `arn:aws:inspector2:${fn.region}:${fn.account}:finding/${id}`
}

/** A PACKAGE_VULNERABILITY finding in a Lambda deployment (dependencies or layers). */
export function lambdaPackageFinding(spec: InspectorFindingSpec, fn: LambdaArtifact): Finding {
  const observedAt = fn.observedAt ?? new Date(fn.lastModifiedAt.getTime() + 60_000)
  const arn = lambdaFindingArn(fn, [spec.vulnerabilityId, spec.packageName, spec.installedVersion])
  const finding = packageFinding(spec, arn, fn.account, observedAt, lambdaResource(fn))
  if (spec.exploitAvailable === 'YES') {
    finding.exploitabilityDetails = {
      lastKnownExploitAt: new Date(observedAt.getTime() - 30 * 86_400_000)
    }
  }
  return finding
}

/** `['CWE-117', 'CWE-93']` → `CWE-117,93`, the way Inspector titles code findings. */
function cweLabel(cwes: readonly string[]): string {
  const [first, ...rest] = cwes
  if (first === undefined) return 'CWE'
  return [first, ...rest.map((cwe) => cwe.replace(/^CWE-/, ''))].join(',')
}

/**
 * A CODE_VULNERABILITY finding (Lambda code scanning, Amazon CodeGuru detectors): no
 * packageVulnerabilityDetails, no score/fix/exploit fields; title like `CWE-89 - SQL injection`.
 */
export function lambdaCodeFinding(spec: CodeFindingSpec, fn: LambdaArtifact): Finding {
  const observedAt = fn.observedAt ?? new Date(fn.lastModifiedAt.getTime() + 60_000)
  const fileName = spec.filePath.split('/').pop() ?? spec.filePath
  const details: NonNullable<Finding['codeVulnerabilityDetails']> = {
    filePath: {
      fileName,
      filePath: spec.filePath,
      startLine: spec.startLine,
      endLine: spec.endLine
    },
    detectorId: spec.detectorId,
    detectorName: spec.detectorName,
    detectorTags: spec.detectorTags ?? [],
    cwes: spec.cwes,
    ruleId: spec.ruleId,
    referenceUrls: spec.referenceUrls ?? []
  }
  if (spec.sourceLambdaLayerArn !== undefined) {
    details.sourceLambdaLayerArn = spec.sourceLambdaLayerArn
  }
  return {
    findingArn: lambdaFindingArn(fn, [spec.detectorId, spec.filePath, spec.startLine]),
    awsAccountId: fn.account,
    type: 'CODE_VULNERABILITY',
    title: spec.title ?? `${cweLabel(spec.cwes)} - ${spec.detectorName}`,
    description:
      spec.description ??
      `The ${spec.detectorName} detector found a problem in ${spec.filePath} (lines ${spec.startLine}-${spec.endLine}).`,
    severity: spec.severity,
    status: spec.status ?? 'ACTIVE',
    firstObservedAt: observedAt,
    lastObservedAt: observedAt,
    updatedAt: observedAt,
    remediation: {
      recommendation: {
        text:
          spec.recommendation ??
          `Review the code flagged by the ${spec.detectorName} detector and apply the fix the detector describes.`
      }
    },
    codeVulnerabilityDetails: details,
    resources: [lambdaResource(fn)]
  }
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
  /** A LOW with a known exploit: what fail-on-exploitable is for (issue 16). */
  sudoLowExploited: {
    vulnerabilityId: 'CVE-2023-28486',
    severity: 'LOW',
    packageName: 'sudo',
    installedVersion: '1.9.13-1',
    fixedInVersion: '1.9.13p1-1',
    packageManager: 'OS',
    inspectorScore: 3.1,
    epss: 0.0211,
    exploitAvailable: 'YES',
    description:
      'Sudo before 1.9.13 does not escape control characters in log messages, so an attacker can hide commands from the log.'
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

/** Real CVEs in dependencies typical of Python and Node.js Lambda deployment packages. */
export const KNOWN_LAMBDA_VULNERABILITIES = {
  pyyamlCritical: {
    vulnerabilityId: 'CVE-2020-14343',
    severity: 'CRITICAL',
    packageName: 'PyYAML',
    installedVersion: '5.3.1',
    fixedInVersion: '5.4',
    packageManager: 'PYTHONPKG',
    filePath: 'PyYAML-5.3.1.dist-info/METADATA',
    inspectorScore: 9.8,
    epss: 0.0125,
    exploitAvailable: 'NO',
    description:
      'A vulnerability was discovered in the PyYAML library in versions before 5.4, where it is susceptible to arbitrary code execution when it processes untrusted YAML files through the full_load method or with the FullLoader loader.'
  },
  urllib3High: {
    vulnerabilityId: 'CVE-2023-43804',
    severity: 'HIGH',
    packageName: 'urllib3',
    installedVersion: '1.26.16',
    fixedInVersion: '1.26.17',
    packageManager: 'PYTHONPKG',
    filePath: 'urllib3-1.26.16.dist-info/METADATA',
    inspectorScore: 8.1,
    epss: 0.0021,
    exploitAvailable: 'NO',
    description:
      "urllib3 doesn't treat the `Cookie` HTTP header as sensitive, so when a request that sets it explicitly follows a cross-origin redirect, the cookie is sent to the new origin."
  },
  jinja2Medium: {
    vulnerabilityId: 'CVE-2024-22195',
    severity: 'MEDIUM',
    packageName: 'Jinja2',
    installedVersion: '3.1.2',
    fixedInVersion: '3.1.3',
    packageManager: 'PYTHONPKG',
    filePath: 'Jinja2-3.1.2.dist-info/METADATA',
    inspectorScore: 5.4,
    epss: 0.0009,
    exploitAvailable: 'NO',
    description:
      'The `xmlattr` filter in affected versions of Jinja accepts keys containing spaces, which lets an attacker who controls the keys inject extra attributes into the rendered HTML (cross-site scripting).'
  },
  requestsMedium: {
    vulnerabilityId: 'CVE-2024-35195',
    severity: 'MEDIUM',
    packageName: 'requests',
    installedVersion: '2.31.0',
    fixedInVersion: '2.32.0',
    packageManager: 'PYTHONPKG',
    filePath: 'requests-2.31.0.dist-info/METADATA',
    inspectorScore: 5.6,
    epss: 0.0005,
    exploitAvailable: 'NO',
    description:
      'When the first request in a Requests Session is made with verify=False, later requests to the same host keep skipping certificate verification, whatever they pass as verify.'
  },
  werkzeugLow: {
    vulnerabilityId: 'CVE-2023-23934',
    severity: 'LOW',
    packageName: 'Werkzeug',
    installedVersion: '2.2.2',
    fixedInVersion: '2.2.3',
    packageManager: 'PYTHONPKG',
    filePath: 'Werkzeug-2.2.2.dist-info/METADATA',
    inspectorScore: 3.5,
    epss: 0.0011,
    exploitAvailable: 'NO',
    description:
      'Werkzeug parses a nameless cookie such as `=__Host-test=bad` as a named cookie, so an application on a neighbouring subdomain can shadow secure cookies in browsers that accept such cookies.'
  },
  lodashHigh: {
    vulnerabilityId: 'CVE-2021-23337',
    severity: 'HIGH',
    packageName: 'lodash',
    installedVersion: '4.17.20',
    fixedInVersion: '4.17.21',
    packageManager: 'NODEPKG',
    filePath: 'node_modules/lodash/package.json',
    inspectorScore: 7.2,
    epss: 0.0143,
    exploitAvailable: 'YES',
    description:
      'Lodash versions prior to 4.17.21 are vulnerable to Command Injection via the template function.'
  },
  axiosMedium: {
    vulnerabilityId: 'CVE-2023-45857',
    severity: 'MEDIUM',
    packageName: 'axios',
    installedVersion: '1.5.1',
    fixedInVersion: '1.6.0',
    packageManager: 'NODEPKG',
    filePath: 'node_modules/axios/package.json',
    inspectorScore: 6.5,
    epss: 0.0022,
    exploitAvailable: 'NO',
    description:
      'Axios 1.5.1 sends the XSRF-TOKEN cookie value in the X-XSRF-TOKEN header of every request, to any host, which discloses the token to third parties.'
  }
} as const satisfies Record<string, InspectorFindingSpec>

/** Amazon CodeGuru detector hits as Lambda code scanning reports them. */
export const KNOWN_CODE_VULNERABILITIES = {
  sqlInjection: {
    severity: 'HIGH',
    detectorId: 'python/sql-injection@v1.0',
    detectorName: 'SQL injection',
    detectorTags: ['injection', 'security', 'sql', 'owasp-top10', 'top25-cwes', 'cwe-89', 'Python'],
    cwes: ['CWE-89'],
    ruleId: 'python-sql-injection',
    filePath: 'src/handlers/orders.py',
    startLine: 42,
    endLine: 44,
    description:
      'User-provided inputs must be sanitized before they are used to build a SQL query. Here a query string is assembled from the request with string formatting, so an attacker can change the query and read or modify records it should never reach.',
    recommendation:
      'Pass user input as query parameters (for example cursor.execute(sql, params)) instead of formatting it into the SQL text.',
    referenceUrls: [
      'https://cwe.mitre.org/data/definitions/89.html',
      'https://docs.aws.amazon.com/codeguru/detector-library/python/sql-injection/'
    ]
  },
  hardcodedCredentials: {
    severity: 'CRITICAL',
    detectorId: 'python/hardcoded-credentials@v1.0',
    detectorName: 'Hardcoded credentials',
    detectorTags: ['secrets', 'security', 'owasp-top10', 'top25-cwes', 'cwe-798', 'Python'],
    cwes: ['CWE-798'],
    ruleId: 'python-hardcoded-credentials',
    filePath: 'src/config/settings.py',
    startLine: 12,
    endLine: 12,
    description:
      'A password or access key is written into the source code. Anyone who can read the deployment package or the repository can use it, and it cannot be rotated without a redeploy.',
    recommendation:
      'Load secrets at run time from AWS Secrets Manager or SSM Parameter Store and rotate the exposed credential.',
    referenceUrls: [
      'https://cwe.mitre.org/data/definitions/798.html',
      'https://docs.aws.amazon.com/codeguru/detector-library/python/hardcoded-credentials/'
    ]
  },
  pathTraversal: {
    severity: 'MEDIUM',
    detectorId: 'python/path-traversal@v1.0',
    detectorName: 'Path traversal',
    detectorTags: ['injection', 'security', 'owasp-top10', 'top25-cwes', 'cwe-22', 'Python'],
    cwes: ['CWE-22'],
    ruleId: 'python-path-traversal',
    filePath: 'src/handlers/reports.py',
    startLine: 27,
    endLine: 29,
    description:
      'A file path is built from request input without normalising it, so a value such as `../../etc/passwd` can make the function open files outside the intended directory.',
    recommendation:
      'Resolve the path and check that it stays inside the allowed base directory before opening it.',
    referenceUrls: [
      'https://cwe.mitre.org/data/definitions/22.html',
      'https://docs.aws.amazon.com/codeguru/detector-library/python/path-traversal/'
    ]
  },
  jsHardcodedCredentials: {
    severity: 'CRITICAL',
    detectorId: 'javascript/hardcoded-credentials@v1.0',
    detectorName: 'Hardcoded credentials',
    detectorTags: ['secrets', 'security', 'owasp-top10', 'top25-cwes', 'cwe-798', 'JavaScript'],
    cwes: ['CWE-798'],
    ruleId: 'javascript-hardcoded-credentials',
    filePath: 'src/clients/payments.js',
    startLine: 8,
    endLine: 8,
    description:
      'An API key for the payment provider is written into the source code, where anyone with the deployment package can read it.',
    referenceUrls: ['https://cwe.mitre.org/data/definitions/798.html']
  }
} as const satisfies Record<string, CodeFindingSpec>

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
