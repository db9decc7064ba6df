/**
 * The report's findings CSV, written a row at a time: the report module maps each ASFF finding to a
 * `ReportCsvFinding` and appends `csvRow(…)` to a file stream as pages arrive, after `csvHeader()`
 * once, so no list of rows is ever held.
 *
 * RFC 4180: `\r\n` line ends, fields holding a comma, a quote, CR or LF are quoted and their quotes
 * doubled. Text is written as JavaScript strings; the stream encodes it as UTF-8 (no byte order
 * mark). Every field is untrusted, and a spreadsheet runs a cell that starts with `=`, `+`, `-`,
 * `@`, tab or CR as a formula ("CSV injection"), so such a cell gets a leading `'`, which
 * spreadsheets show as text and do not evaluate. This file is the one place a value becomes CSV.
 */

/** One finding, flattened. Missing ASFF fields are `undefined` and become empty cells. */
export interface ReportCsvFinding {
  /** ASFF `Id`. */
  id: string
  title?: string | undefined
  /** `Severity.Label`. */
  severity?: string | undefined
  /** The first resource's `Type` (`AwsEcrContainerImage`, …). */
  resourceType?: string | undefined
  /** The first resource's `Id` (usually an ARN). */
  resourceId?: string | undefined
  /** `Compliance.Status`; empty for findings that are not control checks. */
  complianceStatus?: string | undefined
  /** `CreatedAt`, ISO 8601. */
  createdAt?: string | undefined
  /** `ProductName`. */
  productName?: string | undefined
  /** `AwsAccountId`. */
  accountId?: string | undefined
  region?: string | undefined
  /** `Workflow.Status`. */
  workflowStatus?: string | undefined
  /** `UpdatedAt`, ISO 8601. */
  updatedAt?: string | undefined
}

const COLUMNS: readonly { key: keyof ReportCsvFinding; title: string }[] = [
  { key: 'id', title: 'Id' },
  { key: 'title', title: 'Title' },
  { key: 'severity', title: 'Severity' },
  { key: 'resourceType', title: 'Resource type' },
  { key: 'resourceId', title: 'Resource id' },
  { key: 'complianceStatus', title: 'Compliance status' },
  { key: 'createdAt', title: 'Created at' },
  { key: 'productName', title: 'Product' },
  { key: 'accountId', title: 'Account' },
  { key: 'region', title: 'Region' },
  { key: 'workflowStatus', title: 'Workflow status' },
  { key: 'updatedAt', title: 'Updated at' }
]

export const CSV_LINE_END = '\r\n'

/** The header line (with its `\r\n`); write it once, before the first row. */
export function csvHeader(): string {
  return csvLine(COLUMNS.map((column) => column.title))
}

/** One finding as a CSV line (with its `\r\n`). */
export function csvRow(finding: ReportCsvFinding): string {
  return csvLine(COLUMNS.map((column) => finding[column.key] ?? ''))
}

function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',') + CSV_LINE_END
}

/** A cell a spreadsheet would evaluate as a formula (or whose leading tab/CR hides one). */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One value as a CSV field: formula-neutralised, then quoted if RFC 4180 requires it. */
export function csvField(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert
}
