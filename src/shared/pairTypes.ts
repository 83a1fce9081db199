import type { FactPair, PairOutcome, PairSide } from './factTypes'

/** A pair's side, with where its sentence starts in the source's text (UTF-16 offset). */
export type KeyedSide = PairSide & { sentenceStart: number }

/** A pair as Compare and Disagreements show it: with its stable key and whether it is set aside. */
export type KeyedPair = Omit<FactPair, 'a' | 'b'> & {
  /** Order-independent hash of both sides' source, offsets and quote. */
  key: string
  dismissed: boolean
  a: KeyedSide
  b: KeyedSide
}

/** What a pair list says about each source it names. */
export type PairSource = {
  id: string
  title: string
  language: string | null
  publishedAt: string | null
}

export type PairOutputs = {
  'pairs.list': {
    pairs: KeyedPair[]
    sources: PairSource[]
    /** Pairs in scope that are dismissed (listed only with includeDismissed). */
    dismissed: number
    /** Open (not dismissed) pairs in scope, by outcome, before the outcome filter. */
    counts: Record<PairOutcome, number>
  }
  'pairs.makeClaims': { claimIds: [string, string]; relationId: string }
  'pairs.dismiss': { dismissed: number }
  'pairs.restore': { restored: number }
}
