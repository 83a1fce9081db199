// A suggested credibility for a claim (Admiralty 1–6, FM 2-22.3), from its citations' stances,
// how many independent origins support it (a translation or copy counts with its original),
// and conflicts between the figures its cited passages carry. Shown beside the analyst's own
// grade; never written over it. Computed on demand for one claim, never in a list query.

import type { SuggestedCredibility } from '../../shared/factTypes'
import { CREDIBILITY_LABELS, type Credibility } from '../../shared/domain'
import type { CoreContext } from '../records/context'
import { requireFound } from '../records/context'
import { factPairs, originRoots } from './pairs'

type CitationRow = { sourceId: string; stance: string; start: number; end: number; title: string }

/**
 * The grade FM 2-22.3 would give from what the project holds: 1 when confirmed by two or more
 * other independent sources, 2 with one other, 3 from one origin alone, 4 when contradicted
 * but supported by independent sources, 5 when contradicted otherwise, 6 with no evidence.
 */
export function gradeFor(origins: number, contradicted: boolean): Credibility {
  if (origins === 0 && !contradicted) return 6
  if (contradicted) return origins >= 2 ? 4 : 5
  return origins >= 3 ? 1 : origins === 2 ? 2 : 3
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export function suggestCredibility(ctx: CoreContext, claimId: string): SuggestedCredibility {
  const { citations, roots } = ctx.store.read((db) => {
    requireFound(
      db.pluck<number>(`SELECT 1 FROM claims WHERE id = ? AND deleted_at IS NULL`, [claimId]),
      'That claim'
    )
    return {
      citations: db.all<CitationRow>(
        `SELECT ci.source_id AS sourceId, ci.stance, ci.start_offset AS start,
           ci.end_offset AS "end", s.title
         FROM citations ci JOIN sources s ON s.id = ci.source_id
         WHERE ci.claim_id = ? AND s.deleted_at IS NULL ORDER BY ci.seq`,
        [claimId]
      ),
      roots: originRoots(db)
    }
  })
  const rootOf = (sourceId: string): string => roots.get(sourceId) ?? sourceId
  const supporting = citations.filter((c) => c.stance === 'supports')
  const contradicting = citations.filter((c) => c.stance === 'contradicts')
  const origins = new Set(supporting.map((c) => rootOf(c.sourceId)))
  const sources = new Set(supporting.map((c) => c.sourceId))

  // Conflicts between figures in the cited passages of two (or more) cited sources.
  const cited = [...new Set(citations.map((c) => c.sourceId))]
  let conflicts = 0
  if (cited.length >= 2) {
    const inCitation = (side: { sourceId: string; start: number; end: number }): boolean =>
      citations.some(
        (c) => c.sourceId === side.sourceId && c.start <= side.start && side.end <= c.end
      )
    for (const pair of factPairs(ctx, { sourceIds: cited, outcomes: ['conflict'] })) {
      if (inCitation(pair.a) && inCitation(pair.b)) conflicts++
    }
  }
  const grade = gradeFor(origins.size, contradicting.length > 0 || conflicts > 0)
  const reasons: string[] = []
  if (citations.length === 0) reasons.push('no citations')
  else if (supporting.length === 0 && contradicting.length === 0) {
    reasons.push('its citations only mention it')
  }
  if (supporting.length > 0) {
    const copies = sources.size - origins.size
    reasons.push(
      `${plural(origins.size, 'independent source')} ${origins.size === 1 ? 'supports' : 'support'} it` +
        (copies > 0
          ? ` (${plural(copies, 'more is a translation or copy', 'more are translations or copies')})`
          : '')
    )
  }
  const verb = (n: number, one: string, many: string): string => (n === 1 ? one : many)
  if (contradicting.length > 0) {
    const n = contradicting.length
    reasons.push(`${plural(n, 'citation')} ${verb(n, 'contradicts', 'contradict')} it`)
  }
  if (conflicts > 0) {
    const n = conflicts
    reasons.push(
      `${plural(n, 'pair')} of figures in its citations ${verb(n, 'disagrees', 'disagree')}`
    )
  }
  return {
    grade,
    label: CREDIBILITY_LABELS[grade],
    reason: reasons.join('; '),
    independentSources: origins.size,
    contradictingCitations: contradicting.length,
    conflictPairs: conflicts
  }
}
