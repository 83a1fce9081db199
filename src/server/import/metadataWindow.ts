import type { ClutterRange } from './clutter'

/** Documents up to this many characters are read whole for their metadata. */
const WHOLE_UP_TO = 200_000
const HEAD = 100_000
const TAIL = 20_000

/**
 * The part of a long document its metadata is guessed from: the head (title, dateline, byline,
 * the first dates) and the tail (a "Source:" line, a closing byline), joined by a blank line,
 * with the clutter ranges moved to match. Title, date, publisher and language never depend on
 * the middle of a book-length text, and reading millions of short lines one object each took
 * tens of seconds and gigabytes.
 */
export function metadataWindow(
  text: string,
  clutter: readonly ClutterRange[]
): { text: string; clutter: ClutterRange[] } {
  if (text.length <= WHOLE_UP_TO) return { text, clutter: [...clutter] }
  const headEnd = lineBreakNear(text, HEAD, 'before')
  const tailStart = lineBreakNear(text, text.length - TAIL, 'after')
  const gap = '\n\n'
  const shift = headEnd + gap.length - tailStart
  const moved: ClutterRange[] = []
  for (const range of clutter) {
    if (range.start < headEnd) moved.push({ ...range, end: Math.min(range.end, headEnd) })
    if (range.end > tailStart) {
      moved.push({
        ...range,
        start: Math.max(range.start, tailStart) + shift,
        end: range.end + shift
      })
    }
  }
  return { text: text.slice(0, headEnd) + gap + text.slice(tailStart), clutter: moved }
}

/** A cut at a line break close to `at`, or at `at` itself, never inside a surrogate pair. */
function lineBreakNear(text: string, at: number, side: 'before' | 'after'): number {
  const reach = 10_000
  const found = side === 'before' ? text.lastIndexOf('\n', at) : text.indexOf('\n', at)
  let cut = found >= 0 && Math.abs(found - at) <= reach ? found + (side === 'after' ? 1 : 0) : at
  const code = text.charCodeAt(cut)
  if (code >= 0xdc00 && code <= 0xdfff) cut += side === 'before' ? -1 : 1
  return cut
}
