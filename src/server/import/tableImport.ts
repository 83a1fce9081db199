/**
 * Imports a CSV/TSV table as claims or sources: columns mapped to fields, every row checked
 * as the save would check it, all rows in one operation (one undo step). All or nothing
 * unless invalid rows are to be skipped; rows whose text (claims) or URL (sources) is already
 * in the project are skipped and counted.
 */

import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { contract } from '../../shared/contract'
import { CLAIM_STATUSES } from '../../shared/domain'
import { AttestError } from '../../shared/result'
import { contentHashOf } from './index'
import type { CoreContext } from '../records/context'
import { Operation } from '../records/history'
import { undo } from '../records/undo'
import type { SqliteDb } from '../store/sqlite'
import {
  MAX_TABLE_BYTES,
  TableError,
  detectEncoding,
  fieldValue,
  readSample,
  readTableFile,
  sniffDelimiter,
  type TableDelimiter,
  type TableRecord,
  type TableEncoding,
  type TableQuote
} from './tableText'
import iconv from 'iconv-lite'
import type { TableImportReport, TableReadSettings, TableRowError } from '../../shared/tableTypes'
import { refreshFacts } from '../facts/store'

export const CLAIM_TABLE_FIELDS = [
  'text',
  'status',
  'credibility',
  'confidence',
  'eventDate',
  'tags',
  'note'
] as const
export const SOURCE_TABLE_FIELDS = [
  'title',
  'url',
  'publisher',
  'author',
  'publishedAt',
  'language',
  'reliability',
  'content',
  'tags'
] as const
export type TableKind = 'claims' | 'sources'
export type TableField = (typeof CLAIM_TABLE_FIELDS)[number] | (typeof SOURCE_TABLE_FIELDS)[number]

/** Header names recognised without a mapping (compared lower-case, spaces and _ removed). */
const HEADER_ALIASES: Record<string, TableField> = {
  text: 'text',
  claim: 'text',
  claimtext: 'text',
  status: 'status',
  credibility: 'credibility',
  confidence: 'confidence',
  eventdate: 'eventDate',
  date: 'eventDate',
  tags: 'tags',
  tag: 'tags',
  note: 'note',
  notes: 'note',
  title: 'title',
  url: 'url',
  link: 'url',
  publisher: 'publisher',
  author: 'author',
  authors: 'author',
  publishedat: 'publishedAt',
  published: 'publishedAt',
  publisheddate: 'publishedAt',
  language: 'language',
  reliability: 'reliability',
  content: 'content'
}

export type TableSettings = {
  encoding?: TableEncoding
  delimiter?: TableDelimiter
  quote?: TableQuote
  /** Whether the first record names the columns (default true). */
  header?: boolean
}

export type TableImportInput = TableSettings & {
  path: string
  kind: TableKind
  /** field → columns (header names or 1-based numbers); tags may take several columns. */
  map?: Partial<Record<TableField, string[]>>
  tagSeparator?: string
  skipInvalid?: boolean
}

export type RowError = TableRowError
export type ResolvedSettings = TableReadSettings

const MAX_ERRORS = 100
/** Rows saved per transaction (one journal entry each). */
const BATCH_ROWS = 5_000

function fileLabel(file: string): string {
  return `“${path.basename(file)}”`
}

/** Checks the file is there and small enough, before reading anything. */
function checkFile(file: string): number {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw new AttestError('not_found', `${fileLabel(file)} does not exist.`)
  }
  if (!stat.isFile()) throw new AttestError('invalid_input', `${fileLabel(file)} is not a file.`)
  if (stat.size > MAX_TABLE_BYTES) {
    throw new AttestError(
      'invalid_input',
      `${fileLabel(file)} is ${(stat.size / 1024 ** 3).toFixed(1)} GB; tables up to ${MAX_TABLE_BYTES / 1024 ** 3} GB can be imported. Split it and import the parts.`
    )
  }
  return stat.size
}

/** The settings a table is read with: given ones kept, the others detected. */
export function resolveSettings(file: string, given: TableSettings): ResolvedSettings {
  const sample = readSample(file)
  const detected = detectEncoding(sample)
  const encoding = given.encoding ?? detected.encoding
  const quote = given.quote ?? '"'
  const text = iconv.decode(Buffer.from(sample), encoding)
  return {
    encoding,
    bom: detected.bom && encoding === detected.encoding,
    delimiter: given.delimiter ?? sniffDelimiter(text, quote),
    quote,
    header: given.header ?? true,
    detected: given.encoding === undefined
  }
}

function normalName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '')
}

/** Columns of each field: the given map resolved against the header, or the header's names. */
export function resolveMapping(
  kind: TableKind,
  columns: string[],
  header: boolean,
  map: TableImportInput['map']
): Partial<Record<TableField, number[]>> {
  const fields: readonly TableField[] = kind === 'claims' ? CLAIM_TABLE_FIELDS : SOURCE_TABLE_FIELDS
  const result: Partial<Record<TableField, number[]>> = {}
  const given = Object.entries(map ?? {}).filter(([, refs]) => refs && refs.length > 0)
  if (given.length === 0 && header) {
    columns.forEach((name, index) => {
      const field = HEADER_ALIASES[normalName(name)]
      if (!field || !fields.includes(field)) return
      if (field !== 'tags' && result[field]) return
      ;(result[field] ??= []).push(index)
    })
    return result
  }
  for (const [field, refs] of given as Array<[TableField, string[]]>) {
    if (!fields.includes(field)) {
      throw new AttestError(
        'invalid_input',
        `“${field}” is not a field of ${kind}; the fields are ${fields.join(', ')}.`
      )
    }
    if (field !== 'tags' && refs.length > 1) {
      throw new AttestError('invalid_input', `Only tags can take more than one column.`)
    }
    result[field] = refs.map((ref) => columnIndex(ref, columns, header))
  }
  return result
}

function columnIndex(ref: string, columns: string[], header: boolean): number {
  if (/^\d+$/.test(ref.trim())) {
    const number = Number(ref.trim())
    if (number < 1 || number > columns.length) {
      throw new AttestError(
        'invalid_input',
        `There is no column ${number}: the table has ${columns.length} column${columns.length === 1 ? '' : 's'}.`
      )
    }
    return number - 1
  }
  if (!header) {
    throw new AttestError(
      'invalid_input',
      `Column “${ref}” is a name, but the table has no header row: give its number instead.`
    )
  }
  const index = columns.findIndex((name) => name.trim().toLowerCase() === ref.trim().toLowerCase())
  if (index < 0) {
    throw new AttestError(
      'invalid_input',
      `There is no column named “${ref}”; the columns are ${columns.map((name) => `“${name}”`).join(', ')}.`
    )
  }
  return index
}

type Built =
  | { ok: true; kind: 'claims'; values: ClaimValues; tags: string[]; note: string | null }
  | { ok: true; kind: 'sources'; values: SourceValues; tags: string[]; note: null }
  | { ok: false; error: RowError }

type ClaimValues = {
  text: string
  status: string
  eventDate: string | null
  credibility: number | null
  confidence: number | null
}
type SourceValues = Record<string, string | null>

const claimCheck = contract['claims.create'].input
const sourceCheck = contract['sources.create'].input

/** One record → the values to save, or why it cannot be saved (its line and column). */
export function buildRow(
  kind: TableKind,
  fields: string[],
  line: number,
  mapping: Partial<Record<TableField, number[]>>,
  columns: string[],
  tagSeparator: string
): Built {
  const columnName = (index: number): string => columns[index] ?? `column ${index + 1}`
  const cell = (field: TableField): { value: string; column: string } | null => {
    const index = mapping[field]?.[0]
    if (index === undefined) return null
    return { value: fieldValue(fields[index] ?? '').trim(), column: columnName(index) }
  }
  const fail = (column: string | null, message: string): Built => ({
    ok: false,
    error: { line, column, message }
  })
  const tags: string[] = []
  for (const index of mapping.tags ?? []) {
    const raw = fieldValue(fields[index] ?? '')
    const parts = tagSeparator === '' ? [raw] : raw.split(tagSeparator)
    for (const part of parts) {
      const name = part.trim()
      if (name && !tags.includes(name)) tags.push(name)
    }
  }
  const numberOf = (field: TableField): { value: number | null; bad: string | null } => {
    const found = cell(field)
    if (!found || found.value === '') return { value: null, bad: null }
    const value = Number(found.value.replace(',', '.'))
    return Number.isFinite(value) ? { value, bad: null } : { value: null, bad: found.column }
  }
  if (kind === 'claims') {
    const text = cell('text')
    if (!text || text.value === '') return fail(text?.column ?? null, 'The claim text is empty.')
    const statusCell = cell('status')
    let status = 'unverified'
    if (statusCell && statusCell.value !== '') {
      const wanted = statusCell.value.toLowerCase()
      if (!(CLAIM_STATUSES as readonly string[]).includes(wanted)) {
        return fail(
          statusCell.column,
          `“${statusCell.value}” is not a status; the statuses are ${CLAIM_STATUSES.join(', ')}.`
        )
      }
      status = wanted
    }
    const credibility = numberOf('credibility')
    if (credibility.bad) return fail(credibility.bad, 'Credibility is a grade from 1 to 6.')
    const confidence = numberOf('confidence')
    if (confidence.bad) return fail(confidence.bad, 'Confidence is a number from 0 to 100.')
    const eventDate = cell('eventDate')
    const values: ClaimValues = {
      text: text.value,
      status,
      eventDate: eventDate?.value || null,
      credibility: credibility.value,
      confidence: confidence.value
    }
    const checked = claimCheck.safeParse(values)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      const field = String(issue?.path[0] ?? '') as TableField
      return fail(cell(field)?.column ?? null, withStop(issue?.message ?? 'The row is not valid'))
    }
    return { ok: true, kind, values, tags, note: cell('note')?.value || null }
  }
  const values: SourceValues = {}
  for (const field of SOURCE_TABLE_FIELDS) {
    if (field === 'tags') continue
    const found = cell(field)
    values[field] = found && found.value !== '' ? found.value : null
  }
  if (!values.title) return fail(cell('title')?.column ?? null, 'The title is empty.')
  if (values.reliability) values.reliability = values.reliability.toUpperCase()
  if (values.content === null) values.content = ''
  const input = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null))
  const checked = sourceCheck.safeParse(input)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    const field = String(issue?.path[0] ?? '') as TableField
    return fail(cell(field)?.column ?? null, withStop(issue?.message ?? 'The row is not valid'))
  }
  return { ok: true, kind, values, tags, note: null }
}

function withStop(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`
}

/** The header and the settings of a table: what the mapping step shows first. */
export function tableColumns(file: string, settings: ResolvedSettings): string[] {
  let columns: string[] = []
  readTableFile(file, settings, (record) => {
    columns = settings.header
      ? record.fields.map(fieldValue)
      : record.fields.map((_, index) => `Column ${index + 1}`)
    return false
  })
  return columns
}

/** Imports a table; throws an AttestError with the first problem when nothing was imported. */
export function importTable(
  ctx: CoreContext,
  input: TableImportInput,
  progress?: (bytes: number, total: number) => void
): TableImportReport {
  const total = checkFile(input.path)
  const settings = resolveSettings(input.path, input)
  const columns = tableColumns(input.path, settings)
  if (columns.length === 0) {
    throw new AttestError('invalid_input', `${fileLabel(input.path)} has no rows.`)
  }
  const mapping = resolveMapping(input.kind, columns, settings.header, input.map)
  const main = input.kind === 'claims' ? 'text' : 'title'
  if (!mapping[main]) {
    throw new AttestError(
      'invalid_input',
      input.kind === 'claims'
        ? `The mapping leaves the claim text empty: choose the column that holds it (--map text=COLUMN).`
        : `The mapping leaves the title empty: choose the column that holds it (--map title=COLUMN).`
    )
  }
  const report: TableImportReport = {
    settings,
    columns,
    mapping,
    rows: 0,
    imported: 0,
    duplicates: 0,
    invalid: 0,
    tagsCreated: 0,
    errors: []
  }
  const db = ctx.store.db
  const seen = new Set<string>(
    input.kind === 'claims'
      ? db
          .all<{ key: string }>(
            `SELECT lower(trim(text)) AS key FROM claims WHERE deleted_at IS NULL`
          )
          .map((row) => row.key)
      : db
          .all<{ key: string }>(
            `SELECT lower(trim(url)) AS key FROM sources WHERE deleted_at IS NULL AND url IS NOT NULL`
          )
          .map((row) => row.key)
  )
  const tagIds = new Map<string, string>(
    db
      .all<{ id: string; name: string }>(
        `SELECT id, lower(name) AS name FROM tags WHERE parent_id IS NULL`
      )
      .map((row) => [row.name, row.id])
  )
  const label = `Import ${path.basename(input.path)}`
  const tagSeparator = input.tagSeparator ?? ';'
  const build = (record: TableRecord): Built =>
    buildRow(input.kind, record.fields, record.line, mapping, columns, tagSeparator)
  const readRows = (onRow: (record: TableRecord) => void, onBytes?: (bytes: number) => void) => {
    let first = settings.header
    try {
      readTableFile(
        input.path,
        settings,
        (record) => {
          if (first) first = false
          else onRow(record)
        },
        onBytes
      )
    } catch (error) {
      if (error instanceof TableError) throw new AttestError('invalid_input', error.message)
      throw error
    }
  }
  if (!input.skipInvalid) {
    // All or nothing: every row is checked before the first is saved.
    readRows((record) => {
      report.rows++
      const built = build(record)
      if (built.ok) return
      report.invalid++
      if (report.errors.length < MAX_ERRORS) report.errors.push(built.error)
    })
    if (report.invalid > 0) return report
    report.rows = 0
  }

  // Saved in transactions of BATCH_ROWS rows, each one journal entry, so that memory does
  // not follow the file; all of them are one operation, one step to undo.
  let operation: { seq: number; at: string } | null = null
  let batch: Array<Extract<Built, { ok: true }>> = []
  const flush = (): void => {
    if (batch.length === 0) return
    const rows = batch
    batch = []
    ctx.store.write((db) => {
      const op = operation
        ? Operation.resume(db, operation.seq, operation.at, ctx.deviceId)
        : Operation.begin(db, label, ctx.deviceId)
      operation ??= { seq: op.seq, at: op.at }
      const links = new Map<string, string[]>()
      for (const built of rows) {
        const id = saveRow(op, db, built)
        for (const name of built.tags) {
          let tagId = tagIds.get(name.toLowerCase())
          if (!tagId) {
            tagId = randomUUID()
            op.create('tag', tagId, { name, parentId: null, colour: null, description: null })
            tagIds.set(name.toLowerCase(), tagId)
            report.tagsCreated++
          }
          const owners = links.get(tagId) ?? []
          owners.push(id)
          links.set(tagId, owners)
        }
      }
      for (const [tagId, owners] of links) {
        op.setLinks(input.kind === 'claims' ? 'claimTag' : 'sourceTag', owners, tagId, true)
      }
    })
    ctx.caches.invalidate()
  }
  try {
    readRows(
      (record) => {
        report.rows++
        const built = build(record)
        if (!built.ok) {
          report.invalid++
          if (report.errors.length < MAX_ERRORS) report.errors.push(built.error)
          return
        }
        const key = (
          built.kind === 'claims' ? built.values.text : (built.values.url ?? '')
        ).toLowerCase()
        if (key !== '' && seen.has(key)) {
          report.duplicates++
          return
        }
        if (key !== '') seen.add(key)
        batch.push(built)
        report.imported++
        if (batch.length >= BATCH_ROWS) flush()
      },
      (bytes) => progress?.(bytes, total)
    )
    flush()
  } catch (error) {
    // A batch that failed (a full disk) was rolled back; the ones before it are taken back
    // as the user would, by undoing the operation, so that nothing is left half-imported.
    ctx.caches.invalidate()
    if (operation && nextUndoSeq(ctx) === (operation as { seq: number }).seq) undo(ctx)
    throw error
  }
  return report
}

function nextUndoSeq(ctx: CoreContext): number | undefined {
  return ctx.store.db.pluck<number>(
    `SELECT seq FROM operations WHERE kind = 'edit' AND undone = 0 ORDER BY seq DESC LIMIT 1`
  )
}

function saveRow(op: Operation, db: SqliteDb, built: Extract<Built, { ok: true }>): string {
  const id = randomUUID()
  if (built.kind === 'claims') {
    op.create('claim', id, built.values)
    refreshFacts(db, 'claim', id)
    if (built.note) {
      op.create('note', randomUUID(), { targetKind: 'claim', targetId: id, body: built.note })
    }
  } else {
    const content = built.values.content ?? ''
    op.create('source', id, {
      ...built.values,
      kind: 'article',
      content,
      contentHash: contentHashOf(content)
    })
  }
  return id
}

/** The sentence a report ends with. */
export function describeRowError(error: RowError): string {
  return `line ${error.line}${error.column ? `, column “${error.column}”` : ''}: ${error.message}`
}
