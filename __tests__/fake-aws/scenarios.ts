/**
 * Ready-made scenarios: repository `app`, account 123456789012, us-east-1, `timeScale` 1 (use
 * `withTimeScale` to speed them up). Each scenario's `timing` says when it settles; `IMAGES`
 * holds the references each one contains, `scenarioImages` / `scenarioFunctions` the targets
 * per scenario. Unless a scenario says otherwise, Security Hub is ON with the Inspector
 * integration ON, and Inspector is ENABLED for every resource type (ECR: when the registry is
 * ENHANCED). The `baseline*` scenarios describe accounts for the setup mode (standards, insights,
 * Inspector configuration); `SETUP_INSIGHTS` holds the insights that mode keeps. The `report*`
 * scenarios (and `reportScale(n)`) serve ASFF findings through GetFindings for the report mode;
 * `REPORT_FIXTURES` + `expectedReport()` (fixtures-asff.ts) give the answers to expect.
 */
import {
  HOSTILE_VULNERABILITY,
  KNOWN_BASIC_FINDINGS,
  KNOWN_CODE_VULNERABILITIES as CODE,
  KNOWN_LAMBDA_VULNERABILITIES as LAMBDA_CVE,
  KNOWN_VULNERABILITIES as CVE,
  manyFindingSpecs
} from './fixtures.js'
import {
  HOSTILE_CODE_FINDINGS,
  HOSTILE_IMAGE_FINDINGS,
  HOSTILE_SEVERITY_FINDING
} from './hostile.js'
import {
  codeSha256For,
  DEFAULT_ACCOUNT,
  DEFAULT_REGION,
  digestFor,
  MEDIA_TYPES
} from './scenario.js'
import { mulberry32 } from './random.js'
import { STANDARD_IDS } from './standards.js'
import type { OrganizationSpec } from './organization.js'
import type {
  AsffFixtureSpec,
  CodeFindingSpec,
  CoverageStep,
  ImageIndexSpec,
  InsightSpec,
  InspectorFindingSpec,
  LambdaFunctionSpec,
  Scenario,
  SingleImageSpec,
  TimedInspectorFinding,
  TimedLambdaFinding
} from './scenario.js'

export const REPOSITORY = 'app'
const REGISTRY = `${DEFAULT_ACCOUNT}.dkr.ecr.${DEFAULT_REGION}.amazonaws.com`

export interface ImageRef {
  repository: string
  tag: string
  /** Digest of what the tag points at (the index for multi-arch images). */
  digest: string
  /** `app:<tag>` */
  reference: string
  /** `<registry>/app:<tag>` */
  uri: string
  /** Multi-arch only: the scannable per-platform children. */
  platforms?: { platform: string; digest: string }[]
  /** Multi-arch only: BuildKit attestation manifests (`unknown/unknown`). */
  attestations?: string[]
}

function ref(tag: string, extra: Pick<ImageRef, 'platforms' | 'attestations'> = {}): ImageRef {
  return {
    repository: REPOSITORY,
    tag,
    digest: digestFor(`${REPOSITORY}:${tag}`),
    reference: `${REPOSITORY}:${tag}`,
    uri: `${REGISTRY}/${REPOSITORY}:${tag}`,
    ...extra
  }
}

function multiArchRef(tag: string, attestations: number): ImageRef {
  const amd64 = digestFor(`${REPOSITORY}:${tag}/linux/amd64`)
  const arm64 = digestFor(`${REPOSITORY}:${tag}/linux/arm64/v8`)
  const attestationDigests = [amd64, arm64]
    .slice(0, attestations)
    .map((d) => digestFor(`${d}/attestation`))
  return ref(tag, {
    platforms: [
      { platform: 'linux/amd64', digest: amd64 },
      { platform: 'linux/arm64/v8', digest: arm64 }
    ],
    attestations: attestationDigests
  })
}

export const IMAGES = {
  clean: ref('v1.0.0'),
  criticals: ref('v2.0.0'),
  multiArch: multiArchRef('v1.2.3', 1),
  trickle: ref('v3.0.0'),
  basic: ref('v4.0.0'),
  basicNoScan: ref('v4.1.0'),
  unscannable: ref('v5.0.0'),
  neverScanned: ref('v6.0.0'),
  manyFindings300: ref('v7.0.0'),
  riskRanked: ref('v8.0.0'),
  demo: multiArchRef('v2.4.0', 2),
  hostile: ref('v9.9.9')
} satisfies Record<string, ImageRef>

/** The usual enhanced-scan story: discovered, queued, scanning, done. */
function scanTimeline(at: { discovered: number; scanning: number; done: number }): CoverageStep[] {
  return [
    { atSeconds: at.discovered, statusCode: 'ACTIVE', reason: 'PENDING_INITIAL_SCAN' },
    { atSeconds: at.scanning, statusCode: 'ACTIVE', reason: 'SCAN_IN_PROGRESS' },
    { atSeconds: at.done, statusCode: 'ACTIVE', reason: 'SUCCESSFUL' }
  ]
}

function at(visibleFromSeconds: number, spec: InspectorFindingSpec): TimedInspectorFinding {
  return { ...spec, visibleFromSeconds }
}

function singleImage(
  image: ImageRef,
  rest: Omit<SingleImageSpec, 'kind' | 'digest' | 'tags'>
): SingleImageSpec {
  return { kind: 'image', digest: image.digest, tags: [image.tag], pushedAtSeconds: -5, ...rest }
}

const CLEAN_IMAGE = singleImage(IMAGES.clean, {
  coverage: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
  findings: [at(3, CVE.expressMedium), at(3, CVE.aptLow), at(3.5, CVE.opensslLow)]
})

const clean: Scenario = {
  name: 'clean',
  description: 'Enhanced scanning; scan finishes at 3 s with only LOW/MEDIUM findings.',
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  timing: {
    settledAtSeconds: 3.5,
    story:
      'discovered 0.5 s, SCAN_IN_PROGRESS 1.5 s, SUCCESSFUL 3 s; 2 findings at 3 s, a 3rd (LOW) at 3.5 s'
  }
}

const criticals: Scenario = {
  name: 'criticals',
  description: '2 ACTIVE CRITICAL + 3 HIGH + 1 MEDIUM; one more CRITICAL is SUPPRESSED.',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        singleImage(IMAGES.criticals, {
          coverage: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
          findings: [
            at(3, CVE.zlibCritical),
            at(3, CVE.opensslCritical),
            at(3, CVE.glibcLooneyTunables),
            at(3, CVE.bracesHigh),
            at(3, CVE.crossSpawnHigh),
            at(3, CVE.expressMedium),
            at(3, { ...CVE.minimistCritical, status: 'SUPPRESSED' })
          ]
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 3,
    story: 'SUCCESSFUL at 3 s; all 7 findings (6 ACTIVE, 1 SUPPRESSED) at 3 s'
  }
}

function multiArchIndex(
  image: ImageRef,
  perPlatform: { coverage: CoverageStep[]; findings: TimedInspectorFinding[] }[]
): ImageIndexSpec {
  const platforms = image.platforms ?? []
  const parse = (p: string) => {
    const [os = 'linux', architecture = 'amd64', variant] = p.split('/')
    return variant === undefined ? { os, architecture } : { os, architecture, variant }
  }
  return {
    kind: 'index',
    mediaType: MEDIA_TYPES.ociIndex,
    digest: image.digest,
    tags: [image.tag],
    pushedAtSeconds: -5,
    // Inspector does not scan indexes; it reports them as unsupported media.
    coverage: [{ atSeconds: 1, statusCode: 'INACTIVE', reason: 'UNSUPPORTED_MEDIA_TYPE' }],
    children: [
      ...platforms.map((p, i) => ({
        kind: 'platform' as const,
        digest: p.digest,
        platform: parse(p.platform),
        coverage: perPlatform[i]?.coverage ?? [],
        findings: perPlatform[i]?.findings ?? []
      })),
      ...(image.attestations ?? []).map((digest, i) => ({
        kind: 'attestation' as const,
        digest,
        attests: platforms[i]?.digest ?? '',
        coverage: [
          { atSeconds: 1, statusCode: 'INACTIVE' as const, reason: 'UNSUPPORTED_OS' as const }
        ]
      }))
    ]
  }
}

const multiArch: Scenario = {
  name: 'multiArch',
  description:
    'OCI index app:v1.2.3 → linux/amd64 + linux/arm64/v8 + attestation; findings differ per platform.',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        multiArchIndex(IMAGES.multiArch, [
          {
            coverage: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
            findings: [at(3, CVE.opensslHigh), at(3, CVE.expressMedium)]
          },
          {
            coverage: scanTimeline({ discovered: 1, scanning: 2, done: 4 }),
            findings: [at(4, CVE.glibcLooneyTunables), at(4, CVE.expressMedium), at(4, CVE.aptLow)]
          }
        ])
      ]
    }
  ],
  timing: {
    settledAtSeconds: 4,
    story:
      'index+attestation INACTIVE at 1 s; amd64 SUCCESSFUL 3 s (HIGH+MEDIUM); arm64 SUCCESSFUL 4 s (HIGH+MEDIUM+LOW)'
  }
}

const trickle: Scenario = {
  name: 'trickle',
  description:
    'Coverage says SUCCESSFUL at 2 s, but findings keep arriving until 6 s (the CRITICAL last).',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        singleImage(IMAGES.trickle, {
          coverage: scanTimeline({ discovered: 0.5, scanning: 1, done: 2 }),
          findings: [
            at(2, CVE.aptLow),
            at(3, CVE.expressMedium),
            at(4.5, CVE.bracesHigh),
            at(6, CVE.expatCritical)
          ]
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 6,
    story: 'SUCCESSFUL 2 s; LOW 2 s, MEDIUM 3 s, HIGH 4.5 s, CRITICAL 6 s'
  }
}

/** The log group the responder stack's EventBridge rule sends Inspector's scan events to. */
export const SCAN_EVENTS_LOG_GROUP = '/aws/events/inspector2-scan'

/** trickle with Inspector's scan event in the log group, at `eventAtSeconds` or never. */
function trickleWithScanEvent(name: string, eventAtSeconds: number | 'never'): Scenario {
  const event = eventAtSeconds === 'never' ? 'never' : { atSeconds: eventAtSeconds }
  const when =
    eventAtSeconds === 'never' ? 'no scan event ever' : `scan event at ${eventAtSeconds} s`
  return {
    ...trickle,
    name,
    description: `${trickle.description ?? ''} ${when} (log group ${SCAN_EVENTS_LOG_GROUP}).`,
    scanEvents: { logGroupName: SCAN_EVENTS_LOG_GROUP },
    repositories: [
      {
        name: REPOSITORY,
        images: trickle.repositories.flatMap((repo) =>
          repo.images.map((image) => ({ ...image, scanEvent: event }) as SingleImageSpec)
        )
      }
    ],
    timing: {
      settledAtSeconds: Math.max(6, eventAtSeconds === 'never' ? 0 : eventAtSeconds),
      story: `${trickle.timing?.story ?? ''}; ${when} (counts: 1 CRITICAL, 1 HIGH, 1 MEDIUM, 4 in all)`
    }
  }
}

/** The scan event (5 s) is in the log group before the last finding (CRITICAL, 6 s) is listable. */
const scanEventBeforeLastFinding = trickleWithScanEvent('scanEventBeforeLastFinding', 5)
/** The scan event comes at 7 s, after the last finding (6 s). */
const scanEventAfterLastFinding = trickleWithScanEvent('scanEventAfterLastFinding', 7)
/** The log group exists, but Inspector's event for this digest never arrives. */
const scanEventNever = trickleWithScanEvent('scanEventNever', 'never')

export interface ScanEventStory {
  scenario: Scenario
  image: ImageRef
  /** Scenario seconds at which each finding becomes listable, ascending. */
  findingsAtSeconds: number[]
  /** Scenario second of the scan event. */
  eventAtSeconds: number
  /** How many findings are listable when the event arrives (0 … findingsAtSeconds.length). */
  findingsBeforeEvent: number
}

/**
 * A late-findings timeline from `seed` (same seed, same story): coverage SUCCESSFUL at 2 s, then
 * 1–6 findings of distinct known vulnerabilities arriving 0.5–2 s apart, and Inspector's scan
 * event at a seeded position among them — before the first, between two, or after the last
 * (never at the same second as a finding, so which side it falls on is never a tie).
 */
export function scanEventStory(seed: number): ScanEventStory {
  const random = mulberry32(seed)
  const pool = Object.values(CVE)
  const count = 1 + Math.floor(random() * 6)
  const chosen: InspectorFindingSpec[] = []
  while (chosen.length < count) {
    const pick = pool.splice(Math.floor(random() * pool.length), 1)[0]
    if (pick !== undefined) chosen.push(pick)
  }
  const findingsAtSeconds: number[] = []
  let second = 2
  for (let i = 0; i < count; i += 1) {
    second += 0.5 * (1 + Math.floor(random() * 4))
    findingsAtSeconds.push(second)
  }
  const findingsBeforeEvent = Math.floor(random() * (count + 1))
  const previous = findingsBeforeEvent === 0 ? 2 : (findingsAtSeconds[findingsBeforeEvent - 1] ?? 2)
  const next = findingsAtSeconds[findingsBeforeEvent] ?? previous + 1
  const eventAtSeconds = (previous + next) / 2
  const image = IMAGES.trickle
  const scenario: Scenario = {
    name: `scanEventStory(${seed})`,
    description: `Late findings with the scan event after ${findingsBeforeEvent} of ${count}.`,
    scanEvents: { logGroupName: SCAN_EVENTS_LOG_GROUP },
    repositories: [
      {
        name: REPOSITORY,
        images: [
          singleImage(image, {
            coverage: scanTimeline({ discovered: 0.5, scanning: 1, done: 2 }),
            findings: chosen.map((spec, i) => at(findingsAtSeconds[i] ?? second, spec)),
            scanEvent: { atSeconds: eventAtSeconds }
          })
        ]
      }
    ],
    timing: {
      settledAtSeconds: Math.max(second, eventAtSeconds),
      story: `SUCCESSFUL 2 s; findings at ${findingsAtSeconds.join(', ')} s; scan event at ${eventAtSeconds} s`
    }
  }
  return { scenario, image, findingsAtSeconds, eventAtSeconds, findingsBeforeEvent }
}

const BASIC_FINDINGS = Object.values(KNOWN_BASIC_FINDINGS)

const basic: Scenario = {
  name: 'basic',
  description:
    'BASIC registry, scan on push: IN_PROGRESS at 0 s, COMPLETE at 2 s with 5 basic findings.',
  registryScanType: 'BASIC',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        singleImage(IMAGES.basic, {
          basicScan: [
            { atSeconds: 0, status: 'IN_PROGRESS' },
            {
              atSeconds: 2,
              status: 'COMPLETE',
              description: 'The scan was completed successfully.'
            }
          ],
          basicFindings: BASIC_FINDINGS
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 2,
    story: 'IN_PROGRESS 0 s → COMPLETE 2 s (CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL)'
  }
}

const basicNoScan: Scenario = {
  name: 'basicNoScan',
  description:
    'BASIC registry, MANUAL repo: ScanNotFoundException until StartImageScan; then COMPLETE 2 s later.',
  registryScanType: 'BASIC',
  repositories: [
    {
      name: REPOSITORY,
      scanFrequency: 'MANUAL',
      images: [
        singleImage(IMAGES.basicNoScan, {
          basicFindings: [
            KNOWN_BASIC_FINDINGS.glibcHigh,
            KNOWN_BASIC_FINDINGS.opensslMedium,
            KNOWN_BASIC_FINDINGS.aptLow
          ],
          manualScan: { durationSeconds: 2, outcome: 'COMPLETE' }
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 2,
    story: 'no scan until StartImageScan; COMPLETE 2 s after it (HIGH, MEDIUM, LOW)'
  }
}

const unscannable: Scenario = {
  name: 'unscannable',
  description: 'Inspector discovers the image, then gives up: INACTIVE / UNSUPPORTED_OS at 1.5 s.',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        singleImage(IMAGES.unscannable, {
          coverage: [
            { atSeconds: 0.5, statusCode: 'ACTIVE', reason: 'PENDING_INITIAL_SCAN' },
            { atSeconds: 1.5, statusCode: 'INACTIVE', reason: 'UNSUPPORTED_OS' }
          ]
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 1.5,
    story: 'PENDING_INITIAL_SCAN 0.5 s → INACTIVE/UNSUPPORTED_OS 1.5 s'
  }
}

const neverScanned: Scenario = {
  name: 'neverScanned',
  description: 'Discovered at 0.5 s and stays ACTIVE / PENDING_INITIAL_SCAN forever.',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        singleImage(IMAGES.neverScanned, {
          coverage: [{ atSeconds: 0.5, statusCode: 'ACTIVE', reason: 'PENDING_INITIAL_SCAN' }]
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 0.5,
    story: 'PENDING_INITIAL_SCAN from 0.5 s, forever (only a timeout ends it)'
  }
}

/** A scan-on-push repository: Inspector reports SCAN_FREQUENCY_SCAN_ON_PUSH once it has scanned. */
const scanOnPush: Scenario = {
  name: 'scanOnPush',
  description:
    'Repository on SCAN_ON_PUSH: PENDING_INITIAL_SCAN at 0.5 s, then ACTIVE / SCAN_FREQUENCY_SCAN_ON_PUSH ' +
    'with lastScannedAt 3 s, and the clean findings.',
  repositories: [
    {
      name: REPOSITORY,
      scanFrequency: 'SCAN_ON_PUSH',
      images: [
        singleImage(IMAGES.clean, {
          coverage: [
            { atSeconds: 0.5, statusCode: 'ACTIVE', reason: 'PENDING_INITIAL_SCAN' },
            {
              atSeconds: 3,
              statusCode: 'ACTIVE',
              reason: 'SCAN_FREQUENCY_SCAN_ON_PUSH',
              lastScannedAtSeconds: 3
            }
          ],
          findings: [at(3, CVE.expressMedium), at(3, CVE.aptLow)]
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 3,
    story:
      'PENDING_INITIAL_SCAN 0.5 s; SCAN_FREQUENCY_SCAN_ON_PUSH, lastScannedAt 3 s; 2 findings at 3 s'
  }
}

/** The same repository, but Inspector never scanned this image (for example pushed before the rule). */
const scanOnPushNoScan: Scenario = {
  name: 'scanOnPushNoScan',
  description:
    'Repository on SCAN_ON_PUSH: ACTIVE / SCAN_FREQUENCY_SCAN_ON_PUSH from 0.5 s without lastScannedAt.',
  repositories: [
    {
      name: REPOSITORY,
      scanFrequency: 'SCAN_ON_PUSH',
      images: [
        singleImage(IMAGES.clean, {
          coverage: [
            { atSeconds: 0.5, statusCode: 'ACTIVE', reason: 'SCAN_FREQUENCY_SCAN_ON_PUSH' }
          ]
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 0.5,
    story: 'SCAN_FREQUENCY_SCAN_ON_PUSH without lastScannedAt from 0.5 s, forever'
  }
}

const throttled: Scenario = {
  ...clean,
  name: 'throttled',
  description: 'clean, plus 3× 429 on ListCoverage and 2× 429 then 1× 500 on ListFindings.',
  faults: [
    { operation: 'ListCoverage', count: 3, status: 429, retryAfterSeconds: 1 },
    { operation: 'ListFindings', count: 2, status: 429, retryAfterSeconds: 1 },
    { operation: 'ListFindings', count: 1, status: 500 }
  ],
  timing: {
    settledAtSeconds: 3.5,
    story:
      'as clean; the first 3 ListCoverage and first 3 ListFindings calls fail (each 429 says Retry-After: 1). ' +
      'With the SDK default maxAttempts 3, the first ListCoverage call fails outright after ~2 s of retries.'
  }
}

const inspectorOffForEcr: Scenario = {
  ...clean,
  name: 'inspectorOffForEcr',
  description:
    'Inspector is not enabled for ECR: BatchGetAccountStatus ecr DISABLED, nothing is covered.',
  inspectorStatus: { ecr: 'DISABLED' },
  timing: {
    settledAtSeconds: 0,
    story: 'nothing ever happens; ListCoverage and ListFindings stay empty'
  }
}

/** Severity and risk pulling apart (issue 16): a HIGH nobody is likely to exploit, a LOW with an exploit. */
const riskRanked: Scenario = {
  name: 'riskRanked',
  description:
    'app:v8.0.0 with a HIGH of low EPSS (0.25 %, no known exploit) and a LOW with a known exploit (EPSS 2.11 %).',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        singleImage(IMAGES.riskRanked, {
          coverage: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
          findings: [at(3, CVE.opensslHigh), at(3, CVE.sudoLowExploited)]
        })
      ]
    }
  ],
  timing: { settledAtSeconds: 3, story: 'SUCCESSFUL at 3 s; both findings at 3 s' }
}

const manyFindings300: Scenario = {
  name: 'manyFindings300',
  description: 'One image with 300 findings (realistic severity mix); needs several pages.',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        singleImage(IMAGES.manyFindings300, {
          coverage: scanTimeline({ discovered: 0.2, scanning: 1, done: 2 }),
          findings: manyFindingSpecs(300, 7).map((spec) => at(2, spec))
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 2,
    story: 'SUCCESSFUL 2 s; all 300 findings at 2 s (default page 50, max 100)'
  }
}

const demo: Scenario = {
  name: 'demo',
  description:
    'A realistic release: OCI index app:v2.4.0 (amd64 + arm64 + 2 attestations), findings trickle in, ' +
    'including the hostile-text one; one SUPPRESSED and one CLOSED finding.',
  repositories: [
    {
      name: REPOSITORY,
      images: [
        multiArchIndex(IMAGES.demo, [
          {
            coverage: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 4 }),
            findings: [
              at(4, CVE.opensslCritical),
              at(4, CVE.glibcLooneyTunables),
              at(5, HOSTILE_VULNERABILITY),
              at(6, CVE.bracesHigh),
              at(7, CVE.expressMedium),
              at(4, { ...CVE.crossSpawnHigh, status: 'SUPPRESSED' })
            ]
          },
          {
            coverage: scanTimeline({ discovered: 1, scanning: 2, done: 5 }),
            findings: [
              at(5, CVE.zlibNoFix),
              at(6, CVE.semverUntriaged),
              at(6.5, CVE.ncursesNoFix),
              at(7, CVE.aptLow),
              at(8, CVE.shadowLow),
              at(5, { ...CVE.toughCookieMedium, status: 'CLOSED' })
            ]
          }
        ])
      ]
    }
  ],
  timing: {
    settledAtSeconds: 8,
    story: 'amd64 SUCCESSFUL 4 s, arm64 SUCCESSFUL 5 s; findings arrive 4–8 s (hostile one at 5 s)'
  }
}

/** A Lambda function a scenario contains, and what a gate needs to find it. */
export interface FunctionRef {
  name: string
  /** Unqualified ARN, as GetFunctionConfiguration reports FunctionArn. */
  arn: string
  /** Inspector's resource id (coverage and findings): `<arn>:$LATEST`. */
  resourceId: string
  /** Lambda runtime identifier, e.g. `python3.11`. */
  runtime: string
  /** CodeSha256 of the deployment `$LATEST` runs from scenario second 0 on. */
  codeSha256: string
  /** CodeSha256 of earlier deployments (oldest first) whose findings may still be listed. */
  previousCodeSha256: string[]
}

const DAY = 86_400

function functionRef(
  name: string,
  runtime: string,
  codeSha256: string,
  previousCodeSha256: string[] = []
): FunctionRef {
  const arn = `arn:aws:lambda:${DEFAULT_REGION}:${DEFAULT_ACCOUNT}:function:${name}`
  return { name, arn, resourceId: `${arn}:$LATEST`, runtime, codeSha256, previousCodeSha256 }
}

export const FUNCTIONS = {
  /** orders-api after a redeploy: v42 replaces v41 (whose findings are still ACTIVE). */
  ordersApiRedeployed: functionRef('orders-api', 'python3.11', codeSha256For('orders-api@v42'), [
    codeSha256For('orders-api@v41')
  ]),
  ordersApi: functionRef('orders-api', 'python3.11', codeSha256For('orders-api@v40')),
  ordersApiCodeScan: functionRef('orders-api', 'python3.11', codeSha256For('orders-api@v43')),
  /** orders-api v44, then an update of configuration only (same CodeSha256, later LastModified). */
  ordersApiConfigOnly: functionRef('orders-api', 'python3.11', codeSha256For('orders-api@v44')),
  billingWorker: functionRef('billing-worker', 'nodejs22.x', codeSha256For('billing-worker@v7')),
  hostileHandler: functionRef('hostile-handler', 'python3.11', codeSha256For('hostile-handler@v1')),
  hostileBroken: functionRef('hostile-broken', 'python3.11', codeSha256For('hostile-broken@v1'))
} satisfies Record<string, FunctionRef>

function pkg(
  visibleFromSeconds: number,
  spec: InspectorFindingSpec,
  closedAtSeconds?: number
): TimedLambdaFinding {
  const timed: TimedLambdaFinding = { type: 'PACKAGE_VULNERABILITY', ...spec, visibleFromSeconds }
  if (closedAtSeconds !== undefined) timed.closedAtSeconds = closedAtSeconds
  return timed
}

function code(visibleFromSeconds: number, spec: CodeFindingSpec): TimedLambdaFinding {
  return { type: 'CODE_VULNERABILITY', ...spec, visibleFromSeconds }
}

/** A function deployed 5 s before the start, already Successful, scanned on `coverage`. */
function deployedFunction(
  ref: FunctionRef,
  coverage: CoverageStep[],
  findings: TimedLambdaFinding[],
  extra: Partial<LambdaFunctionSpec> = {}
): LambdaFunctionSpec {
  return {
    name: ref.name,
    runtime: ref.runtime,
    tags: { team: 'payments' },
    deployments: [{ codeSha256: ref.codeSha256, lastModifiedSeconds: -5, findings }],
    coverage: { package: coverage },
    ...extra
  }
}

const ORDERS_API = deployedFunction(
  FUNCTIONS.ordersApi,
  scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
  [pkg(3, LAMBDA_CVE.requestsMedium)]
)

const [ORDERS_V41 = ''] = FUNCTIONS.ordersApiRedeployed.previousCodeSha256
const PREVIOUS_SCAN = -2 * DAY + 120

const lambdaPreviousDeployment: Scenario = {
  name: 'lambdaPreviousDeployment',
  description:
    'orders-api (python3.11) was redeployed just before the start: v41 still has ACTIVE CRITICAL/HIGH ' +
    'findings; v42 (new CodeSha256) finishes updating at 1 s and is scanned at 3 s with one MEDIUM.',
  inspectorStatus: { lambdaCode: 'DISABLED' },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  functions: [
    {
      name: 'orders-api',
      runtime: 'python3.11',
      handler: 'src.handlers.orders.handler',
      tags: { team: 'checkout' },
      deployments: [
        {
          codeSha256: ORDERS_V41,
          lastModifiedSeconds: -2 * DAY,
          findings: [
            pkg(PREVIOUS_SCAN, LAMBDA_CVE.pyyamlCritical),
            pkg(PREVIOUS_SCAN, LAMBDA_CVE.urllib3High),
            pkg(PREVIOUS_SCAN, LAMBDA_CVE.jinja2Medium)
          ]
        },
        {
          codeSha256: FUNCTIONS.ordersApiRedeployed.codeSha256,
          lastModifiedSeconds: -0.2,
          updateStatus: [
            { atSeconds: -0.2, status: 'InProgress' },
            { atSeconds: 1, status: 'Successful' }
          ],
          findings: [pkg(3, LAMBDA_CVE.requestsMedium)]
        }
      ],
      // Until 3 s the row still says SUCCESSFUL, but lastScannedAt is v41's scan (< LastModified).
      coverage: {
        package: [
          { atSeconds: PREVIOUS_SCAN, statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
          { atSeconds: 3, statusCode: 'ACTIVE', reason: 'SUCCESSFUL' }
        ]
      }
    }
  ],
  timing: {
    settledAtSeconds: 3.5,
    story:
      'orders-api LastModified -0.2 s, LastUpdateStatus InProgress until 1 s then Successful; PACKAGE ' +
      'coverage is SUCCESSFUL throughout but lastScannedAt is 2 days old until 3 s; v41 findings ' +
      '(CRITICAL PyYAML, HIGH urllib3, MEDIUM Jinja2) stay ACTIVE; v42 MEDIUM requests at 3 s. ' +
      'Also serves app:v1.0.0 as in clean (SUCCESSFUL 3 s, LOW/MEDIUM up to 3.5 s).'
  }
}

/**
 * orders-api: code v44 deployed an hour ago and scanned 50 min ago with no findings; 0.2 s before
 * the start an update changed configuration only (same CodeSha256, new LastModified). Inspector
 * starts no scan for that, so lastScannedAt stays older than LastModified for good.
 */
function lambdaConfigOnlyScenario(name: string, publishedVersion: boolean): Scenario {
  const sha = FUNCTIONS.ordersApiConfigOnly.codeSha256
  return {
    name,
    description:
      'orders-api v44 deployed at -3600 s and scanned at -3000 s (no findings); a configuration-only ' +
      `update at -0.2 s leaves LastModified after the scan${publishedVersion ? '; v44 was published as version 7' : '; no version was published'}.`,
    inspectorStatus: { lambdaCode: 'DISABLED' },
    repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
    functions: [
      {
        name: 'orders-api',
        runtime: 'python3.11',
        deployments: [
          {
            codeSha256: sha,
            lastModifiedSeconds: -3600,
            ...(publishedVersion && { publishedVersion: '7' })
          },
          { codeSha256: sha, lastModifiedSeconds: -0.2 }
        ],
        coverage: { package: [{ atSeconds: -3000, statusCode: 'ACTIVE', reason: 'SUCCESSFUL' }] }
      }
    ],
    timing: {
      settledAtSeconds: 0,
      story:
        'coverage SUCCESSFUL with lastScannedAt -3000 s throughout; LastModified -0.2 s; never rescanned'
    }
  }
}

const lambdaConfigOnly = lambdaConfigOnlyScenario('lambdaConfigOnly', true)
const lambdaConfigOnlyUnproven = lambdaConfigOnlyScenario('lambdaConfigOnlyUnproven', false)

const lambdaCodeScanning: Scenario = {
  name: 'lambdaCodeScanning',
  description:
    'Lambda code scanning ENABLED: orders-api has PACKAGE and CODE coverage rows; code scan finds a ' +
    'HIGH SQL injection and a MEDIUM path traversal, package scan one LOW.',
  inspectorStatus: { lambda: 'ENABLED', lambdaCode: 'ENABLED' },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  functions: [
    {
      ...deployedFunction(
        FUNCTIONS.ordersApiCodeScan,
        scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
        [pkg(3, LAMBDA_CVE.werkzeugLow), code(4, CODE.sqlInjection), code(4, CODE.pathTraversal)]
      ),
      coverage: {
        package: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
        code: scanTimeline({ discovered: 0.5, scanning: 2, done: 4 })
      }
    }
  ],
  timing: {
    settledAtSeconds: 4,
    story:
      'orders-api PACKAGE: discovered 0.5 s, SUCCESSFUL 3 s (LOW Werkzeug at 3 s); CODE: discovered ' +
      '0.5 s, SCAN_IN_PROGRESS 2 s, SUCCESSFUL 4 s (HIGH CWE-89 orders.py, MEDIUM CWE-22 reports.py ' +
      'at 4 s). Also serves app:v1.0.0 as in clean.'
  }
}

const hostile: Scenario = {
  name: 'hostile',
  beyondModel:
    'hostile text in every field, enums and length limits included: what matters is what the gate does with anything',
  description:
    'app:v9.9.9 and the function hostile-handler (package and code scanning), whose findings carry ' +
    'markup, workflow commands, mentions, terminal escapes, bidi overrides and 100 KB strings in ' +
    'every text field (see hostile.ts): critical to untriaged, blocking and not. hostile-broken has ' +
    'a finding whose severity is such text, so its package scan ends in an error quoting it.',
  inspectorStatus: { lambda: 'ENABLED', lambdaCode: 'ENABLED' },
  repositories: [
    {
      name: REPOSITORY,
      images: [
        singleImage(IMAGES.hostile, {
          coverage: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
          findings: [...HOSTILE_IMAGE_FINDINGS, HOSTILE_VULNERABILITY].map((spec) => at(3, spec))
        })
      ]
    }
  ],
  functions: [
    {
      ...deployedFunction(
        FUNCTIONS.hostileHandler,
        scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
        [
          pkg(3, { ...HOSTILE_VULNERABILITY, packageManager: 'PYTHONPKG' }),
          ...HOSTILE_CODE_FINDINGS.map((spec) => code(3, spec))
        ]
      ),
      coverage: {
        package: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
        code: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 })
      }
    },
    deployedFunction(
      FUNCTIONS.hostileBroken,
      scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
      [pkg(3, HOSTILE_SEVERITY_FINDING)]
    )
  ],
  timing: {
    settledAtSeconds: 3,
    story:
      'the image and both scans of each function SUCCESSFUL at 3 s; every finding (' +
      `${HOSTILE_IMAGE_FINDINGS.length + 1} on the image, ${HOSTILE_CODE_FINDINGS.length + 1} on ` +
      'hostile-handler, 1 on hostile-broken) at 3 s'
  }
}

const inspectorOffForLambda: Scenario = {
  ...clean,
  name: 'inspectorOffForLambda',
  description:
    'Inspector scans ECR but is not enabled for Lambda: lambda and lambdaCode DISABLED, so orders-api ' +
    'never gets a coverage row or findings (GetFunctionConfiguration still works).',
  inspectorStatus: { lambda: 'DISABLED', lambdaCode: 'DISABLED' },
  functions: [ORDERS_API],
  timing: {
    settledAtSeconds: 3.5,
    story: 'image as clean; orders-api is never covered (Inspector lambda DISABLED)'
  }
}

const ALL_DISABLED = {
  ec2: 'DISABLED',
  ecr: 'DISABLED',
  lambda: 'DISABLED',
  lambdaCode: 'DISABLED',
  codeRepository: 'DISABLED'
} as const

const enableFailedAccounts: Scenario = {
  name: 'enableFailedAccounts',
  description:
    'Inspector is DISABLED for every resource type. The first Enable answers HTTP 200 with this ' +
    'account in failedAccounts (SSM_THROTTLED); the next one succeeds and enables at once.',
  inspectorStatus: ALL_DISABLED,
  inspectorEnable: { failures: [{ errorCode: 'SSM_THROTTLED' }] },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  functions: [ORDERS_API],
  timing: {
    settledAtSeconds: 3.5,
    story:
      'nothing is covered until a successful Enable; Enable #1 → failedAccounts SSM_THROTTLED, ' +
      'Enable #2 → ENABLED immediately; then image and orders-api follow their timelines ' +
      '(SUCCESSFUL at 3 s, already reached if the Enable comes later). Security Hub ON.'
  }
}

const enablingTakesPolls: Scenario = {
  name: 'enablingTakesPolls',
  description:
    'Inspector DISABLED everywhere; Enable succeeds, then BatchGetAccountStatus reports ENABLING for ' +
    '3 polls and ENABLED from the 4th. Security Hub is off and the Inspector integration is off.',
  inspectorStatus: ALL_DISABLED,
  inspectorEnable: { enablingPolls: 3 },
  securityHub: { enabled: false, inspectorImport: false, enableSubscribesIntegrations: false },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  functions: [ORDERS_API],
  timing: {
    settledAtSeconds: 3.5,
    story:
      'Enable → ENABLING; status polls 1–3 ENABLING, poll 4 ENABLED (coverage appears only then); ' +
      'DescribeHub 401 until EnableSecurityHub, which does not subscribe aws/inspector: ' +
      'EnableImportFindingsForProduct is needed.'
  }
}

const mixedTargets: Scenario = {
  name: 'mixedTargets',
  description:
    'One image (as clean, SUCCESSFUL 3 s) and two functions: orders-api SUCCESSFUL 4 s, ' +
    'billing-worker SUCCESSFUL 6 s. Waited for one after another this takes 13 s; at once, 6 s.',
  inspectorStatus: { lambdaCode: 'DISABLED' },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  functions: [
    deployedFunction(FUNCTIONS.ordersApi, scanTimeline({ discovered: 0.5, scanning: 2, done: 4 }), [
      pkg(4, LAMBDA_CVE.requestsMedium)
    ]),
    deployedFunction(
      FUNCTIONS.billingWorker,
      scanTimeline({ discovered: 1, scanning: 3, done: 6 }),
      [pkg(6, LAMBDA_CVE.axiosMedium)],
      { architectures: ['arm64'], tags: { team: 'billing' } }
    )
  ],
  timing: {
    settledAtSeconds: 6,
    story:
      'image SUCCESSFUL 3 s (MEDIUM+LOW, a LOW at 3.5 s); orders-api SUCCESSFUL 4 s (MEDIUM requests); ' +
      'billing-worker SUCCESSFUL 6 s (MEDIUM axios)'
  }
}

const eq = (Value: string) => ({ Value, Comparison: 'EQUALS' })
const ACTIVE_INSPECTOR = {
  ProductName: [eq('Inspector')],
  RecordState: [eq('ACTIVE')],
  WorkflowStatus: [eq('NEW'), eq('NOTIFIED')]
}

/**
 * The custom insights the setup mode keeps (same names, filters and grouping as
 * src/setup/insights.ts), as an account where setup has already run holds them.
 */
export const SETUP_INSIGHTS = {
  criticalByResource: {
    name: 'inspector-gate: Critical vulnerabilities by resource',
    filters: { ...ACTIVE_INSPECTOR, SeverityLabel: [eq('CRITICAL')] },
    groupByAttribute: 'ResourceId'
  },
  unpatchedEc2: {
    name: 'inspector-gate: Unpatched EC2 instances',
    filters: {
      ...ACTIVE_INSPECTOR,
      ResourceType: [eq('AwsEc2Instance')],
      VulnerabilitiesFixAvailable: [eq('YES'), eq('PARTIAL')]
    },
    groupByAttribute: 'ResourceId'
  },
  exploitableByImage: {
    name: 'inspector-gate: Exploitable critical vulnerabilities by image',
    filters: {
      ...ACTIVE_INSPECTOR,
      ResourceType: [eq('AwsEcrContainerImage')],
      SeverityLabel: [eq('CRITICAL')],
      VulnerabilitiesExploitAvailable: [eq('YES')]
    },
    groupByAttribute: 'ResourceId'
  }
} satisfies Record<string, InsightSpec>

/** An older version of `criticalByResource`: CRITICAL and HIGH, no WorkflowStatus filter. */
export const STALE_CRITICAL_INSIGHT: InsightSpec = {
  name: SETUP_INSIGHTS.criticalByResource.name,
  filters: {
    ProductName: [eq('Inspector')],
    RecordState: [eq('ACTIVE')],
    SeverityLabel: [eq('CRITICAL'), eq('HIGH')]
  },
  groupByAttribute: 'ResourceId'
}

const baselineFresh: Scenario = {
  name: 'baselineFresh',
  description:
    'A new account with nothing on: Inspector DISABLED for every type (ENABLING for 2 status polls ' +
    'after Enable), Security Hub off, no standards, no insights, ECR re-scan DAYS_14.',
  inspectorStatus: ALL_DISABLED,
  inspectorEnable: { enablingPolls: 2 },
  securityHub: { enabled: false, inspectorImport: false, standardsEnable: { pendingPolls: 2 } },
  inspectorConfiguration: { rescanDuration: 'DAYS_14' },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  timing: {
    settledAtSeconds: 3.5,
    story:
      'Enable → ENABLING for 2 BatchGetAccountStatus polls, ENABLED on the 3rd; DescribeHub 401 until ' +
      'EnableSecurityHub (which subscribes aws/inspector and the AWS integrations, and FSBP + CIS ' +
      '1.2.0 unless EnableDefaultStandards is false); each new standard answers PENDING to 2 ' +
      'GetEnabledStandards calls, READY from the 3rd; BatchEnableStandards 1 call/s. app:v1.0.0 ' +
      'is served as in clean but covered only once ECR is ENABLED.'
  }
}

const baselineDone: Scenario = {
  name: 'baselineDone',
  description:
    'Setup has already run: Inspector EC2/ECR/LAMBDA ENABLED, Security Hub on with the Inspector ' +
    'import, FSBP v1.0.0 and CIS v5.0.0 READY, the three setup insights present, re-scan DAYS_14.',
  inspectorStatus: {
    ec2: 'ENABLED',
    ecr: 'ENABLED',
    lambda: 'ENABLED',
    lambdaCode: 'DISABLED',
    codeRepository: 'DISABLED'
  },
  securityHub: {
    enabled: true,
    inspectorImport: true,
    standards: [{ standard: STANDARD_IDS.fsbp }, { standard: STANDARD_IDS.cis500 }],
    standardsEnable: { pendingPolls: 2 },
    insights: Object.values(SETUP_INSIGHTS)
  },
  inspectorConfiguration: { rescanDuration: 'DAYS_14' },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  timing: {
    settledAtSeconds: 3.5,
    story:
      'nothing changes unless written to; app:v1.0.0 as in clean (SUCCESSFUL 3 s). A setup run ' +
      'should leave `snapshot()` as it was and record no changed write.'
  }
}

/**
 * An AWS Organization (issue 18): the Inspector and Security Hub delegated administrator, the
 * management account and three more members. Requests signed with one of `keys` act as that
 * account (organization.ts); any other key acts as the scenario's own `account`.
 */
export const ORGANIZATION = {
  admin: '111111111111',
  management: '222222222222',
  /** Every account but the administrator, in ListMembers order. */
  members: ['222222222222', '333333333333', '444444444444', '555555555555'],
  /** The member whose registry holds MEMBER_IMAGE. */
  imageOwner: '444444444444',
  /** Another member, gating an image that is not its own. */
  otherMember: '555555555555',
  keys: {
    admin: 'AKIAADMINEXAMPLE0001',
    management: 'AKIAMANAGEMENTEXAMPL',
    otherMember: 'AKIAMEMBEREXAMPLE555'
  }
} as const

function organizationSpec(): OrganizationSpec {
  return {
    managementAccount: ORGANIZATION.management,
    delegatedAdmin: ORGANIZATION.admin,
    members: ORGANIZATION.members.map((accountId) => ({ accountId })),
    accessKeys: {
      [ORGANIZATION.keys.admin]: ORGANIZATION.admin,
      [ORGANIZATION.keys.management]: ORGANIZATION.management,
      [ORGANIZATION.keys.otherMember]: ORGANIZATION.otherMember
    }
  }
}

const organizationFresh: Scenario = {
  name: 'organizationFresh',
  description:
    'A fresh 5-account organization seen from its delegated administrator 111111111111: no ' +
    'member has Inspector or is a Security Hub member, auto-enable off, no finding aggregator; ' +
    'the administrator itself has Inspector and Security Hub off. Every Region starts so.',
  account: ORGANIZATION.admin,
  inspectorStatus: ALL_DISABLED,
  securityHub: { enabled: false, inspectorImport: false },
  organization: organizationSpec(),
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  timing: {
    settledAtSeconds: 3.5,
    story:
      'members enable at once (Enable with accountIds), CreateMembers makes an organization ' +
      'account an Enabled Security Hub member at once; app:v1.0.0 as in clean.'
  }
}

/**
 * The organization's findings as its administrator's aggregation Region serves them (issue 18):
 * every account of ORGANIZATION in us-east-1 and eu-west-1, FSBP v1.0.0 and CIS v5.0.0 control
 * findings among Inspector's and GuardDuty's.
 */
export const ORGANIZATION_FINDINGS: AsffFixtureSpec = {
  count: 5000,
  seed: 18,
  accounts: [ORGANIZATION.admin, ...ORGANIZATION.members],
  regions: ['us-east-1', 'eu-west-1']
}

/** organizationFresh with the organization's findings, for a report after its setup. */
const organizationReport: Scenario = {
  ...organizationFresh,
  name: 'organizationReport',
  description:
    'organizationFresh, holding 5,000 ASFF findings of its 5 accounts in us-east-1 and ' +
    'eu-west-1, served once setup has turned Security Hub on; GetFindings rate limit on.',
  securityHub: { enabled: false, inspectorImport: false, findings: ORGANIZATION_FINDINGS }
}

/** An image in member 444444444444's registry: one CRITICAL finding once the scan is done. */
export const MEMBER_IMAGE: ImageRef = {
  ...ref('v10.0.0'),
  uri: `${ORGANIZATION.imageOwner}.dkr.ecr.${DEFAULT_REGION}.amazonaws.com/${REPOSITORY}:v10.0.0`
}

const memberRegistry: Scenario = {
  name: 'memberRegistry',
  description:
    'The registry of member 444444444444, whose repository policy lets the delegated ' +
    'administrator 111111111111 read images; Inspector coverage and findings of the image are ' +
    'the member’s (awsAccountId 444444444444), which the administrator sees.',
  account: ORGANIZATION.imageOwner,
  organization: organizationSpec(),
  ecrReaders: [ORGANIZATION.admin],
  repositories: [
    {
      name: REPOSITORY,
      images: [
        singleImage(MEMBER_IMAGE, {
          coverage: scanTimeline({ discovered: 0.5, scanning: 1.5, done: 3 }),
          findings: [at(3, CVE.zlibCritical), at(3, CVE.expressMedium)]
        })
      ]
    }
  ],
  timing: {
    settledAtSeconds: 3,
    story: 'discovered 0.5 s, SCAN_IN_PROGRESS 1.5 s, SUCCESSFUL 3 s; 1 CRITICAL + 1 MEDIUM at 3 s'
  }
}

const memberRegistryNoPolicy: Scenario = {
  ...memberRegistry,
  name: 'memberRegistryNoPolicy',
  description:
    'As memberRegistry, but no repository policy lets another account read the images: ECR ' +
    'answers every account but 444444444444 AccessDeniedException.',
  ecrReaders: []
}

const CIS_VERSIONS = [
  STANDARD_IDS.cis120,
  STANDARD_IDS.cis140,
  STANDARD_IDS.cis300,
  STANDARD_IDS.cis500
]

const baselineStandardFails: Scenario = {
  ...baselineFresh,
  name: 'baselineStandardFails',
  description:
    'As baselineFresh, but AWS Config is not recording: every CIS AWS Foundations Benchmark ' +
    'version ends INCOMPLETE with NO_AVAILABLE_CONFIGURATION_RECORDER (FSBP still ends READY).',
  securityHub: {
    enabled: false,
    inspectorImport: false,
    standardsEnable: {
      pendingPolls: 2,
      outcomes: CIS_VERSIONS.map((standard) => ({
        standard,
        status: 'INCOMPLETE' as const,
        reason: 'NO_AVAILABLE_CONFIGURATION_RECORDER' as const
      }))
    }
  },
  timing: {
    settledAtSeconds: 3.5,
    story:
      'as baselineFresh; a newly enabled CIS standard answers PENDING to 2 GetEnabledStandards ' +
      'calls, then INCOMPLETE / NO_AVAILABLE_CONFIGURATION_RECORDER for good.'
  }
}

const baselineDuplicateInsights: Scenario = {
  ...baselineDone,
  name: 'baselineDuplicateInsights',
  description:
    'As baselineDone, but "inspector-gate: Critical vulnerabilities by resource" exists twice: ' +
    'first a copy with stale filters (CRITICAL+HIGH, no WorkflowStatus), then the current one.',
  securityHub: {
    ...baselineDone.securityHub,
    insights: [
      STALE_CRITICAL_INSIGHT,
      SETUP_INSIGHTS.criticalByResource,
      SETUP_INSIGHTS.unpatchedEc2,
      SETUP_INSIGHTS.exploitableByImage
    ]
  },
  timing: {
    settledAtSeconds: 3.5,
    story:
      'as baselineDone; GetInsights lists the stale duplicate first, then the up-to-date insight ' +
      'of the same name, then the other two setup insights.'
  }
}

/**
 * The ASFF fixtures of the report scenarios (see fixtures-asff.ts): pass one to
 * `expectedReport()` for the answers a report must give. Accounts 123456789012 (most findings),
 * 210987654321 and 345678901234; Regions us-east-1 (most) and eu-west-1; CreatedAt over the 60
 * days before the start unless said otherwise.
 */
export const REPORT_FIXTURES = {
  /** 6,000 findings: Inspector ~60 %, FSBP/CIS v5.0.0 controls ~33 %, GuardDuty ~7 %. */
  mixed: { count: 6000, seed: 2026 },
  /** 40 ARCHIVED findings, all 75–89 days old: nothing is ACTIVE or recent. */
  empty: { count: 40, seed: 7, minAgeDays: 75, maxAgeDays: 89, archivedShare: 1 },
  /** 1,500 findings of Inspector and GuardDuty only: no standard, so no control findings. */
  noStandards: { count: 1500, seed: 11, standards: [] }
} satisfies Record<string, AsffFixtureSpec>

const REPORT_STANDARDS = [{ standard: STANDARD_IDS.fsbp }, { standard: STANDARD_IDS.cis500 }]

const REPORT_TIMING = {
  settledAtSeconds: 3.5,
  story:
    'findings are history before the start and never change; GetFindings allows 3 requests/s with ' +
    'a burst of 6 (429 LimitExceededException beyond). Also serves app:v1.0.0 as in clean.'
}

const reportMixed: Scenario = {
  name: 'reportMixed',
  description:
    'A delegated-administrator view of 3 accounts in 2 Regions: 6,000 ASFF findings (Inspector on ' +
    'ECR/EC2/Lambda, FSBP v1.0.0 + CIS v5.0.0 control findings, GuardDuty) over 60 days; both ' +
    'standards READY; GetFindings rate limit on.',
  securityHub: { enabled: true, standards: REPORT_STANDARDS, findings: REPORT_FIXTURES.mixed },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  timing: REPORT_TIMING
}

const reportEmpty: Scenario = {
  name: 'reportEmpty',
  description:
    'Security Hub on with FSBP and CIS v5.0.0 READY, but no finding in any period up to 74 days: ' +
    'only 40 ARCHIVED findings, 75–89 days old.',
  securityHub: { enabled: true, standards: REPORT_STANDARDS, findings: REPORT_FIXTURES.empty },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  timing: REPORT_TIMING
}

const reportHubOff: Scenario = {
  name: 'reportHubOff',
  description:
    'Security Hub is not enabled: every Security Hub call is 401 InvalidAccessException.',
  securityHub: { enabled: false, inspectorImport: false, findings: REPORT_FIXTURES.mixed },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  timing: REPORT_TIMING
}

const reportNoStandards: Scenario = {
  name: 'reportNoStandards',
  description:
    'Security Hub on without any standard enabled: 1,500 Inspector and GuardDuty findings, no ' +
    'control findings.',
  securityHub: { enabled: true, findings: REPORT_FIXTURES.noStandards },
  repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
  timing: REPORT_TIMING
}

/**
 * A report bench: `n` findings (mix as reportMixed) generated lazily from their index, FSBP and
 * CIS v5.0.0 READY, the rate limit on unless `throttle: false`.
 */
export function reportScale(
  n: number,
  options: { seed?: number; throttle?: boolean } = {}
): Scenario {
  return {
    name: `reportScale${n}`,
    description: `${n} ASFF findings over 60 days in 3 accounts and 2 Regions (as reportMixed).`,
    securityHub: {
      enabled: true,
      standards: REPORT_STANDARDS,
      findings: { count: n, seed: options.seed ?? 2026 },
      ...(options.throttle === false && { getFindingsThrottle: false as const })
    },
    repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
    timing: REPORT_TIMING
  }
}

/** The organization bench's Regions: three, on three continents. */
export const ORGANIZATION_SCALE_REGIONS: readonly string[] = [
  'us-east-1',
  'eu-west-1',
  'ap-southeast-2'
]

/** `n` distinct 12-digit account ids, the same every time: 111111111111, 111112111114, … */
export function organizationAccountIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(111_111_111_111 + i * 1_000_003))
}

/**
 * The report bench at an organization's shape: `accounts` member accounts (generated 12-digit ids)
 * × `regions`, `perAccountRegion` findings per account-Region on average, so
 * `accounts × regions.length × perAccountRegion` findings in all (mix as reportMixed, FSBP and
 * CIS v5.0.0 READY, the rate limit on unless `throttle: false`).
 *
 * The fixture spreads findings harmonically, as reportScale's: the first account and the first
 * Region get the most (account i about 1/i of the first's share), so account-Regions range from
 * about 15× `perAccountRegion` down to an eighth of it (40 × 3 × 2,500: 38,332 down to 310).
 * Resources per kind, account and Region (`poolSize`) are sized from `perAccountRegion` as
 * reportScale sizes them from its count over 3 × 2 account-Regions, so a resource has about as
 * many findings as in reportScale: with the default count / 250 the pool would grow with the
 * number of account-Regions (40 × 3 × 2,500: 174,067 resources for 300,000 findings, not 44,710).
 */
export function reportOrganizationScale(
  accounts: number,
  regions: readonly string[] = ORGANIZATION_SCALE_REGIONS,
  perAccountRegion = 2_500,
  options: { seed?: number; throttle?: boolean } = {}
): Scenario {
  const count = accounts * regions.length * perAccountRegion
  const defaultShape = 3 * 2
  return {
    name: `reportOrganizationScale${accounts}x${regions.length}x${perAccountRegion}`,
    description:
      `${count} ASFF findings over 60 days in ${accounts} accounts and ${regions.length} Regions ` +
      `(${perAccountRegion} per account-Region on average; mix as reportMixed).`,
    securityHub: {
      enabled: true,
      standards: REPORT_STANDARDS,
      findings: {
        count,
        seed: options.seed ?? 2026,
        accounts: organizationAccountIds(accounts),
        regions: [...regions],
        poolSize: Math.max(4, Math.ceil((perAccountRegion * defaultShape) / 250))
      },
      ...(options.throttle === false && { getFindingsThrottle: false as const })
    },
    repositories: [{ name: REPOSITORY, images: [CLEAN_IMAGE] }],
    timing: REPORT_TIMING
  }
}

/**
 * One image with `n` findings (the manyFindings300 mix), scanned at 2 s: the API-call benchmark's
 * 0 / 300 / 3,000-finding cases.
 */
export function findingsAtScale(n: number): { scenario: Scenario; image: ImageRef } {
  const image = ref(`scale-${n}`)
  const scenario: Scenario = {
    name: `findings${n}`,
    description: `One image with ${n} findings, all visible when the scan completes at 2 s.`,
    repositories: [
      {
        name: REPOSITORY,
        images: [
          singleImage(image, {
            coverage: scanTimeline({ discovered: 0.2, scanning: 1, done: 2 }),
            findings: manyFindingSpecs(n, 7).map((spec) => at(2, spec))
          })
        ]
      }
    ],
    timing: { settledAtSeconds: 2, story: `SUCCESSFUL 2 s; ${n} findings at 2 s` }
  }
  return { scenario, image }
}

/**
 * `n` images in one repository, every `multiArchEvery`-th an index of two platforms (with an
 * attestation), scans finishing between 2 s and 6 s, a few findings each: the many-targets gate.
 */
export function manyImages(
  n: number,
  options: { multiArchEvery?: number } = {}
): { scenario: Scenario; images: ImageRef[] } {
  const every = options.multiArchEvery ?? 4
  const images: ImageRef[] = []
  const specs: (SingleImageSpec | ImageIndexSpec)[] = []
  for (let i = 0; i < n; i += 1) {
    const tag = `svc-${String(i + 1).padStart(2, '0')}`
    const done = 2 + (i % 5)
    const findings = [at(done, CVE.expressMedium), at(done, CVE.aptLow)]
    if (i % 3 === 0) findings.push(at(done, CVE.opensslHigh))
    if ((i + 1) % every === 0) {
      const image = multiArchRef(tag, 1)
      images.push(image)
      const platform = { coverage: scanTimeline({ discovered: 0.5, scanning: 1, done }), findings }
      specs.push(multiArchIndex(image, [platform, platform]))
    } else {
      const image = ref(tag)
      images.push(image)
      specs.push(
        singleImage(image, {
          coverage: scanTimeline({ discovered: 0.5, scanning: 1, done }),
          findings
        })
      )
    }
  }
  const scenario: Scenario = {
    name: `manyImages${n}`,
    description: `${n} images (every ${every}th multi-arch) with scans done between 2 s and 6 s.`,
    repositories: [{ name: REPOSITORY, images: specs }],
    timing: { settledAtSeconds: 6, story: `${n} images; the last scans complete at 6 s` }
  }
  return { scenario, images }
}

/**
 * One image whose scan becomes final (SUCCESSFUL, with its MEDIUM and LOW findings) at scenario
 * second `doneAtSeconds` and never changes after: the verdict-latency benchmark, at real time.
 * `scanEvents: true` adds the log group `SCAN_EVENTS_LOG_GROUP`, with the digest's scan event in it
 * from `doneAtSeconds` on (the fake's default: the second coverage turns SUCCESSFUL).
 */
export function latencyScenario(
  doneAtSeconds: number,
  options: { scanEvents?: boolean } = {}
): { scenario: Scenario; image: ImageRef } {
  const image = ref(`latency-${doneAtSeconds}`)
  const plain: Scenario = {
    name: `latency${doneAtSeconds}`,
    description: `One image; the scan is final at ${doneAtSeconds} s (MEDIUM + LOW, nothing later).`,
    repositories: [
      {
        name: REPOSITORY,
        images: [
          singleImage(image, {
            coverage: scanTimeline({ discovered: 1, scanning: 3, done: doneAtSeconds }),
            findings: [at(doneAtSeconds, CVE.expressMedium), at(doneAtSeconds, CVE.aptLow)]
          })
        ]
      }
    ],
    timing: {
      settledAtSeconds: doneAtSeconds,
      story: `discovered 1 s, SCAN_IN_PROGRESS 3 s, SUCCESSFUL ${doneAtSeconds} s with MEDIUM + LOW`
    }
  }
  return { scenario: options.scanEvents === true ? withScanEvents(plain) : plain, image }
}

/**
 * An OCI index of four platforms (linux/amd64, linux/arm64/v8, linux/arm/v7, linux/ppc64le), each
 * with its BuildKit attestation, scans done at 2, 3, 4 and 5 s: the multi-arch API-call case.
 */
export function fourPlatformIndex(): { scenario: Scenario; image: ImageRef } {
  const tag = 'multi-4'
  const platforms = ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7', 'linux/ppc64le'].map(
    (platform) => ({ platform, digest: digestFor(`${REPOSITORY}:${tag}/${platform}`) })
  )
  const image = ref(tag, {
    platforms,
    attestations: platforms.map((p) => digestFor(`${p.digest}/attestation`))
  })
  const perPlatform = platforms.map((_, i) => {
    const done = 2 + i
    const findings = [at(done, CVE.expressMedium), at(done, CVE.aptLow)]
    if (i % 2 === 0) findings.push(at(done, CVE.opensslHigh))
    return { coverage: scanTimeline({ discovered: 0.5, scanning: 1, done }), findings }
  })
  const scenario: Scenario = {
    name: 'fourPlatformIndex',
    description: `OCI index app:${tag} → 4 platforms + 4 attestations; scans done 2–5 s.`,
    repositories: [{ name: REPOSITORY, images: [multiArchIndex(image, perPlatform)] }],
    timing: {
      settledAtSeconds: 5,
      story: 'platform i SUCCESSFUL at 2 + i s with MEDIUM + LOW (and a HIGH on amd64 and arm/v7)'
    }
  }
  return { scenario, image }
}

export const scenarios = {
  clean,
  criticals,
  multiArch,
  trickle,
  scanEventBeforeLastFinding,
  scanEventAfterLastFinding,
  scanEventNever,
  basic,
  basicNoScan,
  unscannable,
  neverScanned,
  scanOnPush,
  scanOnPushNoScan,
  throttled,
  inspectorOffForEcr,
  manyFindings300,
  riskRanked,
  demo,
  lambdaPreviousDeployment,
  lambdaCodeScanning,
  lambdaConfigOnly,
  lambdaConfigOnlyUnproven,
  inspectorOffForLambda,
  enableFailedAccounts,
  enablingTakesPolls,
  mixedTargets,
  hostile,
  baselineFresh,
  baselineDone,
  baselineStandardFails,
  baselineDuplicateInsights,
  organizationFresh,
  organizationReport,
  memberRegistry,
  memberRegistryNoPolicy,
  reportMixed,
  reportEmpty,
  reportHubOff,
  reportNoStandards
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof scenarios

/**
 * Image references per scenario (throttled, inspectorOffForEcr, every Lambda, baseline and report
 * scenario reuse clean's image, which those scenarios also serve).
 */
export const scenarioImages: Record<ScenarioName, ImageRef> = {
  clean: IMAGES.clean,
  criticals: IMAGES.criticals,
  multiArch: IMAGES.multiArch,
  trickle: IMAGES.trickle,
  scanEventBeforeLastFinding: IMAGES.trickle,
  scanEventAfterLastFinding: IMAGES.trickle,
  scanEventNever: IMAGES.trickle,
  basic: IMAGES.basic,
  basicNoScan: IMAGES.basicNoScan,
  unscannable: IMAGES.unscannable,
  neverScanned: IMAGES.neverScanned,
  scanOnPush: IMAGES.clean,
  scanOnPushNoScan: IMAGES.clean,
  throttled: IMAGES.clean,
  inspectorOffForEcr: IMAGES.clean,
  manyFindings300: IMAGES.manyFindings300,
  riskRanked: IMAGES.riskRanked,
  demo: IMAGES.demo,
  lambdaPreviousDeployment: IMAGES.clean,
  lambdaCodeScanning: IMAGES.clean,
  lambdaConfigOnly: IMAGES.clean,
  lambdaConfigOnlyUnproven: IMAGES.clean,
  inspectorOffForLambda: IMAGES.clean,
  enableFailedAccounts: IMAGES.clean,
  enablingTakesPolls: IMAGES.clean,
  mixedTargets: IMAGES.clean,
  hostile: IMAGES.hostile,
  baselineFresh: IMAGES.clean,
  baselineDone: IMAGES.clean,
  baselineStandardFails: IMAGES.clean,
  baselineDuplicateInsights: IMAGES.clean,
  organizationFresh: IMAGES.clean,
  organizationReport: IMAGES.clean,
  memberRegistry: MEMBER_IMAGE,
  memberRegistryNoPolicy: MEMBER_IMAGE,
  reportMixed: IMAGES.clean,
  reportEmpty: IMAGES.clean,
  reportHubOff: IMAGES.clean,
  reportNoStandards: IMAGES.clean
}

/** Lambda functions per scenario (none in the image-only scenarios). */
export const scenarioFunctions: Record<ScenarioName, FunctionRef[]> = {
  clean: [],
  criticals: [],
  multiArch: [],
  trickle: [],
  scanEventBeforeLastFinding: [],
  scanEventAfterLastFinding: [],
  scanEventNever: [],
  basic: [],
  basicNoScan: [],
  unscannable: [],
  neverScanned: [],
  scanOnPush: [],
  scanOnPushNoScan: [],
  throttled: [],
  inspectorOffForEcr: [],
  manyFindings300: [],
  riskRanked: [],
  demo: [],
  lambdaPreviousDeployment: [FUNCTIONS.ordersApiRedeployed],
  lambdaCodeScanning: [FUNCTIONS.ordersApiCodeScan],
  lambdaConfigOnly: [FUNCTIONS.ordersApiConfigOnly],
  lambdaConfigOnlyUnproven: [FUNCTIONS.ordersApiConfigOnly],
  inspectorOffForLambda: [FUNCTIONS.ordersApi],
  enableFailedAccounts: [FUNCTIONS.ordersApi],
  enablingTakesPolls: [FUNCTIONS.ordersApi],
  mixedTargets: [FUNCTIONS.ordersApi, FUNCTIONS.billingWorker],
  hostile: [FUNCTIONS.hostileHandler, FUNCTIONS.hostileBroken],
  baselineFresh: [],
  baselineDone: [],
  baselineStandardFails: [],
  baselineDuplicateInsights: [],
  organizationFresh: [],
  organizationReport: [],
  memberRegistry: [],
  memberRegistryNoPolicy: [],
  reportMixed: [],
  reportEmpty: [],
  reportHubOff: [],
  reportNoStandards: []
}

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(scenarios, name)
}

/**
 * A copy of `scenario` with the log group `SCAN_EVENTS_LOG_GROUP`: each enhanced-scanned digest's
 * `Inspector2 Scan` event is in it from the second its coverage turns SUCCESSFUL, with the counts
 * of all its active findings (also those listed later), unless the image's `scanEvent` says
 * otherwise.
 */
export function withScanEvents(scenario: Scenario): Scenario {
  return {
    ...scenario,
    name: `${scenario.name}+scanEvents`,
    scanEvents: { logGroupName: SCAN_EVENTS_LOG_GROUP },
    ...(scenario.timing !== undefined && {
      timing: {
        ...scenario.timing,
        story: `${scenario.timing.story}; scan event when coverage turns SUCCESSFUL`
      }
    })
  }
}

/** A copy of `scenario` whose timeline runs `timeScale` times faster than real time. */
export function withTimeScale(scenario: Scenario, timeScale: number): Scenario {
  return { ...scenario, timeScale }
}
