import type { StoredFact } from '../../shared/factTypes'
import type { CoreContext } from '../records/context'
import { listFacts, originRoots } from '../facts/pairs'
import { pairFacts } from '../facts/match'
import type { BriefingClaim, FigureConflict, FigureSide } from './briefing'

/**
 * Figure conflicts for a briefing's Disagreements section. The rule: the fact finder compares
 * the figures and dates of the sources that claims in scope cite (those sources only, so both
 * sides of every pair are sources the briefing lists), and its `conflict` pairs are printed,
 * best context first, at most MAX_FIGURE_CONFLICTS. A pair whose two passages are quoted by two
 * claims already shown as contradicting each other is left out: it is on the page already.
 */

export const MAX_FIGURE_CONFLICTS = 20

type Quoting = { claimId: string; start: number; end: number; translation: string | null }

function sideOf(
  pair: { sourceId: string; sentence: string; quote: string; start: number; end: number },
  quoting: ReadonlyMap<string, Quoting[]>
): FigureSide {
  const covering = (quoting.get(pair.sourceId) ?? []).filter(
    (citation) => citation.start <= pair.start && citation.end >= pair.end
  )
  // A translated quote first: its translation is what the reader needs beneath the original.
  const best = covering.find((citation) => citation.translation) ?? covering[0]
  return {
    sourceId: pair.sourceId,
    sentence: pair.sentence,
    figure: pair.quote,
    translation: best?.translation ?? null,
    claimId: best?.claimId ?? null
  }
}

export function findFigureConflicts(
  ctx: CoreContext,
  claims: readonly BriefingClaim[],
  contradicting: ReadonlySet<string>
): { pairs: FigureConflict[]; omitted: number } {
  const quoting = new Map<string, Quoting[]>()
  for (const claim of claims) {
    for (const citation of claim.citations) {
      if (citation.start === undefined || citation.end === undefined) continue
      const list = quoting.get(citation.sourceId) ?? []
      list.push({
        claimId: claim.id,
        start: citation.start,
        end: citation.end,
        translation: citation.translation ?? null
      })
      quoting.set(citation.sourceId, list)
    }
  }
  const sourceIds = [...new Set(claims.flatMap((claim) => claim.citations.map((c) => c.sourceId)))]
  if (sourceIds.length < 2) return { pairs: [], omitted: 0 }
  const facts: StoredFact[] = sourceIds.flatMap((sourceId) => listFacts(ctx, { sourceId }))
  const pairs: FigureConflict[] = []
  // Origins as the finder knows them: a translation's disagreement with its original is
  // printed with "(same origin: …)" in its reason, a possible mistranslation.
  for (const pair of pairFacts(facts, ctx.store.read(originRoots))) {
    if (pair.outcome !== 'conflict') continue
    const left = sideOf(pair.a, quoting)
    const right = sideOf(pair.b, quoting)
    if (
      left.claimId !== null &&
      right.claimId !== null &&
      contradicting.has(contradictionKey(left.claimId, right.claimId))
    ) {
      continue
    }
    pairs.push({ left, right, reason: pair.reason })
  }
  return {
    pairs: pairs.slice(0, MAX_FIGURE_CONFLICTS),
    omitted: Math.max(0, pairs.length - MAX_FIGURE_CONFLICTS)
  }
}

/** One key for a `contradicts` relation, whichever way round it was made. */
export function contradictionKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
}
