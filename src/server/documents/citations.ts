import { randomUUID } from 'node:crypto'
import { pageLocator } from '../../shared/pages'
import type { ParsedInput } from '../../shared/contract'
import { anchorQuote, describeRange, normalizeSelection } from '../../shared/anchoring'
import type { Citation } from '../../shared/documentTypes'
import { AttestError } from '../../shared/result'
import { contentHashOf } from '../import'
import { getClaim } from '../records/claims'
import { mutate, requireFound, type CoreContext } from '../records/context'
import type { Operation } from '../records/history'
import { sourceLayoutOf } from '../records/sourceLayout'
import { refreshClaimFlag } from '../facts/flag'
import { refreshFacts } from '../facts/store'
import type { SqliteDb } from '../store/sqlite'

type CitationRow = Omit<Citation, 'grade'> & { credibility: number | null }

const SELECT = `SELECT ci.id, ci.claim_id AS claimId, ci.source_id AS sourceId, ci.quote, ci.prefix,
  ci.suffix, ci.start_offset AS start, ci.end_offset AS "end", ci.stance, ci.locator, ci.note,
  ci.translation,
  ci.anchor_status AS anchorStatus, ci.created_at AS createdAt, ci.updated_at AS updatedAt,
  c.text AS claimText, c.status AS claimStatus, c.credibility, s.title AS sourceTitle,
  s.reliability AS sourceReliability
  FROM citations ci JOIN claims c ON c.id = ci.claim_id JOIN sources s ON s.id = ci.source_id`

function toCitation(row: CitationRow): Citation {
  const { credibility, ...rest } = row
  // An Admiralty rating needs both halves; until the claim is graded there is none.
  const grade =
    row.sourceReliability && credibility ? `${row.sourceReliability}${credibility}` : null
  return { ...rest, grade }
}

export function listCitations(ctx: CoreContext, input: ParsedInput<'citations.list'>): Citation[] {
  return ctx.store.read((db) => {
    const where: string[] = []
    const params: string[] = []
    if (input.claimId) {
      where.push('ci.claim_id = ?')
      params.push(input.claimId)
    }
    if (input.sourceId) {
      where.push('ci.source_id = ?')
      params.push(input.sourceId)
    }
    if (input.orphanedOnly) where.push(`ci.anchor_status = 'orphaned'`)
    where.push('c.deleted_at IS NULL')
    const order = input.sourceId ? 'ci.start_offset, ci.seq' : 'ci.created_at, ci.seq'
    return db
      .all<CitationRow>(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT 5000`,
        params
      )
      .map(toCitation)
  })
}

export function getCitation(ctx: CoreContext, id: string): Citation {
  return ctx.store.read((db) =>
    toCitation(
      requireFound(db.get<CitationRow>(`${SELECT} WHERE ci.id = ?`, [id]), 'That citation')
    )
  )
}

function sourceText(db: SqliteDb, sourceId: string): string {
  const content = db.pluck<string>(
    `SELECT content FROM sources WHERE id = ? AND deleted_at IS NULL`,
    [sourceId]
  )
  if (content === undefined) throw new AttestError('not_found', 'That source does not exist.')
  return content
}

/** The exact quote and selectors for a range of a source's text, checked against it. */
function selectors(text: string, start: number, end: number) {
  if (end > text.length) {
    throw new AttestError('invalid_input', 'The selection lies outside the source text.')
  }
  const range = normalizeSelection(text, start, end)
  if (range.end <= range.start) {
    throw new AttestError('invalid_input', 'The selection is only whitespace; select some words.')
  }
  return describeRange(text, range.start, range.end)
}

export function insertCitation(
  op: Operation,
  db: SqliteDb,
  input: { claimId: string; sourceId: string; start: number; end: number } & Partial<
    Pick<Citation, 'stance' | 'locator' | 'note' | 'translation'>
  >
): string {
  const text = sourceText(db, input.sourceId)
  const { quote, position } = selectors(text, input.start, input.end)
  const id = randomUUID()
  op.create('citation', id, {
    claimId: input.claimId,
    sourceId: input.sourceId,
    quote: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position.start,
    end: position.end,
    stance: input.stance ?? 'supports',
    // A citation in a paged source (PDF) says its page by itself.
    locator:
      input.locator ??
      pageLocator(
        sourceLayoutOf(db, input.sourceId)?.pageStarts ?? null,
        position.start,
        position.end
      ),
    note: input.note ?? null,
    translation: input.translation ?? null,
    sourceHash: contentHashOf(text),
    anchorStatus: 'exact'
  })
  return id
}

export function createCitation(ctx: CoreContext, input: ParsedInput<'citations.create'>): Citation {
  const db = ctx.store.db
  if (!db.pluck(`SELECT 1 FROM claims WHERE id = ? AND deleted_at IS NULL`, [input.claimId])) {
    throw new AttestError('not_found', 'That claim does not exist.')
  }
  const id = mutate(ctx, 'Cite a passage', (op) => {
    const citationId = insertCitation(op, db, input)
    refreshFacts(db, 'citation', citationId)
    refreshFacts(db, 'claim', input.claimId)
    refreshClaimFlag(op, db, input.claimId)
    return citationId
  })
  return getCitation(ctx, id)
}

export function createClaimFromSelection(
  ctx: CoreContext,
  input: ParsedInput<'claims.createFromSelection'>
) {
  const db = ctx.store.db
  const text = sourceText(db, input.sourceId)
  const { quote } = selectors(text, input.start, input.end)
  const claimId = randomUUID()
  const citationId = mutate(ctx, 'New claim from selection', (op) => {
    op.create('claim', claimId, {
      text: input.text ?? quote.exact.replace(/\s+/g, ' ').trim(),
      status: 'unverified',
      eventDate: null,
      credibility: null,
      confidence: null
    })
    const citationId = insertCitation(op, db, { ...input, claimId })
    refreshFacts(db, 'citation', citationId)
    refreshFacts(db, 'claim', claimId)
    refreshClaimFlag(op, db, claimId)
    return citationId
  })
  return { claim: getClaim(ctx, claimId), citation: getCitation(ctx, citationId) }
}

export function updateCitation(ctx: CoreContext, input: ParsedInput<'citations.update'>): Citation {
  mutate(ctx, 'Edit citation', (op) => {
    const values: Record<string, string | null> = {}
    for (const [field, value] of Object.entries(input.changes)) {
      if (value !== undefined) values[field] = value
    }
    op.update('citation', input.id, values)
    const claimId = ctx.store.db.pluck<string>(`SELECT claim_id FROM citations WHERE id = ?`, [
      input.id
    ])
    if (claimId) refreshClaimFlag(op, ctx.store.db, claimId)
  })
  return getCitation(ctx, input.id)
}

export function reanchorCitation(
  ctx: CoreContext,
  input: ParsedInput<'citations.reanchor'>
): Citation {
  const db = ctx.store.db
  const sourceId = requireFound(
    db.pluck<string>(`SELECT source_id FROM citations WHERE id = ?`, [input.id]),
    'That citation'
  )
  const text = sourceText(db, sourceId)
  const { quote, position } = selectors(text, input.start, input.end)
  mutate(ctx, 'Anchor citation again', (op) =>
    op.update('citation', input.id, {
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      sourceHash: contentHashOf(text),
      anchorStatus: 'exact'
    })
  )
  return getCitation(ctx, input.id)
}

export function deleteCitation(ctx: CoreContext, id: string): { deleted: number } {
  const { claimId } = getCitation(ctx, id)
  mutate(ctx, 'Remove citation', (op) => {
    op.remove('citation', id)
    refreshClaimFlag(op, ctx.store.db, claimId)
  })
  return { deleted: 1 }
}

type StoredAnchor = {
  id: string
  quote: string
  prefix: string
  suffix: string
  start: number
  end: number
  anchorStatus: string
}

/**
 * After a source's text changed: find every citation again (exact position, then exact
 * quote, then fuzzy quote with its context). The quote stays the analyst's words; what cannot
 * be found is flagged orphaned, never dropped. Runs inside the edit's own operation, so undoing
 * the text edit also restores the anchors.
 */
export function reanchorSource(op: Operation, db: SqliteDb, sourceId: string, text: string): void {
  const rows = db.all<StoredAnchor>(
    `SELECT id, quote, prefix, suffix, start_offset AS start, end_offset AS "end",
       anchor_status AS anchorStatus
     FROM citations WHERE source_id = ?`,
    [sourceId]
  )
  const hash = contentHashOf(text)
  for (const row of rows) {
    const anchor = anchorQuote(
      text,
      { exact: row.quote, prefix: row.prefix, suffix: row.suffix },
      { start: row.start, end: row.end }
    )
    if (anchor.status === 'orphaned') {
      op.update('citation', row.id, { anchorStatus: 'orphaned', sourceHash: hash })
      continue
    }
    const context = describeRange(text, anchor.start, anchor.end)
    op.update('citation', row.id, {
      start: anchor.start,
      end: anchor.end,
      prefix: context.quote.prefix,
      suffix: context.quote.suffix,
      anchorStatus:
        anchor.status === 'exact' && row.anchorStatus === 'exact' ? 'exact' : anchor.status,
      sourceHash: hash
    })
  }
}
