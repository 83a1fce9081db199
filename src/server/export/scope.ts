import type { ExportScope } from '../../shared/contractExports'
import { STATUS_LABELS } from '../../shared/domain'
import { AttestError } from '../../shared/result'
import {
  CLAIMS_NEWEST,
  CLAIM_SORT_COLUMNS,
  claimWhere,
  orderBy,
  type ClaimFilter
} from '../records/claims'
import type { CoreContext } from '../records/context'
import { Where } from '../records/query'
import {
  SOURCES_NEWEST,
  SOURCE_SORT_COLUMNS,
  sourceWhere,
  type SourceFilter
} from '../records/sources'
import type { SqliteDb } from '../store/sqlite'

/**
 * Scopes as SQL: the same parameterised WHERE the grids use (claimWhere / sourceWhere), so
 * "export what I see" is exactly what the grid shows, in the grid's order (the same sort
 * columns, CLAIM_SORT_COLUMNS / SOURCE_SORT_COLUMNS).
 */

/** A WHERE over one table alias plus an ORDER BY, ready to append to a FROM. */
export type ScopedQuery = { where: Where; order: string }

/** Filters from a grid, minus the Trash: trashed records are never exported. */
function liveClaimFilter(filter: ClaimFilter | undefined): ClaimFilter {
  return { ...(filter ?? {}), trashed: false }
}

function liveSourceFilter(filter: SourceFilter | undefined): SourceFilter {
  return { ...(filter ?? {}), trashed: false }
}

export function requireTag(db: SqliteDb, tagId: string): void {
  if (!db.pluck(`SELECT 1 FROM tags WHERE id = ?`, [tagId])) {
    throw new AttestError('not_found', 'That tag does not exist.')
  }
}

function sourcesWhereSql(ctx: CoreContext, db: SqliteDb, filter?: SourceFilter): Where {
  return sourceWhere(ctx, db, liveSourceFilter(filter))
}

function claimsWhereSql(ctx: CoreContext, db: SqliteDb, filter?: ClaimFilter): Where {
  // An export reads every match: the tag test starts from the tag's links.
  return claimWhere(ctx, db, liveClaimFilter(filter), 'all')
}

/**
 * Claims (alias c) in a scope. `defaultOrder` applies unless the scope carries the grid's sort.
 */
export function claimsInScope(
  ctx: CoreContext,
  db: SqliteDb,
  scope: ExportScope,
  defaultOrder: { fallback: string; tiebreak: string } = CLAIMS_NEWEST
): ScopedQuery {
  const plain = orderBy(undefined, CLAIM_SORT_COLUMNS, defaultOrder.fallback, defaultOrder.tiebreak)
  switch (scope.type) {
    case 'all':
      return { where: claimsWhereSql(ctx, db), order: plain }
    case 'ids':
      return { where: claimsWhereSql(ctx, db, { ids: scope.ids }), order: plain }
    case 'tag':
      requireTag(db, scope.tagId)
      return { where: claimsWhereSql(ctx, db, { tagIds: [scope.tagId] }), order: plain }
    case 'claims':
      return {
        where: claimsWhereSql(ctx, db, scope.filter),
        order: orderBy(scope.sort, CLAIM_SORT_COLUMNS, defaultOrder.fallback, defaultOrder.tiebreak)
      }
    case 'sources': {
      const sources = sourcesWhereSql(ctx, db, scope.filter)
      const where = claimsWhereSql(ctx, db).add(
        `c.id IN (SELECT ci.claim_id FROM citations ci JOIN sources s ON s.id = ci.source_id
          ${sources.sql})`,
        ...sources.params
      )
      return { where, order: plain }
    }
  }
}

/** Sources (alias s) in a scope. */
export function sourcesInScope(ctx: CoreContext, db: SqliteDb, scope: ExportScope): ScopedQuery {
  const { fallback, tiebreak } = SOURCES_NEWEST
  const plain = orderBy(undefined, SOURCE_SORT_COLUMNS, fallback, tiebreak)
  switch (scope.type) {
    case 'all':
      return { where: sourcesWhereSql(ctx, db), order: plain }
    case 'ids':
      return { where: sourcesWhereSql(ctx, db, { ids: scope.ids }), order: plain }
    case 'tag':
      requireTag(db, scope.tagId)
      return { where: sourcesWhereSql(ctx, db, { tagIds: [scope.tagId] }), order: plain }
    case 'sources':
      return {
        where: sourcesWhereSql(ctx, db, scope.filter),
        order: orderBy(scope.sort, SOURCE_SORT_COLUMNS, fallback, tiebreak)
      }
    case 'claims': {
      const claims = claimsWhereSql(ctx, db, scope.filter)
      const where = sourcesWhereSql(ctx, db).add(
        `s.id IN (SELECT ci.source_id FROM citations ci JOIN claims c ON c.id = ci.claim_id
          ${claims.sql})`,
        ...claims.params
      )
      return { where, order: plain }
    }
  }
}

/**
 * Citations (alias ci, joined to its claim c and source s) in a scope: those of the claims in
 * a claims scope, of the sources in a sources scope; both ends must be live.
 */
export function citationsInScope(ctx: CoreContext, db: SqliteDb, scope: ExportScope): ScopedQuery {
  const within = 'ci.start_offset, ci.seq'
  if (scope.type === 'sources') {
    const where = sourcesWhereSql(ctx, db, scope.filter).add('c.deleted_at IS NULL')
    const order = orderBy(
      scope.sort,
      SOURCE_SORT_COLUMNS,
      SOURCES_NEWEST.fallback,
      `${SOURCES_NEWEST.tiebreak}, ${within}`
    )
    return { where, order }
  }
  if (scope.type === 'ids') {
    const where = new Where()
      .add('c.deleted_at IS NULL AND s.deleted_at IS NULL')
      .add(`ci.id IN (SELECT value FROM json_each(?))`, JSON.stringify(scope.ids))
    return { where, order: `ORDER BY c.seq DESC, ${within}` }
  }
  const claims = claimsInScope(ctx, db, scope, {
    fallback: CLAIMS_NEWEST.fallback,
    tiebreak: `${CLAIMS_NEWEST.tiebreak}, s.title COLLATE NOCASE, ${within}`
  })
  claims.where.add('s.deleted_at IS NULL')
  return claims
}

/** Tags (alias t) in a scope: the tags used by the claims or sources of a view. */
export function tagsInScope(ctx: CoreContext, db: SqliteDb, scope: ExportScope): Where {
  const where = new Where()
  switch (scope.type) {
    case 'all':
      return where
    case 'ids':
      return where.add(`t.id IN (SELECT value FROM json_each(?))`, JSON.stringify(scope.ids))
    case 'tag':
      requireTag(db, scope.tagId)
      return where.add(
        `t.id IN (SELECT value FROM json_each(?))`,
        JSON.stringify(ctx.caches.tagWithDescendants(db, [scope.tagId]))
      )
    case 'claims': {
      const claims = claimsWhereSql(ctx, db, scope.filter)
      return where.add(
        `t.seq IN (SELECT ct.tag_seq FROM claim_tags ct JOIN claims c ON c.seq = ct.claim_seq
          ${claims.sql})`,
        ...claims.params
      )
    }
    case 'sources': {
      const sources = sourcesWhereSql(ctx, db, scope.filter)
      return where.add(
        `t.seq IN (SELECT st.tag_seq FROM source_tags st JOIN sources s ON s.seq = st.source_seq
          ${sources.sql})`,
        ...sources.params
      )
    }
  }
}

const quoted = (text: string): string => `“${text}”`

function tagPaths(ctx: CoreContext, db: SqliteDb, tagIds: readonly string[]): string {
  const tags = ctx.caches.tags(db)
  return tagIds.map((tagId) => quoted(tags.get(tagId)?.path ?? 'a removed tag')).join(', ')
}

function describeClaimFilter(ctx: CoreContext, db: SqliteDb, filter: ClaimFilter): string[] {
  const parts: string[] = []
  if (filter.ids) parts.push(`${filter.ids.length.toLocaleString('en')} selected`)
  if (filter.query) parts.push(`matching ${quoted(filter.query)}`)
  if (filter.text) parts.push(`containing ${quoted(filter.text)}`)
  if (filter.status?.length) {
    parts.push(`with status ${filter.status.map((status) => STATUS_LABELS[status]).join(' or ')}`)
  }
  if (filter.credibility?.length) {
    const grades = filter.credibility.map((grade) => (grade === null ? 'ungraded' : String(grade)))
    parts.push(`with credibility ${grades.join(' or ')}`)
  }
  if (filter.tagIds?.length) parts.push(`tagged ${tagPaths(ctx, db, filter.tagIds)}`)
  if (filter.eventDateFrom) parts.push(`from ${filter.eventDateFrom}`)
  if (filter.eventDateTo) parts.push(`to ${filter.eventDateTo}`)
  return parts
}

function describeSourceFilter(ctx: CoreContext, db: SqliteDb, filter: SourceFilter): string[] {
  const parts: string[] = []
  if (filter.ids) parts.push(`${filter.ids.length.toLocaleString('en')} selected sources`)
  if (filter.query) parts.push(`sources matching ${quoted(filter.query)}`)
  if (filter.text) parts.push(`sources containing ${quoted(filter.text)}`)
  if (filter.kind?.length) parts.push(`${filter.kind.join(' or ')} sources`)
  if (filter.reliability?.length) {
    const grades = filter.reliability.map((grade) => grade ?? 'ungraded')
    parts.push(`sources graded ${grades.join(' or ')}`)
  }
  if (filter.tagIds?.length) parts.push(`sources tagged ${tagPaths(ctx, db, filter.tagIds)}`)
  if (filter.language?.length) parts.push(`sources in ${filter.language.join(' or ')}`)
  if (filter.publishedFrom) parts.push(`published from ${filter.publishedFrom}`)
  if (filter.publishedTo) parts.push(`published to ${filter.publishedTo}`)
  return parts.length ? parts : ['any source']
}

/** The scope of a briefing in words, for its cover: "Claims matching “rice” with status …". */
export function describeClaimScope(ctx: CoreContext, db: SqliteDb, scope: ExportScope): string {
  switch (scope.type) {
    case 'all':
      return 'All claims in the project'
    case 'ids':
      return `${scope.ids.length.toLocaleString('en')} selected claim${scope.ids.length === 1 ? '' : 's'}`
    case 'tag':
      return `Claims tagged ${tagPaths(ctx, db, [scope.tagId])}, sub-tags included`
    case 'claims': {
      const parts = describeClaimFilter(ctx, db, scope.filter ?? {})
      return parts.length ? `Claims ${parts.join(', ')}` : 'All claims in the project'
    }
    case 'sources':
      return `Claims citing ${describeSourceFilter(ctx, db, scope.filter ?? {}).join(', ')}`
  }
}
