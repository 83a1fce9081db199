/** A line of a text with its offsets in the original string (UTF-16 code units). */
export interface TextLine {
  /** Offset of the first character of the line. */
  start: number
  /** Offset just after the last character (before "\n" / "\r\n"). */
  end: number
  text: string
}

/** Splits text into lines, keeping offsets into the original string. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = []
  let start = 0
  for (;;) {
    const nl = text.indexOf('\n', start)
    const rawEnd = nl === -1 ? text.length : nl
    const end = rawEnd > start && text.charCodeAt(rawEnd - 1) === 13 ? rawEnd - 1 : rawEnd
    lines.push({ start, end, text: text.slice(start, end) })
    if (nl === -1) break
    start = nl + 1
  }
  return lines
}

/**
 * The text without the given ranges (they may overlap or come in any order), trailing
 * blanks trimmed and blank-line runs collapsed: what an article reads as once its clutter is
 * gone. The import preview shows it and language detection reads it, so both see the same.
 */
export function textWithoutRanges(
  text: string,
  ranges: ReadonlyArray<{ start: number; end: number }>
): string {
  let out = ''
  let at = 0
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < at) {
      at = Math.max(at, range.end)
      continue
    }
    out += text.slice(at, range.start)
    at = range.end
  }
  out += text.slice(at)
  return out
    .replace(/\r\n/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
