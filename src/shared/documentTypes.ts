import type { AnchorStatus, CitationStance } from './domain'
import type { SourceLayout } from './pages'
import type { Claim } from './types'

/** Output types of the document requests (contractDocuments.ts). */

export type ClutterRange = {
  start: number
  end: number
  reason: 'image' | 'caption' | 'counter' | 'no-data' | 'related' | 'banner' | 'furniture'
}

export type DocumentDraft = {
  title: string
  url: string | null
  publisher: string | null
  author: string | null
  publishedAt: string | null
  language: string | null
  content: string
  contentHash: string
  clutter: ClutterRange[]
  fileName: string
  format: 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'reference'
  /** Pages of a PDF (where each starts, its running headers and footers); null otherwise. */
  layout: SourceLayout | null
  /** A source already in the project with the same text, if any. */
  duplicateOf: { id: string; title: string; trashed: boolean } | null
}

export type Citation = {
  id: string
  claimId: string
  sourceId: string
  quote: string
  prefix: string
  suffix: string
  start: number
  end: number
  stance: CitationStance
  locator: string | null
  note: string | null
  /** The analyst's translation of the quote (the quote stays as written). */
  translation: string | null
  anchorStatus: AnchorStatus
  createdAt: string
  updatedAt: string
  claimText: string
  claimStatus: string
  sourceTitle: string
  sourceReliability: string | null
  /** Admiralty rating: source reliability + claim credibility, e.g. "B2". */
  grade: string | null
}

export type TextMatch = { start: number; end: number }

/** The records of a reference file, each a draft (see server/import/references.ts). */
export type ReferenceDrafts = {
  format: 'ris' | 'bibtex' | 'csl'
  drafts: DocumentDraft[]
}

export type DocumentOutputs = {
  'documents.prepare': DocumentDraft
  'references.prepare': ReferenceDrafts
  'sources.clutter': ClutterRange[]
  'sources.findText': TextMatch[]
  'citations.list': Citation[]
  'citations.create': Citation
  'claims.createFromSelection': { claim: Claim; citation: Citation }
  'citations.update': Citation
  'citations.reanchor': Citation
  'citations.delete': { deleted: number }
}
