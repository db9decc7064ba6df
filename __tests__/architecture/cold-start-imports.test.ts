/**
 * What a gate loads (issue 13, cold start): the bundle evaluates a module's static imports when it
 * loads it, so the modules a gate must not pay for have to stay out of the gate's static import
 * graph and come by dynamic `import()` (ncc makes each a chunk) on the path that needs them. This
 * walks `src/` from each entry the way the bundler does: every `import … from` and `export … from`
 * except `import type` / `export type` (with verbatimModuleSyntax, `import { type A }` is kept as a
 * side-effect import, so it counts), never `import()`.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm

interface Graph {
  /** Source files reached, relative to the repository (`src/…`). */
  files: Set<string>
  /** Packages reached (`@aws-sdk/client-sts`, `node:fs`, …). */
  packages: Set<string>
}

function staticGraph(entry: string): Graph {
  const graph: Graph = { files: new Set(), packages: new Set() }
  const pending = [join(ROOT, entry)]
  while (pending.length > 0) {
    const file = pending.pop() as string
    const name = relative(ROOT, file)
    if (graph.files.has(name)) continue
    graph.files.add(name)
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = specifier as string
      if (!target.startsWith('.')) {
        graph.packages.add(target)
        continue
      }
      const resolved = join(dirname(file), target).replace(/\.js$/, '.ts')
      if (!existsSync(resolved)) throw new Error(`${name}: cannot resolve ${target}`)
      pending.push(resolved)
    }
  }
  return graph
}

/** Never on a gate's path: the other modes' code and SDKs, the PR comment's Octokit, the SARIF writer. */
const NOT_FOR_A_GATE = {
  packages: [
    '@aws-sdk/client-cloudformation',
    '@aws-sdk/client-s3',
    '@aws-sdk/client-sns',
    '@actions/github'
  ],
  files: [
    'src/setup/step.ts',
    'src/report/step.ts',
    'src/responder-stack/step.ts',
    'src/setup/run.ts',
    'src/report/run.ts',
    'src/report/delivery.ts',
    'src/responder-stack/deploy.ts',
    'src/responder-stack/deploy-stack.ts',
    'src/aws/cloudformation.ts',
    'src/aws/delivery.ts',
    'src/report/render/html.ts',
    'src/gate/render/sarif/sarif.ts'
  ]
}

/** The scanners' SDKs, loaded only once the gate's identity call has its answer (gate-step.ts). */
const AFTER_THE_FIRST_REQUEST = [
  '@aws-sdk/client-ecr',
  '@aws-sdk/client-inspector2',
  '@aws-sdk/client-lambda',
  '@aws-sdk/client-securityhub',
  '@aws-sdk/client-cloudwatch-logs'
]

function reachedOf(graph: Graph, wanted: { packages: string[]; files: string[] }): string[] {
  return [
    ...wanted.packages.filter((name) => graph.packages.has(name)),
    ...wanted.files.filter((name) => graph.files.has(name))
  ]
}

describe('what a gate loads (static imports from each entry)', () => {
  it.each(['src/action/run.ts', 'src/cli/main.ts'])(
    '%s loads no SDK and no mode: run-step imports the step once the mode is known',
    (entry) => {
      const graph = staticGraph(entry)
      expect(graph.files).toContain('src/run-step.ts')
      expect([...graph.packages].filter((name) => name.startsWith('@aws-sdk/'))).toEqual([])
      expect(
        [...graph.files].filter((name) =>
          /^src\/(run-step\.ts|(gate|setup|report|responder-stack)\/)/.test(name)
        )
      ).toEqual(['src/run-step.ts'])
    }
  )

  it("the action's entry loads no @actions/* package: @actions/core comes by import() once a step writes", () => {
    // The toolkit imports its HTTP client and undici (OIDC tokens): tens of milliseconds of
    // parsing, which would all come before the step's first AWS request.
    const graph = staticGraph('src/index.ts')
    expect(graph.files).toContain('src/action/run.ts')
    expect([...graph.packages].filter((name) => name.startsWith('@actions/'))).toEqual([])
    expect(graph.files).not.toContain('src/action/action-host.ts')
    // …and it is there: the action's host, which writes with the toolkit, is reached by import().
    expect(staticGraph('src/action/action-host.ts').packages).toContain('@actions/core')
    expect(readFileSync(join(ROOT, 'src/action/run.ts'), 'utf8')).toMatch(
      /import\('@actions\/core'\)[^]*import\('\.\/action-host\.js'\)/
    )
  })

  it('the gate step reaches STS for its first request, and nothing of the other modes', () => {
    const graph = staticGraph('src/gate/step.ts')
    expect(graph.packages).toContain('@aws-sdk/client-sts')
    expect(reachedOf(graph, NOT_FOR_A_GATE)).toEqual([])
  })

  it("the gate step leaves the scanners' SDKs and gate/run.ts for after the first request", () => {
    const graph = staticGraph('src/gate/step.ts')
    expect(
      reachedOf(graph, { packages: AFTER_THE_FIRST_REQUEST, files: ['src/gate/run.ts'] })
    ).toEqual([])
    // The ignore file's parser and its YAML library come only with an ignore file.
    expect(reachedOf(graph, { packages: ['yaml'], files: ['src/gate/ignore-file.ts'] })).toEqual([])
  })

  it('the scanners of pushed images and deployed functions (gate/scan-deployed.ts) reach their SDKs and nothing of the other modes', () => {
    const graph = staticGraph('src/gate/scan-deployed.ts')
    // The walk does reach the scanners' SDKs: the test would notice an import it cannot follow.
    expect(reachedOf(graph, { packages: AFTER_THE_FIRST_REQUEST, files: [] })).toEqual(
      AFTER_THE_FIRST_REQUEST
    )
    expect(reachedOf(graph, NOT_FOR_A_GATE)).toEqual([])
  })

  it("an SBOM gate's own code (gate/run.ts) reaches none of the scanners' SDKs: ScanSbom need not wait for them", () => {
    const graph = staticGraph('src/gate/run.ts')
    expect(
      reachedOf(graph, {
        packages: AFTER_THE_FIRST_REQUEST,
        files: ['src/gate/scan-deployed.ts', 'src/gate/scan/image-scanner.ts']
      })
    ).toEqual([])
    expect(graph.files).toContain('src/sbom/scan-target.ts')
    expect(reachedOf(graph, NOT_FOR_A_GATE)).toEqual([])
  })
})
