// Reading written numbers: decimal comma or point, group separators (. , space U+00A0
// U+202F), as the language writes them (Intl.NumberFormat) and as translations often do.

import type { LangRules } from './rules'

export interface NumberToken {
  /** Offsets of the digits and separators in the text. */
  start: number
  end: number
  /** Integer digits and fraction digits, kept as strings so scaling stays exact. */
  int: string
  frac: string
}

/**
 * Separators read in one number at most: "1.234.567.890.123,45" has five. A longer run ("1 2 3
 * 4 …", a table without stops) is read as several numbers, so each digit is looked at once.
 */
const MAX_SEPARATORS = 12

const GROUP_SPACE = /[ \u00a0\u202f\u2009]/
const SEP = /[.,' \u00a0\u202f\u2009]/

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}

/**
 * The number written at `start` (a digit), or null. Reads the longest run of digits and
 * separators that forms a valid number in the language: groups of three after a group
 * separator, one decimal separator at most.
 */
export function readNumber(text: string, start: number, rules: LangRules): NumberToken | null {
  if (!isDigit(text[start])) return null
  // Split the run into digit groups and the separators between them.
  const groups: string[] = []
  const seps: string[] = []
  let i = start
  let cur = ''
  for (;;) {
    const c = text[i]
    if (isDigit(c)) {
      cur += c
      i++
      continue
    }
    if (
      c !== undefined &&
      seps.length < MAX_SEPARATORS &&
      SEP.test(c) &&
      isDigit(text[i + 1]) &&
      cur
    ) {
      groups.push(cur)
      seps.push(c)
      cur = ''
      i++
      continue
    }
    break
  }
  groups.push(cur)
  // Decide which separator (if any) is the decimal one: the last '.' or ',' when it is the
  // language's decimal, or when it is the only one of its kind and not followed by three
  // digits (a translation writing "1.5" in German).
  let dec = -1
  const last = seps.length - 1
  if (last >= 0 && (seps[last] === '.' || seps[last] === ',')) {
    const s = seps[last]!
    const count = seps.filter((x) => x === s).length
    const after = groups[last + 1]!
    if (s === rules.decimal && count === 1) dec = last
    else if (count === 1 && after.length !== 3 && !seps.slice(0, last).includes(s)) dec = last
    else if (count === 1 && seps.length > 1 && seps.slice(0, last).every((x) => x !== s)) dec = last
  }
  // Every separator before the decimal one must be a group separator with three digits after.
  let intGroups: number
  const firstLen = groups[0]!.length
  const grouped = (upto: number): boolean => {
    if (upto === 0) return true
    if (firstLen > 3) return false
    let kind: string | null = null
    for (let k = 0; k < upto; k++) {
      const s = seps[k]!
      const norm = GROUP_SPACE.test(s) ? ' ' : s
      if (kind === null) kind = norm
      else if (kind !== norm) return false
      if (norm === rules.decimal && norm !== ' ') return false
      if (groups[k + 1]!.length !== 3) return false
    }
    return true
  }
  const groupEnd = dec >= 0 ? dec : seps.length
  if (grouped(groupEnd)) {
    intGroups = groupEnd + 1
  } else {
    // Take the longest valid prefix: the first group alone, or with its valid groups.
    let k = groupEnd
    while (k > 0 && !grouped(k)) k--
    intGroups = k + 1
    dec = -1
    if (k < seps.length && seps[k] === rules.decimal && groups[k + 1]!.length !== 3 && grouped(k)) {
      dec = k
    }
  }
  const int = groups.slice(0, intGroups).join('')
  const frac = dec >= 0 && dec === intGroups - 1 ? groups[dec + 1]! : ''
  let end = start
  for (let k = 0; k < intGroups; k++) end += groups[k]!.length + (k > 0 ? 1 : 0)
  if (frac) end += 1 + frac.length
  return { start, end, int, frac }
}

/** The exact value of a number token times 10^exp. */
export function valueOf(token: { int: string; frac: string }, exp = 0): number {
  const digits = (token.int + token.frac).replace(/^0+(?=\d)/, '')
  return Number(`${digits}e${exp - token.frac.length}`)
}
