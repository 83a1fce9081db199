#!/usr/bin/env node
'use strict'
// npm run bench [-- --large]: built first when the sources changed since the last build.
const { ensureBuilt } = require('./build-stamp.js')

const failed = ensureBuilt(() => process.stderr.write('bench: building the app…\n'))
if (failed) {
  process.stderr.write(`${failed}\nbench: the app could not be built\n`)
  process.exit(1)
}
require('../out/main/bench.js')
