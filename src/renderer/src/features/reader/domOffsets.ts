/*
 * DOM selections as UTF-16 offsets into a source's text.
 *
 * The reader renders every run of text in an element carrying `data-start` (the offset of its
 * first character) and holding that text and nothing else. A boundary point inside such a
 * run is its start plus the offset within the run; DOM offsets in text nodes count UTF-16 code
 * units, as JavaScript strings do, so Vietnamese with combining marks, Japanese and emoji need
 * no conversion. A boundary point anywhere else (between paragraphs, on a label, outside the
 * text) snaps to the nearest run: forwards for a start, backwards for an end.
 */

export const RUN_SELECTOR = '[data-start]'

export type TextRange = { start: number; end: number }

function runOf(node: Node, root: HTMLElement): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement
  const run = element?.closest<HTMLElement>(RUN_SELECTOR) ?? null
  return run && root.contains(run) ? run : null
}

function runStart(run: HTMLElement): number {
  return Number(run.dataset.start)
}

function runLength(run: HTMLElement): number {
  return run.textContent?.length ?? 0
}

/** Characters of `run` before `node` (which is inside it), counting text nodes only. */
function textBefore(run: HTMLElement, node: Node): number {
  let count = 0
  const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT)
  for (let current = walker.nextNode(); current && current !== node; current = walker.nextNode()) {
    count += current.textContent?.length ?? 0
  }
  return count
}

/**
 * Index of the first run that starts at or after the boundary point, by binary search over the
 * runs in document order (which is text order).
 */
function firstRunAfter(runs: HTMLElement[], point: globalThis.Range): number {
  let low = 0
  let high = runs.length
  while (low < high) {
    const mid = (low + high) >> 1
    // comparePoint: -1 when (run, 0) lies before the collapsed boundary range.
    if (point.comparePoint(runs[mid]!, 0) < 0) low = mid + 1
    else high = mid
  }
  return low
}

/** The offset in the source text of one boundary point of a DOM range. */
export function boundaryOffset(
  root: HTMLElement,
  node: Node,
  offset: number,
  edge: 'start' | 'end'
): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = runOf(node, root)
    if (run) return runStart(run) + textBefore(run, node) + offset
  }
  const runs = [...root.querySelectorAll<HTMLElement>(RUN_SELECTOR)]
  if (runs.length === 0) return null
  const point = document.createRange()
  try {
    point.setStart(node, offset)
  } catch {
    return null
  }
  point.collapse(true)
  const next = firstRunAfter(runs, point)
  if (edge === 'start') {
    const run = runs[next]
    return run ? runStart(run) : null
  }
  // The point may sit inside a run's element but after its text node (e.g. (run, 1)).
  const containing = runOf(node, root)
  if (containing) return runStart(containing) + (offset === 0 ? 0 : runLength(containing))
  const previous = runs[next - 1]
  return previous ? runStart(previous) + runLength(previous) : null
}

/** The selection's range in source offsets, if it touches the text under `root`. */
export function rangeOffsets(root: HTMLElement, range: globalThis.Range): TextRange | null {
  if (range.collapsed || !range.intersectsNode(root)) return null
  const start = boundaryOffset(root, range.startContainer, range.startOffset, 'start')
  const end = boundaryOffset(root, range.endContainer, range.endOffset, 'end')
  if (start === null || end === null || end <= start) return null
  return { start, end }
}

export function selectionOffsets(root: HTMLElement): TextRange | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  return rangeOffsets(root, selection.getRangeAt(0))
}

/** The DOM range for source offsets (used to select a passage again, e.g. after a find). */
export function domRange(root: HTMLElement, range: TextRange): globalThis.Range | null {
  const runs = [...root.querySelectorAll<HTMLElement>(RUN_SELECTOR)]
  const locate = (offset: number, preferEnd: boolean): [Node, number] | null => {
    for (const run of runs) {
      const start = runStart(run)
      const end = start + runLength(run)
      const inside = preferEnd ? offset > start && offset <= end : offset >= start && offset < end
      if (!inside) continue
      const text = run.firstChild
      return text ? [text, offset - start] : null
    }
    return null
  }
  const from = locate(range.start, false)
  const to = locate(range.end, true)
  if (!from || !to) return null
  const dom = document.createRange()
  dom.setStart(from[0], from[1])
  dom.setEnd(to[0], to[1])
  return dom
}
