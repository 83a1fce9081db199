#!/usr/bin/env node
'use strict'
// npm run soak [-- --rounds N] [-- --json]: built first when the sources changed since the last build.
const { ensureBuilt } = require('./build-stamp.js')

const failed = ensureBuilt(() => process.stderr.write('soak: building the app…\n'))
if (failed) {
  process.stderr.write(`${failed}\nsoak: the app could not be built\n`)
  process.exit(1)
}
require('../out/main/soak.js')
