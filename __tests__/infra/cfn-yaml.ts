/**
 * Reads CloudFormation YAML: every short-form tag (`!Ref`, `!GetAtt`, `!Sub`, …) becomes the long
 * form (`{Ref: …}`, `{"Fn::GetAtt": [resource, attribute]}`, `{"Fn::Sub": …}`), whatever node kind
 * (scalar, sequence or mapping) it is written on.
 */
import { readFileSync } from 'node:fs'
import {
  isScalar,
  parseDocument,
  type CollectionTag,
  type Document,
  type ScalarTag,
  type YAMLMap,
  type YAMLSeq
} from 'yaml'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

/** Short tag → long-form key. `!Ref` and `!Condition` are not `Fn::` functions. */
const FUNCTIONS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  Join: 'Fn::Join',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  FindInMap: 'Fn::FindInMap',
  ImportValue: 'Fn::ImportValue',
  GetAZs: 'Fn::GetAZs',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  Contains: 'Fn::Contains',
  EachMemberEquals: 'Fn::EachMemberEquals',
  EachMemberIn: 'Fn::EachMemberIn',
  RefAll: 'Fn::RefAll',
  ValueOf: 'Fn::ValueOf',
  ValueOfAll: 'Fn::ValueOfAll',
  Transform: 'Fn::Transform'
}

/** The long-form function names a template may contain (including condition-only ones). */
export const INTRINSIC_KEYS: ReadonlySet<string> = new Set([
  ...Object.values(FUNCTIONS),
  'Fn::GetAtt',
  'Fn::Length',
  'Fn::ToJsonString',
  'Fn::ForEach'
])

function scalarTag(name: string, key: string): ScalarTag {
  return {
    tag: `!${name}`,
    resolve(value: string): unknown {
      if (name === 'GetAtt') {
        // `!GetAtt Resource.Attribute.With.Dots` splits at the first dot only.
        const dot = value.indexOf('.')
        return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] }
      }
      return { [key]: value }
    }
  }
}

function collectionTag(name: string, key: string, collection: 'map' | 'seq'): CollectionTag {
  return {
    tag: `!${name}`,
    collection,
    resolve(node: YAMLMap.Parsed | YAMLSeq.Parsed): unknown {
      return { [key]: node.toJSON() as unknown }
    }
  } as CollectionTag
}

export const CFN_TAGS: Array<ScalarTag | CollectionTag> = Object.entries(FUNCTIONS).flatMap(
  ([name, key]) => [
    scalarTag(name, key),
    collectionTag(name, key, 'seq'),
    collectionTag(name, key, 'map')
  ]
)

export interface ParsedTemplate {
  path: string
  text: string
  document: Document.Parsed
  template: JsonObject
}

/** Parses a template; throws on any YAML error or warning (unknown tag, duplicate key, …). */
export function parseTemplateText(text: string, path = '<inline>'): ParsedTemplate {
  const document = parseDocument(text, { customTags: CFN_TAGS, prettyErrors: true })
  const problems = [...document.errors, ...document.warnings]
  if (problems.length > 0) {
    throw new Error(`${path}: ${problems.map((p) => p.message).join('\n')}`)
  }
  const template = document.toJS({ maxAliasCount: 0 }) as unknown
  if (template === null || typeof template !== 'object' || Array.isArray(template)) {
    throw new Error(`${path}: the template is not a mapping`)
  }
  return { path, text, document, template: template as JsonObject }
}

export function parseTemplateFile(url: URL): ParsedTemplate {
  return parseTemplateText(readFileSync(url, 'utf8'), url.pathname)
}

/** The YAML scalar node at a path of mapping keys, to inspect how it was written. */
export function scalarNodeAt(document: Document.Parsed, path: string[]): { type?: string } {
  const node = document.getIn(path, true)
  if (!isScalar(node)) throw new Error(`${path.join('.')} is not a scalar`)
  return node as { type?: string }
}
