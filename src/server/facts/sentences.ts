// Sentence spans of a text, with offsets. Written here rather than Intl.Segmenter because
// the segmenter breaks "am 2. September" and "ca. 60" — ordinals and abbreviations are
// everywhere in the dates and figures we look at.

export interface Span {
  start: number
  end: number
}

const TERMINAL = /[.!?。！？]/
const ABBREV = new Set([
  'ca',
  'bzw',
  'usw',
  'vgl',
  'mio',
  'mrd',
  'mill',
  'nr',
  'no',
  'st',
  'dr',
  'prof',
  'mr',
  'mrs',
  'ms',
  'etc',
  'e.g',
  'i.e',
  'z.b',
  'd.h',
  'u.a',
  'f.eks',
  'bl.a',
  'osv',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'oct',
  'nov',
  'dez',
  'des',
  'dec',
  'kr',
  'vs',
  'inkl',
  'ggf',
  'evt',
  'tlf',
  'tel'
])

/** Splits text into trimmed sentence spans: at line breaks and at ". " before a capital. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  const push = (end: number): void => {
    let s = start
    let e = end
    while (s < e && /\s/.test(text[s]!)) s++
    while (e > s && /\s/.test(text[e - 1]!)) e--
    if (e > s) spans.push({ start: s, end: e })
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '\n') {
      push(i)
      start = i + 1
      continue
    }
    if (!TERMINAL.test(ch)) continue
    if (ch === '。' || ch === '！' || ch === '？') {
      push(i + 1)
      start = i + 1
      continue
    }
    // Latin terminal: needs whitespace after, then an upper-case letter, quote or digit.
    let j = i + 1
    while (j < text.length && /[»«"'’”)\]]/.test(text[j]!)) j++
    if (j >= text.length) continue
    if (!/[ \t\u00a0]/.test(text[j]!)) continue
    let k = j
    while (k < text.length && /[ \t\u00a0]/.test(text[k]!)) k++
    const next = text[k]
    if (next === undefined || !/[\p{Lu}«"„“(]/u.test(next)) continue
    if (ch === '.') {
      // An ordinal ("2. September") or an abbreviation ("ca. 60") does not end a sentence.
      let w = i
      while (w > 0 && i - w < 16 && /[\p{L}\p{N}.]/u.test(text[w - 1]!)) w--
      const word = text.slice(w, i).toLowerCase()
      if (/^\d{1,2}$/.test(word)) continue
      if (ABBREV.has(word) || /^\p{L}$/u.test(word)) continue
    }
    push(j)
    start = j
  }
  push(text.length)
  return spans
}
