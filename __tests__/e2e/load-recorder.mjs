// Preloaded into a bundle run with `NODE_OPTIONS=--import <this file>`: appends the URL of every
// module Node loads (the bundle's entry and each chunk it imports) to INSPECTOR_GATE_LOAD_LOG, so a
// test can tell which chunks a run read without timing anything.
import { appendFileSync } from 'node:fs'
import { registerHooks } from 'node:module'

const log = process.env['INSPECTOR_GATE_LOAD_LOG']
if (log) {
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:')) appendFileSync(log, `${url}\n`)
      return nextLoad(url, context)
    }
  })
}
