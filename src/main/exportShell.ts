import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import {
  shellRequests,
  type BriefingOptionsInput,
  type ShellRequestName
} from '../shared/contractExports'
import type { BriefingHtml, ExportFile, ShellOutputs } from '../shared/exportTypes'
import { fail, toAppError, type Result } from '../shared/result'
import type { Core } from '../server/core'
import { describeIssues } from '../server/dispatch'
import { deliverFile } from '../server/export/deliver'
import { briefingDocxWithPictures } from '../server/export/docxPictures'
import { exportTempRoot } from '../server/export/jobs'
import {
  PDF_MARGIN_MM,
  countPdfPages,
  drawingSheet,
  headerFooterTemplates,
  type PdfPrinter
} from '../server/export/printing'
import { writeFileAtomic } from '../server/store/files'
import { openLinkAfterAsking } from './links'

/**
 * The desktop side of exporting: save dialogs and Chromium's own print engine. The page only
 * names a finished job or a briefing's options; where the file goes is what the user picks in
 * the dialog, never a path the page sends.
 */

const inches = (mm: number): number => mm / 25.4

/**
 * printToPDF in a hidden, sandboxed window with no preload. The briefing is loaded from a temp
 * file (its fonts are embedded); the session refuses every request that is not file: or data:.
 * Script is on only so that printing can wait for the fonts; the document's own CSP
 * (default-src 'none') lets no script of its own run.
 */
export function createElectronPrinter(): PdfPrinter {
  return {
    async printHtml(html, headerFooter) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'attest-print-'))
      const window = new BrowserWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false
        }
      })
      try {
        // The app-wide guard (index.ts, web-contents-created) already denies new windows;
        // this window must not navigate at all, not even within the app.
        const contents = window.webContents
        contents.on('will-navigate', (event) => event.preventDefault())
        const file = path.join(dir, 'briefing.html')
        await writeFile(file, html, 'utf8')
        await window.loadFile(file)
        await contents.executeJavaScript('document.fonts.ready.then(() => true)')
        const pdf = await contents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          ...headerFooterTemplates(headerFooter),
          margins: {
            top: inches(PDF_MARGIN_MM.top),
            bottom: inches(PDF_MARGIN_MM.bottom),
            left: inches(PDF_MARGIN_MM.left),
            right: inches(PDF_MARGIN_MM.right)
          },
          preferCSSPageSize: false,
          // Bookmarks from the headings, and a structure tree for screen readers.
          generateDocumentOutline: true,
          generateTaggedPDF: true
        })
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      } finally {
        window.destroy()
        await rm(dir, { recursive: true, force: true }).catch(() => undefined)
      }
    },
    async rasterize(drawings, fontCss, scale) {
      if (drawings.length === 0) return []
      const dir = await mkdtemp(path.join(os.tmpdir(), 'attest-draw-'))
      const width = Math.ceil(Math.max(...drawings.map((drawing) => drawing.width)))
      const height = Math.ceil(drawings.reduce((sum, drawing) => sum + drawing.height, 0))
      const window = new BrowserWindow({
        show: false,
        width,
        height,
        useContentSize: true,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
          zoomFactor: 1
        }
      })
      try {
        const contents = window.webContents
        contents.on('will-navigate', (event) => event.preventDefault())
        const file = path.join(dir, 'drawings.html')
        await writeFile(file, drawingSheet(drawings, fontCss), 'utf8')
        await window.loadFile(file)
        await contents.executeJavaScript('document.fonts.ready.then(() => true)')
        const images: Uint8Array[] = []
        let top = 0
        for (const drawing of drawings) {
          const rect = {
            x: 0,
            y: top,
            width: Math.ceil(drawing.width),
            height: Math.ceil(drawing.height)
          }
          top += drawing.height
          const image = await contents.capturePage(rect, { stayHidden: true })
          if (image.isEmpty()) throw new Error('the drawing came out empty')
          const sized = image.resize({
            width: Math.round(drawing.width * scale),
            height: Math.round(drawing.height * scale),
            quality: 'best'
          })
          images.push(new Uint8Array(sized.toPNG()))
        }
        return images
      } finally {
        window.destroy()
        await rm(dir, { recursive: true, force: true }).catch(() => undefined)
      }
    },
    async close() {}
  }
}

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw Object.assign(new Error(result.error.message), { appError: result.error })
  return result.value as T
}

/** The save dialog, in the user's documents folder; null when the user cancels. */
async function askWhereToSave(
  owner: BrowserWindow | null,
  title: string,
  fileName: string,
  filter: { name: string; extensions: string[] }
): Promise<string | null> {
  const options = {
    title,
    defaultPath: path.join(app.getPath('documents'), fileName),
    filters: [filter]
  }
  const choice = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options)
  return choice.canceled || !choice.filePath ? null : choice.filePath
}

async function saveExport(
  core: Core,
  owner: BrowserWindow | null,
  jobId: string
): Promise<ShellOutputs['shell.saveExport']> {
  const file = unwrap<ExportFile>(await core.invoke('export.file', { jobId }))
  const root = path.resolve(exportTempRoot())
  if (!path.resolve(file.path).startsWith(root + path.sep)) {
    throw new Error('That file is not an export.')
  }
  const target = await askWhereToSave(owner, 'Save export', file.fileName, {
    name: 'CSV file',
    extensions: ['csv']
  })
  if (target === null) return { saved: false, path: null }
  await deliverFile(file.path, target)
  await core.invoke('export.release', { jobId })
  return { saved: true, path: target }
}

async function saveBriefingPdf(
  core: Core,
  owner: BrowserWindow | null,
  printer: PdfPrinter,
  options: unknown
): Promise<ShellOutputs['shell.saveBriefingPdf']> {
  const briefing = unwrap<BriefingHtml>(
    await core.invoke('briefing.html', { ...(options as object), fonts: 'inline' })
  )
  const target = await askWhereToSave(owner, 'Save briefing', briefing.fileName, {
    name: 'PDF document',
    extensions: ['pdf']
  })
  if (target === null) return { saved: false, path: null, pages: 0 }
  const pdf = await printer.printHtml(briefing.html, briefing.headerFooter)
  writeFileAtomic(target, pdf)
  return { saved: true, path: target, pages: countPdfPages(pdf) }
}

async function saveBriefingDocx(
  core: Core,
  owner: BrowserWindow | null,
  printer: PdfPrinter,
  options: BriefingOptionsInput
): Promise<ShellOutputs['shell.saveBriefingDocx']> {
  // Fonts inline: the font files may sit inside the app's asar archive.
  const { docx } = await briefingDocxWithPictures(core, options, printer, 'inline')
  const target = await askWhereToSave(owner, 'Save briefing', docx.fileName, {
    name: 'Word document',
    extensions: ['docx']
  })
  if (target === null) return { saved: false, path: null }
  writeFileAtomic(target, Buffer.from(docx.dataBase64, 'base64'))
  return { saved: true, path: target }
}

let printer: PdfPrinter | null = null

/** Answers the page's native requests (see shellRequests); errors come back as data. */
export async function handleShellRequest(
  core: Core,
  owner: BrowserWindow | null,
  name: ShellRequestName,
  payload: unknown
): Promise<Result<unknown>> {
  const parsed = shellRequests[name].input.safeParse(payload ?? {})
  if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error))
  try {
    if (name === 'shell.openLink') {
      const { url } = shellRequests['shell.openLink'].input.parse(parsed.data)
      return await openLinkAfterAsking(owner, url)
    }
    if (name === 'shell.saveExport') {
      const { jobId } = shellRequests['shell.saveExport'].input.parse(parsed.data)
      return { ok: true, value: await saveExport(core, owner, jobId) }
    }
    printer ??= createElectronPrinter()
    if (name === 'shell.saveBriefingDocx') {
      const options = shellRequests['shell.saveBriefingDocx'].input.parse(parsed.data)
      return { ok: true, value: await saveBriefingDocx(core, owner, printer, options) }
    }
    return { ok: true, value: await saveBriefingPdf(core, owner, printer, parsed.data) }
  } catch (error) {
    const appError = (error as { appError?: ReturnType<typeof toAppError> }).appError
    if (appError) return { ok: false, error: appError }
    const message = error instanceof Error ? error.message : String(error)
    return fail('io', `The file could not be saved: ${message}`)
  }
}
