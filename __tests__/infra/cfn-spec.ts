/**
 * Checks resources against the CloudFormation resource specification shipped in
 * @aws-cdk/aws-service-spec (the database the CDK generates its L1 constructs from): the type
 * exists, every property (nested property types included) exists and required ones are present,
 * and GetAtt names an attribute the type has.
 */
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec'
import type { PropertyType, Resource, SpecDatabase } from '@aws-cdk/service-spec-types'
import { INTRINSIC_KEYS, type Json, type JsonObject } from './cfn-yaml.js'

export type { SpecDatabase }

let cached: Promise<SpecDatabase> | undefined
export function loadSpec(): Promise<SpecDatabase> {
  cached ??= loadAwsServiceSpec()
  return cached
}

export function findResourceType(db: SpecDatabase, type: string): Resource | undefined {
  return db.lookup('resource', 'cloudFormationType', 'equals', type)[0]
}

export function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** `{Ref: …}`, `{"Fn::If": …}` and the like: a single key that is an intrinsic function. */
export function isIntrinsic(value: Json | undefined): boolean {
  if (!isObject(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && INTRINSIC_KEYS.has(keys[0] as string)
}

/**
 * Problems with `value` as a `type` at `path`. Values produced by an intrinsic function are not
 * checked further (their shape is only known at deploy time); `Fn::If` branches are checked.
 */
export function propertyProblems(
  db: SpecDatabase,
  type: PropertyType,
  value: Json,
  path: string
): string[] {
  if (isObject(value) && isIntrinsic(value)) {
    const branches = value['Fn::If']
    if (Array.isArray(branches) && branches.length === 3) {
      return branches
        .slice(1)
        .flatMap((branch, i) =>
          isObject(branch) && branch['Ref'] === 'AWS::NoValue'
            ? []
            : propertyProblems(db, type, branch, `${path}[If:${i === 0 ? 'true' : 'false'}]`)
        )
    }
    return []
  }
  switch (type.type) {
    case 'json':
      return []
    case 'union': {
      const attempts = type.types.map((member) => propertyProblems(db, member, value, path))
      return attempts.some((problems) => problems.length === 0)
        ? []
        : [`${path}: matches none of the allowed types (${attempts.flat().join('; ')})`]
    }
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected a list`]
      return value.flatMap((item, i) => propertyProblems(db, type.element, item, `${path}[${i}]`))
    case 'map':
      if (!isObject(value)) return [`${path}: expected a mapping`]
      return Object.entries(value).flatMap(([key, item]) =>
        propertyProblems(db, type.element, item, `${path}.${key}`)
      )
    case 'ref': {
      if (!isObject(value)) return [`${path}: expected a mapping`]
      const definition = db.get('typeDefinition', type.reference)
      return propertiesProblems(db, definition.properties, value, path)
    }
    case 'tag':
      return isObject(value) && 'Key' in value ? [] : [`${path}: expected a {Key, Value} tag`]
    case 'string':
    case 'date-time':
      return typeof value === 'string' || typeof value === 'number'
        ? []
        : [`${path}: expected a string`]
    case 'number':
    case 'integer':
      return typeof value === 'number' ||
        (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
        ? []
        : [`${path}: expected a number`]
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? []
        : [`${path}: expected a boolean`]
    case 'null':
      return value === null ? [] : [`${path}: expected null`]
  }
}

/** Unknown or missing properties of a resource's `Properties` or of a nested property type. */
export function propertiesProblems(
  db: SpecDatabase,
  properties: Resource['properties'],
  value: JsonObject,
  path: string
): string[] {
  const problems: string[] = []
  for (const [name, item] of Object.entries(value)) {
    const property = properties[name]
    if (property === undefined) {
      problems.push(`${path}.${name}: no such property`)
      continue
    }
    problems.push(...propertyProblems(db, property.type, item, `${path}.${name}`))
  }
  for (const [name, property] of Object.entries(properties)) {
    if (property.required === true && !(name in value)) {
      problems.push(`${path}.${name}: required property missing`)
    }
  }
  return problems
}

/** The allowed values the spec lists for a property, if any (for parameter AllowedValues). */
export function allowedValuesOf(resource: Resource, property: string): Array<string | number> {
  const type = resource.properties[property]?.type
  if (type === undefined) return []
  if (type.type === 'integer' || type.type === 'string') return [...(type.allowedValues ?? [])]
  return []
}
