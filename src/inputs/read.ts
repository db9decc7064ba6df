import { inputSpec, type InputName } from './catalogue.js'

/** Inputs as given, by name: the action's `INPUT_*` values or the CLI's flags. */
export type RawInputs = Record<string, string>

/** Reads inputs the one way every mode does. */
export interface InputReader {
  /** The trimmed value, or the catalogue's default when it is empty or absent. */
  get(name: InputName): string
}

export function inputReader(inputs: RawInputs): InputReader {
  const given = (name: InputName): string => (inputs[name] ?? '').trim()
  return { get: (name) => given(name) || (inputSpec(name)?.default ?? '') }
}
