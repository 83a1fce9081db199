/**
 * Quote-anchored citations: W3C Web Annotation selectors and Hypothesis-style re-anchoring.
 *
 * A citation stores a TextQuoteSelector (the exact quote plus a little context on each side)
 * and a TextPositionSelector (UTF-16 offsets). When the source text changes (re-import, an
 * edited copy of the article) `anchorQuote` finds the quote again:
 *
 *   1. position: the stored offsets still hold the exact quote           → 'exact'
 *   2. quote: the exact quote occurs elsewhere; the occurrence whose
 *      prefix/suffix best match the stored context wins, then the one
 *      nearest the old position                                            → 'moved'
 *   3. fuzzy: approximate substring search (Myers' bit-parallel version of
 *      Sellers' algorithm) allowing up to 25 % edits of the quote length;
 *      candidates are ranked on errors, context and distance               → 'fuzzy'
 *   4. nothing close enough                                                → 'orphaned'
 *
 * Pure module: no Node or DOM imports.
 */

export interface TextQuoteSelector {
  exact: string
  prefix: string
  suffix: string
}

/** UTF-16 code-unit offsets into the source text; `end` is exclusive. */
export interface TextPositionSelector {
  start: number
  end: number
}

export type Anchor =
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; quote: string }
  | { status: 'orphaned' }

export interface AnchorOptions {
  /** Maximum edits allowed in a fuzzy match, as a fraction of the quote length. Default 0.25. */
  maxErrorRatio?: number
}

export const DEFAULT_CONTEXT_LENGTH = 32
export const DEFAULT_MAX_ERROR_RATIO = 0.25

/** Upper bound on the bit-parallel work (text columns × 32-bit pattern blocks) of one search. */
const MAX_SEARCH_WORK = 24_000_000
/** Quotes longer than this are fuzzy-matched by their head and tail (QUOTE_PART chars each). */
const LONG_QUOTE = 1024
const QUOTE_PART = 512
/** How many fuzzy end positions are refined (start position, context score). */
const MAX_FUZZY_CANDIDATES = 40
/** How many exact occurrences are scored on context (the nearest ones to the old position). */
const MAX_EXACT_CANDIDATES = 2000
/** Only this many characters of prefix/suffix are compared. */
const MAX_CONTEXT_COMPARE = 64

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** True when offset `i` falls between the two halves of a surrogate pair. */
function splitsSurrogatePair(text: string, i: number): boolean {
  return (
    i > 0 &&
    i < text.length &&
    isHighSurrogate(text.charCodeAt(i - 1)) &&
    isLowSurrogate(text.charCodeAt(i))
  )
}

/**
 * Describes `text[start, end)` with a quote selector (with `contextLength` characters of context
 * on each side) and a position selector. Throws on an empty or out-of-range range.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextLength: number = DEFAULT_CONTEXT_LENGTH
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new Error(`describeRange: start and end must be integers (got ${start} and ${end}).`)
  }
  if (start < 0 || end > text.length || start > end) {
    throw new Error(
      `describeRange: the range ${start}–${end} is outside the text, which has ${text.length} characters.`
    )
  }
  if (start === end) {
    throw new Error(`describeRange: the range ${start}–${end} is empty; select some text to quote.`)
  }
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new Error(
      `describeRange: contextLength must be a non-negative integer (got ${contextLength}).`
    )
  }
  let prefixStart = Math.max(0, start - contextLength)
  if (prefixStart < start && splitsSurrogatePair(text, prefixStart)) prefixStart++
  let suffixEnd = Math.min(text.length, end + contextLength)
  if (suffixEnd > end && splitsSurrogatePair(text, suffixEnd)) suffixEnd--
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd)
    },
    position: { start, end }
  }
}

const WHITESPACE = /\s/

/**
 * Shrinks a selected range so it neither starts nor ends with whitespace. Out-of-range or
 * reversed input is clamped and ordered. An all-whitespace selection collapses to an empty range
 * at its start.
 */
export function normalizeSelection(
  text: string,
  start: number,
  end: number
): { start: number; end: number } {
  const clamp = (n: number): number =>
    Number.isFinite(n) ? Math.min(text.length, Math.max(0, Math.trunc(n))) : 0
  const first = clamp(Math.min(start, end))
  let s = first
  let e = clamp(Math.max(start, end))
  while (s < e && WHITESPACE.test(text.charAt(s))) s++
  if (s === e) return { start: first, end: first }
  while (e > s && WHITESPACE.test(text.charAt(e - 1))) e--
  return { start: s, end: e }
}

// ---------------------------------------------------------------------------------------------
// Similarity helpers

/** Levenshtein distance (small strings only: used on ≤ 64-character context windows). */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let prev = new Uint16Array(b.length + 1)
  let curr = new Uint16Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost)
    }
    const t = prev
    prev = curr
    curr = t
  }
  return prev[b.length]!
}

/** 1 = identical, 0 = nothing in common. */
function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 0
  const d = levenshtein(expected, actual)
  return Math.max(0, 1 - d / Math.max(expected.length, actual.length))
}

/** How well the text around [start, end) matches the stored prefix and suffix (0..2). */
function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const prefix = quote.prefix.slice(-MAX_CONTEXT_COMPARE)
  const suffix = quote.suffix.slice(0, MAX_CONTEXT_COMPARE)
  let score = 0
  if (prefix.length > 0) {
    score += similarity(prefix, text.slice(Math.max(0, start - prefix.length), start))
  }
  if (suffix.length > 0) {
    score += similarity(suffix, text.slice(end, end + suffix.length))
  }
  return score
}

// ---------------------------------------------------------------------------------------------
// Approximate search (Myers 1999, blocked bit-vector algorithm; Sellers' semantics: the match
// may start anywhere in the text)

export interface ApproximateMatch {
  start: number
  end: number
  errors: number
}

interface MatchEnd {
  end: number
  errors: number
}

/**
 * Scans text[from, to) and returns, for every run of consecutive columns where the pattern
 * matches with ≤ maxErrors edits, the end offset with the fewest errors.
 */
function searchMatchEnds(
  text: string,
  from: number,
  to: number,
  pattern: string,
  maxErrors: number
): MatchEnd[] {
  const m = pattern.length
  const blocks = Math.ceil(m / 32)
  const peq = new Map<number, Int32Array>()
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i)
    let vector = peq.get(c)
    if (!vector) {
      vector = new Int32Array(blocks)
      peq.set(c, vector)
    }
    vector[i >> 5]! |= 1 << (i & 31)
  }
  const none = new Int32Array(blocks)
  const pvs = new Int32Array(blocks).fill(-1)
  const mvs = new Int32Array(blocks)
  const lastHigh = 1 << ((m - 1) & 31)
  const fullHigh = 1 << 31
  let score = m
  const ends: MatchEnd[] = []
  let bestInRun: MatchEnd | null = null
  for (let j = from; j < to; j++) {
    const eqs = peq.get(text.charCodeAt(j)) ?? none
    let hin = 0
    for (let b = 0; b < blocks; b++) {
      const high = b === blocks - 1 ? lastHigh : fullHigh
      const pv = pvs[b]!
      const mv = mvs[b]!
      let eq = eqs[b]!
      const xv = eq | mv
      if (hin < 0) eq |= 1
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq
      let ph = mv | ~(xh | pv)
      let mh = pv & xh
      let hout = 0
      if (ph & high) hout = 1
      else if (mh & high) hout = -1
      ph <<= 1
      mh <<= 1
      if (hin < 0) mh |= 1
      else if (hin > 0) ph |= 1
      pvs[b] = mh | ~(xv | ph)
      mvs[b] = ph & xv
      hin = hout
    }
    score += hin
    if (score <= maxErrors) {
      if (!bestInRun || score < bestInRun.errors) bestInRun = { end: j + 1, errors: score }
    } else if (bestInRun) {
      ends.push(bestInRun)
      bestInRun = null
    }
  }
  if (bestInRun) ends.push(bestInRun)
  return ends
}

/**
 * Given a match ending at `end`, finds the start that minimises the edit distance between the
 * pattern and text[start, end) (dynamic programming over the reversed strings).
 */
function findMatchStart(
  text: string,
  lowerBound: number,
  end: number,
  pattern: string,
  maxErrors: number
): { start: number; errors: number } {
  const m = pattern.length
  const span = Math.min(end - lowerBound, m + maxErrors)
  // prev[j]: distance between the last i pattern characters and the last j text characters
  let prev = new Int32Array(span + 1)
  let curr = new Int32Array(span + 1)
  for (let j = 0; j <= span; j++) prev[j] = j
  for (let i = 1; i <= m; i++) {
    curr[0] = i
    const pc = pattern.charCodeAt(m - i)
    for (let j = 1; j <= span; j++) {
      const cost = pc === text.charCodeAt(end - j) ? 0 : 1
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost)
    }
    const t = prev
    prev = curr
    curr = t
  }
  let bestJ = 0
  let bestErrors = Number.POSITIVE_INFINITY
  for (let j = 0; j <= span; j++) {
    const e = prev[j]!
    if (e < bestErrors || (e === bestErrors && Math.abs(j - m) < Math.abs(bestJ - m))) {
      bestErrors = e
      bestJ = j
    }
  }
  return { start: end - bestJ, errors: bestErrors }
}

/**
 * Approximate substring search: every region of `text` that matches `pattern` with at most
 * `maxErrors` insertions, deletions or substitutions (one per run of adjacent end positions).
 * `window` limits the scan; `limit` caps how many matches are refined (nearest to `hint` first
 * among those with the fewest errors).
 */
export function findApproximateMatches(
  text: string,
  pattern: string,
  maxErrors: number,
  options: { window?: { start: number; end: number }; hint?: number; limit?: number } = {}
): ApproximateMatch[] {
  const m = pattern.length
  if (m === 0 || text.length === 0) return []
  const k = Math.max(0, Math.min(Math.floor(maxErrors), m - 1))
  const from = Math.max(0, Math.min(text.length, options.window?.start ?? 0))
  const to = Math.max(from, Math.min(text.length, options.window?.end ?? text.length))
  const hint = options.hint ?? 0
  const ends = searchMatchEnds(text, from, to, pattern, k)
  ends.sort((a, b) => a.errors - b.errors || Math.abs(a.end - hint) - Math.abs(b.end - hint))
  const limited = ends.slice(0, options.limit ?? ends.length)
  const matches: ApproximateMatch[] = []
  for (const { end } of limited) {
    const { start, errors } = findMatchStart(text, from, end, pattern, k)
    if (errors <= k && start < end) matches.push({ start, end, errors })
  }
  return matches
}

// ---------------------------------------------------------------------------------------------
// Anchoring

function isValidPosition(position: TextPositionSelector | undefined, length: number): boolean {
  return (
    position !== undefined &&
    Number.isInteger(position.start) &&
    Number.isInteger(position.end) &&
    position.start >= 0 &&
    position.start < position.end &&
    position.end <= length
  )
}

function positionHint(position: TextPositionSelector | undefined, length: number): number | null {
  if (!position || !Number.isFinite(position.start)) return null
  return Math.min(length, Math.max(0, Math.trunc(position.start)))
}

/** Finds the quote in `text` (see the module comment for the strategy). */
export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
  options: AnchorOptions = {}
): Anchor {
  const exact = quote.exact
  if (exact.length === 0 || text.length === 0) return { status: 'orphaned' }

  // 1. Position selector still valid.
  if (isValidPosition(position, text.length) && position) {
    if (text.slice(position.start, position.end) === exact) {
      return { status: 'exact', start: position.start, end: position.end, quote: exact }
    }
  }
  const hint = positionHint(position, text.length)
  const distance = (start: number): number => (hint === null ? 0 : Math.abs(start - hint))

  // 2. Exact quote elsewhere.
  let occurrences: number[] = []
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) occurrences.push(i)
  if (occurrences.length > 0) {
    if (occurrences.length > MAX_EXACT_CANDIDATES) {
      occurrences = occurrences
        .sort((a, b) => distance(a) - distance(b))
        .slice(0, MAX_EXACT_CANDIDATES)
    }
    let best = occurrences[0]!
    let bestScore = Number.NEGATIVE_INFINITY
    for (const start of occurrences) {
      const score = contextScore(text, start, start + exact.length, quote)
      const better =
        score > bestScore + 1e-9 ||
        (Math.abs(score - bestScore) <= 1e-9 && distance(start) < distance(best))
      if (better) {
        best = start
        bestScore = score
      }
    }
    return { status: 'moved', start: best, end: best + exact.length, quote: exact }
  }

  // 3. Fuzzy match.
  const ratio = Math.min(0.5, Math.max(0, options.maxErrorRatio ?? DEFAULT_MAX_ERROR_RATIO))
  let match: { start: number; end: number } | null
  if (exact.length <= LONG_QUOTE) {
    match = bestFuzzyMatch(text, exact, quote, hint, ratio, { start: 0, end: text.length })
  } else {
    // Long quotes: find the head and the tail separately and accept the span between them when
    // its length is within the error ratio of the quote's length.
    const head = exact.slice(0, QUOTE_PART)
    const tail = exact.slice(-QUOTE_PART)
    const all = { start: 0, end: text.length }
    const headMatch = bestFuzzyMatch(text, head, { ...quote, suffix: '' }, hint, ratio, all)
    const tailHint = headMatch ? headMatch.start + exact.length - tail.length : hint
    const tailWindow = headMatch
      ? { start: headMatch.end, end: Math.min(text.length, headMatch.start + exact.length * 2) }
      : all
    const tailMatch = bestFuzzyMatch(
      text,
      tail,
      { ...quote, prefix: '' },
      tailHint,
      ratio,
      tailWindow
    )
    match = null
    if (headMatch && tailMatch && tailMatch.end > headMatch.start) {
      const length = tailMatch.end - headMatch.start
      if (Math.abs(length - exact.length) <= exact.length * ratio) {
        match = { start: headMatch.start, end: tailMatch.end }
      }
    }
  }
  if (!match) return { status: 'orphaned' }
  let { start, end } = match
  if (splitsSurrogatePair(text, start)) start--
  if (splitsSurrogatePair(text, end)) end++
  start = Math.max(0, start)
  end = Math.min(text.length, end)
  return { status: 'fuzzy', start, end, quote: text.slice(start, end) }
}

/** Best approximate occurrence of `pattern` in text[window], ranked as Hypothesis does. */
function bestFuzzyMatch(
  text: string,
  pattern: string,
  quote: TextQuoteSelector,
  hint: number | null,
  ratio: number,
  area: { start: number; end: number }
): ApproximateMatch | null {
  const maxErrors = Math.floor(pattern.length * ratio)
  if (maxErrors < 1 || area.end <= area.start) return null
  const blocks = Math.ceil(pattern.length / 32)
  const maxColumns = Math.max(pattern.length * 4, Math.floor(MAX_SEARCH_WORK / blocks))
  let window = area
  if (area.end - area.start > maxColumns) {
    const center = hint ?? area.start
    const start = Math.max(area.start, Math.min(area.end - maxColumns, center - (maxColumns >> 1)))
    window = { start, end: start + maxColumns }
  }
  const matches = findApproximateMatches(text, pattern, maxErrors, {
    window,
    hint: hint ?? 0,
    limit: MAX_FUZZY_CANDIDATES
  })
  let best: ApproximateMatch | null = null
  let bestScore = Number.NEGATIVE_INFINITY
  for (const match of matches) {
    // Weights as in Hypothesis' match-quote: the quote itself dominates, then context, then
    // closeness to the old position.
    const quoteScore = 1 - match.errors / pattern.length
    const posScore = hint === null ? 0 : 1 - Math.abs(match.start - hint) / text.length
    const score =
      50 * quoteScore + 20 * contextScore(text, match.start, match.end, quote) + 2 * posScore
    if (score > bestScore) {
      bestScore = score
      best = match
    }
  }
  return best
}
