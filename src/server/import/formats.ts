/**
 * Documents that are not plain text: PDF reports (import/pdf.ts) and Word files
 * (import/docx.ts). Both end in the same draft as a text file: the metadata they carry is the
 * first guess, the text itself the fallback.
 */

import { MAX_DOCUMENT_BYTES } from './decode'
import { docxToHtml } from './docx'
import { htmlToText } from './html'
import { buildDraft, type ImportResult } from './index'
import { pdfToText } from './pdf'

export type PackagedFormat = 'pdf' | 'docx'

function quoted(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').trim()
  return base === '' ? 'The document' : `“${base}”`
}

/** PDF by its `%PDF-` signature or name, Word by its name (a .docx is a ZIP package). */
export function packagedFormat(bytes: Uint8Array, fileName: string): PackagedFormat | null {
  const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]
  // The signature may follow a little junk (the PDF reference allows it within 1 kB).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  if (head.startsWith('%PDF-') || pdfMagic.every((b, i) => bytes[i] === b)) return 'pdf'
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'pdf') return 'pdf'
  if (extension === 'docx' || extension === 'docm' || extension === 'dotx') return 'docx'
  if (head.includes('%PDF-')) return 'pdf'
  return null
}

/** Reads a PDF or Word file into a draft; null when the file is neither. */
export async function preparePackagedImport(
  bytes: Uint8Array,
  fileName: string
): Promise<ImportResult | null> {
  const format = packagedFormat(bytes, fileName)
  if (!format) return null
  const name = quoted(fileName)
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      code: 'too_large',
      message: `${name} is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; documents larger than ${
        MAX_DOCUMENT_BYTES / 1024 / 1024
      } MB cannot be imported.`
    }
  }
  if (bytes.length === 0) {
    return { ok: false, code: 'empty', message: `${name} is empty (0 bytes).` }
  }
  if (format === 'pdf') {
    const result = await pdfToText(bytes, name)
    if (!result.ok) return { ok: false, code: 'binary', message: result.message }
    const { text, pageStarts, furniture, meta } = result.pdf
    return buildDraft(text, fileName, 'pdf', { html: meta, layout: { pageStarts, furniture } })
  }
  const result = await docxToHtml(bytes, name)
  if (!result.ok) return { ok: false, code: 'binary', message: result.message }
  const extracted = htmlToText(result.html)
  return buildDraft(extracted.text, fileName, 'docx', {
    html: { ...extracted.meta, ...result.meta }
  })
}
