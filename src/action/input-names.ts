/** Every input action.yml declares; a test keeps this list, action.yml and the README in step. */
export const INPUT_NAMES = [
  'mode',
  'images',
  'functions',
  'code-scanning',
  'fail-on',
  'max-findings',
  'untriaged-as',
  'fixable-only',
  'ignore-file',
  'timeout',
  'settle',
  'on-unscannable',
  'on-error',
  'ensure-enabled',
  'findings-file',
  'summary',
  'scan-types',
  'ecr-rescan-duration',
  'standards',
  'insights'
] as const
