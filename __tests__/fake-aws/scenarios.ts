/**
 * Ready-made scenarios: repository `app`, account 123456789012, us-east-1, `timeScale` 1 (use
 * `withTimeScale` to speed them up). Each scenario's `timing` says when it settles; `IMAGES`
 * holds the references each one contains.
 */
import {
  HOSTILE_VULNERABILITY,
  KNOWN_BASIC_FINDINGS,
  KNOWN_VULNERABILITIES as CVE,
  manyFindingSpecs
} from './fixtures.js'
import { DEFAULT_ACCOUNT, DEFAULT_REGION, digestFor, MEDIA_TYPES } from './scenario.js'
import type {
  CoverageStep,
  ImageIndexSpec,
  InspectorFindingSpec,
  Scenario,
  SingleImageSpec,
  TimedInspectorFinding
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
  demo: multiArchRef('v2.4.0', 2)
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

export const scenarios = {
  clean,
  criticals,
  multiArch,
  trickle,
  basic,
  basicNoScan,
  unscannable,
  neverScanned,
  throttled,
  inspectorOffForEcr,
  manyFindings300,
  demo
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof scenarios

/** Image references per scenario (throttled and inspectorOffForEcr reuse clean's image). */
export const scenarioImages: Record<ScenarioName, ImageRef> = {
  clean: IMAGES.clean,
  criticals: IMAGES.criticals,
  multiArch: IMAGES.multiArch,
  trickle: IMAGES.trickle,
  basic: IMAGES.basic,
  basicNoScan: IMAGES.basicNoScan,
  unscannable: IMAGES.unscannable,
  neverScanned: IMAGES.neverScanned,
  throttled: IMAGES.clean,
  inspectorOffForEcr: IMAGES.clean,
  manyFindings300: IMAGES.manyFindings300,
  demo: IMAGES.demo
}

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(scenarios, name)
}

/** A copy of `scenario` whose timeline runs `timeScale` times faster than real time. */
export function withTimeScale(scenario: Scenario, timeScale: number): Scenario {
  return { ...scenario, timeScale }
}
