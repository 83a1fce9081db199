import type { Citation } from '../../../shared/documentTypes'
import { workingLanguage } from '../../../shared/languages'
import { html, type Html } from './html'
import {
  CREDIBILITY_LABELS,
  type ClaimStatus,
  type Credibility,
  type RelationKind,
  type Reliability
} from '../../../shared/domain'

/**
 * The briefing's data model: what `gatherBriefing` reads from the project and every section
 * renders from. Rows come from the store, whose CHECK constraints hold the vocabularies.
 */

export type BriefingSource = {
  id: string
  /** Bibliography number, shown as [S1], [S2] … */
  number: number
  title: string
  publisher: string | null
  url: string | null
  publishedAt: string | null
  /** Admiralty grade A–F, or null when not graded. */
  reliability: string | null
}

export type CitationStance = Citation['stance']

/** Endnote numbers are assigned by the renderer, in reading order. */
export type BriefingCitation = {
  sourceId: string
  quote: string
  stance: CitationStance
  locator: string | null
  note: string | null
  /** The analyst's translation of the quote, printed beneath it. */
  translation?: string | null
  /** Where the quote is in its source's text (UTF-16 offsets), when known. */
  start?: number
  end?: number
}

export type BriefingRelation = { kind: RelationKind; direction: 'out' | 'in'; otherText: string }

export type BriefingClaim = {
  id: string
  text: string
  status: ClaimStatus
  /** Admiralty information credibility 1 (confirmed) … 5 (improbable), 6 (cannot be judged). */
  credibility: number | null
  /** Analyst confidence, 0–100. */
  confidence: number | null
  eventDate: string | null
  tags: string[]
  /** Names of the top-level tags above (or being) the claim's tags, for the charts. */
  topTags?: string[]
  notes: Array<{ body: string; createdAt: string }>
  relations: BriefingRelation[]
  citations: BriefingCitation[]
}

/** A claim may appear in several groups (e.g. one per tag); it keeps one number throughout. */
export type BriefingGroup = { label: string; claims: BriefingClaim[] }

export type BriefingInclude = {
  statusAndCredibility: boolean
  citations: boolean
  notes: boolean
  relations: boolean
  sourceReliability: boolean
  /** Pairs of figures or dates that the fact finder marks as in conflict, in Disagreements. */
  figureConflicts?: boolean
}

/** A key judgement as printed: its supporting claims by id (numbered if in the briefing). */
export type BriefingJudgement = {
  text: string
  /** A word of estimative probability ("likely") or the analyst's own; "" when not given. */
  confidence: string
  claimIds: string[]
  /** Texts of supporting claims that are outside the briefing's scope, by id. */
  outside: Record<string, string>
}

export type BriefingOptions = {
  title: string
  author: string
  audience: string
  classification: string
  /** The date the briefing carries (YYYY-MM-DD), or "" for the day it was generated. */
  date: string
  bottomLine: string
  judgements: BriefingJudgement[]
  scopeLabel: string
  groupBy: 'tag' | 'status' | 'source' | 'none'
  include: BriefingInclude
  /** The project's working language (BCP 47): the language of the translations. */
  workingLanguage?: string
  /** ISO timestamp. */
  generatedAt: string
}

/**
 * One side of a figure conflict found by comparing the sources' texts: the sentence as the
 * source wrote it, with the figure in it, and what a claim in scope says of that passage.
 */
export type FigureSide = {
  sourceId: string
  sentence: string
  /** The figure or date as written, found in `sentence`. */
  figure: string
  /** The translation of a citation (of a claim in scope) whose quote holds the figure. */
  translation: string | null
  /** That citation's claim, or null when no claim in scope quotes the passage. */
  claimId: string | null
}

export type FigureConflict = {
  left: FigureSide
  right: FigureSide
  /** The finder's one-line reason, e.g. "310,000 passengers vs 290,000 passasjerer". */
  reason: string
}

export type BriefingData = {
  options: BriefingOptions
  groups: BriefingGroup[]
  sources: BriefingSource[]
  /** Figure conflicts between sources cited in scope, best first; `omitted` beyond the cap. */
  figureConflicts?: { pairs: FigureConflict[]; omitted: number }
}

/** The order statuses take in a briefing's legend, chart and groups: the settled ones first. */
export const BRIEFING_STATUS_ORDER: readonly ClaimStatus[] = [
  'corroborated',
  'unverified',
  'contested',
  'refuted',
  'retracted'
]

export function normalizeReliability(value: string | null): Reliability | null {
  const letter = value?.trim().toUpperCase()
  return letter !== undefined && /^[A-F]$/.test(letter) ? (letter as Reliability) : null
}

export function normalizeCredibility(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value >= 1 && value <= 6 ? value : null
}

export function credibilityLabel(level: number): string {
  return CREDIBILITY_LABELS[level as Credibility] ?? ''
}

/** Admiralty code of a citation: source reliability + claim credibility, e.g. "B2"; "" if neither. */
export function admiraltyGrade(reliability: string | null, credibility: number | null): string {
  const letter = normalizeReliability(reliability)
  const digit = normalizeCredibility(credibility)
  if (letter === null && digit === null) return ''
  return `${letter ?? '–'}${digit ?? '–'}`
}

/**
 * The grade printed beside a citation: its source's reliability with the claim's credibility,
 * as far as the briefing includes them ("" when it includes neither).
 */
export function citationGrade(
  ctx: RenderContext,
  claim: BriefingClaim,
  citation: BriefingCitation
): string {
  if (!ctx.include.sourceReliability) return ''
  return admiraltyGrade(
    ctx.sources.get(citation.sourceId)?.reliability ?? null,
    ctx.include.statusAndCredibility ? claim.credibility : null
  )
}

/**
 * The grade printed beside one side of a figure conflict: its source's reliability, with the
 * credibility of the claim that quotes the passage when there is one.
 */
export function figureGrade(ctx: RenderContext, side: FigureSide): string {
  if (!ctx.include.sourceReliability) return ''
  const claim = side.claimId === null ? undefined : ctx.claimsById.get(side.claimId)
  return admiraltyGrade(
    ctx.sources.get(side.sourceId)?.reliability ?? null,
    ctx.include.statusAndCredibility ? (claim?.credibility ?? null) : null
  )
}

/** The figure conflicts to print: none when the briefing leaves them out. */
export function figureConflicts(ctx: RenderContext): { pairs: FigureConflict[]; omitted: number } {
  const found = ctx.data.figureConflicts
  if (!found || ctx.include.figureConflicts === false) return { pairs: [], omitted: 0 }
  return found
}

/** A sentence cut around its figure: text before, the figure, text after. */
export function splitAtFigure(
  sentence: string,
  figure: string
): { before: string; figure: string; after: string } {
  const at = figure === '' ? -1 : sentence.indexOf(figure)
  if (at < 0) return { before: sentence, figure: '', after: '' }
  return {
    before: sentence.slice(0, at),
    figure,
    after: sentence.slice(at + figure.length)
  }
}

/** `lang` and the language's name on a translation: read aloud right, labelled in print. */
export function translationAttributes(ctx: RenderContext): Html {
  const language = workingLanguage(ctx.data.options.workingLanguage)
  return html`lang="${language.code}" data-language="${language.name}"`
}

/** The URL normalised for an href, or null unless it is an absolute http(s) URL. */
export function safeHttpUrl(value: string | null): string | null {
  if (value === null) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

export function formatDate(value: string | null): string {
  if (value === null || value.trim() === '') return ''
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())
  return iso?.[1] ?? value.trim()
}

export function formatTimestamp(value: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC'
  }).format(date)
  const time = date.toISOString().slice(11, 16)
  return `${day}, ${time} UTC`
}

/** "2024-04-12" → "12 April 2024"; a partial date ("2024-04") as written. */
export function formatDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const date = new Date(`${value}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC'
  }).format(date)
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** Whole percentages that add up to 100 (largest remainder), or all 0 when total is 0. */
export function percentages(counts: readonly number[], total: number): number[] {
  if (total <= 0) return counts.map(() => 0)
  const exact = counts.map((count) => (count / total) * 100)
  const result = exact.map(Math.floor)
  let missing = 100 - result.reduce((sum, value) => sum + value, 0)
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of order) {
    if (missing <= 0) break
    if ((counts[index] ?? 0) === 0) continue
    result[index] = (result[index] ?? 0) + 1
    missing--
  }
  return result
}

export function contradictions(claim: BriefingClaim): BriefingRelation[] {
  return claim.relations.filter((relation) => relation.kind === 'contradicts')
}

/**
 * One side of a disagreement: the claim when it is in the briefing (with its quotes), else only
 * the text of the claim on the other end of the relation.
 */
export type DisagreementSide = { claim: BriefingClaim | null; text: string }
export type Disagreement = { left: DisagreementSide; right: DisagreementSide }

/**
 * Every `contradicts` relation among the briefing's claims, once, in reading order: the claim
 * contradicted on the left, the claim that contradicts it on the right.
 */
export function disagreementPairs(claims: readonly BriefingClaim[]): Disagreement[] {
  const byText = new Map(claims.map((claim) => [claim.text, claim]))
  const seen = new Set<string>()
  const pairs: Disagreement[] = []
  for (const claim of claims) {
    for (const relation of contradictions(claim)) {
      const other = byText.get(relation.otherText) ?? null
      const key = [claim.id, other?.id ?? relation.otherText].sort().join('\u0000')
      if (seen.has(key)) continue
      seen.add(key)
      const self: DisagreementSide = { claim, text: claim.text }
      const them: DisagreementSide = { claim: other, text: relation.otherText }
      pairs.push(
        relation.direction === 'out' ? { left: them, right: self } : { left: self, right: them }
      )
    }
  }
  return pairs
}

export function isFlagged(claim: BriefingClaim): boolean {
  return (
    claim.status === 'contested' || claim.status === 'refuted' || contradictions(claim).length > 0
  )
}

export type Summary = {
  claims: BriefingClaim[]
  byStatus: Map<ClaimStatus, number>
  byCredibility: Map<number | null, number>
  citations: number
  flagged: number
}

/** Counts over distinct claims (a claim listed in two groups counts once). */
export function summarize(data: BriefingData): Summary {
  const seen = new Map<string, BriefingClaim>()
  for (const group of data.groups) {
    for (const claim of group.claims) if (!seen.has(claim.id)) seen.set(claim.id, claim)
  }
  const claims = [...seen.values()]
  const byStatus = new Map<ClaimStatus, number>(BRIEFING_STATUS_ORDER.map((s) => [s, 0]))
  const byCredibility = new Map<number | null, number>([1, 2, 3, 4, 5, 6, null].map((c) => [c, 0]))
  let citations = 0
  let flagged = 0
  for (const claim of claims) {
    byStatus.set(claim.status, (byStatus.get(claim.status) ?? 0) + 1)
    const credibility = normalizeCredibility(claim.credibility)
    byCredibility.set(credibility, (byCredibility.get(credibility) ?? 0) + 1)
    citations += claim.citations.length
    if (isFlagged(claim)) flagged++
  }
  return { claims, byStatus, byCredibility, citations, flagged }
}

/** What every section reads: the data, its summary, and the numbers given in reading order. */
export type RenderContext = {
  data: BriefingData
  include: BriefingInclude
  summary: Summary
  sources: Map<string, BriefingSource>
  claimNumbers: Map<string, number>
  claimsById: Map<string, BriefingClaim>
  /** First endnote number of each claim, assigned in reading order at first appearance. */
  endnoteStart: Map<string, number>
}

export function renderContext(data: BriefingData): RenderContext {
  const summary = summarize(data)
  const claimNumbers = new Map<string, number>()
  const endnoteStart = new Map<string, number>()
  let nextEndnote = 1
  summary.claims.forEach((claim, index) => {
    claimNumbers.set(claim.id, index + 1)
    endnoteStart.set(claim.id, nextEndnote)
    nextEndnote += claim.citations.length
  })
  return {
    data,
    include: data.options.include,
    summary,
    sources: new Map(data.sources.map((source) => [source.id, source])),
    claimNumbers,
    claimsById: new Map(summary.claims.map((claim) => [claim.id, claim])),
    endnoteStart
  }
}
