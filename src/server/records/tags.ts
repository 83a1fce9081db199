import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../../shared/contract'
import { AttestError } from '../../shared/result'
import type { Tag } from '../../shared/types'
import type { SqliteDb } from '../store/sqlite'
import { mutate, requireFound, type CoreContext } from './context'
import type { Operation } from './history'

type TagRow = {
  id: string
  parentId: string | null
  name: string
  colour: string | null
  description: string | null
  claimCount: number
  sourceCount: number
}

const SELECT = `SELECT t.id, t.parent_id AS parentId, t.name, t.colour, t.description,
  (SELECT count(*) FROM claim_tags ct JOIN claims c ON c.seq = ct.claim_seq
   WHERE ct.tag_seq = t.seq AND c.deleted_at IS NULL) AS claimCount,
  (SELECT count(*) FROM source_tags st JOIN sources s ON s.seq = st.source_seq
   WHERE st.tag_seq = t.seq AND s.deleted_at IS NULL) AS sourceCount
  FROM tags t`

function toTag(ctx: CoreContext, db: SqliteDb, row: TagRow): Tag {
  return { ...row, path: ctx.caches.tags(db).get(row.id)?.path ?? row.name }
}

export function listTags(ctx: CoreContext): Tag[] {
  return ctx.store.read((db) => {
    const rows = db.all<TagRow>(`${SELECT}`).map((row) => toTag(ctx, db, row))
    return rows.sort((a, b) => a.path.localeCompare(b.path, undefined, { sensitivity: 'base' }))
  })
}

export function getTag(ctx: CoreContext, id: string): Tag {
  return ctx.store.read((db) =>
    toTag(ctx, db, requireFound(db.get<TagRow>(`${SELECT} WHERE t.id = ?`, [id]), 'That tag'))
  )
}

function checkSiblingName(
  db: SqliteDb,
  name: string,
  parentId: string | null,
  except?: string
): void {
  const clash = db.pluck<string>(
    `SELECT id FROM tags WHERE coalesce(parent_id, '') = coalesce(?, '')
     AND name = ? COLLATE NOCASE AND id IS NOT ?`,
    [parentId, name, except ?? null]
  )
  if (clash) {
    throw new AttestError(
      'conflict',
      `There is already a tag named "${name}" ${parentId ? 'at that place in the codebook' : 'at the top of the codebook'}.`
    )
  }
}

function checkParent(
  ctx: CoreContext,
  db: SqliteDb,
  tagId: string | null,
  parentId: string | null
): void {
  if (parentId === null) return
  if (!db.pluck(`SELECT 1 FROM tags WHERE id = ?`, [parentId])) {
    throw new AttestError('not_found', 'The parent tag does not exist.')
  }
  if (tagId && ctx.caches.tagWithDescendants(db, [tagId]).includes(parentId)) {
    throw new AttestError(
      'invalid_input',
      'A tag cannot be moved under itself or one of its sub-tags.'
    )
  }
}

export function createTag(ctx: CoreContext, input: ParsedInput<'tags.create'>): Tag {
  const id = randomUUID()
  const db = ctx.store.db
  const parentId = input.parentId ?? null
  checkParent(ctx, db, null, parentId)
  checkSiblingName(db, input.name, parentId)
  mutate(ctx, `Create tag "${input.name}"`, (op) =>
    op.create('tag', id, {
      name: input.name,
      parentId,
      colour: input.colour ?? null,
      description: input.description ?? null
    })
  )
  return getTag(ctx, id)
}

export function updateTag(ctx: CoreContext, input: ParsedInput<'tags.update'>): Tag {
  const db = ctx.store.db
  const current = requireFound(
    db.get<{ name: string; parentId: string | null }>(
      `SELECT name, parent_id AS parentId FROM tags WHERE id = ?`,
      [input.id]
    ),
    'That tag'
  )
  const changes = input.changes
  const parentId = changes.parentId === undefined ? current.parentId : changes.parentId
  if (changes.parentId !== undefined) checkParent(ctx, db, input.id, changes.parentId)
  checkSiblingName(db, changes.name ?? current.name, parentId, input.id)
  const label =
    changes.name && changes.name !== current.name
      ? `Rename tag "${current.name}" to "${changes.name}"`
      : changes.parentId !== undefined
        ? `Move tag "${current.name}"`
        : `Edit tag "${current.name}"`
  mutate(ctx, label, (op) => {
    const values: Record<string, string | null> = {}
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) values[field] = value
    }
    op.update('tag', input.id, values)
  })
  return getTag(ctx, input.id)
}

function ownersOf(db: SqliteDb, table: 'claim' | 'source', tagId: string): string[] {
  const sql =
    table === 'claim'
      ? `SELECT c.id FROM claim_tags ct JOIN claims c ON c.seq = ct.claim_seq
         JOIN tags t ON t.seq = ct.tag_seq WHERE t.id = ?`
      : `SELECT s.id FROM source_tags st JOIN sources s ON s.seq = st.source_seq
         JOIN tags t ON t.seq = st.tag_seq WHERE t.id = ?`
  return db.all<{ id: string }>(sql, [tagId]).map((row) => row.id)
}

/** Removes a tag with its links and moves its sub-tags up, all recorded for undo. */
function removeTag(
  op: Operation,
  db: SqliteDb,
  tagId: string,
  newParentOfChildren: string | null
): void {
  const claims = ownersOf(db, 'claim', tagId)
  if (claims.length) op.setLinks('claimTag', claims, tagId, false)
  const sources = ownersOf(db, 'source', tagId)
  if (sources.length) op.setLinks('sourceTag', sources, tagId, false)
  const children = db.all<{ id: string }>(`SELECT id FROM tags WHERE parent_id = ?`, [tagId])
  for (const child of children) op.update('tag', child.id, { parentId: newParentOfChildren })
  op.remove('tag', tagId)
}

/** Everything tagged `sourceId` becomes tagged `targetId`; then `sourceId` is gone. */
export function mergeTags(ctx: CoreContext, input: ParsedInput<'tags.merge'>): Tag {
  const db = ctx.store.db
  const source = requireFound(
    db.get<{ name: string }>(`SELECT name FROM tags WHERE id = ?`, [input.sourceId]),
    'The tag to merge'
  )
  const target = requireFound(
    db.get<{ name: string }>(`SELECT name FROM tags WHERE id = ?`, [input.targetId]),
    'The tag to merge into'
  )
  if (ctx.caches.tagWithDescendants(db, [input.sourceId]).includes(input.targetId)) {
    throw new AttestError('invalid_input', 'A tag cannot be merged into one of its own sub-tags.')
  }
  mutate(ctx, `Merge tag "${source.name}" into "${target.name}"`, (op) => {
    const claims = ownersOf(db, 'claim', input.sourceId)
    if (claims.length) op.setLinks('claimTag', claims, input.targetId, true)
    const sources = ownersOf(db, 'source', input.sourceId)
    if (sources.length) op.setLinks('sourceTag', sources, input.targetId, true)
    for (const child of db.all<{ id: string; name: string }>(
      `SELECT id, name FROM tags WHERE parent_id = ?`,
      [input.sourceId]
    )) {
      checkSiblingName(db, child.name, input.targetId, child.id)
    }
    removeTag(op, db, input.sourceId, input.targetId)
  })
  return getTag(ctx, input.targetId)
}

export function deleteTag(ctx: CoreContext, id: string): { deleted: number } {
  const db = ctx.store.db
  const tag = requireFound(
    db.get<{ name: string; parentId: string | null }>(
      `SELECT name, parent_id AS parentId FROM tags WHERE id = ?`,
      [id]
    ),
    'That tag'
  )
  mutate(ctx, `Delete tag "${tag.name}"`, (op) => removeTag(op, db, id, tag.parentId))
  return { deleted: 1 }
}

export function tagRecords(
  ctx: CoreContext,
  kind: 'claim' | 'source',
  input: ParsedInput<'claims.tag'>
): { changed: number } {
  const db = ctx.store.db
  const tag = requireFound(
    db.get<{ name: string }>(`SELECT name FROM tags WHERE id = ?`, [input.tagId]),
    'That tag'
  )
  const noun = kind === 'claim' ? 'claim' : 'source'
  const count = input.ids.length
  const label = `${input.tagged ? 'Tag' : 'Untag'} ${count === 1 ? `a ${noun}` : `${count} ${noun}s`} "${tag.name}"`
  const changed = mutate(ctx, label, (op) =>
    op.setLinks(kind === 'claim' ? 'claimTag' : 'sourceTag', input.ids, input.tagId, input.tagged)
  )
  return { changed: changed ?? 0 }
}
