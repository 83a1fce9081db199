import type { ExportKind, ExportScope } from '../../shared/contractExports'
import type { CoreContext } from '../records/context'
import type { SqliteDb, SqlValue } from '../store/sqlite'
import type { CsvValue } from './csv'
import { citationsInScope, claimsInScope, sourcesInScope, tagsInScope } from './scope'

/**
 * One CSV export as SQL. The records in scope are fixed once, as a list of their integer `seq`
 * in export order (8 bytes a row: 8 MB for a million); rows are then read page by page by seq.
 * Sorting once beats OFFSET paging, which re-sorts the whole scope for every page, and the
 * export stays consistent while edits land between pages: a record edited meanwhile is
 * written as it is now, one trashed meanwhile is left out.
 */
export type CsvTable = {
  header: readonly string[]
  count(db: SqliteDb): number
  snapshot(db: SqliteDb): number[]
  /** The rows of these records, in this order. */
  page(db: SqliteDb, seqs: readonly number[]): CsvValue[][]
}

/** Paths of tags in the codebook are joined with this; so are source titles. */
export const LIST_SEPARATOR = '; '

/** Notes and relations hold sentences of their own: one a line within the cell. */
export const LINE_SEPARATOR = '\n'

const CLAIM_HEADER = [
  'id',
  'text',
  'status',
  'event_date',
  'credibility',
  'confidence',
  'tags',
  'sources',
  'citation_count',
  'created_at',
  'updated_at',
  'notes',
  'relations',
  'source_urls',
  'source_published_at'
] as const

const SOURCE_HEADER = [
  'id',
  'title',
  'url',
  'publisher',
  'author',
  'published_at',
  'language',
  'kind',
  'reliability',
  'tags',
  'claim_count',
  'citation_count',
  'created_at',
  'updated_at'
] as const

const CITATION_HEADER = [
  'id',
  'claim_id',
  'claim_text',
  'source_id',
  'source_title',
  'source_reliability',
  'quote',
  'stance',
  'locator',
  'note',
  'start_offset',
  'end_offset',
  'anchor_status',
  'created_at',
  'updated_at',
  'source_url',
  'source_published_at'
] as const

const TAG_HEADER = [
  'id',
  'path',
  'name',
  'parent_id',
  'colour',
  'description',
  'claim_count',
  'source_count',
  'created_at',
  'updated_at'
] as const

export const CSV_HEADERS: Record<ExportKind, readonly string[]> = {
  claims: CLAIM_HEADER,
  sources: SOURCE_HEADER,
  citations: CITATION_HEADER,
  tags: TAG_HEADER
}

/**
 * How a page names its records: a seq range when the page's seqs are dense (the whole list
 * in its default order, newest first: SQLite walks the primary key), else the list itself.
 * Parsing a 5,000-element JSON list and probing it for every row took over half of a full
 * export's time in sql.js. Rows in the range that are not in the page are dropped below.
 */
export function pageCondition(seqs: readonly number[]): { sql: string; params: SqlValue[] } {
  let low = Number.POSITIVE_INFINITY
  let high = Number.NEGATIVE_INFINITY
  for (const seq of seqs) {
    if (seq < low) low = seq
    if (seq > high) high = seq
  }
  if (seqs.length > 0 && high - low + 1 <= 2 * seqs.length) {
    return { sql: 'BETWEEN ? AND ?', params: [low, high] }
  }
  return { sql: 'IN (SELECT value FROM json_each(?))', params: [JSON.stringify(seqs)] }
}

const CLAIM_PAGE = (
  inPage: string
): string => `SELECT c.seq, c.id, c.text, c.status, c.event_date, c.credibility, c.confidence,
  (SELECT group_concat(t.id) FROM claim_tags ct JOIN tags t ON t.seq = ct.tag_seq
   WHERE ct.claim_seq = c.seq) AS tag_ids,
  (SELECT group_concat(title, char(31)) FROM (SELECT DISTINCT s.title FROM citations ci
     JOIN sources s ON s.id = ci.source_id WHERE ci.claim_id = c.id AND s.deleted_at IS NULL
     ORDER BY s.title COLLATE NOCASE)) AS source_titles,
  (SELECT count(*) FROM citations ci JOIN sources s ON s.id = ci.source_id
   WHERE ci.claim_id = c.id AND s.deleted_at IS NULL) AS citation_count,
  c.created_at, c.updated_at,
  (SELECT group_concat(body, char(31)) FROM (SELECT n.body FROM notes n
     WHERE n.target_kind = 'claim' AND n.target_id = c.id ORDER BY n.created_at, n.seq)) AS notes,
  (SELECT group_concat(line, char(31)) FROM (
     SELECT r.kind || ' ' || o.id || ': ' || o.text AS line, r.created_at AS at, r.seq AS seq
       FROM relations r JOIN claims o ON o.id = r.to_claim_id
       WHERE r.from_claim_id = c.id AND o.deleted_at IS NULL
     UNION ALL
     SELECT r.kind || ' (by) ' || o.id || ': ' || o.text, r.created_at, r.seq
       FROM relations r JOIN claims o ON o.id = r.from_claim_id
       WHERE r.to_claim_id = c.id AND o.deleted_at IS NULL
     ORDER BY at, seq)) AS relations,
  (SELECT group_concat(coalesce(url, ''), char(31)) FROM (SELECT s.title, s.url FROM citations ci
     JOIN sources s ON s.id = ci.source_id WHERE ci.claim_id = c.id AND s.deleted_at IS NULL
     GROUP BY s.title ORDER BY s.title COLLATE NOCASE)) AS source_urls,
  (SELECT group_concat(coalesce(published_at, ''), char(31)) FROM (SELECT s.title,
     s.published_at FROM citations ci JOIN sources s ON s.id = ci.source_id
     WHERE ci.claim_id = c.id AND s.deleted_at IS NULL
     GROUP BY s.title ORDER BY s.title COLLATE NOCASE)) AS source_published_at
  FROM claims c WHERE c.seq ${inPage} AND c.deleted_at IS NULL`

const SOURCE_PAGE = (
  inPage: string
): string => `SELECT s.seq, s.id, s.title, s.url, s.publisher, s.author, s.published_at,
  s.language, s.kind, s.reliability,
  (SELECT group_concat(t.id) FROM source_tags st JOIN tags t ON t.seq = st.tag_seq
   WHERE st.source_seq = s.seq) AS tag_ids,
  (SELECT count(DISTINCT ci.claim_id) FROM citations ci JOIN claims c ON c.id = ci.claim_id
   WHERE ci.source_id = s.id AND c.deleted_at IS NULL) AS claim_count,
  (SELECT count(*) FROM citations ci JOIN claims c ON c.id = ci.claim_id
   WHERE ci.source_id = s.id AND c.deleted_at IS NULL) AS citation_count,
  s.created_at, s.updated_at
  FROM sources s WHERE s.seq ${inPage} AND s.deleted_at IS NULL`

const CITATIONS_FROM = `citations ci JOIN claims c ON c.id = ci.claim_id
  JOIN sources s ON s.id = ci.source_id`

const CITATION_PAGE = (
  inPage: string
): string => `SELECT ci.seq, ci.id, ci.claim_id, c.text, ci.source_id, s.title,
  s.reliability, ci.quote, ci.stance, ci.locator, ci.note, ci.start_offset, ci.end_offset,
  ci.anchor_status, ci.created_at, ci.updated_at, s.url, s.published_at
  FROM ${CITATIONS_FROM}
  WHERE ci.seq ${inPage} AND c.deleted_at IS NULL AND s.deleted_at IS NULL`

const TAG_PAGE = (
  inPage: string
): string => `SELECT t.seq, t.id, t.name, t.parent_id, t.colour, t.description,
  (SELECT count(*) FROM claim_tags ct JOIN claims c ON c.seq = ct.claim_seq
   WHERE ct.tag_seq = t.seq AND c.deleted_at IS NULL) AS claim_count,
  (SELECT count(*) FROM source_tags st JOIN sources s ON s.seq = st.source_seq
   WHERE st.tag_seq = t.seq AND s.deleted_at IS NULL) AS source_count,
  t.created_at, t.updated_at
  FROM tags t WHERE t.seq ${inPage}`

function csvValue(value: SqlValue | undefined): CsvValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'number' || typeof value === 'string') return value
  return null
}

/** Runs a page query and hands back its rows (seq first, then the cells) in `seqs` order. */
function pageInOrder(
  db: SqliteDb,
  sql: (inPage: string) => string,
  seqs: readonly number[],
  toCells: (values: SqlValue[]) => CsvValue[]
): CsvValue[][] {
  const wanted = new Set(seqs)
  const condition = pageCondition(seqs)
  const bySeq = new Map<number, CsvValue[]>()
  db.each(sql(condition.sql), condition.params, (values) => {
    const seq = Number(values[0])
    if (wanted.has(seq)) bySeq.set(seq, toCells(values))
  })
  const rows: CsvValue[][] = []
  for (const seq of seqs) {
    const row = bySeq.get(seq)
    if (row) rows.push(row)
  }
  return rows
}

function snapshotOf(db: SqliteDb, sql: string, params: SqlValue[]): number[] {
  const seqs: number[] = []
  db.each(sql, params, (values) => seqs.push(Number(values[0])))
  return seqs
}

function countOf(db: SqliteDb, sql: string, params: SqlValue[]): number {
  return Number(db.pluck(sql, params) ?? 0)
}

/** A list SQL joined with U+001F (which no text holds), joined again for a reader. */
function joined(value: SqlValue | undefined, separator: string): string {
  return typeof value === 'string' ? value.split('\u001f').join(separator) : ''
}

/** Tag ids as codebook paths, sorted, joined. */
function tagPathsOf(ctx: CoreContext, db: SqliteDb, ids: SqlValue | undefined): string {
  if (typeof ids !== 'string' || ids === '') return ''
  const tags = ctx.caches.tags(db)
  return ids
    .split(',')
    .map((tagId) => tags.get(tagId)?.path)
    .filter((path): path is string => path !== undefined)
    .sort((a, b) => a.localeCompare(b))
    .join(LIST_SEPARATOR)
}

/** The table for one export. Scope errors (an unknown tag) are thrown here, before any work. */
export function csvTable(
  ctx: CoreContext,
  db: SqliteDb,
  what: ExportKind,
  scope: ExportScope
): CsvTable {
  switch (what) {
    case 'claims': {
      const { where, order } = claimsInScope(ctx, db, scope)
      return {
        header: CLAIM_HEADER,
        count: (db) => countOf(db, `SELECT count(*) FROM claims c ${where.sql}`, where.params),
        snapshot: (db) =>
          snapshotOf(db, `SELECT c.seq FROM claims c ${where.sql} ${order}`, where.params),
        page: (db, seqs) =>
          pageInOrder(db, CLAIM_PAGE, seqs, (v) => [
            csvValue(v[1]),
            csvValue(v[2]),
            csvValue(v[3]),
            csvValue(v[4]),
            csvValue(v[5]),
            csvValue(v[6]),
            tagPathsOf(ctx, db, v[7]),
            joined(v[8], LIST_SEPARATOR),
            csvValue(v[9]),
            csvValue(v[10]),
            csvValue(v[11]),
            joined(v[12], LINE_SEPARATOR),
            joined(v[13], LINE_SEPARATOR),
            joined(v[14], LIST_SEPARATOR),
            joined(v[15], LIST_SEPARATOR)
          ])
      }
    }
    case 'sources': {
      const { where, order } = sourcesInScope(ctx, db, scope)
      return {
        header: SOURCE_HEADER,
        count: (db) => countOf(db, `SELECT count(*) FROM sources s ${where.sql}`, where.params),
        snapshot: (db) =>
          snapshotOf(db, `SELECT s.seq FROM sources s ${where.sql} ${order}`, where.params),
        page: (db, seqs) =>
          pageInOrder(db, SOURCE_PAGE, seqs, (v) => [
            ...v.slice(1, 10).map(csvValue),
            tagPathsOf(ctx, db, v[10]),
            ...v.slice(11, 15).map(csvValue)
          ])
      }
    }
    case 'citations': {
      const { where, order } = citationsInScope(ctx, db, scope)
      return {
        header: CITATION_HEADER,
        count: (db) =>
          countOf(db, `SELECT count(*) FROM ${CITATIONS_FROM} ${where.sql}`, where.params),
        snapshot: (db) =>
          snapshotOf(db, `SELECT ci.seq FROM ${CITATIONS_FROM} ${where.sql} ${order}`, [
            ...where.params
          ]),
        page: (db, seqs) => pageInOrder(db, CITATION_PAGE, seqs, (v) => v.slice(1).map(csvValue))
      }
    }
    case 'tags': {
      const where = tagsInScope(ctx, db, scope)
      return {
        header: TAG_HEADER,
        count: (db) => countOf(db, `SELECT count(*) FROM tags t ${where.sql}`, where.params),
        // The codebook's order: by path, which only exists outside SQL.
        snapshot: (db) => {
          const paths = ctx.caches.tags(db)
          const rows = db.all<{ seq: number; id: string }>(
            `SELECT t.seq, t.id FROM tags t ${where.sql}`,
            where.params
          )
          const pathOf = (id: string): string => paths.get(id)?.path ?? ''
          return rows
            .sort((a, b) =>
              pathOf(a.id).localeCompare(pathOf(b.id), undefined, { sensitivity: 'base' })
            )
            .map((row) => row.seq)
        },
        page: (db, seqs) =>
          pageInOrder(db, TAG_PAGE, seqs, (v) => {
            const id = typeof v[1] === 'string' ? v[1] : ''
            return [
              csvValue(v[1]),
              ctx.caches.tags(db).get(id)?.path ?? csvValue(v[2]),
              ...v.slice(2).map(csvValue)
            ]
          })
      }
    }
  }
}
