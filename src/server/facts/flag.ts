// The flag the claims grid shows beside a disputed claim: a contradicting citation, or a
// `conflict` pair between figures of its cited passages. Kept on the claim (claims.flag) and
// set in the write that changes its citations, as a tracked field, so undo restores it with
// them and the grid reads a column instead of computing per row.

import type { StoredFact } from '../../shared/factTypes'
import type { Operation } from '../records/history'
import type { SqliteDb } from '../store/sqlite'
import { originRoots } from './pairs'
import { pairFacts } from './match'
import { currentFacts } from './store'

type Cited = { sourceId: string; stance: string; start: number; end: number }

/** Why the claim is disputed, in one sentence, or null. */
export function flagOf(db: SqliteDb, claimId: string): string | null {
  const cited = db.all<Cited>(
    `SELECT ci.source_id AS sourceId, ci.stance, ci.start_offset AS start, ci.end_offset AS "end"
     FROM citations ci JOIN sources s ON s.id = ci.source_id
     WHERE ci.claim_id = ? AND s.deleted_at IS NULL`,
    [claimId]
  )
  const reasons: string[] = []
  const contradicting = cited.filter((c) => c.stance === 'contradicts').length
  if (contradicting === 1) reasons.push('A citation contradicts it.')
  else if (contradicting > 1) reasons.push(`${contradicting} citations contradict it.`)
  const sources = [...new Set(cited.map((c) => c.sourceId))]
  if (sources.length >= 2) {
    const facts: StoredFact[] = []
    // Read only: facts computed here are not kept (the next read keeps them).
    for (const sourceId of sources) facts.push(...currentFacts(db, { sourceId }, () => {}))
    const inCitation = (side: { sourceId: string; start: number; end: number }): boolean =>
      cited.some((c) => c.sourceId === side.sourceId && c.start <= side.start && side.end <= c.end)
    const conflicts = pairFacts(facts, originRoots(db)).filter(
      (pair) => pair.outcome === 'conflict' && inCitation(pair.a) && inCitation(pair.b)
    )
    if (conflicts.length > 0) {
      const first = conflicts[0]!
      reasons.push(`Figures in its citations disagree: “${first.a.quote}” vs “${first.b.quote}”.`)
    }
  }
  const flag = reasons.join(' ')
  return flag === '' ? null : flag.slice(0, 500)
}

/** Sets the claim's flag in the operation that changed its citations (undone with them). */
export function refreshClaimFlag(op: Operation, db: SqliteDb, claimId: string): void {
  if (!db.pluck(`SELECT 1 FROM claims WHERE id = ?`, [claimId])) return
  op.update('claim', claimId, { flag: flagOf(db, claimId) })
}

/**
 * After a source's text, origin or place in the Trash changed: the flags of the claims that
 * cite it, in the same operation (a trashed source's passages no longer dispute anything).
 */
export function refreshFlagsCiting(op: Operation, db: SqliteDb, sourceIds: string[]): void {
  if (sourceIds.length === 0) return
  const claimIds = new Set<string>()
  for (const sourceId of sourceIds) {
    for (const row of db.all<{ id: string }>(
      `SELECT DISTINCT ci.claim_id AS id FROM citations ci JOIN claims c ON c.id = ci.claim_id
       WHERE ci.source_id = ? AND c.deleted_at IS NULL`,
      [sourceId]
    )) {
      claimIds.add(row.id)
    }
  }
  for (const claimId of claimIds) {
    const flag = flagOf(db, claimId)
    const stored = db.pluck<string | null>(`SELECT flag FROM claims WHERE id = ?`, [claimId])
    if ((stored ?? null) !== flag) op.update('claim', claimId, { flag })
  }
}
