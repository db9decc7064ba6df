/**
 * What the fake account looks like at a given scenario second: the catalog plus the timeline
 * plus the little mutable state the API creates (manual basic scans, Inspector activation and
 * configuration, Security Hub with its standards and insights). Shared by all operations so every view of a scan agrees.
 */
import type {
  CoveredResource,
  Finding,
  Status as InspectorStatus
} from '@aws-sdk/client-inspector2'
import type { ScanStatus as EcrScanStatus } from '@aws-sdk/client-ecr'
import { buildCatalog } from './catalog.js'
import type { Catalog, StoredImage, StoredRepository } from './catalog.js'
import { initialInspectorAccount, initialSecurityHub, resourceStatus } from './accounts.js'
import type { InspectorAccount, InspectorEnableRecord, SecurityHubAccount } from './accounts.js'
import { ecrImageResourceId, inspectorFinding } from './fixtures.js'
import { initialInspectorConfiguration } from './inspector-configuration.js'
import type { InspectorConfigurationState } from './inspector-configuration.js'
import type {
  BasicScanStep,
  InspectorResourceKind,
  LambdaFunctionSpec,
  Scenario,
  TimedInspectorFinding
} from './scenario.js'
import { currentStep } from './timeline.js'
import { initialOrganizationRegion } from './organization.js'
import type { OrganizationRegion, OrganizationShared } from './organization.js'
import type { TimelineClock } from './timeline.js'

export interface FakeState {
  scenario: Scenario
  catalog: Catalog
  clock: TimelineClock
  /** `repo@digest` → scenario second at which StartImageScan was accepted. */
  manualScans: Map<string, number>
  /** Lambda functions by name. */
  functions: Map<string, LambdaFunctionSpec>
  inspector: InspectorAccount
  /** Every Inspector Enable call, in order (kept across resets by identity, emptied in place). */
  inspectorEnables: InspectorEnableRecord[]
  securityHub: SecurityHubAccount
  /** Inspector GetConfiguration / UpdateConfiguration. */
  inspectorConfiguration: InspectorConfigurationState
  /** This Region's organization state (scenario.organization), if any. */
  organization?: OrganizationRegion
  /** The organization state shared by every Region (the finding aggregator). */
  organizationShared?: OrganizationShared
}

export function createFakeState(
  scenario: Scenario,
  clock: TimelineClock,
  /** Another Region's shared organization state, for a Region made later. */
  shared?: OrganizationShared
): FakeState {
  const functions = new Map<string, LambdaFunctionSpec>()
  for (const fn of scenario.functions ?? []) {
    if (functions.has(fn.name)) throw new Error(`scenario: duplicate function ${fn.name}`)
    if (fn.deployments.length === 0)
      throw new Error(`scenario: function ${fn.name} has no deployments`)
    functions.set(fn.name, fn)
  }
  const state: FakeState = {
    scenario,
    catalog: buildCatalog(scenario),
    clock,
    manualScans: new Map(),
    functions,
    inspector: initialInspectorAccount(scenario),
    inspectorEnables: [],
    securityHub: initialSecurityHub(scenario),
    inspectorConfiguration: initialInspectorConfiguration(scenario)
  }
  if (scenario.organization !== undefined) {
    state.organization = initialOrganizationRegion(scenario.organization)
    state.organizationShared = shared ?? {}
  }
  return state
}

/** Back to the scenario's initial state (the clock is reset by its owner). */
export function resetFakeState(state: FakeState): void {
  state.manualScans.clear()
  state.inspector = initialInspectorAccount(state.scenario)
  state.inspectorEnables.length = 0
  state.securityHub = initialSecurityHub(state.scenario)
  state.inspectorConfiguration = initialInspectorConfiguration(state.scenario)
  if (state.scenario.organization !== undefined) {
    state.organization = initialOrganizationRegion(state.scenario.organization)
    if (state.organizationShared !== undefined) delete state.organizationShared.aggregator
  }
}

export function imageKey(image: StoredImage): string {
  return `${image.repositoryName}@${image.digest}`
}

/**
 * Inspector's activation of one resource type now. Starts as the scenario says (every type
 * ENABLED, except `ecr`, which follows the registry) and changes through Enable.
 */
export function inspectorStatusOf(state: FakeState, kind: InspectorResourceKind): InspectorStatus {
  return resourceStatus(state.inspector, kind, state.clock.scenarioSeconds())
}

/** Inspector only looks at ECR when it is enabled for ECR and the registry is ENHANCED. */
export function inspectorScansEcr(state: FakeState): boolean {
  return (
    inspectorStatusOf(state, 'ecr') === 'ENABLED' && state.catalog.registryScanType === 'ENHANCED'
  )
}

export function imageResourceId(state: FakeState, image: StoredImage): string {
  return ecrImageResourceId({
    region: state.catalog.region,
    account: state.catalog.account,
    repositoryName: image.repositoryName,
    imageDigest: image.digest
  })
}

export function repositoryArn(state: FakeState, repositoryName: string): string {
  return `arn:aws:ecr:${state.catalog.region}:${state.catalog.account}:repository/${repositoryName}`
}

/** Every coverage row Inspector would list right now (repositories and discovered images). */
export function coveredResources(state: FakeState, nowSeconds: number): CoveredResource[] {
  if (!inspectorScansEcr(state)) return []
  return [...state.catalog.repositories.values()].flatMap((repo) => [
    repositoryCoverage(state, repo),
    ...repo.images.flatMap((image) => {
      const row = imageCoverage(state, repo, image, nowSeconds)
      return row === undefined ? [] : [row]
    })
  ])
}

function repositoryCoverage(state: FakeState, repo: StoredRepository): CoveredResource {
  const manual = repo.scanFrequency === 'MANUAL'
  return {
    resourceType: 'AWS_ECR_REPOSITORY',
    resourceId: repositoryArn(state, repo.name),
    accountId: state.catalog.account,
    scanType: 'PACKAGE',
    scanStatus: manual
      ? { statusCode: 'INACTIVE', reason: 'SCAN_FREQUENCY_MANUAL' }
      : { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
    resourceMetadata: { ecrRepository: { name: repo.name, scanFrequency: repo.scanFrequency } }
  }
}

export function imageCoverage(
  state: FakeState,
  repo: StoredRepository,
  image: StoredImage,
  nowSeconds: number
): CoveredResource | undefined {
  if (image.pushedAtSeconds > nowSeconds) return undefined
  const step = currentStep(image.coverage, nowSeconds)
  if (step === undefined) return undefined
  const row: CoveredResource = {
    resourceType: 'AWS_ECR_CONTAINER_IMAGE',
    resourceId: imageResourceId(state, image),
    accountId: state.catalog.account,
    scanType: 'PACKAGE',
    scanStatus: { statusCode: step.statusCode, reason: step.reason },
    resourceMetadata: {
      ecrRepository: { name: repo.name, scanFrequency: repo.scanFrequency },
      ecrImage: { tags: image.tags, inUseCount: 0 }
    }
  }
  const lastScanned =
    step.lastScannedAtSeconds ?? (step.reason === 'SUCCESSFUL' ? step.atSeconds : undefined)
  if (lastScanned !== undefined) row.lastScannedAt = state.clock.dateAt(lastScanned)
  return row
}

interface VisibleFinding {
  timed: TimedInspectorFinding
  finding: Finding
}

/**
 * Inspector findings visible now, in a stable order: by when they appeared, then by ARN. New
 * findings therefore land after the ones a paginating client has already seen.
 */
export function visibleInspectorFindings(state: FakeState, nowSeconds: number): Finding[] {
  if (!inspectorScansEcr(state)) return []
  const visible: VisibleFinding[] = state.catalog
    .allImages()
    .flatMap((image) =>
      image.pushedAtSeconds > nowSeconds
        ? []
        : (image.content.findings ?? [])
            .filter((timed) => timed.visibleFromSeconds <= nowSeconds)
            .map((timed) => ({ timed, finding: materializeFinding(state, image, timed) }))
    )
  return visible
    .sort(
      (a, b) =>
        a.timed.visibleFromSeconds - b.timed.visibleFromSeconds ||
        (a.finding.findingArn ?? '').localeCompare(b.finding.findingArn ?? '')
    )
    .map((v) => v.finding)
}

export function materializeFinding(
  state: FakeState,
  image: StoredImage,
  timed: TimedInspectorFinding
): Finding {
  return inspectorFinding(timed, {
    account: state.catalog.account,
    region: state.catalog.region,
    repositoryName: image.repositoryName,
    imageDigest: image.digest,
    imageTags: image.tags,
    pushedAt: state.clock.dateAt(image.pushedAtSeconds),
    architecture: image.platform?.architecture ?? 'amd64',
    platform: 'DEBIAN_12',
    observedAt: state.clock.dateAt(timed.visibleFromSeconds)
  })
}

/** The basic-scan status now: the scan-on-push timeline, overridden by a later manual scan. */
export function basicScanStatus(
  state: FakeState,
  image: StoredImage,
  nowSeconds: number
): BasicScanStep | undefined {
  const steps: BasicScanStep[] = [...(image.content.basicScan ?? [])]
  const manualStart = state.manualScans.get(imageKey(image))
  if (manualStart !== undefined) {
    const spec = image.content.manualScan ?? {}
    const outcome: EcrScanStatus = spec.outcome ?? 'COMPLETE'
    const end: BasicScanStep = {
      atSeconds: manualStart + (spec.durationSeconds ?? 2),
      status: outcome
    }
    const description = spec.description ?? defaultScanDescription(outcome)
    if (description !== undefined) end.description = description
    steps.push({ atSeconds: manualStart, status: 'IN_PROGRESS' }, end)
  }
  return currentStep(steps, nowSeconds)
}

/** Scenario second of the most recent basic scan start at or before now, if any. */
export function lastBasicScanStart(
  state: FakeState,
  image: StoredImage,
  nowSeconds: number
): number | undefined {
  const starts = (image.content.basicScan ?? []).map((step) => step.atSeconds)
  const manual = state.manualScans.get(imageKey(image))
  if (manual !== undefined) starts.push(manual)
  const past = starts.filter((s) => s <= nowSeconds)
  return past.length === 0 ? undefined : Math.max(...past)
}

export function defaultScanDescription(status: EcrScanStatus): string | undefined {
  switch (status) {
    case 'COMPLETE':
      return 'The scan was completed successfully.'
    case 'FAILED':
      return 'The scan failed.'
    case 'UNSUPPORTED_IMAGE':
      return 'UnsupportedImageError: The operating system and/or package manager are not supported.'
    case 'LIMIT_EXCEEDED':
      return 'Scan limit exceeded: an image can be scanned once every 24 hours.'
    case 'PENDING':
      return 'Pending start of the image scan.'
    case 'ACTIVE':
      return 'Continuous scan is selected for image.'
    default:
      return undefined
  }
}
