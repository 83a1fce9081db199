/**
 * Guesses an imported document's title, source URL, publisher, author, publication date and
 * language from its text (plus the page metadata when the document was HTML).
 *
 * Publication date (`publishedAt`, ISO 8601 `YYYY-MM-DD`, or `YYYY-MM` when only the month is
 * known) — first rule that yields a date wins:
 *   1. HTML metadata (article:published_time & co.), date part as written;
 *   2. a dateline/byline near the top: one of the first 15 non-empty, non-clutter lines that is
 *      short (≤ 120 characters, ≤ 12 words) and contains a full date, e.g. a publisher name glued
 *      to a date ("PublisherPublisher21/09/2025") or "Published 21 September 2025";
 *   3. a date in the source URL: `/2025/09/21/`, `/2025-09-21/` or a `yyyymmddhhmmss` stamp
 *      (`…-20251127195337287.htm`), or `/2025/09/` (month only);
 *   4. the body: the latest full date mentioned outside clutter that is not more than 365 days
 *      after every other date mentioned (so a single far-future "will open on …" date does not
 *      win); when the body only names months ("im Oktober 2025"), the latest month by the same
 *      rule.
 *
 * Language: `hints.html.lang` when present, otherwise franc-min on the text without clutter,
 * mapped to ISO 639-1. franc-min has no model for Norwegian or Danish (it answers "swe"), so
 * Scandinavian answers are re-decided by a small function-word/letter scorer (nb, nn, da, sv).
 */

import { franc } from 'franc-min'
import type { HtmlMeta } from './html'
import {
  cleanText,
  findClutter,
  isSourceLine,
  splitLines,
  type ClutterRange,
  type TextLine
} from './clutter'

export interface DocumentMetadata {
  title: string
  url: string | null
  publisher: string | null
  author: string | null
  publishedAt: string | null
  language: string | null
}

export interface MetadataHints {
  fileName?: string
  html?: HtmlMeta
  /** Precomputed clutter ranges of `text` (computed when absent). */
  clutter?: ClutterRange[]
}

// ---------------------------------------------------------------------------------------------
// Languages

/** ISO 639-3 (and 639-2/B) codes → ISO 639-1. */
export const ISO_639_3_TO_1: Readonly<Record<string, string>> = {
  afr: 'af',
  amh: 'am',
  arb: 'ar',
  ara: 'ar',
  azj: 'az',
  aze: 'az',
  bel: 'be',
  ben: 'bn',
  bos: 'bs',
  bul: 'bg',
  cat: 'ca',
  ces: 'cs',
  cze: 'cs',
  ckb: 'ku',
  kur: 'ku',
  cmn: 'zh',
  zho: 'zh',
  chi: 'zh',
  cym: 'cy',
  dan: 'da',
  deu: 'de',
  ger: 'de',
  ell: 'el',
  gre: 'el',
  eng: 'en',
  est: 'et',
  eus: 'eu',
  fas: 'fa',
  pes: 'fa',
  per: 'fa',
  fin: 'fi',
  fra: 'fr',
  fre: 'fr',
  gle: 'ga',
  glg: 'gl',
  guj: 'gu',
  hau: 'ha',
  heb: 'he',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  hye: 'hy',
  arm: 'hy',
  ibo: 'ig',
  ind: 'id',
  isl: 'is',
  ice: 'is',
  ita: 'it',
  jav: 'jv',
  jpn: 'ja',
  kan: 'kn',
  kat: 'ka',
  geo: 'ka',
  kaz: 'kk',
  khm: 'km',
  kin: 'rw',
  kor: 'ko',
  lao: 'lo',
  lav: 'lv',
  lin: 'ln',
  lit: 'lt',
  mal: 'ml',
  mar: 'mr',
  mkd: 'mk',
  mac: 'mk',
  mlg: 'mg',
  plt: 'mg',
  msa: 'ms',
  may: 'ms',
  zlm: 'ms',
  mya: 'my',
  bur: 'my',
  nep: 'ne',
  npi: 'ne',
  nld: 'nl',
  dut: 'nl',
  nno: 'nn',
  nob: 'nb',
  nor: 'no',
  nya: 'ny',
  orm: 'om',
  pan: 'pa',
  pbu: 'ps',
  pus: 'ps',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  rum: 'ro',
  run: 'rn',
  rus: 'ru',
  sin: 'si',
  slk: 'sk',
  slo: 'sk',
  slv: 'sl',
  som: 'so',
  spa: 'es',
  sqi: 'sq',
  alb: 'sq',
  als: 'sq',
  srp: 'sr',
  sun: 'su',
  swa: 'sw',
  swh: 'sw',
  swe: 'sv',
  tam: 'ta',
  tel: 'te',
  tgl: 'tl',
  tha: 'th',
  tur: 'tr',
  ukr: 'uk',
  urd: 'ur',
  uzb: 'uz',
  uzn: 'uz',
  vie: 'vi',
  yor: 'yo',
  zul: 'zu'
}

/** Deprecated ISO 639-1 codes still seen in `lang` attributes. */
const DEPRECATED_639_1: Readonly<Record<string, string>> = {
  iw: 'he',
  in: 'id',
  ji: 'yi',
  jw: 'jv'
}

/**
 * ISO 639-1 code for an ISO 639-3/639-1 code or BCP 47 tag ("nob" → "nb", "nb-NO" → "nb",
 * "ceb" → "ceb" when no two-letter code exists); null for "und", "mul", "zxx" or garbage.
 */
export function toIso6391(code: string | null | undefined): string | null {
  if (!code) return null
  const primary = (code.trim().toLowerCase().split(/[-_]/)[0] ?? '').trim()
  if (!/^[a-z]{2,3}$/.test(primary)) return null
  if (primary === 'und' || primary === 'mul' || primary === 'zxx' || primary === 'mis') return null
  if (primary.length === 2) return DEPRECATED_639_1[primary] ?? primary
  return ISO_639_3_TO_1[primary] ?? primary
}

const SCANDINAVIAN_WORDS: Record<'swe' | 'nob' | 'nno' | 'dan', string[]> = {
  swe: 'och att är inte för som på av till med har jag det den ett också eller efter mycket hade vid från när sig kan skulle mellan blev varit även genom deras dessa detta sina hur vad nu någon bara blivit där mot sitt hennes vara inom under än'.split(
    ' '
  ),
  nob: 'og ikke jeg er av til på med har som det en et også eller etter mye hadde ved fra når seg kan skulle mellom ble vært gjennom deres disse dette sine hvordan hva nå å noe bare blitt hvor mot sitt hennes være innen under enn'.split(
    ' '
  ),
  nno: 'og ikkje eg er av til på med har som det ein eit også eller etter mykje hadde ved frå når seg kan skulle mellom vart vore gjennom deira desse dette sine korleis kva no å noko berre blitt kvar mot sitt hennar vere innan under enn'.split(
    ' '
  ),
  dan: 'og ikke jeg er af til på med har som det en et også eller efter meget havde ved fra når sig kan skulle mellem blev været gennem deres disse dette sine hvordan hvad nu at noget bare blevet hvor mod sit hendes være inden under end'.split(
    ' '
  )
}

/** Re-decides between Swedish, Norwegian (Bokmål/Nynorsk) and Danish. */
function scandinavianLanguage(text: string): 'swe' | 'nob' | 'nno' | 'dan' | null {
  const words =
    text
      .slice(0, 20000)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  const owners = new Map<string, Array<keyof typeof SCANDINAVIAN_WORDS>>()
  for (const lang of Object.keys(SCANDINAVIAN_WORDS) as Array<keyof typeof SCANDINAVIAN_WORDS>) {
    for (const w of SCANDINAVIAN_WORDS[lang]) owners.set(w, [...(owners.get(w) ?? []), lang])
  }
  const scores = { swe: 0, nob: 0, nno: 0, dan: 0 }
  for (const word of words) {
    const langs = owners.get(word)
    if (!langs) continue
    for (const lang of langs) scores[lang] += 1 / langs.length
  }
  const letters = (re: RegExp): number => (text.slice(0, 20000).match(re) ?? []).length
  const aeOe = letters(/[æøÆØ]/g)
  const swedishLetters = letters(/[äöÄÖ]/g)
  scores.swe += swedishLetters * 0.5
  scores.nob += aeOe * 0.25
  scores.nno += aeOe * 0.25
  scores.dan += aeOe * 0.25
  const ranked = (Object.entries(scores) as Array<[keyof typeof scores, number]>).sort(
    (a, b) => b[1] - a[1]
  )
  const best = ranked[0]
  return best && best[1] > 0 ? best[0] : null
}

const GERMANIC_LATIN = new Set(['swe', 'dan', 'nob', 'nno', 'nld', 'deu', 'eng', 'afr'])

/** Language of a text as ISO 639-1 (null when undetermined). */
export function detectLanguage(text: string): string | null {
  const sample = text.trim()
  if (sample.length === 0) return null
  let code = franc(sample, { minLength: 10 })
  if (code === 'und') return null
  const letters = (sample.match(/\p{L}/gu) ?? []).length
  const nordic = (sample.match(/[æøåÆØÅ]/g) ?? []).length
  if (code === 'swe' || (GERMANIC_LATIN.has(code) && letters > 0 && nordic / letters > 0.004)) {
    code = scandinavianLanguage(sample) ?? code
  }
  return toIso6391(code)
}

// ---------------------------------------------------------------------------------------------
// Dates

export interface DateMention {
  /** Offset of the mention in the text. */
  index: number
  length: number
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  iso: string
  precision: 'day' | 'month'
}

const MONTH_NAMES: Record<string, number> = {}
const addMonths = (names: string): void => {
  names.split(' ').forEach((name, i) => {
    for (const n of name.split('/')) MONTH_NAMES[n.normalize('NFC')] = i + 1
  })
}
// English, Norwegian/Danish, Swedish, German, French, Spanish, Portuguese, Italian, Dutch
addMonths('january february march april may june july august september october november december')
addMonths('jan feb mar apr may jun jul aug sep/sept oct nov dec')
addMonths('januar februar mars april mai juni juli august september oktober november desember')
addMonths('januar februar marts april maj juni juli august september oktober november december')
addMonths('januari februari mars april maj juni juli augusti september oktober november december')
addMonths(
  'januar/jänner februar märz/maerz april mai juni juli august september oktober november dezember'
)
addMonths(
  'janvier février/fevrier mars avril mai juin juillet août/aout septembre octobre novembre décembre/decembre'
)
addMonths(
  'enero febrero marzo abril mayo junio julio agosto septiembre/setiembre octubre noviembre diciembre'
)
addMonths(
  'janeiro fevereiro março/marco abril maio junho julho agosto setembro outubro novembro dezembro'
)
addMonths(
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre'
)
addMonths('januari februari maart april mei juni juli augustus september oktober november december')
addMonths('okt')

const MONTH_ALTERNATION = Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|')

const NB = '(?<![\\p{L}\\p{N}])'
const DAY_MONTH_YEAR = new RegExp(
  `${NB}(\\d{1,2})(?:\\.|er|º|°|st|nd|rd|th)?\\s*(?:de\\s+)?(${MONTH_ALTERNATION})(?!\\p{L})\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)`,
  'giu'
)
const MONTH_DAY_YEAR = new RegExp(
  `${NB}(${MONTH_ALTERNATION})(?!\\p{L})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
  'giu'
)
const MONTH_YEAR = new RegExp(
  `${NB}(${MONTH_ALTERNATION})(?!\\p{L})\\.?,?\\s+(?:de\\s+|del\\s+|of\\s+)?(\\d{4})(?!\\d)`,
  'giu'
)
const ISO_DATE = /(?<![\d])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g
const YEAR_FIRST_SLASH = /(?<![\d/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g
const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d|[./-]\d)/g
const VIETNAMESE_DATE = /(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|,)\s*(\d{4})(?!\d)/giu
const VIETNAMESE_MONTH = /tháng\s*(\d{1,2})\s*(?:năm\s*|\/\s*)(\d{4})(?!\d)/giu
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/gu
const CJK_MONTH = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]/gu

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return d <= days
}

const pad = (n: number): string => String(n).padStart(2, '0')
const isoDay = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`
const isoMonth = (y: number, m: number): string => `${y}-${pad(m)}`

function monthNumber(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTH_NAMES[name.toLowerCase().normalize('NFC')]
}

/** All dates written in the text (day precision, then month-only mentions not inside them). */
export function findDates(text: string): DateMention[] {
  const days: DateMention[] = []
  const overlaps = (list: DateMention[], index: number, length: number): boolean =>
    list.some((d) => index < d.index + d.length && d.index < index + length)
  const addDay = (index: number, length: number, y: number, m: number, d: number): void => {
    if (!validDate(y, m, d) || overlaps(days, index, length)) return
    days.push({ index, length, iso: isoDay(y, m, d), precision: 'day' })
  }
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void): void => {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) fn(m)
  }
  const num = (s: string | undefined): number => Number(s ?? NaN)

  each(ISO_DATE, (m) => addDay(m.index, m[0].length, num(m[1]), num(m[2]), num(m[3])))
  each(YEAR_FIRST_SLASH, (m) => addDay(m.index, m[0].length, num(m[1]), num(m[2]), num(m[3])))
  each(CJK_DATE, (m) => addDay(m.index, m[0].length, num(m[1]), num(m[2]), num(m[3])))
  each(VIETNAMESE_DATE, (m) => addDay(m.index, m[0].length, num(m[3]), num(m[2]), num(m[1])))
  each(DAY_MONTH_YEAR, (m) => {
    const month = monthNumber(m[2])
    if (month) addDay(m.index, m[0].length, num(m[3]), month, num(m[1]))
  })
  each(MONTH_DAY_YEAR, (m) => {
    const month = monthNumber(m[1])
    if (month) addDay(m.index, m[0].length, num(m[3]), month, num(m[2]))
  })
  each(NUMERIC_DATE, (m) => {
    const a = num(m[1])
    const b = num(m[3])
    // Day first unless that is impossible (a US "09/21/2025").
    const [day, month] = b > 12 && a <= 12 ? [b, a] : [a, b]
    addDay(m.index, m[0].length, num(m[4]), month, day)
  })

  const months: DateMention[] = []
  const addMonth = (index: number, length: number, y: number, m: number): void => {
    if (!validDate(y, m, 1) || overlaps(days, index, length) || overlaps(months, index, length)) {
      return
    }
    months.push({ index, length, iso: isoMonth(y, m), precision: 'month' })
  }
  each(CJK_MONTH, (m) => addMonth(m.index, m[0].length, num(m[1]), num(m[2])))
  each(VIETNAMESE_MONTH, (m) => addMonth(m.index, m[0].length, num(m[2]), num(m[1])))
  each(MONTH_YEAR, (m) => {
    const month = monthNumber(m[1])
    if (month) addMonth(m.index, m[0].length, num(m[2]), month)
  })
  return [...days, ...months].sort((a, b) => a.index - b.index)
}

/** A date string from metadata or a user ("2025-09-21T08:00:00+07:00", "21.09.2025") → ISO. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    return validDate(y, m, d) ? isoDay(y, m, d) : null
  }
  const month = /^\s*(\d{4})-(\d{2})\s*$/.exec(value)
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])]
    return validDate(y, m, 1) ? isoMonth(y, m) : null
  }
  const found = findDates(value)
  return found.find((d) => d.precision === 'day')?.iso ?? found[0]?.iso ?? null
}

/** A publication date encoded in an article URL, if any. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null
  let path: string
  try {
    const parsed = new URL(url)
    path = parsed.pathname + parsed.search
  } catch {
    return null
  }
  const slashes = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/._-]|$)/.exec(path)
  if (slashes) {
    const [y, m, d] = [Number(slashes[1]), Number(slashes[2]), Number(slashes[3])]
    if (validDate(y, m, d)) return isoDay(y, m, d)
  }
  const stamp = /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{0,4}(?!\d)/.exec(path)
  if (stamp) {
    const [y, m, d, h, min, s] = stamp.slice(1, 7).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number
    ]
    if (validDate(y, m, d) && h < 24 && min < 60 && s < 60) return isoDay(y, m, d)
  }
  const monthOnly = /\/((?:19|20)\d{2})\/(\d{2})\//.exec(path)
  if (monthOnly) {
    const [y, m] = [Number(monthOnly[1]), Number(monthOnly[2])]
    if (validDate(y, m, 1)) return isoMonth(y, m)
  }
  return null
}

const DAY_MS = 86_400_000
const toTime = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number)
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)
}

/** Latest mention that is not > 365 days after every other mention (see the module comment). */
function latestPlausible(candidates: DateMention[], all: DateMention[]): string | null {
  const sorted = [...candidates].sort((a, b) => toTime(b.iso) - toTime(a.iso))
  for (const candidate of sorted) {
    const others = all.filter((d) => d !== candidate && d.iso !== candidate.iso)
    if (others.length === 0) return candidate.iso
    const latestOther = Math.max(...others.map((d) => toTime(d.iso)))
    if (toTime(candidate.iso) <= latestOther + 365 * DAY_MS) return candidate.iso
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Lines and URLs

interface Line extends TextLine {
  trimmed: string
  clutter: boolean
}

/**
 * The document's lines, each marked when a clutter range overlaps it. One sweep over lines and
 * ranges sorted by start (linear in both): a line overlaps a range iff the furthest end among
 * the ranges that start before the line ends lies past the line's start.
 */
function documentLines(text: string, clutter: ClutterRange[]): Line[] {
  const ranges = [...clutter].sort((a, b) => a.start - b.start)
  let next = 0
  let furthestEnd = -1
  return splitLines(text).map((line) => {
    while (next < ranges.length && (ranges[next] as ClutterRange).start < line.end) {
      furthestEnd = Math.max(furthestEnd, (ranges[next] as ClutterRange).end)
      next += 1
    }
    return {
      ...line,
      trimmed: line.text.trim(),
      clutter: furthestEnd > line.start
    }
  })
}

/** The first `head` and last `tail` lines that pass `keep`, without filtering every line. */
function edgeLines(
  lines: readonly Line[],
  keep: (line: Line) => boolean,
  head: number,
  tail: number
): { first: Line[]; last: Line[] } {
  const first: Line[] = []
  for (let i = 0; i < lines.length && first.length < head; i++) {
    if (keep(lines[i] as Line)) first.push(lines[i] as Line)
  }
  const last: Line[] = []
  for (let i = lines.length - 1; i >= 0 && last.length < tail; i--) {
    if (keep(lines[i] as Line)) last.unshift(lines[i] as Line)
  }
  return { first, last }
}

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/i

/** Removes trailing punctuation (and unbalanced closing brackets) from a URL found in text. */
export function cleanUrl(raw: string): string {
  let url = raw.replace(/^<|>$/g, '')
  for (;;) {
    const last = url.charAt(url.length - 1)
    if (/[.,;:!?'"»”’>*_]/.test(last)) {
      url = url.slice(0, -1)
      continue
    }
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' }
    const open = pairs[last]
    if (open) {
      const opens = url.split(open).length - 1
      const closes = url.split(last).length - 1
      if (closes > opens) {
        url = url.slice(0, -1)
        continue
      }
    }
    return url
  }
}

function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false
  try {
    const u = new URL(value)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}

/** The URL on the last "Source:" / "Kilde:" / "Quelle:" / "Nguồn:" / "Fonte:" … line. */
export function findSourceUrl(text: string): string | null {
  const lines = splitLines(text)
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.text.replace(/^\s*[*_>-]+\s*/, '')
    if (!isSourceLine(line)) continue
    const m = URL_PATTERN.exec(line)
    if (m) {
      const url = cleanUrl(m[0])
      if (isHttpUrl(url)) return url
    }
  }
  return null
}

/** A line that is nothing but a URL, among the first 3 or last 5 non-empty lines. */
function bareUrlLine(lines: Line[]): string | null {
  const { first, last } = edgeLines(lines, (l) => l.trimmed !== '', 3, 5)
  const edge = [...first, ...last.reverse()]
  for (const line of edge) {
    const m = /^<?(https?:\/\/\S+?)>?$/i.exec(line.trimmed)
    if (m?.[1]) {
      const url = cleanUrl(m[1])
      if (isHttpUrl(url)) return url
    }
  }
  return null
}

function hostOf(url: string | null): string | null {
  if (!url) return null
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '')
    return host === '' ? null : host
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// Title, byline, author

function fileStem(fileName: string | undefined): string {
  const base = (fileName ?? '').split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim()
  return stem === '' ? 'Untitled document' : stem
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^(\*\*|__)(.+)\1$/, '$2')
    .replace(/^([*_])(.+)\1$/, '$2')
    .trim()
}

const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length

/** A short line with a full date: a dateline/byline. */
function datelineOf(line: Line): { date: DateMention; rest: string } | null {
  if (line.trimmed.length === 0 || line.trimmed.length > 120) return null
  if (wordCount(line.trimmed) > 12) return null
  const date = findDates(line.trimmed).find((d) => d.precision === 'day')
  if (!date) return null
  const rest =
    line.trimmed.slice(0, date.index) + ' ' + line.trimmed.slice(date.index + date.length)
  return { date, rest }
}

const NOT_A_PUBLISHER =
  /(?<![\p{L}\p{N}])(?:published|updated|posted|date|publisert|oppdatert|dato|veröffentlicht|aktualisiert|datum|stand|publié|mis à jour|publicado|actualizado|pubblicato|cập nhật|đăng|ngày|thứ|chủ nhật|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|by|av|von|door|par|por|bởi)(?![\p{L}\p{N}])/iu

/** Publisher from the text of a dateline with the date removed ("VietnamPlusVietnamPlus"). */
function publisherFromDateline(rest: string): string | null {
  // "Hà Nội, 21/09/2025" names a place, not a publisher.
  if (/,\s*$/u.test(rest.trim())) return null
  // "Prepared for the desk on 3 November 2025." is a sentence that ends with its date.
  if (/\s\.\s*$/u.test(rest)) return null
  let name = rest
    .replace(
      /\b\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:uhr|am|pm|gmt|utc|cet|cest|ict|[+-]\d{2}:?\d{2})?/giu,
      ' '
    )
    .replace(/[|•·,;–—()[\]]+/g, ' ')
    .replace(/\s+-\s+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (name === '' || name.length > 60 || NOT_A_PUBLISHER.test(name)) return null
  if (!/^[\p{Lu}\p{N}]/u.test(name) || wordCount(name) > 5) return null
  const doubled = /^(.+?)\s*\1$/u.exec(name)
  if (doubled?.[1]) name = doubled[1].trim()
  return name
}

const AUTHOR_LINE =
  /^(?:by|written by|av|von|door|par|por|di|bởi|tác giả|author|forfatter|autor|autorin|text|texte|tekst)\s*[:：]?\s+(.+)$/iu
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'og',
  'and',
  'und',
  'et',
  'y',
  'e',
  'và',
  'bin',
  'al'
])

function authorFromLine(line: string): string | null {
  if (line.length > 100) return null
  const m = AUTHOR_LINE.exec(line)
  if (!m?.[1]) return null
  const name = m[1]
    .split(/\s+[|•·–—]\s+|,\s*(?=\d)|\s+\(/u)[0]!
    .replace(/[.,;:]+$/, '')
    .trim()
  const words = name.split(/\s+/)
  if (words.length === 0 || words.length > 8) return null
  const nameLike = words.every((w) => /^[\p{Lu}]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()))
  return nameLike && /^[\p{Lu}]/u.test(name) ? name : null
}

function pickTitle(lines: Line[], hints: MetadataHints): string {
  const fromHtml = hints.html?.title?.trim()
  if (fromHtml) return fromHtml
  // Markdown: the first "# " heading, or a setext heading ("Title\n=====").
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const atx = /^#\s+(.+?)(?:\s+#+)?\s*$/.exec(line.trimmed)
    if (atx?.[1]) return stripMarkdown(atx[1])
    if (line.trimmed !== '' && /^=+$/.test(lines[i + 1]?.trimmed ?? '') && !line.clutter) {
      return stripMarkdown(line.trimmed)
    }
  }
  // Otherwise: the first substantial line near the top that is not clutter, a source line, a
  // bare URL or a dateline, and not a body paragraph (over 200 characters).
  let considered = 0
  for (const line of lines) {
    if (line.trimmed === '') continue
    if (++considered > 8) break
    if (line.clutter || isSourceLine(line.trimmed) || /^<?https?:\/\//i.test(line.trimmed)) continue
    if (datelineOf(line) && wordCount(line.trimmed) <= 6) continue
    const candidate = stripMarkdown(line.trimmed)
    if (candidate.length < 2 || candidate.length > 200 || !/\p{L}/u.test(candidate)) continue
    return candidate
  }
  return fileStem(hints.fileName)
}

// ---------------------------------------------------------------------------------------------

/** Guesses the document's metadata (see the module comment for the rules). */
export function extractMetadata(text: string, hints: MetadataHints = {}): DocumentMetadata {
  const clutter = hints.clutter ?? findClutter(text)
  const lines = documentLines(text, clutter)
  const html = hints.html ?? {}

  // URL
  const canonical = html.canonicalUrl?.trim()
  const url = (isHttpUrl(canonical) ? canonical : null) ?? findSourceUrl(text) ?? bareUrlLine(lines)

  // Dateline (also the source of a byline publisher)
  const head = edgeLines(lines, (l) => l.trimmed !== '' && !l.clutter, 15, 0).first
  let dateline: { date: DateMention; rest: string } | null = null
  for (const line of head) {
    dateline = datelineOf(line)
    if (dateline) break
  }

  // Published date
  let publishedAt = normalizeDate(html.publishedAt) ?? dateline?.date.iso ?? dateFromUrl(url)
  if (!publishedAt) {
    const body = lines
      .filter((l) => !l.clutter && !isSourceLine(l.trimmed))
      .flatMap((l) => findDates(l.text).map((d) => ({ ...d, index: d.index + l.start })))
    publishedAt =
      latestPlausible(
        body.filter((d) => d.precision === 'day'),
        body
      ) ??
      latestPlausible(
        body.filter((d) => d.precision === 'month'),
        body
      )
  }

  // Publisher
  const publisher =
    html.siteName?.trim() || (dateline ? publisherFromDateline(dateline.rest) : null) || hostOf(url)

  // Author
  let author = html.author?.trim() || null
  if (!author) {
    const { first, last } = edgeLines(lines, (l) => l.trimmed !== '' && !l.clutter, 15, 10)
    for (const line of [...first, ...last]) {
      author = authorFromLine(line.trimmed)
      if (author) break
    }
  }

  // Language
  const language = toIso6391(html.lang) ?? detectLanguage(cleanText(text, clutter))

  return {
    title: pickTitle(lines, hints),
    url,
    publisher: publisher || null,
    author,
    publishedAt,
    language
  }
}
