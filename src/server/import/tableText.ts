/**
 * Reading CSV/TSV tables: the encoding, the delimiter and the records, chunk by chunk and
 * synchronously, so that a table is read inside one store transaction with memory flat in the
 * file's size.
 */

import fs from 'node:fs'
import iconv from 'iconv-lite'
import { cleanControls, neutralizeFormula } from '../export/csv'

export const TABLE_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'shift_jis'
] as const
export type TableEncoding = (typeof TABLE_ENCODINGS)[number]
export const TABLE_DELIMITERS = [',', ';', '\t', '|'] as const
export type TableDelimiter = (typeof TABLE_DELIMITERS)[number]
export type TableQuote = '"' | 'none'

/** Tables larger than this are refused from their size alone, before any byte is read. */
export const MAX_TABLE_BYTES = 1024 * 1024 * 1024

const ENCODING_NAMES: Record<string, TableEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf-16': 'utf-16le',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'latin-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis'
}

/** The encoding a name stands for, or undefined when it is not one Attest reads. */
export function encodingNamed(name: string): TableEncoding | undefined {
  return ENCODING_NAMES[name.trim().toLowerCase()]
}

export type DetectedEncoding = { encoding: TableEncoding; bom: boolean }

/** The encoding of a table from its first bytes: a BOM, valid UTF-8, Shift_JIS or else 1252. */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: 'utf-8', bom: true }
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true }
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true }
  if (isUtf8(sample)) return { encoding: 'utf-8', bom: false }
  if (looksShiftJis(sample)) return { encoding: 'shift_jis', bom: false }
  return { encoding: 'windows-1252', bom: false }
}

/** Strict UTF-8, forgiving only a sequence cut short by the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  let end = bytes.length
  // Step back over a multi-byte sequence the sample may have cut.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back] as number
    if ((byte & 0xc0) === 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      if (need > back) end -= back
      break
    }
    if ((byte & 0xc0) !== 0x80) break
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end))
    return true
  } catch {
    return false
  }
}

/**
 * Shift_JIS when the bytes decode without a replacement character, hold kana, and every
 * non-ASCII character is Japanese (kana, kanji, full-width forms, CJK punctuation). Accented
 * Latin letters in Windows-1252 pair up into kanji now and then, but never into kana.
 */
function looksShiftJis(bytes: Uint8Array): boolean {
  const text = iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    'shift_jis'
  )
  const body = text.slice(0, Math.max(0, text.length - 1)) // the last character may be cut
  if (body.includes('\ufffd')) return false
  if (!/[\u3040-\u30ff]/.test(body)) return false
  // eslint-disable-next-line no-control-regex -- ASCII is everything below U+0080
  return /^[\u0000-\u007f\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef\u2010-\u203b\u00a5\u203e]*$/.test(
    body
  )
}

/** The delimiter of a table from its first lines: the one that splits them most evenly. */
export function sniffDelimiter(sample: string, quote: TableQuote = '"'): TableDelimiter {
  const lines = sample.split(/\r\n|\n|\r/).slice(0, 20)
  if (lines.length > 1 && sample.length >= 4096) lines.pop() // may be cut
  let best: TableDelimiter = ','
  let bestScore = 0
  for (const delimiter of TABLE_DELIMITERS) {
    const counts = lines
      .filter((line) => line !== '')
      .map((line) => countOutsideQuotes(line, delimiter, quote))
    if (counts.length === 0) continue
    const first = counts[0] as number
    if (first === 0) continue
    const even = counts.filter((count) => count === first).length / counts.length
    const score = even * 1000 + first
    if (score > bestScore) {
      bestScore = score
      best = delimiter
    }
  }
  return best
}

function countOutsideQuotes(line: string, delimiter: string, quote: TableQuote): number {
  let count = 0
  let quoted = false
  for (const char of line) {
    if (quote !== 'none' && char === '"') quoted = !quoted
    else if (char === delimiter && !quoted) count++
  }
  return count
}

/**
 * The inverse of the CSV writer's formula guard: a leading apostrophe that the writer added
 * before something a spreadsheet would read as a formula is taken off again.
 */
export function unneutralizeFormula(value: string): string {
  if (!value.startsWith("'")) return value
  const rest = value.slice(1)
  return neutralizeFormula(rest) === value ? rest : value
}

export type TableRecord = { line: number; fields: string[] }

/**
 * An incremental, synchronous table parser. RFC 4180 quoting (`""` inside a quoted field; a
 * quote inside an unquoted field is kept as written; nothing may follow a closing quote but a
 * delimiter or the end of the record), or none at all; records end at CRLF,
 * LF or CR outside quotes; empty lines are skipped. `line` is the 1-based line a record
 * starts on.
 */
export class TableParser {
  private field = ''
  private fields: string[] = []
  private quoted = false
  /** Inside a quoted field, the previous character was a quote (closing it or doubling it). */
  private quoteSeen = false
  private fieldStarted = false
  private afterCr = false
  private line = 1
  private recordLine = 1

  constructor(
    private readonly delimiter: string,
    private readonly quote: TableQuote,
    private readonly emit: (record: TableRecord) => void
  ) {}

  write(text: string): void {
    const { delimiter } = this
    const quoting = this.quote !== 'none'
    for (let i = 0; i < text.length; i++) {
      const char = text[i] as string
      if (this.afterCr) {
        this.afterCr = false
        if (char === '\n') continue
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false
          if (char === '"') {
            this.field += '"'
            continue
          }
          if (char !== this.delimiter && char !== '\r' && char !== '\n') {
            throw new TableError(
              `Line ${this.line} has text after the closing quote of a field; if the file's fields may begin with a bare ", read it with quoting set to none.`
            )
          }
          this.quoted = false // the quote closed the field; fall through to this character
        } else if (char === '"') {
          this.quoteSeen = true
          continue
        } else {
          if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) this.line++
          this.field += char
          continue
        }
      }
      if (char === delimiter) {
        this.fields.push(this.field)
        this.field = ''
        this.fieldStarted = true
      } else if (char === '\n' || char === '\r') {
        if (char === '\r') this.afterCr = true
        this.endRecord()
        this.line++
        this.recordLine = this.line
      } else if (quoting && char === '"' && this.field === '') {
        this.quoted = true
        this.fieldStarted = true
      } else {
        this.field += char
        this.fieldStarted = true
      }
    }
  }

  end(): void {
    if (this.quoted && this.quoteSeen) {
      this.quoted = false
      this.quoteSeen = false
    }
    if (this.quoted) {
      throw new TableError(
        `Line ${this.recordLine} opens a quoted field that is never closed; if the file's fields may begin with a bare ", read it with quoting set to none.`
      )
    }
    this.endRecord()
  }

  private endRecord(): void {
    if (!this.fieldStarted && this.fields.length === 0 && this.field === '') return
    this.fields.push(this.field)
    const record = { line: this.recordLine, fields: this.fields }
    this.fields = []
    this.field = ''
    this.fieldStarted = false
    this.emit(record)
  }
}

export class TableError extends Error {
  override name = 'TableError'
}

export type ReadOptions = {
  encoding: TableEncoding
  delimiter: TableDelimiter
  quote: TableQuote
}

/** Cleans a parsed field the way our writer cleans it: formula guard off, NUL gone. */
export function fieldValue(raw: string): string {
  return unneutralizeFormula(cleanControls(raw))
}

const CHUNK = 256 * 1024

/**
 * Reads a table file chunk by chunk, calling `onRecord` for every record; `onRecord` returns
 * false to stop. Synchronous, so that it can run inside one store transaction.
 */
export function readTableFile(
  path: string,
  options: ReadOptions,
  onRecord: (record: TableRecord) => boolean | void,
  onBytes?: (bytesRead: number) => void
): void {
  const decoder = iconv.getDecoder(options.encoding)
  let stop = false
  const parser = new TableParser(options.delimiter, options.quote, (record) => {
    if (!stop && onRecord(record) === false) stop = true
  })
  const fd = fs.openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(CHUNK)
    let total = 0
    while (!stop) {
      const read = fs.readSync(fd, buffer, 0, CHUNK, null)
      if (read === 0) break
      total += read
      parser.write(decoder.write(buffer.subarray(0, read)))
      onBytes?.(total)
    }
    if (!stop) {
      const rest = decoder.end()
      if (rest) parser.write(rest)
      parser.end()
    }
  } finally {
    fs.closeSync(fd)
  }
}

/** Parses a whole table held in memory (tests and small previews). */
export function parseTableText(text: string, delimiter: string, quote: TableQuote): TableRecord[] {
  const records: TableRecord[] = []
  const parser = new TableParser(delimiter, quote, (record) => records.push(record))
  parser.write(text.replace(/^\uFEFF/, ''))
  parser.end()
  return records
}

/** The first bytes of a file, for detection. */
export function readSample(path: string, size = 64 * 1024): Uint8Array {
  const fd = fs.openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(size)
    const read = fs.readSync(fd, buffer, 0, size, 0)
    return buffer.subarray(0, read)
  } finally {
    fs.closeSync(fd)
  }
}
