import type { SetupReport } from './run.js'
import { markdownText } from '../text/escape.js'

/** The job summary of a setup run: what changed, what was already in place, what went wrong. */
export function renderSetupSummary(report: SetupReport): string {
  const ok = report.problems.length === 0
  const lines = [
    `## ${ok ? '✅' : '❌'} Security baseline ${ok ? 'in place' : 'incomplete'}`,
    '',
    report.changes.length === 0
      ? 'Nothing to change: everything was already in place.'
      : `**Changed ${report.changes.length} thing(s):**`
  ]
  const section = (items: string[]): string[] => items.map((item) => `- ${markdownText(item, 400)}`)
  if (report.changes.length > 0) lines.push('', ...section(report.changes))
  if (report.table !== undefined) {
    lines.push('', '**Organization:**', '')
    if (report.table.length === 0) lines.push('Nothing to change in any account or Region.')
    else {
      lines.push('| Account | Region | Changed |', '| --- | --- | --- |')
      for (const row of report.table) {
        const cell = (text: string) => markdownText(text, 200).replaceAll('|', '\\|')
        lines.push(`| ${cell(row.account)} | ${cell(row.region)} | ${cell(row.changed)} |`)
      }
    }
  }
  if (report.problems.length > 0) lines.push('', '**Problems:**', '', ...section(report.problems))
  if (report.warnings.length > 0) lines.push('', '**Warnings:**', '', ...section(report.warnings))
  if (report.unchanged.length > 0) {
    lines.push(
      '',
      '<details>',
      `<summary>${report.unchanged.length} already in place</summary>`,
      ''
    )
    lines.push(...section(report.unchanged), '', '</details>')
  }
  return `${lines.join('\n')}\n`
}
