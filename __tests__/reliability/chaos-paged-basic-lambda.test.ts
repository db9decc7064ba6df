import { ALL_CHAOS_KINDS, describeChaos } from './chaos-suite.js'
import { PAGED_BASIC_LAMBDA_CASES } from './cases.js'

describeChaos(PAGED_BASIC_LAMBDA_CASES, ALL_CHAOS_KINDS)
