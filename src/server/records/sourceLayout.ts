/** A source's stored page layout (sources from paged documents such as PDF). */
import type { SourceLayout } from '../../shared/pages'
import type { SqliteDb } from '../store/sqlite'

export function parseLayout(json: string | null): SourceLayout | null {
  return json === null ? null : (JSON.parse(json) as SourceLayout)
}

/** The stored page layout of a source (null unless it came from a paged document). */
export function sourceLayoutOf(db: SqliteDb, id: string): SourceLayout | null {
  return parseLayout(
    db.pluck<string | null>(`SELECT layout FROM sources WHERE id = ?`, [id]) ?? null
  )
}
