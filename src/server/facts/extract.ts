// Facts found in a text: quantities (number + scale word + currency or counted noun, with
// bounds and ranges) and dates or periods, each with its sentence, status (actual or
// forecast) and, for a quantity, the period it covers. Pure: no Node, no I/O.

import { findDates, type DateMatch } from './dates'
import { readNumber, valueOf, type NumberToken } from './numbers'
import { rulesFor, type LangRules } from './rules'
import { sentenceSpans } from './sentences'
import type { ExtractOptions, Fact, FactBound } from './types'

export type { ExtractOptions, Fact } from './types'

/** Longest sentence looked at; longer runs (binary, tables without stops) are cut into pieces. */
const MAX_SENTENCE = 4000

export function extractFacts(text: string, opts: ExtractOptions): Fact[] {
  if (typeof text !== 'string' || text.length === 0) return []
  const rules = rulesFor(opts.lang)
  const publishedYear = yearOf(opts.published)
  const out: Fact[] = []
  for (const span of sentenceSpans(text)) {
    for (let s = span.start; s < span.end; s += MAX_SENTENCE) {
      const e = Math.min(span.end, s + MAX_SENTENCE)
      const sentence = text.slice(s, e)
      if (!/[\p{N}]|[\p{L}]{3}/u.test(sentence)) continue
      extractSentence(sentence, s, rules, publishedYear, out)
    }
  }
  return out
}

function yearOf(published: string | null | undefined): number | null {
  const m = typeof published === 'string' ? /^(\d{4})-\d{2}-\d{2}/.exec(published) : null
  return m ? Number(m[1]) : null
}

function extractSentence(
  sentence: string,
  offset: number,
  rules: LangRules,
  publishedYear: number | null,
  out: Fact[]
): void {
  const trimmed = sentence.trim()
  const lead = sentence.indexOf(trimmed)
  const forecastAt = forecastWords(sentence, rules)
  const breaks = forecastAt.length > 0 ? clauseBreaks(sentence) : []
  const statusAt = (at: number): Fact['status'] =>
    isForecast(at, forecastAt, breaks) ? 'forecast' : 'actual'
  const base = {
    sentence: trimmed,
    sentenceStart: offset + lead,
    lang: rules.lang
  } as const
  const excluded = excludedSpans(sentence)
  const hard = new SpanSet(excluded.filter((x) => !x.glued))
  const dates = findDates(sentence, rules, publishedYear).filter((d) => !hard.hits(d.start, d.end))
  const period = periodOf(dates, sentence, rules, publishedYear)
  const facts: Fact[] = []
  for (const d of dates) {
    facts.push({
      ...base,
      status: statusAt(d.start),
      kind: 'date',
      quote: sentence.slice(d.start, d.end),
      start: offset + d.start,
      end: offset + d.end,
      low: null,
      high: null,
      bound: null,
      unit: null,
      period: null,
      from: d.from,
      to: d.to
    })
  }
  const masked = [...excluded, ...dates]
  for (const q of findQuantities(sentence, rules, masked)) {
    facts.push({
      ...base,
      status: statusAt(q.start),
      kind: 'quantity',
      quote: sentence.slice(q.start, q.end),
      start: offset + q.start,
      end: offset + q.end,
      low: q.low,
      high: q.high,
      bound: q.bound,
      unit: q.unit,
      period,
      from: null,
      to: null
    })
  }
  facts.sort((a, b) => a.start - b.start)
  out.push(...facts)
}

// ---------------------------------------------------------------------------------------
// Status and period

const wordRegexCache = new Map<string, RegExp>()

/** A regex finding any of `list` as whole words (case-insensitive), cached per key. */
function anyWord(key: string, list: string[]): RegExp | null {
  if (list.length === 0) return null
  const hit = wordRegexCache.get(key)
  if (hit) return hit
  const alt = [...list]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')
  const cjk = /[\u3040-\u30ff\u3400-\u9fff]/.test(list.join(''))
  const re = cjk
    ? new RegExp(`(?:${alt})`, 'iu')
    : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'iu')
  wordRegexCache.set(key, re)
  return re
}

/** Where the sentence's forecast and plan words are ("expected", "soll", "dự kiến"). */
function forecastWords(sentence: string, rules: LangRules): number[] {
  const one = anyWord(`${rules.lang}:forecast`, rules.forecast)
  if (!one) return []
  const re = new RegExp(one.source, 'giu')
  const out: number[] = []
  let m: RegExpExecArray | null
  while ((m = re.exec(sentence)) !== null) out.push(m.index)
  return out
}

/**
 * A figure is a forecast when a forecast word comes before it in its sentence ("is expected
 * to reach 50 bn", "soll … 63 Doktoranden aufnehmen"), or after it in the same clause ("50 bn
 * is expected"); a plan in a later clause ("…, and 60 % plan to expand") leaves it actual.
 */
function isForecast(at: number, words: number[], breaks: ClauseBreak[]): boolean {
  if (words.length === 0) return false
  if (words[0]! < at) return true
  // The nearest word after the figure decides: a clause break between them leaves it actual
  // (any later word lies beyond the same break).
  const w = words[0]!
  const next = breaks[firstAtOrAfter(breaks, at)]
  if (!next) return true
  return !(next.at + next.needs <= w)
}

interface ClauseBreak {
  at: number
  /** Characters that must lie before the word: a comma counts only with a space after it. */
  needs: number
}

/** Clause breaks of a sentence, in order: ", " "; " ": " and brackets or dashes. */
function clauseBreaks(sentence: string): ClauseBreak[] {
  const out: ClauseBreak[] = []
  const re = /[,;:](?=\s)|[()–—]/g
  let m: RegExpExecArray | null
  while ((m = re.exec(sentence)) !== null)
    out.push({
      at: m.index,
      needs: m[0] === '(' || m[0] === ')' || m[0] === '–' || m[0] === '—' ? 1 : 2
    })
  return out
}

function firstAtOrAfter(list: Array<{ at: number }>, at: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid]!.at < at) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The period the figures of a sentence cover: a partial year, a whole year, "annual". */
function periodOf(
  dates: DateMatch[],
  sentence: string,
  rules: LangRules,
  publishedYear: number | null
): Fact['period'] {
  const partial = dates.find((d) => d.partial)
  if (partial) return { from: partial.from, to: partial.to }
  const whole = dates.find((d) => d.wholeYear)
  if (whole) return { from: whole.from, to: whole.to }
  if (publishedYear !== null && anyWord(`${rules.lang}:annual`, rules.annual)?.test(sentence)) {
    return { from: `${publishedYear}-01-01`, to: `${publishedYear}-12-31` }
  }
  return null
}

// ---------------------------------------------------------------------------------------
// What is never a figure: URLs, e-mail addresses, file names, phone numbers, codes.

interface Range {
  start: number
  end: number
  /** Digits glued to letters ("G20", "VietnamPlus21/09/2025"): no figure, but a date may end it. */
  glued?: boolean
}

// Each alternative reads a bounded stretch from a bounded set of starts (run starts, atomic
// look-ahead captures), so that a long run of letters, digits or binary noise costs linear time.
const EXCLUDE = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)\S+`,
    String.raw`(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,64}\.[\w.]{1,64}`,
    String.raw`(?<!\S)\S{1,256}?\.(?:jpe?g|png|gif|webp|svg|pdf|html?|php|aspx?|vnp|docx?)(?![\p{L}])`,
    String.raw`(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?(?:[\s.-]\d{2,4}){2,6}(?=\s*$|[^\d\p{L}.,]|\s\D)`,
    String.raw`(?<glued>(?<!\p{Script=Latin})\p{Script=Latin}(?=(?<letters>\p{L}{0,64}))\k<letters>\d[\p{L}\d-]*)`,
    String.raw`(?<!\d)\d(?=(?<word>[\p{L}\d]{0,64}))\k<word>-\p{L}[\p{L}\d-]*`
  ].join('|'),
  'gu'
)

/**
 * Ranges merged into disjoint sorted spans, asked whether they overlap [start, end) in
 * O(log n): the only candidate is the last span starting before `end`.
 */
export class SpanSet {
  private readonly starts: number[] = []
  private readonly ends: number[] = []

  constructor(ranges: ReadonlyArray<{ start: number; end: number }>) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start)
    for (const r of sorted) {
      const last = this.ends.length - 1
      if (last >= 0 && r.start <= this.ends[last]!) {
        this.ends[last] = Math.max(this.ends[last]!, r.end)
      } else {
        this.starts.push(r.start)
        this.ends.push(r.end)
      }
    }
  }

  hits(start: number, end: number): boolean {
    let lo = 0
    let hi = this.starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.starts[mid]! < end) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && this.ends[lo - 1]! > start
  }
}

function excludedSpans(sentence: string): Range[] {
  const out: Range[] = []
  EXCLUDE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = EXCLUDE.exec(sentence)) !== null) {
    const text = m[0]
    // A phone-like run that is a valid grouped number ("1 234 567") is a figure after all.
    if (/^[\d\s.]+$/.test(text) && /^\d{1,3}(?:[ \u00a0.]\d{3})+$/.test(text.trim())) continue
    // A date written with numbers ("21.09.2025", "2025-09-21") is a date, not a phone number.
    if (/^(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})$/.test(text)) continue
    out.push({ start: m.index, end: m.index + text.length, glued: m.groups?.glued !== undefined })
  }
  return out
}

// ---------------------------------------------------------------------------------------
// Quantities

interface Quantity {
  start: number
  end: number
  low: number
  high: number | null
  bound: FactBound
  unit: string | null
}

interface NumberAt {
  start: number
  end: number
  token: NumberToken | null
  word: number | null
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

interface QuantityRegexes {
  numberWord: RegExp | null
  scale: RegExp
  currencyAfter: RegExp
  currencyBefore: RegExp
  percentAfter: RegExp
  atLeastBefore: RegExp | null
  atMostBefore: RegExp | null
  approxBefore: RegExp | null
  atLeastAfter: RegExp | null
  atMostAfter: RegExp | null
  approxAfter: RegExp | null
  rangeJoin: RegExp
}

const quantityCache = new Map<string, QuantityRegexes>()

function alt(list: string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')
}

function compileQuantity(rules: LangRules): QuantityRegexes {
  const hit = quantityCache.get(rules.lang)
  if (hit) return hit
  const cjk = rules.lang === 'ja' || rules.lang === 'zh'
  const E = cjk ? '' : '(?![\\p{L}\\p{N}])'
  const B = '(?<![\\p{L}\\p{N}])'
  const before = (list: string[]): RegExp | null =>
    list.length ? new RegExp(`${B}(?:${alt(list)})\\.?\\s*$`, 'iu') : null
  const after = (list: string[]): RegExp | null =>
    list.length ? new RegExp(`^\\s*(?:${alt(list)})${E}`, 'iu') : null
  const symbols = Object.keys(rules.currencies).filter((k) => !/^\p{L}/u.test(k) || k.length === 3)
  const words = [...Object.keys(rules.numberWords), ...Object.keys(rules.rangeOnlyWords)]
  const re: QuantityRegexes = {
    numberWord: words.length ? new RegExp(`${B}(?:${alt(words)})${E}`, 'giu') : null,
    scale: new RegExp(`^[ \\u00a0\\u202f]?(${alt(Object.keys(rules.scales))})(\\.)?${E}`, 'iu'),
    currencyAfter: new RegExp(
      `^[ \\u00a0\\u202f]?-?(${alt(Object.keys(rules.currencies))})${E}`,
      'iu'
    ),
    currencyBefore: new RegExp(`(?:^|[^\\p{L}])(${alt(symbols)})[ \\u00a0\\u202f]?$`, 'iu'),
    percentAfter: new RegExp(
      `^[ \\u00a0\\u202f]?(?:%|％|${alt(rules.percentWords.length ? rules.percentWords : ['percent'])}${E})`,
      'iu'
    ),
    atLeastBefore: before(rules.atLeast),
    atMostBefore: before(rules.atMost),
    approxBefore: before(rules.approx),
    atLeastAfter: after(rules.atLeastAfter),
    atMostAfter: after(rules.atMostAfter),
    approxAfter: after(rules.approxAfter),
    rangeJoin: new RegExp(
      `^\\s*(?:–|—|-|~|～|〜|${alt(rules.rangeWords.filter((w) => !/^(?:and|und|og)$/.test(w)))})\\s*`,
      'iu'
    )
  }
  quantityCache.set(rules.lang, re)
  return re
}

/** Every number (digits or small number word) in the sentence that is not masked. */
function numbersIn(
  sentence: string,
  rules: LangRules,
  masked: Range[],
  re: QuantityRegexes
): NumberAt[] {
  const out: NumberAt[] = []
  const mask = new SpanSet(masked)
  const inMask = (s: number, e: number): boolean => mask.hits(s, e)
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i)
    if (c < 48 || c > 57) continue
    const prev = sentence[i - 1]
    if (prev !== undefined && /[\p{N}]/u.test(prev)) continue
    const token = readNumber(sentence, i, rules)
    if (!token) continue
    i = token.end - 1
    if (inMask(token.start, token.end)) continue
    out.push({ start: token.start, end: token.end, token, word: null })
  }
  if (re.numberWord) {
    re.numberWord.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = re.numberWord.exec(sentence)) !== null) {
      const w = m[0].toLowerCase()
      const value = rules.numberWords[w] ?? rules.rangeOnlyWords[w]
      if (value === undefined || inMask(m.index, m.index + m[0].length)) continue
      // "To Lam" is a name; "the two countries" / "de to landene" refers back, it counts nothing new.
      if (/^\p{Lu}/u.test(m[0]) && m.index > 0) continue
      if (DEFINITE.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue
      out.push({ start: m.index, end: m.index + m[0].length, token: null, word: value })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

const DEFINITE =
  /(?<![\p{L}])(?:the|these|those|de|disse|die|der|den|dem|des|diese|diesen|các|những|hai|all|alle)\s+$/iu

function isYear(n: NumberAt): boolean {
  return n.token !== null && n.token.frac === '' && /^(?:1[89]\d\d|2[01]\d\d)$/.test(n.token.int)
}

function findQuantities(sentence: string, rules: LangRules, masked: Range[]): Quantity[] {
  const re = compileQuantity(rules)
  const nums = numbersIn(sentence, rules, masked, re)
  const out: Quantity[] = []
  const used = new Set<number>()
  for (let n = 0; n < nums.length; n++) {
    if (used.has(n)) continue
    const first = nums[n]!
    const q = readQuantity(sentence, rules, re, nums, n, used)
    if (q) out.push(q)
    else if (first.word !== null) continue
  }
  return out
}

interface Amount {
  value: number
  end: number
  scaled: boolean
}

/** The number at `at` with a scale word after it ("1,5 Milliarden", "4億2000万"). */
function amountAt(sentence: string, rules: LangRules, re: QuantityRegexes, at: NumberAt): Amount {
  let exp = 0
  let end = at.end
  let scaled = false
  const m = re.scale.exec(sentence.slice(end, end + 24))
  if (m) {
    const word = m[1]!.toLowerCase()
    const e = rules.scales[word] ?? rules.scales[m[1]!]
    // English "m" only right after the digits ("$5m"); "5 m" is five metres.
    const attachedOnly = word === 'm' && m[0].startsWith(' ')
    // A period belongs to an abbreviation ("Mio.", "Mrd."), not to "Millionen." at a sentence end.
    const length = m[2] && word.length > 4 ? m[0].length - 1 : m[0].length
    if (e !== undefined && !attachedOnly) {
      exp = e
      end += length
      scaled = true
    }
  }
  let value = at.token ? valueOf(at.token, exp) : (at.word ?? 0) * 10 ** exp
  // Japanese and Vietnamese chain scales: "4億2000万", "1 tỷ 200 triệu".
  if (scaled && (rules.lang === 'ja' || rules.lang === 'vi')) {
    for (;;) {
      const rest = sentence.slice(end, end + 24)
      const next = /^[ ]?(\d+(?:[.,]\d+)?)/.exec(rest)
      if (!next) break
      const token = readNumber(sentence, end + next[0].length - next[1]!.length, rules)
      if (!token) break
      const sm = re.scale.exec(sentence.slice(token.end, token.end + 24))
      const se = sm ? rules.scales[sm[1]!.toLowerCase()] : undefined
      if (se === undefined || se >= exp) break
      value += valueOf(token, se)
      exp = se
      end = token.end + sm![0].length
    }
  }
  return { value, end, scaled }
}

function readQuantity(
  sentence: string,
  rules: LangRules,
  re: QuantityRegexes,
  nums: NumberAt[],
  n: number,
  used: Set<number>
): Quantity | null {
  const first = nums[n]!
  let start = first.start
  const a = amountAt(sentence, rules, re, first)
  let end = a.end
  let low = a.value
  let high: number | null = a.value
  let bound: FactBound = 'exact'
  let unit: string | null = null
  let scaled = a.scaled

  // A compound ("52-årsjubileet") or a model name glued to letters is not a figure.
  if (/^-\p{L}/u.test(sentence.slice(first.end, first.end + 2))) return null
  // "2+2" is a name, "60+" a bound.
  const plus = /^\+(?!\d)/.exec(sentence.slice(end, end + 2))
  if (/^\+\d/.test(sentence.slice(first.end, first.end + 2))) return null

  // Ordinals ("21. september", "2. Sitzung") in languages that write them with a period.
  if (
    first.token &&
    /^\.(?!\d)/.test(sentence.slice(first.end)) &&
    ['de', 'nb', 'no', 'nn'].includes(rules.lang)
  ) {
    if (
      /^\.\s+\p{Ll}/u.test(sentence.slice(first.end, first.end + 4)) ||
      /^\.\s*\p{Lu}/u.test(sentence.slice(first.end, first.end + 4))
    ) {
      if (!a.scaled) return null
    }
  }

  // Range: "1–2", "ein bis zwei", "10 to 20 million".
  const join = re.rangeJoin.exec(sentence.slice(end, end + 12))
  if (join && nums[n + 1] && nums[n + 1]!.start === end + join[0].length) {
    const second = nums[n + 1]!
    const b = amountAt(sentence, rules, re, second)
    const bothYears = isYear(first) && isYear(second)
    if (!bothYears) {
      let lowValue = a.value
      // "10 to 20 million": the scale after the second applies to the first.
      if (!a.scaled && b.scaled && first.token) {
        const exp = Math.round(
          Math.log10(b.value / (second.token ? valueOf(second.token) : second.word!))
        )
        lowValue = valueOf(first.token, exp)
      }
      if (lowValue < b.value) {
        low = lowValue
        high = b.value
        bound = 'range'
        end = b.end
        scaled = scaled || b.scaled
        used.add(n + 1)
      }
    }
  }
  if (
    first.word !== null &&
    bound !== 'range' &&
    rules.rangeOnlyWords[sentence.slice(first.start, first.end).toLowerCase()] !== undefined
  ) {
    return null
  }

  // Currency before ("$5 billion", "USD 300 million", "€20").
  const before = sentence.slice(Math.max(0, start - 8), start)
  const cb = re.currencyBefore.exec(before)
  if (cb) {
    const code = rules.currencies[cb[1]!.toLowerCase()] ?? rules.currencies[cb[1]!]
    if (code) {
      unit = code
      const symAt = cb.index + cb[0].lastIndexOf(cb[1]!)
      start = start - before.length + symAt
    }
  }
  let percent = false
  const rest = (): string => sentence.slice(end, end + 40)
  if (plus) {
    bound = 'at-least'
    high = null
    end += 1
  }
  const pm = re.percentAfter.exec(rest())
  if (pm) {
    unit = '%'
    percent = true
    end += pm[0].length
  } else {
    const ca = re.currencyAfter.exec(rest())
    if (ca) {
      const code = rules.currencies[ca[1]!.toLowerCase()] ?? rules.currencies[ca[1]!]
      if (code) {
        unit = code
        end += ca[0].length
      }
    }
  }

  // Bounds written before the number ("mehr als", "rund", "bis zu", "約").
  const head = sentence.slice(Math.max(0, start - 24), start)
  let qStart = start
  const tryBefore = (rx: RegExp | null, b: FactBound): boolean => {
    if (!rx || bound !== 'exact') return false
    const m = rx.exec(head)
    if (!m) return false
    bound = b
    qStart = start - m[0].length
    return true
  }
  if (bound === 'exact') {
    if (tryBefore(re.atLeastBefore, 'at-least')) high = null
    else if (tryBefore(re.atMostBefore, 'at-most')) low = 0
    else tryBefore(re.approxBefore, 'approximate')
  }
  // Bounds written after ("or more", "以上", "超", "程度").
  const afterBound = (rx: RegExp | null, b: FactBound): boolean => {
    if (!rx || bound !== 'exact') return false
    const tail = sentence.slice(end, end + 16)
    const m = rx.exec(tail)
    if (!m) return false
    bound = b
    end += m[0].length
    return true
  }

  // Counted noun ("60 vietnamesiske doktorgradsstudenter", "63人").
  if (unit === null) {
    const noun = countedNoun(sentence, end, rules)
    if (noun) {
      unit = noun.unit
      end = noun.end
    }
  }
  if (bound === 'exact') {
    if (afterBound(re.atLeastAfter, 'at-least')) high = null
    else if (afterBound(re.atMostAfter, 'at-most')) low = 0
    else afterBound(re.approxAfter, 'approximate')
  }
  if ((bound as FactBound) === 'at-most' && high === null) high = low

  // A bare number with nothing around it (a list item, "Linie 2", a count without its
  // noun) says too little to compare; a year alone is a date, never a figure.
  const hasContext = unit !== null || scaled || percent || bound !== 'exact'
  if (!hasContext) return null
  if (
    isYear(first) &&
    !scaled &&
    !percent &&
    bound === 'exact' &&
    (unit === null || !isCurrency(unit))
  )
    return null
  if (
    isYear(first) &&
    bound !== 'range' &&
    !scaled &&
    !percent &&
    unit !== null &&
    !isCurrency(unit) &&
    bound === 'exact'
  )
    return null
  // A number right after a capitalised name ("Line 2 forventes", "Mon 4") is a label.
  if (
    !scaled &&
    !percent &&
    (unit === null || !isCurrency(unit)) &&
    bound === 'exact' &&
    labelBefore(sentence, first.start, rules)
  ) {
    return null
  }
  return { start: qStart, end, low, high, bound, unit }
}

function isCurrency(unit: string): boolean {
  return /^[A-Z]{3}$/.test(unit)
}

function labelBefore(sentence: string, at: number, rules: LangRules): boolean {
  // German capitalises every noun: "innerhalb kurzer Zeit drei Treffen" has no label.
  if (rules.lang === 'de') return false
  const m = /(\p{Lu}[\p{L}-]*)[ \u00a0]$/u.exec(sentence.slice(Math.max(0, at - 40), at))
  if (!m) return false
  const wordStart = at - m[0].length
  return wordStart > 0
}

/**
 * The counted noun among the words after a number: German nouns are capitalised; Norwegian
 * and English adjectives come first ("vietnamesiske doktorgradsstudenter", "Vietnamese
 * students"); Vietnamese nouns are several syllables ("nghiên cứu sinh").
 */
function headNoun(words: string[], rules: LangRules): number {
  const last = words.length - 1
  switch (rules.lang) {
    case 'de':
      return words.findIndex((w) => /^\p{Lu}/u.test(w))
    case 'vi':
      return last
    case 'nb':
    case 'no':
    case 'nn':
      return words.findIndex((w, i) => i === last || !/e$/.test(w) || /ene$/.test(w))
    default:
      return words.findIndex(
        (w, i) =>
          i === last ||
          /s$/.test(w) ||
          !/(?:ese|an|ish|ic|al|ive|ous|ful|less|ed|ing|er|est)$|^\p{Lu}/u.test(w)
      )
  }
}

const PARTICLES = /^[のをがはにとでもへや、。・（）()「」\s]/

function countedNoun(
  sentence: string,
  at: number,
  rules: LangRules
): { unit: string; end: number } | null {
  const rest = sentence.slice(at, at + 80)
  if (rules.lang === 'ja' || rules.lang === 'zh') {
    let k = 0
    const bounds = [...rules.atLeastAfter, ...rules.atMostAfter, ...rules.approxAfter]
    while (
      k < rest.length &&
      k < 4 &&
      !PARTICLES.test(rest[k]!) &&
      /[\p{L}]/u.test(rest[k]!) &&
      !bounds.some((b) => rest.startsWith(b, k))
    ) {
      k++
    }
    return k > 0 ? { unit: rest.slice(0, k).toLowerCase(), end: at + k } : null
  }
  if (!/^[ \u00a0\u202f]/.test(rest)) return null
  const words: string[] = []
  const ends: number[] = []
  const re = /[ \u00a0\u202f]+([\p{L}][\p{L}\p{M}'’-]*)/uy
  let m: RegExpExecArray | null
  re.lastIndex = 0
  while (words.length < 3 && (m = re.exec(rest)) !== null) {
    const w = m[1]!
    if (rules.stopWords.has(w.toLowerCase())) break
    words.push(w)
    ends.push(re.lastIndex)
  }
  if (words.length === 0) return null
  const head = headNoun(words, rules)
  if (head < 0) return null
  const unit = rules.lang === 'vi' ? words.slice(0, head + 1).join(' ') : words[head]!
  return { unit: unit.toLowerCase(), end: at + ends[head]! }
}
