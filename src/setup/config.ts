import { MissingRegionError } from '../inputs/missing-region.js'
import { inputReader, type RawInputs } from '../inputs/read.js'
import type { EcrRescanDuration } from '@aws-sdk/client-inspector2'
import { isRegionName } from '../domain/region.js'
import type { SetupConfig } from './run.js'
import { parseStandardChoice } from './standards.js'
import {
  InputError,
  parseBoolean,
  parseChoice,
  parseDuration,
  shown,
  parseList
} from '../inputs/values.js'

const SCAN_TYPES = ['ec2', 'ecr', 'lambda', 'lambda-code'] as const
/** Every EcrRescanDuration of the Inspector model, by the input that names it. */
export const ECR_RESCAN_DURATIONS: Record<string, EcrRescanDuration> = {
  '3d': 'DAYS_3',
  '7d': 'DAYS_7',
  '14d': 'DAYS_14',
  '30d': 'DAYS_30',
  '60d': 'DAYS_60',
  '90d': 'DAYS_90',
  '180d': 'DAYS_180',
  lifetime: 'LIFETIME'
}

/** Validates the setup inputs before any AWS call, naming the input in every error. */
export function buildSetupConfig(
  inputs: RawInputs,
  env: Record<string, string | undefined>
): SetupConfig {
  const { get } = inputReader(inputs)
  const region = env['AWS_REGION']
  if (!region) throw new MissingRegionError('setup needs a region: ')

  const listed = parseList(get('scan-types')).map((type) =>
    parseChoice('scan-types', type, SCAN_TYPES)
  )
  const scanTypes = {
    ec2: listed.includes('ec2'),
    ecr: listed.includes('ecr'),
    lambda: listed.includes('lambda') || listed.includes('lambda-code'),
    lambdaCode: listed.includes('lambda-code')
  }

  const rescan = get('ecr-rescan-duration').toLowerCase()
  // hasOwn: `constructor` or `__proto__` must not find what every object inherits.
  const ecrRescanDuration = Object.hasOwn(ECR_RESCAN_DURATIONS, rescan)
    ? ECR_RESCAN_DURATIONS[rescan]
    : undefined
  if (rescan !== '' && ecrRescanDuration === undefined) {
    throw new InputError(
      `ecr-rescan-duration: "${shown(rescan)}" is not one of ${Object.keys(ECR_RESCAN_DURATIONS).join(', ')}`
    )
  }

  const standardsInput = get('standards')
  const standards =
    standardsInput.toLowerCase() === 'none'
      ? []
      : parseList(standardsInput).map(parseStandardChoice)

  const override = env['INSPECTOR_GATE_POLL_INTERVAL']
  // The same test-only knob as the gate's: shortens the waits for local endpoints.
  const pollMs = override ? parseDuration('INSPECTOR_GATE_POLL_INTERVAL', override) : 10_000
  const listedRegions = parseList(get('regions'))
  for (const name of listedRegions) {
    if (!isRegionName(name))
      throw new InputError(`regions: "${shown(name)}" is not an AWS Region name such as us-east-1`)
  }
  const regions = listedRegions.length > 0 ? [...new Set(listedRegions)] : [region]
  return {
    region: regions[0] ?? region,
    regions,
    organization: parseBoolean('organization', get('organization')),
    aggregateRegions: parseBoolean('aggregate-regions', get('aggregate-regions')),
    scanTypes,
    ...(ecrRescanDuration !== undefined && { ecrRescanDuration }),
    standards,
    insights: parseBoolean('insights', get('insights')),
    timing: { pollMs, budgetMs: 10 * 60_000 }
  }
}
