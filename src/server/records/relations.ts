import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../../shared/contract'
import { AttestError } from '../../shared/result'
import type { Relation } from '../../shared/types'
import { mutate, requireFound, type CoreContext } from './context'

type RelationRow = Omit<Relation, 'other' | 'direction'> & {
  otherId: string
  otherText: string
  otherStatus: string
  otherDeleted: string | null
  direction: 'out' | 'in'
}

const SELECT = `SELECT r.id, r.from_claim_id AS fromClaimId, r.to_claim_id AS toClaimId, r.kind,
  r.note, r.created_at AS createdAt,
  CASE WHEN r.from_claim_id = ?1 THEN 'out' ELSE 'in' END AS direction,
  o.id AS otherId, o.text AS otherText, o.status AS otherStatus, o.deleted_at AS otherDeleted
  FROM relations r
  JOIN claims o ON o.id = CASE WHEN r.from_claim_id = ?1 THEN r.to_claim_id ELSE r.from_claim_id END`

function toRelation(row: RelationRow): Relation {
  const { otherId, otherText, otherStatus, otherDeleted, ...rest } = row
  return {
    ...rest,
    other: { id: otherId, text: otherText, status: otherStatus, deleted: otherDeleted !== null }
  }
}

export function listRelations(ctx: CoreContext, claimId: string): Relation[] {
  return ctx.store.read((db) =>
    db
      .all<RelationRow>(
        `${SELECT} WHERE r.from_claim_id = ?1 OR r.to_claim_id = ?1 ORDER BY r.created_at, r.seq`,
        [claimId]
      )
      .map(toRelation)
  )
}

export function createRelation(ctx: CoreContext, input: ParsedInput<'relations.create'>): Relation {
  const db = ctx.store.db
  for (const claimId of [input.fromClaimId, input.toClaimId]) {
    if (!db.pluck(`SELECT 1 FROM claims WHERE id = ? AND deleted_at IS NULL`, [claimId])) {
      throw new AttestError(
        'not_found',
        'A relation needs two existing claims; one of them does not exist.'
      )
    }
  }
  const existing = db.pluck(
    `SELECT 1 FROM relations WHERE from_claim_id = ? AND to_claim_id = ? AND kind = ?`,
    [input.fromClaimId, input.toClaimId, input.kind]
  )
  if (existing)
    throw new AttestError('conflict', `These claims are already related as "${input.kind}".`)
  const id = randomUUID()
  mutate(ctx, `Relate claims (${input.kind})`, (op) =>
    op.create('relation', id, {
      fromClaimId: input.fromClaimId,
      toClaimId: input.toClaimId,
      kind: input.kind,
      note: input.note ?? null
    })
  )
  const row = db.get<RelationRow>(`${SELECT} WHERE r.id = ?2`, [input.fromClaimId, id])
  return toRelation(requireFound(row, 'That relation'))
}

export function deleteRelation(ctx: CoreContext, id: string): { deleted: number } {
  requireFound(
    ctx.store.db.pluck(`SELECT 1 FROM relations WHERE id = ?`, [id]) ?? undefined,
    'That relation'
  )
  mutate(ctx, 'Remove relation', (op) => op.remove('relation', id))
  return { deleted: 1 }
}
