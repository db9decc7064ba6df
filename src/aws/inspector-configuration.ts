import {
  GetConfigurationCommand,
  UpdateConfigurationCommand,
  type EcrRescanDuration,
  type Inspector2Client
} from '@aws-sdk/client-inspector2'
import { callAws } from './errors.js'

/** How long Inspector keeps re-scanning an ECR image after its push (or pull). */
export async function getEcrRescanDuration(client: Inspector2Client): Promise<string | undefined> {
  const out = await callAws(
    { action: 'inspector2:GetConfiguration', doing: 'reading the Inspector ECR re-scan duration' },
    () => client.send(new GetConfigurationCommand({}))
  )
  return out.ecrConfiguration?.rescanDurationState?.rescanDuration
}

export async function setEcrRescanDuration(
  client: Inspector2Client,
  duration: EcrRescanDuration
): Promise<void> {
  await callAws(
    {
      action: 'inspector2:UpdateConfiguration',
      doing: 'setting the Inspector ECR re-scan duration'
    },
    () =>
      client.send(
        new UpdateConfigurationCommand({ ecrConfiguration: { rescanDuration: duration } })
      )
  )
}
