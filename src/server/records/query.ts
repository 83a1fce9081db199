import type { SqlValue } from '../store/sqlite'

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
