import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { AttestError } from '../../shared/result'
import type { SalvageResult } from '../../shared/types'
import { writeFileAtomic } from './files'
import { SqliteDb, loadSqlJs, type SqlValue } from './sqlite'

/** Keys of `meta` that belong to one file, not to its content. */
const FILE_KEYS = new Set(['project_id', 'journal_seq', 'checkpoint_gen'])

/** `<name> (recovered).attest`, or `(recovered 2)`… so that nothing is ever overwritten. */
function recoveredPath(file: string): string {
  const dir = path.dirname(file)
  const base = path.basename(file).replace(/\.attest$/i, '')
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base} (recovered${n > 1 ? ` ${n}` : ''}).attest`)
    if (!fs.existsSync(candidate)) return candidate
  }
}

type Table = { name: string; columns: string[]; withoutRowid: boolean }

/**
 * Copies every row that can still be read from a damaged project into a new project file
 * beside it, which is left alone. A table is read forwards until the damage, then backwards
 * from its end, so rows on both sides of a bad page are kept. Rows that point at a record
 * that was lost are dropped (and counted), and the search indexes and citation counts are
 * rebuilt from what was copied.
 */
export async function salvageProject(
  damaged: SqliteDb,
  file: string,
  pragmas: string[],
  migrate: (db: SqliteDb) => void
): Promise<SalvageResult> {
  const SQL = await loadSqlJs()
  const target = recoveredPath(file)
  const fresh = new SqliteDb(new SQL.Database(), pragmas)
  try {
    fresh.exec('PRAGMA application_id = 0x41545354')
    migrate(fresh)
    const triggers = fresh.all<{ sql: string }>(
      `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL`
    )
    for (const { name } of fresh.all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'trigger'`
    )) {
      fresh.exec(`DROP TRIGGER "${name}"`)
    }
    const virtual = fresh
      .all<{ name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'`
      )
      .map((row) => row.name)
    const tables: Table[] = fresh
      .all<{ name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rowid`
      )
      .filter((table) => !virtual.some((name) => table.name.startsWith(`${name}_`)))
      .map((table) => ({
        name: table.name,
        withoutRowid: /WITHOUT ROWID\s*;?\s*$/i.test(table.sql),
        columns: fresh
          .all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [table.name])
          .map((column) => column.name)
      }))

    const copied: Record<string, number> = {}
    const unreadable: string[] = []
    fresh.exec('PRAGMA foreign_keys = OFF')
    fresh.exec('BEGIN')
    for (const table of tables) {
      let oldColumns: string[]
      try {
        oldColumns = damaged
          .all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [table.name])
          .map((column) => column.name)
      } catch {
        unreadable.push(table.name)
        continue
      }
      const columns = table.columns.filter((column) => oldColumns.includes(column))
      if (columns.length === 0) continue
      const list = columns.map((column) => `"${column}"`).join(', ')
      const insert = `INSERT OR IGNORE INTO "${table.name}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`
      let count = 0
      const copy = (values: SqlValue[]): void => {
        if (table.name === 'meta' && FILE_KEYS.has(String(values[columns.indexOf('key')]))) return
        count += fresh.run(insert, values)
      }
      const orders = table.withoutRowid ? [''] : [' ORDER BY rowid', ' ORDER BY rowid DESC']
      let damagedTable = false
      for (const order of orders) {
        try {
          damaged.each(`SELECT ${list} FROM "${table.name}"${order}`, [], copy)
          break
        } catch {
          damagedTable = true
        }
      }
      if (damagedTable) unreadable.push(table.name)
      copied[table.name] = count
    }
    fresh.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ('project_id', ?)`, [randomUUID()])
    fresh.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ('checkpoint_gen', '0')`)
    fresh.exec('COMMIT')

    const brokenLinksRemoved = removeBrokenLinks(fresh)
    for (const { sql } of triggers) fresh.exec(sql)
    for (const name of virtual) fresh.exec(`INSERT INTO "${name}" ("${name}") VALUES ('rebuild')`)
    if (
      tables.some((table) => table.name === 'claims') &&
      tables.some((t) => t.name === 'citations')
    ) {
      fresh.exec(
        `UPDATE claims SET citation_count = (SELECT count(*) FROM citations ci WHERE ci.claim_id = claims.id)`
      )
    }
    fresh.exec('PRAGMA foreign_keys = ON')
    try {
      writeFileAtomic(target, fresh.export())
    } catch (error) {
      throw new AttestError(
        'io',
        `The readable records could not be saved to ${path.basename(target)} (${(error as Error).message}). ${path.basename(file)} was not changed.`
      )
    }
    return { path: target, copied, unreadable, brokenLinksRemoved }
  } finally {
    fresh.close()
  }
}

/** Deletes rows whose foreign keys point at rows that were not recovered; returns how many. */
function removeBrokenLinks(db: SqliteDb): number {
  let removed = 0
  for (let pass = 0; pass < 10; pass++) {
    let thisPass = 0
    const tables = db
      .all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
      .map((row) => row.name)
    for (const table of tables) {
      const keys = db.all<{ from: string; table: string; to: string | null }>(
        `SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)`,
        [table]
      )
      for (const key of keys) {
        const to = key.to ?? 'rowid'
        thisPass += db.run(
          `DELETE FROM "${table}" WHERE "${key.from}" IS NOT NULL AND "${key.from}" NOT IN (SELECT "${to}" FROM "${key.table}")`
        )
      }
    }
    removed += thisPass
    if (thisPass === 0) break
  }
  return removed
}
