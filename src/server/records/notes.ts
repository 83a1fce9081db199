import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../../shared/contract'
import type { Note } from '../../shared/types'
import { mutate, requireFound, type CoreContext } from './context'

const SELECT = `SELECT id, target_kind AS targetKind, target_id AS targetId, body,
  created_at AS createdAt, updated_at AS updatedAt FROM notes`

export function listNotes(ctx: CoreContext, targetId: string): Note[] {
  return ctx.store.read((db) =>
    db.all<Note>(`${SELECT} WHERE target_id = ? ORDER BY created_at, seq`, [targetId])
  )
}

function getNote(ctx: CoreContext, id: string): Note {
  return ctx.store.read((db) =>
    requireFound(db.get<Note>(`${SELECT} WHERE id = ?`, [id]), 'That note')
  )
}

export function createNote(ctx: CoreContext, input: ParsedInput<'notes.create'>): Note {
  const table = input.targetKind === 'claim' ? 'claims' : 'sources'
  requireFound(
    ctx.store.db.pluck(`SELECT 1 FROM ${table} WHERE id = ?`, [input.targetId]) ?? undefined,
    `That ${input.targetKind}`
  )
  const id = randomUUID()
  mutate(ctx, 'Add note', (op) =>
    op.create('note', id, {
      targetKind: input.targetKind,
      targetId: input.targetId,
      body: input.body
    })
  )
  return getNote(ctx, id)
}

export function updateNote(ctx: CoreContext, input: ParsedInput<'notes.update'>): Note {
  mutate(ctx, 'Edit note', (op) => op.update('note', input.id, { body: input.body }))
  return getNote(ctx, input.id)
}

export function deleteNote(ctx: CoreContext, id: string): { deleted: number } {
  getNote(ctx, id)
  mutate(ctx, 'Delete note', (op) => op.remove('note', id))
  return { deleted: 1 }
}
