import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { fsyncParentDir, removeQuietly, renameWithRetry, tempPathFor } from '../store/files'
import { injectedFault } from '../store/storeFs'

/** How a CSV file is written. Defaults: comma delimiter, UTF-8 BOM (so Excel detects UTF-8). */
export type CsvOptions = { delimiter: ',' | ';' | '\t'; bom: boolean }

export type CsvValue = string | number | null

export type CsvWriteOptions = Partial<CsvOptions> & {
  signal?: AbortSignal
  /** Called after every flushed chunk and once at the end with the number of data rows written. */
  onProgress?: (rowsWritten: number, totalRows: number | undefined) => void
  /** Expected number of data rows, passed back to onProgress so callers can show a percentage. */
  totalRows?: number
}

export type CsvWriteResult = { rows: number; bytes: number }

export const DEFAULT_CSV_OPTIONS: CsvOptions = { delimiter: ',', bom: true }

const CRLF = '\r\n'
const BOM = '\uFEFF'
/** Lines are batched into chunks of about this many bytes before each write. */
const CHUNK_BYTES = 64 * 1024

/**
 * Characters a spreadsheet may drop or never show before it looks at a cell: NUL and other C0
 * controls except TAB/LF/CR, bidi marks and overrides (U+200E/F, U+061C, U+202A–U+202E,
 * U+2066–U+2069), zero-width characters and the BOM.
 */
/* eslint-disable no-control-regex -- control characters are what these patterns match */
const INVISIBLE_LEAD =
  /^[\u0000-\u0008\u000b\u000c\u000e-\u001f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/

/**
 * Characters that make a spreadsheet read a cell as a formula or a DDE command: = + - @ | %,
 * TAB and CR (OWASP "CSV injection"), and the fullwidth forms ＝ ＋ － ＠ ｜ ％ that East Asian
 * spreadsheet locales fold to them.
 */
const FORMULA_TRIGGER = /^[=+\-@|%\t\r\uff1d\uff0b\uff0d\uff20\uff5c\uff05]/

/**
 * OWASP "CSV injection": a cell that a spreadsheet would read as a formula gets a leading
 * apostrophe, also when invisible characters (an RTL override, a zero-width space, a NUL) hide
 * the trigger behind them. The text itself is kept as written.
 */
export function neutralizeFormula(value: string): string {
  return needsGuard(value) ? `'${value}` : value
}

/**
 * A trigger, perhaps behind invisible characters; or an apostrophe before something that
 * needs the guard, so that a value that itself begins with the guard keeps it on the way back
 * in (the table import takes exactly one guard off).
 */
function needsGuard(value: string): boolean {
  if (FORMULA_TRIGGER.test(value.replace(INVISIBLE_LEAD, ''))) return true
  return value.startsWith("'") && needsGuard(value.slice(1))
}

/**
 * NUL cannot be stored in a spreadsheet cell and cuts the cell short in several readers, so it
 * is removed; the other C0 controls except TAB, LF and CR are shown as U+FFFD, so the reader
 * sees that something was there.
 */
export function cleanControls(value: string): string {
  return value.replace(/\u0000/g, '').replace(/[\u0001-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd')
}
/* eslint-enable no-control-regex */

/** One RFC 4180 field. Strings are neutralised; numbers (even negative ones) are written plainly. */
export function csvCell(value: CsvValue, options: CsvOptions = DEFAULT_CSV_OPTIONS): string {
  if (value === null) return ''
  const text =
    typeof value === 'number'
      ? Number.isFinite(value)
        ? String(value)
        : ''
      : neutralizeFormula(cleanControls(value))
  if (needsQuotes(text, options.delimiter)) return `"${text.replaceAll('"', '""')}"`
  return text
}

function needsQuotes(text: string, delimiter: CsvOptions['delimiter']): boolean {
  if (text.length === 0) return false
  return (
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\r') ||
    text.includes('\n') ||
    text.startsWith(' ') ||
    text.endsWith(' ')
  )
}

/** One record terminated by CRLF. A lone empty field is written as "" so the line is not blank. */
export function csvLine(
  cells: ReadonlyArray<CsvValue>,
  options: CsvOptions = DEFAULT_CSV_OPTIONS
): string {
  if (cells.length === 1) {
    const only = csvCell(cells[0] ?? null, options)
    return (only === '' ? '""' : only) + CRLF
  }
  return cells.map((cell) => csvCell(cell, options)).join(options.delimiter) + CRLF
}

export function abortError(reason?: unknown): Error {
  const error = new Error('The export was cancelled', { cause: reason })
  error.name = 'AbortError'
  return error
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal.reason)
}

async function writeAll(handle: FileHandle, chunk: Buffer, file: string): Promise<void> {
  const fault = injectedFault('write', file)
  if (fault?.partial) await handle.write(chunk, 0, chunk.length >> 1)
  if (fault) throw fault.error
  let offset = 0
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset)
    offset += bytesWritten
  }
}

/**
 * Streams a CSV file to `<path>.tmp-<random>` in ~64 KB chunks (each write is awaited before more
 * rows are pulled, so memory stays bounded whatever the row count), fsyncs it and renames it over
 * `path`. On abort or any error the temp file is removed and an existing `path` is left untouched;
 * an abort rejects with an Error named 'AbortError'.
 */
export async function writeCsvFile(
  path: string,
  header: ReadonlyArray<string>,
  rows: AsyncIterable<ReadonlyArray<CsvValue>> | Iterable<ReadonlyArray<CsvValue>>,
  options: CsvWriteOptions = {}
): Promise<CsvWriteResult> {
  const csv: CsvOptions = {
    delimiter: options.delimiter ?? DEFAULT_CSV_OPTIONS.delimiter,
    bom: options.bom ?? DEFAULT_CSV_OPTIONS.bom
  }
  const { signal, onProgress, totalRows } = options
  throwIfAborted(signal)

  const temp = tempPathFor(path)
  let handle: FileHandle | undefined
  let rowCount = 0
  let byteCount = 0
  let pending: string[] = []
  let pendingBytes = 0

  const flush = async (): Promise<void> => {
    if (pending.length === 0 || handle === undefined) return
    const chunk = Buffer.from(pending.join(''), 'utf8')
    pending = []
    pendingBytes = 0
    throwIfAborted(signal)
    await writeAll(handle, chunk, temp)
    byteCount += chunk.length
    onProgress?.(rowCount, totalRows)
  }

  const push = async (line: string): Promise<void> => {
    pending.push(line)
    // UTF-16 length is a cheap lower bound of the UTF-8 size; exactness is not needed here.
    pendingBytes += line.length
    if (pendingBytes >= CHUNK_BYTES) await flush()
  }

  try {
    handle = await open(temp, 'wx')
    await push((csv.bom ? BOM : '') + csvLine(header, csv))
    for await (const row of rows) {
      throwIfAborted(signal)
      await push(csvLine(row, csv))
      rowCount++
    }
    await flush()
    if (rowCount === 0) onProgress?.(0, totalRows)
    throwIfAborted(signal)
    await handle.sync()
    await handle.close()
    handle = undefined
    throwIfAborted(signal)
    await renameWithRetry(temp, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await removeQuietly(temp)
    throw error
  }
  await fsyncParentDir(path)
  return { rows: rowCount, bytes: byteCount }
}
