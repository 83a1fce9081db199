#!/usr/bin/env node
'use strict'
// The attest command. The CLI is built with the app (npm run build) into out/main.
const fs = require('node:fs')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const root = path.join(__dirname, '..')
const cli = path.join(root, 'out', 'main', 'cli.js')
if (!fs.existsSync(cli)) {
  const built = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: 'ignore',
    shell: process.platform === 'win32'
  })
  if (built.status !== 0 || !fs.existsSync(cli)) {
    process.stderr.write('attest: the app is not built; run "npm run build" first\n')
    process.exit(1)
  }
}
require(cli).main()
