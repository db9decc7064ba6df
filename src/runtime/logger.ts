/** The three log levels every mode writes; the action's and the CLI's hosts implement them. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}
