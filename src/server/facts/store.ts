// Facts kept in the project: computed for a source's clean text (clutter and page furniture
// blanked, offsets kept), a claim's text and a citation's quote, stored with the key of the
// text they came from. Writes of a text recompute its facts in the same transaction; a read
// recomputes any whose key no longer matches (an undo, a project from before version 9), so
// what is read is always current. The grid's list queries never touch this table.

import { createHash } from 'node:crypto'
import type { StoredFact, FactOwner } from '../../shared/factTypes'
import { findClutter } from '../import'
import type { SqliteDb } from '../store/sqlite'
import { extractFacts } from './extract'
import type { Fact } from './types'

type OwnerText = {
  kind: FactOwner
  id: string
  sourceId: string | null
  key: string
  /** Characters of the text, when known without reading it. */
  length?: number
  /** Read only when the key shows the stored facts are stale. */
  text: () => { text: string; lang: string; published: string | null }
}

function hashOf(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32)
}

/** Blanks clutter ranges with spaces (line breaks kept), so offsets stay those of the text. */
export function blankRanges(text: string, ranges: Array<{ start: number; end: number }>): string {
  if (ranges.length === 0) return text
  const parts: string[] = []
  let at = 0
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(at, Math.min(range.start, text.length))
    const end = Math.max(start, Math.min(range.end, text.length))
    parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\n]/g, ' '))
    at = end
  }
  parts.push(text.slice(at))
  return parts.join('')
}

function langOf(language: string | null): string {
  return (language ?? '').trim().toLowerCase().split(/[-_]/)[0] || 'en'
}

type SourceRow = {
  id: string
  contentHash: string | null
  language: string | null
  publishedAt: string | null
  layout: string | null
  length: number
}

function sourceOwners(db: SqliteDb, sourceId?: string): OwnerText[] {
  const rows = db.all<SourceRow>(
    `SELECT id, content_hash AS contentHash, language, published_at AS publishedAt, layout,
       length(content) AS length
     FROM sources WHERE deleted_at IS NULL ${sourceId ? 'AND id = ?' : ''} ORDER BY seq`,
    sourceId ? [sourceId] : []
  )
  return rows.map((row) => ({
    kind: 'source',
    id: row.id,
    sourceId: row.id,
    length: row.length,
    key: hashOf(
      `${row.contentHash ?? ''}|${row.language ?? ''}|${row.publishedAt ?? ''}|${row.layout ?? ''}`
    ),
    text: () => {
      const content = db.pluck<string>(`SELECT content FROM sources WHERE id = ?`, [row.id]) ?? ''
      const furniture = row.layout
        ? ((JSON.parse(row.layout) as { furniture?: Array<{ start: number; end: number }> })
            .furniture ?? [])
        : []
      return {
        text: blankRanges(content, [...findClutter(content), ...furniture]),
        lang: langOf(row.language),
        published: row.publishedAt
      }
    }
  }))
}

function claimOwners(db: SqliteDb, claimId?: string): OwnerText[] {
  // A claim is read in the language of the first source it cites (English when none).
  const rows = db.all<{
    id: string
    text: string
    language: string | null
    published: string | null
  }>(
    `SELECT c.id, c.text,
       (SELECT s.language FROM citations ci JOIN sources s ON s.id = ci.source_id
        WHERE ci.claim_id = c.id ORDER BY ci.seq LIMIT 1) AS language,
       (SELECT s.published_at FROM citations ci JOIN sources s ON s.id = ci.source_id
        WHERE ci.claim_id = c.id ORDER BY ci.seq LIMIT 1) AS published
     FROM claims c WHERE c.deleted_at IS NULL ${claimId ? 'AND c.id = ?' : ''} ORDER BY c.seq`,
    claimId ? [claimId] : []
  )
  return rows.map((row) => ({
    kind: 'claim',
    id: row.id,
    sourceId: null,
    key: hashOf(`${row.text}|${row.language ?? ''}|${row.published ?? ''}`),
    text: () => ({ text: row.text, lang: langOf(row.language), published: row.published })
  }))
}

function citationOwners(db: SqliteDb, where: { id?: string; sourceId?: string }): OwnerText[] {
  const rows = db.all<{
    id: string
    sourceId: string
    quote: string
    language: string | null
    published: string | null
  }>(
    `SELECT ci.id, ci.source_id AS sourceId, ci.quote, s.language, s.published_at AS published
     FROM citations ci JOIN sources s ON s.id = ci.source_id
     WHERE s.deleted_at IS NULL ${where.id ? 'AND ci.id = ?' : ''}
       ${where.sourceId ? 'AND ci.source_id = ?' : ''} ORDER BY ci.seq`,
    [...(where.id ? [where.id] : []), ...(where.sourceId ? [where.sourceId] : [])]
  )
  return rows.map((row) => ({
    kind: 'citation',
    id: row.id,
    sourceId: row.sourceId,
    key: hashOf(`${row.quote}|${row.language ?? ''}|${row.published ?? ''}`),
    text: () => ({ text: row.quote, lang: langOf(row.language), published: row.published })
  }))
}

function toStored(owner: OwnerText, fact: Fact): StoredFact {
  return {
    owner: owner.kind,
    ownerId: owner.id,
    sourceId: owner.sourceId,
    quote: fact.quote,
    sentence: fact.sentence,
    kind: fact.kind,
    low: fact.low,
    high: fact.high,
    unit: fact.unit,
    from: fact.from,
    to: fact.to,
    status: fact.status,
    bound: fact.bound,
    period: fact.period,
    start: fact.start,
    end: fact.end,
    lang: fact.lang
  }
}

function compute(owner: OwnerText): StoredFact[] {
  const { text, lang, published } = owner.text()
  return extractFacts(text, { lang, published }).map((fact) => toStored(owner, fact))
}

function save(db: SqliteDb, owner: OwnerText, facts: StoredFact[]): void {
  db.run(
    `INSERT INTO facts (owner_kind, owner_id, source_id, text_key, facts) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner_kind, owner_id) DO UPDATE SET
       source_id = excluded.source_id, text_key = excluded.text_key, facts = excluded.facts`,
    [owner.kind, owner.id, owner.sourceId, owner.key, JSON.stringify(facts)]
  )
}

function hasFactsTable(db: SqliteDb): boolean {
  return Boolean(db.pluck(`SELECT 1 FROM sqlite_master WHERE name = 'facts'`))
}

/**
 * Longest text whose facts are computed inside the write that saved it (about 0.1 s). A
 * larger one (a book, a data dump) is left stale and computed when facts are first read, so
 * that saving it never holds the store for seconds.
 */
export const REFRESH_IN_WRITE_MAX = 1_000_000

/**
 * Recomputes the stored facts of one text after it was written; called inside the writing
 * transaction. A text whose key did not change costs one indexed look-up.
 */
export function refreshFacts(db: SqliteDb, kind: FactOwner, id: string): void {
  if (!hasFactsTable(db)) return
  const owners =
    kind === 'source'
      ? sourceOwners(db, id)
      : kind === 'claim'
        ? claimOwners(db, id)
        : citationOwners(db, { id })
  for (const owner of owners) {
    const stored = db.pluck<string>(
      `SELECT text_key FROM facts WHERE owner_kind = ? AND owner_id = ?`,
      [owner.kind, owner.id]
    )
    if (stored === owner.key) continue
    if ((owner.length ?? 0) > REFRESH_IN_WRITE_MAX) {
      db.run(`DELETE FROM facts WHERE owner_kind = ? AND owner_id = ?`, [owner.kind, owner.id])
    } else {
      save(db, owner, compute(owner))
    }
  }
}

export type FactScope = { sourceId?: string; owners?: FactOwner[] }

/**
 * The current facts of the texts in scope. Stale or missing ones are computed; `persist` is
 * called with them so that a writable project keeps them (a read-only one just reads).
 */
export function currentFacts(
  db: SqliteDb,
  scope: FactScope,
  persist: (save: (db: SqliteDb) => void) => void
): StoredFact[] {
  const kinds = scope.owners ?? ['source']
  const owners: OwnerText[] = []
  if (kinds.includes('source')) owners.push(...sourceOwners(db, scope.sourceId))
  if (kinds.includes('citation')) owners.push(...citationOwners(db, { sourceId: scope.sourceId }))
  if (kinds.includes('claim') && !scope.sourceId) owners.push(...claimOwners(db))
  const stored = new Map<string, { key: string; facts: string }>()
  if (hasFactsTable(db)) {
    for (const row of db.all<{ kind: string; id: string; key: string; facts: string }>(
      `SELECT owner_kind AS kind, owner_id AS id, text_key AS key, facts FROM facts
       ${scope.sourceId ? 'WHERE source_id = ?' : ''}`,
      scope.sourceId ? [scope.sourceId] : []
    )) {
      stored.set(`${row.kind}:${row.id}`, row)
    }
  }
  const out: StoredFact[] = []
  const fresh: Array<{ owner: OwnerText; facts: StoredFact[] }> = []
  for (const owner of owners) {
    const row = stored.get(`${owner.kind}:${owner.id}`)
    if (row && row.key === owner.key) {
      out.push(...(JSON.parse(row.facts) as StoredFact[]))
      continue
    }
    const facts = compute(owner)
    fresh.push({ owner, facts })
    out.push(...facts)
  }
  if (fresh.length > 0 && hasFactsTable(db)) {
    persist((writeDb) => {
      for (const { owner, facts } of fresh) save(writeDb, owner, facts)
    })
  }
  return out
}
