export type Migration = {
  version: number
  name: string
  /** Runs inside a transaction with foreign keys off; checked with foreign_key_check after. */
  sql: string
}
