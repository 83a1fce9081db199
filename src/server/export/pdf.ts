import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext } from 'playwright-core'
import { PDF_MARGIN_MM, drawingSheet, headerFooterTemplates, type PdfPrinter } from './printing'
import { writeFileAtomic } from '../store/files'

export { countPdfPages, headerFooterTemplates } from './printing'
export type { PdfHeaderFooter, PdfPrinter } from './printing'

export type PlaywrightPrinterOptions = { executablePath?: string }

export const NO_CHROMIUM_MESSAGE =
  'No Chromium or Chrome was found to print the PDF; set ATTEST_CHROMIUM to its path'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/** Default install locations, most specific first. */
export function defaultChromiumPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const programFiles = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']]
    .filter((dir): dir is string => dir !== undefined && dir !== '')
    .flatMap((dir) => [
      join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(dir, 'Chromium', 'Application', 'chrome.exe'),
      join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe')
    ])
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ...programFiles,
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'
  ]
}

/**
 * The browser to print with: the explicit path, then ATTEST_CHROMIUM, then the first default path
 * that exists. An explicit or configured path is returned even if it does not exist, so that the
 * error names it rather than silently printing with another browser.
 */
export function findChromium(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync
): string | null {
  if (explicit !== undefined && explicit !== '') return explicit
  const fromEnv = env['ATTEST_CHROMIUM']
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  return defaultChromiumPaths(env).find((path) => exists(path)) ?? null
}

const MARGIN = {
  top: `${PDF_MARGIN_MM.top}mm`,
  bottom: `${PDF_MARGIN_MM.bottom}mm`,
  left: `${PDF_MARGIN_MM.left}mm`,
  right: `${PDF_MARGIN_MM.right}mm`
}

/** Every URL that is not file: or data: — those are aborted. */
const NON_LOCAL_URL = /^(?!file:|data:)/i

/**
 * A PdfPrinter backed by a locally installed Chromium/Chrome/Edge driven by playwright-core.
 * The browser is launched on first use and reused; each print gets a fresh, offline context with
 * JavaScript disabled and every non-file:, non-data: request aborted. The HTML is written to a
 * temp file and opened with file:// because Chromium will not load file: fonts into a page made
 * with setContent (about:blank).
 */
export function createPlaywrightPrinter(options: PlaywrightPrinterOptions = {}): PdfPrinter {
  let browserPromise: Promise<Browser> | undefined

  const getBrowser = (): Promise<Browser> => {
    if (browserPromise === undefined) {
      const executablePath = findChromium(options.executablePath)
      if (executablePath === null) return Promise.reject(new Error(NO_CHROMIUM_MESSAGE))
      if (!existsSync(executablePath)) {
        return Promise.reject(
          new Error(
            `No Chromium or Chrome was found at ${executablePath} to print the PDF; set ATTEST_CHROMIUM to its path`
          )
        )
      }
      const launching = chromium
        .launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
        .then((browser) => {
          browser.on('disconnected', () => {
            if (browserPromise === launching) browserPromise = undefined
          })
          return browser
        })
      launching.catch(() => {
        if (browserPromise === launching) browserPromise = undefined
      })
      browserPromise = launching
    }
    return browserPromise
  }

  return {
    async printHtml(html, headerFooter) {
      const browser = await getBrowser()
      const dir = await mkdtemp(join(tmpdir(), 'attest-print-'))
      let context: BrowserContext | undefined
      try {
        context = await browser.newContext({ javaScriptEnabled: false, offline: true })
        const file = join(dir, 'briefing.html')
        await writeFile(file, html, 'utf8')
        // Only non-local URLs match, so font files do not make a round trip through Node.
        await context.route(NON_LOCAL_URL, (route) => route.abort('blockedbyclient'))
        const page = await context.newPage()
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
        // A string expression: this file is compiled without the DOM lib.
        await page.evaluate('document.fonts.ready.then(() => true)')
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          ...headerFooterTemplates(headerFooter),
          margin: MARGIN,
          preferCSSPageSize: false,
          // Bookmarks from the headings, and a structure tree for screen readers.
          outline: true,
          tagged: true
        })
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      } finally {
        await context?.close().catch(() => undefined)
        await rm(dir, { recursive: true, force: true }).catch(() => undefined)
      }
    },

    async rasterize(drawings, fontCss, scale) {
      if (drawings.length === 0) return []
      const browser = await getBrowser()
      const dir = await mkdtemp(join(tmpdir(), 'attest-draw-'))
      let context: BrowserContext | undefined
      try {
        const width = Math.ceil(Math.max(...drawings.map((drawing) => drawing.width)))
        context = await browser.newContext({
          javaScriptEnabled: false,
          offline: true,
          deviceScaleFactor: scale,
          viewport: { width, height: 600 }
        })
        await context.route(NON_LOCAL_URL, (route) => route.abort('blockedbyclient'))
        const file = join(dir, 'drawings.html')
        await writeFile(file, drawingSheet(drawings, fontCss), 'utf8')
        const page = await context.newPage()
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
        await page.evaluate('document.fonts.ready.then(() => true)')
        const images: Uint8Array[] = []
        for (let index = 0; index < drawings.length; index++) {
          const png = await page.locator(`#drawing-${index}`).screenshot({ type: 'png' })
          images.push(new Uint8Array(png.buffer, png.byteOffset, png.byteLength))
        }
        return images
      } finally {
        await context?.close().catch(() => undefined)
        await rm(dir, { recursive: true, force: true }).catch(() => undefined)
      }
    },

    async close() {
      const pending = browserPromise
      browserPromise = undefined
      if (pending === undefined) return
      const browser = await pending.catch(() => undefined)
      await browser?.close().catch(() => undefined)
    }
  }
}

/** Writes the PDF next to `path` as a temp file, fsyncs it and renames it into place. */
export async function writePdfFile(path: string, bytes: Uint8Array): Promise<void> {
  writeFileAtomic(path, bytes)
}
