/**
 * Static checks of the CloudFormation templates in infra/ and the IAM policies in infra/iam/:
 * the templates parse (short-form tags included), use only resource types, properties and
 * attributes the CloudFormation spec knows, reference only what exists, grant least privilege,
 * and the OIDC role's policies stay in step with the JSON policies. The responder rule's event
 * pattern is evaluated against realistic Security Hub events.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import {
  allowedValuesOf,
  findResourceType,
  isObject,
  loadSpec,
  propertiesProblems,
  type SpecDatabase
} from './cfn-spec.js'
import {
  parseTemplateFile,
  parseTemplateText,
  scalarNodeAt,
  type Json,
  type JsonObject
} from './cfn-yaml.js'
import { matchesPattern } from './event-pattern.js'
import {
  actionsOf,
  list,
  normaliseStatement,
  policyProblems,
  statementsOf,
  type PolicyDocument,
  type Statement
} from './iam-policy.js'
import {
  booleanCombinations,
  collectReferences,
  context,
  evaluateCondition,
  evaluateJson,
  PSEUDO_PARAMETERS
} from './intrinsics.js'
import {
  guardDutyFinding,
  importedEvent,
  inspectorImageFinding,
  withField
} from './securityhub-events.js'

const root = new URL('../../', import.meta.url)
const TEMPLATE_FILES = ['infra/responder.yaml', 'infra/github-oidc-role.yaml']
/** The policies that predate the setup mode, and their mirrors in the OIDC role template. */
const LEGACY_FILES = [
  'ensure-enabled-policy.json',
  'gate-ecr-policy.json',
  'gate-lambda-policy.json'
]
const LEGACY_POLICIES = /^(GatePolicy|EnsureEnabledPolicy)\./
const IAM_FILES = readdirSync(new URL('infra/iam/', root))
  .filter((file) => file.endsWith('.json'))
  .sort()

const TOP_LEVEL = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs'
]
const RESOURCE_KEYS = [
  'Type',
  'Properties',
  'Condition',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy'
]

function readPolicy(file: string): PolicyDocument {
  return JSON.parse(readFileSync(new URL(`infra/iam/${file}`, root), 'utf8')) as PolicyDocument
}

function section(template: JsonObject, name: string): JsonObject {
  const value = template[name]
  return isObject(value) ? value : {}
}

function resourcesOf(template: JsonObject): Record<string, JsonObject> {
  return section(template, 'Resources') as Record<string, JsonObject>
}

function propertiesOf(resource: JsonObject | undefined): JsonObject {
  const properties = resource?.['Properties']
  return isObject(properties) ? properties : {}
}

/** Where a template keeps IAM policy documents, and which kind each one is. */
function policyDocuments(
  template: JsonObject
): Array<{ where: string; document: Json; kind: 'identity' | 'resource' | 'trust' }> {
  const found: Array<{ where: string; document: Json; kind: 'identity' | 'resource' | 'trust' }> =
    []
  for (const [name, resource] of Object.entries(resourcesOf(template))) {
    const type = String(resource['Type'])
    const properties = propertiesOf(resource)
    if (properties['AssumeRolePolicyDocument'] !== undefined) {
      found.push({
        where: `${name}.AssumeRolePolicyDocument`,
        document: properties['AssumeRolePolicyDocument'],
        kind: 'trust'
      })
    }
    for (const [i, policy] of list(properties['Policies']).entries()) {
      if (isObject(policy)) {
        found.push({
          where: `${name}.Policies[${i}]`,
          document: policy['PolicyDocument'] as Json,
          kind: 'identity'
        })
      }
    }
    if (type === 'AWS::Logs::ResourcePolicy') {
      // CloudWatch Logs takes its resource policy as a JSON string (here a Fn::Sub).
      found.push({
        where: `${name}.PolicyDocument`,
        document: logsPolicyDocument(template, properties),
        kind: 'resource'
      })
    } else if (properties['PolicyDocument'] !== undefined) {
      const kind = /^AWS::IAM::/.test(type) ? 'identity' : 'resource'
      found.push({ where: `${name}.PolicyDocument`, document: properties['PolicyDocument'], kind })
    }
  }
  return found
}

/** The JSON-string PolicyDocument of an AWS::Logs::ResourcePolicy, evaluated and parsed. */
function logsPolicyDocument(template: JsonObject, properties: JsonObject): Json {
  const text = evaluateJson(properties['PolicyDocument'] as Json, context(template))
  if (typeof text !== 'string') throw new Error('a Logs resource policy document is a string')
  return JSON.parse(text) as Json
}

/** IAM-style wildcard match (`*` any run of characters, `?` one character). */
function globMatches(pattern: string, value: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${regex}$`).test(value)
}

let db: SpecDatabase
beforeAll(async () => {
  db = await loadSpec()
}, 60_000)

describe('CloudFormation YAML reader', () => {
  it('turns every short-form tag into the long form, on scalars, sequences and mappings', () => {
    const { template } = parseTemplateText(
      [
        'a: !Ref Param',
        'b: !GetAtt Res.Nested.Attr',
        'c: !GetAtt [Res, Attr]',
        "d: !Sub 'x-${AWS::Region}'",
        "e: !Sub ['x-${V}', {V: !Ref P}]",
        'f: !Join [",", [a, b]]',
        'g: !If [Cond, !Ref A, !Ref AWS::NoValue]',
        'h: !Equals [!Ref P, "x"]',
        'i: !Not [!Condition C]',
        'j: !And [!Condition A, !Or [!Condition B, !Condition C]]',
        'k: !Select [0, !Split [",", "a,b"]]',
        'l: !FindInMap [Map, Key, Value]',
        'm: !ImportValue shared-export',
        "n: !GetAZs ''",
        'o: !Base64 {"Fn::Sub": "x"}',
        'p: !Cidr [10.0.0.0/16, 4, 8]'
      ].join('\n')
    )
    expect(template).toEqual({
      a: { Ref: 'Param' },
      b: { 'Fn::GetAtt': ['Res', 'Nested.Attr'] },
      c: { 'Fn::GetAtt': ['Res', 'Attr'] },
      d: { 'Fn::Sub': 'x-${AWS::Region}' },
      e: { 'Fn::Sub': ['x-${V}', { V: { Ref: 'P' } }] },
      f: { 'Fn::Join': [',', ['a', 'b']] },
      g: { 'Fn::If': ['Cond', { Ref: 'A' }, { Ref: 'AWS::NoValue' }] },
      h: { 'Fn::Equals': [{ Ref: 'P' }, 'x'] },
      i: { 'Fn::Not': [{ Condition: 'C' }] },
      j: {
        'Fn::And': [{ Condition: 'A' }, { 'Fn::Or': [{ Condition: 'B' }, { Condition: 'C' }] }]
      },
      k: { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] },
      l: { 'Fn::FindInMap': ['Map', 'Key', 'Value'] },
      m: { 'Fn::ImportValue': 'shared-export' },
      n: { 'Fn::GetAZs': '' },
      o: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
      p: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }
    })
  })

  it('rejects unknown tags and duplicate keys', () => {
    expect(() => parseTemplateText('a: !NotAFunction x')).toThrow()
    expect(() => parseTemplateText('a: 1\na: 2')).toThrow()
  })
})

describe('the checks themselves', () => {
  it('catch unknown properties, nested ones included, and missing required ones', () => {
    const fn = findResourceType(db, 'AWS::Lambda::Function')!
    const problems = propertiesProblems(
      db,
      fn.properties,
      { Role: 'arn', Code: { ZipFile: 'x', Zipfile: 'y' }, Runtime: 'nodejs22.x', Handlr: 'x' },
      'Fn'
    )
    expect(problems).toEqual(['Fn.Code.Zipfile: no such property', 'Fn.Handlr: no such property'])
    expect(propertiesProblems(db, fn.properties, {}, 'Fn')).toContain(
      'Fn.Code: required property missing'
    )
  })

  it('catch wildcard actions, missing resources and unjustified Resource "*"', () => {
    const problems = policyProblems(
      {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' },
          { Sid: 'B', Effect: 'Allow', Action: 'sns:Publish' },
          { Sid: 'C', Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
          { Sid: 'D', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/x' }
        ]
      },
      'p',
      { kind: 'identity' }
    )
    expect(problems).toEqual([
      'p.Statement[A]: wildcard action s3:*',
      'p.Statement[B]: no Resource',
      'p.Statement[C]: sns:Publish on Resource "*" (not on the allow-list)',
      'p.Statement[D]: iam:PassRole without an iam:PassedToService condition'
    ])
  })

  it('match event patterns by exact value, suffix and nesting through arrays', () => {
    const pattern = {
      detail: { findings: { Severity: { Label: ['HIGH'] }, Arn: [{ suffix: '/x' }] } }
    }
    const event = (label: string, arn: string): Json => ({
      detail: { findings: [{ Severity: { Label: label }, Arn: arn }] }
    })
    expect(matchesPattern(pattern, event('HIGH', 'a/x'))).toBe(true)
    expect(matchesPattern(pattern, event('LOW', 'a/x'))).toBe(false)
    expect(matchesPattern(pattern, event('HIGH', 'a/y'))).toBe(false)
    expect(matchesPattern(pattern, { detail: {} })).toBe(false)
    expect(() => matchesPattern({ a: [{ 'anything-but': 'x' }] }, { a: 'y' })).toThrow()
  })
})

describe.each(TEMPLATE_FILES)('%s', (file) => {
  const { template } = parseTemplateFile(new URL(file, root))
  const resources = resourcesOf(template)
  const parameters = section(template, 'Parameters')
  const conditions = section(template, 'Conditions')
  const outputs = section(template, 'Outputs')

  it('has only template sections, a format version, a description and resources', () => {
    for (const key of Object.keys(template)) expect(TOP_LEVEL).toContain(key)
    expect(template['AWSTemplateFormatVersion']).toBe('2010-09-09')
    expect(typeof template['Description']).toBe('string')
    expect(String(template['Description']).length).toBeLessThanOrEqual(1024)
    expect(Object.keys(resources).length).toBeGreaterThan(0)
    for (const [name, resource] of Object.entries(resources)) {
      expect({ name, ok: /^[A-Za-z0-9]+$/.test(name) }).toEqual({ name, ok: true })
      for (const key of Object.keys(resource)) {
        expect({ name, key, known: RESOURCE_KEYS.includes(key) }).toEqual({
          name,
          key,
          known: true
        })
      }
    }
  })

  it('uses only resource types the CloudFormation spec knows', () => {
    for (const [name, resource] of Object.entries(resources)) {
      const type = String(resource['Type'])
      expect({ name, type, known: findResourceType(db, type) !== undefined }).toEqual({
        name,
        type,
        known: true
      })
    }
  })

  it('sets only properties the type has, nested property types included, and all required ones', () => {
    const problems = Object.entries(resources).flatMap(([name, resource]) => {
      const type = findResourceType(db, String(resource['Type']))
      return type === undefined
        ? []
        : propertiesProblems(db, type.properties, propertiesOf(resource), name)
    })
    expect(problems).toEqual([])
  })

  it('resolves every Ref, GetAtt and Fn::Sub variable to a parameter, resource or attribute', () => {
    const problems: string[] = []
    const scopes: Array<[string, Json]> = [
      ['Resources', template['Resources'] ?? null],
      ['Outputs', template['Outputs'] ?? null],
      ['Conditions', template['Conditions'] ?? null],
      ['Rules', template['Rules'] ?? null]
    ]
    for (const [scope, value] of scopes) {
      for (const ref of collectReferences(value, scope)) {
        if (ref.kind === 'Condition') continue
        const resource = resources[ref.target]
        if (ref.attribute === undefined) {
          const known =
            PSEUDO_PARAMETERS.has(ref.target) || ref.target in parameters || resource !== undefined
          if (!known) problems.push(`${ref.where}: ${ref.kind} ${ref.target} resolves to nothing`)
          if (scope !== 'Resources' && scope !== 'Outputs' && resource !== undefined) {
            problems.push(`${ref.where}: ${scope} cannot reference resource ${ref.target}`)
          }
          continue
        }
        if (resource === undefined) {
          problems.push(`${ref.where}: ${ref.kind} names no resource ${ref.target}`)
          continue
        }
        const type = findResourceType(db, String(resource['Type']))
        if (type !== undefined && !(ref.attribute in type.attributes)) {
          problems.push(
            `${ref.where}: ${String(resource['Type'])} has no attribute ${ref.attribute} (has ${Object.keys(type.attributes).join(', ')})`
          )
        }
      }
    }
    for (const [name, resource] of Object.entries(resources)) {
      for (const dependency of list(resource['DependsOn'])) {
        if (typeof dependency !== 'string' || !(dependency in resources)) {
          problems.push(`${name}.DependsOn: ${JSON.stringify(dependency)} is not a resource`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('defines every condition it uses, and uses every condition and parameter it defines', () => {
    const used = new Set<string>()
    const problems: string[] = []
    for (const ref of collectReferences(template['Resources'] ?? null, 'Resources')) {
      if (ref.kind === 'Condition') used.add(ref.target)
    }
    for (const ref of collectReferences(template['Outputs'] ?? null, 'Outputs')) {
      if (ref.kind === 'Condition') used.add(ref.target)
    }
    for (const ref of collectReferences(template['Conditions'] ?? null, 'Conditions')) {
      if (ref.kind === 'Condition') used.add(ref.target)
    }
    for (const [name, item] of [...Object.entries(resources), ...Object.entries(outputs)]) {
      const condition = isObject(item) ? item['Condition'] : undefined
      if (condition !== undefined) used.add(String(condition))
      if (condition !== undefined && typeof condition !== 'string') {
        problems.push(`${name}: Condition must be a name`)
      }
    }
    for (const name of used)
      if (!(name in conditions)) problems.push(`condition ${name} is not defined`)
    for (const name of Object.keys(conditions))
      if (!used.has(name)) problems.push(`condition ${name} is unused`)
    const referenced = new Set(
      collectReferences(template as Json, 'template')
        .filter((ref) => ref.attribute === undefined)
        .map((ref) => ref.target)
    )
    for (const name of Object.keys(parameters)) {
      if (!referenced.has(name)) problems.push(`parameter ${name} is unused`)
    }
    expect(problems).toEqual([])
    // Every condition evaluates for the default parameter values (no undefined parameters).
    const ctx = context(template, Object.fromEntries(Object.keys(parameters).map((p) => [p, ''])))
    for (const name of Object.keys(conditions))
      expect(typeof evaluateCondition(name, ctx)).toBe('boolean')
  })

  it('has no circular dependencies between resources', () => {
    const edges = new Map<string, Set<string>>()
    for (const [name, resource] of Object.entries(resources)) {
      const targets = collectReferences(resource as Json, name)
        .map((ref) => ref.target)
        .filter((target) => target in resources)
      edges.set(name, new Set([...targets, ...list(resource['DependsOn']).map(String)]))
    }
    const state = new Map<string, 'visiting' | 'done'>()
    const cycles: string[] = []
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return
      if (state.get(node) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '))
        return
      }
      state.set(node, 'visiting')
      for (const next of edges.get(node) ?? []) visit(next, [...path, node])
      state.set(node, 'done')
    }
    for (const node of edges.keys()) visit(node, [])
    expect(cycles).toEqual([])
  })

  it('grants least privilege in every IAM policy document', () => {
    const documents = policyDocuments(template)
    expect(documents.length).toBeGreaterThan(0)
    const problems = documents.flatMap(({ where, document, kind }) =>
      policyProblems(document, where, { kind, legacyStar: LEGACY_POLICIES.test(where) })
    )
    expect(problems).toEqual([])
  })

  it('gives every parameter a description and every output a value', () => {
    for (const [name, parameter] of Object.entries(parameters)) {
      expect({
        name,
        described: isObject(parameter) && typeof parameter['Description'] === 'string'
      }).toEqual({
        name,
        described: true
      })
    }
    for (const [name, output] of Object.entries(outputs)) {
      expect({ name, hasValue: isObject(output) && output['Value'] !== undefined }).toEqual({
        name,
        hasValue: true
      })
    }
  })
})

describe('infra/responder.yaml', () => {
  const parsed = parseTemplateFile(new URL('infra/responder.yaml', root))
  const { template } = parsed
  const resources = resourcesOf(template)
  const parameters = section(template, 'Parameters')
  const resourceOfType = (type: string): Array<[string, JsonObject]> =>
    Object.entries(resources).filter(([, resource]) => resource['Type'] === type)

  it('takes the documented parameters with safe defaults', () => {
    expect(Object.keys(parameters).sort()).toEqual(
      [
        'InspectorFindingsOnly',
        'KmsKeyArn',
        'LogRetentionDays',
        'NotificationEmail',
        'ScanEventRetentionDays',
        'ScanEvents'
      ].sort()
    )
    expect(parameters['ScanEvents']).toMatchObject({
      Type: 'String',
      Default: 'Enabled',
      AllowedValues: ['Enabled', 'Disabled']
    })
    expect(parameters['ScanEventRetentionDays']).toMatchObject({
      Type: 'Number',
      Default: 3,
      AllowedValues: [1, 3, 5, 7, 14]
    })
    expect(parameters['NotificationEmail']).toMatchObject({ Type: 'String', Default: '' })
    expect(parameters['KmsKeyArn']).toMatchObject({ Type: 'String', Default: '' })
    expect(parameters['InspectorFindingsOnly']).toMatchObject({ AllowedValues: ['true', 'false'] })
    expect(parameters['LogRetentionDays']).toMatchObject({ Type: 'Number', Default: 30 })
  })

  it('allows exactly the log retention values CloudWatch Logs accepts', () => {
    const logGroup = findResourceType(db, 'AWS::Logs::LogGroup')
    expect(logGroup).toBeDefined()
    const allowed = allowedValuesOf(logGroup!, 'RetentionInDays')
    expect(allowed.length).toBeGreaterThan(10)
    expect(list((parameters['LogRetentionDays'] as JsonObject)['AllowedValues'])).toEqual(allowed)
  })

  it('keeps the placeholder handler as a literal ZipFile block on ResponderFunction', () => {
    const fn = resources['ResponderFunction']
    expect(fn?.['Type']).toBe('AWS::Lambda::Function')
    const node = scalarNodeAt(parsed.document, [
      'Resources',
      'ResponderFunction',
      'Properties',
      'Code',
      'ZipFile'
    ])
    expect(node.type).toBe('BLOCK_LITERAL')
    expect(parsed.text).toMatch(/\n {6}Code:\n {8}ZipFile: \|\n {10}\S/)
    // Until npm run build:responder injects the handler, the block holds the placeholder.
    const zipFile = String((propertiesOf(fn)['Code'] as JsonObject)['ZipFile'])
    const placeholder =
      "exports.handler = async () => { throw new Error('responder code not built: run npm run build:responder') }\n"
    expect(zipFile.includes('responder code not built') ? zipFile : placeholder).toBe(placeholder)
    expect(zipFile).toMatch(/handler/)
    expect(resourceOfType('AWS::Lambda::Function')).toHaveLength(1)
  })

  it('runs the function on nodejs22.x arm64 with a small footprint and the topic in TOPIC_ARN', () => {
    const properties = propertiesOf(resources['ResponderFunction'])
    expect(properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Role: { 'Fn::GetAtt': ['ResponderRole', 'Arn'] },
      Environment: { Variables: { TOPIC_ARN: { Ref: 'NotificationTopic' } } }
    })
    expect(Number(properties['MemorySize'])).toBeLessThanOrEqual(256)
    expect(Number(properties['Timeout'])).toBeLessThanOrEqual(60)
  })

  it('writes the function logs to /aws/lambda/<function> with the chosen retention', () => {
    const ctx = context(template)
    const functionName = evaluateJson(
      propertiesOf(resources['ResponderFunction'])['FunctionName'] as Json,
      ctx
    )
    const logGroup = propertiesOf(resources['ResponderLogGroup'])
    expect(evaluateJson(logGroup['LogGroupName'] as Json, ctx)).toBe(
      `/aws/lambda/${String(functionName)}`
    )
    expect(logGroup['RetentionInDays']).toEqual({ Ref: 'LogRetentionDays' })
    expect(propertiesOf(resources['ResponderFunction'])['LoggingConfig']).toEqual({
      LogGroup: { Ref: 'ResponderLogGroup' }
    })
  })

  describe('the findings rule', () => {
    const rule = propertiesOf(resources['FindingsRule'])
    const patternFor = (inspectorOnly: 'true' | 'false'): Json =>
      evaluateJson(
        rule['EventPattern'] as Json,
        context(template, { InspectorFindingsOnly: inspectorOnly })
      )
    const high = importedEvent(inspectorImageFinding())
    const cases: Array<[string, JsonObject, { inspectorOnly: boolean; all: boolean }]> = [
      ['a HIGH Inspector finding', high, { inspectorOnly: true, all: true }],
      [
        'a CRITICAL Inspector finding',
        importedEvent(withField(inspectorImageFinding(), 'Severity.Label', 'CRITICAL')),
        { inspectorOnly: true, all: true }
      ],
      ...['LOW', 'MEDIUM', 'INFORMATIONAL'].map(
        (label): [string, JsonObject, { inspectorOnly: boolean; all: boolean }] => [
          `a ${label} Inspector finding`,
          importedEvent(withField(inspectorImageFinding(), 'Severity.Label', label)),
          { inspectorOnly: false, all: false }
        ]
      ),
      [
        'the same finding after the responder marked it NOTIFIED',
        importedEvent(withField(inspectorImageFinding(), 'Workflow.Status', 'NOTIFIED')),
        { inspectorOnly: false, all: false }
      ],
      [
        'a suppressed finding',
        importedEvent(withField(inspectorImageFinding(), 'Workflow.Status', 'SUPPRESSED')),
        { inspectorOnly: false, all: false }
      ],
      [
        'an archived finding',
        importedEvent(withField(inspectorImageFinding(), 'RecordState', 'ARCHIVED')),
        { inspectorOnly: false, all: false }
      ],
      [
        'a HIGH GuardDuty finding',
        importedEvent(guardDutyFinding()),
        { inspectorOnly: false, all: true }
      ],
      [
        'the new Security Hub OCSF event',
        importedEvent(inspectorImageFinding(), 'Findings Imported V2'),
        { inspectorOnly: false, all: false }
      ],
      [
        'an Inspector finding in another Region (cross-Region aggregation)',
        importedEvent(
          withField(
            inspectorImageFinding(),
            'ProductArn',
            'arn:aws:securityhub:eu-west-1::product/aws/inspector'
          )
        ),
        { inspectorOnly: true, all: true }
      ]
    ]

    it.each(cases)('%s', (_name, event, expected) => {
      expect({
        inspectorOnly: matchesPattern(patternFor('true'), event),
        all: matchesPattern(patternFor('false'), event)
      }).toEqual(expected)
    })

    it('does not match events from other sources', () => {
      expect(matchesPattern(patternFor('false'), { ...high, source: 'aws.inspector2' })).toBe(false)
    })

    it('targets the function with a retry policy and a dead-letter queue', () => {
      const targets = list(rule['Targets'])
      expect(targets).toHaveLength(1)
      const target = targets[0] as JsonObject
      expect(target['Arn']).toEqual({ 'Fn::GetAtt': ['ResponderFunction', 'Arn'] })
      const retry = target['RetryPolicy'] as JsonObject
      expect(Number(retry['MaximumRetryAttempts'])).toBeGreaterThan(0)
      expect(Number(retry['MaximumEventAgeInSeconds'])).toBeGreaterThanOrEqual(60)
      expect(target['DeadLetterConfig']).toEqual({
        Arn: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] }
      })
      expect(rule['State']).toBe('ENABLED')
    })

    it('lets only EventBridge, for this rule, invoke the function', () => {
      const permissions = resourceOfType('AWS::Lambda::Permission')
      expect(permissions).toHaveLength(1)
      expect(propertiesOf(permissions[0]?.[1])).toMatchObject({
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': ['FindingsRule', 'Arn'] }
      })
    })
  })

  it('encrypts the dead-letter queue and lets only this rule send to it', () => {
    expect(propertiesOf(resources['DeadLetterQueue'])['SqsManagedSseEnabled']).toBe(true)
    const policy = propertiesOf(resources['DeadLetterQueuePolicy'])
    expect(policy['Queues']).toEqual([{ Ref: 'DeadLetterQueue' }])
    const allows = statementsOf(policy['PolicyDocument'] as Json).filter(
      (s) => s.Effect === 'Allow'
    )
    expect(allows).toHaveLength(1)
    expect(allows[0]).toMatchObject({
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['FindingsRule', 'Arn'] } } }
    })
  })

  it('sends invocations that still fail after Lambda retries to the same queue', () => {
    const [config] = resourceOfType('AWS::Lambda::EventInvokeConfig')
    expect(propertiesOf(config?.[1])).toMatchObject({
      FunctionName: { Ref: 'ResponderFunction' },
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] } }
      }
    })
  })

  describe('the execution role', () => {
    const role = propertiesOf(resources['ResponderRole'])
    const statements = list(role['Policies']).flatMap((policy) =>
      statementsOf((policy as JsonObject)['PolicyDocument'] as Json)
    )
    const bySid = (sid: string): Statement | undefined => statements.find((s) => s.Sid === sid)

    it('is assumed by Lambda only', () => {
      const trust = statementsOf(role['AssumeRolePolicyDocument'] as Json)
      expect(trust).toHaveLength(1)
      expect(trust[0]).toMatchObject({
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole'
      })
    })

    it('grants exactly what the handler calls, plus its logs and dead-letter queue', () => {
      expect(statements.flatMap(actionsOf).sort()).toEqual(
        [
          ...responderSdkCalls(),
          'logs:CreateLogStream',
          'logs:PutLogEvents',
          'sqs:SendMessage'
        ].sort()
      )
      expect(statements.every((s) => s.Effect === 'Allow')).toBe(true)
    })

    it('writes logs only to its own log group and publishes only to its topic', () => {
      expect(bySid('WriteOwnLogs')?.Resource).toEqual({
        'Fn::GetAtt': ['ResponderLogGroup', 'Arn']
      })
      expect(bySid('PublishNotifications')?.Resource).toEqual({ Ref: 'NotificationTopic' })
      expect(bySid('SendFailedInvocationsToDeadLetterQueue')?.Resource).toEqual({
        'Fn::GetAtt': ['DeadLetterQueue', 'Arn']
      })
    })

    it('tags only EC2 instances, and only with SecurityStatus and LastSecurityScan', () => {
      const tagging = bySid('TagAffectedInstances')
      const ctx = context(template)
      expect(evaluateJson(tagging?.Resource as Json, ctx)).toBe(
        'arn:aws:ec2:*:123456789012:instance/*'
      )
      expect(tagging?.Condition).toEqual({
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['SecurityStatus', 'LastSecurityScan'] },
        Null: { 'aws:TagKeys': 'false' }
      })
    })

    it('may only set Workflow.Status NOTIFIED on findings of its own hub (the no-loop guard)', () => {
      const update = bySid('MarkFindingsNotified')
      expect(evaluateJson(update?.Resource as Json, context(template))).toBe(
        'arn:aws:securityhub:us-east-1:123456789012:hub/default'
      )
      expect(update?.Condition).toEqual({
        StringEquals: { 'securityhub:ASFFSyntaxPath/Workflow.Status': 'NOTIFIED' }
      })
    })

    it('gets KMS permissions for the topic key only when a key is given', () => {
      const kms = resourceOfType('AWS::IAM::RolePolicy')
      expect(kms).toHaveLength(1)
      const [, policy] = kms[0] as [string, JsonObject]
      expect(policy['Condition']).toBe('HasKmsKey')
      const [statement] = statementsOf(propertiesOf(policy)['PolicyDocument'] as Json)
      expect(statement?.Action).toEqual(['kms:GenerateDataKey*', 'kms:Decrypt'])
      expect(statement?.Resource).toEqual({ Ref: 'KmsKeyArn' })
      expect(evaluateCondition('HasKmsKey', context(template))).toBe(false)
      const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
      expect(evaluateCondition('HasKmsKey', context(template, { KmsKeyArn: key }))).toBe(true)
    })
  })

  describe('the topic', () => {
    it('is encrypted with the given key, or with alias/aws/sns by default', () => {
      const keyOf = (given: Record<string, string>): Json =>
        evaluateJson(
          propertiesOf(resources['NotificationTopic'])['KmsMasterKeyId'] as Json,
          context(template, given)
        )
      const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
      expect(keyOf({})).toBe('alias/aws/sns')
      expect(keyOf({ KmsKeyArn: key })).toBe(key)
    })

    it('lets only the function role publish, and only over TLS', () => {
      const policy = propertiesOf(resources['NotificationTopicPolicy'])
      const statements = statementsOf(policy['PolicyDocument'] as Json)
      const allows = statements.filter((s) => s.Effect === 'Allow')
      expect(allows).toHaveLength(1)
      expect(allows[0]).toMatchObject({
        Principal: { AWS: { 'Fn::GetAtt': ['ResponderRole', 'Arn'] } },
        Action: 'sns:Publish'
      })
      const denies = statements.filter((s) => s.Effect === 'Deny')
      expect(denies.map((s) => s.Condition)).toEqual(
        expect.arrayContaining([
          { Bool: { 'aws:SecureTransport': 'false' } },
          { ArnNotEquals: { 'aws:PrincipalArn': { 'Fn::GetAtt': ['ResponderRole', 'Arn'] } } }
        ])
      )
    })

    it('subscribes the e-mail address only when one is given', () => {
      const subscriptions = resourceOfType('AWS::SNS::Subscription')
      expect(subscriptions).toHaveLength(1)
      const [, subscription] = subscriptions[0] as [string, JsonObject]
      expect(subscription['Condition']).toBe('HasNotificationEmail')
      expect(propertiesOf(subscription)).toMatchObject({
        Protocol: 'email',
        Endpoint: { Ref: 'NotificationEmail' }
      })
      expect(evaluateCondition('HasNotificationEmail', context(template))).toBe(false)
      expect(
        evaluateCondition(
          'HasNotificationEmail',
          context(template, { NotificationEmail: 'sec@example.com' })
        )
      ).toBe(true)
    })
  })

  it('outputs the topic, function, rule, dead-letter queue and scan-event log group', () => {
    const outputs = section(template, 'Outputs')
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'DeadLetterQueueArn',
        'DeadLetterQueueUrl',
        'FunctionArn',
        'RuleArn',
        'ScanEventLogGroup',
        'TopicArn'
      ].sort()
    )
    expect(outputs['ScanEventLogGroup']).toMatchObject({
      Condition: 'KeepScanEvents',
      Value: { Ref: 'ScanEventLogGroup' }
    })
  })

  describe('the Inspector2 Scan events for the gate', () => {
    const rule = propertiesOf(resources['ScanEventsRule'])
    const pattern = evaluateJson(rule['EventPattern'] as Json, context(template))
    // AWS's example event (Amazon Inspector User Guide, "EventBridge events for scans").
    const scanEvent: JsonObject = {
      version: '0',
      id: '739c0d3c-4f02-85c7-5a88-94a9EXAMPLE',
      'detail-type': 'Inspector2 Scan',
      source: 'aws.inspector2',
      account: '123456789012',
      time: '2021-12-03T18:03:16Z',
      region: 'us-east-2',
      resources: ['arn:aws:ecr:us-east-2:123456789012:repository/amazon/amazon-ecs-sample'],
      detail: {
        'scan-status': 'INITIAL_SCAN_COMPLETE',
        'repository-name': 'arn:aws:ecr:us-east-2:123456789012:repository/amazon/amazon-ecs-sample',
        'finding-severity-counts': { CRITICAL: 7, HIGH: 61, MEDIUM: 62, TOTAL: 158 },
        'image-digest': 'sha256:36c7b282abd0186e01419f2e58743e1bf635808231049bbc9d77e59e3a8e4914',
        'image-tags': ['latest']
      }
    }
    const ctx = context(template)
    const groupName = evaluateJson(
      propertiesOf(resources['ScanEventLogGroup'])['LogGroupName'] as Json,
      ctx
    )

    it('are created only while ScanEvents is Enabled (the default)', () => {
      for (const name of ['ScanEventLogGroup', 'ScanEventLogPolicy', 'ScanEventsRule']) {
        expect({ name, condition: resources[name]?.['Condition'] }).toEqual({
          name,
          condition: 'KeepScanEvents'
        })
      }
      expect(evaluateCondition('KeepScanEvents', ctx)).toBe(true)
      expect(
        evaluateCondition('KeepScanEvents', context(template, { ScanEvents: 'Disabled' }))
      ).toBe(false)
    })

    it('go to /aws/events/<stack>/inspector-scans, kept ScanEventRetentionDays, no KMS key', () => {
      expect(groupName).toBe('/aws/events/inspector-gate-responder/inspector-scans')
      const logGroup = propertiesOf(resources['ScanEventLogGroup'])
      expect(logGroup['RetentionInDays']).toEqual({ Ref: 'ScanEventRetentionDays' })
      expect(logGroup['KmsKeyId']).toBeUndefined()
      const allowed = allowedValuesOf(
        findResourceType(db, 'AWS::Logs::LogGroup')!,
        'RetentionInDays'
      )
      for (const days of list(
        (parameters['ScanEventRetentionDays'] as JsonObject)['AllowedValues']
      ))
        expect(allowed).toContain(days)
    })

    it('match exactly source aws.inspector2 and detail-type Inspector2 Scan', () => {
      expect(pattern).toEqual({ source: ['aws.inspector2'], 'detail-type': ['Inspector2 Scan'] })
      expect(matchesPattern(pattern, scanEvent)).toBe(true)
      expect(matchesPattern(pattern, { ...scanEvent, 'detail-type': 'Inspector2 Finding' })).toBe(
        false
      )
      expect(matchesPattern(pattern, { ...scanEvent, source: 'aws.securityhub' })).toBe(false)
      expect(matchesPattern(pattern, importedEvent(inspectorImageFinding()))).toBe(false)
    })

    it('are delivered to the scan-event log group, after its resource policy exists', () => {
      expect(rule['State']).toBe('ENABLED')
      const targets = list(rule['Targets'])
      expect(targets).toHaveLength(1)
      expect((targets[0] as JsonObject)['Arn']).toEqual({
        'Fn::GetAtt': ['ScanEventLogGroup', 'Arn']
      })
      expect(list(resources['ScanEventsRule']?.['DependsOn'])).toContain('ScanEventLogPolicy')
      const name = String(evaluateJson(rule['Name'] as Json, ctx))
      expect(name.replace('inspector-gate-responder', 'x'.repeat(55)).length).toBeLessThanOrEqual(
        64
      )
    })

    it('may be written by EventBridge into that log group only', () => {
      const policy = propertiesOf(resources['ScanEventLogPolicy'])
      const statements = statementsOf(logsPolicyDocument(template, policy))
      expect(statements).toHaveLength(1)
      const [statement] = statements as [Statement]
      expect(statement.Effect).toBe('Allow')
      expect(statement.Condition).toBeUndefined()
      expect(
        list((statement.Principal as JsonObject)['Service'])
          .map(String)
          .sort()
      ).toEqual(['delivery.logs.amazonaws.com', 'events.amazonaws.com'])
      expect(Object.keys(statement.Principal as JsonObject)).toEqual(['Service'])
      expect(actionsOf(statement).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents'])
      // `${ScanEventLogGroup}` (the group's name) evaluates to the placeholder <ScanEventLogGroup>.
      expect(list(statement.Resource)).toEqual([
        'arn:aws:logs:us-east-1:123456789012:log-group:<ScanEventLogGroup>:*'
      ])
    })
  })

  it('names every resource so that the setup policy covers it when deployed as inspector-gate-responder', () => {
    const setup = readPolicy('setup-policy.json')
    const ctx = context(template)
    const name = (resource: string, property: string): string =>
      String(evaluateJson(propertiesOf(resources[resource])[property] as Json, ctx))
    const scanGroup = `arn:aws:logs:us-east-1:123456789012:log-group:${name('ScanEventLogGroup', 'LogGroupName')}`
    const arns: Array<[string, string]> = [
      [
        'lambda:CreateFunction',
        `arn:aws:lambda:us-east-1:123456789012:function:${name('ResponderFunction', 'FunctionName')}`
      ],
      [
        'events:PutRule',
        `arn:aws:events:us-east-1:123456789012:rule/${name('FindingsRule', 'Name')}`
      ],
      [
        'events:PutRule',
        `arn:aws:events:us-east-1:123456789012:rule/${name('ScanEventsRule', 'Name')}`
      ],
      [
        'events:PutTargets',
        `arn:aws:events:us-east-1:123456789012:rule/${name('ScanEventsRule', 'Name')}`
      ],
      [
        'sns:CreateTopic',
        `arn:aws:sns:us-east-1:123456789012:${name('NotificationTopic', 'TopicName')}`
      ],
      [
        'sqs:CreateQueue',
        `arn:aws:sqs:us-east-1:123456789012:${name('DeadLetterQueue', 'QueueName')}`
      ],
      [
        'logs:CreateLogGroup',
        `arn:aws:logs:us-east-1:123456789012:log-group:${name('ResponderLogGroup', 'LogGroupName')}`
      ],
      ...['logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy'].map(
        (action): [string, string] => [action, scanGroup]
      ),
      ...[
        'logs:PutResourcePolicy',
        'logs:DeleteResourcePolicy',
        'logs:DescribeResourcePolicies'
      ].map((action): [string, string] => [action, '*']),
      [
        'iam:CreateRole',
        `arn:aws:iam::123456789012:role${name('ResponderRole', 'Path')}inspector-gate-responder-ResponderRole-AB12CD34EF56`
      ],
      [
        'iam:PassRole',
        `arn:aws:iam::123456789012:role${name('ResponderRole', 'Path')}inspector-gate-responder-ResponderRole-AB12CD34EF56`
      ],
      ['cloudformation:CreateChangeSet', ctx.pseudo['AWS::StackId'] as string]
    ]
    for (const [action, arn] of arns) {
      const granted = setup.Statement.some(
        (s) =>
          s.Effect === 'Allow' &&
          list(s.Action as Json).includes(action) &&
          list(s.Resource as Json).some((pattern) => globMatches(String(pattern), arn))
      )
      expect({ action, arn, granted }).toEqual({ action, arn, granted: true })
    }
    expect(name('ResponderFunction', 'FunctionName').length).toBeLessThanOrEqual(64)
    expect(name('FindingsRule', 'Name').length).toBeLessThanOrEqual(64)
  })
})

describe('infra/github-oidc-role.yaml', () => {
  const { template } = parseTemplateFile(new URL('infra/github-oidc-role.yaml', root))
  const resources = resourcesOf(template)
  const role = propertiesOf(resources['GitHubActionsRole'])
  const repository = { GitHubOrg: 'acme', RepositoryName: 'shop-api' }

  it('trusts GitHub OIDC tokens for sts.amazonaws.com from this repository only', () => {
    const combinations: Array<Record<string, string>> = booleanCombinations([
      'AllowPullRequests',
      'CreateOidcProvider'
    ]).flatMap((combination) => [
      { ...combination, GitHubEnvironment: '' },
      { ...combination, GitHubEnvironment: 'production' }
    ])
    for (const given of combinations) {
      const ctx = context(template, {
        ...repository,
        ExistingOidcProviderArn:
          'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
        ...given
      })
      const trust = statementsOf(evaluateJson(role['AssumeRolePolicyDocument'] as Json, ctx))
      expect(trust).toHaveLength(1)
      const [statement] = trust as [Statement]
      expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity')
      expect(statement.Principal).toEqual({
        Federated:
          given['CreateOidcProvider'] === 'true'
            ? '<GitHubOidcProvider>'
            : 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'
      })
      expect(statement.Condition?.['StringEquals']).toEqual({
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com'
      })
      const expected = [
        'repo:acme/shop-api:ref:refs/heads/main',
        ...(given['AllowPullRequests'] === 'true' ? ['repo:acme/shop-api:pull_request'] : []),
        ...(given['GitHubEnvironment'] !== '' ? ['repo:acme/shop-api:environment:production'] : [])
      ]
      expect(statement.Condition?.['StringLike']).toEqual({
        'token.actions.githubusercontent.com:sub': expected
      })
    }
  })

  it('creates the GitHub identity provider only when asked, with the STS audience', () => {
    const provider = resources['GitHubOidcProvider']
    expect(provider?.['Condition']).toBe('CreateProvider')
    expect(propertiesOf(provider)).toMatchObject({
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com']
    })
  })

  /** Template policy → the JSON files whose statements it holds (merged by Sid). */
  const MIRRORS: Record<string, string[]> = {
    GatePolicy: ['gate-ecr-policy.json', 'gate-lambda-policy.json', 'gate-sbom-policy.json'],
    EnsureEnabledPolicy: ['ensure-enabled-policy.json'],
    SetupPolicy: ['setup-policy.json'],
    ReportPolicy: ['report-policy.json']
  }

  it('mirrors every policy in infra/iam/ in exactly one managed policy', () => {
    expect(Object.values(MIRRORS).flat().sort()).toEqual(IAM_FILES)
    const managed = Object.entries(resources)
      .filter(([, resource]) => resource['Type'] === 'AWS::IAM::ManagedPolicy')
      .map(([name]) => name)
      .sort()
    expect(managed).toEqual(Object.keys(MIRRORS).sort())
    for (const name of managed) {
      expect(propertiesOf(resources[name])['Roles']).toEqual([{ Ref: 'GitHubActionsRole' }])
    }
    expect(resources['EnsureEnabledPolicy']?.['Condition']).toBe('AttachEnsureEnabled')
  })

  it.each(Object.entries(MIRRORS))('%s grants the same actions as %j', (name, files) => {
    const document = evaluateJson(
      propertiesOf(resources[name])['PolicyDocument'] as Json,
      context(template, repository)
    )
    const templateActions = new Set(statementsOf(document).flatMap(actionsOf))
    const fileActions = new Set(
      files.flatMap((file) => readPolicy(file).Statement.flatMap(actionsOf))
    )
    expect([...templateActions].sort()).toEqual([...fileActions].sort())
  })

  it.each(Object.entries(MIRRORS))(
    '%s holds the statements of %j (in partition aws)',
    (name, files) => {
      const document = evaluateJson(
        propertiesOf(resources[name])['PolicyDocument'] as Json,
        context(template, repository)
      )
      // Files merged by Sid: a Sid shared by two files must carry the same statement in both.
      const merged = new Map<string, Json>()
      const conflicts: string[] = []
      for (const file of files) {
        for (const statement of readPolicy(file).Statement) {
          const normalised = normaliseStatement(statement)
          const sid = String(statement.Sid)
          const seen = merged.get(sid)
          if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(normalised)) {
            conflicts.push(`${file}: ${sid} differs from the statement of the same Sid`)
          }
          merged.set(sid, normalised)
        }
      }
      expect(conflicts).toEqual([])
      const bySid = (statements: Json[]): Json[] =>
        [...statements].sort((a, b) =>
          String((a as JsonObject)['Sid']).localeCompare(String((b as JsonObject)['Sid']))
        )
      expect(bySid(statementsOf(document).map(normaliseStatement))).toEqual(
        bySid([...merged.values()])
      )
    }
  )

  it('keeps each managed policy under the 6,144-character IAM limit', () => {
    for (const name of Object.keys(MIRRORS)) {
      const document = evaluateJson(
        propertiesOf(resources[name])['PolicyDocument'] as Json,
        context(template, repository)
      )
      expect({ name, size: JSON.stringify(document).length <= 6144 }).toEqual({ name, size: true })
    }
  })

  it('requires the existing provider ARN when it does not create one', () => {
    const rules = section(template, 'Rules')
    const rule = rules['ExistingProviderNeedsItsArn'] as JsonObject
    expect(rule['RuleCondition']).toEqual({
      'Fn::Equals': [{ Ref: 'CreateOidcProvider' }, 'false']
    })
    expect(list(rule['Assertions'])).toHaveLength(1)
  })
})

describe.each(IAM_FILES)('infra/iam/%s', (file) => {
  const policy = readPolicy(file)

  it('is a least-privilege identity policy: named statements, no wildcard actions', () => {
    const legacyStar = LEGACY_FILES.includes(file)
    expect(
      policyProblems(policy as unknown as Json, file, { kind: 'identity', legacyStar })
    ).toEqual([])
    for (const statement of policy.Statement) {
      expect(statement.Sid).toMatch(/^[A-Za-z0-9]+$/)
      expect(statement.Effect).toBe('Allow')
    }
  })
})

/** What `organization: true` and `aggregate-regions: true` call (issue 18); no Organizations write. */
const ORGANIZATION_SETUP_ACTIONS = [
  'inspector2:GetDelegatedAdminAccount',
  'inspector2:ListMembers',
  'inspector2:DescribeOrganizationConfiguration',
  'inspector2:UpdateOrganizationConfiguration',
  'securityhub:DescribeOrganizationConfiguration',
  'securityhub:UpdateOrganizationConfiguration',
  'securityhub:ListMembers',
  'securityhub:CreateMembers',
  'securityhub:ListFindingAggregators',
  'securityhub:CreateFindingAggregator'
]

describe('infra/iam/setup-policy.json', () => {
  const policy = readPolicy('setup-policy.json')
  const granted = new Set(policy.Statement.flatMap(actionsOf))
  const resourcesFor = (action: string): string[] =>
    policy.Statement.filter((s) => actionsOf(s).includes(action)).flatMap((s) =>
      list(s.Resource as Json).map(String)
    )

  it('enables Inspector and Security Hub, imports Inspector findings and manages insights', () => {
    const needed = [
      'inspector2:Enable',
      'inspector2:BatchGetAccountStatus',
      'inspector2:GetConfiguration',
      'inspector2:UpdateConfiguration',
      'securityhub:DescribeHub',
      'securityhub:EnableSecurityHub',
      'securityhub:DescribeStandards',
      'securityhub:GetEnabledStandards',
      'securityhub:BatchEnableStandards',
      'securityhub:ListEnabledProductsForImport',
      'securityhub:EnableImportFindingsForProduct',
      'securityhub:GetInsights',
      'securityhub:CreateInsight',
      'securityhub:UpdateInsight',
      'iam:CreateServiceLinkedRole',
      ...ORGANIZATION_SETUP_ACTIONS
    ]
    for (const action of needed)
      expect({ action, granted: granted.has(action) }).toEqual({ action, granted: true })
  })

  it('grants no Organizations action: delegating an administrator stays the management account’s call', () => {
    expect([...granted].filter((action) => action.startsWith('organizations:'))).toEqual([])
  })

  it('scopes the Security Hub organization calls to the hub, but the aggregator calls IAM cannot scope', () => {
    // cfn-lint's IAM data (the Service Authorization Reference) lists no resource type for the
    // finding aggregator's create and list: only "*" matches them.
    const unscoped = ['securityhub:ListFindingAggregators', 'securityhub:CreateFindingAggregator']
    for (const action of ORGANIZATION_SETUP_ACTIONS.filter((a) => a.startsWith('securityhub:')))
      expect({ action, resources: resourcesFor(action) }).toEqual({
        action,
        resources: unscoped.includes(action) ? ['*'] : ['arn:aws:securityhub:*:*:hub/default']
      })
  })

  it('creates only the Inspector and Security Hub service-linked roles', () => {
    const [statement] = policy.Statement.filter((s) =>
      actionsOf(s).includes('iam:CreateServiceLinkedRole')
    )
    expect(statement?.Condition).toEqual({
      StringEquals: {
        'iam:AWSServiceName': ['inspector2.amazonaws.com', 'securityhub.amazonaws.com']
      }
    })
  })

  it('deploys only inspector-gate-responder* stacks through change sets', () => {
    for (const action of [
      'cloudformation:DescribeStacks',
      'cloudformation:CreateChangeSet',
      'cloudformation:DescribeChangeSet',
      'cloudformation:ExecuteChangeSet',
      'cloudformation:DeleteChangeSet',
      'cloudformation:DescribeStackEvents'
    ]) {
      expect(resourcesFor(action)).toContain(
        'arn:aws:cloudformation:*:*:stack/inspector-gate-responder*/*'
      )
      for (const resource of resourcesFor(action))
        expect(resource).toMatch(/inspector-gate-responder\*\/\*$/)
    }
    expect([...granted].filter((a) => a.startsWith('cloudformation:'))).toHaveLength(6)
  })

  it('scopes every stack-resource action to names starting with inspector-gate-responder', () => {
    for (const statement of policy.Statement) {
      const services = new Set(actionsOf(statement).map((a) => a.split(':')[0]))
      const stackResource = [...services].some((s) =>
        ['lambda', 'events', 'sqs'].includes(s as string)
      )
      if (!stackResource) continue
      for (const resource of list(statement.Resource as Json)) {
        expect(String(resource)).toMatch(/inspector-gate-responder\*$/)
      }
    }
    expect(resourcesFor('iam:CreateRole')).toEqual([
      'arn:aws:iam::*:role/inspector-gate-responder/*'
    ])
    expect(resourcesFor('iam:PassRole')).toEqual(['arn:aws:iam::*:role/inspector-gate-responder/*'])
  })
})

describe('the gate reads the scan-event log group, and only it', () => {
  const { template } = parseTemplateFile(new URL('infra/responder.yaml', root))
  const group = String(
    evaluateJson(
      propertiesOf(resourcesOf(template)['ScanEventLogGroup'])['LogGroupName'] as Json,
      context(template)
    )
  )
  const expected = [
    `arn:aws:logs:*:*:log-group:${group}`,
    `arn:aws:logs:*:*:log-group:${group}:*`
  ].sort()

  it('names the group the responder stack creates under its default stack name', () => {
    expect(group).toBe('/aws/events/inspector-gate-responder/inspector-scans')
  })

  it('grants logs:FilterLogEvents in gate-ecr-policy.json on that group and nothing else in logs', () => {
    const statements = readPolicy('gate-ecr-policy.json').Statement.filter((s) =>
      actionsOf(s).some((a) => a.startsWith('logs:'))
    )
    expect(statements).toHaveLength(1)
    const [statement] = statements as [Statement]
    expect(actionsOf(statement)).toEqual(['logs:FilterLogEvents'])
    expect(statement.Condition).toBeUndefined()
    expect(
      list(statement.Resource as Json)
        .map(String)
        .sort()
    ).toEqual(expected)
  })

  it('grants the same in the OIDC role template, in every partition', () => {
    const { template: oidc } = parseTemplateFile(new URL('infra/github-oidc-role.yaml', root))
    const document = evaluateJson(
      propertiesOf(resourcesOf(oidc)['GatePolicy'])['PolicyDocument'] as Json,
      context(
        oidc,
        { GitHubOrg: 'acme', RepositoryName: 'shop-api' },
        { 'AWS::Partition': 'aws-cn' }
      )
    )
    const statements = statementsOf(document).filter((s) =>
      actionsOf(s).some((a) => a.startsWith('logs:'))
    )
    expect(statements).toHaveLength(1)
    expect(actionsOf(statements[0] as Statement)).toEqual(['logs:FilterLogEvents'])
    expect(
      list((statements[0] as Statement).Resource as Json)
        .map(String)
        .sort()
    ).toEqual(expected.map((arn) => arn.replace('arn:aws:', 'arn:aws-cn:')))
  })

  it("lets the gate read only the responder stack's outputs, to find that group", () => {
    const stackArn = 'arn:aws:cloudformation:*:*:stack/inspector-gate-responder/*'
    const { template: oidc } = parseTemplateFile(new URL('infra/github-oidc-role.yaml', root))
    const oidcStatements = statementsOf(
      evaluateJson(
        propertiesOf(resourcesOf(oidc)['GatePolicy'])['PolicyDocument'] as Json,
        context(oidc, { GitHubOrg: 'acme', RepositoryName: 'shop-api' })
      )
    )
    for (const statements of [readPolicy('gate-ecr-policy.json').Statement, oidcStatements]) {
      const cloudformation = statements.filter((s) =>
        actionsOf(s).some((a) => a.startsWith('cloudformation:'))
      )
      expect(cloudformation.map((s) => [actionsOf(s), list(s.Resource as Json)])).toEqual([
        [['cloudformation:DescribeStacks'], [stackArn]]
      ])
    }
  })

  it('gives no other gate or report policy any logs permission', () => {
    for (const file of IAM_FILES.filter(
      (f) => !['gate-ecr-policy.json', 'setup-policy.json'].includes(f)
    )) {
      const logs = readPolicy(file)
        .Statement.flatMap(actionsOf)
        .filter((a) => a.startsWith('logs:'))
      expect({ file, logs }).toEqual({ file, logs: [] })
    }
  })
})

describe('infra/iam/setup-policy.json and the scan-event log group', () => {
  const policy = readPolicy('setup-policy.json')
  const logs = policy.Statement.filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')))

  it('manages log groups only under /aws/lambda/ and /aws/events/ inspector-gate-responder*', () => {
    for (const statement of logs) {
      for (const resource of list(statement.Resource as Json).map(String)) {
        if (resource === '*') continue
        expect(resource).toMatch(
          /^arn:aws:logs:\*:\*:log-group:\/aws\/(lambda|events)\/inspector-gate-responder\*$/
        )
      }
    }
  })

  it('grants on "*" only the account-level logs actions', () => {
    const onStar = logs
      .filter((s) => list(s.Resource as Json).includes('*'))
      .flatMap(actionsOf)
      .sort()
    expect(onStar).toEqual(
      [
        'logs:DeleteResourcePolicy',
        'logs:DescribeLogGroups',
        'logs:DescribeResourcePolicies',
        'logs:PutResourcePolicy'
      ].sort()
    )
  })

  it('never lets setup read or write log events', () => {
    const actions = logs.flatMap(actionsOf)
    for (const action of ['logs:FilterLogEvents', 'logs:GetLogEvents', 'logs:PutLogEvents'])
      expect(actions).not.toContain(action)
  })
})

describe('infra/iam/report-policy.json', () => {
  const policy = readPolicy('report-policy.json')

  it('reads findings and standards, and delivers only to inspector-gate-named topics and buckets', () => {
    expect(policy.Statement.flatMap(actionsOf).sort()).toEqual(
      [
        'securityhub:GetFindings',
        'securityhub:GetEnabledStandards',
        'securityhub:DescribeStandards',
        'sns:Publish',
        's3:PutObject'
      ].sort()
    )
    const delivery = policy.Statement.filter((s) =>
      actionsOf(s).some((a) => !a.startsWith('securityhub:'))
    )
    for (const statement of delivery) {
      expect(statement.Sid).toMatch(/^Optional/)
      for (const resource of list(statement.Resource as Json))
        expect(String(resource)).toMatch(/inspector-gate-report/)
    }
  })
})

/** `sns:Publish` for every `…Command` the responder's source imports from an AWS SDK client. */
function responderSdkCalls(): string[] {
  const dir = new URL('../../src/responder-lambda/', import.meta.url)
  const calls = new Set<string>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, dir), 'utf8')
    for (const [, names, service] of source.matchAll(
      /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([a-z0-9-]+)'/g
    )) {
      for (const name of (names as string).split(',').map((n) => n.trim())) {
        const operation = /^(\w+)Command$/.exec(name)?.[1]
        if (operation !== undefined) calls.add(`${service}:${operation}`)
      }
    }
  }
  return [...calls]
}
