/**
 * Import pipeline for source documents: bytes (or pasted text) → a draft the analyst confirms.
 *
 * `content` is the document's full text and is what citations are anchored in:
 * - .txt/.md: exactly the decoded text, only a BOM removed and CRLF normalised to LF;
 * - .html: the text extracted by `htmlToText`.
 * Clutter is reported as ranges of `content`, never removed from it.
 */

import { createHash } from 'node:crypto'
import { findClutter, type ClutterRange } from './clutter'
import {
  decodeDocument,
  detectFormat,
  MAX_DOCUMENT_BYTES,
  type DecodeErrorCode,
  type DocumentFormat
} from './decode'
import { htmlToText, type HtmlMeta } from './html'
import { extractMetadata } from './metadata'
import { metadataWindow } from './metadataWindow'
import { fitMetadata } from './fit'
import type { SourceLayout } from '../../shared/pages'

export { MAX_DOCUMENT_BYTES } from './decode'
export type { DecodeErrorCode, DocumentFormat } from './decode'
export type { ClutterRange, ClutterReason } from './clutter'
export type { HtmlMeta } from './html'
export type { DocumentMetadata } from './metadata'
export { cleanText, findClutter } from './clutter'

export interface ImportDraft {
  title: string
  url: string | null
  publisher: string | null
  author: string | null
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  publishedAt: string | null
  /** ISO 639-1 (or 639-3 when there is no two-letter code). */
  language: string | null
  content: string
  /** sha256 hex of `content` with whitespace runs collapsed to one space and trimmed. */
  contentHash: string
  clutter: ClutterRange[]
  fileName: string
  format: DocumentFormat
  /** Pages of a PDF; null for other documents. */
  layout: SourceLayout | null
}

export type ImportResult =
  { ok: true; draft: ImportDraft } | { ok: false; code: DecodeErrorCode; message: string }

/** Hash used to recognise the same article imported twice (whitespace differences ignored). */
export function contentHashOf(content: string): string {
  return createHash('sha256').update(content.replace(/\s+/g, ' ').trim(), 'utf8').digest('hex')
}

function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  return base.trim() === '' ? 'The document' : `“${base.trim()}”`
}

/** What a paged or packaged document (PDF, Word) brings beside its text. */
export interface DraftExtras {
  html?: HtmlMeta
  layout?: SourceLayout
}

export function buildDraft(
  text: string,
  fileName: string,
  format: DocumentFormat,
  extras: DraftExtras = {}
): ImportResult {
  let content = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')
  let html: HtmlMeta | undefined = extras.html
  if (format === 'html') {
    const extracted = htmlToText(content)
    content = extracted.text
    html = extracted.meta
  }
  if (content.trim() === '') {
    return {
      ok: false,
      code: 'empty',
      message:
        format === 'html'
          ? `${displayName(fileName)} contains no readable text once the HTML markup is removed.`
          : `${displayName(fileName)} contains only whitespace; there is no text to import.`
    }
  }
  const furniture = (extras.layout?.furniture ?? []).map((range) => ({
    ...range,
    reason: 'furniture' as const
  }))
  const clutter = [...findClutter(content), ...furniture].sort((a, b) => a.start - b.start)
  const window = metadataWindow(content, clutter)
  const metadata = fitMetadata(
    extractMetadata(window.text, { fileName, html, clutter: window.clutter }),
    fileName
  )
  return {
    ok: true,
    draft: {
      ...metadata,
      content,
      contentHash: contentHashOf(content),
      clutter,
      fileName,
      format,
      layout: extras.layout ?? null
    }
  }
}

/** Decodes and analyses a file's bytes. */
export function prepareImport(bytes: Uint8Array, fileName: string): ImportResult {
  const decoded = decodeDocument(bytes, fileName)
  if (!decoded.ok) return decoded
  return buildDraft(decoded.text, fileName, decoded.format)
}

/**
 * Analyses pasted text. `fileNameOrLabel` is used as the fallback title and, when it has a
 * .md/.html extension, for the format (pasted text starting with `<!doctype html` is HTML).
 */
export function prepareImportFromText(text: string, fileNameOrLabel: string): ImportResult {
  const size = new TextEncoder().encode(text).length
  if (size > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      code: 'too_large',
      message: `${displayName(fileNameOrLabel)} is ${(size / 1024 / 1024).toFixed(1)} MB of text; documents larger than ${
        MAX_DOCUMENT_BYTES / 1024 / 1024
      } MB cannot be imported.`
    }
  }
  if (text.trim() === '') {
    return {
      ok: false,
      code: 'empty',
      message: `${displayName(fileNameOrLabel)} is empty; paste the article's text first.`
    }
  }
  return buildDraft(text, fileNameOrLabel, detectFormat(fileNameOrLabel, text))
}
