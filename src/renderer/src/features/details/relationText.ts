import type { RelationKind } from '../../../../shared/domain'

/** How a relation reads from either end: "contradicts →" / "← contradicted by". */
export const RELATION_PHRASES: Record<RelationKind, { out: string; in: string }> = {
  corroborates: { out: 'corroborates', in: 'corroborated by' },
  contradicts: { out: 'contradicts', in: 'contradicted by' },
  updates: { out: 'updates', in: 'updated by' },
  duplicates: { out: 'duplicates', in: 'duplicated by' }
}

export const RELATION_CHOICES: Record<RelationKind, string> = {
  corroborates: 'Corroborates',
  contradicts: 'Contradicts',
  updates: 'Updates',
  duplicates: 'Duplicates'
}
