/**
 * Walks the intrinsic functions of a parsed template: lists what they reference, and evaluates
 * the subset the templates use (Ref, Fn::If, Fn::Sub, Fn::GetAtt, Fn::Join and the condition
 * functions) for given parameter values, the way CloudFormation would at deploy time.
 */
import { isIntrinsic, isObject } from './cfn-spec.js'
import type { Json, JsonObject } from './cfn-yaml.js'

export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix'
])

export interface Reference {
  kind: 'Ref' | 'GetAtt' | 'Sub' | 'Condition'
  target: string
  /** GetAtt attribute, or the part after the first dot of `${Resource.Attribute}` in a Sub. */
  attribute?: string
  where: string
}

/** `${Name}` and `${Resource.Attribute}` in a Fn::Sub string; `${!Literal}` is not a variable. */
export function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((match) => (match[1] as string).trim())
}

/** Every Ref, GetAtt, Sub variable and Condition reference inside `value`. */
export function collectReferences(value: Json, where: string): Reference[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => collectReferences(item, `${where}[${i}]`))
  if (!isObject(value)) return []
  const found: Reference[] = []
  for (const [key, item] of Object.entries(value)) {
    if (key === 'Ref' && typeof item === 'string') {
      found.push({ kind: 'Ref', target: item, where })
    } else if (key === 'Fn::GetAtt') {
      const [target, attribute] = Array.isArray(item) ? item : String(item).split(/\.(.*)/s)
      if (typeof target === 'string' && typeof attribute === 'string') {
        found.push({ kind: 'GetAtt', target, attribute, where })
      } else {
        found.push(...collectReferences(item, `${where}.${key}`))
      }
    } else if (key === 'Fn::Sub') {
      const [text, locals] = Array.isArray(item) ? item : [item, {}]
      const localNames = new Set(isObject(locals) ? Object.keys(locals) : [])
      if (typeof text === 'string') {
        for (const variable of subVariables(text)) {
          const [target, attribute] = variable.split(/\.(.*)/s) as [string, string | undefined]
          if (localNames.has(variable)) continue
          found.push(
            attribute === undefined || PSEUDO_PARAMETERS.has(variable)
              ? { kind: 'Sub', target: variable, where }
              : { kind: 'Sub', target, attribute, where }
          )
        }
      }
      if (isObject(locals)) found.push(...collectReferences(locals, `${where}.${key}`))
    } else if (key === 'Fn::If' && Array.isArray(item) && typeof item[0] === 'string') {
      found.push({ kind: 'Condition', target: item[0], where })
      found.push(...collectReferences(item.slice(1), `${where}.${key}`))
    } else if (key === 'Condition' && typeof item === 'string' && Object.keys(value).length === 1) {
      found.push({ kind: 'Condition', target: item, where })
    } else {
      found.push(...collectReferences(item, `${where}.${key}`))
    }
  }
  return found
}

/** Removed from its list or mapping, like CloudFormation does with `!Ref AWS::NoValue`. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue')
type Resolved = Json | typeof NO_VALUE

export interface EvaluationContext {
  parameters: Record<string, string>
  pseudo: Record<string, string>
  conditions: JsonObject
}

export const DEFAULT_PSEUDO: Record<string, string> = {
  'AWS::AccountId': '123456789012',
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::StackName': 'inspector-gate-responder',
  'AWS::StackId':
    'arn:aws:cloudformation:us-east-1:123456789012:stack/inspector-gate-responder/0f0e0d0c',
  'AWS::URLSuffix': 'amazonaws.com'
}

/** Parameter values: the template's defaults overridden by `given`. */
export function parameterValues(
  template: JsonObject,
  given: Record<string, string> = {}
): Record<string, string> {
  const values: Record<string, string> = {}
  const parameters = template['Parameters']
  if (isObject(parameters)) {
    for (const [name, declaration] of Object.entries(parameters)) {
      const fallback = isObject(declaration) ? declaration['Default'] : undefined
      if (fallback !== undefined && fallback !== null) values[name] = String(fallback)
    }
  }
  return { ...values, ...given }
}

export function context(
  template: JsonObject,
  given: Record<string, string> = {},
  pseudo: Record<string, string> = {}
): EvaluationContext {
  const conditions = template['Conditions']
  return {
    parameters: parameterValues(template, given),
    pseudo: { ...DEFAULT_PSEUDO, ...pseudo },
    conditions: isObject(conditions) ? conditions : {}
  }
}

export function evaluateCondition(name: string, ctx: EvaluationContext): boolean {
  const definition = ctx.conditions[name]
  if (definition === undefined) throw new Error(`condition ${name} is not defined`)
  const value = evaluate(definition, ctx)
  if (typeof value !== 'boolean') throw new Error(`condition ${name} is not a boolean`)
  return value
}

function refValue(name: string, ctx: EvaluationContext): Resolved {
  if (name === 'AWS::NoValue') return NO_VALUE
  const value = ctx.parameters[name] ?? ctx.pseudo[name]
  // A resource's Ref stands for its physical id; a placeholder keeps it recognisable.
  return value ?? `<${name}>`
}

function evaluateFunction(name: string, args: Json, ctx: EvaluationContext): Resolved {
  const list = Array.isArray(args) ? args : [args]
  switch (name) {
    case 'Ref':
      return refValue(String(args), ctx)
    case 'Condition':
      return evaluateCondition(String(args), ctx)
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = list as [string, Json, Json]
      return evaluate(evaluateCondition(condition, ctx) ? whenTrue : whenFalse, ctx)
    }
    case 'Fn::Equals': {
      const [left, right] = list.map((item) => evaluate(item, ctx))
      return JSON.stringify(left) === JSON.stringify(right)
    }
    case 'Fn::Not':
      return !evaluate(list[0] as Json, ctx)
    case 'Fn::And':
      return list.every((item) => evaluate(item, ctx) === true)
    case 'Fn::Or':
      return list.some((item) => evaluate(item, ctx) === true)
    case 'Fn::GetAtt': {
      const [resource, attribute] = Array.isArray(args) ? args : String(args).split(/\.(.*)/s)
      return `<${String(resource)}.${String(attribute)}>`
    }
    case 'Fn::Join': {
      const [separator, items] = list as [string, Json]
      const values = evaluate(items, ctx)
      if (!Array.isArray(values)) throw new Error('Fn::Join needs a list')
      return values.map(String).join(separator)
    }
    case 'Fn::Sub': {
      const [text, locals] = (Array.isArray(args) ? args : [args, {}]) as [string, Json]
      const localValues = isObject(locals) ? evaluate(locals, ctx) : {}
      return text.replace(/\$\{([^}]*)\}/g, (whole, variable: string) => {
        if (variable.startsWith('!')) return `\${${variable.slice(1)}}`
        if (isObject(localValues as Json) && variable in (localValues as JsonObject)) {
          return String((localValues as JsonObject)[variable])
        }
        if (variable.includes('.') && !variable.startsWith('AWS::')) return `<${variable}>`
        const value = refValue(variable, ctx)
        if (value === NO_VALUE) throw new Error(`${whole}: AWS::NoValue inside Fn::Sub`)
        return String(value)
      })
    }
    default:
      throw new Error(`${name} is not supported by this evaluator`)
  }
}

/** The value CloudFormation would deploy for `value` under `ctx`. */
export function evaluate(value: Json, ctx: EvaluationContext): Resolved {
  if (Array.isArray(value)) {
    return value
      .map((item) => evaluate(item, ctx))
      .filter((item): item is Json => item !== NO_VALUE)
  }
  if (!isObject(value)) return value
  if (isIntrinsic(value)) {
    const [name, args] = Object.entries(value)[0] as [string, Json]
    return evaluateFunction(name, args, ctx)
  }
  const out: JsonObject = {}
  for (const [key, item] of Object.entries(value)) {
    const resolved = evaluate(item, ctx)
    if (resolved !== NO_VALUE) out[key] = resolved
  }
  return out
}

/** `evaluate` for a value that must not disappear. */
export function evaluateJson(value: Json, ctx: EvaluationContext): Json {
  const resolved = evaluate(value, ctx)
  if (resolved === NO_VALUE) throw new Error('value evaluated to AWS::NoValue')
  return resolved
}

/** Every combination of the given 'true'/'false' parameters, for evaluating all branches. */
export function booleanCombinations(names: string[]): Array<Record<string, string>> {
  return names.reduce<Array<Record<string, string>>>(
    (combinations, name) =>
      combinations.flatMap((combination) => [
        { ...combination, [name]: 'true' },
        { ...combination, [name]: 'false' }
      ]),
    [{}]
  )
}
