// Dates and periods as each language writes them: "21/09/2025", "21. september 1973",
// "am 24. und 25. November 2025", "2025年10月", "tháng 9 năm 2025", "im Oktober" (year from
// the published date), "seit September 2025" (open end), "in den ersten zehn Monaten des
// Jahres 2025", "6 tháng đầu năm".

import type { LangRules } from './rules'

export interface DateMatch {
  start: number
  end: number
  from: string
  to: string | null
  /** A part of a year that the figures in the same sentence cover ("first ten months"). */
  partial: boolean
  /** A whole year named as the period of a figure ("im Jahr 2025", "Gesamtjahr 2025"). */
  wholeYear: boolean
}

const pad = (n: number): string => String(n).padStart(2, '0')

export function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m) && y >= 1000 && y <= 2999
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function alternation(list: string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')
}

const B = '(?<![\\p{L}\\p{N}])'
const E = '(?![\\p{L}\\p{N}])'

interface Compiled {
  monthIndex: Map<string, number>
  patterns: Array<{
    re: RegExp
    read: (m: RegExpExecArray, ctx: Ctx) => Omit<DateMatch, 'start' | 'end'> | null
  }>
  since: RegExp | null
}

interface Ctx {
  rules: LangRules
  publishedYear: number | null
  text: string
  end: number
  monthIndex: Map<string, number>
}

/** Words that may stand for a small number inside a date phrase ("ersten zehn Monaten"). */
const COUNT_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  ein: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  en: 1,
  ett: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  sju: 7,
  syv: 7,
  åtte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
  'mười một': 11,
  'mười hai': 12
}

const COUNT = `(\\d{1,2}|${alternation(Object.keys(COUNT_WORDS))})`

function count(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (COUNT_WORDS[s.toLowerCase()] ?? NaN)
}

/** The year a month or day without one belongs to: "i år" / "next year" after it, or published. */
function yearFor(ctx: Ctx, explicit: string | undefined): number | null {
  if (explicit) return Number(explicit)
  return ctx.publishedYear
}

function monthOf(ctx: Ctx, name: string): number {
  return ctx.monthIndex.get(name.toLowerCase().replace(/\.$/, '')) ?? 0
}

const cache = new Map<string, Compiled>()

function compile(rules: LangRules): Compiled {
  const hit = cache.get(rules.lang)
  if (hit) return hit
  const monthIndex = new Map<string, number>()
  rules.months.forEach((forms, i) => forms.forEach((f) => monthIndex.set(f, i + 1)))
  const MONTH = `(${alternation([...monthIndex.keys()])})\\.?`
  const YEAR = '(1[89]\\d\\d|2[01]\\d\\d)'
  const DAY = '(\\d{1,2})'
  const JOIN = `\\s*(?:${alternation(['und', 'og', 'and', 'bis', 'til', 'to', 'đến', ',', '–', '—', '-'])})\\s*`
  const patterns: Compiled['patterns'] = []
  const add = (src: string, read: Compiled['patterns'][number]['read']): void => {
    patterns.push({ re: new RegExp(src, 'giu'), read })
  }
  const day = (
    y: number | null,
    m: number,
    d1: number,
    d2?: number
  ): Omit<DateMatch, 'start' | 'end'> | null => {
    if (y === null || !validDay(y, m, d1)) return null
    const last = d2 !== undefined && validDay(y, m, d2) && d2 > d1 ? d2 : d1
    return { from: iso(y, m, d1), to: iso(y, m, last), partial: false, wholeYear: false }
  }
  const month = (y: number | null, m: number): Omit<DateMatch, 'start' | 'end'> | null => {
    if (y === null || m < 1 || m > 12) return null
    return { from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)), partial: false, wholeYear: false }
  }
  const firstMonths = (y: number | null, n: number): Omit<DateMatch, 'start' | 'end'> | null => {
    if (y === null || !(n >= 1 && n <= 12)) return null
    return {
      from: iso(y, 1, 1),
      to: iso(y, n, lastDay(y, n)),
      partial: n < 12,
      wholeYear: n === 12
    }
  }
  const yearRel = (s: string | undefined, ctx: Ctx): number | null => {
    if (!s) return ctx.publishedYear
    if (/^\d{4}$/.test(s)) return Number(s)
    const off = ctx.rules.relativeYears[s.toLowerCase()]
    return off !== undefined && ctx.publishedYear !== null
      ? ctx.publishedYear + off
      : ctx.publishedYear
  }
  const REL = Object.keys(rules.relativeYears).length
    ? alternation(Object.keys(rules.relativeYears))
    : null
  const YEAR_OR_REL = REL ? `(${YEAR.slice(1, -1)}|${REL})` : YEAR

  // ISO 2025-09-21 and numeric day/month/year (21/09/2025, 21.09.2025).
  add(`${B}${YEAR}-(\\d{2})-(\\d{2})${E}`, (m) => day(Number(m[1]), Number(m[2]), Number(m[3])))
  add(`(?<!\\p{N})(\\d{1,2})([./])(\\d{1,2})\\2${YEAR}${E}`, (m, ctx) => {
    let d = Number(m[1])
    let mo = Number(m[3])
    if (ctx.rules.lang === 'en' && d <= 12 && mo > 12) [d, mo] = [mo, d]
    return day(Number(m[4]), mo, d)
  })

  // Partial periods: first N months of a year.
  const partial: Record<string, string> = {
    en: `(?:the\\s+)?first\\s+${COUNT}\\s+months(?:\\s+of\\s+(?:the\\s+year\\s+)?${YEAR_OR_REL})?`,
    de: `(?:in\\s+den\\s+)?ersten\\s+${COUNT}\\s+Monate(?:n)?(?:\\s+(?:des\\s+Jahres\\s+|von\\s+|im\\s+Jahr\\s+)?${YEAR_OR_REL})?`,
    nb: `(?:(?:i\\s+)?de\\s+)?første\\s+${COUNT}\\s+måned(?:ene|er)(?:\\s+(?:av|i)\\s+(?:året\\s+)?${YEAR_OR_REL})?`,
    vi: `${COUNT}\\s+tháng\\s+đầu\\s+năm(?:\\s+(${YEAR.slice(1, -1)}|nay))?`
  }
  const lang = rules.lang === 'no' || rules.lang === 'nn' ? 'nb' : rules.lang
  const partialSrc = partial[lang] ?? partial.en!
  add(`${B}${partialSrc}${E}`, (m, ctx) => {
    const y = m[2] === 'nay' ? ctx.publishedYear : yearRel(m[2], ctx)
    return firstMonths(y, count(m[1]!))
  })
  const halves: Record<string, Array<[string, number, number]>> = {
    en: [
      ['first half', 1, 6],
      ['second half', 7, 12],
      ['first quarter', 1, 3],
      ['second quarter', 4, 6],
      ['third quarter', 7, 9],
      ['fourth quarter', 10, 12]
    ],
    de: [
      ['ersten Halbjahr', 1, 6],
      ['zweiten Halbjahr', 7, 12],
      ['ersten Quartal', 1, 3],
      ['zweiten Quartal', 4, 6],
      ['dritten Quartal', 7, 9],
      ['vierten Quartal', 10, 12]
    ],
    nb: [
      ['første halvår', 1, 6],
      ['andre halvår', 7, 12],
      ['første kvartal', 1, 3],
      ['andre kvartal', 4, 6],
      ['tredje kvartal', 7, 9],
      ['fjerde kvartal', 10, 12]
    ],
    vi: [
      ['quý I', 1, 3],
      ['quý II', 4, 6],
      ['quý III', 7, 9],
      ['quý IV', 10, 12]
    ]
  }
  for (const [phrase, startMonth, endMonth] of halves[lang] ?? []) {
    add(
      `${B}(?:the\\s+|im\\s+|i\\s+|in\\s+)?${escape(phrase)}(?:\\s+(?:of\\s+|des\\s+Jahres\\s+|av\\s+|i\\s+|năm\\s+)?${YEAR_OR_REL})?${E}`,
      (m, ctx) => {
        const y = yearRel(m[1], ctx)
        if (y === null) return null
        const partial = !(startMonth === 1 && endMonth === 12)
        return {
          from: iso(y, startMonth, 1),
          to: iso(y, endMonth, lastDay(y, endMonth)),
          partial,
          wholeYear: false
        }
      }
    )
  }

  if (lang === 'ja') {
    add(`${YEAR}年(\\d{1,2})(?:～|〜|-|–)(\\d{1,2})月`, (m) => {
      const y = Number(m[1])
      const a = Number(m[2])
      const b = Number(m[3])
      if (!(a >= 1 && b <= 12 && a < b)) return null
      return { from: iso(y, a, 1), to: iso(y, b, lastDay(y, b)), partial: true, wholeYear: false }
    })
    add(`${YEAR}年(\\d{1,2})月(\\d{1,2})日`, (m) => day(Number(m[1]), Number(m[2]), Number(m[3])))
    add(`${YEAR}年(\\d{1,2})月`, (m) => month(Number(m[1]), Number(m[2])))
    add(`(?<!\\d)(\\d{1,2})月(\\d{1,2})日`, (m, ctx) =>
      day(ctx.publishedYear, Number(m[1]), Number(m[2]))
    )
    add(`(?<![\\d年])(\\d{1,2})月`, (m, ctx) => month(ctx.publishedYear, Number(m[1])))
    add(`${YEAR}年(?:度)?(?!\\d)`, (m) => ({
      from: `${m[1]}-01-01`,
      to: `${m[1]}-12-31`,
      partial: false,
      wholeYear: true
    }))
  }
  if (lang === 'vi') {
    add(
      `${B}(?:ngày\\s+)?(\\d{1,2})\\s*(?:tháng\\s+|\\/)(\\d{1,2})(?:\\s*(?:năm\\s+|\\/)${YEAR})?${E}`,
      (m, ctx) => day(yearFor(ctx, m[3]), Number(m[2]), Number(m[1]))
    )
    add(`${B}tháng\\s+(\\d{1,2})(?:\\s*(?:năm\\s+|\\/)${YEAR})?${E}`, (m, ctx) =>
      month(yearFor(ctx, m[2]), Number(m[1]))
    )
    add(`${B}tháng\\s+(\\d{1,2})\\s+năm\\s+nay${E}`, (m, ctx) =>
      month(ctx.publishedYear, Number(m[1]))
    )
  }

  if (monthIndex.size > 0) {
    // Day (or days) + month + optional year: "21. september 1973", "24. und 25. November 2025",
    // "1.–3. Oktober", "21 September 2025".
    add(
      `${B}${DAY}\\.?(?:${JOIN}${DAY}\\.?)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR_OR_REL})?${E}`,
      (m, ctx) =>
        day(yearRel(m[4], ctx), monthOf(ctx, m[3]!), Number(m[1]), m[2] ? Number(m[2]) : undefined)
    )
    // Month + day (+ year): "September 21, 2025".
    add(`${B}${MONTH}\\s+${DAY}(?:st|nd|rd|th)?(?:,?\\s+${YEAR})?${E}`, (m, ctx) => {
      if (ctx.rules.lang !== 'en') return null
      return day(yearFor(ctx, m[3]), monthOf(ctx, m[1]!), Number(m[2]))
    })
    // Month + optional year: "November 2023", "im Oktober", "fra oktober i år".
    add(`${B}${MONTH}(?:\\s+(?:of\\s+|des\\s+Jahres\\s+)?${YEAR_OR_REL})?${E}`, (m, ctx) => {
      const name = m[1]!.toLowerCase()
      // English "may"/"march" and short forms are words too: only with a year.
      if (!m[2] && (AMBIGUOUS.has(name) || name.length <= 3)) return null
      if (!m[2] && AMBIGUOUS_BARE[ctx.rules.lang]?.has(name)) return null
      return month(yearRel(m[2], ctx), monthOf(ctx, name))
    })
  }

  // A year named as such: "im Jahr 2025", "Gesamtjahr 2025", "in 2025", "bis 2030".
  const wholeYear: Record<string, string> = {
    en: '(?:the\\s+(?:whole|full|entire)\\s+year|full[- ]year|the\\s+year|fiscal\\s+year)',
    de: '(?:Gesamtjahr|das\\s+gesamte\\s+Jahr|im\\s+Jahr|des\\s+Jahres|Jahr)',
    nb: '(?:hele\\s+året|helåret|året)',
    vi: '(?:cả\\s+năm|năm)'
  }
  add(`${B}${wholeYear[lang] ?? wholeYear.en!}\\s+${YEAR}${E}`, (m) => ({
    from: `${m[1]}-01-01`,
    to: `${m[1]}-12-31`,
    partial: false,
    wholeYear: true
  }))
  if (rules.yearPrepositions.length) {
    add(`${B}(?:${alternation(rules.yearPrepositions)})\\s+${YEAR}${E}`, (m) => ({
      from: `${m[1]}-01-01`,
      to: `${m[1]}-12-31`,
      partial: false,
      wholeYear: false
    }))
  }

  const compiled: Compiled = {
    monthIndex,
    patterns,
    since: rules.since.length ? new RegExp(`${B}(?:${alternation(rules.since)})\\s*$`, 'iu') : null
  }
  cache.set(rules.lang, compiled)
  return compiled
}

const AMBIGUOUS = new Set(['may', 'march', 'mars', 'mai', 'august'])
const AMBIGUOUS_BARE: Record<string, Set<string>> = { en: new Set(['may', 'march']) }

/**
 * Every date or period in `text` (a sentence), earliest first, not overlapping. Years missing
 * from a month or day come from `publishedYear`; without one such dates are left out.
 */
export function findDates(
  text: string,
  rules: LangRules,
  publishedYear: number | null
): DateMatch[] {
  const compiled = compile(rules)
  const found: DateMatch[] = []
  const ctx: Ctx = { rules, publishedYear, text, end: 0, monthIndex: compiled.monthIndex }
  for (const { re, read } of compiled.patterns) {
    re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++
        continue
      }
      const start = m.index
      let end = start + m[0].length
      // A sentence's full stop after a month name is not part of it ("…i oktober.").
      if (m[0].endsWith('.') && /\p{L}{5}\.$/u.test(m[0])) end--
      // found is kept sorted and disjoint: the only candidate overlap is the last one
      // starting before `end`.
      const at = insertAt(found, end)
      if (at > 0 && found[at - 1]!.end > start) continue
      ctx.end = end
      const value = read(m, ctx)
      if (!value) continue
      found.splice(at, 0, { start, end, ...value })
    }
  }
  // "since" / "seit" / "siden" / "từ" before a date, "以来" / "から" after it: open end.
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!
    const before = text.slice(Math.max(0, f.start - 24), f.start)
    const after = text.slice(f.end, f.end + 3)
    const openBefore = compiled.since?.test(before) ?? false
    const openAfter = rules.lang === 'ja' && /^(?:以来|から|以降)/.test(after)
    if ((openBefore || openAfter) && !f.partial && !closedRange(text, f, found[i + 1])) f.to = null
  }
  return found
}

/** Where a match starting before `end` goes in the sorted list: after every such one. */
function insertAt(found: DateMatch[], end: number): number {
  let lo = 0
  let hi = found.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (found[mid]!.start < end) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** "from X to Y": the first date has an end, so it is not open. */
function closedRange(text: string, f: DateMatch, next: DateMatch | undefined): boolean {
  if (!next) return false
  const between = text.slice(f.end, Math.min(next.start, f.end + 40))
  return /^\s*(?:to|until|til|bis|đến|tới|-|–|—)\s*$/iu.test(between) && next.start - f.end <= 40
}
