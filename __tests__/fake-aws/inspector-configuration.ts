/**
 * Inspector2 GetConfiguration (`POST /configuration/get`) and UpdateConfiguration
 * (`POST /configuration/update`), as @aws-sdk/client-inspector2 models them:
 * - GetConfiguration `{accountId?}` → `{ecrConfiguration: {rescanDurationState: {rescanDuration,
 *   status: SUCCESS|PENDING|FAILED, updatedAt (epoch seconds), pullDateRescanDuration?,
 *   pullDateRescanMode?}}, ec2Configuration: {scanModeState: {scanMode, scanModeStatus}}}`;
 * - UpdateConfiguration `{ecrConfiguration?: {rescanDuration*, pullDateRescanDuration?,
 *   pullDateRescanMode?}, ec2Configuration?: {scanMode*, activateVMScanner?}}` → `{}`.
 * Errors are ValidationException (`reason` FIELD_VALIDATION_FAILED) and AccessDeniedException for
 * another account.
 */
import type {
  Ec2ScanMode,
  EcrPullDateRescanDuration,
  EcrPullDateRescanMode,
  EcrRescanDuration,
  EcrRescanDurationStatus,
  GetConfigurationResponse
} from '@aws-sdk/client-inspector2'
import type { Scenario } from './scenario.js'
import type { FakeState } from './state.js'
import { FakeAwsError } from './wire.js'

export interface InspectorConfigurationState {
  rescanDuration: EcrRescanDuration
  pullDateRescanDuration?: EcrPullDateRescanDuration
  pullDateRescanMode?: EcrPullDateRescanMode
  updatedAtSeconds: number
  /** Scenario second until which the last update reports PENDING. */
  pendingUntilSeconds?: number
  ec2ScanMode: Ec2ScanMode
}

/** Inspector configuration as a test sees it (`FakeAws.inspectorConfiguration()`). */
export interface InspectorConfigurationSnapshot {
  rescanDuration: EcrRescanDuration
  pullDateRescanDuration?: EcrPullDateRescanDuration
  pullDateRescanMode?: EcrPullDateRescanMode
  status: EcrRescanDurationStatus
  /** Scenario second of the last UpdateConfiguration (or the scenario's `updatedAtSeconds`). */
  updatedAtSeconds: number
  ec2ScanMode: Ec2ScanMode
}

const RESCAN_DURATIONS: readonly string[] = [
  'LIFETIME',
  'DAYS_180',
  'DAYS_90',
  'DAYS_60',
  'DAYS_30',
  'DAYS_14',
  'DAYS_7',
  'DAYS_3'
]
const PULL_DATE_RESCAN_DURATIONS: readonly string[] = RESCAN_DURATIONS.filter(
  (d) => d !== 'LIFETIME'
)
const PULL_DATE_RESCAN_MODES: readonly string[] = ['LAST_PULL_DATE', 'LAST_IN_USE_AT']
const EC2_SCAN_MODES: readonly string[] = ['EC2_SSM_AGENT_BASED', 'EC2_HYBRID']

export function initialInspectorConfiguration(scenario: Scenario): InspectorConfigurationState {
  const spec = scenario.inspectorConfiguration ?? {}
  const config: InspectorConfigurationState = {
    rescanDuration: spec.rescanDuration ?? 'DAYS_14',
    updatedAtSeconds: spec.updatedAtSeconds ?? -30 * 86_400,
    ec2ScanMode: spec.ec2ScanMode ?? 'EC2_SSM_AGENT_BASED'
  }
  if (spec.pullDateRescanDuration !== undefined)
    config.pullDateRescanDuration = spec.pullDateRescanDuration
  if (spec.pullDateRescanMode !== undefined) config.pullDateRescanMode = spec.pullDateRescanMode
  return config
}

export function inspectorConfigurationSnapshot(state: FakeState): InspectorConfigurationSnapshot {
  const config = state.inspectorConfiguration
  const snapshot: InspectorConfigurationSnapshot = {
    rescanDuration: config.rescanDuration,
    status: rescanStatus(state),
    updatedAtSeconds: config.updatedAtSeconds,
    ec2ScanMode: config.ec2ScanMode
  }
  if (config.pullDateRescanDuration !== undefined)
    snapshot.pullDateRescanDuration = config.pullDateRescanDuration
  if (config.pullDateRescanMode !== undefined)
    snapshot.pullDateRescanMode = config.pullDateRescanMode
  return snapshot
}

function rescanStatus(state: FakeState): EcrRescanDurationStatus {
  const until = state.inspectorConfiguration.pendingUntilSeconds
  return until !== undefined && state.clock.scenarioSeconds() < until ? 'PENDING' : 'SUCCESS'
}

function requireOwnAccount(state: FakeState, input: Record<string, unknown>): void {
  if (input.accountId !== undefined && input.accountId !== state.catalog.account) {
    throw new FakeAwsError(
      'AccessDeniedException',
      403,
      `You must be the delegated administrator of account ${String(input.accountId)} to manage its configuration.`
    )
  }
}

export function getConfiguration(
  state: FakeState,
  input: Record<string, unknown>
): GetConfigurationResponse {
  requireOwnAccount(state, input)
  const config = state.inspectorConfiguration
  const rescanDurationState: NonNullable<
    GetConfigurationResponse['ecrConfiguration']
  >['rescanDurationState'] = {
    rescanDuration: config.rescanDuration,
    status: rescanStatus(state),
    updatedAt: state.clock.dateAt(config.updatedAtSeconds)
  }
  if (config.pullDateRescanDuration !== undefined)
    rescanDurationState.pullDateRescanDuration = config.pullDateRescanDuration
  if (config.pullDateRescanMode !== undefined)
    rescanDurationState.pullDateRescanMode = config.pullDateRescanMode
  return {
    ecrConfiguration: { rescanDurationState },
    ec2Configuration: { scanModeState: { scanMode: config.ec2ScanMode, scanModeStatus: 'SUCCESS' } }
  }
}

function invalid(field: string, value: unknown, allowed: readonly string[]): FakeAwsError {
  return new FakeAwsError(
    'ValidationException',
    400,
    `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    {},
    { reason: 'FIELD_VALIDATION_FAILED', fields: [{ name: field, message: 'Invalid value' }] }
  )
}

/**
 * Validates everything before changing anything. Omitted pull-date members keep their values (the
 * API documents no reset; an assumption). Every accepted ECR update stamps `updatedAt`
 * and reports PENDING for the scenario's `updatePendingSeconds`, even when the values are the
 * ones already set (as AWS does: the write happens regardless).
 */
export function updateConfiguration(
  state: FakeState,
  input: Record<string, unknown>
): Record<string, never> {
  const ecr = input.ecrConfiguration as Record<string, unknown> | undefined
  const ec2 = input.ec2Configuration as Record<string, unknown> | undefined
  if (ecr === undefined && ec2 === undefined) {
    throw new FakeAwsError(
      'ValidationException',
      400,
      'At least one of ecrConfiguration or ec2Configuration must be provided.',
      {},
      { reason: 'FIELD_VALIDATION_FAILED' }
    )
  }
  if (ecr !== undefined) {
    if (!RESCAN_DURATIONS.includes(String(ecr.rescanDuration))) {
      throw invalid('ecrConfiguration.rescanDuration', ecr.rescanDuration, RESCAN_DURATIONS)
    }
    if (
      ecr.pullDateRescanDuration !== undefined &&
      !PULL_DATE_RESCAN_DURATIONS.includes(String(ecr.pullDateRescanDuration))
    ) {
      throw invalid(
        'ecrConfiguration.pullDateRescanDuration',
        ecr.pullDateRescanDuration,
        PULL_DATE_RESCAN_DURATIONS
      )
    }
    if (
      ecr.pullDateRescanMode !== undefined &&
      !PULL_DATE_RESCAN_MODES.includes(String(ecr.pullDateRescanMode))
    ) {
      throw invalid(
        'ecrConfiguration.pullDateRescanMode',
        ecr.pullDateRescanMode,
        PULL_DATE_RESCAN_MODES
      )
    }
  }
  if (ec2 !== undefined && !EC2_SCAN_MODES.includes(String(ec2.scanMode))) {
    throw invalid('ec2Configuration.scanMode', ec2.scanMode, EC2_SCAN_MODES)
  }

  const config = state.inspectorConfiguration
  const now = state.clock.scenarioSeconds()
  if (ecr !== undefined) {
    config.rescanDuration = ecr.rescanDuration as EcrRescanDuration
    if (ecr.pullDateRescanDuration !== undefined)
      config.pullDateRescanDuration = ecr.pullDateRescanDuration as EcrPullDateRescanDuration
    if (ecr.pullDateRescanMode !== undefined)
      config.pullDateRescanMode = ecr.pullDateRescanMode as EcrPullDateRescanMode
    config.updatedAtSeconds = now
    const pending = state.scenario.inspectorConfiguration?.updatePendingSeconds ?? 0
    if (pending > 0) config.pendingUntilSeconds = now + pending
    else delete config.pendingUntilSeconds
  }
  if (ec2 !== undefined) config.ec2ScanMode = ec2.scanMode as Ec2ScanMode
  return {}
}
