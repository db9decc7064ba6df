import { artifactContent, artifactVariant, type ScannedArtifact } from '../../domain/finding.js'
import { emptySeverityCounts, type Severity } from '../../domain/severity.js'
import type { Verdict } from '../../domain/verdict.js'

export type ArtifactCounts = Record<Severity, number> & { ignored: number }

/**
 * One artifact's row identity. The same digest can be listed under two references (`app:latest`
 * and `app@sha256:…`), and those are separate outcomes, so the reference is part of the key.
 */
export function artifactKey(artifact: ScannedArtifact): string {
  return `${artifact.reference}\u0000${artifactContent(artifact)}\u0000${artifactVariant(artifact) ?? ''}`
}

/** Not-ignored findings by raw severity, plus the ignored count, per artifact (one pass). */
export function countsByArtifact(verdict: Verdict): Map<string, ArtifactCounts> {
  const counts = new Map<string, ArtifactCounts>()
  const countsFor = (artifact: ScannedArtifact): ArtifactCounts => {
    const key = artifactKey(artifact)
    let entry = counts.get(key)
    if (entry === undefined) {
      entry = emptyArtifactCounts()
      counts.set(key, entry)
    }
    return entry
  }
  for (const { finding } of verdict.assessed) countsFor(finding.artifact)[finding.severity] += 1
  for (const { finding } of verdict.ignored) countsFor(finding.artifact).ignored += 1
  return counts
}

export function emptyArtifactCounts(): ArtifactCounts {
  return { ...emptySeverityCounts(), ignored: 0 }
}
