#!/usr/bin/env node
'use strict'
/*
 * Draws the app icons from resources/icon.svg, offline: Chromium (through playwright-core)
 * rasterises the SVG at every size, and the .ico and .icns containers are written here
 * (both simply hold PNGs). Run after changing the SVG: `node bin/icons.js`.
 */
const fs = require('node:fs')
const path = require('node:path')
const { chromium } = require('playwright-core')

const root = path.join(__dirname, '..')
const resources = path.join(root, 'resources')
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
// ICNS entry types that hold PNG data, by pixel size.
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024]
]

function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(pngs.length, 4)
  let offset = header.length
  pngs.forEach(([size, data], i) => {
    const at = 6 + 16 * i
    header.writeUInt8(size >= 256 ? 0 : size, at)
    header.writeUInt8(size >= 256 ? 0 : size, at + 1)
    header.writeUInt16LE(1, at + 4)
    header.writeUInt16LE(32, at + 6)
    header.writeUInt32LE(data.length, at + 8)
    header.writeUInt32LE(offset, at + 12)
    offset += data.length
  })
  return Buffer.concat([header, ...pngs.map(([, data]) => data)])
}

function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(data.length + 8, 4)
    return Buffer.concat([head, data])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([head, ...parts])
}

async function main() {
  const svg = fs.readFileSync(path.join(resources, 'icon.svg'), 'utf8')
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium'
  })
  const pngs = new Map()
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } })
      const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`)
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`
      )
      pngs.set(size, await page.screenshot({ omitBackground: true, type: 'png' }))
      await page.close()
    }
  } finally {
    await browser.close()
  }
  const dir = path.join(resources, 'icons')
  fs.mkdirSync(dir, { recursive: true })
  for (const [size, data] of pngs) fs.writeFileSync(path.join(dir, `${size}x${size}.png`), data)
  fs.writeFileSync(path.join(resources, 'icon.png'), pngs.get(1024))
  fs.writeFileSync(path.join(resources, 'icon.ico'), ico(ICO_SIZES.map((s) => [s, pngs.get(s)])))
  fs.writeFileSync(
    path.join(resources, 'icon.icns'),
    icns(ICNS_TYPES.map(([type, size]) => [type, pngs.get(size)]))
  )
  console.log(`Wrote ${SIZES.length} PNGs, icon.ico and icon.icns to resources/.`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
