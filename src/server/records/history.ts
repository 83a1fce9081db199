import { randomUUID } from 'node:crypto'
import { AttestError } from '../../shared/result'
import type { SqliteDb, SqlValue } from '../store/sqlite'
import {
  ENTITIES,
  LINKS,
  isEntityKind,
  isLinkKind,
  type EntityKind,
  type LinkKind,
  type RecordKind
} from './kinds'

export type FieldValues = Record<string, SqlValue>

const json = (value: SqlValue | undefined): string => JSON.stringify(value ?? null)

/**
 * One user action. Every write goes through an Operation, which records each field it
 * changes (old → new) in `changes`, so that it can be undone, redone and merged later.
 */
export class Operation {
  private changeCount = 0

  private constructor(
    private readonly db: SqliteDb,
    readonly seq: number,
    readonly at: string,
    readonly deviceId: string
  ) {}

  /** Starts an edit: anything undone before it can no longer be redone. */
  static begin(
    db: SqliteDb,
    label: string,
    deviceId: string,
    kind: 'edit' | 'undo' | 'redo' = 'edit',
    targetSeq: number | null = null
  ): Operation {
    const at = new Date().toISOString()
    if (kind === 'edit') db.run(`UPDATE operations SET redoable = 0 WHERE redoable = 1`)
    db.run(
      `INSERT INTO operations (id, kind, label, target_seq, at, device_id) VALUES (?, ?, ?, ?, ?, ?)`,
      [randomUUID(), kind, label, targetSeq, at, deviceId]
    )
    const seq = db.pluck<number>(`SELECT last_insert_rowid()`) as number
    return new Operation(db, seq, at, deviceId)
  }

  /**
   * Goes on with an operation begun in an earlier transaction: a long import is saved in
   * several transactions (each one journal entry) but stays one step to undo.
   */
  static resume(db: SqliteDb, seq: number, at: string, deviceId: string): Operation {
    return new Operation(db, seq, at, deviceId)
  }

  get changes(): number {
    return this.changeCount
  }

  private record(
    kind: RecordKind,
    recordId: string,
    field: string,
    oldValue: string | null,
    newValue: string | null
  ): void {
    this.db.run(
      `INSERT INTO changes (operation_seq, record_kind, record_id, field, old_value, new_value, at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [this.seq, kind, recordId, field, oldValue, newValue, this.at, this.deviceId]
    )
    this.changeCount += 1
  }

  /** Inserts a record; `values` are field names from ENTITIES (plus `id`). */
  create(kind: EntityKind, id: string, values: FieldValues): void {
    const definition = ENTITIES[kind]
    const snapshot: FieldValues = {}
    const columns = ['id']
    const params: SqlValue[] = [id]
    for (const [field, column] of Object.entries(definition.columns)) {
      if (!(field in values)) continue
      columns.push(column)
      params.push(values[field] ?? null)
      snapshot[field] = values[field] ?? null
    }
    const created = typeof values.createdAt === 'string' ? values.createdAt : this.at
    if (definition.timestamps !== 'none') {
      columns.push('created_at')
      params.push(created)
      snapshot.createdAt = created
    }
    if (definition.timestamps === 'both') {
      columns.push('updated_at')
      params.push(this.at)
    }
    this.db.run(
      `INSERT INTO ${definition.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      params
    )
    this.record(kind, id, '*', null, JSON.stringify(snapshot))
  }

  /** Reads the tracked fields of a record, or undefined when it does not exist. */
  snapshot(kind: EntityKind, id: string): FieldValues | undefined {
    const definition = ENTITIES[kind]
    const select = Object.entries(definition.columns).map(
      ([field, column]) => `${column} AS "${field}"`
    )
    if (definition.timestamps !== 'none') select.push('created_at AS "createdAt"')
    return this.db.get<FieldValues>(
      `SELECT ${select.join(', ')} FROM ${definition.table} WHERE id = ?`,
      [id]
    )
  }

  /** Sets fields of one record; records only the fields whose value really changes. */
  update(kind: EntityKind, id: string, values: FieldValues): number {
    const definition = ENTITIES[kind]
    const current = this.snapshot(kind, id)
    if (!current) throw new AttestError('not_found', `That ${kind} no longer exists.`)
    const sets: string[] = []
    const params: SqlValue[] = []
    for (const [field, value] of Object.entries(values)) {
      const column = definition.columns[field]
      if (!column) throw new Error(`${kind}.${field} is not a tracked field`)
      if (current[field] === value) continue
      sets.push(`${column} = ?`)
      params.push(value)
      this.record(kind, id, field, json(current[field]), json(value))
    }
    if (sets.length === 0) return 0
    if (definition.timestamps === 'both') {
      sets.push('updated_at = ?')
      params.push(this.at)
    }
    this.db.run(`UPDATE ${definition.table} SET ${sets.join(', ')} WHERE id = ?`, [...params, id])
    return sets.length
  }

  /** Deletes a record for good, keeping its snapshot in the history for undo. */
  remove(kind: EntityKind, id: string): void {
    const current = this.snapshot(kind, id)
    if (!current) return
    this.record(kind, id, '*', JSON.stringify(current), null)
    this.db.run(`DELETE FROM ${ENTITIES[kind].table} WHERE id = ?`, [id])
  }

  /** Tags (or untags) many owners at once, set-based; returns how many links changed. */
  setLinks(kind: LinkKind, ownerIds: string[], tagId: string, linked: boolean): number {
    const link = LINKS[kind]
    // In id order, the lookups and the history rows walk their indexes in order: far fewer
    // pages to read on a large project than ids in the order they were selected.
    const ids = JSON.stringify([...ownerIds].sort())
    const exists = `EXISTS (SELECT 1 FROM ${link.table} l WHERE l.${link.ownerColumn} = o.seq AND l.tag_seq = t.seq)`
    // Driven from the id list (CROSS JOIN fixes the order), so 10k ids are 10k index lookups.
    const candidates = `FROM tags t CROSS JOIN json_each(?2) j CROSS JOIN ${link.ownerTable} o
      WHERE t.id = ?1 AND o.id = j.value AND ${linked ? 'NOT' : ''} ${exists}`
    const snapshotSql = `json_object('ownerId', o.id, 'tagId', t.id)`
    const count = this.db.run(
      `INSERT INTO changes (operation_seq, record_kind, record_id, field, old_value, new_value, at, device_id)
       SELECT ?3, ?4, o.id || '/' || t.id, '*', ${linked ? 'NULL' : snapshotSql}, ${linked ? snapshotSql : 'NULL'}, ?5, ?6
       ${candidates}`,
      [tagId, ids, this.seq, kind, this.at, this.deviceId]
    )
    if (count === 0) return 0
    this.changeCount += count
    if (linked) {
      this.db.run(
        `INSERT INTO ${link.table} (${link.ownerColumn}, tag_seq) SELECT o.seq, t.seq ${candidates}
         ORDER BY o.seq`,
        [tagId, ids]
      )
    } else {
      this.db.run(
        `DELETE FROM ${link.table} WHERE tag_seq = (SELECT seq FROM tags WHERE id = ?)
         AND ${link.ownerColumn} IN (SELECT seq FROM ${link.ownerTable} WHERE id IN (SELECT value FROM json_each(?)))`,
        [tagId, ids]
      )
    }
    return count
  }

  /** Sets one field on many records of a kind at once, set-based. */
  setField(
    kind: EntityKind,
    ids: string[],
    field: string,
    value: SqlValue,
    condition = '1'
  ): number {
    const definition = ENTITIES[kind]
    const column = definition.columns[field]
    if (!column) throw new Error(`${kind}.${field} is not a tracked field`)
    const where = `id IN (SELECT value FROM json_each(?)) AND ${column} IS NOT ? AND (${condition})`
    const count = this.db.run(
      `INSERT INTO changes (operation_seq, record_kind, record_id, field, old_value, new_value, at, device_id)
       SELECT ?, ?, id, ?, json_quote(${column}), ?, ?, ? FROM ${definition.table} WHERE ${where}`,
      [this.seq, kind, field, json(value), this.at, this.deviceId, JSON.stringify(ids), value]
    )
    if (count === 0) return 0
    this.changeCount += count
    const updated = definition.timestamps === 'both' ? `, updated_at = ?` : ''
    this.db.run(
      `UPDATE ${definition.table} SET ${column} = ?${updated} WHERE ${where}`,
      definition.timestamps === 'both'
        ? [value, this.at, JSON.stringify(ids), value]
        : [value, JSON.stringify(ids), value]
    )
    return count
  }

  /** Applies the changes of operation `targetSeq` backwards (undo) or forwards (redo). */
  replayOperation(targetSeq: number, direction: 'undo' | 'redo'): void {
    const groups = this.db.all<{ record_kind: string; field: string; n: number }>(
      `SELECT record_kind, field, count(*) AS n FROM changes WHERE operation_seq = ?
       GROUP BY record_kind, field ORDER BY min(seq) ${direction === 'undo' ? 'DESC' : 'ASC'}`,
      [targetSeq]
    )
    const from = direction === 'undo' ? 'new_value' : 'old_value'
    const to = direction === 'undo' ? 'old_value' : 'new_value'
    for (const group of groups) {
      const kind = group.record_kind
      if (isLinkKind(kind)) {
        this.replayLinks(kind, targetSeq, from, to)
      } else if (isEntityKind(kind) && group.field === '*') {
        this.replaySnapshots(kind, targetSeq, from, to, direction)
      } else if (isEntityKind(kind)) {
        this.replayField(kind, group.field, targetSeq, from, to)
      }
    }
  }

  private replayField(
    kind: EntityKind,
    field: string,
    targetSeq: number,
    from: string,
    to: string
  ): void {
    const definition = ENTITIES[kind]
    const column = definition.columns[field]
    if (!column) throw new Error(`${kind}.${field} is not a tracked field`)
    const count = this.db.run(
      `INSERT INTO changes (operation_seq, record_kind, record_id, field, old_value, new_value, at, device_id)
       SELECT ?, record_kind, record_id, field, ${from}, ${to}, ?, ? FROM changes
       WHERE operation_seq = ? AND record_kind = ? AND field = ?`,
      [this.seq, this.at, this.deviceId, targetSeq, kind, field]
    )
    this.changeCount += count
    const updated = definition.timestamps === 'both' ? `, updated_at = ?` : ''
    this.db.run(
      `UPDATE ${definition.table} SET ${column} = (
         SELECT ${to} ->> '$' FROM changes c
         WHERE c.operation_seq = ? AND c.record_kind = ? AND c.field = ? AND c.record_id = ${definition.table}.id
       )${updated}
       WHERE id IN (SELECT record_id FROM changes WHERE operation_seq = ? AND record_kind = ? AND field = ?)`,
      definition.timestamps === 'both'
        ? [targetSeq, kind, field, this.at, targetSeq, kind, field]
        : [targetSeq, kind, field, targetSeq, kind, field]
    )
  }

  private replayLinks(kind: LinkKind, targetSeq: number, from: string, to: string): void {
    const link = LINKS[kind]
    const count = this.db.run(
      `INSERT INTO changes (operation_seq, record_kind, record_id, field, old_value, new_value, at, device_id)
       SELECT ?, record_kind, record_id, field, ${from}, ${to}, ?, ? FROM changes
       WHERE operation_seq = ? AND record_kind = ? AND field = '*'`,
      [this.seq, this.at, this.deviceId, targetSeq, kind]
    )
    this.changeCount += count
    // Links whose target state is "present" are inserted, the others deleted.
    this.db.run(
      `INSERT OR IGNORE INTO ${link.table} (${link.ownerColumn}, tag_seq)
       SELECT o.seq, t.seq FROM changes c
       JOIN ${link.ownerTable} o ON o.id = c.${to} ->> '$.ownerId'
       JOIN tags t ON t.id = c.${to} ->> '$.tagId'
       WHERE c.operation_seq = ? AND c.record_kind = ? AND c.${to} IS NOT NULL`,
      [targetSeq, kind]
    )
    this.db.run(
      `DELETE FROM ${link.table} WHERE (${link.ownerColumn}, tag_seq) IN (
         SELECT o.seq, t.seq FROM changes c
         JOIN ${link.ownerTable} o ON o.id = c.${from} ->> '$.ownerId'
         JOIN tags t ON t.id = c.${from} ->> '$.tagId'
         WHERE c.operation_seq = ? AND c.record_kind = ? AND c.${to} IS NULL)`,
      [targetSeq, kind]
    )
  }

  private replaySnapshots(
    kind: EntityKind,
    targetSeq: number,
    from: string,
    to: string,
    direction: 'undo' | 'redo'
  ): void {
    const rows = this.db.all<{ record_id: string; before: string | null; after: string | null }>(
      `SELECT record_id, ${from} AS before, ${to} AS after FROM changes
       WHERE operation_seq = ? AND record_kind = ? AND field = '*'
       ORDER BY seq ${direction === 'undo' ? 'DESC' : 'ASC'}`,
      [targetSeq, kind]
    )
    for (const row of rows) {
      if (row.after === null) {
        this.remove(kind, row.record_id)
      } else {
        const values = JSON.parse(row.after) as FieldValues
        if (!this.snapshot(kind, row.record_id)) this.create(kind, row.record_id, values)
      }
    }
  }
}
