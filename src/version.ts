/** This program's version; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0'

/** Where users read about the tool (SARIF `informationUri`, the CLI's `--help`). */
export const PROJECT_URL = 'https://github.com/inspector-gate/inspector-gate'
