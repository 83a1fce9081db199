import { useCallback, useEffect, useState } from 'react'
import type { RefObject } from 'react'
import { normalizeSelection } from '../../../../shared/anchoring'
import { rangeOffsets, type TextRange } from './domOffsets'

/** A passage selected in the reader's text: source offsets, and where it is on screen. */
export type TextSelection = { range: TextRange; rect: DOMRect }

/**
 * Follows the document's selection and reports it when it lies in the reader's text, as
 * offsets into `content` (trimmed of surrounding white space). While the mouse button is held
 * the selection is still being made: `dragging` says so, so nothing pops up under the cursor.
 */
export function useTextSelection(
  textRef: RefObject<HTMLElement | null>,
  scrollRef: RefObject<HTMLElement | null>,
  content: string
) {
  const [selected, setSelected] = useState<TextSelection | null>(null)
  const [dragging, setDragging] = useState(false)

  /** The selection as it is now (also used at the moment an action starts). */
  const read = useCallback((): TextSelection | null => {
    const root = textRef.current
    const selection = window.getSelection()
    if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null
    const range = selection.getRangeAt(0)
    const offsets = rangeOffsets(root, range)
    if (!offsets) return null
    const trimmed = normalizeSelection(content, offsets.start, offsets.end)
    if (trimmed.end <= trimmed.start) return null
    return { range: trimmed, rect: range.getBoundingClientRect() }
  }, [textRef, content])

  useEffect(() => {
    let frame = 0
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => setSelected(read()))
    }
    document.addEventListener('selectionchange', update)
    // Scrolling moves the selection on screen: the bar beside it follows.
    const scroller = scrollRef.current
    scroller?.addEventListener('scroll', update, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('selectionchange', update)
      scroller?.removeEventListener('scroll', update)
    }
  }, [read, scrollRef])

  useEffect(() => {
    if (!dragging) return
    const up = () => setDragging(false)
    window.addEventListener('pointerup', up)
    return () => window.removeEventListener('pointerup', up)
  }, [dragging])

  const onPointerDown = useCallback((event: { button: number }) => {
    if (event.button === 0) setDragging(true)
  }, [])

  const clear = useCallback(() => window.getSelection()?.removeAllRanges(), [])

  return { selected, dragging, read, clear, onPointerDown }
}
