// Claims that share figures or names with a text being typed as a new claim ("similar
// claims exist"). Candidates come from the claims' full-text index (an OR of the text's
// names and figures, capped), so the cost does not grow with the project; they are then
// scored by the figures (same kind and value) and names they share.

import type { SimilarClaim } from '../../shared/factTypes'
import type { CoreContext } from '../records/context'
import { extractFacts } from './extract'

const CANDIDATES = 200

/** Capitalised only because a sentence starts with them, in en, nb, de. */
const COMMON = new Set(
  'the this that these those there when what after before about and but der die das den dem des ein eine det dette disse nach seit'.split(
    ' '
  )
)
const SHOWN = 5

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** Capitalised words of three letters or more, folded ("Tromsø" → "tromso") to as written. */
function namesOf(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}]{2,}/gu)) {
    const key = fold(m[0])
    if (!COMMON.has(key) && !out.has(key)) out.set(key, m[0])
  }
  return out
}

/** Each figure as kind and value: "quantity:63", "date:2025-10-01..2025-10-31". */
function figuresOf(text: string, lang: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const fact of extractFacts(text, { lang, published: null })) {
    const key =
      fact.kind === 'quantity' ? `q:${fact.low}:${fact.high}` : `d:${fact.from}:${fact.to}`
    out.set(key, fact.quote)
  }
  return out
}

export function similarClaims(ctx: CoreContext, text: string, lang = 'en'): SimilarClaim[] {
  const names = namesOf(text)
  const figures = figuresOf(text, lang)
  const digits = new Set([...text.matchAll(/\d{2,}/g)].map((m) => m[0]))
  const terms = [...names.keys(), ...digits].slice(0, 24).map((t) => `"${t.replace(/"/g, '')}"`)
  if (terms.length === 0) return []
  const rows = ctx.store.read((db) =>
    db.all<{ id: string; text: string }>(
      `SELECT c.id, c.text FROM claims c
       WHERE c.seq IN (SELECT docid FROM claims_fts WHERE claims_fts MATCH ? LIMIT ${CANDIDATES})
         AND c.deleted_at IS NULL`,
      [terms.join(' OR ')]
    )
  )
  const scored: SimilarClaim[] = []
  for (const row of rows) {
    if (row.text.trim() === text.trim()) continue
    const theirFigures = figuresOf(row.text, lang)
    const sharedFigures = [...figures].filter(([key]) => theirFigures.has(key)).map(([, q]) => q)
    const theirNames = namesOf(row.text)
    const sharedNames = [...names].filter(([name]) => theirNames.has(name)).map(([, w]) => w)
    const score = sharedFigures.length * 2 + sharedNames.length
    if (score === 0) continue
    const shared = [...sharedFigures, ...sharedNames]
    scored.push({ id: row.id, text: row.text, shared, score })
  }
  scored.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text))
  return scored.slice(0, SHOWN)
}
