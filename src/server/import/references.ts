/**
 * Reference files from a reference manager (Zotero, EndNote, JabRef, …): RIS, BibTeX/BibLaTeX
 * and CSL-JSON, one or many records, each record a source draft. RIS and BibTeX are read into
 * CSL-JSON by citation-js (pinned at 0.8.2, the family plugin-ris installs with); CSL-JSON is
 * read as it is. What the parsers leave raw is cleaned here: RIS dates such as "2025/11/03"
 * (kept as `issued.raw`), news items' authors under `reporter`, BibLaTeX language names
 * ("ngerman") instead of ISO codes, and HTML/LaTeX leftovers in titles.
 *
 * The content of a reference source is its abstract; without one, a citation line made of
 * its fields, so that the source has text to find and to cite.
 */

import { Cite } from '@citation-js/core'
import '@citation-js/plugin-ris'
import '@citation-js/plugin-bibtex'
import { contentHashOf, MAX_DOCUMENT_BYTES, type ImportDraft } from './index'
import { fitMetadata } from './fit'

import { referenceFormat, type ReferenceFormat } from './referenceFormat'

export type { ReferenceFormat } from './referenceFormat'
export { referenceFormat } from './referenceFormat'

export const REFERENCE_FORMAT_NAMES: Record<ReferenceFormat, string> = {
  ris: 'RIS',
  bibtex: 'BibTeX',
  csl: 'CSL-JSON'
}

export type ReferencesResult =
  { ok: true; format: ReferenceFormat; drafts: ImportDraft[] } | { ok: false; message: string }

/** A CSL-JSON name: structured, or one literal string. */
type CslName = { family?: string; given?: string; literal?: string } | string
type CslDate = { 'date-parts'?: unknown[][]; raw?: string; literal?: string } | string

/** The CSL-JSON fields read here (the rest of a record is ignored). */
export interface CslItem {
  id?: string | number
  type?: string
  title?: string
  author?: CslName[] | CslName
  reporter?: CslName[] | CslName
  editor?: CslName[]
  'container-title'?: string
  publisher?: string
  issued?: CslDate
  URL?: string
  DOI?: string
  language?: string
  abstract?: string
  page?: string
  volume?: string | number
  issue?: string | number
}

function quoted(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').trim()
  return base === '' ? 'The file' : `“${base}”`
}

/** BibLaTeX `langid` names and common English names to ISO 639-1 codes. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  american: 'en',
  british: 'en',
  ukenglish: 'en',
  usenglish: 'en',
  german: 'de',
  ngerman: 'de',
  austrian: 'de',
  naustrian: 'de',
  swissgerman: 'de',
  nswissgerman: 'de',
  deutsch: 'de',
  norwegian: 'no',
  norsk: 'nb',
  bokmal: 'nb',
  bokmål: 'nb',
  nynorsk: 'nn',
  swedish: 'sv',
  danish: 'da',
  finnish: 'fi',
  french: 'fr',
  spanish: 'es',
  italian: 'it',
  portuguese: 'pt',
  dutch: 'nl',
  polish: 'pl',
  russian: 'ru',
  ukrainian: 'uk',
  vietnamese: 'vi',
  japanese: 'ja',
  chinese: 'zh',
  korean: 'ko',
  arabic: 'ar'
}

/** An ISO 639 code for a record's language ("en-GB" → "en-GB", "ngerman" → "de"), or null. */
export function languageCode(value: string | undefined): string | null {
  const text = value?.trim()
  if (!text) return null
  if (/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(text)) {
    const [primary, ...rest] = text.replace(/_/g, '-').split('-')
    return [primary?.toLowerCase(), ...rest].join('-')
  }
  return LANGUAGE_NAMES[text.toLowerCase()] ?? null
}

const pad = (n: number): string => String(n).padStart(2, '0')

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** `YYYY-MM-DD` or `YYYY-MM` from date parts; null when they are not a real date. */
function fromParts(parts: unknown[] | undefined): string | null {
  const [y, m, d] = (parts ?? []).map((part) => Number(part))
  if (y === undefined || !Number.isInteger(y) || y < 1 || y > 9999) return null
  if (m === undefined || Number.isNaN(m)) return null
  if (!Number.isInteger(m) || m < 1 || m > 12) return null
  if (d === undefined || Number.isNaN(d)) return `${String(y).padStart(4, '0')}-${pad(m)}`
  if (!Number.isInteger(d) || !validDay(y, m, d)) return `${String(y).padStart(4, '0')}-${pad(m)}`
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`
}

/**
 * A record's date as `YYYY-MM-DD` or `YYYY-MM` (a source's date needs a month at least);
 * raw RIS dates ("2025/11/03", "2025/11//", "2025-11-03") are read here.
 */
export function cslDate(value: CslDate | undefined): string | null {
  if (value === undefined) return null
  if (typeof value === 'string') return cslDate({ raw: value })
  const parts = value['date-parts']?.[0]
  if (parts) return fromParts(parts)
  const raw = (value.raw ?? value.literal ?? '').trim()
  const match = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/.exec(raw)
  if (!match) return null
  return fromParts([match[1], match[2], match[3]].filter((p) => p !== undefined))
}

function nameOf(name: CslName): string {
  if (typeof name === 'string') return name.trim()
  if (name.literal) return name.literal.trim()
  return [name.given, name.family]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(' ')
    .trim()
}

/** "Family, Given" strings (RIS puts reporters so) shown as "Given Family". */
function personOf(name: CslName): string {
  if (typeof name === 'string') {
    const [family, given] = name.split(',').map((part) => part.trim())
    return given ? `${given} ${family}` : (family ?? '')
  }
  return nameOf(name)
}

function namesOf(value: CslName[] | CslName | undefined): string[] {
  if (value === undefined) return []
  const list = Array.isArray(value) ? value : [value]
  return list.map(personOf).filter((name) => name !== '')
}

/** Leftover markup in parsed titles: HTML tags (CSL rich text), braces, repeated spaces. */
function plain(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return ''
  return String(value)
    .replace(/<\/?(?:i|b|sup|sub|span|sc)\b[^>]*>/gi, '')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function doiUrl(doi: string): string {
  const bare = doi.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
  return `https://doi.org/${bare.split('/').map(encodeURIComponent).join('/')}`
}

/** The draft of one record; null when the record has neither a title nor a URL/DOI. */
export function draftOfItem(item: CslItem, fileName: string): ImportDraft | null {
  const title = plain(item.title)
  const doi = plain(item.DOI)
  const link = plain(item.URL)
  const url = link || (doi ? doiUrl(doi) : '')
  if (!title && !url) return null
  const authors = namesOf(item.author)
  const reporters = namesOf(item.reporter)
  const people = authors.length > 0 ? authors : reporters
  const container = plain(item['container-title'])
  const publisher = container || plain(item.publisher)
  const publishedAt = cslDate(item.issued)
  const abstract = typeof item.abstract === 'string' ? item.abstract.replace(/\r\n?/g, '\n') : ''
  const where = [container, plain(item.publisher)].filter((part, i, all) => {
    return part !== '' && all.indexOf(part) === i
  })
  const line = [
    title,
    people.join('; '),
    [...where, publishedAt ?? plain((item.issued as { raw?: string } | undefined)?.raw)]
      .filter(Boolean)
      .join(', '),
    doi ? `DOI: ${doi}` : '',
    !doi && link ? link : ''
  ]
    .filter((part) => part !== '')
    .join('. ')
  const content = abstract.trim() !== '' ? abstract.trim() : line
  const metadata = fitMetadata(
    {
      title,
      url: url || null,
      publisher: publisher || null,
      author: people.length > 0 ? people.join('; ') : null,
      publishedAt,
      language: languageCode(item.language)
    },
    url || fileName
  )
  return {
    ...metadata,
    content,
    contentHash: contentHashOf(content),
    clutter: [],
    fileName,
    format: 'reference',
    layout: null
  }
}

async function parseWith(text: string, type: string): Promise<CslItem[]> {
  const cite = await Cite.async(text, { forceType: type })
  return cite.data as CslItem[]
}

/** Reads a reference file's records into drafts (see the module comment). */
export async function prepareReferences(
  bytes: Uint8Array,
  fileName: string
): Promise<ReferencesResult | null> {
  const format = referenceFormat(bytes, fileName)
  if (!format) return null
  const name = quoted(fileName)
  const kind = REFERENCE_FORMAT_NAMES[format]
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      message: `${name} is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; reference files larger than ${
        MAX_DOCUMENT_BYTES / 1024 / 1024
      } MB cannot be imported.`
    }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return { ok: false, message: `${name} is not UTF-8 text, so it cannot be read as ${kind}.` }
  }
  if (text.trim() === '') return { ok: false, message: `${name} is an empty ${kind} file.` }
  let items: CslItem[]
  try {
    if (format === 'csl') {
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch (error) {
        return {
          ok: false,
          message: `${name} is not valid JSON (${(error as Error).message}), so it cannot be read as CSL-JSON.`
        }
      }
      const list = Array.isArray(parsed) ? parsed : [parsed]
      if (!list.every((item) => typeof item === 'object' && item !== null && 'type' in item)) {
        return {
          ok: false,
          message: `${name} is JSON but not CSL-JSON: each record needs at least a "type".`
        }
      }
      items = list as CslItem[]
    } else if (format === 'ris') {
      if (!/^\s*TY {2}-/m.test(text)) {
        return { ok: false, message: `${name} is a RIS file with no records (no “TY  -” line).` }
      }
      items = await parseWith(text, '@ris/file')
    } else {
      if (!/@[a-z]+\s*[{(]/i.test(text)) {
        return { ok: false, message: `${name} is a BibTeX file with no entries (no “@type{…}”).` }
      }
      items = await parseWith(text, '@biblatex/text')
    }
  } catch (error) {
    return {
      ok: false,
      message: `${name} cannot be read as ${kind} (${(error as Error).message.split('\n')[0] ?? 'unreadable'}).`
    }
  }
  const drafts = items
    .map((item) => draftOfItem(item, fileName))
    .filter((draft): draft is ImportDraft => draft !== null)
  if (drafts.length === 0) {
    return {
      ok: false,
      message: `${name} is a ${kind} file with no records that have a title, URL or DOI.`
    }
  }
  return { ok: true, format, drafts }
}
