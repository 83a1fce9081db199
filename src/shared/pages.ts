/**
 * Pages of a source imported from a paged document (PDF): where each page starts in the text,
 * so that any range of the text knows its page.
 */

export type SourceLayout = {
  /** Offset in the source's text where each page starts; pageStarts[0] is page 1. */
  pageStarts: number[]
  /** Running headers, footers and page numbers (ranges of the text), folded in the reader. */
  furniture: Array<{ start: number; end: number }>
}

/** 1-based page of the character at `offset`, or null without a page map. */
export function pageAt(pageStarts: readonly number[] | null, offset: number): number | null {
  if (!pageStarts || pageStarts.length === 0) return null
  let low = 0
  let high = pageStarts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((pageStarts[mid] as number) <= offset) low = mid
    else high = mid - 1
  }
  return low + 1
}

/** "p. 4" or "pp. 4–5" for the range [start, end), or null without a page map. */
export function pageLocator(
  pageStarts: readonly number[] | null,
  start: number,
  end: number
): string | null {
  const first = pageAt(pageStarts, start)
  const last = pageAt(pageStarts, Math.max(start, end - 1))
  if (first === null || last === null) return null
  return first === last ? `p. ${first}` : `pp. ${first}–${last}`
}

/**
 * The layout after the text changed from `before` to `after`: offsets past the edited stretch
 * (the part between the common prefix and suffix) move with it; furniture that overlapped the
 * edit is dropped, and a page that started inside it starts where the edit ends.
 */
export function shiftLayout(layout: SourceLayout, before: string, after: string): SourceLayout {
  let prefix = 0
  const max = Math.min(before.length, after.length)
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  let suffix = 0
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  const oldEnd = before.length - suffix
  const newEnd = after.length - suffix
  const delta = newEnd - oldEnd
  const move = (offset: number): number =>
    offset <= prefix ? offset : offset >= oldEnd ? offset + delta : newEnd
  return {
    pageStarts: layout.pageStarts.map(move),
    furniture: layout.furniture
      .filter((range) => range.end <= prefix || range.start >= oldEnd)
      .map((range) => ({ start: move(range.start), end: move(range.end) }))
  }
}
