import { randomUUID } from 'node:crypto'
import { reanchorSource } from '../documents/citations'
import { contentHashOf } from '../import'
import type { ParsedInput, SOURCE_SORT_FIELDS } from '../../shared/contract'
import type { Reliability, SourceKind } from '../../shared/domain'
import { AttestError } from '../../shared/result'
import type { ListResult, Source, SourceWithContent, TagRef } from '../../shared/types'
import { shiftLayout, type SourceLayout } from '../../shared/pages'
import { refreshFlagsCiting } from '../facts/flag'
import { refreshFacts } from '../facts/store'
import type { SqliteDb } from '../store/sqlite'
import { cachedTotal, orderBy } from './claims'
import { mutate, requireFound, type CoreContext } from './context'
import { parseLayout } from './sourceLayout'
import { Where, ftsQuery, inListWithNull, likePattern, matchingIds } from './query'

/** The grid's default order, newest first (ORDER BY fallback and tiebreak). */
export const SOURCES_NEWEST = { fallback: 's.created_at DESC', tiebreak: 's.seq DESC' }

/** How many live claims cite a source (alias s; its own aliases clash with no outer query's). */
const CLAIM_COUNT = `(SELECT count(DISTINCT count_ci.claim_id) FROM citations count_ci
  JOIN claims count_c ON count_c.id = count_ci.claim_id
  WHERE count_ci.source_id = s.id AND count_c.deleted_at IS NULL)`

/** Each sortable field as SQL (alias s), for the grid's pages and the exports alike. */
export const SOURCE_SORT_COLUMNS: Record<(typeof SOURCE_SORT_FIELDS)[number], string> = {
  title: 's.title COLLATE NOCASE',
  claimCount: CLAIM_COUNT,
  url: 's.url',
  publisher: 's.publisher COLLATE NOCASE',
  author: 's.author COLLATE NOCASE',
  publishedAt: 's.published_at',
  language: 's.language',
  kind: 's.kind',
  reliability: 's.reliability',
  createdAt: 's.created_at',
  updatedAt: 's.updated_at',
  deletedAt: 's.deleted_at'
}

/** The list selects the claim count already: it sorts by that column, not a second count. */
const LIST_SORT_COLUMNS = { ...SOURCE_SORT_COLUMNS, claimCount: 'claimCount' }

type SourceRow = {
  id: string
  title: string
  url: string | null
  publisher: string | null
  author: string | null
  publishedAt: string | null
  language: string | null
  kind: SourceKind
  reliability: Reliability | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  contentLength: number
  claimCount: number
  originId: string | null
  tagIds: string | null
}

const COLUMNS = `s.id, s.title, s.url, s.publisher, s.author, s.published_at AS publishedAt,
  s.language, s.kind, s.reliability, s.created_at AS createdAt, s.updated_at AS updatedAt,
  s.deleted_at AS deletedAt, length(s.content) AS contentLength, s.origin_id AS originId,
  ${CLAIM_COUNT} AS claimCount,
  (SELECT group_concat(t.id) FROM source_tags st JOIN tags t ON t.seq = st.tag_seq
   WHERE st.source_seq = s.seq) AS tagIds`

export type SourceFilter = NonNullable<ParsedInput<'sources.list'>['filter']>

export function sourceWhere(ctx: CoreContext, db: SqliteDb, filter: SourceFilter = {}): Where {
  const where = new Where()
  where.add(filter.trashed ? 's.deleted_at IS NOT NULL' : 's.deleted_at IS NULL')
  if (filter.text) {
    const pattern = likePattern(filter.text)
    where.add(
      `(s.title LIKE ? ESCAPE '\\' OR s.publisher LIKE ? ESCAPE '\\' OR s.url LIKE ? ESCAPE '\\')`,
      pattern,
      pattern,
      pattern
    )
  }
  if (filter.query) {
    const match = ftsQuery(filter.query)
    if (match) {
      where.add(
        `(s.seq IN (SELECT docid FROM sources_fts WHERE sources_fts MATCH ?)
          OR s.id IN (SELECT n.target_id FROM notes n WHERE n.target_kind = 'source'
            AND n.seq IN (SELECT docid FROM notes_fts WHERE notes_fts MATCH ?)))`,
        match,
        match
      )
    }
  }
  if (filter.kind)
    where.add(`s.kind IN (SELECT value FROM json_each(?))`, JSON.stringify(filter.kind))
  if (filter.reliability) inListWithNull(where, 's.reliability', filter.reliability)
  if (filter.language) {
    where.add(`s.language IN (SELECT value FROM json_each(?))`, JSON.stringify(filter.language))
  }
  if (filter.tagIds?.length) {
    const tagIds = ctx.caches.tagWithDescendants(db, filter.tagIds)
    where.add(
      `s.seq IN (SELECT st.source_seq FROM source_tags st WHERE st.tag_seq IN
        (SELECT seq FROM tags WHERE id IN (SELECT value FROM json_each(?))))`,
      JSON.stringify(tagIds)
    )
  }
  if (filter.publishedFrom) where.add('s.published_at >= ?', filter.publishedFrom)
  if (filter.publishedTo) where.add(`s.published_at <= ? || '-99'`, filter.publishedTo)
  if (filter.ids) where.add(`s.id IN (SELECT value FROM json_each(?))`, JSON.stringify(filter.ids))
  return where
}

function toSource(ctx: CoreContext, db: SqliteDb, row: SourceRow): Source {
  const tagMap = ctx.caches.tags(db)
  const tags: TagRef[] = []
  for (const tagId of row.tagIds?.split(',') ?? []) {
    const tag = tagMap.get(tagId)
    if (tag) tags.push({ id: tag.id, name: tag.name, path: tag.path, colour: tag.colour })
  }
  const { tagIds: _tagIds, ...rest } = row
  return { ...rest, tags }
}

export function sourceIds(ctx: CoreContext, input: ParsedInput<'sources.ids'>): string[] {
  return ctx.store.read((db) =>
    matchingIds(db, 'sources', 's', sourceWhere(ctx, db, input.filter), 'sources')
  )
}

export function listSources(
  ctx: CoreContext,
  input: ParsedInput<'sources.list'>
): ListResult<Source> {
  return ctx.store.read((db) => {
    const where = sourceWhere(ctx, db, input.filter)
    const order = orderBy(
      input.sort,
      LIST_SORT_COLUMNS,
      SOURCES_NEWEST.fallback,
      SOURCES_NEWEST.tiebreak
    )
    const rows = db.all<SourceRow>(
      `SELECT ${COLUMNS} FROM sources s ${where.sql} ${order} LIMIT ? OFFSET ?`,
      [...where.params, input.limit, input.offset]
    )
    const total = cachedTotal(
      ctx,
      db,
      `sources:${JSON.stringify(input.filter ?? {})}`,
      `SELECT count(*) FROM sources s ${where.sql}`,
      where.params
    )
    return { rows: rows.map((row) => toSource(ctx, db, row)), total }
  })
}

export function getSource(ctx: CoreContext, id: string): SourceWithContent {
  return ctx.store.read((db) => {
    const row = requireFound(
      db.get<SourceRow & { content: string; layout: string | null }>(
        `SELECT ${COLUMNS}, s.content, s.layout FROM sources s WHERE s.id = ?`,
        [id]
      ),
      'That source'
    )
    const { content, layout, ...rest } = row
    return {
      ...toSource(ctx, db, rest),
      content,
      contentHash: contentHashOf(content),
      layout: parseLayout(layout)
    }
  })
}

export function createSource(
  ctx: CoreContext,
  input: ParsedInput<'sources.create'>
): SourceWithContent {
  const id = randomUUID()
  mutate(ctx, 'Create source', (op) => {
    op.create('source', id, {
      title: input.title,
      url: input.url ?? null,
      publisher: input.publisher ?? null,
      author: input.author ?? null,
      publishedAt: input.publishedAt ?? null,
      language: input.language ?? null,
      kind: input.kind ?? 'article',
      reliability: input.reliability ?? null,
      content: input.content ?? '',
      contentHash: contentHashOf(input.content ?? ''),
      ...(input.layout
        ? { layout: JSON.stringify(clampLayout(input.layout, input.content ?? '')) }
        : {})
    })
    refreshFacts(ctx.store.db, 'source', id)
  })
  return getSource(ctx, id)
}

/** Offsets past the text's end are brought back to it; page starts kept in order. */
function clampLayout(layout: SourceLayout, content: string): SourceLayout {
  let previous = 0
  return {
    pageStarts: layout.pageStarts.map(
      (offset) => (previous = Math.max(previous, Math.min(offset, content.length)))
    ),
    furniture: layout.furniture
      .filter((range) => range.end > range.start && range.end <= content.length)
      .sort((a, b) => a.start - b.start)
  }
}

/** Returns the source without its text: a grid edit should not ship megabytes back. */
export function updateSource(ctx: CoreContext, input: ParsedInput<'sources.update'>): Source {
  mutate(ctx, 'Edit source', (op) => {
    if (input.changes.originId) checkOrigin(ctx.store.db, input.id, input.changes.originId)
    const values: Record<string, string | null> = {}
    for (const [field, value] of Object.entries(input.changes)) {
      if (value !== undefined) values[field] = value
    }
    const content = input.changes.content
    if (content !== undefined) {
      values.contentHash = contentHashOf(content)
      // Pages move with the text around a correction.
      const before = ctx.store.db.get<{ content: string; layout: string | null }>(
        `SELECT content, layout FROM sources WHERE id = ?`,
        [input.id]
      )
      const layout = parseLayout(before?.layout ?? null)
      if (before && layout)
        values.layout = JSON.stringify(shiftLayout(layout, before.content, content))
    }
    const changed = op.update('source', input.id, values)
    // Citations follow the text they quote when it is corrected.
    if (content !== undefined && changed > 0) reanchorSource(op, ctx.store.db, input.id, content)
    if (changed > 0) refreshFacts(ctx.store.db, 'source', input.id)
    const disputes = input.changes.content !== undefined || input.changes.originId !== undefined
    if (changed > 0 && disputes) refreshFlagsCiting(op, ctx.store.db, [input.id])
  })
  return sourceWithoutContent(ctx, input.id)
}

/**
 * A source's origin must be another source that exists and is not in the Trash, and must not
 * lead back to the source itself (A copied from B copied from A).
 */
export function checkOrigin(db: SqliteDb, id: string, originId: string): void {
  if (originId === id) {
    throw new AttestError('invalid_input', 'A source cannot be a translation or copy of itself.')
  }
  let at: string | null = originId
  for (let depth = 0; at !== null; depth++) {
    const row: { originId: string | null } | undefined = db.get<{ originId: string | null }>(
      `SELECT origin_id AS originId FROM sources WHERE id = ? AND deleted_at IS NULL`,
      [at]
    )
    if (!row) {
      throw new AttestError(
        'invalid_input',
        depth === 0 ? 'The source of origin does not exist.' : 'The chain of origins is broken.'
      )
    }
    if (row.originId === id) {
      throw new AttestError(
        'invalid_input',
        'That source is itself a translation or copy of this one: origins cannot go in a circle.'
      )
    }
    if (depth > 1000) throw new AttestError('invalid_input', 'The chain of origins is too long.')
    at = row.originId
  }
}

function sourceWithoutContent(ctx: CoreContext, id: string): Source {
  return ctx.store.read((db) => {
    const row = db.get<SourceRow>(`SELECT ${COLUMNS} FROM sources s WHERE s.id = ?`, [id])
    return toSource(ctx, db, requireFound(row, 'That source'))
  })
}
