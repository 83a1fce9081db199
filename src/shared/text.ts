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
