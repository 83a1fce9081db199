#!/usr/bin/env node
'use strict'
// The attest command. The CLI is built with the app (npm run build) into out/main; in a
// checkout whose sources changed since that build, it is rebuilt first, so the command
// always runs the code in the tree.
const path = require('node:path')
const { ensureBuilt } = require('./build-stamp.js')

const failed = ensureBuilt(() =>
  process.stderr.write('attest: building the app from the current sources…\n')
)
if (failed) {
  process.stderr.write('attest: the app could not be built; run "npm run build" to see why\n')
  process.exit(1)
}
require(path.join(__dirname, '..', 'out', 'main', 'cli.js')).main()
