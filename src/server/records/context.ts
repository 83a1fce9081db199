import { AttestError } from '../../shared/result'
import type { TagRef } from '../../shared/types'
import type { ProjectStore } from '../store/projectStore'
import type { SqliteDb } from '../store/sqlite'
import type { SearchWalk } from './claimSearch'
import { Operation } from './history'
import { Cursors } from './keyset'

/** What every handler gets: the open project and who is making the change. */
export type CoreContext = {
  store: ProjectStore
  deviceId: string
  caches: Caches
}

type TagRow = { id: string; parentId: string | null; name: string; colour: string | null }

/**
 * Small derived data kept for speed. Invalidated on every write (see `mutate`), so it can
 * never be staler than the last acknowledged change.
 */
export class Caches {
  private tagMap: Map<string, TagRef & { parentId: string | null }> | null = null
  readonly totals = new Map<string, number>()
  /** Quick searches under way, by filter: the last few, so that going back to one is free. */
  private readonly searches = new Map<string, SearchWalk>()
  /** Where the grids' blocks ended, so that the next block starts there (keyset paging). */
  readonly cursors = new Cursors()

  invalidate(): void {
    this.tagMap = null
    this.totals.clear()
    this.searches.clear()
    this.cursors.clear()
  }

  /** A search under way, moved to the back of the queue: the last 8 used are kept. */
  search(key: string): SearchWalk | undefined {
    const walk = this.searches.get(key)
    if (walk) {
      this.searches.delete(key)
      this.searches.set(key, walk)
    }
    return walk
  }

  rememberSearch(key: string, walk: SearchWalk): void {
    this.searches.set(key, walk)
    for (const oldest of this.searches.keys()) {
      if (this.searches.size <= 8) break
      this.searches.delete(oldest)
    }
  }

  tags(db: SqliteDb): Map<string, TagRef & { parentId: string | null }> {
    if (this.tagMap) return this.tagMap
    const hasTags = db.pluck(`SELECT 1 FROM sqlite_master WHERE name = 'tags'`)
    const rows = hasTags
      ? db.all<TagRow>(
          `SELECT id, parent_id AS parentId, name, colour FROM tags ORDER BY name COLLATE NOCASE`
        )
      : []
    const byId = new Map(rows.map((row) => [row.id, row]))
    const pathOf = (row: TagRow): string => {
      const names: string[] = []
      const seen = new Set<string>()
      let current: TagRow | undefined = row
      while (current && !seen.has(current.id)) {
        seen.add(current.id)
        names.unshift(current.name)
        current = current.parentId ? byId.get(current.parentId) : undefined
      }
      return names.join(' / ')
    }
    this.tagMap = new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          name: row.name,
          colour: row.colour,
          parentId: row.parentId,
          path: pathOf(row)
        }
      ])
    )
    return this.tagMap
  }

  /** A tag and all tags below it in the codebook. */
  tagWithDescendants(db: SqliteDb, tagIds: string[]): string[] {
    const tags = this.tags(db)
    const result = new Set<string>()
    const visit = (id: string): void => {
      if (result.has(id)) return
      result.add(id)
      for (const tag of tags.values()) if (tag.parentId === id) visit(tag.id)
    }
    for (const id of tagIds) visit(id)
    return [...result]
  }
}

const NO_CHANGE = Symbol('no change')

/**
 * Runs one user action as a journaled transaction with its history. An action that changes
 * nothing leaves no trace (no journal entry, nothing to undo).
 */
export function mutate<T>(
  ctx: CoreContext,
  label: string,
  body: (op: Operation) => T,
  as: { kind: 'edit' | 'undo' | 'redo'; targetSeq: number | null } = {
    kind: 'edit',
    targetSeq: null
  }
): T {
  let result: T | undefined
  try {
    return ctx.store.write((db) => {
      const op = Operation.begin(db, label, ctx.deviceId, as.kind, as.targetSeq)
      result = body(op)
      if (op.changes === 0) throw NO_CHANGE
      ctx.caches.invalidate()
      return result
    })
  } catch (error) {
    if (error === NO_CHANGE) return result as T
    ctx.caches.invalidate()
    throw error
  }
}

export function requireFound<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new AttestError('not_found', `${what} does not exist.`)
  return value
}
