/** The vocabularies an analyst grades and classifies with. */

export const CLAIM_STATUSES = [
  'unverified',
  'corroborated',
  'contested',
  'refuted',
  'retracted'
] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const SOURCE_KINDS = ['article', 'report', 'interview', 'dataset', 'other'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/** Admiralty (NATO) source reliability. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export type Reliability = (typeof RELIABILITY_GRADES)[number]
export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged'
}

/** Admiralty (NATO) information credibility. */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const
export type Credibility = (typeof CREDIBILITY_GRADES)[number]
export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged'
}

export const RELATION_KINDS = ['corroborates', 'contradicts', 'updates', 'duplicates'] as const
export type RelationKind = (typeof RELATION_KINDS)[number]

/** How a citation's quote bears on its claim. */
export const CITATION_STANCES = ['supports', 'contradicts', 'mentions'] as const
export type CitationStance = (typeof CITATION_STANCES)[number]

/** How well a citation's quote was found again after its source's text changed. */
export const ANCHOR_STATUSES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number]

/** True when `value` is one of `values`: the one guard for every vocabulary above. */
export function isOneOf<const T extends readonly unknown[]>(
  values: T,
  value: unknown
): value is T[number] {
  return values.includes(value)
}

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  contested: 'Contested',
  refuted: 'Refuted',
  retracted: 'Retracted'
}

/**
 * Words of estimative probability (ICD 203), most likely first, for a key judgement's
 * confidence; an analyst may write their own instead.
 */
export const ESTIMATIVE_TERMS = [
  'almost certainly',
  'very likely',
  'likely',
  'roughly even chance',
  'unlikely',
  'very unlikely',
  'remote'
] as const
