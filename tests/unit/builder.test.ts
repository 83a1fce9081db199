import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')
const require = createRequire(import.meta.url)
// js-yaml ships no types; load() returns plain data, checked below.
const yaml = require('js-yaml') as { load: (text: string) => unknown }

type BuilderConfig = {
  appId: string
  productName: string
  asar: boolean
  electronFuses: Record<string, boolean>
  files: string[]
  fileAssociations: Array<{ ext: string; name: string; mimeType: string }>
  linux: { target: string[]; maintainer: string; icon: string; mimeTypes: string[] }
  mac: { target: Array<{ target: string; arch: string[] }>; icon: string }
  win: { target: Array<{ target: string; arch: string[] }>; icon: string }
}

const config = yaml.load(
  fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')
) as BuilderConfig
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  homepage?: string
  author?: { name: string; email: string }
  devDependencies: Record<string, string>
  scripts: Record<string, string>
}

function pngSize(file: string): [number, number] {
  const data = fs.readFileSync(file)
  expect(data.subarray(1, 4).toString('ascii')).toBe('PNG')
  return [data.readUInt32BE(16), data.readUInt32BE(20)]
}

describe('the installers (electron-builder.yml)', () => {
  it('sets every Electron fuse the security review asks for, and no other', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true
    })
    // ASAR integrity and only-load-from-ASAR mean nothing without an archive.
    expect(config.asar).toBe(true)
  })

  it('names the app and builds AppImage + deb, a dmg for both Mac CPUs, and NSIS', () => {
    expect(config.appId).toBe('org.attest.workbench')
    expect(config.productName).toBe('Attest')
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis'])
  })

  it('gives the .deb its homepage and maintainer', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//)
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/)
    expect(pkg.author?.email).toContain('@')
  })

  it('opens .attest files', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'attest', mimeType: 'application/x-attest-project' })
    ])
    expect(config.linux.mimeTypes).toContain('application/x-attest-project')
  })

  it('packs only the built app, not the CLI, benchmarks or source maps', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map'])
    )
    expect(config.files).toContain('!out/main/bench.js')
    expect(config.files).toContain('!out/main/cli.js')
  })

  it('has our icons at every size, and .ico/.icns made of them', () => {
    const resources = path.join(ROOT, 'resources')
    expect(fs.readFileSync(path.join(resources, 'icon.svg'), 'utf8')).toContain('<svg')
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(path.join(resources, config.linux.icon, `${size}x${size}.png`))).toEqual([
        size,
        size
      ])
    }
    const ico = fs.readFileSync(path.join(resources, config.win.icon))
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 7])
    const icns = fs.readFileSync(path.join(resources, config.mac.icon))
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
  })

  it('pins electron-builder exactly and checks the packed app in npm test', () => {
    expect(pkg.devDependencies['electron-builder']).toMatch(/^26\.\d+\.\d+$/)
    expect(pkg.scripts.test).toContain('npm run dist:check')
    expect(pkg.scripts['dist:check']).toBe('node bin/dist-check.js')
  })
})
