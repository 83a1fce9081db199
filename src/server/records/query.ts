import { AttestError } from '../../shared/result'
import { MAX_BULK_IDS } from '../../shared/schemas'
import type { SqliteDb, SqlValue } from '../store/sqlite'

/** Builds a WHERE clause from parts; every value goes in as a parameter. */
export class Where {
  readonly parts: string[] = []
  readonly params: SqlValue[] = []

  add(sql: string, ...params: SqlValue[]): this {
    this.parts.push(sql)
    this.params.push(...params)
    return this
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : ''
  }
}

/**
 * Turns what a user types into a safe FTS4 query: words only, each a prefix match, all
 * required. Operators and quotes typed by the user are treated as text.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 16)
    .map((word) => `${word.toLowerCase()}*`)
  return words.length ? words.join(' ') : null
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/** A list of values with NULL allowed, as SQL: (col IN (…) OR col IS NULL). */
export function inListWithNull(
  where: Where,
  column: string,
  values: ReadonlyArray<string | number | null>
): void {
  const present = values.filter((value) => value !== null)
  const parts: string[] = []
  if (present.length) {
    parts.push(`${column} IN (SELECT value FROM json_each(?))`)
    where.params.push(JSON.stringify(present))
  }
  if (values.includes(null)) parts.push(`${column} IS NULL`)
  where.parts.push(parts.length ? `(${parts.join(' OR ')})` : '0')
}

/**
 * The ids of every record `where` (alias `alias` on `table`) matches, newest first, for a
 * bulk action on "all matching"; refused when there are more than one bulk action takes.
 */
export function matchingIds(
  db: SqliteDb,
  table: 'claims' | 'sources',
  alias: 'c' | 's',
  where: Where,
  noun: string
): string[] {
  const ids = db
    .all<{ id: string }>(
      `SELECT ${alias}.id FROM ${table} ${alias} ${where.sql} ORDER BY ${alias}.seq DESC LIMIT ?`,
      [...where.params, MAX_BULK_IDS + 1]
    )
    .map((row) => row.id)
  if (ids.length > MAX_BULK_IDS) {
    throw new AttestError(
      'invalid_input',
      `More than ${MAX_BULK_IDS.toLocaleString('en')} ${noun} match; a bulk action takes at most ${MAX_BULK_IDS.toLocaleString('en')} at a time. Narrow the filter or search first.`
    )
  }
  return ids
}
