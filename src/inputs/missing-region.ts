import { InputError } from './values.js'

/**
 * No AWS Region where a run needs one. The fix depends on the door: a workflow sets AWS_REGION
 * with a configure-aws-credentials step, a terminal exports it. So the message carries only the
 * words around "set AWS_REGION", and the step that reports it adds its door's words with
 * `stepErrorMessage` (AwsAdvice's `regionVariable`).
 */
export class MissingRegionError extends InputError {
  override name = 'MissingRegionError'

  constructor(
    /** What needs the Region, up to the advice, e.g. `setup needs a region; `. */
    readonly lead: string,
    /** What follows the advice, e.g. ` or give the function ARN`. */
    readonly tail = ''
  ) {
    super(`${lead}set AWS_REGION${tail}`)
  }

  /** The message with the door's words after "set AWS_REGION". */
  explained(regionVariable: string): string {
    return `${this.lead}set AWS_REGION${regionVariable}${this.tail}`
  }
}

/** A step's failure line: the error's message, in the door's words where a Region is missing. */
export function stepErrorMessage(error: unknown, advice: { regionVariable: string }): string {
  return error instanceof MissingRegionError
    ? error.explained(advice.regionVariable)
    : error instanceof Error
      ? error.message
      : String(error)
}
