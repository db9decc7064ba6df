import { describe, expect, it } from '@jest/globals'
import { IgnoreFileError, parseIgnoreFile } from '../../src/gate/ignore-file.js'

const FILE = '.inspector-ignore.yml'

/** Joins lines so line numbers in the tests are easy to count. */
const yaml = (...lines: string[]): string => lines.join('\n') + '\n'

function errorOf(text: string): IgnoreFileError {
  try {
    parseIgnoreFile(text, FILE)
  } catch (error) {
    if (error instanceof IgnoreFileError) return error
    throw error
  }
  throw new Error('expected parseIgnoreFile to throw')
}

describe('parseIgnoreFile: valid files', () => {
  it('parses entries with every field, recording file and line', () => {
    const text = yaml(
      '# accepted findings',
      'ignore:',
      '  - id: CVE-2024-1234',
      '    reason: not reachable from the entrypoint',
      '    expires: 2026-12-31',
      '    repository: team/*',
      `    image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0`,
      '    package: openssl',
      '  - id: arn:aws:inspector2:us-east-1:123456789012:finding/abc123',
      "    reason: 'vendor says false positive'",
      '  - id: CVE-2021-44228',
      '    reason: the SBOM lists a test jar that is not shipped',
      '    sbom: build/app.cdx.json',
      '    function: orders-api'
    )

    expect(parseIgnoreFile(text, FILE)).toEqual([
      {
        id: 'CVE-2024-1234',
        reason: 'not reachable from the entrypoint',
        expires: '2026-12-31',
        repository: 'team/*',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0',
        package: 'openssl',
        line: 3,
        file: FILE
      },
      {
        id: 'arn:aws:inspector2:us-east-1:123456789012:finding/abc123',
        reason: 'vendor says false positive',
        line: 9,
        file: FILE
      },
      {
        id: 'CVE-2021-44228',
        reason: 'the SBOM lists a test jar that is not shipped',
        sbom: 'build/app.cdx.json',
        function: 'orders-api',
        line: 11,
        file: FILE
      }
    ])
  })

  it('keeps the date as written (not a Date object)', () => {
    const [rule] = parseIgnoreFile(
      yaml('ignore:', '  - id: CVE-1', '    reason: r', '    expires: 2026-01-05'),
      FILE
    )

    expect(rule?.expires).toBe('2026-01-05')
  })

  it('accepts a leap day', () => {
    const text = yaml('ignore:', '  - id: CVE-1', '    reason: r', '    expires: 2028-02-29')

    expect(parseIgnoreFile(text, FILE)[0]?.expires).toBe('2028-02-29')
  })

  it('omits optional fields that are not given', () => {
    const [rule] = parseIgnoreFile(yaml('ignore:', '  - id: CVE-1', '    reason: r'), FILE)

    expect(Object.keys(rule ?? {}).sort()).toEqual(['file', 'id', 'line', 'reason'])
  })

  it.each([
    ['an empty file', ''],
    ['a file with only comments', '# nothing ignored yet\n'],
    ['ignore: with no entries', 'ignore:\n'],
    ['ignore: []', 'ignore: []\n']
  ])('returns no rules for %s', (_case, text) => {
    expect(parseIgnoreFile(text, FILE)).toEqual([])
  })
})

describe('parseIgnoreFile: errors name file and line', () => {
  it('reports malformed YAML at its line', () => {
    const error = errorOf(
      yaml('ignore:', '  - id: CVE-1', '    reason: "unterminated', '  - id: x')
    )

    expect(error.message).toMatch(/^ignore-file \.inspector-ignore\.yml:\d+: invalid YAML/)
    const line = Number(/:(\d+):/.exec(error.message)?.[1])
    expect(line).toBeGreaterThanOrEqual(3)
  })

  it('reports bad indentation at the offending line', () => {
    const error = errorOf(yaml('ignore:', '  - id: CVE-1', '    reason: r', '   bad: indentation'))

    expect(error.message).toContain(`${FILE}:4: invalid YAML`)
  })

  it("reports an entry missing reason at the entry's line", () => {
    const error = errorOf(
      yaml('ignore:', '  - id: CVE-1', '    reason: ok', '  - id: CVE-2', '    expires: 2026-01-01')
    )

    expect(error.message).toBe(
      `ignore-file ${FILE}:4: entry CVE-2 has no "reason": say why it is accepted`
    )
  })

  it('treats a blank reason as missing', () => {
    const error = errorOf(yaml('ignore:', '  - id: CVE-1', '    reason: "   "'))

    expect(error.message).toContain(`${FILE}:2: entry CVE-1 has no "reason"`)
  })

  it('reports an entry missing id', () => {
    const error = errorOf(yaml('ignore:', '  - reason: because'))

    expect(error.message).toContain(`${FILE}:2: entry has no "id"`)
  })

  it("reports an unknown key (typo) at the key's line", () => {
    const error = errorOf(yaml('ignore:', '  - id: CVE-1', '    reson: typo here'))

    expect(error.message).toContain(`${FILE}:3: unknown key "reson"`)
    expect(error.message).toContain(
      'allowed: id, reason, expires, repository, image, function, sbom, package'
    )
  })

  it('reports an unknown top-level key', () => {
    const error = errorOf(yaml('ignore: []', 'ignores:', '  - id: CVE-1'))

    expect(error.message).toContain(`${FILE}:2: unknown top-level key "ignores"`)
  })

  it.each(['2026-02-30', '2026-13-01', 'tomorrow', '31/12/2026', '2026-1-5'])(
    'rejects expires %s',
    (expires) => {
      const error = errorOf(
        yaml(
          'ignore:',
          '  - id: CVE-0',
          '    reason: r',
          '  - id: CVE-1',
          '    reason: r',
          `    expires: ${expires}`
        )
      )

      expect(error.message).toContain(`${FILE}:4: entry CVE-1 has expires "${expires}"`)
      expect(error.message).toContain('YYYY-MM-DD')
    }
  )

  it('rejects a top-level list instead of a mapping', () => {
    const error = errorOf(yaml('- id: CVE-1', '  reason: r'))

    expect(error.message).toContain(`${FILE}:1: expected a mapping with an \`ignore:\` list`)
  })

  it('rejects ignore: given as a mapping rather than a list', () => {
    const error = errorOf(yaml('ignore:', '  id: CVE-1', '  reason: r'))

    expect(error.message).toContain(`${FILE}:2: \`ignore\` must be a list`)
  })

  it('rejects an entry that is not a mapping', () => {
    const error = errorOf(yaml('ignore:', '  - CVE-1'))

    expect(error.message).toContain(`${FILE}:2: each entry must be a mapping`)
  })

  it.each([
    ['a list', '    package: [openssl, curl]'],
    ['a mapping', '    repository: {name: app}'],
    ['an empty value', '    package:']
  ])('rejects a field whose value is %s', (_case, line) => {
    const error = errorOf(yaml('ignore:', '  - id: CVE-1', '    reason: r', line))

    expect(error.message).toContain(
      `${FILE}:4: "${line.trim().split(':')[0]}" must be a single value`
    )
  })

  it('rejects a duplicated key', () => {
    const error = errorOf(yaml('ignore:', '  - id: CVE-1', '    id: CVE-2', '    reason: r'))

    expect(error.message).toBe(`ignore-file ${FILE}:3: invalid YAML (Map keys must be unique)`)
  })

  it('is an IgnoreFileError naming the file given', () => {
    expect(() => parseIgnoreFile('- x\n', 'config/ignore.yaml')).toThrow(
      /^ignore-file config\/ignore\.yaml:1: /
    )
  })
})

describe('parseIgnoreFile: regressions found by the property tests', () => {
  it('keeps plain values as written where YAML would read a number', () => {
    const text = yaml(
      'ignore:',
      '  - id: 0x1F',
      '    reason: 1.10',
      '    function: 0123',
      '    repository: 1e3',
      '    package: true'
    )

    expect(parseIgnoreFile(text, FILE)).toEqual([
      {
        id: '0x1F',
        reason: '1.10',
        function: '0123',
        repository: '1e3',
        package: 'true',
        line: 2,
        file: FILE
      }
    ])
  })

  it('quotes keys, ids, dates and the file name on one line, and short', () => {
    const key = errorOf(yaml('ignore:', '  - id: CVE-1', '    "re\\nson": r'))
    const id = errorOf(yaml('ignore:', `  - id: "${'A'.repeat(50_000)}\\nB"`))
    const expires = errorOf(
      yaml('ignore:', '  - id: CVE-1', '    reason: r', '    expires: "2026\\n01-01"')
    )
    let file: unknown
    try {
      parseIgnoreFile('- x\n', 'dir\nname.yml')
    } catch (error) {
      file = error
    }

    expect(key.message).toContain(`${FILE}:3: unknown key "re\\nson"`)
    expect(id.message).toContain(`entry ${'A'.repeat(200)}… (50002 characters) has no "reason"`)
    expect(expires.message).toContain('has expires "2026\\n01-01"')
    expect(file).toEqual(
      new IgnoreFileError('ignore-file dir\\nname.yml:1: expected a mapping with an `ignore:` list')
    )
    for (const error of [key, id, expires]) expect(error.message).not.toMatch(/\n/)
  })
})
