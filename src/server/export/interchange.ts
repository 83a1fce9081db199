/**
 * Exports for the tools beside Attest, as JSON:
 * - `csl`: sources as CSL-JSON (an array of items), which Zotero and other reference managers
 *   import;
 * - `claimreview`: graded claims as schema.org `ClaimReview` JSON-LD. The verdict (the claim's
 *   status) is `reviewRating.alternateName`; the Admiralty grade is not a verdict, so it is
 *   given beside it (`reviewRating.ratingExplanation`, "Admiralty grade B2 (…)"), never in its
 *   place;
 * - `annotations`: citations as a W3C Web Annotation collection: each citation one
 *   `Annotation`, its target the source with a `TextQuoteSelector` and a
 *   `TextPositionSelector` (as Hypothesis stores them), its body the claim and the note.
 *
 * The text is JSON made safe to embed in an HTML `<script type="application/ld+json">`: `<`,
 * `>`, `&` and the line/paragraph separators are written as `\u` escapes.
 */

import type { ParsedInput } from '../../shared/contract'
import {
  CREDIBILITY_LABELS,
  RELIABILITY_LABELS,
  STATUS_LABELS,
  type ClaimStatus,
  type Credibility,
  type Reliability
} from '../../shared/domain'
import type { InterchangeExport, InterchangeFormat } from '../../shared/exportTypes'
import type { CoreContext } from '../records/context'
import { admiraltyGrade } from './briefing/model'

type SourceRow = {
  id: string
  title: string
  url: string | null
  publisher: string | null
  author: string | null
  publishedAt: string | null
  language: string | null
  kind: string
  reliability: string | null
  createdAt: string
}

type ClaimRow = {
  id: string
  text: string
  status: ClaimStatus
  credibility: number | null
  eventDate: string | null
  createdAt: string
  updatedAt: string
}

type CitationRow = {
  id: string
  claimId: string
  claimText: string
  sourceId: string
  sourceUrl: string | null
  sourceTitle: string
  quote: string
  prefix: string
  suffix: string
  start: number
  end: number
  stance: string
  locator: string | null
  note: string | null
  createdAt: string
  updatedAt: string
}

/** JSON that is also safe inside an HTML script element. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

const CSL_TYPES: Record<string, string> = {
  article: 'article-newspaper',
  report: 'report',
  interview: 'interview',
  dataset: 'dataset',
  other: 'document'
}

function dateParts(value: string | null): { 'date-parts': number[][] } | undefined {
  if (!value) return undefined
  const parts = value.split('-').map((part) => Number(part))
  return parts.every((part) => Number.isInteger(part)) ? { 'date-parts': [parts] } : undefined
}

/** "A; B" as CSL names: "Family, Given" split, anything else one literal name. */
type CslName = { family: string; given: string } | { literal: string }

function cslNames(author: string | null): CslName[] | undefined {
  const names = (author ?? '')
    .split(/\s*;\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
  if (names.length === 0) return undefined
  return names.map((name): CslName => {
    const [family, given, ...rest] = name.split(/\s*,\s*/)
    return family && given && rest.length === 0 ? { family, given } : { literal: name }
  })
}

function cslItems(sources: SourceRow[]): unknown[] {
  return sources.map((source) => {
    const type = CSL_TYPES[source.kind] ?? 'document'
    const item: Record<string, unknown> = { id: source.id, type, title: source.title }
    const author = cslNames(source.author)
    if (author) item.author = author
    if (source.publisher) {
      if (type === 'article-newspaper') item['container-title'] = source.publisher
      else item.publisher = source.publisher
    }
    const issued = dateParts(source.publishedAt)
    if (issued) item.issued = issued
    if (source.url) item.URL = source.url
    const doi = /^https?:\/\/(?:dx\.)?doi\.org\/(10\..+)$/i.exec(source.url ?? '')?.[1]
    if (doi) item.DOI = decodeURIComponent(doi)
    if (source.language) item.language = source.language
    item.accessed = dateParts(source.createdAt.slice(0, 10))
    if (source.reliability) {
      const label = RELIABILITY_LABELS[source.reliability as Reliability]
      item.note = `Admiralty source reliability: ${source.reliability} (${label})`
    }
    return item
  })
}

/** schema.org ratings for our verdicts: 5 true … 1 false; no number where there is no verdict. */
const RATING_VALUES: Partial<Record<ClaimStatus, number>> = {
  corroborated: 5,
  contested: 3,
  refuted: 1
}

const claimUrl = (baseUrl: string | undefined, id: string): string =>
  baseUrl ? `${baseUrl.replace(/#.*$/, '')}#claim-${id}` : `urn:uuid:${id}`

function claimReviews(
  claims: ClaimRow[],
  appearances: Map<string, SourceRow[]>,
  author: string,
  baseUrl: string | undefined
): unknown[] {
  return claims.map((claim) => {
    const sources = appearances.get(claim.id) ?? []
    // The grade of the claim as its best-graded source and its credibility give it.
    const best = sources
      .map((source) => source.reliability)
      .filter((grade): grade is string => grade !== null)
      .sort()[0]
    const grade = admiraltyGrade(best ?? null, claim.credibility)
    const verdict = STATUS_LABELS[claim.status]
    const rating: Record<string, unknown> = {
      '@type': 'Rating',
      alternateName: verdict
    }
    const value = RATING_VALUES[claim.status]
    if (value !== undefined) {
      rating.ratingValue = value
      rating.bestRating = 5
      rating.worstRating = 1
    }
    if (grade) {
      const parts = [
        best ? RELIABILITY_LABELS[best as Reliability] : null,
        claim.credibility ? CREDIBILITY_LABELS[claim.credibility as Credibility] : null
      ].filter(Boolean)
      rating.ratingExplanation = `Admiralty grade ${grade}${parts.length ? ` (${parts.join('; ')})` : ''}`
    }
    const claimItem: Record<string, unknown> = {
      '@type': 'Claim',
      appearance: sources.map((source) => {
        const work: Record<string, unknown> = { '@type': 'CreativeWork', headline: source.title }
        if (source.url) work.url = source.url
        if (source.author) work.author = { '@type': 'Person', name: source.author }
        if (source.publisher) work.publisher = { '@type': 'Organization', name: source.publisher }
        if (source.publishedAt) work.datePublished = source.publishedAt
        return work
      })
    }
    if (claim.eventDate) claimItem.datePublished = claim.eventDate
    const review: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: claimUrl(baseUrl, claim.id),
      claimReviewed: claim.text,
      itemReviewed: claimItem,
      author: { '@type': 'Organization', name: author },
      datePublished: claim.updatedAt.slice(0, 10),
      reviewRating: rating
    }
    return review
  })
}

const STANCE_PURPOSE: Record<string, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  mentions: 'mentions'
}

function annotationCollection(citations: CitationRow[], label: string): unknown {
  const items = citations.map((citation) => {
    const body: Array<Record<string, unknown>> = [
      {
        type: 'TextualBody',
        purpose: 'describing',
        format: 'text/plain',
        value: citation.claimText
      },
      {
        type: 'TextualBody',
        purpose: 'tagging',
        value: STANCE_PURPOSE[citation.stance] ?? citation.stance
      }
    ]
    if (citation.note) {
      body.push({
        type: 'TextualBody',
        purpose: 'commenting',
        format: 'text/plain',
        value: citation.note
      })
    }
    const target: Record<string, unknown> = {
      source: citation.sourceUrl ?? `urn:uuid:${citation.sourceId}`,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: citation.quote,
          prefix: citation.prefix,
          suffix: citation.suffix
        },
        { type: 'TextPositionSelector', start: citation.start, end: citation.end }
      ]
    }
    return {
      id: `urn:uuid:${citation.id}`,
      type: 'Annotation',
      motivation: 'assessing',
      created: citation.createdAt,
      modified: citation.updatedAt,
      body,
      target
    }
  })
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items }
  }
}

const SOURCE_COLUMNS = `id, title, url, publisher, author, published_at AS publishedAt, language, kind,
  reliability, created_at AS createdAt`

/** One of the interchange files of the whole project (live records only). */
export function interchangeExport(
  ctx: CoreContext,
  input: ParsedInput<'export.interchange'>
): InterchangeExport {
  const format: InterchangeFormat = input.format
  const author = input.author?.trim() || 'Attest'
  return ctx.store.read((db) => {
    if (format === 'csl') {
      const sources = db.all<SourceRow>(
        `SELECT ${SOURCE_COLUMNS} FROM sources WHERE deleted_at IS NULL ORDER BY seq`
      )
      return {
        format,
        fileName: 'sources.csl.json',
        mimeType: 'application/vnd.citationstyles.csl+json',
        records: sources.length,
        text: safeJson(cslItems(sources))
      }
    }
    if (format === 'claimreview') {
      // Graded: a verdict other than "unverified", or a credibility.
      const claims = db.all<ClaimRow>(
        `SELECT id, text, status, credibility, event_date AS eventDate, created_at AS createdAt,
           updated_at AS updatedAt
         FROM claims
         WHERE deleted_at IS NULL AND (status <> 'unverified' OR credibility IS NOT NULL)
         ORDER BY seq`
      )
      const links = db.all<SourceRow & { claimId: string }>(
        `SELECT DISTINCT c.claim_id AS claimId, s.id, s.title, s.url, s.publisher, s.author,
           s.published_at AS publishedAt, s.language, s.kind, s.reliability,
           s.created_at AS createdAt
         FROM citations c JOIN sources s ON s.id = c.source_id
         JOIN claims k ON k.id = c.claim_id
         WHERE s.deleted_at IS NULL AND k.deleted_at IS NULL
         ORDER BY s.seq`
      )
      const appearances = new Map<string, SourceRow[]>()
      for (const { claimId, ...source } of links) {
        const list = appearances.get(claimId) ?? []
        if (!list.some((known) => known.id === source.id)) list.push(source)
        appearances.set(claimId, list)
      }
      return {
        format,
        fileName: 'claims.claimreview.jsonld',
        mimeType: 'application/ld+json',
        records: claims.length,
        text: safeJson(claimReviews(claims, appearances, author, input.baseUrl ?? undefined))
      }
    }
    const citations = db.all<CitationRow>(
      `SELECT c.id, c.claim_id AS claimId, k.text AS claimText, c.source_id AS sourceId,
         s.url AS sourceUrl, s.title AS sourceTitle, c.quote, c.prefix, c.suffix,
         c.start_offset AS start, c.end_offset AS "end", c.stance, c.locator, c.note,
         c.created_at AS createdAt, c.updated_at AS updatedAt
       FROM citations c JOIN claims k ON k.id = c.claim_id JOIN sources s ON s.id = c.source_id
       WHERE k.deleted_at IS NULL AND s.deleted_at IS NULL AND c.anchor_status <> 'orphaned'
       ORDER BY c.seq`
    )
    return {
      format,
      fileName: 'citations.annotations.jsonld',
      mimeType: 'application/ld+json',
      records: citations.length,
      text: safeJson(annotationCollection(citations, `Citations exported by ${author}`))
    }
  })
}
