// Preloaded into a bundle run with `NODE_OPTIONS=--import <this file>`: appends the URL of every
// module Node loads (the bundle's entry and each chunk it imports) to INSPECTOR_GATE_LOAD_LOG, so a
// test can tell which chunks a run read without timing anything. The line FIRST_REQUEST marks
// where the run created its first HTTP request (the first AWS call): the files listed before it are
// the ones the run loaded before that request.
import { appendFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'

const FIRST_REQUEST = 'first-request'

const log = process.env['INSPECTOR_GATE_LOAD_LOG']
if (log) {
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:')) appendFileSync(log, `${url}\n`)
      return nextLoad(url, context)
    }
  })
  // Published when an http(s) ClientRequest is created, before it connects.
  const first = () => {
    unsubscribe('http.client.request.start', first)
    appendFileSync(log, `${FIRST_REQUEST}\n`)
  }
  subscribe('http.client.request.start', first)
}
