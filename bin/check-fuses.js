#!/usr/bin/env node
'use strict'
/*
 * Reads the fuse wire of every packed Electron binary under a dist folder and compares it
 * with electron-builder.yml's `electronFuses` (used by .github/workflows/release.yml after
 * `electron-builder`, where the binary is real). `node bin/check-fuses.js dist`
 */
const fs = require('node:fs')
const path = require('node:path')
const yaml = require('js-yaml')
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses')

const FUSE_STATE = { 48: false, 49: true }
const KEYS = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar
}

function binaries(dist) {
  const found = []
  for (const entry of fs.readdirSync(dist, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const dir = path.join(dist, entry.name)
    for (const name of ['attest', 'Attest.exe']) {
      if (fs.existsSync(path.join(dir, name))) found.push(path.join(dir, name))
    }
    for (const app of fs.readdirSync(dir).filter((n) => n.endsWith('.app'))) {
      found.push(path.join(dir, app, 'Contents', 'MacOS', app.replace(/\.app$/, '')))
    }
  }
  return found
}

async function main() {
  const dist = path.resolve(process.argv[2] ?? 'dist')
  const root = path.join(__dirname, '..')
  const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'))
  const found = binaries(dist)
  if (found.length === 0) throw new Error(`No packed Electron binary under ${dist}`)
  const problems = []
  for (const binary of found) {
    const wire = await getCurrentFuseWire(binary)
    for (const [key, want] of Object.entries(config.electronFuses)) {
      const have = FUSE_STATE[wire[KEYS[key]]]
      if (have !== want) problems.push(`${binary}: ${key} is ${have}, should be ${want}`)
    }
    console.log(`${binary}: fuses as configured`)
  }
  if (problems.length > 0) throw new Error(problems.join('\n'))
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
