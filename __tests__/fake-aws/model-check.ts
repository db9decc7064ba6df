/**
 * Holds the local endpoint to AWS's published service models (aws-models/, from botocore): every
 * request the SDK sends it and every answer it gives is checked against the operation's input or
 * output shape. What is checked: member names (no member the model does not have), types as they
 * travel on the wire (JSON protocols: timestamps as epoch seconds, blobs as base64 strings),
 * required members, enum values, `min`/`max` of lists, maps, strings and numbers, and string
 * `pattern`s where the model has them. An answer the fake gives that AWS could not give is a bug of
 * the fake: it would prove the gate against a service that does not exist.
 *
 * STS and CloudFormation speak the Query protocol (XML answers): their requests are checked, and
 * CloudFormation's answers are checked as built, before they are written as XML. STS's are not (its
 * XML writer is a small template, and the SDK parses it strictly).
 */
import { readFileSync } from 'node:fs'
import type { ServiceName } from './wire.js'

interface MemberRef {
  shape: string
  location?: string
  locationName?: string
}

interface Shape {
  type: string
  members?: Record<string, MemberRef>
  required?: string[]
  member?: MemberRef
  key?: MemberRef
  value?: MemberRef
  enum?: string[]
  min?: number
  max?: number
  pattern?: string
  timestampFormat?: string
  /** A Smithy document: any JSON value (ScanSbom's `sbom`), not checked member by member. */
  document?: boolean
}

interface Model {
  metadata: { protocol: string; timestampFormat?: string }
  operations: Record<
    string,
    { input?: { shape: string }; output?: { shape: string }; errors?: { shape: string }[] }
  >
  shapes: Record<string, Shape>
}

const MODEL_FILES: Record<ServiceName, string> = {
  cloudformation: 'cloudformation.json',
  ecr: 'ecr.json',
  inspector2: 'inspector2.json',
  'inspector-scan': 'inspector-scan.json',
  lambda: 'lambda.json',
  logs: 'logs.json',
  securityhub: 'securityhub.json',
  sts: 'sts.json'
}

const models = new Map<ServiceName, Model>()

function modelOf(service: ServiceName): Model {
  let model = models.get(service)
  if (model === undefined) {
    const url = new URL(`./aws-models/${MODEL_FILES[service]}`, import.meta.url)
    model = JSON.parse(readFileSync(url, 'utf8')) as Model
    models.set(service, model)
  }
  return model
}

/** Members a query string, path or header carries: strings on the wire, whatever their type. */
const OUT_OF_BODY = new Set(['uri', 'querystring', 'header', 'headers', 'statusCode'])

export type Direction = 'request' | 'response'

/**
 * Every way `value` differs from the operation's input (request) or output (response) shape, as
 * lines naming the member path. Members bound to the URI, query string or headers are checked for
 * their value only (they arrive as strings), and absent ones are not required of the body.
 */
export function modelViolations(
  service: ServiceName,
  operation: string,
  direction: Direction,
  value: unknown
): string[] {
  const model = modelOf(service)
  const op = model.operations[operation]
  if (op === undefined) return [`${service}:${operation} is not an operation of the model`]
  const ref = direction === 'request' ? op.input : op.output
  if (ref === undefined) {
    const empty = value === undefined || (isRecord(value) && Object.keys(value).length === 0)
    return empty ? [] : [`${service}:${operation} ${direction}: the model has no ${direction}`]
  }
  const problems: string[] = []
  check(model, ref.shape, value, `${operation} ${direction}`, problems, direction, true)
  return problems
}

function check(
  model: Model,
  shapeName: string,
  value: unknown,
  path: string,
  problems: string[],
  direction: Direction,
  top = false,
  fromWireString = false
): void {
  const shape = model.shapes[shapeName]
  if (shape === undefined) {
    problems.push(`${path}: shape ${shapeName} is missing from the model`)
    return
  }
  const wrong = (expected: string) =>
    problems.push(`${path}: ${describe(value)} where the model has ${expected} (${shapeName})`)
  // A document shape is typed `structure` with no members, but carries any JSON value.
  if (shape.document === true) return
  switch (shape.type) {
    case 'structure': {
      if (!isRecord(value)) return void wrong('a structure')
      const members = shape.members ?? {}
      for (const [name, member] of Object.entries(value)) {
        const ref = members[name]
        if (ref === undefined) {
          problems.push(`${path}.${name}: no such member in ${shapeName}`)
          continue
        }
        if (member === null || member === undefined) continue
        const outside = top && ref.location !== undefined && OUT_OF_BODY.has(ref.location)
        check(model, ref.shape, member, `${path}.${name}`, problems, direction, false, outside)
      }
      for (const name of shape.required ?? []) {
        const ref = members[name]
        const outside = ref?.location !== undefined && OUT_OF_BODY.has(ref.location)
        // Path and header members of a response are not in its body; of a request, the fake
        // merges path and query members into the input, so they are required there too.
        if (outside && direction === 'response') continue
        if (value[name] === undefined || value[name] === null) {
          problems.push(`${path}.${name}: required by ${shapeName}, missing`)
        }
      }
      return
    }
    case 'list': {
      if (!Array.isArray(value)) return void wrong('a list')
      lengthWithin(shape, value.length, path, problems, 'items')
      value.forEach((item, i) =>
        check(model, shape.member?.shape ?? '', item, `${path}[${i}]`, problems, direction)
      )
      return
    }
    case 'map': {
      if (!isRecord(value)) return void wrong('a map')
      const entries = Object.entries(value)
      lengthWithin(shape, entries.length, path, problems, 'entries')
      for (const [key, item] of entries) {
        check(model, shape.key?.shape ?? '', key, `${path} key`, problems, direction)
        check(model, shape.value?.shape ?? '', item, `${path}[${key}]`, problems, direction)
      }
      return
    }
    case 'string': {
      if (typeof value !== 'string') return void wrong('a string')
      if (shape.enum !== undefined && !shape.enum.includes(value)) {
        problems.push(`${path}: "${value.slice(0, 80)}" is not one of ${shapeName}'s values`)
      }
      lengthWithin(shape, value.length, path, problems, 'characters')
      if (shape.pattern !== undefined && !matches(shape.pattern, value)) {
        problems.push(`${path}: "${value.slice(0, 80)}" does not match ${shapeName}'s pattern`)
      }
      return
    }
    case 'integer':
    case 'long':
    case 'double':
    case 'float': {
      const number = fromWireString && typeof value === 'string' ? Number(value) : value
      if (typeof number !== 'number' || !Number.isFinite(number)) return void wrong('a number')
      if ((shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(number)) {
        return void wrong('an integer')
      }
      if (shape.min !== undefined && number < shape.min) {
        problems.push(`${path}: ${number} is below ${shapeName}'s min ${shape.min}`)
      }
      if (shape.max !== undefined && number > shape.max) {
        problems.push(`${path}: ${number} is above ${shapeName}'s max ${shape.max}`)
      }
      return
    }
    case 'boolean': {
      const ok =
        typeof value === 'boolean' || (fromWireString && /^(true|false)$/.test(String(value)))
      if (!ok) wrong('a boolean')
      return
    }
    case 'timestamp': {
      // JSON protocols send epoch seconds unless a format is named; path and query members,
      // and iso8601-formatted ones, are strings.
      // The Query protocol (STS, CloudFormation) sends ISO 8601 by default.
      const format =
        shape.timestampFormat ??
        model.metadata.timestampFormat ??
        (model.metadata.protocol === 'query' ? 'iso8601' : undefined)
      if (fromWireString || format === 'iso8601') {
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) wrong('a date string')
      } else if (typeof value !== 'number' || !Number.isFinite(value)) {
        wrong('epoch seconds')
      }
      return
    }
    case 'blob': {
      if (typeof value !== 'string') wrong('a base64 string')
      return
    }
    default:
      problems.push(`${path}: shape type ${shape.type} is not understood by the checker`)
  }
}

function lengthWithin(
  shape: Shape,
  length: number,
  path: string,
  problems: string[],
  unit: string
): void {
  if (shape.min !== undefined && length < shape.min) {
    problems.push(`${path}: ${length} ${unit}, fewer than the model's min ${shape.min}`)
  }
  if (shape.max !== undefined && length > shape.max) {
    problems.push(`${path}: ${length} ${unit}, more than the model's max ${shape.max}`)
  }
}

const patterns = new Map<string, RegExp | undefined>()

/**
 * The model's patterns are Java regexes that must match the whole value (as AWS validates them);
 * one JavaScript cannot read is skipped, not guessed.
 */
function matches(pattern: string, value: string): boolean {
  if (!patterns.has(pattern)) {
    let compiled: RegExp | undefined
    try {
      compiled = new RegExp(`^(?:${pattern})$`, 'u')
    } catch {
      try {
        compiled = new RegExp(`^(?:${pattern})$`)
      } catch {
        compiled = undefined
      }
    }
    patterns.set(pattern, compiled)
  }
  const regex = patterns.get(pattern)
  return regex === undefined || regex.test(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return `the string "${value.slice(0, 40)}"`
  return `a ${typeof value}`
}

/** The values of one enum shape of a service's model (fixtures use it to stay within the model). */
export function modelEnum(service: ServiceName, shapeName: string): string[] {
  return modelOf(service).shapes[shapeName]?.enum ?? []
}

/** The error codes (shape names) the model says an operation can answer with. */
export function modelErrors(service: ServiceName, operation: string): string[] {
  return (modelOf(service).operations[operation]?.errors ?? []).map((error) => error.shape)
}
