#!/usr/bin/env node
'use strict'
/*
 * `npm run dist:check`: proves the installers' contents without downloading Electron.
 *  1. validates electron-builder.yml (with its fuses) against electron-builder's schema;
 *  2. packs `--linux --dir` against a stand-in Electron folder, with the fuses left out
 *     (they are flipped in the real binary, which a stand-in does not have);
 *  3. lists the packed app.asar and checks that everything the app loads at run time is
 *     there: main, preload, renderer (and every file index.html names), the store worker
 *     beside the code that starts it, every module the packed main code requires (resolved
 *     by Node from inside the extracted archive), the sql.js wasm next to sql.js, the fonts
 *     the briefing printer embeds, and nothing from tests, sources or devDependencies.
 * Needs `npm run build` first (out/). Exits 1 with the list of problems.
 */
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { builtinModules, createRequire } = require('node:module')

const root = path.join(__dirname, '..')
const started = Date.now()
const problems = []
const need = (ok, message) => {
  if (!ok) problems.push(message)
}

function loadConfig() {
  const yaml = require('js-yaml')
  return yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'))
}

async function validate(config) {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config')
  const { DebugLogger } = require('builder-util')
  await validateConfiguration(config, new DebugLogger(false))
}

function standInElectron(dir) {
  const version = require('electron/package.json').version
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n', {
    mode: 0o755
  })
  fs.writeFileSync(path.join(dir, 'version'), `v${version}`)
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in\n')
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n')
  return version
}

async function pack(config, work) {
  const { build, Platform } = require('electron-builder')
  const electronDist = path.join(work, 'electron')
  const electronVersion = standInElectron(electronDist)
  const output = path.join(work, 'dist')
  const { electronFuses: _fuses, ...withoutFuses } = config
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      ...withoutFuses,
      electronDist,
      electronVersion,
      directories: { ...config.directories, output },
      npmRebuild: false,
      // The file config is merged in again by build(): null takes the fuses out.
      electronFuses: null
    }
  })
  return path.join(output, 'linux-unpacked')
}

/** name@version of every package the production tree holds (the lockfile's non-dev entries). */
function productionPackages() {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'))
  const prod = new Set()
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (where && !entry.dev) prod.add(`${where.replace(/^.*node_modules\//, '')}@${entry.version}`)
  }
  return prod
}

/** The lockfile key of the innermost package holding a file: node_modules/a/node_modules/b. */
function packageOf(file) {
  const match = /^\/?((?:node_modules\/(?:@[^/]+\/)?[^/]+\/?)+)/.exec(file)
  return match ? match[1].replace(/\/$/, '') : null
}

function verify(unpacked) {
  const asar = require('@electron/asar')
  const archive = path.join(unpacked, 'resources', 'app.asar')
  need(fs.existsSync(archive), `${archive} is missing`)
  if (!fs.existsSync(archive)) return null
  const files = asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/'))
  const listed = new Set(files)
  const has = (file) => listed.has(file.startsWith('/') ? file : `/${file}`)

  for (const file of [
    'package.json',
    'out/main/index.js',
    'out/main/storeWorker.js',
    'out/preload/index.js',
    'out/renderer/index.html'
  ]) {
    need(has(file), `app.asar lacks ${file}`)
  }

  // Nothing that is not part of the running app.
  const production = productionPackages()
  const devFound = new Set()
  const packages = new Set()
  for (const file of files) {
    if (/^\/(src|tests|bin|resources|coverage|test-results)(\/|$)/.test(file)) {
      need(false, `app.asar holds ${file}, which is not part of the running app`)
    }
    if (/\.map$/.test(file)) need(false, `app.asar holds a source map: ${file}`)
    const pkg = packageOf(file)
    if (pkg) packages.add(pkg)
  }

  for (const file of ['out/main/bench.js', 'out/main/soak.js', 'out/main/cli.js']) {
    need(!has(file), `app.asar holds ${file}, which the app never runs`)
  }

  // Resolve from inside the extracted archive, exactly as the packed app would.
  const tree = path.join(path.dirname(unpacked), 'extracted')
  asar.extractAll(archive, tree)
  // electron-builder re-hoists the tree, so packages are compared by name@version.
  for (const pkg of packages) {
    const manifest = path.join(tree, pkg, 'package.json')
    if (!fs.existsSync(manifest)) continue
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8'))
    if (name && !production.has(`${name}@${version}`)) devFound.add(`${name}@${version}`)
  }
  for (const pkg of devFound)
    need(false, `app.asar holds a package outside the production tree: ${pkg}`)
  const html = fs.readFileSync(path.join(tree, 'out/renderer/index.html'), 'utf8')
  for (const [, ref] of html.matchAll(/(?:src|href)="(?!data:)\.?\/?([^"#?]+)"/g)) {
    need(fs.existsSync(path.join(tree, 'out/renderer', ref)), `index.html names ${ref}, not packed`)
  }
  const css = fs
    .readdirSync(path.join(tree, 'out/renderer/assets'))
    .filter((f) => f.endsWith('.css'))
  for (const sheet of css) {
    const text = fs.readFileSync(path.join(tree, 'out/renderer/assets', sheet), 'utf8')
    for (const [, ref] of text.matchAll(/url\(["']?(?!data:)([^"')?#]+)/g)) {
      const file = path.join(tree, 'out/renderer/assets', ref)
      need(fs.existsSync(file), `${sheet} loads ${ref}, not packed`)
    }
  }

  const mainDir = path.join(tree, 'out/main')
  const seen = new Set()
  const bare = new Set()
  const visit = (file) => {
    if (seen.has(file)) return
    seen.add(file)
    if (!fs.existsSync(file)) {
      need(false, `${path.relative(tree, file)} is required but not packed`)
      return
    }
    const code = fs.readFileSync(file, 'utf8')
    for (const [, spec] of code.matchAll(/require\(["']([^"']+)["']\)/g)) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec))
      else bare.add(spec)
    }
    // The store worker is started by path (src/server/core.ts: path.join(__dirname, ...)).
    if (code.includes('"storeWorker.js"') || code.includes("'storeWorker.js'")) {
      const worker = path.join(path.dirname(file), 'storeWorker.js')
      need(fs.existsSync(worker), `${path.relative(tree, file)} starts ${worker}, not packed`)
      visit(worker)
    }
  }
  visit(path.join(mainDir, 'index.js'))
  visit(path.join(tree, 'out/preload/index.js'))
  const fromMain = createRequire(path.join(mainDir, 'index.js'))
  const builtins = new Set(builtinModules)
  const modules = []
  for (const spec of [...bare].sort()) {
    const name = spec.replace(/^node:/, '')
    if (spec === 'electron' || builtins.has(name) || builtins.has(name.split('/')[0])) continue
    try {
      const resolved = fromMain.resolve(spec)
      need(resolved.startsWith(tree), `${spec} resolves outside the packed app: ${resolved}`)
      modules.push(spec)
    } catch {
      need(false, `packed main requires ${spec}, which does not resolve inside app.asar`)
    }
  }

  // sql.js, loaded without locateFile, reads sql-wasm.wasm from beside its own script.
  try {
    const sqlJs = fromMain.resolve('sql.js')
    const wasm = path.join(path.dirname(sqlJs), 'sql-wasm.wasm')
    need(sqlJs.startsWith(tree) && fs.existsSync(wasm), `sql.js wasm missing: ${wasm}`)
  } catch {
    need(false, 'sql.js does not resolve inside app.asar')
  }

  // The briefing printer embeds the fonts named by these fontsource stylesheets.
  const fontSheets = [
    ['@fontsource-variable/noto-sans', ['index.css', 'wght-italic.css']],
    ['@fontsource-variable/noto-sans-jp', ['index.css']]
  ]
  let fonts = 0
  for (const [pkg, sheets] of fontSheets) {
    let dir
    try {
      dir = path.dirname(fromMain.resolve(`${pkg}/package.json`))
    } catch {
      need(false, `${pkg} does not resolve inside app.asar`)
      continue
    }
    for (const sheet of sheets) {
      const file = path.join(dir, sheet)
      if (!fs.existsSync(file)) {
        need(false, `${pkg}/${sheet} is not packed`)
        continue
      }
      for (const [, ref] of fs.readFileSync(file, 'utf8').matchAll(/url\(["']?([^"')]+)/g)) {
        need(fs.existsSync(path.join(dir, ref)), `${pkg}/${ref} (font) is not packed`)
        fonts++
      }
    }
  }
  return { archive, files, modules, fonts, size: fs.statSync(archive).size }
}

function summary(result) {
  const top = new Map()
  for (const file of result.files) {
    const parts = file.split('/').filter(Boolean)
    if (parts.length < 2 && parts[0] !== 'package.json') continue
    if (parts[0] === 'node_modules' && parts[1].startsWith('@') && parts.length < 3) continue
    const key =
      parts[0] === 'node_modules'
        ? `node_modules/${parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]}`
        : parts.slice(0, Math.min(parts.length, 2)).join('/')
    top.set(key, (top.get(key) ?? 0) + 1)
  }
  console.log(`app.asar: ${(result.size / 1e6).toFixed(1)} MB, ${result.files.length} entries`)
  for (const [key, count] of [...top].sort()) console.log(`  ${key}  (${count})`)
  console.log(`modules the packed main requires, all resolved inside: ${result.modules.join(', ')}`)
  console.log(`font files the briefing printer embeds, all packed: ${result.fonts}`)
}

async function main() {
  const config = loadConfig()
  await validate(config)
  console.log('electron-builder.yml: valid (fuses included)')
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-dist-check-'))
  try {
    const unpacked = await pack(config, work)
    const result = verify(unpacked)
    if (result) summary(result)
  } finally {
    if (!process.env.ATTEST_KEEP_DIST_CHECK) fs.rmSync(work, { recursive: true, force: true })
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (problems.length > 0) {
    console.error(`dist:check failed (${seconds} s):\n- ${problems.join('\n- ')}`)
    process.exit(1)
  }
  console.log(`dist:check passed in ${seconds} s`)
}

main().catch((error) => {
  console.error(`dist:check failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
