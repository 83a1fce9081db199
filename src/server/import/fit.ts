import { isoDate, language, SOURCE_LIMITS, url } from '../../shared/schemas'
import type { DocumentMetadata } from './metadata'

const ELLIPSIS = '…'

/**
 * `text` trimmed and, when longer than `max` UTF-16 code units, cut to fit with an ellipsis:
 * at the last space in the final fifth of what fits (so a word is not split), otherwise at the
 * last whole code point (a surrogate pair is never split).
 */
export function ellipsize(text: string, max: number): string {
  const value = text.trim()
  if (value.length <= max) return value
  let end = max - ELLIPSIS.length
  const code = value.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1
  const space = value.lastIndexOf(' ', end)
  if (space > end * 0.8) end = space
  return value.slice(0, end).trimEnd() + ELLIPSIS
}

/**
 * Metadata an import proposes, made to fit what saving a source accepts (SOURCE_LIMITS and the
 * same field schemas): long titles, publishers and authors are cut with an ellipsis; a URL that
 * is too long or not http(s) is dropped rather than cut, since a cut URL points elsewhere; a
 * date or language that the save would refuse is dropped too.
 */
export function fitMetadata(metadata: DocumentMetadata, fallbackTitle: string): DocumentMetadata {
  const title = ellipsize(metadata.title, SOURCE_LIMITS.title)
  const optional = (value: string | null, max: number): string | null =>
    value === null ? null : ellipsize(value, max) || null
  const valid = <T>(schema: { safeParse(v: unknown): { success: boolean } }, value: T): T | null =>
    value !== null && schema.safeParse(value).success ? value : null
  return {
    ...metadata,
    title: title || ellipsize(fallbackTitle, SOURCE_LIMITS.title) || 'Untitled document',
    publisher: optional(metadata.publisher, SOURCE_LIMITS.publisher),
    author: optional(metadata.author, SOURCE_LIMITS.author),
    url: valid(url, metadata.url?.trim() ?? null),
    publishedAt: valid(isoDate, metadata.publishedAt),
    language: valid(language, metadata.language)
  }
}
