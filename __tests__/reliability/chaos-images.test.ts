import { ALL_CHAOS_KINDS, describeChaos } from './chaos-suite.js'
import { IMAGE_CASES } from './cases.js'

// Single-page reads: the page-token faults have nothing to hit here.
describeChaos(
  IMAGE_CASES,
  ALL_CHAOS_KINDS.filter((kind) => kind !== 'expired-token' && kind !== 'page-overlap')
)
