import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import type { BriefingHtml, ExportFile } from '../../shared/exportTypes'
import { briefingOptions } from '../../shared/contractExports'
import { fail, toAppError, type ErrorCode, type Result } from '../../shared/result'
import type { Core } from '../core'
import { describeIssues } from '../dispatch'
import { briefingDocxWithPictures } from './docxPictures'
import { BodyTooLarge, readJson, sendJson } from '../httpBody'
import { exportTempRoot } from './jobs'
import { countPdfPages, type PdfPrinter } from './printing'

/**
 * Browser mode's two file routes, behind the same token check as every API call:
 * `GET /api/export.download?job=<id>` streams a finished CSV export (then releases it), and
 * `POST /api/briefing.pdf` prints a briefing with the Playwright printer; `POST
 * /api/briefing.word` writes it as a Word document, its drawings photographed by that printer.
 */

const MAX_OPTIONS_BYTES = 1024 * 1024
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  cancelled: 409,
  unknown_request: 404
}

function sendResult(response: http.ServerResponse, result: Result<unknown>): void {
  sendJson(response, result.ok ? 200 : (STATUS_OF[result.error.code] ?? 500), result)
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

export type ExportRoutes = {
  /** Answers the request if it is one of these routes; false otherwise. */
  handle(
    name: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL
  ): Promise<boolean>
  close(): Promise<void>
}

export function createExportRoutes(
  core: Core,
  makePrinter: () => Promise<PdfPrinter>
): ExportRoutes {
  let printer: Promise<PdfPrinter> | null = null

  async function download(response: http.ServerResponse, url: URL): Promise<void> {
    const jobId = url.searchParams.get('job') ?? ''
    const result = await core.invoke('export.file', { jobId })
    if (!result.ok) {
      sendResult(response, result)
      return
    }
    const file = result.value as ExportFile
    // The core names the file; still, only ever serve from the export folder.
    const root = path.resolve(exportTempRoot())
    if (!path.resolve(file.path).startsWith(root + path.sep)) {
      sendResult(response, fail('forbidden', 'That file is not an export.'))
      return
    }
    response.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Length': file.bytes,
      'Content-Disposition': contentDisposition(file.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff'
    })
    const stream = fs.createReadStream(file.path)
    await new Promise<void>((resolve) => {
      stream.on('error', () => {
        response.destroy()
        resolve()
      })
      response.on('close', () => resolve())
      stream.pipe(response)
    })
    // Delivered whole: the temp file has done its job. An interrupted download keeps it, so
    // the page can try again (it expires on its own).
    if (response.writableFinished) await core.invoke('export.release', { jobId })
  }

  /** The briefing options POSTed as a JSON object, or null once the answer says why not. */
  async function readOptions(
    request: http.IncomingMessage,
    response: http.ServerResponse
  ): Promise<Record<string, unknown> | null> {
    let payload: unknown
    try {
      payload = await readJson(request, MAX_OPTIONS_BYTES)
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(response, 413, fail('invalid_input', 'The briefing options are larger than 1 MB.'))
      } else {
        sendResult(response, fail('invalid_input', 'The briefing options are not valid JSON.'))
      }
      return null
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      sendResult(response, fail('invalid_input', 'The briefing options must be an object.'))
      return null
    }
    return payload as Record<string, unknown>
  }

  /** The Word briefing with pictures of its drawings, drawn by this host's browser. */
  async function briefingWord(
    request: http.IncomingMessage,
    response: http.ServerResponse
  ): Promise<void> {
    const payload = await readOptions(request, response)
    if (payload === null) return
    const parsed = briefingOptions.safeParse(payload)
    if (!parsed.success) {
      sendResult(response, fail('invalid_input', describeIssues(parsed.error)))
      return
    }
    let pictures: PdfPrinter | null = null
    try {
      printer ??= makePrinter()
      pictures = await printer
    } catch {
      // No browser: the document is written without its drawings.
    }
    try {
      const { docx } = await briefingDocxWithPictures(core, parsed.data, pictures, 'file')
      const bytes = Buffer.from(docx.dataBase64, 'base64')
      response.writeHead(200, {
        'Content-Type': DOCX_TYPE,
        'Content-Length': bytes.byteLength,
        'Content-Disposition': contentDisposition(docx.fileName),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff'
      })
      response.end(bytes)
    } catch (error) {
      sendResult(response, { ok: false, error: toAppError(error) })
    }
  }

  async function briefingPdf(
    request: http.IncomingMessage,
    response: http.ServerResponse
  ): Promise<void> {
    const payload = await readOptions(request, response)
    if (payload === null) return
    const result = await core.invoke('briefing.html', { ...payload, fonts: 'file' })
    if (!result.ok) {
      sendResult(response, result)
      return
    }
    const briefing = result.value as BriefingHtml
    let pdf: Uint8Array
    try {
      printer ??= makePrinter()
      pdf = await (await printer).printHtml(briefing.html, briefing.headerFooter)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      sendResult(response, fail('io', `The PDF could not be printed: ${message}`))
      return
    }
    response.writeHead(200, {
      'Content-Type': 'application/pdf',
      'Content-Length': pdf.byteLength,
      'Content-Disposition': contentDisposition(briefing.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Attest-Pages': String(countPdfPages(pdf))
    })
    response.end(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength))
  }

  return {
    async handle(name, request, response, url) {
      if (name === 'export.download') {
        if (request.method !== 'GET') {
          sendResult(response, fail('invalid_input', 'Downloads are fetched with GET.'))
          return true
        }
        await download(response, url)
        return true
      }
      if (name === 'briefing.word') {
        if (request.method !== 'POST') {
          sendResult(response, fail('invalid_input', 'Briefing options are POSTed as JSON.'))
          return true
        }
        await briefingWord(request, response)
        return true
      }
      if (name === 'briefing.pdf') {
        if (request.method !== 'POST') {
          sendResult(response, fail('invalid_input', 'Briefing options are POSTed as JSON.'))
          return true
        }
        await briefingPdf(request, response)
        return true
      }
      return false
    },
    async close() {
      const pending = printer
      printer = null
      await pending?.then((opened) => opened.close()).catch(() => undefined)
    }
  }
}
