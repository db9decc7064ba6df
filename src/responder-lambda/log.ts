/** One JSON object per line: CloudWatch Logs Insights can filter on every field without parsing. */
export function log(level: 'info' | 'warn' | 'error', msg: string, fields: object): void {
  console.log(JSON.stringify({ level, msg, ...fields }))
}
