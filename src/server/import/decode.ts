/**
 * Turns the bytes of a file the analyst picked into text, or explains why it cannot be imported.
 *
 * Accepted: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM. Everything else is rejected with
 * a sentence that names the file and the problem.
 */

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'reference'
export type DecodeErrorCode = 'empty' | 'too_large' | 'binary' | 'encoding'

export type DecodeResult =
  | { ok: true; text: string; format: DocumentFormat }
  | { ok: false; code: DecodeErrorCode; message: string }

const MB = 1024 * 1024

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/)
  const last = parts[parts.length - 1] ?? ''
  return last === '' ? fileName : last
}

function quoted(fileName: string): string {
  const name = baseName(fileName).trim()
  return name === '' ? 'The document' : `“${name}”`
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / MB
  return mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)
}

/** The refusal of a document over MAX_DOCUMENT_BYTES (also said before reading it, from stat). */
export function tooLargeMessage(fileName: string, size: number): string {
  return `${quoted(fileName)} is ${formatMegabytes(size)} MB; documents larger than ${
    MAX_DOCUMENT_BYTES / MB
  } MB cannot be imported.`
}

const EXTENSION_FORMATS: Record<string, DocumentFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html'
}

function extensionOf(fileName: string): string {
  const name = baseName(fileName)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

/** True when the text starts like an HTML document (`<!doctype html`, `<html`). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '')
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(head)) return true
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(head)) return true
  return false
}

/**
 * Format from the extension (.txt/.md/.markdown/.html/.htm); unknown extensions are sniffed.
 * A `.txt` file whose content starts with an HTML doctype or `<html>` is treated as HTML.
 */
export function detectFormat(fileName: string, text: string): DocumentFormat {
  const fromExtension = EXTENSION_FORMATS[extensionOf(fileName)]
  if (fromExtension === 'markdown' || fromExtension === 'html') return fromExtension
  if (looksLikeHtml(text)) return 'html'
  if (fromExtension === 'text') return 'text'
  return /<html[\s>]/i.test(text.slice(0, 4096)) ? 'html' : 'text'
}

interface KnownBinary {
  name: string
  magic: number[]
  offset?: number
}

const KNOWN_BINARIES: KnownBinary[] = [
  { name: 'a PDF document', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  {
    name: 'a ZIP archive (Word .docx, OpenDocument and EPUB files are ZIP archives)',
    magic: [0x50, 0x4b, 0x03, 0x04]
  },
  {
    name: 'an old Microsoft Office document',
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  },
  { name: 'a PNG image', magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', magic: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', magic: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a RIFF file (WebP image, WAV or AVI)', magic: [0x52, 0x49, 0x46, 0x46] },
  { name: 'a gzip archive', magic: [0x1f, 0x8b] },
  { name: 'a 7-Zip archive', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'an RTF document', magic: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
  { name: 'a SQLite database', magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'an MP4/MOV/HEIC file', magic: [0x66, 0x74, 0x79, 0x70], offset: 4 }
]

function knownBinary(bytes: Uint8Array): string | null {
  for (const { name, magic, offset = 0 } of KNOWN_BINARIES) {
    if (bytes.length < offset + magic.length) continue
    if (magic.every((b, i) => bytes[offset + i] === b)) return name
  }
  return null
}

/** Control bytes that do not occur in text files (below 0x20 except \t \n \f \r ESC, and DEL). */
function isBinaryControl(byte: number): boolean {
  return (
    (byte < 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0c &&
      byte !== 0x0d &&
      byte !== 0x1b) ||
    byte === 0x7f
  )
}

/** NUL bytes anywhere, or more than 10 % strange control bytes in the first 64 kB. */
function looksBinary(bytes: Uint8Array): { binary: boolean; hasNul: boolean } {
  const sample = bytes.subarray(0, 65536)
  let nul = 0
  let control = 0
  for (const byte of sample) {
    if (byte === 0) nul++
    else if (isBinaryControl(byte)) control++
  }
  const hasNul = nul > 0 || bytes.indexOf(0, sample.length) !== -1
  return { binary: hasNul || control > sample.length * 0.1, hasNul }
}

/** UTF-16 without a BOM: many NULs, almost all on the same (odd or even) byte positions. */
function looksLikeBomlessUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = bytes.subarray(0, 4096)
  if (sample.length < 4) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenNul++
      else oddNul++
    }
  }
  const half = sample.length / 2
  if (oddNul > half * 0.3 && evenNul < half * 0.02) return 'le'
  if (evenNul > half * 0.3 && oddNul < half * 0.02) return 'be'
  return null
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`
}

function decodeStrict(
  bytes: Uint8Array,
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be'
): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function finish(text: string, fileName: string): DecodeResult {
  if (text.trim() === '') {
    return {
      ok: false,
      code: 'empty',
      message: `${quoted(fileName)} contains only whitespace; there is no text to import.`
    }
  }
  return { ok: true, text, format: detectFormat(fileName, text) }
}

/** Decodes a document's bytes (see module comment). The returned text has no BOM. */
export function decodeDocument(bytes: Uint8Array, fileName: string): DecodeResult {
  const name = quoted(fileName)
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, code: 'too_large', message: tooLargeMessage(fileName, bytes.length) }
  }
  if (bytes.length === 0) {
    return {
      ok: false,
      code: 'empty',
      message: `${name} is empty (0 bytes); there is no text to import.`
    }
  }

  // UTF-32 BOMs first: FF FE 00 00 also starts with the UTF-16 LE BOM.
  if (
    bytes.length >= 4 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
      (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))
  ) {
    return {
      ok: false,
      code: 'encoding',
      message: `${name} is UTF-32 text, which Attest does not read; save it as UTF-8 and try again.`
    }
  }

  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null
  if (utf16) {
    const body = bytes.subarray(2)
    const label = utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'
    if (body.length % 2 !== 0) {
      return {
        ok: false,
        code: 'encoding',
        message: `${name} starts with a ${label} byte-order mark but has an odd number of bytes, so it is damaged or not UTF-16 text; save it as UTF-8 and try again.`
      }
    }
    const text = decodeStrict(body, utf16)
    if (text === null) {
      return {
        ok: false,
        code: 'encoding',
        message: `${name} starts with a ${label} byte-order mark but contains invalid ${label} sequences; save it as UTF-8 and try again.`
      }
    }
    if (text.includes('\u0000')) {
      return {
        ok: false,
        code: 'binary',
        message: `${name} contains NUL characters, so it looks like a binary file rather than text. Import plain text (.txt), Markdown (.md) or HTML (.html) files.`
      }
    }
    return finish(text, fileName)
  }

  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes

  if (!hasUtf8Bom) {
    const kind = knownBinary(bytes)
    if (kind) {
      return {
        ok: false,
        code: 'binary',
        message: `${name} is ${kind}, not a text file. Copy the article's text into a .txt file (or save the web page as .html) and import that.`
      }
    }
    const bomless = looksLikeBomlessUtf16(bytes)
    if (bomless) {
      return {
        ok: false,
        code: 'encoding',
        message: `${name} looks like UTF-16 ${bomless === 'le' ? 'LE' : 'BE'} text without a byte-order mark, which cannot be read reliably; save it as UTF-8 and try again.`
      }
    }
  }

  const { binary, hasNul } = looksBinary(body)
  if (binary) {
    return {
      ok: false,
      code: 'binary',
      message: `${name} looks like a binary file, not text (it contains ${
        hasNul ? 'NUL bytes' : 'many control characters'
      }). Import plain text (.txt), Markdown (.md) or HTML (.html) files.`
    }
  }

  const text = decodeStrict(body, 'utf-8')
  if (text === null) {
    const at = firstInvalidUtf8(body)
    const offset = at + (hasUtf8Bom ? 3 : 0)
    const byte = at >= 0 ? body[at] : undefined
    const detail =
      byte === undefined
        ? 'it contains invalid UTF-8 sequences'
        : `byte ${hex(byte)} at offset ${offset} is not valid UTF-8; the file may be in Latin-1 or Windows-1252`
    return {
      ok: false,
      code: 'encoding',
      message: `${name} is not UTF-8 or UTF-16 text (${detail}); save it as UTF-8 and try again.`
    }
  }
  return finish(text, fileName)
}
