/**
 * The inline bundle: what esbuild produces, how it is written into the template, and that the
 * built file (not the TypeScript) runs under Node against a local stand-in for SNS, EC2 and
 * Security Hub, with the SDK resolved from node_modules as the Lambda runtime provides it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  buildResponderCode,
  INLINE_CODE_BUDGET,
  injectCode
} from '../../scripts/build-responder.js'
import { zipFileOf } from './cfn-yaml.js'
import { guardDutyInstanceFinding, importedEvent, TOPIC_ARN } from './fixtures.js'
import { tempDir } from '../helpers/temp-dir.js'

const run = promisify(execFile)
const root = new URL('../../', import.meta.url)
const fixture = readFileSync(new URL('fixtures/responder-template.yaml', import.meta.url), 'utf8')
let code = ''
let dir = ''

beforeAll(async () => {
  code = await buildResponderCode()
  dir = tempDir('responder-')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('buildResponderCode', () => {
  it('is small, minified CommonJS that leaves the AWS SDK to the runtime', () => {
    expect(code.length).toBeLessThanOrEqual(INLINE_CODE_BUDGET)
    expect(code).toMatch(/exports\.handler=\w+;\n$/)
    expect(code).toContain('require("@aws-sdk/client-sns")')
    expect(code).toContain('require("@aws-sdk/client-ec2")')
    expect(code).toContain('require("@aws-sdk/client-securityhub")')
    expect(code).not.toMatch(/\bimport\b|\bexport\b|sourceMappingURL/)
    // One require per SDK package, and no bundled SDK code.
    expect(code.match(/require\(/g)).toHaveLength(3)
    expect(code).not.toContain('smithy')
  })

  it('is the same every time (the template check compares it verbatim)', async () => {
    expect(await buildResponderCode()).toBe(code)
  })
})

describe('injectCode', () => {
  const injected = (): string => injectCode(fixture, code)

  it('replaces the ResponderFunction ZipFile block with the code, indented to the block', () => {
    expect(zipFileOf(injected())).toBe(code)
    expect(injected()).toContain(`        ZipFile: |\n          ${code.split('\n')[0]}`)
  })

  it('leaves every other line of the template as it was', () => {
    const before = fixture.split('\n')
    const after = injected().split('\n')
    const start = before.indexOf('        ZipFile: |', before.indexOf('  ResponderFunction:'))
    const tail = before.indexOf('      Environment:')
    const codeLines = code.trimEnd().split('\n').length
    expect(after.slice(0, start + 1)).toEqual(before.slice(0, start + 1))
    expect(after.slice(start + 1 + codeLines)).toEqual(before.slice(tail))
    expect(zipFileOf(injected(), 'OtherFunction')).toBe(
      "exports.handler = async () => 'not this one'\n"
    )
  })

  it('is idempotent', () => {
    expect(injectCode(injected(), code)).toBe(injected())
  })

  it('keeps multi-line code and blank lines inside the block', () => {
    const multi = 'var a = `x\n\n  y`\nexports.handler = a\n'
    expect(zipFileOf(injectCode(fixture, multi))).toBe(multi)
  })

  it('says what is missing rather than guessing', () => {
    expect(() => injectCode('Resources:\n  Other:\n    Type: X\n', code)).toThrow(
      'ResponderFunction is not a resource in the template'
    )
    const noBlock = fixture.replace(
      'ZipFile: |\n          exports.handler = async () => {',
      'S3Key: x\n'
    )
    expect(noBlock).not.toBe(fixture)
    expect(() => injectCode(noBlock, code)).toThrow(
      'no "ZipFile: |" block scalar under ResponderFunction'
    )
  })
})

describe('scripts/build-responder.ts', () => {
  const tsx = fileURLToPath(new URL('node_modules/tsx/dist/cli.mjs', root))
  const script = fileURLToPath(new URL('scripts/build-responder.ts', root))

  it('writes the built code into the template it is given', async () => {
    const template = join(dir, 'template.yaml')
    writeFileSync(template, fixture)
    const { stdout } = await run(process.execPath, [tsx, script, template])
    expect(stdout).toMatch(/^responder: \d+ characters \(\d+ bytes\) written to /)
    expect(zipFileOf(readFileSync(template, 'utf8'))).toBe(code)
  }, 30_000)

  it('fails with a clear message when the template has no ZipFile block', async () => {
    const template = join(dir, 'broken.yaml')
    writeFileSync(template, 'Resources:\n  ResponderFunction:\n    Type: AWS::Lambda::Function\n')
    await expect(run(process.execPath, [tsx, script, template])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'build:responder failed: no "ZipFile: |" block scalar under ResponderFunction'
      )
    })
  }, 30_000)
})

describe('the built bundle', () => {
  let server: Server
  let endpoint = ''
  const requests: Array<{ url: string; body: string }> = []
  const reply = (request: IncomingMessage, body: string): [string, string] => {
    if (body.includes('Action=Publish')) {
      return [
        'text/xml',
        '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult>' +
          '<MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId>' +
          '</ResponseMetadata></PublishResponse>'
      ]
    }
    if (body.includes('Action=CreateTags')) {
      return [
        'text/xml',
        '<CreateTagsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-2' +
          '</requestId><return>true</return></CreateTagsResponse>'
      ]
    }
    if (request.url === '/findings/batchupdate') {
      return ['application/json', '{"ProcessedFindings":[],"UnprocessedFindings":[]}']
    }
    return ['application/json', '{}']
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        requests.push({ url: request.url ?? '', body })
        const [type, text] = reply(request, body)
        response.writeHead(200, { 'content-type': type }).end(text)
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('exports a handler that notifies, tags and marks through the real SDK', async () => {
    const file = join(dir, 'index.js')
    writeFileSync(file, code)
    const finding = guardDutyInstanceFinding()
    const event = importedEvent([finding], { time: new Date().toISOString() })
    const driver = [
      `const { handler } = require(${JSON.stringify(file)})`,
      'if (typeof handler !== "function") throw new Error("no handler")',
      'handler(JSON.parse(process.argv[1])).then((r) => console.log("RESULT " + JSON.stringify(r)))'
    ].join('\n')
    const { stdout } = await run(process.execPath, ['-e', driver, JSON.stringify(event)], {
      env: {
        PATH: process.env['PATH'] ?? '',
        // The runtime provides @aws-sdk/*; here node_modules does.
        NODE_PATH: fileURLToPath(new URL('node_modules', root)),
        AWS_ENDPOINT_URL: endpoint,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_CONFIG_FILE: join(dir, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
        TOPIC_ARN
      }
    })
    const result = stdout.split('\n').find((line) => line.startsWith('RESULT '))
    expect(JSON.parse(result?.slice(7) ?? 'null')).toEqual({
      notified: [finding.Id],
      skipped: [],
      failures: []
    })
    const publish = new URLSearchParams(
      requests.find((r) => r.body.includes('Action=Publish'))?.body
    )
    expect(publish.get('TopicArn')).toBe(TOPIC_ARN)
    expect(publish.get('Subject')).toMatch(/^\[HIGH\] Command and Control/)
    expect(publish.get('Message')).toContain('\nResource: AwsEc2Instance arn:aws:ec2:')
    const tags = new URLSearchParams(
      requests.find((r) => r.body.includes('Action=CreateTags'))?.body
    )
    expect(tags.get('ResourceId.1')).toBe('i-0f9e8d7c6b5a40312')
    expect(tags.get('Tag.1.Key')).toBe('SecurityStatus')
    const mark = requests.find((r) => r.url === '/findings/batchupdate')
    expect(JSON.parse(mark?.body ?? '{}')).toMatchObject({
      FindingIdentifiers: [{ Id: finding.Id, ProductArn: finding.ProductArn }],
      Workflow: { Status: 'NOTIFIED' },
      Note: { UpdatedBy: 'inspector-gate-responder' }
    })
  }, 30_000)
})
