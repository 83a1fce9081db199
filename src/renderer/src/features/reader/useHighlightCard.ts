import { useCallback, useEffect, useRef, useState } from 'react'
import type { MouseEvent as ReactMouseEvent, RefObject } from 'react'

/** The card of a highlight: which citations, next to which rectangle, and whether pinned. */
export type HighlightCardState = { ids: string[]; rect: DOMRect; pinned: boolean }

const SHOW_MS = 120
const HIDE_MS = 220

/** The rectangle of a (possibly multi-line) element that is under the pointer. */
function rectUnder(element: Element, x: number, y: number): DOMRect {
  for (const rect of element.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return rect
  }
  return element.getBoundingClientRect()
}

function highlightOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[data-citations]') : null
}

function idsOf(element: HTMLElement): string[] {
  return (element.dataset.citations ?? '').split(' ').filter(Boolean)
}

/**
 * Hovering a highlight shows its card after a moment; moving into the card keeps it; clicking
 * a highlight pins it until a click elsewhere, Escape, or scrolling it away.
 */
export function useHighlightCard(scrollRef: RefObject<HTMLElement | null>, scrollKey: unknown) {
  const [card, setCard] = useState<HighlightCardState | null>(null)
  const timer = useRef<number | undefined>(undefined)

  const hideSoon = useCallback(() => {
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => {
      setCard((current) => (current?.pinned ? current : null))
    }, HIDE_MS)
  }, [])

  const keepOpen = useCallback(() => window.clearTimeout(timer.current), [])
  const close = useCallback(() => setCard(null), [])
  const pin = useCallback((ids: string[], rect: DOMRect) => {
    window.clearTimeout(timer.current)
    setCard({ ids, rect, pinned: true })
  }, [])

  useEffect(() => () => window.clearTimeout(timer.current), [])

  const onMouseOver = useCallback(
    (event: ReactMouseEvent) => {
      const element = highlightOf(event.target)
      window.clearTimeout(timer.current)
      if (!element) {
        hideSoon()
        return
      }
      const ids = idsOf(element)
      const rect = rectUnder(element, event.clientX, event.clientY)
      timer.current = window.setTimeout(() => {
        setCard((current) => (current?.pinned ? current : { ids, rect, pinned: false }))
      }, SHOW_MS)
    },
    [hideSoon]
  )

  /** A click on a highlight pins its card (not the click that ends a selection). */
  const onClick = useCallback(
    (event: ReactMouseEvent): string[] | null => {
      if (!window.getSelection()?.isCollapsed) return null
      const element = highlightOf(event.target)
      if (!element) {
        setCard(null)
        return null
      }
      const ids = idsOf(element)
      pin(ids, rectUnder(element, event.clientX, event.clientY))
      return ids
    },
    [pin]
  )

  // Scrolling takes the text away from an unpinned card.
  useEffect(() => {
    const scroller = scrollRef.current
    if (!scroller) return
    const onScroll = () => setCard((current) => (current && !current.pinned ? null : current))
    scroller.addEventListener('scroll', onScroll, { passive: true })
    return () => scroller.removeEventListener('scroll', onScroll)
  }, [scrollRef, scrollKey])

  // A pinned card closes on a click elsewhere, or Escape.
  const pinned = card?.pinned ?? false
  useEffect(() => {
    if (!pinned) return
    const onDown = (event: PointerEvent) => {
      const target = event.target
      if (target instanceof Element && target.closest('.highlight-card, [data-citations]')) return
      setCard(null)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setCard(null)
    }
    window.addEventListener('pointerdown', onDown)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('pointerdown', onDown)
      window.removeEventListener('keydown', onKey)
    }
  }, [pinned])

  return { card, onMouseOver, onClick, hideSoon, keepOpen, close, pin }
}
