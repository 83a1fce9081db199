'use strict'
// Whether out/ was built from the sources as they are now. The build writes out/.source-hash
// (see electron.vite.config.ts); bin/attest.js and the unit tests rebuild when it differs, so
// nothing runs against code older than the tree.
const { spawnSync } = require('node:child_process')
const { createHash } = require('node:crypto')
const fs = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..')
const stampFile = path.join(root, 'out', '.source-hash')
const lock = path.join(root, 'out', '.building')
const cli = path.join(root, 'out', 'main', 'cli.js')
const INPUTS = ['src', 'electron.vite.config.ts', 'package-lock.json', 'tsconfig.base.json']

function filesUnder(entry) {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return []
  if (!fs.statSync(full).isDirectory()) return [entry]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((child) => filesUnder(path.posix.join(entry, child.name)))
}

/** A hash of every file the build reads from the tree: paths and contents. */
function sourceHash() {
  const hash = createHash('sha256')
  for (const file of INPUTS.flatMap(filesUnder)) {
    hash.update(`${file}\0`)
    hash.update(fs.readFileSync(path.join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** True when out/ holds a build of the current sources (false when there are no sources). */
function isCurrent() {
  if (!fs.existsSync(path.join(root, 'src'))) return true
  try {
    return fs.readFileSync(stampFile, 'utf8').trim() === sourceHash()
  } catch {
    return false
  }
}

/**
 * Builds out/ unless it is current; one build at a time (a second caller waits for the
 * first). Returns null when out/ is current, else the build's failure output.
 */
function ensureBuilt(onBuild = () => undefined) {
  if (fs.existsSync(cli) && isCurrent()) return null
  fs.mkdirSync(path.dirname(lock), { recursive: true })
  const started = Date.now()
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch {
      // A build that crashed leaves its lock: after three minutes it is taken over.
      if (Date.now() - started > 180_000) fs.rmSync(lock, { recursive: true, force: true })
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200)
    }
  }
  try {
    if (fs.existsSync(cli) && isCurrent()) return null
    onBuild()
    const built = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: root,
      encoding: 'utf8',
      shell: process.platform === 'win32'
    })
    if (built.status === 0 && fs.existsSync(cli)) return null
    return `${built.stdout ?? ''}${built.stderr ?? ''}`.trim() || 'electron-vite build failed'
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

module.exports = { sourceHash, isCurrent, ensureBuilt, stampFile }
