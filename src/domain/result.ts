/** What a run ended with, in every mode: the gate's verdict, a setup, a report, the step status. */
export type RunResult = 'pass' | 'fail' | 'error'
