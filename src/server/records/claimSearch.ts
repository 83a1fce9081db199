import { SEARCH_PART_BITS } from '../store/migrations/005_search_parts'
import type { SqliteDb } from '../store/sqlite'
import type { CoreContext } from './context'
import type { Where } from './query'

/*
 * Quick search in the grid's default order (newest first) without reading the whole index.
 *
 * The claims' full-text index is kept in parts of 65,536 consecutive claims (migration 5).
 * A search walks the parts from the newest down and stops as soon as the page asked for is
 * full, so the first page costs one or two parts, whatever the size of the project. Where
 * the walk stopped is remembered until the next write, so scrolling on continues from there
 * and the exact count (`claims.count`) finishes the same walk rather than starting over.
 */

const PART_SIZE = 1 << SEARCH_PART_BITS
/** Hits kept per part read, at least: the next page then starts at the next part. */
export const PART_HITS = 4_000

/** How far one search has got: the matches found so far, newest first, and where to go on. */
export type SearchWalk = {
  seqs: number[]
  /** Every seq at or above this has been looked at. */
  below: number
  done: boolean
  /** Seqs of claims whose notes match: few, found once, merged in part by part. */
  noteSeqs: number[]
  /** Once done: the hits in other orders (ORDER BY → seqs), for sorted pages. */
  sorted: Map<string, number[]>
}

/** The part a claim seq is indexed in. */
function searchPartOf(seq: number): number {
  return Math.floor(seq / PART_SIZE)
}

function newestSeq(db: SqliteDb): number {
  return Number(db.pluck(`SELECT max(seq) FROM claims`) ?? 0)
}

/**
 * The FTS query that finds claim seqs in all parts, for orders other than newest first.
 * Every MATCH on claims_fts must name its parts: without `search_part`, FTS4 reads part 0
 * only, which no project under 65,536 claims would notice.
 */
export function allPartsMatch(db: SqliteDb): { sql: string; parts: string } {
  const parts = Array.from({ length: searchPartOf(newestSeq(db)) + 1 }, (_, part) => part)
  return {
    sql: `SELECT docid FROM claims_fts WHERE claims_fts MATCH ?
      AND search_part IN (SELECT value FROM json_each(?))`,
    parts: JSON.stringify(parts)
  }
}

function startWalk(db: SqliteDb, match: string, rest: Where): SearchWalk {
  const noteSeqs = db
    .all<{ seq: number }>(
      `SELECT c.seq FROM claims c ${rest.sql} AND c.id IN (SELECT n.target_id FROM notes n
         WHERE n.target_kind = 'claim'
           AND n.seq IN (SELECT docid FROM notes_fts WHERE notes_fts MATCH ?))
       ORDER BY c.seq DESC`,
      [...rest.params, match]
    )
    .map((row) => row.seq)
  const newest = newestSeq(db)
  return { seqs: [], below: newest + 1, done: newest === 0, noteSeqs, sorted: new Map() }
}

/**
 * Walks on until `need` matches are known or every part has been read. `rest` is the grid's
 * other filters (alias c); `match` the FTS query.
 */
export function walkSearch(
  ctx: CoreContext,
  db: SqliteDb,
  key: string,
  match: string,
  rest: Where,
  need: number
): SearchWalk {
  let walk = ctx.caches.search(key)
  if (!walk) {
    walk = startWalk(db, match, rest)
    ctx.caches.rememberSearch(key, walk)
  }
  while (!walk.done && walk.seqs.length < need) {
    const top = walk.below - 1
    const part = searchPartOf(top)
    const floor = part * PART_SIZE
    // The part's index is read whole either way; taking up to a few thousand of its hits
    // (not just the page's) lets the next page start at the next part.
    const wanted = Math.max(need - walk.seqs.length, PART_HITS)
    const found = db
      .all<{ seq: number }>(
        `SELECT c.seq FROM claims c ${rest.sql} AND c.seq >= ? AND c.seq <= ?
           AND c.seq IN (SELECT docid FROM claims_fts WHERE claims_fts MATCH ? AND search_part = ?)
         ORDER BY c.seq DESC LIMIT ?`,
        [...rest.params, floor, top, match, part, Number.isFinite(wanted) ? wanted : -1]
      )
      .map((row) => row.seq)
    // Stopped inside the part: the walk resumes below the last match. Otherwise the part is read.
    const bottom = found.length === wanted ? (found[found.length - 1] as number) : floor
    const notes = walk.noteSeqs.filter((seq) => seq >= bottom && seq <= top)
    const merged = notes.length ? [...new Set([...found, ...notes])].sort((a, b) => b - a) : found
    walk.seqs.push(...merged)
    walk.below = bottom
    walk.done = bottom <= 0
  }
  return walk
}
