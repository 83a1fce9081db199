/** Reading facts and their pairs: shared by the requests, the grid flag and the briefing. */
import type { FactPair, StoredFact } from '../../shared/factTypes'
import type { ParsedInput } from '../../shared/contract'
import { requireFound, type CoreContext } from '../records/context'
import type { SqliteDb } from '../store/sqlite'
import { pairFacts } from './match'
import { currentFacts, type FactScope } from './store'

/** Current facts; the ones computed now are kept when the project can be written. */
export function listFacts(ctx: CoreContext, scope: FactScope): StoredFact[] {
  const { store } = ctx
  return store.read((db) => {
    if (scope.sourceId) {
      requireFound(
        db.pluck<number>(`SELECT 1 FROM sources WHERE id = ? AND deleted_at IS NULL`, [
          scope.sourceId
        ]),
        'That source'
      )
    }
    return currentFacts(db, scope, (save) => {
      if (store.readOnlyReason !== null) return
      try {
        store.write((writeDb) => save(writeDb))
      } catch {
        // Keeping them is an optimisation: the facts read are current either way.
      }
    })
  })
}

/** Each source marked as a translation or copy, mapped to the root of its origin. */
export function originRoots(db: SqliteDb): Map<string, string> {
  const parent = new Map<string, string>()
  for (const row of db.all<{ id: string; originId: string }>(
    `SELECT id, origin_id AS originId FROM sources WHERE origin_id IS NOT NULL`
  )) {
    parent.set(row.id, row.originId)
  }
  const roots = new Map<string, string>()
  for (const id of parent.keys()) {
    let at = id
    // Origins are checked to form no circle when set; the bound guards an edited file.
    for (let k = 0; k < 1000 && parent.has(at); k++) at = parent.get(at)!
    roots.set(id, at)
  }
  return roots
}

export function factPairs(ctx: CoreContext, input: ParsedInput<'facts.pairs'>): FactPair[] {
  const only = input.sourceIds ? new Set(input.sourceIds) : null
  const facts = listFacts(ctx, { owners: ['source'] }).filter(
    (fact) => only === null || (fact.sourceId !== null && only.has(fact.sourceId))
  )
  const outcomes = input.outcomes ? new Set(input.outcomes) : null
  return pairFacts(facts, ctx.store.read(originRoots)).filter(
    (pair) => outcomes === null || outcomes.has(pair.outcome)
  )
}
