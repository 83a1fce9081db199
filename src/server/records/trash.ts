import { AttestError } from '../../shared/result'
import { refreshFlagsCiting } from '../facts/flag'
import type { SqliteDb } from '../store/sqlite'
import { mutate, type CoreContext } from './context'
import type { Operation } from './history'

type Kind = 'claim' | 'source'
const TABLE: Record<Kind, string> = { claim: 'claims', source: 'sources' }
const plural = (kind: Kind, count: number): string =>
  count === 1 ? `a ${kind}` : `${count} ${kind}s`

/** Moves records to the Trash (a recorded, undoable change of deleted_at). */
export function trash(ctx: CoreContext, kind: Kind, ids: string[]): { deleted: number } {
  const deleted = mutate(ctx, `Delete ${plural(kind, ids.length)}`, (op) => {
    const count = op.setField(kind, ids, 'deletedAt', op.at, 'deleted_at IS NULL')
    if (kind === 'source') refreshFlagsCiting(op, ctx.store.db, ids)
    return count
  })
  return { deleted: deleted ?? 0 }
}

export function restore(ctx: CoreContext, kind: Kind, ids: string[]): { changed: number } {
  const changed = mutate(ctx, `Restore ${plural(kind, ids.length)}`, (op) => {
    const count = op.setField(kind, ids, 'deletedAt', null)
    if (kind === 'source') refreshFlagsCiting(op, ctx.store.db, ids)
    return count
  })
  return { changed: changed ?? 0 }
}

function trashedOnly(db: SqliteDb, kind: Kind, ids: string[]): string[] {
  return db
    .all<{ id: string }>(
      `SELECT id FROM ${TABLE[kind]} WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NOT NULL`,
      [JSON.stringify(ids)]
    )
    .map((row) => row.id)
}

/** Removes what hangs off a record (tags, notes, citations, relations), each recorded for undo. */
function detach(op: Operation, db: SqliteDb, kind: Kind, ids: string[]): void {
  const json = JSON.stringify(ids)
  const linkKind = kind === 'claim' ? 'claimTag' : 'sourceTag'
  const linkTable = kind === 'claim' ? 'claim_tags' : 'source_tags'
  const ownerColumn = kind === 'claim' ? 'claim_seq' : 'source_seq'
  const tagIds = db.all<{ id: string }>(
    `SELECT DISTINCT t.id FROM ${linkTable} l JOIN tags t ON t.seq = l.tag_seq
     WHERE l.${ownerColumn} IN (SELECT seq FROM ${TABLE[kind]} WHERE id IN (SELECT value FROM json_each(?)))`,
    [json]
  )
  for (const tag of tagIds) op.setLinks(linkKind, ids, tag.id, false)
  for (const note of db.all<{ id: string }>(
    `SELECT id FROM notes WHERE target_id IN (SELECT value FROM json_each(?))`,
    [json]
  )) {
    op.remove('note', note.id)
  }
  const citationColumn = kind === 'claim' ? 'claim_id' : 'source_id'
  for (const citation of db.all<{ id: string }>(
    `SELECT id FROM citations WHERE ${citationColumn} IN (SELECT value FROM json_each(?))`,
    [json]
  )) {
    op.remove('citation', citation.id)
  }
  if (kind === 'claim') {
    for (const relation of db.all<{ id: string }>(
      `SELECT id FROM relations WHERE from_claim_id IN (SELECT value FROM json_each(?1))
       OR to_claim_id IN (SELECT value FROM json_each(?1))`,
      [json]
    )) {
      op.remove('relation', relation.id)
    }
  }
}

/** Deletes trashed records for good. Still undoable: the history keeps their snapshots. */
export function purge(ctx: CoreContext, kind: Kind, ids: string[]): { deleted: number } {
  const db = ctx.store.db
  const targets = trashedOnly(db, kind, ids)
  if (targets.length < ids.length) {
    throw new AttestError('invalid_input', `Only ${kind}s in the Trash can be deleted for good.`)
  }
  mutate(ctx, `Delete ${plural(kind, targets.length)} for good`, (op) => {
    detach(op, db, kind, targets)
    for (const id of targets) op.remove(kind, id)
  })
  return { deleted: targets.length }
}

/** Sets the same fields on many claims or sources: one operation, one undo step. */
export function bulkUpdate(
  ctx: CoreContext,
  kind: Kind,
  ids: string[],
  changes: Record<string, string | number | null | undefined>
): { changed: number } {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined)
  const label = `Set ${entries.map(([field]) => field).join(' and ')} of ${plural(kind, ids.length)}`
  const changed = mutate(ctx, label, (op) => {
    let total = 0
    for (const [field, value] of entries) {
      total += op.setField(kind, ids, field, value ?? null, 'deleted_at IS NULL')
    }
    return total
  })
  return { changed: changed ?? 0 }
}
