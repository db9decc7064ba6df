// The bundle's entry point: the only module with a side effect at import.
import { run } from './action/run.js'

await run()
