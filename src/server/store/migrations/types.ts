import type { SqliteDb } from '../sqlite'

export type Migration = {
  version: number
  name: string
  /** Runs inside a transaction with foreign keys off; checked with foreign_key_check after. */
  sql: string
  /** Work SQL cannot do (hashing, parsing), run in the same transaction after `sql`. */
  backfill?: (db: SqliteDb) => void
}
