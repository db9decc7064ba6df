import { CreateTagsCommand, EC2Client } from '@aws-sdk/client-ec2'
import type { IdentifiedFinding } from './finding.js'
import { log } from './log.js'
import { REGION } from './message.js'

// One require per SDK package keeps the inline bundle small: handler.ts takes the client from here.
export { EC2Client }

/** A finding Id that could not be tagged for, and why. */
export type TagFailure = [findingId: string, error: unknown]

/**
 * Tags every EC2 instance the findings name: `SecurityStatus=RequiresPatching` and
 * `LastSecurityScan` = the finding's `UpdatedAt` (or now). Resource ids are instance ARNs
 * (`arn:aws:ec2:<region>:<account>:instance/i-…`) or bare ids, tagged in the ARN's region, else the
 * resource's or the finding's, else the function's. An instance of another account (findings
 * aggregated from member accounts) is not this role's to tag and is skipped.
 *
 * CreateTags applies one tag set to all its resources (up to 1000), so calls are grouped by region
 * and timestamp: with one finding per event, as Security Hub sends them, one call per region.
 */
export async function tagInstances(
  findings: IdentifiedFinding[],
  ec2For: (region: string) => EC2Client,
  homeAccount: unknown,
  fallbackRegion: string,
  now: Date
): Promise<TagFailure[]> {
  // region + timestamp → [region, timestamp, instance ids, ids of the findings naming them]
  const groups: Record<string, [string, string, Set<string>, Set<string>]> = {}
  for (const finding of findings) {
    const at = new Date(Date.parse(finding.UpdatedAt!) || +now).toISOString()
    for (const { Type, Id = '', Region } of finding.Resources ?? []) {
      if (Type != 'AwsEc2Instance') continue
      const [, arnRegion, account = finding.AwsAccountId, id = Id] =
        /^arn:[^:]*:ec2:([^:]*):(\d*):instance\/(.*)/.exec(Id) ?? []
      if (/^i-[0-9a-f]{8,17}$/.test(id) && (!account || !homeAccount || account == homeAccount)) {
        const region = [arnRegion, Region, finding.Region].find((r) => REGION.test(`${r}`))
        const group = (groups[`${region} ${at}`] ??= [
          region ?? fallbackRegion,
          at,
          new Set(),
          new Set()
        ])
        group[2].add(id)
        group[3].add(finding.Id)
      } else log('warn', 'not tagging', { finding: finding.Id, resource: Id })
    }
  }
  const failures: TagFailure[] = []
  const tag = async (region: string, at: string, ids: string[], of: Set<string>): Promise<void> => {
    try {
      await ec2For(region).send(
        new CreateTagsCommand({
          Resources: ids,
          Tags: [
            { Key: 'SecurityStatus', Value: 'RequiresPatching' },
            { Key: 'LastSecurityScan', Value: at }
          ]
        })
      )
    } catch (error) {
      // A terminated instance is gone, not a failure; but one unknown id fails the whole call,
      // so a batch that hit one is retried instance by instance.
      if (!`${error}`.startsWith('InvalidInstanceID.NotFound')) {
        for (const id of of) failures.push([id, error])
      } else if (ids[1]) await Promise.all(ids.map((id) => tag(region, at, [id], of)))
      else log('warn', 'no such instance', { region, id: ids[0] })
    }
  }
  const calls: Array<Promise<void>> = []
  for (const [region, at, ids, of] of Object.values(groups)) {
    const all = [...ids]
    for (let i = 0; i < all.length; i += 1000) {
      calls.push(tag(region, at, all.slice(i, i + 1000), of))
    }
  }
  await Promise.all(calls)
  return failures
}
