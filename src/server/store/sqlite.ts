import initSqlJs from 'sql.js'
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js'

export type { SqlValue }
export type Row = Record<string, SqlValue>
/** One statement as executed inside a write transaction: what the journal records. */
export type LoggedStatement = [sql: string, params: SqlValue[]]

let sqlJs: Promise<SqlJsStatic> | null = null

/** sql.js is loaded once per thread; the wasm ships inside the package. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs()
  return sqlJs
}

const SQLITE_HEADER = 'SQLite format 3\u0000'

export function looksLikeSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return false
  for (let i = 0; i < SQLITE_HEADER.length; i++) {
    if (bytes[i] !== SQLITE_HEADER.charCodeAt(i)) return false
  }
  return true
}

/**
 * A thin, typed wrapper over a sql.js database. Prepared statements are cached by their SQL
 * text; `export()` frees them, so the cache is dropped whenever the database is exported.
 * Inside `write()`, every modifying statement is logged so the caller can journal it.
 */
export class SqliteDb {
  private statements = new Map<string, Statement>()
  private log: LoggedStatement[] | null = null

  constructor(
    private db: Database,
    private readonly pragmas: string[]
  ) {
    this.applyPragmas()
  }

  private applyPragmas(): void {
    for (const pragma of this.pragmas) this.db.exec(pragma)
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  all<T = Row>(sql: string, params: SqlValue[] = []): T[] {
    const statement = this.statement(sql)
    try {
      statement.bind(params)
      const rows: T[] = []
      while (statement.step()) rows.push(statement.getAsObject() as T)
      return rows
    } finally {
      statement.reset()
    }
  }

  get<T = Row>(sql: string, params: SqlValue[] = []): T | undefined {
    const statement = this.statement(sql)
    try {
      statement.bind(params)
      return statement.step() ? (statement.getAsObject() as T) : undefined
    } finally {
      statement.reset()
    }
  }

  /** Calls `onRow` with each row's values in column order, without building objects. */
  each(sql: string, params: SqlValue[], onRow: (values: SqlValue[]) => void): void {
    const statement = this.statement(sql)
    try {
      statement.bind(params)
      while (statement.step()) onRow(statement.get())
    } finally {
      statement.reset()
    }
  }

  pluck<T extends SqlValue>(sql: string, params: SqlValue[] = []): T | undefined {
    const statement = this.statement(sql)
    try {
      statement.bind(params)
      return statement.step() ? (statement.get()[0] as T) : undefined
    } finally {
      statement.reset()
    }
  }

  /** Runs a modifying statement; returns the number of rows it changed. */
  run(sql: string, params: SqlValue[] = []): number {
    const statement = this.statement(sql)
    try {
      statement.run(params)
    } finally {
      statement.reset()
    }
    this.log?.push([sql, params])
    return this.db.getRowsModified()
  }

  /** Executes a script of statements (migrations); not logged. */
  exec(sql: string): void {
    this.db.exec(sql)
  }

  /**
   * Runs `body` in a transaction and hands back the statements it executed. When `commit`
   * throws (the journal could not be written), everything is rolled back.
   */
  write<T>(body: () => T, commit: (statements: LoggedStatement[]) => void): T {
    if (this.log) throw new Error('Nested write transactions are not supported')
    this.log = []
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const result = body()
      const statements = this.log
      this.log = null
      if (statements.length > 0) commit(statements)
      this.db.exec('COMMIT')
      return result
    } catch (error) {
      this.log = null
      this.rollback()
      throw error
    }
  }

  /** Replays journaled statements in one transaction. */
  replay(statements: LoggedStatement[]): void {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      for (const [sql, params] of statements) this.run(sql, params)
      this.db.exec('COMMIT')
    } catch (error) {
      this.rollback()
      throw error
    }
  }

  /** A plain transaction for migrations and maintenance; not logged. */
  transaction<T>(body: () => T): T {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const result = body()
      this.db.exec('COMMIT')
      return result
    } catch (error) {
      this.rollback()
      throw error
    }
  }

  private rollback(): void {
    // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); only then is
    // there no transaction left to end.
    try {
      this.db.exec('ROLLBACK')
    } catch (error) {
      if (!/no transaction is active/i.test(String(error))) throw error
    }
  }

  /** Serialises the whole database. sql.js reopens it, so statements and pragmas reset. */
  export(): Uint8Array {
    this.freeStatements()
    const bytes = this.db.export()
    this.applyPragmas()
    return bytes
  }

  private freeStatements(): void {
    for (const statement of this.statements.values()) statement.free()
    this.statements.clear()
  }

  close(): void {
    this.freeStatements()
    this.db.close()
  }
}
