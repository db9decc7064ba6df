import { explainAwsError } from './errors.js'

/** Sends one call, its error explained with the IAM action it needs and what was being done. */
export const call = async <T>(
  action: string,
  doing: string,
  send: () => Promise<T>
): Promise<T> => {
  try {
    return await send()
  } catch (error) {
    throw explainAwsError(error, { action, doing })
  }
}
