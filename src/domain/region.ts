/**
 * How AWS names a Region: `us-east-1`, `ap-southeast-2`, `us-gov-west-1`. One test for every place
 * a Region name comes from outside (inputs, a finding's `Region`), so they cannot drift apart.
 */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/

export function isRegionName(name: string): boolean {
  return REGION_NAME.test(name)
}
