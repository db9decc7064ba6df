#!/usr/bin/env node
// The CLI bundle's entry point (`npx inspector-gate`): the only module here with a side effect.
import { runCli } from './main.js'

process.exitCode = await runCli(process.argv.slice(2), {
  streams: { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
  env: process.env,
  cwd: process.cwd(),
  signals: { source: process, exit: (code) => process.exit(code) }
})
