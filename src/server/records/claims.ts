import { randomUUID } from 'node:crypto'
import type { CLAIM_SORT_FIELDS, ParsedInput } from '../../shared/contract'
import type { ClaimStatus, Credibility } from '../../shared/domain'
import { AttestError } from '../../shared/result'
import type { Claim, ListResult, TagRef } from '../../shared/types'
import { refreshFacts } from '../facts/store'
import type { SqliteDb, SqlValue } from '../store/sqlite'
import { mutate, requireFound, type CoreContext } from './context'
import { allPartsMatch, walkSearch, type SearchWalk } from './claimSearch'
import { segmentsAfter, type Cursor, type SortKey } from './keyset'
import { Where, ftsQuery, inListWithNull, likePattern, matchingIds } from './query'

/** The grid's default order, newest first (ORDER BY fallback and tiebreak). */
export const CLAIMS_NEWEST = { fallback: 'c.seq DESC', tiebreak: 'c.seq DESC' }

/**
 * Each sortable field as SQL (alias c): the grid's pages and the exports sort by the same
 * expressions. Typed over the contract: a new sortable field that is missing does not compile.
 */
export const CLAIM_SORT_COLUMNS: Record<(typeof CLAIM_SORT_FIELDS)[number], string> = {
  text: 'c.text COLLATE NOCASE',
  citationCount: 'c.citation_count',
  status: 'c.status',
  eventDate: 'c.event_date',
  credibility: 'c.credibility',
  confidence: 'c.confidence',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  deletedAt: 'c.deleted_at'
}

type ClaimRow = {
  id: string
  text: string
  status: ClaimStatus
  eventDate: string | null
  credibility: Credibility | null
  confidence: number | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  tagIds: string | null
  citationCount: number
  sourceTitles: string | null
  flag: string | null
}

const SELECT = `SELECT c.id, c.text, c.status, c.event_date AS eventDate, c.credibility,
  c.confidence, c.flag, c.created_at AS createdAt, c.updated_at AS updatedAt, c.deleted_at AS deletedAt,
  (SELECT group_concat(t.id) FROM claim_tags ct JOIN tags t ON t.seq = ct.tag_seq
   WHERE ct.claim_seq = c.seq) AS tagIds,
  c.citation_count AS citationCount,
  (SELECT group_concat(title, char(31)) FROM (SELECT DISTINCT s.title FROM citations ci
     JOIN sources s ON s.id = ci.source_id WHERE ci.claim_id = c.id ORDER BY s.title)) AS sourceTitles
  FROM claims c`

export type ClaimFilter = NonNullable<ParsedInput<'claims.list'>['filter']>

/**
 * The WHERE (alias c) for a list filter. `reads` picks the shape of the tag test: a page of
 * a few rows walks a sort index and checks each row's tags when the tag is common; reading
 * every match (a count, all ids, an export) starts from the tag's links instead.
 */
export function claimWhere(
  ctx: CoreContext,
  db: SqliteDb,
  filter: ClaimFilter = {},
  reads: 'page' | 'all' = 'page'
): Where {
  const where = new Where()
  where.add(filter.trashed ? 'c.deleted_at IS NOT NULL' : 'c.deleted_at IS NULL')
  if (filter.text) where.add(`c.text LIKE ? ESCAPE '\\'`, likePattern(filter.text))
  if (filter.query) {
    const match = ftsQuery(filter.query)
    if (match) {
      const fts = allPartsMatch(db)
      where.add(
        `(c.seq IN (${fts.sql})
          OR c.id IN (SELECT n.target_id FROM notes n WHERE n.target_kind = 'claim'
            AND n.seq IN (SELECT docid FROM notes_fts WHERE notes_fts MATCH ?)))`,
        match,
        fts.parts,
        match
      )
    }
  }
  if (filter.status) {
    where.add(`c.status IN (SELECT value FROM json_each(?))`, JSON.stringify(filter.status))
  }
  if (filter.credibility) inListWithNull(where, 'c.credibility', filter.credibility)
  if (filter.tagIds?.length) {
    const tagIds = JSON.stringify(ctx.caches.tagWithDescendants(db, filter.tagIds))
    const tagSeqs = `(SELECT seq FROM tags WHERE id IN (SELECT value FROM json_each(?)))`
    // For a page, a common tag is cheapest checked row by row while walking the sort index;
    // a rare one is cheapest as the list of its claims. The link count decides (cached until
    // a write).
    const common =
      reads === 'page' &&
      cachedTotal(
        ctx,
        db,
        `claimTagLinks:${tagIds}`,
        `SELECT count(*) FROM claim_tags WHERE tag_seq IN ${tagSeqs}`,
        [tagIds]
      ) > 5_000
    where.add(
      common
        ? `EXISTS (SELECT 1 FROM claim_tags ct WHERE ct.claim_seq = c.seq AND ct.tag_seq IN ${tagSeqs})`
        : `c.seq IN (SELECT ct.claim_seq FROM claim_tags ct WHERE ct.tag_seq IN ${tagSeqs})`,
      tagIds
    )
  }
  if (filter.eventDateFrom) where.add('c.event_date >= ?', filter.eventDateFrom)
  if (filter.eventDateTo) where.add(`c.event_date <= ? || '-99'`, filter.eventDateTo)
  if (filter.ids) where.add(`c.id IN (SELECT value FROM json_each(?))`, JSON.stringify(filter.ids))
  return where
}

function toClaim(ctx: CoreContext, db: SqliteDb, row: ClaimRow): Claim {
  const tagMap = ctx.caches.tags(db)
  const tags: TagRef[] = []
  for (const tagId of row.tagIds?.split(',') ?? []) {
    const tag = tagMap.get(tagId)
    if (tag) tags.push({ id: tag.id, name: tag.name, path: tag.path, colour: tag.colour })
  }
  tags.sort((a, b) => a.path.localeCompare(b.path))
  return {
    id: row.id,
    text: row.text,
    status: row.status,
    eventDate: row.eventDate,
    credibility: row.credibility,
    confidence: row.confidence,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    tags,
    citationCount: row.citationCount,
    sources: row.sourceTitles ? row.sourceTitles.split('\u001f') : [],
    flag: row.flag
  }
}

export function orderBy(
  sort: ReadonlyArray<{ field: string; direction: 'asc' | 'desc' }> | undefined,
  columns: Record<string, string>,
  fallback: string,
  tiebreak: string
): string {
  const parts = (sort ?? []).flatMap((entry) => {
    const column = columns[entry.field]
    return column ? [`${column} ${entry.direction === 'desc' ? 'DESC' : 'ASC'}`] : []
  })
  if (parts.length === 0) parts.push(fallback)
  // The tiebreak runs the same way as the first key, so one index scan gives the order.
  const descending = / DESC$/.test(parts[0] as string)
  const last = `${tiebreak.replace(/ (ASC|DESC)$/, '')} ${descending ? 'DESC' : 'ASC'}`
  if (!parts.includes(last)) parts.push(last)
  return `ORDER BY ${parts.join(', ')}`
}

/** Counts are cached per filter until the next write: scrolling asks for them every page. */
export function cachedTotal(
  ctx: CoreContext,
  db: SqliteDb,
  key: string,
  sql: string,
  params: SqlValue[]
): number {
  const cached = ctx.caches.totals.get(key)
  if (cached !== undefined) return cached
  const total = Number(db.pluck(sql, params) ?? 0)
  ctx.caches.totals.set(key, total)
  return total
}

/** The list's default order is newest first: a quick search then reads only what it shows. */
function searchNewestFirst(
  ctx: CoreContext,
  db: SqliteDb,
  filter: ClaimFilter,
  need: number
): SearchWalk | null {
  const match = filter.query ? ftsQuery(filter.query) : null
  if (!match) return null
  const rest = claimWhere(ctx, db, { ...filter, query: undefined })
  return walkSearch(ctx, db, totalKey(filter), match, rest, need)
}

export function listClaims(ctx: CoreContext, input: ParsedInput<'claims.list'>): ListResult<Claim> {
  return ctx.store.read((db) => {
    const end = input.offset + input.limit
    const walk = input.sort?.length ? null : searchNewestFirst(ctx, db, input.filter ?? {}, end)
    if (walk) {
      const rows = rowsBySeqs(db, walk.seqs.slice(input.offset, end))
      const page = rows.map((row) => toClaim(ctx, db, row))
      return walk.done
        ? { rows: page, total: walk.seqs.length }
        : { rows: page, total: walk.seqs.length, totalAtLeast: true }
    }
    const hits = sortedSearchHits(ctx, input.filter)
    const order = orderBy(
      input.sort,
      CLAIM_SORT_COLUMNS,
      CLAIMS_NEWEST.fallback,
      CLAIMS_NEWEST.tiebreak
    )
    const rows = hits
      ? sortedHitsPage(db, hits, order, input.limit, input.offset)
      : pageOf(ctx, db, input, claimWhere(ctx, db, input.filter), order)
    const page = rows.map((row) => toClaim(ctx, db, row))
    // Counting a large filtered list can take longer than the page: a page that is not the
    // last says "at least" unless the count is known, and the grid asks `claims.count`.
    const key = totalKey(input.filter)
    const known = hits?.seqs.length ?? ctx.caches.totals.get(key)
    if (known !== undefined) return { rows: page, total: known }
    if (rows.length < input.limit && (rows.length > 0 || input.offset === 0)) {
      ctx.caches.totals.set(key, input.offset + rows.length)
      return { rows: page, total: input.offset + rows.length }
    }
    return { rows: page, total: input.offset + rows.length, totalAtLeast: true }
  })
}

/** The single sort key keyset paging follows: null for the default order, undefined for none. */
function keysetKey(sort: ParsedInput<'claims.list'>['sort']): SortKey | null | undefined {
  if (!sort?.length) return null
  const [only] = sort
  const expr = only && sort.length === 1 ? CLAIM_SORT_COLUMNS[only.field] : undefined
  return expr ? { expr, desc: only?.direction === 'desc' } : undefined
}

type CursorRow = ClaimRow & { cursorKey: SqlValue; cursorSeq: number }

/**
 * A block of a filtered, sorted list. After the block before it, it continues from where
 * that one ended (keyset); otherwise, and for sorts on several columns, by OFFSET.
 */
function pageOf(
  ctx: CoreContext,
  db: SqliteDb,
  input: ParsedInput<'claims.list'>,
  where: Where,
  order: string
): ClaimRow[] {
  const key = keysetKey(input.sort)
  if (key === undefined) {
    return db.all<ClaimRow>(`${SELECT} ${where.sql} ${order} LIMIT ? OFFSET ?`, [
      ...where.params,
      input.limit,
      input.offset
    ])
  }
  const select = SELECT.replace(
    'SELECT c.id,',
    `SELECT ${key ? key.expr : 'NULL'} AS cursorKey, c.seq AS cursorSeq, c.id,`
  )
  const list = JSON.stringify([input.filter ?? {}, input.sort ?? []])
  const cursor = input.offset > 0 ? ctx.caches.cursors.get(list, input.offset) : undefined
  const rows = cursor
    ? rowsAfter(db, select, where, key, cursor, input.limit)
    : db.all<CursorRow>(`${select} ${where.sql} ${order} LIMIT ? OFFSET ?`, [
        ...where.params,
        input.limit,
        input.offset
      ])
  const last = rows[rows.length - 1]
  if (last) {
    ctx.caches.cursors.set(list, input.offset + rows.length, {
      value: last.cursorKey,
      seq: last.cursorSeq
    })
  }
  return rows
}

function rowsAfter(
  db: SqliteDb,
  select: string,
  where: Where,
  key: SortKey | null,
  cursor: Cursor,
  limit: number
): CursorRow[] {
  const rows: CursorRow[] = []
  for (const segment of segmentsAfter(key, 'c.seq', cursor)) {
    if (rows.length >= limit) break
    rows.push(
      ...db.all<CursorRow>(
        `${select} ${where.sql} AND ${segment.sql} ORDER BY ${segment.order} LIMIT ?`,
        [...where.params, ...segment.params, limit - rows.length]
      )
    )
  }
  return rows
}

/**
 * A search sorted by a column needs every hit. Once they are known (the count walks them
 * all), later pages sort those few instead of asking the index again; many hits are left to
 * the sort index, which finds them as it goes.
 */
function sortedSearchHits(ctx: CoreContext, filter: ClaimFilter | undefined): SearchWalk | null {
  if (!filter?.query) return null
  const walk = ctx.caches.search(totalKey(filter))
  return walk?.done && walk.seqs.length <= 50_000 ? walk : null
}

/**
 * The known hits in the grid's order, sorted once per order and kept with the search (the
 * hits drive the join, CROSS JOIN keeping them outside, and only their seqs are sorted).
 */
function sortedHitsPage(
  db: SqliteDb,
  walk: SearchWalk,
  order: string,
  limit: number,
  offset: number
): ClaimRow[] {
  let sorted = walk.sorted.get(order)
  if (!sorted) {
    sorted = db
      .all<{ seq: number }>(
        `SELECT c.seq FROM json_each(?) AS hit CROSS JOIN claims c ON c.seq = hit.value ${order}`,
        [JSON.stringify(walk.seqs)]
      )
      .map((row) => row.seq)
    walk.sorted.set(order, sorted)
  }
  return rowsBySeqs(db, sorted.slice(offset, offset + limit))
}

/** The rows of these claims, in the order given. */
function rowsBySeqs(db: SqliteDb, seqs: number[]): ClaimRow[] {
  if (!seqs.length) return []
  const rows = db.all<ClaimRow & { seq: number }>(
    `${SELECT.replace('SELECT c.id,', 'SELECT c.seq, c.id,')}
     WHERE c.seq IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(seqs)]
  )
  const bySeq = new Map(rows.map((row) => [row.seq, row]))
  return seqs.flatMap((seq) => bySeq.get(seq) ?? [])
}

function totalKey(filter: ClaimFilter | undefined): string {
  return `claims:${JSON.stringify(filter ?? {})}`
}

/** The exact number of claims a filter matches (a search's page may only know "at least"). */
export function countClaims(ctx: CoreContext, input: ParsedInput<'claims.count'>): number {
  return ctx.store.read((db) => {
    const filter = input.filter ?? {}
    const walk = searchNewestFirst(ctx, db, filter, Number.POSITIVE_INFINITY)
    if (walk) return walk.seqs.length
    const where = claimWhere(ctx, db, filter, 'all')
    return cachedTotal(
      ctx,
      db,
      totalKey(filter),
      `SELECT count(*) FROM claims c ${where.sql}`,
      where.params
    )
  })
}

export function claimIds(ctx: CoreContext, input: ParsedInput<'claims.ids'>): string[] {
  return ctx.store.read((db) =>
    matchingIds(db, 'claims', 'c', claimWhere(ctx, db, input.filter, 'all'), 'claims')
  )
}

export function getClaim(ctx: CoreContext, id: string): Claim {
  return ctx.store.read((db) => {
    const row = requireFound(db.get<ClaimRow>(`${SELECT} WHERE c.id = ?`, [id]), 'That claim')
    return toClaim(ctx, db, row)
  })
}

function checkTagsExist(db: SqliteDb, tagIds: string[]): void {
  for (const tagId of tagIds) {
    if (!db.pluck(`SELECT 1 FROM tags WHERE id = ?`, [tagId])) {
      throw new AttestError('not_found', 'One of the chosen tags no longer exists.')
    }
  }
}

export function createClaim(ctx: CoreContext, input: ParsedInput<'claims.create'>): Claim {
  const id = randomUUID()
  mutate(ctx, 'Create claim', (op) => {
    op.create('claim', id, {
      text: input.text,
      status: input.status ?? 'unverified',
      eventDate: input.eventDate ?? null,
      credibility: input.credibility ?? null,
      confidence: input.confidence ?? null
    })
    if (input.tagIds?.length) {
      checkTagsExist(ctx.store.db, input.tagIds)
      for (const tagId of input.tagIds) op.setLinks('claimTag', [id], tagId, true)
    }
    refreshFacts(ctx.store.db, 'claim', id)
  })
  return getClaim(ctx, id)
}

export function updateClaim(ctx: CoreContext, input: ParsedInput<'claims.update'>): Claim {
  mutate(ctx, 'Edit claim', (op) => {
    const { changes } = input
    const values: Record<string, string | number | null> = {}
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) values[field] = value
    }
    if (op.update('claim', input.id, values) > 0) refreshFacts(ctx.store.db, 'claim', input.id)
  })
  return getClaim(ctx, input.id)
}
