import type { HistoryEntry, HistoryState, UndoResult } from '../../shared/types'
import type { SqliteDb } from '../store/sqlite'
import { mutate, type CoreContext } from './context'

type Target = { seq: number; label: string }

const nextUndo = (db: SqliteDb): Target | undefined =>
  db.get<Target>(
    `SELECT seq, label FROM operations WHERE kind = 'edit' AND undone = 0 ORDER BY seq DESC LIMIT 1`
  )
const nextRedo = (db: SqliteDb): Target | undefined =>
  db.get<Target>(
    `SELECT seq, label FROM operations WHERE kind = 'edit' AND undone = 1 AND redoable = 1
     ORDER BY undo_seq DESC LIMIT 1`
  )

export function historyState(ctx: CoreContext): HistoryState {
  return ctx.store.read((db) => {
    const undo = nextUndo(db)
    const redo = nextRedo(db)
    return {
      canUndo: !!undo,
      undoLabel: undo?.label ?? null,
      canRedo: !!redo,
      redoLabel: redo?.label ?? null
    }
  })
}

function affectedRecords(db: SqliteDb, seq: number): string[] {
  return db
    .all<{ id: string }>(
      `SELECT DISTINCT CASE WHEN instr(record_id, '/') > 0
         THEN substr(record_id, 1, instr(record_id, '/') - 1) ELSE record_id END AS id
       FROM changes WHERE operation_seq = ? LIMIT 1000`,
      [seq]
    )
    .map((row) => row.id)
}

/**
 * Undoes the latest edit not yet undone. The undo is itself an operation with its own
 * field-level changes, so the history (and a later merge) sees exactly what happened.
 */
export function undo(ctx: CoreContext): UndoResult {
  const target = nextUndo(ctx.store.db)
  if (!target) return { ...historyState(ctx), done: null, affected: [] }
  mutate(
    ctx,
    `Undo ${target.label}`,
    (op) => {
      op.replayOperation(target.seq, 'undo')
      ctx.store.db.run(
        `UPDATE operations SET undone = 1, redoable = 1, undo_seq = ? WHERE seq = ?`,
        [op.seq, target.seq]
      )
      return op.changes
    },
    { kind: 'undo', targetSeq: target.seq }
  )
  return {
    ...historyState(ctx),
    done: target.label,
    affected: affectedRecords(ctx.store.db, target.seq)
  }
}

export function redo(ctx: CoreContext): UndoResult {
  const target = nextRedo(ctx.store.db)
  if (!target) return { ...historyState(ctx), done: null, affected: [] }
  mutate(
    ctx,
    `Redo ${target.label}`,
    (op) => {
      op.replayOperation(target.seq, 'redo')
      ctx.store.db.run(`UPDATE operations SET undone = 0, redoable = 0 WHERE seq = ?`, [target.seq])
      return op.changes
    },
    { kind: 'redo', targetSeq: target.seq }
  )
  return {
    ...historyState(ctx),
    done: target.label,
    affected: affectedRecords(ctx.store.db, target.seq)
  }
}

type ChangeRow = {
  seq: number
  operation: string
  kind: 'edit' | 'undo' | 'redo'
  recordKind: string
  recordId: string
  field: string
  oldValue: string | null
  newValue: string | null
  at: string
  deviceId: string
}

/**
 * The changes to one record (its fields, tags, notes, relations and citations, deleted ones
 * included through `change_subjects`), newest first.
 */
export function recordHistory(ctx: CoreContext, recordId: string, limit: number): HistoryEntry[] {
  return ctx.store.read((db) => {
    const entries = db
      .all<ChangeRow>(
        `SELECT c.seq, o.label AS operation, o.kind, c.record_kind AS recordKind,
           c.record_id AS recordId, c.field, c.old_value AS oldValue, c.new_value AS newValue,
           c.at, c.device_id AS deviceId
         FROM changes c JOIN operations o ON o.seq = c.operation_seq
         WHERE c.record_id = ?1 OR c.record_id >= ?1 || '/' AND c.record_id < ?1 || '0'
           OR c.record_id IN (SELECT record_id FROM change_subjects WHERE subject_id = ?1)
           OR c.record_id IN (SELECT id FROM notes WHERE target_id = ?1)
           OR c.record_id IN (SELECT id FROM relations WHERE from_claim_id = ?1 OR to_claim_id = ?1)
           OR c.record_id IN (SELECT id FROM citations WHERE claim_id = ?1 OR source_id = ?1)
         ORDER BY c.seq DESC LIMIT ?2`,
        [recordId, limit]
      )
      .map((row) => ({
        ...row,
        oldValue: row.oldValue === null ? null : (JSON.parse(row.oldValue) as unknown),
        newValue: row.newValue === null ? null : (JSON.parse(row.newValue) as unknown)
      }))
    return withOtherClaims(db, recordId, entries)
  })
}

/** A relation's history line names the claim at its other end ("corroborates → “…”"). */
function withOtherClaims(db: SqliteDb, recordId: string, entries: HistoryEntry[]): HistoryEntry[] {
  const otherOf = (entry: HistoryEntry): string | null => {
    if (entry.recordKind !== 'relation') return null
    const snapshot = entry.newValue ?? entry.oldValue
    if (typeof snapshot !== 'object' || snapshot === null) return null
    const { fromClaimId, toClaimId } = snapshot as Record<string, unknown>
    const other = fromClaimId === recordId ? toClaimId : fromClaimId
    return typeof other === 'string' ? other : null
  }
  const ids = [...new Set(entries.map(otherOf).filter((id): id is string => id !== null))]
  if (!ids.length) return entries
  const texts = new Map(
    db
      .all<{ id: string; text: string }>(
        `SELECT id, text FROM claims WHERE id IN (SELECT value FROM json_each(?))`,
        [JSON.stringify(ids)]
      )
      .map((row) => [row.id, row.text])
  )
  return entries.map((entry) => {
    const text = texts.get(otherOf(entry) ?? '')
    return text === undefined ? entry : { ...entry, otherClaimText: text }
  })
}
