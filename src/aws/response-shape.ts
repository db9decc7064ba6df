import { AwsCallError } from './errors.js'

/**
 * Checks the members of an AWS answer that the code reads, before it reads them. The SDK does not
 * validate what a service (or something posing as one) sends: a number where a string belongs, or
 * an object where a list belongs, would otherwise surface as a raw JavaScript error ("… is not a
 * function") or, worse, be skipped. Each check names the operation, what was being read and the
 * member, in one line, and the caller's target becomes an error: never a silent default.
 */
export class ShapeCheck {
  constructor(
    /** The operation whose answer this is, e.g. `ListFindings`. */
    readonly operation: string,
    /** What in the answer is being read, e.g. `finding arn:…`. */
    readonly subject: string
  ) {}

  fail(member: string, problem: string): AwsCallError {
    return new AwsCallError(
      `${this.operation} returned ${this.subject} with ${member} ${problem}; this is not an answer AWS documents, so the gate cannot rely on it`,
      'UnexpectedResponse',
      false
    )
  }

  private typed(member: string, value: unknown, expected: string, ok: boolean): void {
    if (!ok) this.throwType(member, value, expected)
  }

  private throwType(member: string, value: unknown, expected: string): never {
    throw this.fail(member, `of type ${describeType(value)}, not ${expected}`)
  }

  string(member: string, value: unknown): string | undefined {
    this.typed(member, value, 'a string', value === undefined || typeof value === 'string')
    return value as string | undefined
  }

  number(member: string, value: unknown): number | undefined {
    this.typed(
      member,
      value,
      'a number',
      value === undefined || (typeof value === 'number' && Number.isFinite(value))
    )
    return value as number | undefined
  }

  date(member: string, value: unknown): Date | undefined {
    this.typed(
      member,
      value,
      'a timestamp',
      value === undefined || (value instanceof Date && !Number.isNaN(value.getTime()))
    )
    return value as Date | undefined
  }

  object(member: string, value: unknown): Record<string, unknown> | undefined {
    this.typed(
      member,
      value,
      'an object',
      value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))
    )
    return value as Record<string, unknown> | undefined
  }

  list(member: string, value: unknown): unknown[] | undefined {
    this.typed(member, value, 'a list', value === undefined || Array.isArray(value))
    return value as unknown[] | undefined
  }

  /** A list of strings (e.g. reference URLs, CWEs); each entry checked. */
  strings(member: string, value: unknown): string[] | undefined {
    const list = this.list(member, value)
    list?.forEach((entry, i) => this.string(`${member}[${i}]`, entry))
    return list as string[] | undefined
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'list'
  return typeof value
}
