/** Facts as the requests and the CLI give them (see src/server/facts for how they are found). */

export type FactOwner = 'source' | 'claim' | 'citation'

export type StoredFact = {
  /** Which text it was found in, and that text's id. */
  owner: FactOwner
  ownerId: string
  /** The source the text belongs to (a claim's own text: null). */
  sourceId: string | null
  quote: string
  sentence: string
  kind: 'quantity' | 'date'
  low: number | null
  high: number | null
  unit: string | null
  from: string | null
  to: string | null
  status: 'actual' | 'forecast'
  bound: 'exact' | 'at-least' | 'at-most' | 'approximate' | 'range' | null
  period: { from: string; to: string | null } | null
  /** UTF-16 offsets of the quote in its text. */
  start: number
  end: number
  lang: string
}

export type PairOutcome = 'conflict' | 'consistent' | 'more-precise' | 'not-comparable'

export type PairSide = {
  sourceId: string
  quote: string
  sentence: string
  start: number
  end: number
  kind: 'quantity' | 'date'
}

export type FactPair = {
  a: PairSide
  b: PairSide
  outcome: PairOutcome
  /** One line, for the analyst: why this outcome. */
  reason: string
  /** How much of the two sentences' context is shared (names, numbers, words). */
  score: number
  /**
   * The two sources are of one origin (one is marked as a translation or copy of the other,
   * or both of a third): their agreement is no corroboration, so such a pair is never
   * `consistent` (those are left out); a disagreement is kept, it may be a mistranslation.
   */
  sameOrigin?: boolean
}

/** A grade FM 2-22.3 would suggest from the project's evidence; the analyst's stays theirs. */
export type SuggestedCredibility = {
  grade: 1 | 2 | 3 | 4 | 5 | 6
  label: string
  /** One line: what the grade rests on ("2 independent sources support it"). */
  reason: string
  /** Origins (a translation or copy counted with its original) of supporting citations. */
  independentSources: number
  contradictingCitations: number
  /** Conflicting figure pairs between the claim's cited passages. */
  conflictPairs: number
}

/** A claim that shares figures or names with a text being typed as a new claim. */
export type SimilarClaim = {
  id: string
  text: string
  /** What it shares, as written: figures first ("63 PhD students"), then names. */
  shared: string[]
  score: number
}

export type FactOutputs = {
  'facts.list': { facts: StoredFact[] }
  'facts.pairs': { pairs: FactPair[] }
  'claims.credibility': SuggestedCredibility
  'claims.similar': { claims: SimilarClaim[] }
}
