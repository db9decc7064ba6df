/**
 * The scenarios the reliability suite shakes, each with inputs that make its verdict hinge on
 * reading every finding: a lost finding (a late one, one on another platform or page) would turn
 * the fault-free `fail` into a `pass`.
 */
import { KNOWN_VULNERABILITIES as CVE, manyFindingSpecs } from '../fake-aws/fixtures.js'
import type { Scenario, SingleImageSpec } from '../fake-aws/scenario.js'
import { FUNCTIONS, scenarioImages, scenarios } from '../fake-aws/scenarios.js'
import type { ChaosCase } from './chaos-suite.js'

const image = (name: keyof typeof scenarioImages) => ({ images: scenarioImages[name].uri })

/**
 * clean, but the coverage row flaps in the scenario itself: SUCCESSFUL at 3 s, a rescan
 * (SCAN_IN_PROGRESS) from 5 s, SUCCESSFUL again at 9 s with a newer lastScannedAt and a HIGH
 * finding it brought. A gate that settled on the first SUCCESSFUL and never re-read would pass.
 */
function rescanned(): Scenario {
  const base = scenarios.clean
  const [repository] = base.repositories
  const original = repository?.images[0] as SingleImageSpec
  return {
    ...base,
    name: 'cleanRescanned',
    repositories: [
      {
        name: repository?.name ?? 'app',
        images: [
          {
            ...original,
            coverage: [
              { atSeconds: 0.5, statusCode: 'ACTIVE', reason: 'PENDING_INITIAL_SCAN' },
              { atSeconds: 1.5, statusCode: 'ACTIVE', reason: 'SCAN_IN_PROGRESS' },
              { atSeconds: 3, statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
              { atSeconds: 5, statusCode: 'ACTIVE', reason: 'SCAN_IN_PROGRESS' },
              { atSeconds: 9, statusCode: 'ACTIVE', reason: 'SUCCESSFUL' }
            ],
            findings: [...(original.findings ?? []), { ...CVE.bracesHigh, visibleFromSeconds: 9 }]
          }
        ]
      }
    ],
    timing: {
      settledAtSeconds: 9,
      story: 'as clean; rescan SCAN_IN_PROGRESS 5 s → SUCCESSFUL 9 s with a HIGH at 9 s'
    }
  }
}

/** manyFindings300's CRITICAL findings (each a distinct vulnerability in its package). */
const MANY_CRITICALS = manyFindingSpecs(300, 7).filter((f) => f.severity === 'CRITICAL').length

export const IMAGE_CASES: ChaosCase[] = [
  { name: 'clean', scenario: scenarios.clean, inputs: image('clean'), expected: 'pass' },
  {
    name: 'criticals',
    scenario: scenarios.criticals,
    inputs: image('criticals'),
    expected: 'fail'
  },
  {
    // One HIGH per platform against a budget of one per image: losing a platform's findings passes.
    name: 'multiArch',
    scenario: scenarios.multiArch,
    inputs: { ...image('multiArch'), 'fail-on': 'critical', 'max-findings': 'high=1' },
    expected: 'fail'
  },
  {
    // Only the CRITICAL that arrives last (6 s, 4 s after SUCCESSFUL) fails the gate.
    name: 'trickle',
    scenario: scenarios.trickle,
    inputs: { ...image('trickle'), 'fail-on': 'critical' },
    expected: 'fail'
  },
  {
    name: 'cleanRescanned',
    scenario: rescanned(),
    inputs: { images: scenarioImages.clean.uri },
    expected: 'fail'
  }
]

export const PAGED_BASIC_LAMBDA_CASES: ChaosCase[] = [
  {
    // Three pages of findings; one CRITICAL over budget, so losing any CRITICAL passes.
    name: 'manyFindings300',
    scenario: scenarios.manyFindings300,
    inputs: {
      ...image('manyFindings300'),
      'fail-on': 'none',
      'max-findings': `critical=${MANY_CRITICALS - 1}`
    },
    expected: 'fail',
    runs: 12
  },
  {
    // Every continued page starts early, on every read: only reading each finding once holds up.
    name: 'manyFindings300, every page overlapping',
    scenario: scenarios.manyFindings300,
    inputs: image('manyFindings300'),
    expected: 'fail',
    runs: 3,
    chaos: { kinds: ['page-overlap'], probability: 1 }
  },
  { name: 'basic', scenario: scenarios.basic, inputs: image('basic'), expected: 'fail' },
  {
    // The previous deployment's CRITICAL/HIGH findings are still ACTIVE and must stay out.
    name: 'lambdaPreviousDeployment',
    scenario: scenarios.lambdaPreviousDeployment,
    inputs: { functions: FUNCTIONS.ordersApiRedeployed.name },
    expected: 'pass'
  },
  {
    name: 'lambdaCodeScanning',
    scenario: scenarios.lambdaCodeScanning,
    inputs: { functions: FUNCTIONS.ordersApiCodeScan.name },
    expected: 'fail'
  }
]
