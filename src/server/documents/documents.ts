import type { ParsedInput } from '../../shared/contract'
import type {
  ClutterRange,
  DocumentDraft,
  ReferenceDrafts,
  TextMatch
} from '../../shared/documentTypes'
import { AttestError } from '../../shared/result'
import { findClutter, prepareImport, prepareImportFromText } from '../import'
import { preparePackagedImport } from '../import/formats'
import { prepareReferences } from '../import/references'
import { requireFound, type CoreContext } from '../records/context'
import { sourceLayoutOf } from '../records/sourceLayout'

/** Reads a file or pasted text into a draft for the analyst to confirm. Stores nothing. */
export async function prepareDocument(
  ctx: CoreContext,
  input: ParsedInput<'documents.prepare'>
): Promise<DocumentDraft> {
  const bytes = input.dataBase64 !== undefined ? Buffer.from(input.dataBase64, 'base64') : null
  const result = bytes
    ? ((await preparePackagedImport(bytes, input.fileName)) ?? prepareImport(bytes, input.fileName))
    : prepareImportFromText(input.text ?? '', input.fileName)
  if (!result.ok) throw new AttestError('invalid_input', result.message)
  return { ...result.draft, duplicateOf: duplicateOf(ctx, result.draft.contentHash) }
}

function duplicateOf(ctx: CoreContext, contentHash: string): DocumentDraft['duplicateOf'] {
  const duplicate = ctx.store.read((db) =>
    db.get<{ id: string; title: string; deletedAt: string | null }>(
      `SELECT id, title, deleted_at AS deletedAt FROM sources WHERE content_hash = ?
       ORDER BY deleted_at IS NOT NULL, created_at LIMIT 1`,
      [contentHash]
    )
  )
  return duplicate
    ? { id: duplicate.id, title: duplicate.title, trashed: duplicate.deletedAt !== null }
    : null
}

/** Reads a reference file into one draft per record. Stores nothing. */
export async function prepareReferenceFile(
  ctx: CoreContext,
  input: ParsedInput<'references.prepare'>
): Promise<ReferenceDrafts> {
  const bytes = Buffer.from(input.dataBase64, 'base64')
  const result = await prepareReferences(bytes, input.fileName)
  if (!result) {
    throw new AttestError(
      'invalid_input',
      `“${input.fileName}” is not a reference file: use .ris, .bib or CSL-JSON .json.`
    )
  }
  if (!result.ok) throw new AttestError('invalid_input', result.message)
  return {
    format: result.format,
    drafts: result.drafts.map((draft) => ({
      ...draft,
      duplicateOf: duplicateOf(ctx, draft.contentHash)
    }))
  }
}

function contentOf(ctx: CoreContext, id: string): string {
  return requireFound(
    ctx.store.read((db) => db.pluck<string>(`SELECT content FROM sources WHERE id = ?`, [id])),
    'That source'
  )
}

/**
 * The parts of a source's text that the reading view sets aside (images, captions, …, and a
 * PDF's running headers, footers and page numbers).
 */
export function sourceClutter(ctx: CoreContext, id: string): ClutterRange[] {
  const found = findClutter(contentOf(ctx, id))
  const layout = ctx.store.read((db) => sourceLayoutOf(db, id))
  if (!layout || layout.furniture.length === 0) return found
  const furniture = layout.furniture.map((range) => ({ ...range, reason: 'furniture' as const }))
  return [...found, ...furniture].sort((a, b) => a.start - b.start)
}

type Folded = { folded: string; map: number[] }

/** Lower-cased text without diacritics, with a map back to the original offsets. */
function fold(value: string): Folded {
  const parts: string[] = []
  const map: number[] = []
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string
    // ASCII needs no normalisation: the common case stays cheap on long texts.
    const base =
      char < '\u0080'
        ? char.toLowerCase()
        : char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    for (let j = 0; j < base.length; j++) map.push(i)
    parts.push(base)
  }
  map.push(value.length)
  return { folded: parts.join(''), map }
}

const foldedSources = new Map<string, Folded>()

/** Case- and diacritic-insensitive occurrences of `text` in a source. */
export function findInSource(
  ctx: CoreContext,
  id: string,
  text: string,
  limit: number
): TextMatch[] {
  const source = requireFound(
    ctx.store.read((db) =>
      db.get<{ content: string; updatedAt: string }>(
        `SELECT content, updated_at AS updatedAt FROM sources WHERE id = ?`,
        [id]
      )
    ),
    'That source'
  )
  // The folded text is kept for the last few sources searched (every keystroke in the find
  // box asks again); an edit changes updated_at, which retires the entry.
  const key = `${id}@${source.updatedAt}:${source.content.length}`
  let haystack = foldedSources.get(key)
  if (!haystack) {
    haystack = fold(source.content)
    foldedSources.set(key, haystack)
    if (foldedSources.size > 4) foldedSources.delete(foldedSources.keys().next().value as string)
  }
  const needle = fold(text).folded
  const matches: TextMatch[] = []
  if (!needle) return matches
  for (let at = haystack.folded.indexOf(needle); at >= 0 && matches.length < limit;) {
    const start = haystack.map[at] as number
    const lastChar = haystack.map[at + needle.length - 1] as number
    matches.push({ start, end: lastChar + 1 })
    at = haystack.folded.indexOf(needle, at + needle.length)
  }
  return matches
}
