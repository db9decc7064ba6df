import { describe, expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { importGraph, importsOf, layerOf, violations, type LayerRules } from './import-graph.js'

/**
 * The arrows of docs/architecture.md, enforced: each layer names the layers it may import
 * (type-only imports included; a layer not listed may import nothing). Renderers see only the
 * model and text escaping; AWS adapters only the model and the runtime ports; no mode imports
 * another, except that the gate and setup share ensure-enabled and the responder stack.
 */
const RULES: LayerRules = {
  domain: [],
  text: [],
  version: [],
  inputs: ['domain', 'text'],
  runtime: ['domain', 'text'],
  aws: ['domain', 'runtime'],
  'gate/render': ['domain', 'text'],
  // The comment's renderer and its GitHub side (github.ts, which also needs the runtime's helpers).
  'gate/pr-comment': ['domain', 'text', 'runtime', 'gate/render'],
  'gate/scan': ['domain', 'runtime', 'aws'],
  gate: [
    'domain',
    'text',
    'runtime',
    'inputs',
    'aws',
    'version',
    'gate/render',
    'gate/scan',
    'gate/pr-comment',
    'ensure-enabled',
    'responder-stack',
    'sbom'
  ],
  // The pre-push SBOM gate's own pieces (reading SBOM files, Inspector Scan's answer).
  sbom: ['domain', 'text', 'runtime', 'inputs', 'aws'],
  'ensure-enabled': ['domain', 'text', 'runtime', 'aws'],
  'responder-stack': ['domain', 'text', 'runtime', 'inputs', 'aws'],
  setup: ['domain', 'text', 'runtime', 'inputs', 'aws', 'ensure-enabled', 'responder-stack'],
  'report/render': ['domain', 'text'],
  report: ['domain', 'text', 'runtime', 'inputs', 'aws', 'report/render'],
  // The Lambda function is bundled on its own (scripts/build-responder.ts): it shares nothing.
  'responder-lambda': [],
  'run-step': ['gate', 'setup', 'report', 'inputs', 'runtime'],
  action: 'anything',
  cli: 'anything',
  index: ['action']
}

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

describe('the layers of src/', () => {
  const edges = importGraph(SRC)

  it('are kept: no import crosses an arrow the architecture does not draw', () => {
    expect(violations(edges, RULES)).toEqual([])
  })

  it('are all named in the rules, so a new folder gets rules before it gets code', () => {
    const layers = new Set(edges.flatMap((e) => [layerOf(e.from), layerOf(e.to)]))
    expect([...layers].filter((layer) => !(layer in RULES)).sort()).toEqual([])
  })

  it('were read from the real import graph (not an empty walk)', () => {
    expect(edges.length).toBeGreaterThan(300)
    expect(edges).toContainEqual({
      from: 'gate/scan-deployed.ts',
      to: 'aws/sts.ts',
      typeOnly: false
    })
  })
})

describe('the import checker', () => {
  it('finds static, type-only, re-exported and dynamic imports, resolved from the file', () => {
    const text = [
      "import { a } from '../aws/errors.js'",
      "import type { B } from './b.js'",
      "export { c } from '../domain/c.js'",
      "import '../runtime/side-effect.js'",
      "const d = await import('../setup/step.js')",
      "import { readFileSync } from 'node:fs'"
    ].join('\n')
    expect(importsOf('gate/run.ts', text)).toEqual([
      { from: 'gate/run.ts', to: 'aws/errors.ts', typeOnly: false },
      { from: 'gate/run.ts', to: 'gate/b.ts', typeOnly: true },
      { from: 'gate/run.ts', to: 'domain/c.ts', typeOnly: false },
      { from: 'gate/run.ts', to: 'runtime/side-effect.ts', typeOnly: false },
      { from: 'gate/run.ts', to: 'setup/step.ts', typeOnly: false }
    ])
  })

  it('reports a deliberate violation, a renderer reaching for the SDK adapters', () => {
    const edge = { from: 'gate/render/summary.ts', to: 'aws/clients.ts', typeOnly: true }
    expect(violations([edge], RULES)).toEqual([
      'gate/render/summary.ts → aws/clients.ts (gate/render may not import aws)'
    ])
    expect(violations([{ ...edge, from: 'domain/policy.ts' }], RULES)).toEqual([
      'domain/policy.ts → aws/clients.ts (domain may not import aws)'
    ])
    expect(violations([{ ...edge, from: 'gate/run.ts', to: 'report/run.ts' }], RULES)).toEqual([
      'gate/run.ts → report/run.ts (gate may not import report)'
    ])
  })
})
