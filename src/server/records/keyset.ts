import type { SqlValue } from '../store/sqlite'

/*
 * Keyset paging for grids that scroll far. AG Grid asks for rows by offset; an OFFSET makes
 * SQLite walk every row before it, so row 10,000 of a sorted, filtered list costs fifty
 * pages' work. When the previous block has been served, the row it ended on is known, and
 * the next block starts right after it in the index instead.
 *
 * The grids' order is one sort key (or none) plus the seq, in the same direction. SQLite
 * puts NULLs first ascending and last descending; the rows after a cursor are then the
 * following segments, each answerable from the sort key's index in order.
 */

/** One sort key: a column expression (alias included) and its direction. */
export type SortKey = { expr: string; desc: boolean }

/** The last row served: its sort key's value and its seq. */
export type Cursor = { value: SqlValue; seq: number }

export type Segment = { sql: string; params: SqlValue[]; order: string }

/** The rows after `cursor` in the order `key, seq` (both one way), as index-friendly parts. */
export function segmentsAfter(key: SortKey | null, seq: string, cursor: Cursor): Segment[] {
  if (!key) return [{ sql: `${seq} < ?`, params: [cursor.seq], order: `${seq} DESC` }]
  const { expr, desc } = key
  const dir = desc ? 'DESC' : 'ASC'
  const after = desc ? '<' : '>'
  const sameValueTail: Segment =
    cursor.value === null
      ? {
          sql: `${expr} IS NULL AND ${seq} ${after} ?`,
          params: [cursor.seq],
          order: `${seq} ${dir}`
        }
      : {
          sql: `${expr} = ? AND ${seq} ${after} ?`,
          params: [cursor.value, cursor.seq],
          order: `${seq} ${dir}`
        }
  const byKey = `${expr} ${dir}, ${seq} ${dir}`
  if (!desc) {
    return cursor.value === null
      ? [sameValueTail, { sql: `${expr} IS NOT NULL`, params: [], order: byKey }]
      : [sameValueTail, { sql: `${expr} > ?`, params: [cursor.value], order: byKey }]
  }
  return cursor.value === null
    ? [sameValueTail]
    : [
        sameValueTail,
        { sql: `${expr} < ?`, params: [cursor.value], order: byKey },
        { sql: `${expr} IS NULL`, params: [], order: `${seq} DESC` }
      ]
}

/** Where each list's blocks ended, until the next write. */
export class Cursors {
  private readonly ends = new Map<string, Cursor>()

  get(list: string, offset: number): Cursor | undefined {
    return this.ends.get(`${offset}@${list}`)
  }

  set(list: string, offset: number, cursor: Cursor): void {
    // Scrolling a long list leaves one entry per block; a bound keeps memory flat.
    if (this.ends.size >= 10_000) this.ends.clear()
    this.ends.set(`${offset}@${list}`, cursor)
  }

  clear(): void {
    this.ends.clear()
  }
}
