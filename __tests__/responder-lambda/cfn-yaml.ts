/**
 * Parses CloudFormation YAML for tests that only need plain values: short-form tags (`!Ref`,
 * `!GetAtt`, `!Sub`, `!If`, …) are accepted and resolve to their plain scalar, list or map.
 */
import { parse, type Tags } from 'yaml'

const SHORT_TAGS = ['Ref', 'GetAtt', 'Sub', 'If', 'Equals', 'Not', 'And', 'Or', 'Join', 'Select']
const CFN_TAGS: Tags = SHORT_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (node: { toJSON(): unknown }) => node.toJSON()
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (node: { toJSON(): unknown }) => node.toJSON()
  }
]) as unknown as Tags

/** The `Code.ZipFile` string of a Lambda function resource in a template's text. */
export function zipFileOf(text: string, resource = 'ResponderFunction'): unknown {
  const template = parse(text, { customTags: CFN_TAGS }) as {
    Resources?: Record<string, { Properties?: { Code?: { ZipFile?: unknown } } }>
  }
  return template.Resources?.[resource]?.Properties?.Code?.ZipFile
}
